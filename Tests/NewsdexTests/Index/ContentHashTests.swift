import Testing
@testable import Newsdex

@Suite struct ContentHashTests {
    @Test func equalBytesHashEqualAndOneByteChangesIt() {
        let a = ContentHash(bytes: Array("The harbour reopened.".utf8))
        #expect(a == ContentHash(bytes: Array("The harbour reopened.".utf8)))
        #expect(a != ContentHash(bytes: Array("The harbour reopened!".utf8)))
        #expect(ContentHash(bytes: []) != ContentHash(bytes: [0]))
    }

    @Test func hexRoundTrips() {
        let hash = ContentHash(bytes: Array("x".utf8))
        #expect(hash.hex.count == 32)
        #expect(ContentHash(hex: hash.hex) == hash)
        #expect(ContentHash(hex: "zz") == nil)
    }
}
