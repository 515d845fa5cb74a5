// A corpus indexed twice, as one database and as shards, and a way to compare what searches give.
import Foundation
import Testing
@testable import Newsdex

/// The seeds plus generated articles (several sources, people and credits, some with pictures),
/// indexed into `single/` (one database) and `sharded/` (three shards).
struct ShardedCorpus {
    let scratch: TemporaryDirectory
    let corpus: URL
    var single: URL { scratch.path("single") }
    var sharded: URL { scratch.path("sharded") }

    init(shards: Int = 3) throws {
        scratch = try TemporaryDirectory()
        corpus = Repository.copySeeds(into: scratch)
        let sources = ["BBC", "AFP", "Reuters"]
        let people = ["Vladimir Putin", "Volodymyr Zelensky", "Mark Rutte"]
        for i in 0..<24 {
            scratch.write("corpus/\(sources[i % 3])/extra-\(i).txt", plainArticle(
                title: "Harbour report \(i)", date: "2023-0\(1 + i % 9)-1\(i % 10)", author: "Ann Lee",
                paragraphs: [
                    "President \(people[i % 3]) spoke in Brussels about the harbour and the troops.",
                    "\(people[i % 3].split(separator: " ").last!) said the ships would sail \(i % 4 == 0 ? "at dawn" : "soon").",
                    distinctParagraph(seed: UInt64(i)),
                ],
                captions: i % 2 == 0 ? [("Ships in the harbour at dawn.", i % 4 == 0 ? "Alamy" : "Reuters")] : []))
        }
        _ = try index(into: single, shards: 1)
        _ = try index(into: sharded, shards: shards)
    }

    @discardableResult
    func index(into database: URL, shards: Int?, rebuild: Bool = false, jobs: Int = 2) throws -> IndexSummary {
        try Indexer(options: IndexOptions(
            inputs: [corpus], database: database, rebuild: rebuild, jobs: jobs, shards: shards)).run()
    }

    /// Words, a phrase, filters by source, person and credit, an empty query with a filter,
    /// pictures: each with facets over the whole match.
    static let requests: [SearchRequest] = [
        SearchRequest(query: "harbour"),
        SearchRequest(query: "troops"),
        SearchRequest(query: "\"parade ground\""),
        SearchRequest(query: "\"at dawn\" OR korea"),
        SearchRequest(query: "harbour", filters: FacetFilters(sources: ["BBC"])),
        SearchRequest(query: "ships", filters: FacetFilters(persons: ["Mark Rutte"])),
        SearchRequest(query: "harbour", filters: FacetFilters(credits: ["Alamy"])),
        SearchRequest(filters: FacetFilters(sources: ["AFP", "Reuters"])),
        SearchRequest(query: "harbour", kind: .caption),
        SearchRequest(query: "sail", filters: FacetFilters(sources: ["Reuters"], persons: ["Mark Rutte"])),
    ].map { request in
        var request = request
        request.limit = 200
        request.facets = true
        request.facetLimit = 1000
        return request
    }

    /// Expects the same hits (as a set: order may differ among equal scores), the same totals and
    /// the same count for every facet value.
    static func expectSameResults(_ expected: Searcher, _ actual: Searcher, sourceLocation: SourceLocation = #_sourceLocation) throws {
        for request in requests {
            let a = try expected.search(request), b = try actual.search(request)
            let label = Comment(rawValue: "\(request.query.debugDescription) \(request.filters)")
            #expect(a.total > 0 && a.total == b.total && a.totalIsExact && b.totalIsExact, label, sourceLocation: sourceLocation)
            #expect(Set(a.hits.map(\.id)) == Set(b.hits.map(\.id)), label, sourceLocation: sourceLocation)
            #expect(a.hits.count == b.hits.count, label, sourceLocation: sourceLocation)
            // Shards share their statistics in a search, so the scores are those of one database.
            let scores = { (r: SearchResponse) in Set(r.hits.map { "\($0.id) \(String(format: "%.6f", $0.score))" }) }
            #expect(scores(a) == scores(b), label, sourceLocation: sourceLocation)
            #expect(facetCounts(a) == facetCounts(b), label, sourceLocation: sourceLocation)
        }
    }

    static func facetCounts(_ response: SearchResponse) -> [Facet: [String: Int]] {
        Dictionary(uniqueKeysWithValues: response.facets.map { facet, values in
            (facet, Dictionary(uniqueKeysWithValues: values.map { ($0.value, $0.count) }))
        })
    }
}
