// End to end on a generated corpus: facet counts from `newsdex facets` against a brute-force
// count over what `newsdex parse` and `newsdex entities` make of the same files.
import Foundation
import Testing

@Suite struct GeneratedCorpusTests {
    static let articles = 120

    let ws: Workspace
    /// Parsed articles: id → (source, year, credits).
    var parsed: [String: (source: String, year: String?, credits: Set<String>)] = [:]
    /// Entities per article path: type → names.
    var entities: [String: [String: Set<String>]] = [:]

    init() throws {
        ws = Workspace(seeds: false)
        try generateCorpus(into: ws.corpus, articles: Self.articles, seed: 11)
        let index = try runNewsdex(["index", ws.corpus, "--db", ws.index, "--quiet"])
        precondition(index.status == 0, index.stderr)

        let parse = try runNewsdex(["parse", ws.corpus, "--corpus", ws.corpus, "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(parse.stdout.utf8)) as! [String: Any]
        for article in report["articles"] as! [[String: Any]] {
            let credits = (article["captions"] as? [[String: Any]] ?? []).compactMap { $0["credit"] as? String }
            parsed[article["id"] as! String] = (
                article["source"] as! String, (article["date"] as? String).map { String($0.prefix(4)) }, Set(credits)
            )
        }
        let files = try FileManager.default.subpathsOfDirectory(atPath: ws.corpus).filter { $0.hasSuffix(".txt") }
        let extracted = try runNewsdex(["entities", "--format", "json"] + files.map { ws.corpus + "/" + $0 })
        for file in try JSONSerialization.jsonObject(with: Data(extracted.stdout.utf8)) as! [[String: Any]] {
            let path = (file["path"] as! String).replacingOccurrences(of: ws.corpus + "/", with: "")
            var byType: [String: Set<String>] = [:]
            for entity in file["entities"] as! [[String: Any]] {
                byType[entity["type"] as! String, default: []].insert(entity["name"] as! String)
            }
            entities[path] = byType
        }
    }

    func facets(_ arguments: [String] = []) throws -> [String: [String: Int]] {
        let result = try runNewsdex(["facets", "--db", ws.index, "--format", "json", "--facet-limit", "100000"] + arguments)
        #expect(result.status == 0, "\(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as! [String: Any]
        var counts: [String: [String: Int]] = [:]
        for (facet, values) in json["facets"] as! [String: [[String: Any]]] {
            counts[facet] = Dictionary(uniqueKeysWithValues: values.map { ($0["value"] as! String, $0["count"] as! Int) })
        }
        return counts
    }

    func bruteForce(_ facet: String, where keep: (String) -> Bool = { _ in true }) -> [String: Int] {
        var counts: [String: Int] = [:]
        for (id, article) in parsed where keep(id) {
            let values: Set<String>
            switch facet {
            case "source": values = [article.source]
            case "year": values = article.year.map { [$0] } ?? []
            case "credit": values = article.credits
            default: values = entities[id]?[facet] ?? []
            }
            for value in values { counts[value, default: 0] += 1 }
        }
        return counts
    }

    @Test func everyArticleIsIndexedAndEachSourceHasItsFiles() throws {
        #expect(parsed.count == Self.articles)
        let counts = try facets()
        #expect(counts["source"]?.values.reduce(0, +) == Self.articles)
        for (source, count) in counts["source"] ?? [:] {
            let files = try FileManager.default.contentsOfDirectory(atPath: ws.corpus + "/" + source)
            #expect(files.count == count, "source \(source)")
        }
    }

    @Test func facetCountsEqualABruteForceCount() throws {
        let counts = try facets()
        for facet in ["source", "year", "credit", "person", "place", "organization"] {
            #expect(counts[facet] ?? [:] == bruteForce(facet), "facet \(facet)")
        }
    }

    @Test func filteredFacetsAreMultiSelect() throws {
        let source = try #require(bruteForce("source").max { $0.value < $1.value }?.key)
        let counts = try facets(["--source", source.lowercased()])
        #expect(counts["source"] ?? [:] == bruteForce("source"))
        #expect(counts["person"] ?? [:] == bruteForce("person") { parsed[$0]?.source == source })
        #expect(counts["credit"] ?? [:] == bruteForce("credit") { parsed[$0]?.source == source })
        let total = try runNewsdex(["search", "--db", ws.index, "--source", source, "--format", "json", "--limit", "0"])
        let json = try JSONSerialization.jsonObject(with: Data(total.stdout.utf8)) as! [String: Any]
        #expect(json["total"] as? Int == bruteForce("source")[source])
    }
}
