import Testing
@testable import Newsdex

@Suite struct FNV1aTests {
    /// The published FNV-1a 64-bit test vectors (Fowler, Noll and Vo's test suite): a change to
    /// the hash would move articles between shards and change stored hashes and story ids.
    @Test(arguments: [
        ("", 0xcbf2_9ce4_8422_2325 as UInt64),
        ("a", 0xaf63_dc4c_8601_ec8c),
        ("foobar", 0x8594_4171_f739_67e8),
        ("chongo was here!\n", 0x4681_0940_eff5_f915),
    ])
    func matchesThePublishedVectors(input: String, expected: UInt64) {
        #expect(FNV1a.hash(input) == expected)
        #expect(FNV1a.hash(Array(input.utf8)) == expected)
    }

    @Test func contentHashKeepsFNV1aAsItsFirstHalf() {
        let bytes = Array("The harbour reopened.".utf8)
        #expect(ContentHash(bytes: bytes).high == FNV1a.hash(bytes))
    }
}
