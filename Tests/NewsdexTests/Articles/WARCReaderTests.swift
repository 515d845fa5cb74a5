// WARC records: headers, blocks, the line ends that close them.
import Testing
@testable import Newsdex

@Suite struct WARCReaderTests {
    private func reader(_ text: String) throws -> WARCReader {
        WARCReader(stream: try ArchiveStream(source: MemoryByteSource(Array(text.utf8))))
    }

    @Test func headersAndBlocks() throws {
        let r = try reader("""
            WARC/1.1\r
            WARC-Type: resource\r
            WARC-Target-URI: <http://a.example/x>\r
            X-Folded: one\r
             two\r
            Content-Length: 5\r
            \r
            hello\r
            \r
            \r
            WARC/1.0\n\
            WARC-Type: metadata\n\
            Content-Length: 2\n\
            \n\
            ab\n\
            \n
            """)
        guard case .success(let first)? = r.next() else { Issue.record("no first record"); return }
        #expect(first.header.version == "WARC/1.1")
        #expect(first.header.type == "resource")
        #expect(first.header.targetURI == "http://a.example/x")
        #expect(first.header.value("x-folded") == "one two")
        #expect(first.offset == 0)
        #expect(r.readBlock(3) == Array("hel".utf8))
        #expect(r.remainingBlock == 2)
        guard case .success(let second)? = r.next() else { Issue.record("no second record"); return }
        #expect(second.header.type == "metadata")
        #expect(r.readBlock(10) == Array("ab".utf8))
        #expect(r.next() == nil)
    }

    @Test func aMissingLengthIsABrokenRecord() throws {
        let r = try reader("WARC/1.0\r\nWARC-Type: request\r\n\r\nGET /\r\n\r\nWARC/1.0\r\nWARC-Type: metadata\r\nContent-Length: 0\r\n\r\n\r\n\r\n")
        guard case .failure(let broken)? = r.next() else { Issue.record("not broken"); return }
        #expect(broken == BrokenRecord(offset: 0, reason: "no valid Content-Length in the record's header"))
        guard case .success(let next)? = r.next() else { Issue.record("not resumed"); return }
        #expect(next.header.type == "metadata")
        #expect(next.offset == 41)
    }
}
