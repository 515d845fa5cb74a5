import ArgumentParser
import Foundation
import Newsdex

extension NewsdexCommand {
    struct Index: ParsableCommand, OpensIndex {
        static let configuration = CommandConfiguration(
            commandName: "index",
            abstract: "Index the corpus: only what changed since the last run, atomically.",
            discussion: """
                Reads *.txt, *.md, *.jsonl, saved web pages (*.html, *.htm) and web archives \
                (*.warc, *.warc.gz) under each PATH. Files, pages and archive records that cannot \
                be read are reported and skipped; the rest is indexed. The index remembers its \
                corpus folder from its first build: a PATH inside it updates that part only (files \
                gone from it are removed, nothing else is), a PATH outside it is refused.
                Exit status: 0 all indexed, 3 some inputs rejected (the rest committed), \
                2 usage error, 4 the index cannot be opened or written.
                """)

        @Argument(help: "Corpus folders or files.")
        var paths: [String] = ["corpus"]

        @OptionGroup var database: DatabaseOption

        @Flag(help: "Build a fresh index from scratch beside the live one, then switch to it.")
        var rebuild = false

        @Flag(help: "With --rebuild from part of the corpus: drop the indexed files outside the paths given.")
        var force = false

        // Parsed by `transform` so that help says the default in words, not this machine's count.
        @Option(
            name: [.short, .long],
            help: ArgumentHelp("Threads that parse, extract and index (default: the number of cores).", valueName: "n"),
            transform: wholeNumber)
        var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

        @Option(help: ArgumentHelp(
            "Split the index into n Xapian databases, each servable by xapian-tcpsrv (default: as the index is; 1 for a new one). A count other than the index's implies --rebuild.",
            valueName: "n"))
        var shards: Int?

        @Option(
            help: ArgumentHelp(
                "Build only shard I of N (I from 0 to N-1) into this index: the articles that route to it, for N machines each building and serving one shard of the same corpus (README: Beyond one machine). Remembered by the index.",
                valueName: "I/N"),
            transform: { text in
                guard let selection = ShardSelection(text) else {
                    throw ValidationError("--shard takes I/N with N at least 2 and I from 0 to N-1, such as 0/3")
                }
                return selection
            })
        var shard: ShardSelection?

        @Option(help: ArgumentHelp("Documents written between commits in a full build; bounds memory.", valueName: "n"))
        var batchSize: Int = 2000

        @Option(help: ArgumentHelp(
            "Largest file (or web archive record) read, in bytes (16777216 is 16 MiB); larger ones are rejected.",
            valueName: "bytes"))
        var maxFileSize: Int = 16 << 20

        @Option(help: ArgumentHelp(
            "How alike two bodies must be (estimated Jaccard of 3-word shingles, 0 to 1) to be copies of one story.",
            valueName: "similarity"))
        var storyThreshold: Double = StoryOptions().threshold

        @Flag(help: "Do not group copies of a story (search then shows every copy).")
        var noStories = false

        @Flag(name: [.short, .long], help: "No progress bar and no summary on stderr.")
        var quiet = false

        @Option(help: "The summary's format.")
        var format: ReportFormat = .text

        func validate() throws {
            try OptionRanges.check(jobs, OptionRanges.jobs, "--jobs")
            if let shards { try OptionRanges.check(shards, OptionRanges.shards, "--shards") }
            try OptionRanges.check(batchSize, OptionRanges.batchSize, "--batch-size")
            try OptionRanges.check(maxFileSize, OptionRanges.maxFileSize, "--max-file-size")
            // NaN is not in the range either.
            guard shard == nil || shards == nil else {
                throw ValidationError("--shard builds one shard of a whole alone; --shards splits this index: give one of them")
            }
            guard (0...1).contains(storyThreshold) else { throw ValidationError("--story-threshold must be between 0 and 1") }
            guard !force || rebuild || shards != nil else { throw ValidationError("--force goes with --rebuild (or --shards)") }
        }

        func run() throws {
            let options = IndexOptions(
                inputs: paths.map { URL(fileURLWithPath: $0) }, database: URL(fileURLWithPath: database.path),
                rebuild: rebuild, force: force, jobs: jobs, shards: shards, shard: shard, batchSize: batchSize,
                reader: ArticleReader.Options(maxFileSize: maxFileSize),
                stories: noStories ? nil : StoryOptions(threshold: storyThreshold))
            let bar = (!quiet && Terminal.stderrIsTerminal) ? ProgressBar() : nil
            let summary: IndexSummary
            do {
                defer { bar?.finish() }
                summary = try Indexer(options: options).run(progress: bar.map { bar in
                    { @Sendable in bar.update($0) }
                })
            }
            let warnings = warnings(of: summary)
            switch format {
            case .json:
                try printJSON(IndexSummaryJSON(summary: summary, warnings: warnings))
            case .text:
                // One line each, whatever a file name holds.
                for rejected in summary.rejected { printError("rejected \(LineEscaping.escape(rejected.description))") }
                for warning in warnings { printError("warning: \(LineEscaping.escape(warning.description))") }
                for duplicate in summary.duplicates { printError("duplicate: \(LineEscaping.escape(duplicate.description))") }
                if !quiet { Terminal.writeError(Self.describe(summary) + "\n") }
            }
            if !summary.rejected.isEmpty { throw ExitCode.rejectedInputs }
        }

        /// The run's warnings, and the CLI's own when the inputs listed nothing.
        func warnings(of summary: IndexSummary) -> [ReadWarning] {
            guard summary.nothingListed else { return summary.warnings }
            return summary.warnings + [ReadWarning(
                path: paths.joined(separator: " "),
                message: "no article files found; nothing was removed from the index")]
        }

        static func describe(_ s: IndexSummary) -> String {
            let rate = s.documentsPerSecond >= 10 ? String(Int(s.documentsPerSecond)) : String(format: "%.1f", s.documentsPerSecond)
            return "indexed \(s.database): \(s.added) added, \(s.updated) updated, \(s.unchanged) unchanged, "
                + "\(s.removed) removed, \(s.rejected.count) rejected; \(s.documentsWritten) documents written "
                + "(\(s.documentsTotal) in the index) in \(String(format: "%.2f", s.seconds)) s, \(rate) docs/s"
                + (s.rebuilt ? " (new build)" : "")
                + (s.shard.map { " (shard \($0.index) of \($0.count))" } ?? "") + describeRecords(s)
        }

        /// What the run did with web archive records, when it read any: "; web archive records:
        /// 12 unchanged, 40 skipped (30 request, 8 non-HTML response, 2 revisit)".
        static func describeRecords(_ s: IndexSummary) -> String {
            let skipped = s.skippedRecords.values.reduce(0, +)
            guard skipped + s.unchangedRecords > 0 else { return "" }
            var parts: [String] = []
            if s.unchangedRecords > 0 { parts.append("\(s.unchangedRecords) unchanged") }
            if skipped > 0 {
                let kinds = s.skippedRecords.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
                parts.append("\(skipped) skipped (" + kinds.map { "\($0.value) \($0.key)" }.joined(separator: ", ") + ")")
            }
            return "; web archive records: " + parts.joined(separator: ", ")
        }
    }
}
