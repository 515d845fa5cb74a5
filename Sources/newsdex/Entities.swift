// `newsdex entities FILE...`: prints the people, places and organizations of each article.
import ArgumentParser
import Foundation
import Newsdex

extension NewsdexCommand {
    struct Entities: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print the named entities (people, places, organizations) of article files.",
            discussion: """
                Text output: one block per file, one line per entity, "type<TAB>name<TAB>mentions".
                JSON output: [{"path": FILE, "entities": [{"name", "type", "mentions"}]}], the
                entities of the title, body and captions (photo credits are not scanned).
                """
        )

        @Argument(help: "Article files to read.")
        var files: [String]

        @Option(help: "Output format.")
        var format: ReportFormat = .text

        struct FileEntities: Encodable {
            var path: String
            var entities: [Entity]
        }

        func run() throws {
            let extractor = EntityExtractor()
            var reports: [FileEntities] = []
            var failed = false
            for path in files {
                let text: String
                do {
                    text = try String(contentsOf: URL(fileURLWithPath: path), encoding: .utf8)
                } catch {
                    printError("cannot read \(path): \(error.localizedDescription)")
                    failed = true
                    continue
                }
                let article = minimalArticle(path: path, text: text)
                reports.append(FileEntities(path: path, entities: extractor.entities(of: article).all))
            }
            switch format {
            case .json:
                try printJSON(reports)
            case .text:
                for (index, report) in reports.enumerated() {
                    if index > 0 { print("") }
                    print("\(report.path):")
                    for entity in report.entities {
                        print("\(entity.type.rawValue)\t\(entity.name)\t\(entity.mentions.joined(separator: " | "))")
                    }
                }
            }
            if failed { throw ExitCode.rejectedInputs }
        }
    }
}

// TODO(merge): replace with ArticleReader().read(fileAt:corpusRoot:).articles. This stand-in only
// knows that the first line is the title and that "... Picture: CREDIT" lines are captions.
func minimalArticle(path: String, text: String) -> Article {
    var lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
    lines.removeAll { $0.isEmpty }
    let title = lines.first ?? ""
    var paragraphs: [String] = []
    var captions: [Caption] = []
    for line in lines.dropFirst() {
        if let credit = line.range(of: " Picture: ") {
            let caption = String(line[..<credit.lowerBound])
            if paragraphs.last == caption { paragraphs.removeLast() }
            captions.append(Caption(text: caption, credit: String(line[credit.upperBound...])))
        } else {
            paragraphs.append(line)
        }
    }
    return Article(id: path, source: "unknown", title: title, paragraphs: paragraphs, captions: captions)
}
