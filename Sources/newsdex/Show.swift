import ArgumentParser
import Foundation
import Newsdex

extension NewsdexCommand {
    struct Show: ParsableCommand, OpensIndex {
        static let configuration = CommandConfiguration(
            commandName: "show",
            abstract: "Show an indexed article (or picture) with its captions, credits, entities and source.")

        @Argument(help: "The id, as `search --format ids` prints it.")
        var id: String
        @OptionGroup var database: DatabaseOption
        @Option(help: "Output format.")
        var format: ReportFormat = .text

        func validate() throws {
            let bytes = id.utf8.count
            guard bytes <= Article.maxIDBytes else {
                throw ValidationError("the id is \(bytes) bytes long; an id is at most \(Article.maxIDBytes) bytes")
            }
        }

        func run() throws {
            let searcher = try Searcher(path: database.path)
            // The id as given, else as `--format ids` escapes one (a newline in a file name).
            var id = self.id
            var stored = try searcher.document(id: id)
            if stored == nil, let unescaped = LineEscaping.unescape(id), let found = try searcher.document(id: unescaped) {
                (id, stored) = (unescaped, found)
            }
            let copies = try searcher.copies(of: id)
            guard let stored else {
                printError("no document \(self.id.debugDescription) in the index (ids are as `newsdex search --format ids` prints them)")
                throw ExitCode.noMatch
            }
            if format == .json { return try printJSON(ShowJSON(document: stored, copies: copies)) }
            let style = TextStyle(color: Terminal.useColor(disabled: false))
            print(style.bold(stored.title))
            var meta = [stored.source]
            if let date = stored.date {
                // A web archive's crawl date stands in when the page gives no date: say so.
                meta.append(stored.dateIsCrawlDate == true ? "\(date) (crawled; the page gives no date)" : date)
            }
            if let crawled = stored.crawled, stored.dateIsCrawlDate != true { meta.append("crawled \(crawled)") }
            if let language = stored.language, language != .english { meta.append(language.name) }
            if !stored.authors.isEmpty { meta.append("by " + stored.authors.joined(separator: ", ")) }
            print(style.dim(meta.joined(separator: " · ")))
            // The id, then the file when it is another name (and not the picture's article, below).
            let file = stored.path.flatMap { $0 == stored.id || $0 == stored.article ? nil : $0 }
            // A web archive record's id is its URL: said once.
            let url = stored.url == stored.id ? nil : stored.url
            print(style.dim(([stored.id] + [file, url].compactMap { $0 }).map(LineEscaping.escape).joined(separator: " · ")))
            if let article = stored.article { print(style.dim("picture in \(LineEscaping.escape(article))")) }
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
            if !copies.isEmpty {
                print()
                print(style.heading("other copies of this story") + " (\(copies.count))")
                for (copy, diff) in copies {
                    let date = copy.date.map { " \($0)" } ?? ""
                    print("  \(copy.source)\(date) · \(LineEscaping.escape(copy.id))")
                    for line in Self.describe(diff) { print("    " + line) }
                }
            }
        }

        /// How a copy differs, a line per kind of change.
        static func describe(_ diff: StoryDiff) -> [String] {
            if diff.isEmpty { return ["the same text"] }
            var lines: [String] = []
            if let headline = diff.headline {
                lines.append("headline: \(headline.new.debugDescription) (here \(headline.old.debugDescription))")
            }
            for paragraph in diff.addedParagraphs { lines.append("+ paragraph \(paragraph.index + 1): \(paragraph.text)") }
            for paragraph in diff.removedParagraphs { lines.append("- paragraph \(paragraph.index + 1): \(paragraph.text)") }
            for change in diff.changedParagraphs {
                lines.append("~ paragraph \(change.new.index + 1) edited: \(change.new.text)")
            }
            if diff.captionsChanged {
                lines.append("captions: \(diff.addedCaptions.count) added, \(diff.removedCaptions.count) removed")
            }
            return lines
        }
    }
}

/// `show --format json`: the stored document, and the other copies of its story with their diffs.
struct ShowJSON: Encodable {
    var document: StoredDocument
    var copies: [(copy: StoredDocument, diff: StoryDiff)]

    struct Copy: Encodable {
        var id: String
        var source: String
        var date: String?
        var title: String
        var diff: StoryDiff
    }

    enum CodingKeys: String, CodingKey { case copies }

    func encode(to encoder: any Encoder) throws {
        try document.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(copies.map { Copy(id: $0.copy.id, source: $0.copy.source, date: $0.copy.date, title: $0.copy.title, diff: $0.diff) }, forKey: .copies)
    }
}
