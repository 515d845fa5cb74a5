import ArgumentParser
import Foundation

/// How a report-like command (parse, entities, stats, index summary) prints its result.
enum ReportFormat: String, ExpressibleByArgument, CaseIterable {
    case text
    case json
}

/// Prints a value as JSON on stdout: keys sorted, so the output is stable for scripts and diffs.
func printJSON<T: Encodable>(_ value: T, pretty: Bool = true) throws {
    let encoder = JSONEncoder()
    encoder.outputFormatting = pretty
        ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        : [.sortedKeys, .withoutEscapingSlashes]
    var data = try encoder.encode(value)
    data.append(UInt8(ascii: "\n"))
    StandardOutput.write(data)
}

/// Writes one line to stderr: diagnostics never mix with results on stdout.
func printError(_ message: String) {
    Terminal.writeError("newsdex: \(message)\n")
}
