// The `newsdex` command line: parses flags, calls the Newsdex library, prints.
import ArgumentParser
import Newsdex

@main
struct NewsdexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsdex",
        abstract: "Index and search a news archive with Xapian.",
        version: "0.1.0",
        subcommands: [Parse.self, Entities.self]
    )
}
