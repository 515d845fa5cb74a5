// `newsdex index --shard I/N`: three processes each build one shard of a generated corpus (as
// three machines would), stock xapian-tcpsrv serves each, and a stub of their `remote` lines must
// answer as a single local index of the same corpus: every hit, total and facet count, with copies
// of a story collapsed across shards.
import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.timeLimit(.minutes(3))) struct IndexShardCommandTests {
    let ws = Workspace(seeds: false)

    var whole: String { ws.url.appendingPathComponent("whole").path }
    func shard(_ i: Int) -> String { ws.url.appendingPathComponent("shard-\(i)").path }
    var stub: String { ws.url.appendingPathComponent("cluster.stub").path }

    init() throws {
        // Copies of stories (30%) spread over every shard, since articles route by id.
        try generateCorpus(into: ws.corpus, articles: 150, seed: 5, duplicates: 0.3)
    }

    /// Builds the single index and the three shards, the shards from three processes at once.
    func buildAll() throws -> [RunResult] {
        let single = try runNewsdex(["index", ws.corpus, "--db", whole, "--quiet"])
        #expect(single.status == 0, "\(single.stderr)")
        let results = ResultSlots(count: 3)
        let corpus = ws.corpus
        let shards = (0..<3).map(shard)
        DispatchQueue.concurrentPerform(iterations: 3) { i in
            results[i] = try? runNewsdex(
                ["index", corpus, "--db", shards[i], "--shard", "\(i)/3", "--jobs", "1", "--format", "json"])
        }
        return (0..<3).map { results[$0] ?? RunResult(status: -1, stdout: "", stderr: "did not run") }
    }

    /// Hits of a search as comparable lines: Xapian orders hits of equal weight by document
    /// number, which differs between one database and shards, so hits are compared by rank of
    /// weight (each hit's whole JSON, rank aside, under its score; a story's hit as its members).
    func hits(_ db: String, _ arguments: [String]) throws -> [String: [String]] {
        let result = try runNewsdex(["search", "--db", db, "--format", "jsonl", "--limit", "1000"] + arguments)
        #expect(result.status == 0 || result.status == 1, "\(result.stderr)")
        var byScore: [String: [String]] = [:]
        for line in result.stdout.split(separator: "\n") {
            var hit = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            hit["rank"] = nil
            // Which copy stands for a story is, among copies of equal weight (as generated copies
            // are), Xapian's tie-break by document number too: such a hit is its story's members.
            if let copies = hit["copies"] as? [String], let count = hit["copy_count"] as? Int, count > 0,
                let id = hit["id"] as? String
            {
                hit = ["score": hit["score"] ?? "", "story": (copies + [id]).sorted(), "copy_count": count]
            }
            let text = String(decoding: try JSONSerialization.data(withJSONObject: hit, options: .sortedKeys), as: UTF8.self)
            byScore["\(hit["score"] ?? "")", default: []].append(text)
        }
        return byScore.mapValues { $0.sorted() }
    }

    func output(_ arguments: [String]) throws -> RunResult { try runNewsdex(arguments) }

    @Test func threeShardProcessesServedByXapianTCPServersAnswerAsOneIndex() throws {
        let runs = try buildAll()
        var written = 0
        for (i, run) in runs.enumerated() {
            #expect(run.status == 0, "\(run.stderr)")
            #expect(run.stdout.contains("\"shard\" : \"\(i)/3\""))
            let json = try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as! [String: Any]
            written += json["documents_written"] as! Int
        }
        let stats = try output(["stats", "--db", whole, "--format", "json"])
        let single = try JSONSerialization.jsonObject(with: Data(stats.stdout.utf8)) as! [String: Any]
        #expect(written > 0 && single["documents"] as? Int == written)

        let servers = try XapianTCPServers(serving: (0..<3).map(shard))
        defer { servers.stopAll() }
        // Listed out of order: newsdex puts shard 0, which holds the index-wide metadata, first.
        let ports = servers.ports
        try Data("remote 127.0.0.1:\(ports[2])\nremote 127.0.0.1:\(ports[0])\nremote 127.0.0.1:\(ports[1])\n".utf8)
            .write(to: URL(fileURLWithPath: stub))

        for query in ["minister", "troops OR election", "source:BBC", "\"prime minister\"", "year:2021 police"] {
            for extra in [[], ["--all-copies"], ["--kind", "all"]] {
                let local = try hits(whole, extra + [query])
                #expect(!local.isEmpty || query.hasPrefix("\""))
                #expect(try hits(stub, extra + [query]) == local, "\(query) \(extra)")
            }
            for command in [["count"], ["facets", "--format", "json", "--facet-limit", "1000"]] {
                let local = try output(command + ["--db", whole, query])
                let remote = try output(command + ["--db", stub, query])
                #expect(remote.status == local.status && remote.stdout == local.stdout, "\(command) \(query)")
            }
        }
        // Copies of one story built in different processes still collapse into one hit.
        let collapsed = try hits(stub, ["minister"]).values.joined().filter { $0.contains("\"copy_count\":0") == false }
        #expect(!collapsed.isEmpty)
    }

    @Test func aWriterKilledMidRunLeavesItsShardServingTheOldIndex() throws {
        #expect(try buildAll().allSatisfy { $0.status == 0 })
        let servers = try XapianTCPServers(serving: (0..<3).map(shard))
        defer { servers.stopAll() }
        try Data(servers.stubText.utf8).write(to: URL(fileURLWithPath: stub))
        let before = try hits(stub, ["minister"])
        #expect(before == (try hits(whole, ["minister"])))

        // A rebuild of shard 1 is killed once its new generation exists, as a crash would.
        let writer = Process()
        writer.executableURL = newsdexExecutable()
        writer.arguments = ["index", ws.corpus, "--db", shard(1), "--shard", "1/3", "--rebuild", "--jobs", "1", "--quiet"]
        writer.standardOutput = FileHandle.nullDevice
        writer.standardError = FileHandle.nullDevice
        try writer.run()
        let deadline = Date().addingTimeInterval(30)
        let generations = { (try? FileManager.default.contentsOfDirectory(atPath: shard(1)))?.filter { $0.hasPrefix("gen-") } ?? [] }
        while generations().count < 2 && writer.isRunning && Date() < deadline { usleep(2_000) }
        let killedMidRun = writer.isRunning
        kill(writer.processIdentifier, SIGKILL)
        writer.waitUntilExit()
        #expect(killedMidRun, "the rebuild ended before it could be killed")

        #expect(try hits(stub, ["minister"]) == before)
        let count = try output(["count", "--db", stub, "minister"])
        #expect(count.stdout == (try output(["count", "--db", whole, "minister"])).stdout)
        // The next run over the shard finds it as it was and brings nothing new.
        let again = try runNewsdex(["index", ws.corpus, "--db", shard(1), "--format", "json"])
        #expect(again.status == 0 && again.stdout.contains("\"documents_written\" : 0") && again.stdout.contains("\"shard\" : \"1/3\""))
    }

}

@Suite struct IndexShardOptionTests {
    @Test func shardTakesIOfNAndNotWithShards() throws {
        let ws = Workspace(seeds: false)
        let db = ws.url.appendingPathComponent("shard").path
        for bad in ["3/3", "1/1", "-1/3", "1", "a/b"] {
            let result = try runNewsdex(["index", ws.corpus, "--db", db, "--shard", bad])
            #expect(result.status == 2 && result.stderr.contains("--shard"), "\(bad)")
        }
        let both = try runNewsdex(["index", ws.corpus, "--db", db, "--shard", "0/2", "--shards", "2"])
        #expect(both.status == 2 && both.stderr.contains("--shards"))
    }
}

/// Results that concurrent test threads fill, each slot by one thread.
private final class ResultSlots: @unchecked Sendable {
    // Safe: every access is under `lock`.
    private let lock = NSLock()
    private var slots: [RunResult?]

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    subscript(index: Int) -> RunResult? {
        get { lock.withLock { slots[index] } }
        set { lock.withLock { slots[index] = newValue } }
    }
}
