import ArgumentParser
import Foundation
import Newsdex

extension NewsdexCommand {
    struct Check: ParsableCommand, OpensIndex {
        static let configuration = CommandConfiguration(
            commandName: "check",
            abstract: "Check that the index matches the corpus; exit 1 with a list when it does not.",
            discussion: """
                Every file under the paths must be indexed with its current content, and every \
                indexed file under them must exist. With --deep, Xapian's own consistency check \
                also reads every table of the index (as xapian-check does).
                Exit status: 0 the index matches, 1 differences (listed on stdout), 2 a usage \
                error (a path that does not exist), 4 the index cannot be opened or is damaged.
                """)

        @Argument(help: "Corpus folders or files.")
        var paths: [String] = ["corpus"]
        @OptionGroup var database: DatabaseOption
        @Option(help: "Output format.")
        var format: ReportFormat = .text
        @Flag(help: "Also check every table of the index with Xapian's consistency check (reads the whole index).")
        var deep = false

        func run() throws {
            let report = try IndexCheck.run(
                inputs: paths.map { URL(fileURLWithPath: $0) }, database: database.path, deep: deep)
            switch format {
            case .json: try printJSON(CheckReportJSON(report: report))
            case .text:
                for discrepancy in report.discrepancies {
                    print("\(LineEscaping.escape(discrepancy.path)): \(discrepancy.kind.rawValue)")
                }
                for group in report.duplicates {
                    printError("duplicate: \(group.map(LineEscaping.escape).joined(separator: ", ")) have the same text")
                }
                for skipped in report.skipped {
                    printError("skipped \(LineEscaping.escape(skipped.path)): \(skipped.explanation)")
                }
                for shard in report.notChecked {
                    printError("the remote shard \(shard) was not checked: run xapian-check where it is served")
                }
                let verdict = report.isConsistent
                    ? "the index matches the corpus"
                    : "\(report.discrepancies.count) difference(s): run `newsdex index` to bring the index up to date"
                let skipped = report.skipped.isEmpty ? "" : " (\(report.skipped.count) skipped, listed above)"
                let tables = deep && !report.tablesChecked.isEmpty ? "; its tables are sound" : ""
                Terminal.writeError("checked \(report.filesChecked) files\(skipped): \(verdict)\(tables)\n")
            }
            if !report.isConsistent { throw ExitCode.noMatch }
        }
    }
}
