import ArgumentParser
import Foundation
import Newsdex

extension NewsdexCommand {
    struct Show: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Show an indexed article (or picture) with its captions, credits, entities and source.")

        @Argument(help: "The id, as `search --format ids` prints it.")
        var id: String
        @OptionGroup var database: DatabaseOption
        @Option(help: "Output format.")
        var format: ReportFormat = .text

        func run() throws {
            let stored: StoredDocument?
            do {
                stored = try Searcher(path: database.path).document(id: id)
            } catch let error as IndexError {
                printError(error.description)
                throw ExitCode.indexUnavailable
            }
            guard let stored else {
                printError("no document \(id.debugDescription) in the index (ids are as `newsdex search --format ids` prints them)")
                throw ExitCode.noMatch
            }
            if format == .json { return try printJSON(stored) }
            let style = TextStyle(color: Terminal.useColor(disabled: false))
            print(style.bold(stored.title))
            var meta = [stored.source]
            if let date = stored.date { meta.append(date) }
            if !stored.authors.isEmpty { meta.append("by " + stored.authors.joined(separator: ", ")) }
            print(style.dim(meta.joined(separator: " · ")))
            print(style.dim(([stored.id] + [stored.path, stored.url].compactMap { $0 }).joined(separator: " · ")))
            if let article = stored.article { print(style.dim("picture in \(article)")) }
            for caption in stored.captions {
                print("[picture] \(caption.text)" + (caption.credit.map { " — \($0)" } ?? ""))
            }
            for paragraph in stored.paragraphs {
                print()
                print(paragraph)
            }
            if !stored.entities.isEmpty {
                print()
                for type in EntityType.allCases {
                    let names = stored.entities.filter { $0.type == type }.map(\.name)
                    if !names.isEmpty { print(style.heading(type.rawValue) + ": " + names.joined(separator: ", ")) }
                }
            }
        }
    }
}
