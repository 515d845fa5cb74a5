// An update of a sharded index (`newsdex index` again on an index built with `--shards 3`) writes
// a new generation that copies only the shards whose articles change, plus shard 0 (the file
// records), and links the others: their files stay the same files (inodes) from generation to
// generation, while readers still switch to the whole update with one rename of the stub.
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.timeLimit(.minutes(5))) struct ShardedUpdateCommandTests {
    let ws = Workspace(seeds: false)

    var sharded: String { ws.url.appendingPathComponent("sharded").path }
    var fresh: String { ws.url.appendingPathComponent("fresh").path }

    init() throws {
        try generateCorpus(into: ws.corpus, articles: 90, seed: 11, duplicates: 0.2)
    }

    func index(_ db: String, _ extra: [String] = []) throws {
        let result = try runNewsdex(["index", ws.corpus, "--db", db, "--quiet", "--jobs", "1"] + extra)
        #expect(result.status == 0, "\(result.stderr)")
    }

    /// The files of shard `i` of the live generation: name → inode.
    func inodes(ofShard i: Int) throws -> [String: UInt64] {
        let folder = try Workspace.generation(ofIndex: sharded) + "/shard-\(i)"
        var result: [String: UInt64] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: folder) where name.hasSuffix(".glass") {
            var info = stat()
            #expect(stat(folder + "/" + name, &info) == 0)
            result[name] = UInt64(info.st_ino)
        }
        #expect(!result.isEmpty, "shard \(i) has no tables")
        return result
    }

    /// The corpus paths of the articles shard `i` of the live generation holds.
    func paths(inShard i: Int) throws -> [String] {
        let folder = try Workspace.generation(ofIndex: sharded) + "/shard-\(i)"
        let result = try runNewsdex(["search", "--db", folder, "--from", "1900", "--all-copies", "--format", "jsonl", "--limit", "1000"])
        #expect(result.status == 0, "\(result.stderr)")
        return try result.stdout.split(separator: "\n").compactMap { line in
            try (JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])?["path"] as? String
        }.sorted()
    }

    /// Appends a sentence saying `word` to the article at `path` (relative to the corpus).
    func amend(_ path: String, saying word: String) throws {
        let url = URL(fileURLWithPath: ws.corpus).appendingPathComponent(path)
        let text = try String(contentsOf: url, encoding: .utf8)
        try FileManager.default.removeItem(at: url)
        try Data((text + "\nThis article was amended to mention \(word).\n").utf8).write(to: url)
    }

    /// What readers see: the ids and total of some searches, and every facet count.
    func answers(_ db: String, words: [String]) throws -> [String] {
        var answers: [String] = []
        for query in words + ["the", "president OR minister"] {
            let ids = try runNewsdex(["search", "--db", db, "--format", "ids", "--all-copies", "--limit", "1000", query])
            let count = try runNewsdex(["count", "--db", db, query])
            answers.append("\(query): \(ids.stdout.split(separator: "\n").sorted()) \(count.stdout)")
        }
        let facets = try runNewsdex(["facets", "--db", db, "--format", "json", "--facet-limit", "1000"])
        #expect(facets.status == 0, "\(facets.stderr)")
        return answers + [facets.stdout]
    }

    /// The generation folders in the index directory.
    func generations() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: sharded).filter { $0.hasPrefix("gen-") }
    }

    @Test func anUpdateCopiesOnlyTheShardsItChangesAndAnswersAsAFreshBuild() throws {
        try index(sharded, ["--shards", "3"])
        let before = try (0..<3).map(inodes(ofShard:))
        let generation = try Workspace.generation(ofIndex: sharded)
        // An article of shard 1 changes: shard 1 is rewritten, shard 0 for its file record, and
        // shard 2 stays the same files.
        let changed = try #require(try paths(inShard: 1).first)
        try amend(changed, saying: "zeppelinwort")
        try index(sharded)
        #expect(try Workspace.generation(ofIndex: sharded) != generation)
        #expect(try generations().count == 1)
        let after = try (0..<3).map(inodes(ofShard:))
        #expect(after[2] == before[2], "shard 2 was copied though none of its articles changed")
        #expect(Set(after[1].values).isDisjoint(with: before[1].values), "shard 1 was written in place")
        #expect(Set(after[0].values).isDisjoint(with: before[0].values), "shard 0 was written in place")
        #expect(try paths(inShard: 1).contains(changed))

        try index(fresh, ["--shards", "3"])
        #expect(try answers(sharded, words: ["zeppelinwort"]) == answers(fresh, words: ["zeppelinwort"]))
        let found = try runNewsdex(["search", "--db", sharded, "--format", "jsonl", "zeppelinwort"])
        #expect(found.stdout.contains(changed), "\(found.stdout)")
        let check = try runNewsdex(["check", ws.corpus, "--db", sharded])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")
    }

    @Test func repeatedUpdatesKeepOneGenerationAndLinkWhatTheyDoNotChange() throws {
        try index(sharded, ["--shards", "3"])
        let untouched = try inodes(ofShard: 1)
        let inShard2 = try paths(inShard: 2)
        try #require(inShard2.count >= 3)
        // Two amendments and a removal, all in shard 2: each run leaves one generation, and
        // shard 1, which none of them changes, keeps its files through all of them.
        let words = ["quillword", "quillwordagain"]
        for (word, path) in zip(words, inShard2) {
            try amend(path, saying: word)
            try index(sharded)
            let left = try generations()
            #expect(left.count == 1, "generations left: \(left)")
            #expect(try inodes(ofShard: 1) == untouched)
        }
        let removed = try #require(inShard2.last)
        try FileManager.default.removeItem(atPath: ws.corpus + "/" + removed)
        try index(sharded)
        #expect(try generations().count == 1)
        #expect(try inodes(ofShard: 1) == untouched)
        #expect(try !paths(inShard: 2).contains(removed))
        let folders = try FileManager.default.contentsOfDirectory(atPath: try Workspace.generation(ofIndex: sharded))
        #expect(folders.sorted() == ["XAPIANDB", "shard-0", "shard-1", "shard-2"])

        try index(fresh, ["--shards", "3"])
        #expect(try answers(sharded, words: words) == answers(fresh, words: words))
        let check = try runNewsdex(["check", ws.corpus, "--db", sharded])
        #expect(check.status == 0, "\(check.stdout)\(check.stderr)")

        // A rebuild writes every shard anew.
        try index(sharded, ["--rebuild"])
        #expect(Set(try inodes(ofShard: 1).values).isDisjoint(with: untouched.values))
        #expect(try answers(sharded, words: words) == answers(fresh, words: words))
    }
}
