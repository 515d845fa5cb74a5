import Foundation
import Testing
import Xapian
@testable import Newsdex

@Suite struct IndexerTests {
    let scratch: TemporaryDirectory

    init() throws { scratch = try TemporaryDirectory() }

    func index(_ corpus: URL, rebuild: Bool = false, jobs: Int = 1) throws -> IndexSummary {
        try Indexer(options: IndexOptions(
            inputs: [corpus], database: scratch.path("index"), rebuild: rebuild, jobs: jobs)).run()
    }

    func documentCount() throws -> Int { try Database(path: scratch.path("index").path).documentCount }

    @Test func firstRunIndexesEveryArticleAndCaption() throws {
        let corpus = Repository.copySeeds(into: scratch)
        let summary = try index(corpus)
        #expect(summary.added == 2)
        #expect(summary.rejected.isEmpty)
        // LBC has five captions, AFP one: two articles and six caption documents.
        #expect(summary.documentsWritten == 8)
        #expect(try documentCount() == 8)
        #expect(summary.rebuilt)
    }

    @Test(arguments: [(1, 1), (2, 1), (2, 2)])
    func aFullBuildGivesTheArticlesTheFirstDocumentIDs(jobs: Int, shards: Int) throws {
        let corpus = Repository.copySeeds(into: scratch)
        for i in 0..<6 {
            scratch.write("corpus/BBC/extra-\(i).txt", plainArticle(
                title: "Harbour report \(i)", date: "2023-01-1\(i)", author: "Ann Lee",
                paragraphs: ["Ships sailed from the harbour.", distinctParagraph(seed: UInt64(i))],
                captions: [("Ships in the harbour at dawn.", "Alamy")]))
        }
        _ = try Indexer(options: IndexOptions(
            inputs: [corpus], database: scratch.path("index"), jobs: jobs, shards: shards)).run()
        let directory = IndexDirectory(url: scratch.path("index"))
        let generation = directory.generationURL(try #require(directory.currentGeneration()))
        var counts = (articles: 0, pictures: 0)
        for url in ShardLayout.urls(generation: generation, count: shards) {
            let database = try Database(path: url.path)
            let articles = try database.postings(Schema.term(Schema.kind, "article"))
            let pictures = try database.postings(Schema.term(Schema.kind, "caption"))
            counts.articles += articles.count
            counts.pictures += pictures.count
            // Xapian's match reads each posting's document length in document id order: the
            // articles together, before every picture, in each database.
            #expect(articles == (1..<articles.count + 1).map(DocumentID.init), "\(url.lastPathComponent)")
            #expect(pictures.allSatisfy { $0 > articles.count })
        }
        #expect(counts.articles == 8 && counts.pictures == 12)
    }

    /// Each worker of a full build takes a fixed share of the files (file i to worker i mod the
    /// workers) and writes it to a part of its own; the parts are merged in the workers' order.
    /// So the articles' document ids follow from the corpus and the number of workers alone, and
    /// hits Xapian ranks by id (copies of a story of equal weight) keep their order from one
    /// build to the next. The first file is long: taken as threads came free, the other workers
    /// would have taken the next files while the first one was written. More workers than this
    /// machine has processors all run: they wait for each other's turns. Sharded, each worker
    /// writes a part of each shard, and each shard holds its articles in the same order.
    @Test(arguments: [(2, 1), (5, 1), (2, 2), (5, 3)])
    func aFullBuildWithSeveralWorkersNumbersTheArticlesByTheirShares(jobs: Int, shards: Int) throws {
        let corpus = scratch.path("corpus")
        let names = (0..<12).map { "BBC/file-\($0 < 10 ? "0" : "")\($0).txt" }
        for (i, name) in names.enumerated() {
            let paragraphs = (0..<(i == 0 ? 400 : 2)).map { distinctParagraph(seed: UInt64(i * 1000 + $0)) }
            scratch.write("corpus/" + name, plainArticle(
                title: "Harbour report \(i)", date: "2023-01-\(10 + i)", author: "Ann Lee", paragraphs: paragraphs,
                captions: [("Ships in the harbour at dawn.", "Alamy")]))
        }
        let expected = (0..<jobs).flatMap { worker in names.indices.filter { $0 % jobs == worker }.map { names[$0] } }
        for rebuild in [false, true] {
            _ = try Indexer(options: IndexOptions(
                inputs: [corpus], database: scratch.path("index"), rebuild: rebuild, jobs: jobs, shards: shards)).run()
            let directory = IndexDirectory(url: scratch.path("index"))
            let generation = directory.generationURL(try #require(directory.currentGeneration()))
            let urls = shards == 1 ? [generation] : ShardLayout.urls(generation: generation, count: shards)
            var found: [String] = []
            for url in urls {
                let database = try Database(path: url.path)
                let articles = try database.postings(Schema.term(Schema.kind, DocumentKind.article.rawValue))
                let paths = try articles.map { try #require(StoredDocument(of: database.document($0)).path) }
                #expect(paths == expected.filter(Set(paths).contains), "\(jobs) workers, \(url.lastPathComponent)")
                found += paths
            }
            #expect(found.sorted() == names, "\(jobs) workers, \(shards) shards, rebuilt: \(rebuild)")
        }
    }

    @Test func secondRunOverUnchangedCorpusChangesNothing() throws {
        let corpus = Repository.copySeeds(into: scratch)
        _ = try index(corpus)
        let generation = IndexDirectory(url: scratch.path("index")).currentGeneration()
        let stamp = try Database(path: scratch.path("index").path).metadata(IndexMetadata.indexedAt)
        let again = try index(corpus)
        #expect(again.unchanged == 2)
        #expect(again.added == 0 && again.updated == 0 && again.removed == 0)
        #expect(again.documentsWritten == 0)
        #expect(IndexDirectory(url: scratch.path("index")).currentGeneration() == generation)
        #expect(try Database(path: scratch.path("index").path).metadata(IndexMetadata.indexedAt) == stamp)
    }

    @Test func changedRemovedAndNewFilesAreFollowed() throws {
        let corpus = Repository.copySeeds(into: scratch)
        scratch.write("corpus/BBC/one.txt", plainArticle(
            title: "Harbour reopens", date: "2024-11-02", author: "Ann Lee",
            paragraphs: ["The harbour reopened on Saturday after the storm."]))
        _ = try index(corpus)
        #expect(try documentCount() == 9)

        scratch.write("corpus/BBC/one.txt", plainArticle(
            title: "Harbour reopens", date: "2024-11-02", author: "Ann Lee",
            paragraphs: ["The harbour reopened on Sunday after the storm."],
            captions: [("Boats in the harbour.", "Reuters")]))
        var summary = try index(corpus)
        #expect(summary.updated == 1 && summary.unchanged == 2)
        #expect(try documentCount() == 10)
        let searcher = try Searcher(path: scratch.path("index").path)
        #expect(try searcher.search(SearchRequest(query: "sunday")).total == 1)
        #expect(try searcher.search(SearchRequest(query: "saturday")).total == 0)

        try FileManager.default.removeItem(at: scratch.path("corpus/BBC/one.txt"))
        scratch.write("corpus/BBC/two.txt", plainArticle(
            title: "Bridge closes", date: "2024-11-03", author: "Ann Lee", paragraphs: ["The bridge closed."]))
        summary = try index(corpus)
        #expect(summary.removed == 1 && summary.added == 1)
        #expect(try documentCount() == 9)
    }

    @Test func touchedButUnchangedFileIsNotIndexedAgain() throws {
        let corpus = Repository.copySeeds(into: scratch)
        _ = try index(corpus)
        let file = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).first { $0.hasSuffix(".txt") }!
        try FileManager.default.setAttributes(
            [.modificationDate: Date().addingTimeInterval(60)], ofItemAtPath: corpus.appendingPathComponent(file).path)
        let summary = try index(corpus)
        #expect(summary.unchanged == 2 && summary.documentsWritten == 0)
    }

    @Test func rebuildMakesANewGenerationWithTheSameContent() throws {
        let corpus = Repository.copySeeds(into: scratch)
        _ = try index(corpus)
        let before = IndexDirectory(url: scratch.path("index")).currentGeneration()
        let summary = try index(corpus, rebuild: true)
        let after = IndexDirectory(url: scratch.path("index")).currentGeneration()
        #expect(summary.rebuilt && before != after)
        #expect(try documentCount() == 8)
    }

    @Test func parallelBuildMatchesSerialBuild() throws {
        let corpus = Repository.copySeeds(into: scratch)
        for i in 0..<12 {
            scratch.write("corpus/SRC\(i % 3)/a\(i).txt", plainArticle(
                title: "Story \(i)", date: "2024-10-\(10 + i)", author: "Writer \(i)",
                paragraphs: ["Paragraph about ships number \(i).", "Another paragraph \(i)."]))
        }
        let serial = try index(corpus, jobs: 1)
        let serialHits = try Searcher(path: scratch.path("index").path).search(SearchRequest(query: "ships", limit: 100))
        let parallel = try index(corpus, rebuild: true, jobs: 2)
        let parallelHits = try Searcher(path: scratch.path("index").path).search(SearchRequest(query: "ships", limit: 100))
        #expect(serial.documentsWritten == parallel.documentsWritten)
        #expect(Set(serialHits.hits.map(\.id)) == Set(parallelHits.hits.map(\.id)))
        #expect(parallelHits.total == serialHits.total && parallelHits.total >= 12)
        // The parallel build's shards were merged away.
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: scratch.path("index").path)
            .filter { $0.contains(".part-") }
        #expect(leftovers.isEmpty)
    }

    @Test func badFilesAreRejectedAloneAndTheRestIsIndexed() throws {
        let corpus = Repository.copySeeds(into: scratch)
        scratch.write("corpus/BAD/empty.txt", "")
        scratch.write("corpus/BAD/binary.txt", bytes: [0x47, 0x00, 0x01, 0x02, 0x00])
        let summary = try index(corpus)
        #expect(summary.added == 2)
        #expect(Set(summary.rejected.map(\.path)) == ["BAD/empty.txt", "BAD/binary.txt"])
        // Rejected files are read again, and reported again, on the next run.
        let again = try index(corpus)
        #expect(Set(again.rejected.map(\.path)) == ["BAD/empty.txt", "BAD/binary.txt"])
        #expect(try documentCount() == 8)
    }

    @Test func aMissingInputPathIsRefusedAndRemovesNothing() throws {
        let corpus = Repository.copySeeds(into: scratch)
        _ = try index(corpus)
        let missing = scratch.path("no-such-corpus")
        #expect(throws: CorpusError.missingPath(missing.path)) {
            try Indexer(options: IndexOptions(inputs: [corpus, missing], database: self.scratch.path("index"), jobs: 1)).run()
        }
        #expect(try documentCount() == 8)
    }

    @Test func aSymlinkedCorpusFolderIsTheCorpusItNamesAndAnEmptyListingRemovesNothing() throws {
        let corpus = Repository.copySeeds(into: scratch)
        let link = scratch.path("linked-corpus")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: corpus)
        let summary = try Indexer(options: IndexOptions(inputs: [link], database: scratch.path("index"), jobs: 1)).run()
        #expect(summary.added == 2)
        // The link and the folder it names are one corpus: the same files, unchanged.
        #expect(try index(corpus).unchanged == 2)
        // A folder of the corpus that lists nothing removes nothing, even what is indexed under it.
        try FileManager.default.removeItem(at: corpus.appendingPathComponent("AFP"))
        try FileManager.default.createDirectory(at: corpus.appendingPathComponent("AFP"), withIntermediateDirectories: true)
        let again = try index(corpus.appendingPathComponent("AFP"))
        #expect(again.removed == 0 && again.nothingListed)
        #expect(try documentCount() == 8)
    }

    @Test func aDamagedIndexSaysHowToRebuild() throws {
        let corpus = Repository.copySeeds(into: scratch)
        _ = try index(corpus)
        let generation = IndexDirectory(url: scratch.path("index")).currentGeneration()!
        try Data(repeating: 0x5A, count: 20000).write(to: scratch.path("index/\(generation)/postlist.glass"))
        #expect { try Searcher(path: self.scratch.path("index").path).search(SearchRequest(query: "troops")) } throws: {
            ($0 as? IndexError)?.code == .corrupt && ($0 as? IndexError)?.index == self.scratch.path("index").path
        }
        _ = try index(corpus, rebuild: true)
        #expect(try Searcher(path: scratch.path("index").path).search(SearchRequest(query: "troops")).total == 2)
    }

    @Test func aSecondWriterFailsAtOnceWithLocked() throws {
        let corpus = Repository.copySeeds(into: scratch)
        let held = try IndexDirectory(url: scratch.path("index")).lock()
        #expect { try index(corpus) } throws: { ($0 as? IndexError)?.code == .locked(pid: getpid()) }
        withExtendedLifetime(held) {}
    }

    @Test func anIndexOfAnotherSchemaVersionIsRefusedWithHowToRebuild() throws {
        let corpus = Repository.copySeeds(into: scratch)
        _ = try index(corpus)
        let generation = IndexDirectory(url: scratch.path("index")).currentGeneration()!
        let db = try WritableDatabase(path: scratch.path("index/\(generation)").path, mode: .open)
        try db.setMetadata(IndexMetadata.schemaVersion, "0")
        try db.close()
        #expect { try Searcher(path: self.scratch.path("index").path) } throws: {
            ($0 as? IndexError)?.code == .schemaMismatch && ($0 as? IndexError)?.detail == "0"
        }
        #expect { try index(corpus) } throws: { ($0 as? IndexError)?.code == .schemaMismatch }
        // --rebuild mends it.
        _ = try index(corpus, rebuild: true)
        _ = try Searcher(path: scratch.path("index").path)
    }

    @Test func progressNamesEachPhaseInOrderAndCountsArticlesAndBytes() throws {
        let corpus = Repository.copySeeds(into: scratch)
        // One file of three articles: bytes, not files, measure how much is done.
        scratch.write("corpus/WIRE/feed.jsonl", (1...3).map { n in
            #"{"id": "wire-\#(n)", "title": "Harbour news \#(n)", "date": "2024-11-0\#(n)", "body": "\#(distinctParagraph(seed: UInt64(n)))"}"#
        }.joined(separator: "\n") + "\n")
        let log = ProgressLog()
        _ = try Indexer(options: IndexOptions(inputs: [corpus], database: scratch.path("index"), jobs: 2))
            .run(progress: log.add)
        // Two jobs, each with a part of articles and one of pictures.
        #expect(log.phases == [.indexing, .committing, .merging(databases: 4), .switching])
        let sizes = try FileManager.default.subpathsOfDirectory(atPath: corpus.path).compactMap { path in
            let attributes = try FileManager.default.attributesOfItem(atPath: corpus.appendingPathComponent(path).path)
            return attributes[.type] as? FileAttributeType == .typeRegular ? attributes[.size] as? Int : nil
        }
        let last = try #require(log.reports.last)
        #expect(last.articles == 5)
        #expect(last.documents == 11)
        #expect(last.bytesTotal == sizes.reduce(0, +) && last.bytesDone == last.bytesTotal)
        #expect(zip(log.reports, log.reports.dropFirst()).allSatisfy { $0.articles <= $1.articles && $0.elapsed <= $1.elapsed })

        scratch.write("corpus/BBC/one.txt", plainArticle(
            title: "Harbour reopens", date: "2024-11-02", author: "Ann Lee", paragraphs: [distinctParagraph(seed: 9)]))
        let later = ProgressLog()
        _ = try Indexer(options: IndexOptions(inputs: [corpus], database: scratch.path("index"), jobs: 2))
            .run(progress: later.add)
        #expect(later.phases == [.comparing(files: 4), .reading(files: 1), .indexing, .committing])
        #expect(later.reports.last?.articles == 1)
    }
}

/// The progress reports of a run, which come from any thread, one at a time.
final class ProgressLog: @unchecked Sendable {
    // Safe: `all` is read and written only under `lock`.
    private let lock = NSLock()
    private var all: [IndexProgress] = []

    func add(_ progress: IndexProgress) { lock.withLock { all.append(progress) } }

    var reports: [IndexProgress] { lock.withLock { all } }

    /// The phases reported, each once in a row.
    var phases: [IndexProgress.Phase] {
        reports.map(\.phase).reduce(into: []) { phases, phase in if phases.last != phase { phases.append(phase) } }
    }
}
