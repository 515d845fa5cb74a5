// `newsdex entities FILE...`: prints the people, places and organizations of each article.
import ArgumentParser
import Foundation
import Newsdex

extension NewsdexCommand {
    struct Entities: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "entities",
            abstract: "Print the named entities (people, places, organizations) of article files.",
            discussion: """
                Text output: one block per file, one line per entity, "type<TAB>name<TAB>mentions".
                JSON output: [{"path": FILE, "entities": [{"name", "type", "mentions"}]}], the
                entities of the title, body and captions (photo credits are not scanned).
                With --explain, each entity is followed by why each of its mentions counts: the
                rule (in the order the extractor tries them) and the word that cued it; in JSON,
                an "evidence" array of {"mention", "rule", "cue"}.
                """
        )

        @Argument(help: "Article files to read.")
        var files: [String]

        @Option(help: ArgumentHelp("The corpus root, for ids and sources of files under it.", valueName: "dir"))
        var corpus: String?

        @Option(help: "Output format.")
        var format: ReportFormat = .text

        @Flag(help: "Show, for each mention, the rule and the cue that made it an entity.")
        var explain = false

        struct FileEntities: Encodable {
            var path: String
            var entities: [ExplainedEntity]
        }

        /// An entity as printed: its evidence only with --explain.
        struct ExplainedEntity: Encodable {
            var entity: Entity
            var explained: Bool

            enum CodingKeys: String, CodingKey { case name, type, mentions, evidence }

            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: CodingKeys.self)
                try container.encode(entity.name, forKey: .name)
                try container.encode(entity.type, forKey: .type)
                try container.encode(entity.mentions, forKey: .mentions)
                if explained { try container.encode(entity.evidence, forKey: .evidence) }
            }
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
                    let entities = extractor.entities(of: article, language: language).all
                        .map { ExplainedEntity(entity: $0, explained: explain) }
                    reports.append(FileEntities(path: label, entities: entities))
                }
            }
            switch format {
            case .json:
                try printJSON(reports)
            case .text:
                for (index, report) in reports.enumerated() {
                    if index > 0 { print("") }
                    print("\(report.path):")
                    for explained in report.entities {
                        let entity = explained.entity
                        print("\(entity.type.rawValue)\t\(entity.name)\t\(entity.mentions.joined(separator: " | "))")
                        if explain { printEvidence(entity.evidence) }
                    }
                }
            }
            if failed { throw ExitCode.rejectedInputs }
        }

        /// One line per distinct (mention, rule, cue): `  "bin Laden": surname (a shortened ...; "Osama bin Laden")`.
        private func printEvidence(_ evidence: [EntityEvidence]) {
            var seen: Set<EntityEvidence> = []
            for item in evidence where seen.insert(item).inserted {
                let cue = item.cue.isEmpty ? "" : "; cue \"\(item.cue)\""
                print("\t\"\(item.mention)\": \(item.rule.rawValue) (\(item.rule.summary)\(cue))")
            }
        }
    }
}
