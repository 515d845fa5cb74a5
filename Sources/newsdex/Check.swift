import ArgumentParser
import Foundation
import Newsdex

extension NewsdexCommand {
    struct Check: ParsableCommand, OpensIndex {
        static let configuration = CommandConfiguration(
            commandName: "check",
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
                for discrepancy in report.discrepancies { print(discrepancy) }
                for group in report.duplicates {
                    printError("duplicate: \(group.joined(separator: ", ")) have the same text")
                }
                let verdict = report.isConsistent
                    ? "the index matches the corpus"
                    : "\(report.discrepancies.count) difference(s): run `newsdex index` to bring the index up to date"
                Terminal.writeError("checked \(report.filesChecked) files: \(verdict)\n")
            }
            if !report.isConsistent { throw ExitCode.noMatch }
        }
    }
}
