// Killing `newsdex index` at any moment, or searching while it runs, never shows half an index.
// Each kill is checked to land while a run holds the index's lock (from /proc/locks), so the test
// cannot pass by killing runs that had not started or had already finished.
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

    static let indexFlags = ["--quiet", "--jobs", "1", "--batch-size", "25"]

    /// Whether process `pid` holds a flock on the file at `path`, read from /proc/locks (Linux)
    /// without taking the lock, which would make the indexer fail; nil where there is no
    /// /proc/locks (macOS), and then a kill counts as mid-run when the process was still running.
    func holdsLock(_ pid: Int32, on path: String) -> Bool? {
        guard let locks = try? String(contentsOfFile: "/proc/locks", encoding: .utf8) else { return nil }
        var info = stat()
        guard stat(path, &info) == 0 else { return false }
        return locks.split(separator: "\n").contains { line in
            let fields = line.split(separator: " ")
            return fields.count > 5 && fields[1] == "FLOCK" && fields[4] == "\(pid)"
                && fields[5].hasSuffix(":\(info.st_ino)")
        }
    }

    /// Starts `newsdex index`, waits until it holds the index's lock (it is inside the run), lets
    /// it work `delay` seconds more, and kills it with SIGKILL. Returns whether the kill landed
    /// mid-run: the lock still held just before the kill, and the process killed by it.
    /// With `until`, it waits (after taking the lock) for that to hold before the delay.
    func indexAndKill(
        _ ws: Workspace, after delay: Double, extra: [String] = [], until ready: (() -> Bool)? = nil
    ) throws -> Bool {
        let process = Process()
        process.executableURL = newsdexExecutable()
        process.arguments = ["index", ws.corpus, "--db", ws.index] + Self.indexFlags + extra
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let lock = ws.index + "/.lock"
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && holdsLock(process.processIdentifier, on: lock) == false && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.002)
        }
        while let ready, process.isRunning && !ready() && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.002)
        }
        Thread.sleep(forTimeInterval: delay)
        let midRun = holdsLock(process.processIdentifier, on: lock) ?? process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        return midRun && process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL
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

    /// Killed updates, rebuilds, and updates of a sharded index (a new generation of the shards
    /// written and links to the others).
    @Test(arguments: [[], ["--rebuild"], ["--shards", "3"]])
    func sigkillAtAnyMomentLeavesAnIndexThatAnswersAsBefore(extra: [String]) throws {
        let ws = Workspace(seeds: false)
        writeCorpus(ws, word: "alpha")
        // A whole run with the flags the killed runs use, to spread the kills over one.
        let start = Date()
        let first = try runNewsdex(["index", ws.corpus, "--db", ws.index] + Self.indexFlags + extra)
        let duration = Date().timeIntervalSince(start)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(try total(ws, "alpha") == Self.articles)

        for fraction in [0.0, 0.1, 0.2, 0.35, 0.5, 0.65] {
            // A run slowed less than the measured one may end before its kill: then the kill is
            // tried again sooner, so that every one of them lands while a run is writing.
            var delay = duration * fraction
            var midRun = false
            for _ in 0..<5 where !midRun {
                // The corpus always says the other word than the index, so every run has work.
                let (alpha, _) = try counts(ws)
                writeCorpus(ws, word: alpha > 0 ? "beta" : "alpha")
                midRun = try indexAndKill(ws, after: delay, extra: extra)
                try expectConsistent(ws)
                delay /= 2
            }
            #expect(midRun, "no kill near \(fraction) of a run (\(duration) s) landed while it ran")
        }
        // Left to finish, a run brings the index up to date.
        writeCorpus(ws, word: "beta")
        let finished = try runNewsdex(["index", ws.corpus, "--db", ws.index, "--quiet"])
        #expect(finished.status == 0)
        #expect(try total(ws, "beta") == Self.articles)
        #expect(try total(ws, "alpha") == 0)
        let check = try runNewsdex(["check", ws.corpus, "--db", ws.index])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    /// What is in the index folder besides its stub and lock: generations, part folders, a stub
    /// half written.
    func folders(_ ws: Workspace) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: ws.index).filter { $0 != "XAPIANDB" && $0 != ".lock" }.sorted()
    }

    @Test func afterKilledRunsOfEveryKindOneSuccessfulRunLeavesOneGeneration() throws {
        let ws = Workspace(seeds: false)
        writeCorpus(ws, word: "alpha")
        #expect(try runNewsdex(["index", ws.corpus, "--db", ws.index, "--quiet"]).status == 0)
        // An update in place (Xapian's own lock on the live generation), rebuilds into two
        // shards and on two threads (part folders): each killed while it runs, the last once it
        // has begun its generation, so that something is surely left behind.
        var landed = 0
        var trace: [String] = []
        let runs: [([String], String)] = [
            ([], "beta"), (["--rebuild", "--shards", "2"], "alpha"), (["--rebuild", "--jobs", "2"], "beta"),
        ]
        for (number, (extra, word)) in runs.enumerated() {
            writeCorpus(ws, word: word)
            let last = number == runs.count - 1
            var midRun = false
            var delay = last ? 0.05 : 0.2
            for _ in 0..<4 where !midRun {
                // The last waits for a folder of its own (an earlier kill's are removed first).
                let before = Set(try folders(ws))
                let begun = { !Set((try? self.folders(ws)) ?? []).subtracting(before).isEmpty }
                midRun = try indexAndKill(ws, after: delay, extra: extra, until: last ? begun : nil)
                delay /= 2
            }
            if midRun { landed += 1 }
            trace.append("\(extra): \(midRun ? "killed mid-run" : "not killed mid-run"), left \(try folders(ws))")
            try expectConsistent(ws)
        }
        #expect(landed >= 2, "too few kills landed while a run held the lock")
        // The kills left generations behind, and the lock file of a process that is gone.
        #expect(try folders(ws).count > 1, "the killed runs left nothing, the test proves nothing: \(trace)")
        #expect(FileManager.default.fileExists(atPath: ws.index + "/.lock"))

        writeCorpus(ws, word: "gamma")
        let done = try runNewsdex(["index", ws.corpus, "--db", ws.index, "--quiet"])
        #expect(done.status == 0, "\(done.stderr)")
        let left = try folders(ws)
        #expect(left.count == 1 && left[0].hasPrefix("gen-") && !left[0].contains(".part-"), "\(left)")
        #expect(try total(ws, "gamma") == Self.articles)
    }

    @Test func aSecondWriterIsToldThePIDOfTheLiveOne() throws {
        let ws = Workspace(seeds: false)
        writeCorpus(ws, word: "alpha")
        let process = Process()
        process.executableURL = newsdexExecutable()
        process.arguments = ["index", ws.corpus, "--db", ws.index] + Self.indexFlags
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while process.isRunning && holdsLock(process.processIdentifier, on: ws.index + "/.lock") == false && Date() < deadline {
            Thread.sleep(forTimeInterval: 0.002)
        }
        let second = try runNewsdex(["index", ws.corpus, "--db", ws.index])
        let stillRunning = process.isRunning
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        // The first run may have finished before the second looked; then there was no lock.
        if stillRunning && second.status == 4 {
            #expect(second.stderr == "newsdex: the index at \(ws.index) is locked: another `newsdex index` "
                + "(process \(process.processIdentifier)) is running; wait for it to finish\n")
        } else {
            #expect(second.status == 0, "\(second.stderr)")
        }
        // Killed, the first leaves its lock file, with its PID, and it blocks nothing.
        #expect(FileManager.default.fileExists(atPath: ws.index + "/.lock"))
        #expect(try runNewsdex(["index", ws.corpus, "--db", ws.index, "--quiet"]).status == 0)
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
