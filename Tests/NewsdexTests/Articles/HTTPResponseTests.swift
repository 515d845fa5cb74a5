// HTTP responses as crawlers record them.
import Testing
@testable import Newsdex

@Suite struct HTTPResponseTests {
    private func response(_ head: String, _ body: [UInt8]) throws -> HTTPResponse {
        try #require(HTTPResponse(Array(head.utf8) + body))
    }

    @Test func statusHeadersAndBody() throws {
        let r = try response("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Long: a\r\n b\r\n\r\n", Array("<p>hi".utf8))
        #expect(r.status == 200)
        #expect(r.header("content-type") == "text/html")
        #expect(r.header("X-Long") == "a b")
        #expect(try r.payload(limit: 100) == Array("<p>hi".utf8))
        #expect(try response("HTTP/1.0 302 \n\n", []).status == 302)
        #expect(HTTPResponse(Array("GET / HTTP/1.1\r\n\r\n".utf8)) == nil)
        #expect(HTTPResponse(Array("no head".utf8)) == nil)
    }

    @Test func chunkedAndCompressedBodiesAreUndone() throws {
        let chunked = Array("5;ext=1\r\nhello\r\n6\r\n world\r\n0\r\nTrailer: x\r\n\r\n".utf8)
        let r = try response("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", chunked)
        #expect(try r.payload(limit: 100) == Array("hello world".utf8))
        // Stored decoded under the original header: taken as it is.
        let stored = try response("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", Array("<p>plain".utf8))
        #expect(try stored.payload(limit: 100) == Array("<p>plain".utf8))
        let notCompressed = try response("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", Array("<p>plain".utf8))
        #expect(try notCompressed.payload(limit: 100) == Array("<p>plain".utf8))
        let brotli = try response("HTTP/1.1 200 OK\r\nContent-Encoding: br\r\n\r\n", [0x1B, 0x03, 0x00])
        #expect(throws: HTTPResponse.PayloadError.unsupportedEncoding("br")) { try brotli.payload(limit: 100) }
    }

    @Test func gzipAndDeflateEncodings() throws {
        // "hello" compressed: gzip (by zlib), and zlib-wrapped deflate.
        let gzip: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xCB, 0x48, 0xCD, 0xC9, 0xC9,
                             0x07, 0x00, 0x86, 0xA6, 0x10, 0x36, 0x05, 0x00, 0x00, 0x00]
        let zlib: [UInt8] = [0x78, 0x9C, 0xCB, 0x48, 0xCD, 0xC9, 0xC9, 0x07, 0x00, 0x06, 0x2C, 0x02, 0x15]
        #expect(try response("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", gzip).payload(limit: 100) == Array("hello".utf8))
        #expect(try response("HTTP/1.1 200 OK\r\nContent-Encoding: deflate\r\n\r\n", zlib).payload(limit: 100) == Array("hello".utf8))
        let cut = try response("HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\n\r\n", Array(gzip.prefix(14)))
        #expect(throws: HTTPResponse.PayloadError.self) { try cut.payload(limit: 100) }
    }
}
