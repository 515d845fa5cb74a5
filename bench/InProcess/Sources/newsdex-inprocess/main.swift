// Times newsdex inside one process, for bench/run.py:
//   newsdex-inprocess search K DB QUERYFILE   each query K times through Searcher.search (after one
//       warm-up), one JSON line per query: {"i", "p50_ms", "p95_ms", "count"}; count is exact.
//       QUERYFILE lines: QUERY<TAB>SOURCE<TAB>PERSON<TAB>yes|no (facets); filters may be empty.
//   newsdex-inprocess search K DB QUERYFILE ids   the same without snippets, as `--format ids`.
//   newsdex-inprocess extract CORPUS   reads every article, then times EntityExtractor over them
//       (issue 4: entities must add < 25% to indexing); one JSON object.
import Foundation
import Newsdex

func percentile(_ values: [Double], _ p: Double) -> Double {
    let sorted = values.sorted()
    return sorted[min(sorted.count - 1, Int((p * Double(sorted.count - 1)).rounded()))]
}

func milliseconds(since start: DispatchTime) -> Double {
    Double(DispatchTime.now().uptimeNanoseconds - start.uptimeNanoseconds) / 1e6
}

func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("newsdex-inprocess: \(message)\n".utf8))
    exit(2)
}

func searchQueries(repeat count: Int, database: String, queryFile: String, snippets: Bool) throws {
    let searcher = try Searcher(path: database)
    let lines = try String(contentsOfFile: queryFile, encoding: .utf8)
        .split(separator: "\n", omittingEmptySubsequences: true)
    for (i, line) in lines.enumerated() {
        var cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        while cols.count < 4 { cols.append("") }
        let filters = FacetFilters(
            sources: cols[1].isEmpty ? [] : [cols[1]], persons: cols[2].isEmpty ? [] : [cols[2]])
        let request = SearchRequest(query: cols[0], filters: filters, limit: 10, facets: cols[3] == "yes",
            snippets: snippets)
        _ = try searcher.search(request)  // warm-up: the first run pays for page faults
        var times: [Double] = []
        times.reserveCapacity(count)
        for _ in 0..<count {
            let start = DispatchTime.now()
            _ = try searcher.search(request)
            times.append(milliseconds(since: start))
        }
        // Exact count as the other engines give it: facets force the whole match set to be seen.
        var exact = request
        exact.facets = true
        let total = try searcher.search(exact).total
        print(String(format: "{\"i\": %d, \"p50_ms\": %.4f, \"p95_ms\": %.4f, \"count\": %d}",
                     i, percentile(times, 0.5), percentile(times, 0.95), total))
    }
}

func extractEntities(corpus: String) {
    let reader = ArticleReader()
    let start = DispatchTime.now()
    let files = ArticleReader.articleFiles(under: [URL(fileURLWithPath: corpus)]).files
    var articles: [Article] = []
    for file in files { articles.append(contentsOf: reader.read(file).articles) }
    let readMs = milliseconds(since: start)
    let extractor = EntityExtractor()
    var found = 0
    let extractStart = DispatchTime.now()
    for article in articles {
        let entities = extractor.entities(of: article)
        found += entities.text.count + entities.captions.reduce(0) { $0 + $1.count }
    }
    let extractMs = milliseconds(since: extractStart)
    print(String(format: "{\"files\": %d, \"articles\": %d, \"entities\": %d, \"read_s\": %.3f, \"extract_s\": %.3f}",
                 files.count, articles.count, found, readMs / 1000, extractMs / 1000))
}

let args = CommandLine.arguments
do {
    if args.count == 5 || (args.count == 6 && args[5] == "ids"), args[1] == "search", let k = Int(args[2]), k > 0 {
        try searchQueries(repeat: k, database: args[3], queryFile: args[4], snippets: args.count == 5)
    } else if args.count == 3, args[1] == "extract" {
        extractEntities(corpus: args[2])
    } else {
        fail("usage: newsdex-inprocess search K DB QUERYFILE [ids] | newsdex-inprocess extract CORPUS")
    }
} catch {
    fail("\(error)")
}
