import ArgumentParser
import Foundation
import Newsdex

extension NewsdexCommand {
    struct Count: ParsableCommand, OpensIndex {
        static let configuration = CommandConfiguration(
            commandName: "count",
            abstract: "Print the exact number of matching articles (pictures with --kind caption).",
            discussion: """
                Every match is counted, so the number is exact where `search` may say "about". \
                With no query and no filter it counts every article.

                --batch reads one query per line from standard input and prints one count per line, \
                in one process, as `notmuch count --batch` does; the filters given apply to every \
                line, and an empty line counts all they allow. A line that cannot be parsed prints an \
                empty line, so that each count stays on the line of its query, and its error goes to \
                stderr with the line's number; the other lines are still counted, and the run then \
                exits 2.

                Exit status: 0 counted (with --batch, every line), 1 the count is 0 (as `grep -c`), \
                2 a usage or query error, 4 the index is missing, damaged, locked or of another version.
                """)

        @OptionGroup var search: SearchOptions
        @OptionGroup var database: DatabaseOption
        @Flag(help: "Count stories (the copies of a story once) instead of articles.")
        var stories = false
        @Flag(help: "Read queries from standard input, one a line, and print one count a line.")
        var batch = false

        func validate() throws {
            if batch && !search.query.isEmpty {
                throw ValidationError("--batch reads its queries from standard input: give none on the command line")
            }
            if stories && search.kind != .article {
                throw ValidationError("--stories counts stories of articles: leave out --kind \(search.kind.rawValue)")
            }
        }

        func run() throws {
            let searcher = try Searcher(path: database.path)
            guard batch else {
                let response = try count(search.queryText, with: searcher)
                print(response.total)
                SearchText.printNotes(response)
                if response.total == 0 { throw ExitCode.noMatch }
                return
            }
            var failed = false
            var number = 0
            while let line = readLine(strippingNewline: true) {
                number += 1
                do {
                    print(try count(line, with: searcher).total)
                } catch let error as SearchError {
                    print()
                    failed = true
                    let (lines, _) = ErrorMessages.describe(error, database: database.path)
                    for (index, text) in lines.enumerated() {
                        if index == 0 { printError("line \(number): \(text)") } else { Terminal.writeError(text + "\n") }
                    }
                }
                // A caller may read each count before it writes the next query.
                fflush(nil)  // every open stream: stdout is not Sendable in Swift 6
            }
            if failed { throw ExitCode.usage }
        }

        private func count(_ query: String, with searcher: Searcher) throws -> SearchResponse {
            var request = search.request()
            request.query = query
            request.limit = 0
            request.exactTotal = true
            request.snippets = false
            request.allCopies = !stories
            return try searcher.search(request)
        }
    }
}
