// The `newsdex` command line: parses flags, calls the Newsdex library, prints.
import ArgumentParser
import Foundation
import Newsdex

@main
struct NewsdexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsdex",
        abstract: "Index and search a news archive with Xapian.",
        version: "0.1.0",
        subcommands: [
            Index.self, Search.self, Facets.self, Show.self, Stats.self, Check.self, Parse.self,
            Entities.self,
        ]
    )

    /// Runs the command, with usage errors exiting 2 as the README documents (ArgumentParser's
    /// own default is 64).
    static func main() {
        do {
            var command = try parseAsRoot()
            try command.run()
        } catch {
            if exitCode(for: error) == .validationFailure {
                Terminal.writeError(fullMessage(for: error) + "\n")
                Foundation.exit(ExitCode.usage.rawValue)
            }
            exit(withError: error)
        }
    }
}
