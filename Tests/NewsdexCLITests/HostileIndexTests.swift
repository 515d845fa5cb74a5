// Issue 20, the index and the output: stubs that would make Xapian recurse, special files where
// an index should be, timeouts that are not sane, and results that cannot be written.
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.timeLimit(.minutes(5))) struct HostileIndexTests {
    let ws: Workspace

    init() throws { ws = try Workspace().indexed() }

    func write(_ name: String, _ text: String) -> String {
        let path = ws.url.appendingPathComponent(name).path
        _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    @Test func aStubThatNamesItselfIsRefusedNamingItBeforeXapianOpensIt() throws {
        for text in ["auto stub.self\n", "remote 127.0.0.1:1\nauto stub.self\n"] {
            let stub = write("stub.self", text)
            let result = try runBounded(["search", "--db", stub, "troops"])
            #expect(result.status == 4, "\(text): \(result.summary)")
            #expect(result.stderr.contains("the stub file \(stub) names itself"), "\(result.stderr)")
        }
    }

    @Test func aCycleOfStubsIsRefusedNamingEachFile() throws {
        let a = write("a.stub", "auto b.stub\n")
        let b = write("b.stub", "auto \(ws.index)\nauto a.stub\n")
        for command in [["search", "troops"], ["facets"], ["stats"], ["show", "x"], ["check", ws.corpus]] {
            let result = try runBounded([command[0], "--db", a] + command.dropFirst())
            #expect(result.status == 4, "\(command): \(result.summary)")
            #expect(result.stderr.contains("leads back to itself (\(a) -> \(b) -> \(a))"), "\(result.stderr)")
        }
    }

    @Test func stubsNestedTooDeepAreRefused() throws {
        for level in 0..<10 { _ = write("level\(level).stub", "auto level\(level + 1).stub\n") }
        _ = write("level10.stub", "auto \(ws.index)\n")
        let result = try runBounded(["search", "--db", ws.url.appendingPathComponent("level0.stub").path, "troops"])
        #expect(result.status == 4, "\(result.summary)")
        #expect(result.stderr.contains("nest more than 8 deep"), "\(result.stderr)")
        // Nested as an index nests them (its XAPIANDB, a generation's), it opens.
        let nested = write("nested.stub", "auto \(ws.index)\n")
        #expect(try runBounded(["search", "--db", nested, "troops"]).status == 0)
    }

    @Test func aFIFOWhereTheIndexShouldBeIsRefusedWithoutBlocking() throws {
        let fifo = ws.url.appendingPathComponent("index.fifo").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let result = try runBounded(["search", "--db", fifo, "troops"])
        #expect(result.status == 4, "\(result.summary)")
        #expect(result.stderr.contains("is a FIFO, not an index or a stub file"), "\(result.stderr)")
        // A FIFO as the stub inside an index folder, too.
        let folder = ws.url.appendingPathComponent("fifo-index")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(mkfifo(folder.appendingPathComponent("XAPIANDB").path, 0o644) == 0)
        let inside = try runBounded(["search", "--db", folder.path, "troops"])
        #expect(inside.status == 4 && inside.stderr.contains("is a FIFO"), "\(inside.summary)")
        // Indexing into it reads no stub from the FIFO: it builds and puts a stub in its place.
        let indexing = try runBounded(["index", ws.corpus, "--db", folder.path])
        #expect(indexing.status == 0, "\(indexing.summary)")
        #expect(try runBounded(["search", "--db", folder.path, "troops"]).status == 0)
    }

    @Test(arguments: ["inf", "1e308", "0", "-1", "abc", "nan", "1e-9"])
    func aRemoteTimeoutThatIsNotASaneNumberOfSecondsIsAUsageError(_ value: String) throws {
        for name in ["NEWSDEX_REMOTE_TIMEOUT", "NEWSDEX_REMOTE_CONNECT_TIMEOUT"] {
            let result = try runBounded(["search", "--db", ws.index, "troops"], environment: [name: value])
            #expect(result.status == 2, "\(name)=\(value): \(result.summary)")
            #expect(result.stderr.contains("\(name)=\(value.debugDescription) is not a number of seconds from 0.01 to 3600"))
        }
    }

    @Test(arguments: [["search", "troops"], ["search", "--format", "json", "troops"], ["search", "--format", "jsonl", "troops"],
                      ["search", "--format", "ids", "troops"], ["facets", "--format", "json"], ["stats"], ["show", "LBC"]])
    func resultsWrittenToAFullDiskAreAnErrorNeverLostQuietly(_ command: [String]) throws {
        var arguments = command
        arguments.insert(contentsOf: ["--db", ws.index], at: 1)
        if command[0] == "show" { arguments[3] = "LBC/000_satellite-images-show-north-korean-special-forces-deployed-in-russia.txt" }
        let result = try runBounded(arguments, stdout: .path("/dev/full"))
        #expect(result.status == 2, "\(command): \(result.summary)")
        #expect(result.stderr.contains("cannot write the results to standard output: no space left on device"), "\(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"))
    }

    @Test(arguments: ["text", "json", "jsonl", "ids"])
    func aClosedPipeEndsTheSearchQuietlyAsGrepDoes(_ format: String) throws {
        let result = try runBounded(["search", "--db", ws.index, "--format", format, "troops"], stdout: .closedPipe)
        #expect(result.signal == SIGPIPE, "\(result.summary)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }
}
