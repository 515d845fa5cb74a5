// Indexing or checking part of a corpus touches that part only: the index remembers its corpus
// root, a path inside it updates what is under it, a path outside it or a missing one is refused
// (exit 2) and removes nothing, and a rebuild from part of the corpus asks before it drops the rest.
import Foundation
import Testing

@Suite struct PartialRunTests {
    let ws: Workspace

    /// The seed corpus with a third source, BBC, of two stories: indexed.
    init() throws {
        ws = Workspace()
        for (name, word) in [("harbour", "harbour"), ("bridge", "bridge")] {
            ws.write("corpus/BBC/\(name).txt", Array(" date 2024-10-20 The \(word) story\n\nA story about the \(word), told once.\n".utf8))
        }
        _ = try ws.indexed()
    }

    /// The articles a query matches; without one, every article of the three sources.
    func ids(_ query: String = "") throws -> [String] {
        let arguments = query.isEmpty ? ["--source", "AFP", "--source", "LBC", "--source", "BBC"] : [query]
        let result = try runNewsdex(["search", "--db", ws.index, "--format", "ids", "--all-copies", "--limit", "100"] + arguments)
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init).sorted()
    }

    func index(_ arguments: [String]) throws -> RunResult {
        try runNewsdex(["index", "--db", ws.index] + arguments)
    }

    @Test func aFolderOfTheCorpusUpdatesThatFolderOnlyUnderTheSameIds() throws {
        let before = try ids()
        #expect(before.count == 4)
        // Changed, added and removed under BBC; changed under LBC, which this run does not name.
        ws.write("corpus/BBC/harbour.txt", Array(" date 2024-10-20 The harbour story\n\nThe harbour, told twice.\n".utf8))
        ws.write("corpus/BBC/tunnel.txt", Array(" date 2024-10-21 The tunnel story\n\nA tunnel.\n".utf8))
        try FileManager.default.removeItem(atPath: ws.corpus + "/BBC/bridge.txt")
        let lbc = try FileManager.default.contentsOfDirectory(atPath: ws.corpus + "/LBC")[0]
        ws.write("corpus/LBC/" + lbc, Array("Replaced\n\nNothing about troops.\n".utf8))

        let result = try index([ws.corpus + "/BBC", "--format", "json"])
        #expect(result.status == 0, "\(result.stderr)")
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(summary["added"] as? Int == 1 && summary["updated"] as? Int == 1 && summary["removed"] as? Int == 1)
        #expect(summary["unchanged"] as? Int == 0)
        // The other sources are all there, under the ids the whole corpus gives them.
        #expect(try ids() == (before.filter { $0 != "BBC/bridge.txt" } + ["BBC/tunnel.txt"]).sorted())
        #expect(try ids("tunnel") == ["BBC/tunnel.txt"])
        #expect(try runNewsdex(["search", "--db", ws.index, "--source", "BBC", "--format", "ids", "tunnel"]).status == 0)
        // LBC was not named: its old text is still what the index has, and check says so.
        #expect(try ids("\"parade ground\"").count == 1)
        let check = try runNewsdex(["check", ws.corpus, "--db", ws.index])
        #expect(check.status == 1 && check.stdout == "LBC/\(lbc): stale\n")
        #expect(try runNewsdex(["check", ws.corpus + "/BBC", "--db", ws.index]).status == 0)
    }

    @Test func aFileOfTheCorpusUpdatesThatFileOnly() throws {
        let before = try ids()
        ws.write("corpus/BBC/bridge.txt", Array(" date 2024-10-20 The bridge story\n\nThe bridge fell.\n".utf8))
        try FileManager.default.removeItem(atPath: ws.corpus + "/BBC/harbour.txt")
        let result = try index([ws.corpus + "/BBC/bridge.txt"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("0 added, 1 updated, 0 unchanged, 0 removed"))
        #expect(try ids() == before)
        #expect(try ids("fell") == ["BBC/bridge.txt"])
    }

    @Test func aPathOutsideTheCorpusIsRefusedAndRemovesNothing() throws {
        let before = try ids()
        ws.write("elsewhere/CNN/story.txt", Array("A story\n\nElsewhere.\n".utf8))
        let outside = try index([ws.url.appendingPathComponent("elsewhere").path])
        #expect(outside.status == 2)
        #expect(outside.stderr.contains("elsewhere is outside the corpus of this index, \(ws.corpus)"))
        // A folder around the corpus would re-root it: only a rebuild may, and it says so.
        let around = try index([ws.url.path])
        #expect(around.status == 2 && around.stderr.contains("--rebuild"))
        #expect(try ids() == before)
        let check = try runNewsdex(["check", ws.url.appendingPathComponent("elsewhere").path, "--db", ws.index])
        #expect(check.status == 2 && check.stderr.contains("outside the corpus"))
    }

    @Test func aMissingPathExitsTwoNamingItAndRemovesNothing() throws {
        let before = try ids()
        let missing = ws.corpus + "/AFPP"
        for command in ["index", "check"] {
            let result = try runNewsdex([command, ws.corpus + "/BBC", missing, "--db", ws.index])
            #expect(result.status == 2, "\(command): \(result.stderr)")
            #expect(result.stderr == "newsdex: \(missing): no such file or folder; nothing was indexed or removed\n")
            #expect(result.stdout.isEmpty)
        }
        #expect(try ids() == before)
    }

    @Test func aRebuildOfPartOfTheCorpusAsksBeforeDroppingTheRest() throws {
        let before = try ids()
        let refused = try index(["--rebuild", ws.corpus + "/BBC"])
        #expect(refused.status == 2)
        #expect(refused.stderr.contains("would drop the 2 indexed file(s) outside it"))
        #expect(refused.stderr.contains("`newsdex index --rebuild --db \(ws.index) \(ws.corpus)`"))
        #expect(refused.stderr.contains("--force"))
        #expect(try ids() == before)
        // The whole corpus rebuilds without asking; so does the part, with --force, saying
        // what it dropped.
        #expect(try index(["--rebuild", ws.corpus, "--quiet"]).status == 0)
        #expect(try ids() == before)
        let forced = try index(["--rebuild", "--force", ws.corpus + "/BBC"])
        #expect(forced.status == 0 && forced.stderr.contains("2 added, 0 updated, 0 unchanged, 2 removed"))
        #expect(try ids() == ["BBC/bridge.txt", "BBC/harbour.txt"])
        // It is still the same corpus: the rest comes back under its ids.
        #expect(try index([ws.corpus, "--quiet"]).status == 0)
        #expect(try ids() == before)
    }
}
