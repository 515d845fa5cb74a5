// Which character set a page is read in. The order of trust: a byte order mark (it cannot be
// there by accident, and browsers let it win, as the WHATWG Encoding Standard says), the
// charset of the HTTP Content-Type header (in a web archive), then the bytes themselves when
// they are valid UTF-8 (a page that is valid UTF-8 is UTF-8 whatever its <meta> says: a stale
// declaration is far likelier than Latin-1 text that happens to be valid UTF-8, as trafilatura
// also reasons), then what the page declares (<meta charset>, http-equiv Content-Type), else
// Windows-1252, as the plain-text reader falls back.
//
// Windows-1252 (and its aliases ISO-8859-1 and US-ASCII, which browsers read as Windows-1252)
// and UTF-16 are decoded here, into UTF-8, because iconv drops text at the five bytes
// Windows-1252 leaves undefined; any other declared charset is decoded by libxml2 (iconv).

enum HTMLCharset {
    /// How a page was decoded, for the reader's warnings.
    enum Outcome: Sendable, Equatable {
        /// As its byte order mark, header or declaration said, or as valid UTF-8.
        case asDeclared
        /// Not valid UTF-8 and nothing declared: read as Windows-1252.
        case windows1252Fallback
        /// The header or page named a charset nobody here knows: read as UTF-8 or Windows-1252.
        case unknownCharset(String)
    }

    /// The page parsed in the charset the order of trust gives.
    /// - Parameter transportCharset: the charset of the HTTP Content-Type header, if any.
    /// - Throws: `HTMLParseError` when the page cannot be parsed at all.
    static func parse(_ bytes: [UInt8], transportCharset: String?) throws -> (page: HTMLPage, outcome: Outcome) {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            return (try HTMLPage(Array(bytes.dropFirst(3)), encoding: "UTF-8"), .asDeclared)
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let (text, _) = TextDecoding.decode(bytes)
            return (try HTMLPage(Array(text.utf8), encoding: "UTF-8"), .asDeclared)
        }
        var unknown: String?
        if let label = transportCharset.map(Label.init), label != .unnamed {
            switch label {
            case .utf8: return (try HTMLPage(bytes, encoding: "UTF-8"), .asDeclared)
            case .windows1252: return (try HTMLPage(windows1252ToUTF8(bytes), encoding: "UTF-8"), .asDeclared)
            case .other(let name):
                do {
                    return (try HTMLPage(bytes, encoding: name), .asDeclared)
                } catch HTMLParseError.unknownEncoding {
                    unknown = name
                }
            case .unnamed: break
            }
        }
        if TextDecoding.isValidUTF8(bytes[...]) {
            return (try HTMLPage(bytes, encoding: "UTF-8"), unknown.map { .unknownCharset($0) } ?? .asDeclared)
        }
        // Not UTF-8: let libxml2 read the page's own declaration, and decode it itself unless it
        // is one decoded here.
        let declaredPage = try HTMLPage(bytes, encoding: nil)
        switch declaredPage.declaredEncoding.map(Label.init) ?? .unnamed {
        case .other:
            return (declaredPage, unknown.map { .unknownCharset($0) } ?? .asDeclared)
        case .windows1252, .utf8:
            // A page declared UTF-8 that is not: its bytes read best as Windows-1252.
            return (try HTMLPage(windows1252ToUTF8(bytes), encoding: "UTF-8"), unknown.map { .unknownCharset($0) } ?? .asDeclared)
        case .unnamed:
            return (try HTMLPage(windows1252ToUTF8(bytes), encoding: "UTF-8"), unknown.map { .unknownCharset($0) } ?? .windows1252Fallback)
        }
    }

    /// The charset parameter of a Content-Type header value ("text/html; charset=ISO-8859-1"),
    /// unquoted; nil when there is none.
    static func charset(ofContentType value: String) -> String? {
        for parameter in value.split(separator: ";").dropFirst() {
            let parts = parameter.split(separator: "=", maxSplits: 1)
            guard parts.count == 2, parts[0].trimmedForParsing().lowercased() == "charset" else { continue }
            var charset = parts[1].trimmedForParsing()
            if charset.count >= 2, let first = charset.first, first == "\"" || first == "'", charset.last == first {
                charset = charset.dropFirst().dropLast()
            }
            return charset.isEmpty ? nil : String(charset)
        }
        return nil
    }

    /// A charset label as the decision above needs it.
    enum Label: Equatable {
        case utf8, windows1252, other(String), unnamed

        init(_ label: String) {
            let name = label.trimmedForParsing().lowercased()
            if name.isEmpty {
                self = .unnamed
            } else if Self.utf8Labels.contains(name) {
                self = .utf8
            } else if Self.windows1252Labels.contains(name) {
                self = .windows1252
            } else {
                self = .other(String(name))
            }
        }

        static let utf8Labels: Set<String> = ["utf-8", "utf8", "unicode-1-1-utf-8", "x-unicode20utf8"]
        /// The WHATWG Encoding Standard's labels of windows-1252.
        static let windows1252Labels: Set<String> = [
            "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso88591", "iso_8859-1",
            "iso_8859-1:1987", "latin1", "l1", "cp819", "ibm819", "iso-ir-100", "csisolatin1",
            "us-ascii", "ascii", "ansi_x3.4-1968", "windows1252",
        ]
    }

    /// Windows-1252 bytes as UTF-8.
    static func windows1252ToUTF8(_ bytes: [UInt8]) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + bytes.count / 8)
        for byte in bytes {
            if byte < 0x80 {
                out.append(byte)
            } else {
                out.append(contentsOf: highBytesUTF8[Int(byte) - 0x80])
            }
        }
        return out
    }

    /// The UTF-8 of one byte 0x80–0xFF read as Windows-1252.
    static func windows1252UTF8(_ byte: UInt8) -> [UInt8] { highBytesUTF8[Int(byte) - 0x80] }

    /// The UTF-8 of each byte 0x80–0xFF read as Windows-1252.
    private static let highBytesUTF8: [[UInt8]] = (0x80...0xFF).map { byte in
        Array(String(Character(TextDecoding.windows1252Scalar(UInt8(byte)))).utf8)
    }
}
