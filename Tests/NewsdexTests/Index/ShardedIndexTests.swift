import Foundation
import Testing
import Xapian
@testable import Newsdex

@Suite struct ShardedIndexTests {
    let fixture: ShardedCorpus

    init() throws { fixture = try ShardedCorpus() }

    var generation: URL {
        let directory = IndexDirectory(url: fixture.sharded)
        return directory.generationURL(directory.currentGeneration()!)
    }

    /// Which shard holds each document, by its unique id.
    func shardOfEachDocument() throws -> [String: Int] {
        var result: [String: Int] = [:]
        for index in 0..<3 {
            let shard = try Database(path: generation.appendingPathComponent("shard-\(index)").path)
            for (term, _) in try shard.allTerms(prefix: Schema.uniqueID.prefix) {
                #expect(result.updateValue(index, forKey: String(term.dropFirst(Schema.uniqueID.prefix.count))) == nil)
            }
        }
        return result
    }

    @Test func aShardedIndexIsAStubOfShardsThatSearchesAsOneDatabase() throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: generation.path).sorted()
        #expect(names == ["XAPIANDB", "shard-0", "shard-1", "shard-2"])
        let single = try Database(path: fixture.single.path), sharded = try Database(path: fixture.sharded.path)
        #expect(try sharded.documentCount == single.documentCount && single.documentCount == 44)
        #expect(try ShardLayout.count(of: sharded) == 3)
        try ShardedCorpus.expectSameResults(Searcher(path: fixture.single.path), Searcher(path: fixture.sharded.path))
    }

    @Test func eachArticleAndItsCaptionsGoToTheShardOfTheArticleId() throws {
        let shards = try shardOfEachDocument()
        #expect(shards.count == 44)
        #expect(Set(shards.values) == [0, 1, 2])
        for (id, shard) in shards {
            let article = String(id.prefix { $0 != "#" })
            #expect(ShardKey.shard(ofArticle: article, count: 3) == shard, "\(id)")
        }
    }

    @Test func theShardKeyIsFNV1aAndStable() {
        // FNV-1a 64 of "a" is 0xaf63dc4c8601ec8c; of "" the offset basis 0xcbf29ce484222325.
        #expect(ShardKey.shard(ofArticle: "a", count: 1000) == Int(0xaf63_dc4c_8601_ec8c as UInt64 % 1000))
        #expect(ShardKey.shard(ofArticle: "", count: 7) == Int(0xcbf2_9ce4_8422_2325 as UInt64 % 7))
        #expect(ShardKey.shard(ofArticle: "anything", count: 1) == 0)
    }

    @Test func metadataReadersNeedIsInShardZeroAndTheSchemaInEveryShard() throws {
        for index in 0..<3 {
            let shard = try Database(path: generation.appendingPathComponent("shard-\(index)").path)
            #expect(try shard.metadata(IndexMetadata.schemaVersion) == Schema.version)
            #expect(try shard.metadata(IndexMetadata.shardIndex) == String(index))
            #expect(try shard.metadata(IndexMetadata.shardCount) == "3")
            let record = try shard.metadata(IndexMetadata.fileRecordKey(path: "BBC/extra-0.txt"))
            #expect(record.isEmpty == (index != 0))
            #expect(try shard.metadata(IndexMetadata.facetSlots).isEmpty == (index != 0))
        }
    }

    @Test func incrementalRunsFollowChangesAsOneDatabaseDoes() throws {
        let before = try shardOfEachDocument()
        let firstGeneration = generation

        // Unchanged: nothing is written and the generation stays.
        let unchanged = try fixture.index(into: fixture.sharded, shards: nil)
        #expect(unchanged.unchanged == 26 && unchanged.documentsWritten == 0 && !unchanged.rebuilt)
        #expect(generation == firstGeneration)

        // A changed file, a removed one and a new one.
        fixture.scratch.write("corpus/BBC/extra-0.txt", plainArticle(
            title: "Harbour report 0", date: "2023-01-10", author: "Ann Lee",
            paragraphs: ["The lighthouse keeper counted the troops."], captions: [("Gulls at dawn.", "Getty")]))
        try FileManager.default.removeItem(at: fixture.scratch.path("corpus/AFP/extra-1.txt"))
        fixture.scratch.write("corpus/AFP/new.txt", plainArticle(
            title: "Lighthouse opens", date: "2024-02-02", author: "Bo Chan", paragraphs: ["A lighthouse opened."]))
        for database in [fixture.single, fixture.sharded] {
            let summary = try fixture.index(into: database, shards: nil)
            #expect(summary.updated == 1 && summary.removed == 1 && summary.added == 1 && !summary.rebuilt)
        }
        // A sharded update went into a copy that replaced the generation.
        #expect(generation != firstGeneration)
        let searcher = try Searcher(path: fixture.sharded.path)
        #expect(try searcher.search(SearchRequest(query: "lighthouse")).total == 2)
        #expect(try searcher.search(SearchRequest(query: "harbour", filters: FacetFilters(sources: ["AFP"]))).total == 7)
        try ShardedCorpus.expectSameResults(Searcher(path: fixture.single.path), searcher)

        // Documents that stayed are where they were; new ones are where their id says.
        let after = try shardOfEachDocument()
        for (id, shard) in after {
            if let old = before[id] { #expect(old == shard, "\(id)") }
            #expect(ShardKey.shard(ofArticle: String(id.prefix { $0 != "#" }), count: 3) == shard)
        }
        #expect(before["AFP/extra-1.txt"] != nil && after["AFP/extra-1.txt"] == nil)
        #expect(after["BBC/extra-0.txt#caption-1"] != nil && after["AFP/new.txt"] != nil)
        #expect(try IndexCheck.run(inputs: [fixture.corpus], database: fixture.sharded.path).isConsistent)
    }

    @Test func checkComparesTheCorpusWithEveryShard() throws {
        #expect(try IndexCheck.run(inputs: [fixture.corpus], database: fixture.sharded.path).isConsistent)
        fixture.scratch.write("corpus/Reuters/extra-2.txt", "changed\n\nA different text.\n")
        try FileManager.default.removeItem(at: fixture.scratch.path("corpus/BBC/extra-3.txt"))
        let report = try IndexCheck.run(inputs: [fixture.corpus], database: fixture.sharded.path)
        #expect(Set(report.discrepancies) == [
            IndexDiscrepancy(kind: .stale, path: "Reuters/extra-2.txt"),
            IndexDiscrepancy(kind: .orphaned, path: "BBC/extra-3.txt"),
        ])

        // A shard out of its place is reported, not silently searched.
        let shard = try WritableDatabase(path: generation.appendingPathComponent("shard-1").path, mode: .open)
        try shard.setMetadata(IndexMetadata.shardIndex, "2")
        try shard.close()
        #expect { try IndexCheck.run(inputs: [fixture.corpus], database: fixture.sharded.path) } throws: {
            ($0 as? IndexError)?.code == .shardOutOfPlace(expected: 1, count: 3) && ($0 as? IndexError)?.part == "shard-1"
        }
    }

    @Test func anotherShardCountRebuildsAndIsRemembered() throws {
        let two = try fixture.index(into: fixture.sharded, shards: 2)
        #expect(two.rebuilt && two.shards == 2 && two.documentsWritten == 44)
        #expect(try ShardLayout.count(of: try Database(path: fixture.sharded.path)) == 2)
        let again = try fixture.index(into: fixture.sharded, shards: nil)
        #expect(!again.rebuilt && again.shards == 2 && again.documentsWritten == 0)
        try ShardedCorpus.expectSameResults(Searcher(path: fixture.single.path), Searcher(path: fixture.sharded.path))

        // Back to one database, and sharding an index that was one database.
        let one = try fixture.index(into: fixture.sharded, shards: 1)
        #expect(one.rebuilt && one.shards == 1)
        #expect(!FileManager.default.fileExists(atPath: generation.appendingPathComponent("XAPIANDB").path))
        let resharded = try fixture.index(into: fixture.single, shards: 3)
        #expect(resharded.rebuilt && resharded.shards == 3)
        try ShardedCorpus.expectSameResults(Searcher(path: fixture.sharded.path), Searcher(path: fixture.single.path))
    }
}
