import ArgumentParser
import Foundation
import Newsdex

extension NewsdexCommand {
    struct Facets: ParsableCommand, OpensIndex {
        static let configuration = CommandConfiguration(
            commandName: "facets",
            abstract: "Print only the facet counts of a search (all documents when the query is empty).")

        @OptionGroup var search: SearchOptions
        @OptionGroup var database: DatabaseOption
        @Option(help: ArgumentHelp("Values shown per facet.", valueName: "n"))
        var facetLimit = 10
        @Option(help: "Output format.")
        var format: ReportFormat = .text
        @Flag(help: "No colour, even on a terminal.")
        var noColor = false

        func validate() throws {
            try OptionRanges.check(facetLimit, OptionRanges.facetValues, "--facet-limit")
        }

        func run() throws {
            var request = search.request()
            request.limit = 0
            request.facets = true
            request.facetLimit = facetLimit
            let response = try Searcher(path: database.path).search(request)
            switch format {
            case .json:
                var json = SearchJSON(response)
                json.results = []
                try printJSON(json)
            case .text:
                let style = TextStyle(color: Terminal.useColor(disabled: noColor))
                Swift.print("\(response.totalIsExact ? "" : "about ")\(response.total) matching \(request.kind == .caption ? "pictures" : "documents")")
                for (facet, values) in response.facets { SearchText.printFacet(facet, values, style: style) }
                SearchText.printNotes(response)
            }
            if response.total == 0 { throw ExitCode.noMatch }
        }
    }
}
