import ArgumentParser
import Foundation
import Newsdex

extension NewsdexCommand {
    struct Check: ParsableCommand, OpensIndex {
        static let configuration = CommandConfiguration(
            abstract: "Check that the index matches the corpus; exit 1 with a list when it does not.",
            discussion: "Every file must be indexed with its current content, and every indexed file must exist.")

        @Argument(help: "Corpus folders or files.")
        var paths: [String] = ["corpus"]
        @OptionGroup var database: DatabaseOption
        @Option(help: "Output format.")
        var format: ReportFormat = .text

        func run() throws {
            let report = try IndexCheck.run(inputs: paths.map { URL(fileURLWithPath: $0) }, database: database.path)
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
                let verdict = report.isConsistent
                    ? "the index matches the corpus"
                    : "\(report.discrepancies.count) difference(s): run `newsdex index` to bring the index up to date"
                let skipped = report.skipped.isEmpty ? "" : " (\(report.skipped.count) skipped, listed above)"
                Terminal.writeError("checked \(report.filesChecked) files\(skipped): \(verdict)\n")
            }
            if !report.isConsistent { throw ExitCode.noMatch }
        }
    }
}
