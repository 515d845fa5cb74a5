import ArgumentParser
import Foundation
import Newsdex

extension NewsdexCommand {
    struct Stats: ParsableCommand, OpensIndex {
        static let configuration = CommandConfiguration(
            commandName: "stats",
            abstract: "What is in the index: documents, sources, top entities, credits, dates, size.")

        @OptionGroup var database: DatabaseOption
        @Option(help: ArgumentHelp("Values listed per facet.", valueName: "n"))
        var top = 10
        @Option(help: "Output format.")
        var format: ReportFormat = .text

        func validate() throws {
            try OptionRanges.check(top, OptionRanges.facetValues, "--top")
        }

        func run() throws {
            let stats = try IndexStats.read(database: database.path, top: top)
            if format == .json { return try printJSON(StatsJSON(stats: stats)) }
            print("index        \(stats.path) (schema \(stats.schemaVersion))")
            print("documents    \(stats.documents): \(stats.articles) articles, \(stats.captions) pictures")
            print("dates        \(stats.firstDate ?? "?") to \(stats.lastDate ?? "?")")
            print("size         \(ByteCountFormatter.string(fromByteCount: Int64(stats.sizeOnDisk), countStyle: .file))")
            print("last indexed \(stats.lastIndexed ?? "unknown")")
            let style = TextStyle(color: Terminal.useColor(disabled: false))
            for (name, values) in [
                ("sources", stats.sources), ("persons", stats.persons), ("places", stats.places),
                ("organizations", stats.organizations), ("credits", stats.credits),
                ("languages", stats.languages),
            ] {
                SearchText.printCounts(heading: name, values, style: style)
            }
        }
    }
}
