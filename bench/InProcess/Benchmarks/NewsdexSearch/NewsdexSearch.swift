// package-benchmark view of the in-process search figures: one benchmark per query class of
// bench/queries.txt, over the index bench/run.py built (NEWSDEX_BENCH_DB, default
// ../out/indexes-10k/newsdex). Run from bench/InProcess: `swift package benchmark`.
import Benchmark
import Foundation
import Newsdex

let benchmarks: @Sendable () -> Void = {
    let database = ProcessInfo.processInfo.environment["NEWSDEX_BENCH_DB"] ?? "../out/indexes-10k/newsdex-j2"
    let queryFile = ProcessInfo.processInfo.environment["NEWSDEX_BENCH_QUERIES"] ?? "../queries.txt"
    guard let searcher = try? Searcher(path: database),
          let text = try? String(contentsOfFile: queryFile, encoding: .utf8) else {
        print("NewsdexSearch: no index at \(database) (run `make bench` first) or no \(queryFile)")
        return
    }
    // One request list per class, in the neutral format of queries.txt.
    var classes: [(String, [SearchRequest])] = []
    for line in text.split(separator: "\n") where !line.hasPrefix("#") {
        var cols = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        while cols.count < 5 { cols.append("") }
        let filters = FacetFilters(
            sources: cols[2].isEmpty ? [] : [cols[2]], persons: cols[3].isEmpty ? [] : [cols[3]])
        let request = SearchRequest(query: cols[1], filters: filters, limit: 10, facets: cols[4] == "yes")
        if let i = classes.firstIndex(where: { $0.0 == cols[0] }) {
            classes[i].1.append(request)
        } else {
            classes.append((cols[0], [request]))
        }
    }
    Benchmark.defaultConfiguration = .init(
        metrics: [.wallClock, .mallocCountTotal, .peakMemoryResident],
        timeUnits: .microseconds, maxDuration: .seconds(2), maxIterations: 2_000)
    for (name, requests) in classes {
        // Each iteration runs every query of the class once.
        Benchmark("search \(name) (\(requests.count) queries)") { benchmark in
            for _ in benchmark.scaledIterations {
                for request in requests {
                    blackHole(try searcher.search(request))
                }
            }
        }
    }
}
