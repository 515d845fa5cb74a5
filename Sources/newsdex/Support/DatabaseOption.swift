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
    var path: String { Self.resolve(db) }

    /// The one place `--db`'s default is decided: `flag` when given, else `NEWSDEX_DB` when set
    /// and not empty, else `index`. Shell completion resolves it the same way.
    static func resolve(
        _ flag: String?, environment: (String) -> String? = ProcessEnvironment.value
    ) -> String {
        flag ?? environment("NEWSDEX_DB").flatMap { $0.isEmpty ? nil : $0 } ?? "index"
    }
}

/// A command that opens an index: errors are worded with the path its user gave.
protocol OpensIndex {
    var database: DatabaseOption { get }
}
