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
        let wanted = folded(unquoted(prefix))
        let values = (response.facets.first { $0.facet == facet }?.values ?? [])
            .map(\.value)
            .filter { wanted.isEmpty || folded($0).hasPrefix(wanted) }
        // zsh reads `value:description`: a colon in a value is escaped.
        return CompletionShell.requesting == .zsh ? values.map { $0.replacingOccurrences(of: ":", with: #"\:"#) } : values
    }

    /// The typed word as its user means it: shells pass it as typed, with quotes or backslashes
    /// before spaces (`"Yasser A`, `Yasser\ A`).
    static func unquoted(_ word: String) -> String {
        var text = Substring(word)
        if let quote = text.first, quote == "\"" || quote == "'" {
            text = text.dropFirst()
            if text.last == quote { text = text.dropLast() }
        }
        var result = ""
        var escaped = false
        for character in text {
            if character == "\\" && !escaped {
                escaped = true
                continue
            }
            result.append(character)
            escaped = false
        }
        return result
    }

    /// Case and accents do not matter, as in facet filters: `yas` is a prefix of Yasser Arafat,
    /// `são` of Sao Paulo.
    static func folded(_ text: String) -> String {
        text.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
    }
}
