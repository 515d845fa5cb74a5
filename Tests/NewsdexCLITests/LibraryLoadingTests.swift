// libxml2 and libcld2 are opened when articles are first read, not at every start of newsdex
// (issue 16): `--version` and a search never load them, and reading a page loads both. What was
// loaded is read from the dynamic loader's own log (LD_DEBUG=files, on standard error).
import Foundation
import Newsdex
import Testing

@testable import newsdex

@Suite struct LibraryLoadingTests {
    /// The file names the dynamic loader reports loading while newsdex runs `arguments`.
    private func loadedLibraries(_ arguments: [String]) throws -> (result: RunResult, libraries: Set<String>) {
        let result = try runNewsdex(arguments, environment: ["LD_DEBUG": "files"])
        // Lines such as "  4242:	file=libxml2.so.2 [0];  dynamically loaded by ./newsdex [0]".
        var libraries: Set<String> = []
        for line in result.stderr.split(separator: "\n") {
            guard let start = line.range(of: "file=") else { continue }
            libraries.insert(String(line[start.upperBound...].prefix { $0 != " " }))
        }
        return (result, libraries)
    }

    private func loads(_ libraries: Set<String>, _ prefix: String) -> Bool {
        libraries.contains { $0.hasPrefix(prefix) }
    }

    @Test func versionAndSearchLoadNeitherLibrary() throws {
        let ws = try Workspace().indexed()
        for arguments in [["--version"], ["search", "--db", ws.index, "parade ground"]] {
            let (result, libraries) = try loadedLibraries(arguments)
            #expect(result.status == 0, "\(arguments)")
            #expect(loads(libraries, "libxapian.so"), "the log is read: \(arguments)")
            #expect(!loads(libraries, "libxml2.so"), "\(arguments)")
            #expect(!loads(libraries, "libcld2.so"), "\(arguments)")
        }
    }

    @Test func readingAPageLoadsBothAndReadsIt() throws {
        let ws = Workspace(seeds: false)
        let paragraph = "<p>The council voted on Tuesday to close the old bridge to traffic for repairs.</p>"
        ws.write("corpus/Wire/page.html", Array(
            "<html><head><title>Bridge closes</title></head><body><article><h1>Bridge closes</h1>\(String(repeating: paragraph, count: 4))</article></body></html>".utf8))
        let (result, libraries) = try loadedLibraries(["parse", ws.corpus + "/Wire/page.html", "--corpus", ws.corpus])
        #expect(result.status == 0, "\(result.stderr.suffix(500))")
        #expect(result.stdout.contains("Bridge closes"))
        #expect(loads(libraries, "libxml2.so"))
        #expect(loads(libraries, "libcld2.so"))
    }

    @Test func aLibraryThatCannotBeLoadedIsNamedWithItsRemedy() {
        let error = LibraryLoadError(library: "libcld2.so.0", reason: "libcld2.so.0: cannot open shared object file")
        let (lines, code) = ErrorMessages.describe(error, database: "index")
        #expect(code == .indexUnavailable)
        #expect(lines.count == 1)
        #expect(lines[0].contains("libcld2.so.0 could not be loaded (libcld2.so.0: cannot open shared object file)"))
        #expect(lines[0].contains("apt-get install libxml2-dev libcld2-dev"))
    }
}
