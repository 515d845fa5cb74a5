// The `newsdex` command line: parses flags, calls the Newsdex library, prints.
import ArgumentParser
import Foundation
import Newsdex

@main
struct NewsdexCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "newsdex",
        abstract: "Index and search a news archive with Xapian.",
        discussion: """
            Reads news articles (plain text as copied from news sites, text with front matter, \
            JSON Lines) with their image captions, photo credits and the people, places and \
            organizations they name into a Xapian index, and searches it: keywords, phrases and \
            boolean queries, filters by facet, exact facet counts. Start with \
            `newsdex index corpus`, then `newsdex search WORDS`.
            """,
        version: "0.1.0",
        subcommands: [
            Index.self, Search.self, Count.self, Facets.self, Show.self, Stats.self, Check.self, Parse.self,
            Entities.self,
        ]
    )

    /// Runs the command. This is the one place errors become words and exit codes: usage errors
    /// exit 2 as the README documents (ArgumentParser's own default is 64), the library's errors
    /// are worded by ErrorMessages, and a command's own exit codes pass through.
    static func main() {
        if let script = CompletionScripts.requested(by: CommandLine.arguments) {
            return print(script, terminator: "")
        }
        let arguments = Array(CommandLine.arguments.dropFirst())
        // Start-up is most of a one-shot search's time (issue 16): the version, and a plain
        // search line, are read without ArgumentParser's reflection.
        if arguments == ["--version"] {
            StandardOutput.write(configuration.version + "\n")
            return finishOutput()
        }
        if let search = PlainSearchLine.command(arguments) {
            return run(search.run, database: { search.databasePath })
        }
        var command: any ParsableCommand
        do {
            command = try parsed(arguments)
        } catch {
            fail(error)
        }
        run({ try command.run() }, database: { (command as? any OpensIndex)?.database.path })
    }

    /// Runs a command and flushes its output; a failure is worded with the index it opens, as
    /// `database` names it.
    private static func run(_ body: () throws -> Void, database: () -> String?) {
        do {
            try body()
        } catch {
            fail(error, database: database())
        }
        finishOutput()
    }

    /// The command `arguments` (without the program name) ask for, as ArgumentParser reads it.
    static func parsed(_ arguments: [String]) throws -> any ParsableCommand {
        // `search troops -hamas`: a query word may start with "-" (see QueryWords).
        let (arguments, marked) = QueryWords.protect(arguments, commands: configuration.subcommands)
        var command = try parseAsRoot(arguments)
        try QueryWords.restore(&command, marked: marked)
        return command
    }

    /// Flushes the results: those that could not be written are an error, never lost quietly.
    private static func finishOutput() {
        do {
            try StandardOutput.finish()
        } catch {
            let (lines, code) = ErrorMessages.describe(error, database: nil)
            for line in lines { printError(line) }
            Foundation.exit(code.rawValue)
        }
    }

    private static func fail(_ error: any Error, database: String? = nil) -> Never {
        // What was printed before the failure still goes out, or its loss is said.
        finishOutput()
        if error is ExitCode || error is CleanExit { exit(withError: error) }
        if exitCode(for: error) == .validationFailure {
            Terminal.writeError(fullMessage(for: error) + "\n")
            Foundation.exit(ExitCode.usage.rawValue)
        }
        if !(error is IndexError || error is SearchError || error is CorpusError), exitCode(for: error) != .failure {
            // ArgumentParser's own errors (help requested, a completion script) exit as it says.
            exit(withError: error)
        }
        // A remedy that rebuilds names the corpus the index was built from, when it says.
        let corpus = (error is IndexError ? database : nil)
            .flatMap { Indexer.recordedCorpusRoot(ofIndex: $0) }
            .map { root in
                let here = FileManager.default.currentDirectoryPath + "/"
                return root.path.hasPrefix(here) ? String(root.path.dropFirst(here.count)) : root.path
            }
        let (lines, code) = ErrorMessages.describe(error, database: database, corpus: corpus)
        for (number, line) in lines.enumerated() {
            if number == 0 { printError(line) } else { Terminal.writeError(line + "\n") }
        }
        Foundation.exit(code.rawValue)
    }
}
