// An HTTP response as a crawler recorded it in a web archive: status line, headers, body; and
// the payload with its transfer and content encodings undone (chunked, gzip, deflate).

struct HTTPResponse: Sendable {
    var status: Int
    var headers: [(name: String, value: String)]
    /// The body as recorded, encodings not undone.
    var body: [UInt8]

    /// The response in a record's block, or nil when the block is not an HTTP response.
    init?(_ block: [UInt8]) {
        // The head ends at the first empty line.
        var headEnd: Int?
        var bodyStart = 0
        var index = 0
        let scanLimit = min(block.count, 256 << 10)
        while index < scanLimit {
            if block[index] == 0x0A {
                if index + 1 < block.count, block[index + 1] == 0x0A {
                    headEnd = index
                    bodyStart = index + 2
                    break
                }
                if index + 2 < block.count, block[index + 1] == 0x0D, block[index + 2] == 0x0A {
                    headEnd = index
                    bodyStart = index + 3
                    break
                }
            }
            index += 1
        }
        guard let headEnd else { return nil }
        let head = String(decoding: block[0..<headEnd], as: UTF8.self)
        // "\r\n" is one Character: lines are split on any line end.
        var lines = head.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).map { $0.trimmingTrailingCR() }
        guard let statusLine = lines.first, statusLine.hasPrefix("HTTP/") else { return nil }
        // "HTTP/1.1 200 OK", "HTTP/1.0 200" (no reason phrase).
        let parts = statusLine.split(separator: " ", maxSplits: 2)
        guard parts.count >= 2, let status = Int(parts[1]) else { return nil }
        self.status = status
        lines.removeFirst()
        var headers: [(name: String, value: String)] = []
        for line in lines where !line.isEmpty {
            if let first = line.first, first == " " || first == "\t", !headers.isEmpty {
                headers[headers.count - 1].value += " " + line.trimmedForParsing()
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            headers.append((String(line[..<colon]), String(line[line.index(after: colon)...].trimmedForParsing())))
        }
        self.headers = headers
        body = Array(block[bodyStart...])
    }

    /// The first header named `name`, ignoring case.
    func header(_ name: String) -> String? {
        let lower = name.lowercased()
        return headers.first { $0.name.lowercased() == lower }?.value
    }

    /// Why a payload cannot be had.
    enum PayloadError: Error, Equatable {
        case unsupportedEncoding(String)
        case corrupt(String)
        /// The payload, inflated, is larger than the limit.
        case tooLarge
    }

    /// The payload: chunked transfer encoding undone, then gzip or deflate content encoding, up
    /// to `limit` bytes. Crawlers that store the decoded payload under the original headers
    /// (wget, some recorders) are recognised: a body that is not chunked or not compressed is
    /// taken as it is.
    /// - Throws: `PayloadError` for an encoding that cannot be undone (brotli, corrupt data).
    func payload(limit: Int) throws -> [UInt8] {
        var bytes = body
        if header("Transfer-Encoding")?.lowercased().contains("chunked") == true, let unchunked = Self.unchunked(bytes) {
            bytes = unchunked
        }
        let encodings = (header("Content-Encoding") ?? "").lowercased().split(separator: ",")
            .map { $0.trimmedForParsing() }.filter { !$0.isEmpty && $0 != "identity" }
        for encoding in encodings.reversed() {
            switch encoding {
            case "gzip", "x-gzip", "deflate":
                guard Self.looksCompressed(bytes) else { continue }  // stored decoded
                do {
                    bytes = try Inflater.inflateAll(bytes, format: .zlibOrGzip, limit: limit + 1)
                    if bytes.count > limit { throw PayloadError.tooLarge }
                } catch PayloadError.tooLarge {
                    throw PayloadError.tooLarge
                } catch {
                    guard encoding == "deflate", let raw = try? Inflater.inflateAll(bytes, format: .rawDeflate, limit: limit) else {
                        throw PayloadError.corrupt("the \(encoding) content encoding cannot be undone: corrupt data")
                    }
                    bytes = raw
                }
            default:
                if Self.looksCompressed(bytes) || encoding == "br" {
                    throw PayloadError.unsupportedEncoding(String(encoding))
                }
            }
        }
        return bytes
    }

    /// gzip's magic, or a zlib header (a deflate body as servers send it).
    private static func looksCompressed(_ bytes: [UInt8]) -> Bool {
        guard bytes.count >= 2 else { return false }
        if bytes[0] == 0x1F && bytes[1] == 0x8B { return true }
        return bytes[0] & 0x0F == 8 && (UInt16(bytes[0]) << 8 | UInt16(bytes[1])) % 31 == 0
    }

    /// A chunked body decoded, or nil when it is not chunked after all.
    static func unchunked(_ bytes: [UInt8]) -> [UInt8]? {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var index = 0
        while index < bytes.count {
            guard let lineEnd = bytes[index...].firstIndex(of: 0x0A) else { return nil }
            var sizeText = String(decoding: bytes[index..<lineEnd], as: UTF8.self).trimmingTrailingCR()
            if let semicolon = sizeText.firstIndex(of: ";") { sizeText = String(sizeText[..<semicolon]) }
            guard let size = Int(sizeText.trimmedForParsing(), radix: 16), size >= 0 else { return nil }
            index = lineEnd + 1
            if size == 0 { return out }  // trailers, if any, are not payload
            guard index + size <= bytes.count else { return nil }
            out.append(contentsOf: bytes[index..<(index + size)])
            index += size
            // The chunk's line end.
            if index < bytes.count, bytes[index] == 0x0D { index += 1 }
            if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        }
        return out  // no last chunk: a cut-off transfer, kept as far as it goes
    }
}

extension StringProtocol {
    fileprivate func trimmingTrailingCR() -> String {
        hasSuffix("\r") ? String(dropLast()) : String(self)
    }
}
