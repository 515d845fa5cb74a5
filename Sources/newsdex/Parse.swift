// `newsdex parse`: shows what the article reader makes of files, so a user can see why an
// article looks wrong (a missed caption, a wrong title) before indexing it.
import ArgumentParser
import Foundation
import Newsdex

extension NewsdexCommand {
    struct Parse: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "parse",
            abstract: "Show how article files are parsed: title, date, authors, captions, paragraphs.",
            discussion: """
                Reads each FILE (or every article file under a directory) as the indexer would and \
                prints the result: for a web archive, each article record, and the records \
                skipped by kind. Exits 3 when any input was rejected, after printing the rest.
                """
        )

        @Argument(help: ArgumentHelp(
            "Article files or directories (.txt, .md, .jsonl, .html, .htm, .warc, .warc.gz).", valueName: "file"))
        var files: [String]

        @Option(help: ArgumentHelp(
            "The corpus root: files under it are named (and given ids and sources) relative to it.", valueName: "dir"))
        var corpus: String = "corpus"

        @Option(help: "Output format.")
        var format: ReportFormat = .text

        func run() throws {
            try ArticleReader.loadLibraries()
            let corpusRoot = URL(fileURLWithPath: corpus, isDirectory: true)
            let listing = ArticleReader.listing(under: files.map { URL(fileURLWithPath: $0) }, corpusRoot: corpusRoot)
            let reader = ArticleReader()
            var report = ParseReport()
            report.rejections = listing.missing.map { Rejection(path: $0.relativePath, reason: "no such file or directory") }
            for skipped in listing.skipped {
                if skipped.isRejection {
                    report.rejections.append(Rejection(path: skipped.path, reason: skipped.explanation))
                } else {
                    report.warnings.append(ReadWarning(path: skipped.path, message: skipped.explanation))
                }
            }
            for file in listing.files {
                let result = reader.read(file)
                report.articles += result.articles
                report.rejections += result.rejections
                report.warnings += result.warnings
                report.skipped.merge(result.skipped, uniquingKeysWith: +)
            }

            switch format {
            case .json:
                try printJSON(ParseReportJSON(report))
            case .text:
                print(report.articles.map(describe).joined(separator: "\n"), terminator: "")
                if !report.skipped.isEmpty {
                    let kinds = report.skipped.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                    print("\nweb archive records skipped: " + kinds.map { "\($0.value) \($0.key)" }.joined(separator: ", "))
                }
            }
            for warning in report.warnings { printError("warning: \(LineEscaping.escape(warning.description))") }
            for rejection in report.rejections { printError("rejected: \(LineEscaping.escape(rejection.description))") }
            if !report.rejections.isEmpty { throw ExitCode.rejectedInputs }
        }

        /// "stated", "detected", "detected; the page states de" when a sure reading of a page's
        /// text overruled its markup, or, when a statement stands but the text reads as another
        /// language (too little text to overrule it), "stated; the text reads as de".
        private static func languageOrigin(_ languages: ArticleLanguages, detected: Language?) -> String {
            if let page = languages.overruledStatement { return "detected; the page states \(page.code)" }
            guard languages.isStated else { return "detected" }
            guard let detected, !detected.isUndetermined, detected != languages.article else { return "stated" }
            return "stated; the text reads as \(detected.code)"
        }

        private func describe(_ article: Article) -> String {
            let languages = ArticleLanguages(of: article)
            var out = """
                title:      \(article.title)
                id:         \(article.id)
                source:     \(article.source)
                date:       \(article.date ?? "-")\(article.dateIsCrawlDate ? " (the crawl date: the page gives none)" : "")
                language:   \(languages.article.code) (\(Self.languageOrigin(languages, detected: detectedLanguage(of: article))))
                authors:    \(article.authors.isEmpty ? "-" : article.authors.joined(separator: "; "))
                url:        \(article.url ?? "-")

                """
            if let crawled = article.crawled { out += "crawled:    \(crawled)\n" }
            if !article.tags.isEmpty { out += "tags:       \(article.tags.joined(separator: ", "))\n" }
            out += "captions:   \(article.captions.count)\n"
            for (index, caption) in article.captions.enumerated() {
                out += "  - \(caption.text)\n    credit: \(caption.credit ?? "-")\n"
                if languages.caption(index) != languages.article { out += "    language: \(languages.caption(index))\n" }
            }
            out += "paragraphs: \(article.paragraphs.count)\n"
            for (number, paragraph) in article.paragraphs.enumerated() {
                out += "  [\(number + 1)] \(paragraph)\n"
            }
            return out
        }
    }
}

/// What the reader made of the files.
private struct ParseReport {
    var articles: [Article] = []
    var rejections: [Rejection] = []
    var warnings: [ReadWarning] = []
    /// Web archive records that are not articles, by kind.
    var skipped: [String: Int] = [:]
}

/// What `parse --format json` prints: each article as read, with the languages it would be
/// indexed in (`languages`: article, captions, and whether the input stated it).
private struct ParseReportJSON: Encodable {
    struct ArticleJSON: Encodable {
        var article: Article
        var languages: ArticleLanguages
        /// What CLD2 makes of the text of an article that states its language.
        var detectedLanguage: Language?

        enum CodingKeys: String, CodingKey {
            case languages
            case detectedLanguage = "detected_language"
        }

        func encode(to encoder: any Encoder) throws {
            try article.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(languages, forKey: .languages)
            try container.encodeIfPresent(detectedLanguage, forKey: .detectedLanguage)
        }
    }

    var articles: [ArticleJSON]
    var rejections: [Rejection]
    var warnings: [ReadWarning]
    /// Web archive records that are not articles, by kind.
    var skipped: [String: Int]

    init(_ report: ParseReport) {
        articles = report.articles.map {
            ArticleJSON(article: $0, languages: ArticleLanguages(of: $0), detectedLanguage: detectedLanguage(of: $0))
        }
        rejections = report.rejections
        warnings = report.warnings
        skipped = report.skipped
    }
}

/// The language CLD2 finds in the title and body of an article that states one, to show beside
/// it (the stated one is the one indexed); nil when the article states none.
private func detectedLanguage(of article: Article) -> Language? {
    guard article.language != nil else { return nil }
    var unstated = article
    unstated.language = nil
    unstated.captions = []
    return ArticleLanguages(of: unstated).article
}
