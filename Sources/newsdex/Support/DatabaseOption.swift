import ArgumentParser
import Foundation

/// `--db`, shared by every command that opens the index.
struct DatabaseOption: ParsableArguments {
    @Option(
        name: .long,
        help: ArgumentHelp(
            "The index: a directory, a Xapian database or a stub file (default: $NEWSDEX_DB, else index).",
            valueName: "path"))
    var db: String?

    /// The path to use: the flag, else NEWSDEX_DB, else `index`.
    var path: String {
        db ?? ProcessInfo.processInfo.environment["NEWSDEX_DB"].flatMap { $0.isEmpty ? nil : $0 } ?? "index"
    }
}
