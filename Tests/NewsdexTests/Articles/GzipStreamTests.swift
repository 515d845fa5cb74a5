// A file as a stream of bytes, inflated member by member.
import Testing
@testable import Newsdex

@Suite struct GzipStreamTests {
    /// "hello" and "world\n", each a gzip member of its own.
    private let hello: [UInt8] = [0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0x03, 0xCB, 0x48, 0xCD, 0xC9,
                                  0xC9, 0x07, 0x00, 0x86, 0xA6, 0x10, 0x36, 0x05, 0x00, 0x00, 0x00]

    private func stream(_ bytes: [UInt8]) throws -> ArchiveStream { try ArchiveStream(source: MemoryByteSource(bytes)) }

    @Test func plainBytesPassThrough() throws {
        let s = try stream(Array("one\ntwo\nthree".utf8))
        #expect(!s.isGzip)
        #expect(s.readLine(limit: 100) == Array("one\n".utf8))
        #expect(s.read(3) == Array("two".utf8))
        #expect(s.position == 7)
        #expect(s.skip(100) == 6)
        #expect(s.readLine(limit: 100) == nil)
        #expect(s.isAtEnd)
    }

    @Test func membersFollowOneAnotherAndTellWhereTheyBegin() throws {
        let s = try stream(hello + hello)
        #expect(s.isGzip)
        #expect(s.nextMemberStart == 0)
        #expect(s.read(5) == Array("hello".utf8))
        #expect(s.nextMemberStart == hello.count)
        #expect(s.read(100) == Array("hello".utf8))
        #expect(s.failure == nil)
    }

    @Test func aConfinedReadStopsAtItsMembersEnd() throws {
        let s = try stream(hello + hello)
        s.confineToNextMember()
        #expect(s.read(100) == Array("hello".utf8))
        s.release()
        #expect(s.read(100) == Array("hello".utf8))
    }

    @Test func aCutOffMemberIsTruncated() throws {
        let s = try stream(hello + Array(hello.prefix(12)))
        #expect(s.read(5) == Array("hello".utf8))
        #expect(s.read(100).count < 5)
        #expect(s.failure == .truncated(memberOffset: hello.count))
    }

    @Test func afterCorruptDataTheNextMemberIsFound() throws {
        var corrupt = hello
        for i in 10..<17 { corrupt[i] ^= 0xFF }
        let s = try stream(hello + corrupt + hello)
        #expect(s.read(5) == Array("hello".utf8))
        #expect(s.read(5).isEmpty)
        #expect(s.failure == .corrupt(memberOffset: hello.count))
        #expect(s.skipToNextMember())
        #expect(s.nextMemberStart == 2 * hello.count)
        #expect(s.read(5) == Array("hello".utf8))
    }

    @Test func skippingToALine() throws {
        let s = try stream(Array("garbage garbage\nmore WARC/ not at the start\nWARC/1.0\r\nrest".utf8))
        _ = s.readLine(limit: 5)
        #expect(s.skipToLine(startingWith: Array("WARC/".utf8)))
        #expect(s.readLine(limit: 100) == Array("WARC/1.0\r\n".utf8))
        #expect(!s.skipToLine(startingWith: Array("WARC/".utf8)))
    }

    @Test func longLinesAreCut() throws {
        let s = try stream(Array(repeating: UInt8(ascii: "a"), count: 300_000))
        #expect(s.readLine(limit: 1000)?.count == 1000)
    }

    @Test func inflatingWhole() throws {
        #expect(try Inflater.inflateAll(hello + hello, format: .gzip, limit: 100) == Array("hellohello".utf8))
        #expect(throws: InflateError.corrupt) { try Inflater.inflateAll(Array(hello.prefix(15)), format: .gzip, limit: 100) }
    }
}
