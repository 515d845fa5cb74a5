// Writes generated pages as a web archive, as a crawler does: a warcinfo record, then for each
// page a request and a response record, each record a gzip member of its own (as Common Crawl
// writes them). Records are appended as pages come; nothing is held but the record being written.
internal import CZlib
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

final class WARCFileWriter {
    private let file: UnsafeMutablePointer<FILE>
    private let path: String
    private var records = 0

    /// - Throws: `CorpusWriteError` when the file cannot be created.
    init(path: String) throws {
        guard let file = fopen(path, "w") else {
            throw CorpusWriteError(path: path, reason: String(cString: strerror(errno)))
        }
        setvbuf(file, nil, _IOFBF, 1 << 20)
        self.file = file
        self.path = path
        try write(type: "warcinfo", uri: nil, date: "2024-01-01T00:00:00Z", contentType: "application/warc-fields",
            block: Array("software: newsdex-corpus\r\nformat: WARC File Format 1.0\r\n".utf8))
    }

    deinit { fclose(file) }

    /// Appends a page's request and response records.
    func append(url: String, date: String, html: String) throws {
        let host = url.split(separator: "/").dropFirst(1).first.map(String.init) ?? ""
        let target = "/" + url.split(separator: "/", maxSplits: 3).dropFirst(3).joined()
        try write(type: "request", uri: url, date: date, contentType: "application/http; msgtype=request",
            block: Array("GET \(target) HTTP/1.1\r\nHost: \(host)\r\nUser-Agent: newsdex-corpus/1.0\r\n\r\n".utf8))
        let body = Array(html.utf8)
        let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: \(body.count)\r\n\r\n"
        try write(type: "response", uri: url, date: date, contentType: "application/http; msgtype=response",
            block: Array(head.utf8) + body)
    }

    func close() throws {
        if fflush(file) != 0 { throw CorpusWriteError(path: path, reason: String(cString: strerror(errno))) }
    }

    private func write(type: String, uri: String?, date: String, contentType: String, block: [UInt8]) throws {
        records += 1
        var header = "WARC/1.0\r\nWARC-Type: \(type)\r\n"
        header += "WARC-Record-ID: <urn:uuid:00000000-0000-4000-8000-\(zeroPadded(records, width: 12))>\r\n"
        header += "WARC-Date: \(date)\r\n"
        if let uri { header += "WARC-Target-URI: \(uri)\r\n" }
        header += "Content-Type: \(contentType)\r\nContent-Length: \(block.count)\r\n\r\n"
        let record = Array(header.utf8) + block + Array("\r\n\r\n".utf8)
        var compressed: UnsafeMutablePointer<UInt8>?
        var length = 0
        let status = record.withUnsafeBufferPointer { cz_gzip($0.baseAddress, $0.count, &compressed, &length) }
        guard status == CZ_OK, let compressed else { throw CorpusWriteError(path: path, reason: "out of memory compressing a record") }
        defer { cz_bytes_free(compressed) }
        guard fwrite(compressed, 1, length, file) == length else {
            throw CorpusWriteError(path: path, reason: String(cString: strerror(errno)))
        }
    }
}
