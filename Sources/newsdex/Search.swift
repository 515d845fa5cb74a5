import ArgumentParser
import Foundation
import Newsdex

/// How `search` prints hits.
enum SearchFormat: String, ExpressibleByArgument, CaseIterable {
    case text, json, jsonl, ids

    /// What help says of each value.
    var defaultValueDescription: String {
        switch self {
        case .text: "for people: each hit's title, source, date, path, snippet and matching captions"
        case .json: "one object: the hits, their total, facets and suggestions"
        case .jsonl: "one JSON hit per line"
        case .ids: "one id per line, for `newsdex show`"
        }
    }
}

extension NewsdexCommand {
    struct Search: ParsableCommand, OpensIndex {
        static let configuration = CommandConfiguration(
            commandName: "search",
            abstract: "Search the index.",
            discussion: """
                Exit status, as grep's: 0 hits, 1 no hits, 2 a usage or query error, \
                4 the index is missing, damaged, locked or of another version.
                """)

        @OptionGroup var search: SearchOptions
        @OptionGroup var database: DatabaseOption

        @Option(
            name: [.short, .long],
            help: ArgumentHelp("Hits to show, in every format (ids and jsonl are paged too), or all.", valueName: "n|all"))
        var limit: HitLimit = .count(10)
        @Option(help: ArgumentHelp("Hits to skip, to page.", valueName: "n"))
        var offset = 0
        @Option(help: "Order of hits (default: relevance; newest when the query is empty).")
        var sort: HitOrder?
        @Option(help: "How hits are printed.")
        var format: SearchFormat = .text
        @Flag(help: "Add exact facet counts over all matches.")
        var facets = false
        @Option(help: ArgumentHelp("Values shown per facet.", valueName: "n"))
        var facetLimit = 10
        @Flag(help: "Show every copy of a story, not one hit per story.")
        var allCopies = false
        @Flag(help: "No colour, even on a terminal.")
        var noColor = false

        func validate() throws { try SearchRun(self).validateOwnOptions() }

        func run() throws { try SearchRun(self).run() }
    }
}

/// A `search` as its command line asks for it, in plain values: what `NewsdexCommand.Search`
/// holds behind ArgumentParser's property wrappers, whose making cost a one-shot search 200 k
/// instructions and 23 page faults. PlainSearchLine reads a plain line into one; ArgumentParser's
/// reading of any other line is turned into one; both run here.
struct SearchRun: Equatable {
    var options = QueryOptions()
    var db: String?
    var limit: HitLimit = .count(10)
    var offset = 0
    var sort: HitOrder?
    var format: SearchFormat = .text
    var facets = false
    var facetLimit = 10
    var allCopies = false
    var noColor = false

    init() {}

    init(_ command: NewsdexCommand.Search) {
        (options, db) = (command.search.values, command.database.db)
        (limit, offset, sort, format) = (command.limit, command.offset, command.sort, command.format)
        (facets, facetLimit, allCopies, noColor) = (command.facets, command.facetLimit, command.allCopies, command.noColor)
    }

    /// The index, as `--db` and the environment say (`DatabaseOption`).
    var databasePath: String { DatabaseOption.resolve(db) }

    /// Every check ArgumentParser makes of a `search` line's values: its query options', then
    /// its own.
    func validate() throws {
        try options.validate()
        try validateOwnOptions()
    }

    /// What `search` checks of its own options, beyond its query options (`QueryOptions`).
    func validateOwnOptions() throws {
        if let count = limit.count { try OptionRanges.check(count, OptionRanges.limit, "--limit") }
        try OptionRanges.check(offset, OptionRanges.offset, "--offset")
        try OptionRanges.check(facetLimit, OptionRanges.facetValues, "--facet-limit")
        if options.queryText.allSatisfy(\.isWhitespace) && options.filters.isEmpty
            && options.from == nil && options.to == nil
        {
            throw ValidationError("give a query, or a filter such as --source or --person to browse by")
        }
    }

    func run() throws {
        var request = options.request()
        let searcher = try Searcher(path: databasePath)
        request.limit = try limit.count ?? searcher.documentCount
        request.offset = offset
        request.sort = sort
        request.facets = facets
        request.facetLimit = facetLimit
        request.allCopies = allCopies
        request.snippets = format != .ids
        // Not `estimatedTotal`: Xapian's estimate with the story collapse is loose ("about 800"
        // for 2,048 stories of `government` at 10k), where checking a thousand more says
        // "about 2000" (issue 16, bench/RESULTS.md).
        let response = try searcher.search(request)
        let style = TextStyle(color: Terminal.useColor(disabled: noColor))
        switch format {
        case .json:
            try printJSON(SearchJSON(response))
        case .jsonl:
            for hit in response.hits { try printJSON(SearchJSON.Hit(hit), pretty: false) }
        case .ids:
            // One id a line, whatever it holds: escaped as LineEscaping says. Concatenated,
            // not `joined()`: see StringJoining.swift.
            StandardOutput.write(response.hits.map { LineEscaping.escape($0.id) + "\n" }.concatenated(separator: ""))
        case .text:
            SearchText.print(response, style: style, kind: request.kind, filters: options.filterDescription)
        }
        if format == .ids || format == .jsonl {
            SearchText.printNotes(response)
            // Scripts reading ids or lines may not expect a page: say when there are more.
            let shown = response.offset + response.hits.count
            if response.total > shown && response.limit > 0 {
                let about = response.totalIsExact ? "" : "about "
                printError("printed \(shown) of \(about)\(response.total) hits; --limit all prints every one")
            }
        }
        if response.hits.isEmpty && response.total > 0 && offset >= response.total && response.limit > 0 {
            // The text's first line says so already; the other formats say it on stderr.
            if format != .text { printError("--offset \(offset) is past the last hit: the search has \(response.totalIsExact ? "" : "about ")\(response.total) hits") }
            throw ExitCode.noMatch
        }
        if response.total == 0 { throw ExitCode.noMatch }
    }
}

/// `--limit`: a number of hits, or all of them.
enum HitLimit: ExpressibleByArgument, Equatable {
    case count(Int)
    case all

    init?(argument: String) {
        if argument == "all" {
            self = .all
        } else if let n = Int(argument) {
            // Checked against its range in validate(), so the message says the range.
            self = .count(n)
        } else {
            return nil
        }
    }

    /// The number, or nil for all.
    var count: Int? {
        if case .count(let n) = self { return n }
        return nil
    }

    var defaultValueDescription: String {
        switch self {
        case .count(let n): return String(n)
        case .all: return "all"
        }
    }
}

/// Hits and facets as text, for people.
enum SearchText {
    /// Writes `text` and a line break to stdout, as `print` would, without `print`'s dynamic
    /// casts of its arguments (a one-shot search paid 3% of its instructions for them).
    private static func line(_ text: String) {
        StandardOutput.write(text + "\n")
    }

    /// - Parameter filters: the filters as the user gave them (`--source AFP`), or "".
    static func print(_ response: SearchResponse, style: TextStyle, kind: KindFilter, filters: String) {
        line(style.dim(summary(response, kind: kind, filters: filters)))
        for hit in response.hits {
            line("")
            let label = hit.kind == .caption ? "[picture] " : ""
            line("\(hit.rank). \(label)\(style.bold(hit.title))")
            var meta = [hit.source]
            if let date = hit.date { meta.append(date) }
            // English is the default a reader assumes; any other language is said.
            if hit.language != .english { meta.append(hit.language.code) }
            // A web archive's article is named by its URL, its id (what `show` takes), not by the
            // archive that holds many; a picture's, by its article's.
            let isArchived = hit.path.map { $0.hasSuffix(".warc") || $0.hasSuffix(".warc.gz") } ?? false
            let path = LineEscaping.escape(isArchived ? (hit.article ?? hit.id) : (hit.path ?? hit.id))
            meta.append(path)
            // A picture's article is usually its file: named once.
            if hit.kind == .caption, let article = hit.article.map(LineEscaping.escape), article != path {
                meta.append("in \(article)")
            }
            line("   " + style.dim(meta.concatenated(separator: " · ")))
            if hit.copyCount > 0 {
                let places = hit.copies.map { copy in copy.source + (copy.date.map { " (\(String($0.prefix(10))))" } ?? "") }
                let more = hit.copyCount > hit.copies.count ? ", +\(hit.copyCount - hit.copies.count) more" : ""
                let count = hit.copyCount == 1 ? "1 other copy" : "\(hit.copyCount) other copies"
                line("   " + style.dim("also in: \(places.concatenated(separator: ", "))\(more) (\(count))"))
            }
            let snippet = render(hit.snippet, style: style)
            if !snippet.isEmpty && hit.kind == .article { line("   " + snippet) }
            for caption in hit.captions {
                let text = caption.highlighted.map { render($0, style: style) } ?? caption.caption.text
                let credit = caption.caption.credit.map { " — " + style.dim($0) } ?? ""
                line("   [picture] " + text + credit)
            }
        }
        for (facet, values) in response.facets {
            printFacet(facet, values, style: style)
        }
        printNotes(response)
    }

    /// What a search found, in a line: "1 hit", "11–20 of about 4000 hits",
    /// "no articles match --source AFP".
    static func summary(_ response: SearchResponse, kind: KindFilter, filters: String) -> String {
        let about = response.totalIsExact ? "" : "about "
        let total = "\(about)\(response.total) \(response.total == 1 && about.isEmpty ? "hit" : "hits")"
        if response.total == 0 {
            if response.query.trimmingCharacters(in: .whitespaces).isEmpty {
                return "no \(kind.plural) match \(filters)"
            }
            return "no hits for \(response.query.debugDescription)" + (filters.isEmpty ? "" : " with \(filters)")
        }
        if response.limit == 0 { return "\(total) (none shown with --limit 0)" }
        if response.hits.isEmpty { return "\(total); --offset \(response.offset) is past the last" }
        let first = response.offset + 1, last = response.offset + response.hits.count
        if first == 1 && last == response.total && response.totalIsExact { return total }
        return "\(first)–\(last) of \(total)"
    }

    static func printFacet(_ facet: Facet, _ values: [FacetValue], style: TextStyle) {
        printCounts(heading: facet.rawValue, values, style: style)
    }

    /// A heading, then each value with its count right-aligned, as facets and stats show them.
    static func printCounts(heading: String, _ values: [FacetValue], style: TextStyle) {
        line("")
        line(style.heading(heading))
        if values.isEmpty { line("  (none)") }
        let width = values.map { String($0.count).count }.max() ?? 1
        for value in values {
            let count = String(value.count)
            line("  " + String(repeating: " ", count: width - count.count) + count + "  " + value.value)
        }
    }

    /// Did-you-mean and unknown filter values, on stderr so they never pollute piped results.
    static func printNotes(_ response: SearchResponse) {
        if let suggestion = response.suggestion {
            printError("did you mean: \(suggestion)  (search it with --correct)")
        }
        if let corrected = response.correctedQuery {
            printError("searched for \(corrected.debugDescription) instead")
        }
        for unknown in response.unknownFilterValues {
            let hint = unknown.suggestions.isEmpty
                ? "" : "; did you mean " + unknown.suggestions.map { $0.debugDescription }.joined(separator: ", ") + "?"
            printError("no \(unknown.facet.rawValue) \(unknown.value.debugDescription) in the index\(hint)")
        }
    }

    static func render(_ snippet: Snippet, style: TextStyle) -> String {
        // Each line break a space, byte by byte: in UTF-8 the byte 0A is only ever U+000A
        // (Foundation's replacingOccurrences costs a one-shot search its first use, and
        // appending scalar by scalar cost 2% of one).
        var bytes: [UInt8] = []
        for segment in snippet.segments {
            bytes.append(contentsOf: (segment.isMatch ? style.match(segment.text) : segment.text).utf8)
        }
        for i in bytes.indices where bytes[i] == 0x0A { bytes[i] = 0x20 }
        return String(decoding: bytes, as: UTF8.self)
    }
}
