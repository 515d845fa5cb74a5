// Reads the records of a web archive (WARC/1.0 and 1.1, ISO 28500) one at a time from an
// ArchiveStream: a record's header, then as much of its block as its reader wants; the rest is
// skipped unread. A record that is broken (a bad header, a wrong length, a cut-off gzip member)
// is reported with its offset, and reading resumes at the next record.

/// A record's header: "WARC/1.1" and its named fields, in order.
struct WARCHeader: Sendable, Equatable {
    var version: String
    var fields: [Field]

    struct Field: Sendable, Equatable {
        var name: String
        var value: String
    }

    /// The first field named `name`, ignoring case.
    func value(_ name: String) -> String? {
        let lower = name.lowercased()
        return fields.first { $0.name.lowercased() == lower }?.value
    }

    /// "response", "request", "resource", "revisit", "warcinfo", "metadata", "conversion", …, lower case.
    var type: String { value("WARC-Type")?.lowercased() ?? "" }
    var contentLength: Int? { value("Content-Length").flatMap { Int($0.trimmedForParsing()) } }
    var contentType: String? { value("Content-Type") }
    var date: String? { value("WARC-Date") }
    /// WARC-Target-URI, without the angle brackets some writers put around it.
    var targetURI: String? {
        guard var uri = value("WARC-Target-URI")?.trimmedForParsing(), !uri.isEmpty else { return nil }
        if uri.hasPrefix("<") && uri.hasSuffix(">") { uri = uri.dropFirst().dropLast() }
        return String(uri)
    }
    /// The payload's digest, else the block's ("sha1:…"): a fingerprint the writer computed.
    var digest: String? { value("WARC-Payload-Digest") ?? value("WARC-Block-Digest") }
}

/// A record that could not be read, and where it began.
struct BrokenRecord: Error, Sendable, Equatable {
    /// The record's offset in the file (its gzip member's, for a member-per-record file).
    var offset: Int
    var reason: String
}

final class WARCReader {
    /// A record begun: its header, where it is, and how much of its block is left.
    struct Record: Sendable {
        var header: WARCHeader
        /// Its offset in the file: its gzip member's, or (one gzip stream) in the uncompressed bytes.
        var offset: Int
    }

    private let stream: ArchiveStream
    /// Bytes of the current record's block not yet read.
    private var remaining = 0
    private var current: Record?
    /// Whether the current record began a gzip member of its own.
    private var currentOwnsMember = false
    /// The stream must be resynchronized before the next record.
    private var lost = false
    private var lostInOwnMember = false

    /// Header lines longer than this, or more than `maximumFields` of them, make a record broken.
    static let maximumLine = 64 << 10
    static let maximumFields = 1000

    init(stream: ArchiveStream) {
        self.stream = stream
    }

    /// Whether the file is gzip (one member per record, or one for all).
    var isGzip: Bool { stream.isGzip }

    /// The next record's header, the stream left at the start of its block; a broken record; or
    /// nil at the end of the file.
    func next() -> Result<Record, BrokenRecord>? {
        if current != nil, let broken = finish() { return .failure(broken) }
        if lost {
            lost = false
            let found = lostInOwnMember ? stream.skipToNextMember() : stream.skipToLine(startingWith: Array("WARC/".utf8))
            if !found { return nil }
        }
        stream.release()
        let memberStart = stream.nextMemberStart
        if memberStart != nil { stream.confineToNextMember() }
        currentOwnsMember = memberStart != nil
        let offset = memberStart ?? stream.position

        // Blank lines between records are tolerated.
        var line: [UInt8]?
        var blankLines = 0
        repeat {
            line = stream.readLine(limit: Self.maximumLine)
            blankLines += 1
        } while line.map(Self.isBlank) == true && blankLines < 16
        guard let versionLine = line else {
            if let failure = stream.failure { return .failure(broken(offset, failure)) }
            return nil
        }
        let version = Self.text(versionLine)
        guard version.hasPrefix("WARC/") else {
            if let failure = stream.failure { return .failure(broken(offset, failure)) }
            return .failure(lose(offset, "not a WARC record: it begins \(Self.quoted(version))"))
        }
        var fields: [WARCHeader.Field] = []
        while true {
            guard let raw = stream.readLine(limit: Self.maximumLine) else {
                if let failure = stream.failure { return .failure(broken(offset, failure)) }
                return .failure(lose(offset, "the file ends inside the record's header"))
            }
            if Self.isBlank(raw) { break }
            guard raw.last == 0x0A else { return .failure(lose(offset, "a header line is too long")) }
            let text = Self.text(raw)
            if let first = raw.first, first == 0x20 || first == 0x09, !fields.isEmpty {
                fields[fields.count - 1].value += " " + text.trimmedForParsing()  // a folded line
                continue
            }
            guard let colon = text.firstIndex(of: ":"), colon != text.startIndex else {
                return .failure(lose(offset, "a header line has no field name: \(Self.quoted(text))"))
            }
            fields.append(WARCHeader.Field(
                name: String(text[..<colon]), value: String(text[text.index(after: colon)...].trimmedForParsing())))
            guard fields.count <= Self.maximumFields else { return .failure(lose(offset, "too many header lines")) }
        }
        let header = WARCHeader(version: version, fields: fields)
        guard let length = header.contentLength, length >= 0 else {
            return .failure(lose(offset, "no valid Content-Length in the record's header"))
        }
        remaining = length
        current = Record(header: header, offset: offset)
        return .success(current!)
    }

    /// Up to `count` more bytes of the current record's block, never past its end.
    func readBlock(_ count: Int) -> [UInt8] {
        let bytes = stream.read(min(count, remaining))
        remaining -= bytes.count
        return bytes
    }

    /// Bytes of the current block not yet read.
    var remainingBlock: Int { remaining }

    /// Skips the rest of the current record and checks that it ends where its length says; the
    /// record is broken (and must not be used) when it does not. `next()` calls it when the
    /// caller did not.
    func finish() -> BrokenRecord? {
        guard let record = current else { return nil }
        current = nil
        let skipped = stream.skip(remaining)
        let short = remaining - skipped
        remaining = 0
        if short > 0 {
            if let failure = stream.failure { return broken(record.offset, failure) }
            return lose(record.offset, "the record is \(short) bytes shorter than its Content-Length says (truncated)")
        }
        // Two line ends close a record ("\r\n\r\n"; writers that wrote "\n\n" or "\r\r\n" are
        // forgiven): anything else right after the block means its length is wrong.
        var lineEnds = 0
        while lineEnds < 8, let byte = stream.peek(), byte == 0x0D || byte == 0x0A {
            stream.skip(1)
            lineEnds += 1
        }
        if let failure = stream.failure { return broken(record.offset, failure) }
        if lineEnds == 0 && stream.peek() != nil {
            return lose(record.offset, "the record does not end where its Content-Length says")
        }
        return nil
    }

    /// A broken record, and the stream marked lost so that the next record is looked for.
    private func lose(_ offset: Int, _ reason: String) -> BrokenRecord {
        current = nil
        remaining = 0
        lost = true
        lostInOwnMember = currentOwnsMember
        return BrokenRecord(offset: offset, reason: reason)
    }

    private func broken(_ offset: Int, _ failure: ArchiveStream.Failure) -> BrokenRecord {
        switch failure {
        case .corrupt(let member):
            return lose(member, "corrupt gzip data")
        case .truncated(let member):
            return lose(member, "the gzip member is cut short (an interrupted write?)")
        case .unreadable(let message):
            return lose(offset, message)
        }
    }

    private static func isBlank(_ line: [UInt8]) -> Bool {
        line.allSatisfy { $0 == 0x0D || $0 == 0x0A }
    }

    /// A header line as text, without its line end; Latin-1 bytes are kept as they are.
    private static func text(_ line: [UInt8]) -> String {
        var end = line.count
        while end > 0, line[end - 1] == 0x0A || line[end - 1] == 0x0D { end -= 1 }
        let bytes = line[0..<end]
        if TextDecoding.isValidUTF8(bytes) { return String(decoding: bytes, as: UTF8.self) }
        return String(String.UnicodeScalarView(bytes.map { Unicode.Scalar($0) }))
    }

    private static func quoted(_ text: String) -> String {
        "\"" + text.prefix(40) + (text.count > 40 ? "…" : "") + "\""
    }
}
