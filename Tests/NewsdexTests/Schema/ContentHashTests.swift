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

    /// Indexes store these hashes (file records, long identifier terms): the value is pinned, as
    /// computed by the implementation that wrote the indexes in use (Python, from its definition).
    @Test func theStoredFormIsUnchanged() {
        #expect(ContentHash(bytes: Array("The harbour reopened.".utf8)).hex == "f92d1e635a9297a564af59c7f268e3dc")
    }
}
