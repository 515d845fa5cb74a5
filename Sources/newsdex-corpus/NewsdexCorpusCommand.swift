// `newsdex-corpus`: writes a deterministic synthetic news corpus for benchmarks and tests.
import ArgumentParser
import CorpusGenerator
import Foundation

@main
struct NewsdexCorpusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsdex-corpus",
        abstract: "Generate a synthetic news corpus: same seed, same bytes."
    )

    @Option(help: "How many articles to write (near-duplicates included).")
    var articles: Int

    @Option(help: "The random seed.")
    var seed: UInt64 = 1

    @Option(help: "The corpus root: articles go to OUT/<SOURCE>/<nnnnnnn>_<slug>.txt (or .html).")
    var out: String

    @Option(help: "Also write every article to this JSON Lines file.")
    var jsonl: String?

    @Option(help: "What each article file is: plain text or a saved news page with its boilerplate.")
    var format: ArticleFileFormat = .text

    @Option(help: "Also write every article's page to this web archive (WARC, gzip per record).")
    var warc: String?

    @Option(help: "The fraction of articles that are near-duplicates of an earlier one (0 to 0.9).")
    var duplicates: Double = 0

    @Option(help: "Also write the ground truth of stories: a TSV of path and story number per article.")
    var truth: String?

    @Option(help: "Worker threads (the output does not depend on it).")
    var threads: Int = ProcessInfo.processInfo.activeProcessorCount

    func validate() throws {
        guard articles >= 0 else { throw ValidationError("--articles must be at least 0") }
        guard (0...0.9).contains(duplicates) else { throw ValidationError("--duplicates must be between 0 and 0.9") }
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let start = Date()
        let writer = CorpusWriter(generator: CorpusGenerator(seed: seed, duplicateFraction: duplicates), format: format)
        do {
            let summary = try writer.write(count: articles, to: out, jsonLines: jsonl, warc: warc, threads: threads)
            if let truth {
                let generator = CorpusGenerator(seed: seed, duplicateFraction: duplicates)
                var tsv = "path\tstory\n"
                for index in 0..<articles {
                    let article = generator.article(at: index)
                    tsv += "\(article.path)\t\(article.storyID)\n"
                }
                try Data(tsv.utf8).write(to: URL(fileURLWithPath: truth))
            }
            let seconds = Date().timeIntervalSince(start)
            let megabytes = Double(summary.bytes) / 1_048_576
            FileHandle.standardError.write(Data((
                "newsdex-corpus: \(summary.articles) articles (\(summary.duplicates) near-duplicates), "
                + "\(Int(megabytes.rounded())) MiB in \(Int((seconds * 10).rounded()) / 10 == 0 ? "<1" : String(Int(seconds.rounded()))) s\n"
            ).utf8))
        } catch let error as CorpusWriteError {
            FileHandle.standardError.write(Data("newsdex-corpus: \(error)\n".utf8))
            throw ExitCode(1)
        }
    }
}

extension ArticleFileFormat: ExpressibleByArgument {}
