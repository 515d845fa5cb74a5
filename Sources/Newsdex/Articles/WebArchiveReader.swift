// Which records of a web archive are articles: each `response` record with an HTML payload (and
// each `resource` record that is HTML) is one, read by HTMLReader with the record's URL as its
// id and url and its WARC-Date as the crawl date. Every other record is skipped and counted by
// kind; a broken one is rejected with its offset. One record is in memory at a time.
import Foundation

/// A page found in a web archive, not yet read as an article (so that pages can be read on
/// several threads while the archive is read on one).
struct ArchivedPage: Sendable {
    var url: String
    /// The article id: the URL; a URL met again in the same file gets "#" and its crawl time.
    var id: String
    /// WARC-Date as ISO ("2024-10-18T14:30").
    var crawled: String?
    var offset: Int
    var payload: [UInt8]
    /// The charset of the HTTP Content-Type header.
    var charset: String?
    /// The HTTP Content-Language header.
    var contentLanguage: String? = nil
    /// What identifies the record's content, for incremental runs: the digest the crawler wrote,
    /// else a hash of the payload.
    var fingerprint: String
}

/// What one record of a web archive gave.
enum WebArchiveItem: Sendable {
    case page(ArchivedPage)
    /// A record that is not an article, by kind ("request", "revisit", "non-HTML response").
    case skipped(String)
    case rejected(Rejection)
}

/// Reads a web archive record by record. One thread at a time.
final class WebArchiveReader {
    private let reader: WARCReader
    private let path: String
    private let maxRecordSize: Int
    /// Hashes of the URLs met so far, to tell a URL crawled twice in one file.
    private var seenURLs = Set<UInt64>()
    private var finished = false

    /// Whether a path names a web archive ("x.warc", "x.warc.gz"), by its name.
    static func isWebArchive(_ path: String) -> Bool {
        let lower = path.lowercased()
        return lower.hasSuffix(".warc") || lower.hasSuffix(".warc.gz")
    }

    /// - Parameters:
    ///   - path: the file, relative to the corpus root, named in rejections.
    ///   - maxRecordSize: records with a larger HTML block are rejected unread.
    /// - Throws: `ByteSourceError` when the file cannot be read at all.
    init(source: any ByteSource, path: String, maxRecordSize: Int) throws {
        do {
            reader = WARCReader(stream: try ArchiveStream(source: source))
        } catch let error as ByteSourceError {
            throw error
        } catch {
            throw ByteSourceError(message: "out of memory")
        }
        self.path = path
        self.maxRecordSize = maxRecordSize
    }

    /// The next record's outcome, or nil at the end of the archive.
    func next() -> WebArchiveItem? {
        guard !finished else { return nil }
        guard let result = reader.next() else {
            finished = true
            return nil
        }
        switch result {
        case .failure(let broken):
            return .rejected(Rejection(path: path, offset: broken.offset, reason: broken.reason))
        case .success(let record):
            return item(of: record)
        }
    }

    private func item(of record: WARCReader.Record) -> WebArchiveItem {
        let header = record.header
        switch header.type {
        case "response":
            guard (header.contentType ?? "").lowercased().contains("application/http") else {
                return .skipped("response that is not HTTP")
            }
            // The HTTP head first, to know whether the body is worth reading.
            var block = reader.readBlock(min(64 << 10, maxRecordSize + (64 << 10)))
            guard var response = HTTPResponse(block) else {
                if let broken = reader.finish() { return rejected(broken) }
                return .skipped("response without an HTTP head")
            }
            guard (200..<300).contains(response.status) else {
                return .skipped("HTTP \(response.status / 100)xx response")
            }
            guard Self.isHTML(contentType: response.header("Content-Type"), body: response.body) else {
                return .skipped("non-HTML response")
            }
            let bodySize = response.body.count + reader.remainingBlock
            if bodySize > maxRecordSize {
                return .rejected(Rejection(path: path, offset: record.offset, reason: Self.tooLarge(bodySize, maxRecordSize)))
            }
            block += reader.readBlock(reader.remainingBlock)
            if let broken = reader.finish() { return rejected(broken) }
            response = HTTPResponse(block) ?? response
            let payload: [UInt8]
            do {
                payload = try response.payload(limit: maxRecordSize)
            } catch HTTPResponse.PayloadError.tooLarge {
                return .rejected(Rejection(path: path, offset: record.offset,
                    reason: "page too large once its content encoding is undone (the limit is \(maxRecordSize) bytes)"))
            } catch HTTPResponse.PayloadError.unsupportedEncoding(let encoding) {
                return .rejected(Rejection(path: path, offset: record.offset,
                    reason: "the page's content encoding \"\(encoding.prefix(20))\" is not supported"))
            } catch {
                return .rejected(Rejection(path: path, offset: record.offset, reason: "\(error)"))
            }
            let charset = response.header("Content-Type").flatMap(HTMLCharset.charset(ofContentType:))
            return page(record, payload: payload, charset: charset, contentLanguage: response.header("Content-Language"))
        case "resource":
            guard Self.isHTML(contentType: header.contentType, body: []) else { return .skipped("non-HTML resource") }
            guard (header.contentLength ?? 0) <= maxRecordSize else {
                return .rejected(Rejection(path: path, offset: record.offset,
                    reason: Self.tooLarge(header.contentLength ?? 0, maxRecordSize)))
            }
            let payload = reader.readBlock(maxRecordSize)
            if let broken = reader.finish() { return rejected(broken) }
            return page(record, payload: payload, charset: header.contentType.flatMap(HTMLCharset.charset(ofContentType:)))
        case "":
            return .skipped("record without a type")
        default:
            return .skipped(header.type)
        }
    }

    private static func tooLarge(_ size: Int, _ limit: Int) -> String {
        "record too large (\(size) bytes; the limit is \(limit))"
    }

    private func rejected(_ broken: BrokenRecord) -> WebArchiveItem {
        .rejected(Rejection(path: path, offset: broken.offset, reason: broken.reason))
    }

    private func page(
        _ record: WARCReader.Record, payload: [UInt8], charset: String?, contentLanguage: String? = nil
    ) -> WebArchiveItem {
        guard let url = record.header.targetURI else {
            return .rejected(Rejection(path: path, offset: record.offset, reason: "no WARC-Target-URI"))
        }
        let crawled = record.header.date.flatMap { DatelineParser.parseISO($0)?.iso }
        var id = url
        if !seenURLs.insert(Self.hash(url)).inserted {
            id = url + "#" + (record.header.date ?? String(record.offset))
        }
        let fingerprint = record.header.digest ?? ContentHash(bytes: payload).hex
        return .page(ArchivedPage(
            url: url, id: id, crawled: crawled, offset: record.offset, payload: payload, charset: charset,
            contentLanguage: contentLanguage, fingerprint: fingerprint))
    }

    /// Whether a payload is HTML: by its Content-Type, or, without one, by how it begins.
    static func isHTML(contentType: String?, body: [UInt8]) -> Bool {
        if let type = contentType?.lowercased(), !type.trimmedForParsing().isEmpty {
            let media = type.split(separator: ";").first.map { $0.trimmedForParsing() } ?? ""
            return media == "text/html" || media == "application/xhtml+xml"
        }
        var start = body.startIndex
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { start += 3 }
        while start < body.endIndex, [0x20, 0x09, 0x0A, 0x0D].contains(body[start]) { start += 1 }
        let head = String(decoding: body[start..<min(body.endIndex, start + 15)], as: UTF8.self).lowercased()
        return head.hasPrefix("<!doctype html") || head.hasPrefix("<html")
    }

    /// FNV-1a, 64 bits: URLs are remembered by hash, so memory stays small in a large archive.
    private static func hash(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }

    // MARK: - Articles

    /// The article of an archived page, read as a saved page is, with the record's URL and
    /// crawl date. `folderSource` is the first folder under the corpus root, if any.
    static func read(_ page: ArchivedPage, path: String, folderSource: String?) -> ReadResult {
        HTMLReader.read(page.payload, context: PageContext(
            id: page.id, path: path, folderSource: folderSource, url: page.url, crawled: page.crawled,
            transportCharset: page.charset, transportLanguage: page.contentLanguage, offset: page.offset))
    }

    /// Every record of an archive, read: its articles, rejections, warnings and the count of
    /// records skipped by kind. For `newsdex parse` and tests; the indexer reads in batches.
    static func readAll(source: any ByteSource, path: String, folderSource: String?, maxRecordSize: Int) -> ReadResult {
        var result = ReadResult()
        let archive: WebArchiveReader
        do {
            archive = try WebArchiveReader(source: source, path: path, maxRecordSize: maxRecordSize)
        } catch {
            result.rejections.append(Rejection(path: path, reason: (error as? ByteSourceError)?.message ?? "\(error)"))
            return result
        }
        while let item = archive.next() {
            switch item {
            case .page(let page):
                let read = Self.read(page, path: path, folderSource: folderSource)
                result.articles += read.articles
                result.rejections += read.rejections
                result.warnings += read.warnings
            case .skipped(let kind):
                result.skipped[kind, default: 0] += 1
            case .rejected(let rejection):
                result.rejections.append(rejection)
            }
        }
        return result
    }
}
