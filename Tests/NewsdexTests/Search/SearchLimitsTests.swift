import Testing
@testable import Newsdex

@Suite struct SearchLimitsTests {
    @Test func wildcardsAreWordsEndingInAStarOutsideQuotes() {
        #expect(SearchLimits.wildcards(in: "troops \"north korea\" title:sat").isEmpty)
        #expect(SearchLimits.wildcards(in: "troop* (rus*) \"quoted*\" * a** title:sat* 3* é*").map(String.init)
            == ["troop*", "rus*", "title:sat*", "3*", "é*"])
    }

    @Test func eachLimitIsAnErrorOneBeyondIt() {
        let atLimit = String(repeating: "a", count: SearchLimits.maxQueryBytes)
        #expect(throws: Never.self) { try SearchLimits.check(query: atLimit, filters: FacetFilters()) }
        #expect(throws: SearchError.queryTooLong(bytes: SearchLimits.maxQueryBytes + 1, limit: SearchLimits.maxQueryBytes)) {
            try SearchLimits.check(query: atLimit + "b", filters: FacetFilters())
        }
        let value = String(repeating: "v", count: SearchLimits.maxFilterValueBytes + 1)
        #expect(throws: SearchError.filterValueTooLong(facet: .person, prefix: String(value.prefix(40)), bytes: value.utf8.count, limit: SearchLimits.maxFilterValueBytes)) {
            try SearchLimits.check(query: "", filters: FacetFilters(persons: [value]))
        }
        #expect(throws: SearchError.tooManyFilterValues(count: 65, limit: 64)) {
            try SearchLimits.check(query: "", filters: FacetFilters(sources: (0..<40).map(String.init), entities: (0..<25).map(String.init)))
        }
        let wildcards = (0...SearchLimits.maxWildcards).map { "w\($0)*" }.joined(separator: " ")
        #expect(throws: SearchError.tooManyWildcards(query: wildcards, pattern: "w16*", limit: 16)) {
            try SearchLimits.check(query: wildcards, filters: FacetFilters())
        }
    }

    /// A wildcard expands to at most its limit of terms, the most frequent ones: on an index of
    /// more distinct words starting with "w" than that, `w*` still matches, and costs no more.
    @Test func aWildcardExpandsToItsMostFrequentTermsOnly() throws {
        let directory = try TemporaryDirectory()
        let corpus = directory.url.appendingPathComponent("corpus")
        for n in 0..<(SearchLimits.maxWildcardExpansion + 30) {
            directory.write("corpus/S/\(n).txt", "Title \(n)\nword\(n) w\(String(n, radix: 26)) common\n")
        }
        directory.write("corpus/S/frequent.txt", "Frequent\nwfrequent wfrequent\n")
        directory.write("corpus/S/frequent2.txt", "Frequent two\nwfrequent\n")
        let index = directory.url.appendingPathComponent("index")
        _ = try Indexer(options: IndexOptions(inputs: [corpus], database: index, stories: nil)).run()
        let searcher = try Searcher(path: index.path)
        let all = try searcher.search(SearchRequest(query: "w*", limit: 1000, allCopies: true))
        // Every word of the index starts with w: 2 × 130 terms, more than the limit of 100.
        #expect(all.total > 0 && all.total <= SearchLimits.maxWildcardExpansion + 2, "\(all.total)")
        #expect(all.hits.contains { $0.id == "S/frequent.txt" })
    }
}
