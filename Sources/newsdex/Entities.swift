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

        @Option(help: ArgumentHelp("The corpus root, for ids and sources of files under it.", valueName: "dir"))
        var corpus: String?

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
            let reader = ArticleReader()
            for path in files {
                let url = URL(fileURLWithPath: path)
                let result = reader.read(fileAt: url, corpusRoot: corpus.map { URL(fileURLWithPath: $0) })
                for rejection in result.rejections {
                    printError("rejected \(path): \(rejection.reason)")
                    failed = true
                }
                for warning in result.warnings { printError("warning: \(path): \(warning.message)") }
                for article in result.articles {
                    let label = result.articles.count > 1 ? "\(path)#\(article.id)" : path
                    // As the indexer does: English rules for English, the gazetteer's places otherwise.
                    let language = ArticleLanguages(of: article).article
                    reports.append(FileEntities(
                        path: label, entities: extractor.entities(of: article, language: language).all))
                }
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
