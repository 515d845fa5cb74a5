// Shell completion of facet values (--source, --person, …) from the index itself.
import ArgumentParser
import Foundation
import Newsdex

enum FacetCompletion {
    /// Completes a facet's values from the index named by --db on the command line being
    /// completed (else NEWSDEX_DB, else index).
    static func values(of facet: Facet) -> CompletionKind {
        .custom { arguments, _, prefix in complete(facet, arguments: arguments, prefix: prefix) }
    }

    static func complete(_ facet: Facet, arguments: [String], prefix: String) -> [String] {
        var flag: String?
        for (i, argument) in arguments.enumerated() {
            if argument == "--db", i + 1 < arguments.count { flag = arguments[i + 1] }
            if argument.hasPrefix("--db=") { flag = String(argument.dropFirst(5)) }
        }
        let path = DatabaseOption.resolve(flag)
        guard let searcher = try? Searcher(path: path),
            let response = try? searcher.search(SearchRequest(kind: .all, limit: 0, facets: true, facetLimit: 10_000))
        else { return [] }
        let wanted = prefix.lowercased()
        return (response.facets.first { $0.facet == facet }?.values ?? [])
            .map(\.value)
            .filter { wanted.isEmpty || $0.lowercased().hasPrefix(wanted) }
    }
}
