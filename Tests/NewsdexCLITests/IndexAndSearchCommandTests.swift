import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A temporary folder with a copy of the seed corpus, removed afterwards.
final class Workspace: Sendable {
    let url: URL

    init(seeds: Bool = true) {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("newsdex-cli-\(UUID().uuidString)")
        try! FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        if seeds {
            try! FileManager.default.copyItem(at: Seeds.corpus, to: url.appendingPathComponent("corpus"))
        }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    var corpus: String { url.appendingPathComponent("corpus").path }
    var index: String { url.appendingPathComponent("index").path }

    func write(_ relative: String, _ bytes: [UInt8]) {
        let file = url.appendingPathComponent(relative)
        try! FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
    }

    /// The folder of the live generation of the index directory `index`: the one its stub's
    /// `auto` line names (the stub also holds a comment).
    static func generation(ofIndex index: String) throws -> String {
        let stub = try String(contentsOfFile: index + "/XAPIANDB", encoding: .utf8)
        let line = try #require(stub.split(separator: "\n").first { $0.hasPrefix("auto ") })
        return index + "/" + line.dropFirst("auto ".count)
    }

    func indexed() throws -> Workspace {
        let result = try runNewsdex(["index", corpus, "--db", index, "--quiet"])
        precondition(result.status == 0, result.stderr)
        return self
    }
}

@Suite struct IndexCommandTests {
    @Test func indexesTheSeedsAndSummarizesOnStderr() throws {
        let ws = Workspace()
        let result = try runNewsdex(["index", ws.corpus, "--db", ws.index])
        #expect(result.status == 0)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("2 added"))
        // Not a terminal: no progress bar.
        #expect(!result.stderr.contains("\r") && !result.stderr.contains("articles"))
    }

    @Test func jsonSummaryHasAFormatVersion() throws {
        let ws = Workspace()
        let result = try runNewsdex(["index", ws.corpus, "--db", ws.index, "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["format_version"] as? Int == 1)
        #expect(json["added"] as? Int == 2)
        #expect(json["documents_total"] as? Int == 8)
    }

    @Test func rejectedInputsExitThreeNamingTheFileAndTheRestIsIndexed() throws {
        let ws = Workspace()
        ws.write("corpus/BAD/empty.txt", [])
        let result = try runNewsdex(["index", ws.corpus, "--db", ws.index])
        #expect(result.status == 3)
        #expect(result.stderr.contains("BAD/empty.txt"))
        let search = try runNewsdex(["search", "--db", ws.index, "--format", "ids", "parade ground"])
        #expect(search.status == 0)
    }

    @Test func aLockedIndexExitsFourAtOnce() throws {
        let ws = Workspace()
        try FileManager.default.createDirectory(atPath: ws.index, withIntermediateDirectories: true)
        let fd = open(ws.index + "/.lock", O_RDWR | O_CREAT, 0o644)
        #expect(flock(fd, LOCK_EX | LOCK_NB) == 0)
        defer { close(fd) }
        let result = try runNewsdex(["index", ws.corpus, "--db", ws.index])
        #expect(result.status == 4)
        #expect(result.stderr.contains("locked"))
    }

    @Test func badOptionsAreUsageErrors() throws {
        let result = try runNewsdex(["index", "--jobs", "0"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--jobs"))
    }
}

@Suite struct SearchCommandTests {
    let ws: Workspace

    init() throws { ws = try Workspace().indexed() }

    func search(_ arguments: [String], environment: [String: String] = [:]) throws -> RunResult {
        try runNewsdex(["search", "--db", ws.index] + arguments, environment: environment)
    }

    @Test func idsOfAPhraseSearch() throws {
        let result = try search(["--format", "ids", "\"parade ground\""])
        #expect(result.status == 0)
        #expect(result.stdout.hasPrefix("LBC/") && result.stdout.split(separator: "\n").count == 1)
    }

    @Test func textShowsTitleSourcePathSnippetAndCaptions() throws {
        let result = try search(["parade ground"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("Satellite images show North Korean Special forces deployed in Russia"))
        #expect(result.stdout.contains("LBC · 2024-10-18"))
        #expect(result.stdout.contains("[picture] North Korean troops seen on a parade ground"))
        #expect(result.stdout.contains("South Korea's National Intelligence Service"))
        #expect(!result.stdout.contains("\u{1B}["))
    }

    @Test func jsonHasTheDocumentedShape() throws {
        let result = try search(["--format", "json", "--facets", "troops"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        for key in ["format_version", "query", "total", "total_is_exact", "offset", "limit", "results", "facets", "suggestion"] {
            #expect(json.keys.contains(key), "missing \(key)")
        }
        let results = try #require(json["results"] as? [[String: Any]])
        #expect(results.count == 2)
        for key in ["id", "kind", "rank", "score", "title", "source", "date", "authors", "path", "snippet", "captions", "entities", "language"] {
            #expect(results[0].keys.contains(key), "missing results[].\(key)")
        }
        let facets = try #require(json["facets"] as? [String: [[String: Any]]])
        #expect(Set(facets.keys) == ["source", "person", "place", "organization", "credit", "year", "language"])
        #expect(results.allSatisfy { $0["language"] as? String == "en" })
        #expect(facets["language"]?.first?["value"] as? String == "en")
    }

    @Test func jsonlPrintsOneHitPerLine() throws {
        let result = try search(["--format", "jsonl", "troops"])
        let lines = result.stdout.split(separator: "\n")
        #expect(lines.count == 2)
        for line in lines { #expect((try? JSONSerialization.jsonObject(with: Data(line.utf8))) != nil) }
    }

    @Test func noHitsExitsOne() throws {
        let result = try search(["zzyzzyva"])
        #expect(result.status == 1)
    }

    @Test func aMalformedQueryExitsTwoAndSaysWhy() throws {
        let result = try search(["troops AND"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("troops AND"))
        #expect(result.stderr.contains("\n  troops AND\n         ^^^\n"))
    }

    @Test func noQueryAndNoFilterIsAUsageError() throws {
        let result = try search([])
        #expect(result.status == 2)
    }

    @Test func aMissingIndexExitsFourAndSaysHowToBuildIt() throws {
        let result = try runNewsdex(["search", "--db", ws.url.appendingPathComponent("nothing").path, "troops"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("make index"))
    }

    @Test func everyCommandThatOpensAMissingIndexExitsFourNeverOne() throws {
        let missing = ws.url.appendingPathComponent("nothing").path
        for arguments in [["search", "troops"], ["facets"], ["show", "AFP/x.txt"], ["stats"], ["check", ws.corpus]] {
            let result = try runNewsdex(arguments + ["--db", missing])
            #expect(result.status == 4, "\(arguments): \(result.stderr)")
            #expect(result.stderr == "newsdex: no index at \(missing): build it with `make index` or `newsdex index --db \(missing)`\n")
        }
    }

    @Test func aDamagedIndexIsNamedAsTheUserGaveItWithTheRemedy() throws {
        _ = try runNewsdex(["index", "corpus", "--db", "index", "--quiet"], currentDirectory: ws.url)
        let generations = try FileManager.default.contentsOfDirectory(atPath: ws.index).filter { $0.hasPrefix("gen-") }
        let generation = try #require(generations.first)
        try Data(repeating: 0x5A, count: 20000).write(
            to: URL(fileURLWithPath: ws.index).appendingPathComponent("\(generation)/postlist.glass"))
        let result = try runNewsdex(["search", "--db", "index", "troops"], currentDirectory: ws.url)
        #expect(result.status == 4)
        #expect(result.stderr.hasPrefix("newsdex: the index at index is damaged ("))
        // The corpus the index was built from, as the stub records it, relative to where we are.
        #expect(result.stderr.hasSuffix("): rebuild it with `newsdex index --rebuild --db index corpus`\n"))
        #expect(!result.stderr.contains("gen-"))
    }

    @Test func newsdexDBEnvironmentChoosesTheIndex() throws {
        let result = try runNewsdex(["search", "--format", "ids", "troops"], environment: ["NEWSDEX_DB": ws.index])
        #expect(result.status == 0 && result.stdout.split(separator: "\n").count == 2)
    }
}
