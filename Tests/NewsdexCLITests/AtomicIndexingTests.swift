// Killing `newsdex index` at any moment, or searching while it runs, never shows half an index.
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.serialized) struct AtomicIndexingTests {
    static let articles = 300

    /// Writes `articles` files that all contain `word` once, so a consistent index counts either
    /// all of them or none for each word. (They are copies of one story: searches ask for all copies.)
    func writeCorpus(_ ws: Workspace, word: String) {
        let filler = (0..<12).map { p in
            (0..<60).map { w in "filler\((p * 60 + w) % 97)" }.joined(separator: " ") + "."
        }
        for i in 0..<Self.articles {
            let text = " date 2024-10-\(10 + i % 20) Report number \(i)\n\nBy Ann Lee\n\n"
                + "This report mentions \(word) once.\n\n" + filler.joined(separator: "\n\n") + "\n"
            ws.write("corpus/SRC\(i % 5)/report-\(i).txt", Array(text.utf8))
        }
    }

    func total(_ ws: Workspace, _ word: String) throws -> Int {
        let result = try runNewsdex(["search", "--db", ws.index, "--format", "json", "--limit", "0", "--all-copies", word])
        #expect(result.status == 0 || result.status == 1, "search failed: \(result.stderr)")
        let json = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any]
        return json?["total"] as? Int ?? -1
    }

    /// Starts `newsdex index` and kills it with SIGKILL after `delay` seconds (or lets it finish).
    func indexAndKill(_ ws: Workspace, after delay: Double, extra: [String] = []) throws {
        let process = Process()
        process.executableURL = newsdexExecutable()
        process.arguments = ["index", ws.corpus, "--db", ws.index, "--quiet", "--jobs", "1", "--batch-size", "25"] + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: delay)
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    /// Counts, in one search (one snapshot of the index), the hits that say alpha and beta.
    func counts(_ ws: Workspace) throws -> (alpha: Int, beta: Int) {
        let result = try runNewsdex(["search", "--db", ws.index, "--format", "jsonl", "--limit", "1000", "--all-copies", "alpha OR beta"])
        #expect(result.status == 0, "search failed: \(result.stderr)")
        var alpha = 0, beta = 0
        for line in result.stdout.split(separator: "\n") {
            let hit = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any]
            let highlights = (hit?["highlights"] as? [String] ?? []).map { $0.lowercased() }
            if highlights.contains("alpha") { alpha += 1 }
            if highlights.contains("beta") { beta += 1 }
        }
        return (alpha, beta)
    }

    func expectConsistent(_ ws: Workspace) throws {
        let (alpha, beta) = try counts(ws)
        let consistent = (alpha == Self.articles && beta == 0) || (alpha == 0 && beta == Self.articles)
        #expect(consistent, "alpha \(alpha), beta \(beta): a mix of the old and new index")
    }

    @Test(arguments: [false, true])
    func sigkillAtAnyMomentLeavesAnIndexThatAnswersAsBefore(rebuild: Bool) throws {
        let ws = Workspace(seeds: false)
        writeCorpus(ws, word: "alpha")
        _ = try runNewsdex(["index", ws.corpus, "--db", ws.index, "--quiet"])
        #expect(try total(ws, "alpha") == Self.articles)

        writeCorpus(ws, word: "beta")
        for delay in [0.02, 0.1, 0.25, 0.5, 0.8, 1.2] {
            try indexAndKill(ws, after: delay, extra: rebuild ? ["--rebuild"] : [])
            try expectConsistent(ws)
        }
        // Left to finish, a run brings the index up to date.
        let finished = try runNewsdex(["index", ws.corpus, "--db", ws.index, "--quiet"])
        #expect(finished.status == 0)
        #expect(try total(ws, "beta") == Self.articles)
        #expect(try total(ws, "alpha") == 0)
        let check = try runNewsdex(["check", ws.corpus, "--db", ws.index])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func searchesDuringIndexingSeeTheOldOrTheNewIndex() throws {
        let ws = Workspace(seeds: false)
        writeCorpus(ws, word: "alpha")
        _ = try runNewsdex(["index", ws.corpus, "--db", ws.index, "--quiet"])
        writeCorpus(ws, word: "beta")
        let process = Process()
        process.executableURL = newsdexExecutable()
        process.arguments = ["index", ws.corpus, "--db", ws.index, "--quiet", "--jobs", "1"]
        process.standardError = FileHandle.nullDevice
        try process.run()
        var searches = 0
        while process.isRunning || searches < 3 {
            try expectConsistent(ws)
            searches += 1
        }
        process.waitUntilExit()
        #expect(process.terminationStatus == 0)
        try expectConsistent(ws)
        #expect(try total(ws, "beta") == Self.articles)
    }
}
