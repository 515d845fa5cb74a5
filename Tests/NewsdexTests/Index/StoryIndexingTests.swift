import Foundation
import Testing
import Xapian
@testable import Newsdex

/// Copies of one story, indexed: collapsed into one hit, found again by later runs, reported
/// when exact, and counted as articles by facets.
@Suite struct StoryIndexingTests {
    let scratch: TemporaryDirectory
    var stories = StoryCorpus(seed: 42)
    let topic: StoryTopic
    let original: Article

    init() throws {
        scratch = try TemporaryDirectory()
        topic = stories.topic()
        original = stories.article(id: "wire-1", topic: topic)
    }

    /// Writes an article as a one-line JSON Lines file under corpus/SOURCE/.
    func write(_ article: Article, source: String, date: String) throws {
        let object: [String: Any] = [
            "id": article.id, "source": source, "title": article.title, "date": date,
            "body": article.paragraphs,
            "captions": article.captions.map { ["text": $0.text, "credit": $0.credit ?? ""] },
        ]
        let line = try JSONSerialization.data(withJSONObject: object)
        try scratch.write(String(decoding: line, as: UTF8.self) + "\n", to: "corpus/\(source)/\(article.id).jsonl")
    }

    func index() throws -> IndexSummary {
        try Indexer(options: IndexOptions(inputs: [scratch.path("corpus")], database: scratch.path("index"), jobs: 1)).run()
    }

    /// Indexes, and returns the names of the `*.stories` folders seen in index/ while indexing.
    func indexWatchingStoryFolders() throws -> Set<String> {
        let index = scratch.path("index")
        let seen = StoryFolders()
        let options = IndexOptions(inputs: [scratch.path("corpus")], database: index, jobs: 1)
        _ = try Indexer(options: options).run { progress in
            guard progress.phase == .indexing else { return }
            let names = (try? FileManager.default.contentsOfDirectory(atPath: index.path)) ?? []
            seen.add(names.filter { $0.hasSuffix(".stories") })
        }
        return seen.names
    }

    func searcher() throws -> Searcher { try Searcher(path: scratch.path("index").path) }

    /// A word of the original's body that any copy keeps.
    var commonWord: String { topic.entities[0].split(separator: " ")[0].lowercased() }

    @Test mutating func copiesCollapseIntoOneHitThatSaysWhereElseTheStoryRan() throws {
        try write(original, source: "AFP", date: "2024-10-18")
        try write(stories.copy(of: original, id: "copy-retitled", topic: topic, edits: [.retitle]), source: "BBC", date: "2024-10-19")
        try write(stories.copy(of: original, id: "copy-edited", topic: topic, edits: [.dropParagraph, .changeWords]), source: "CNN", date: "2024-10-20")
        let other = stories.article(id: "other-story", topic: topic)
        try write(other, source: "AFP", date: "2024-10-21")
        _ = try index()

        let request = SearchRequest(filters: FacetFilters(sources: ["AFP", "BBC", "CNN"]), facets: true)
        let collapsed = try searcher().search(request)
        #expect(collapsed.hits.count == 2)
        let story = try #require(collapsed.hits.first { $0.id != "other-story" })
        #expect(story.copyCount == 2)
        #expect(Set(story.copies.map(\.source)).count == 2)
        let lone = try #require(collapsed.hits.first { $0.id == "other-story" })
        #expect(lone.copyCount == 0 && lone.story != story.story)
        // Facets count articles, not stories.
        let sources = collapsed.facets.first { $0.facet == .source }?.values ?? []
        #expect(sources.map(\.count).reduce(0, +) == 4)
        #expect(collapsed.facets.first { $0.facet == .year }?.values == [FacetValue(value: "2024", count: 4)])

        var every = request
        every.allCopies = true
        #expect(try searcher().search(every).hits.count == 4)

        let copies = try searcher().copies(of: "copy-retitled")
        #expect(copies.count == 2)
        let diff = try #require(copies.first { $0.copy.id == "wire-1" }?.diff)
        #expect(diff.headline != nil)
    }

    /// Searches that look at every match (facets, an exact total) count stories with a spy, not
    /// with Xapian's collapse: the same totals and hits as the collapse gives, on every page.
    @Test mutating func searchesThatCountEveryMatchGiveTheCollapsedTotalAndTheSameHits() throws {
        try write(original, source: "AFP", date: "2024-10-18")
        try write(stories.copy(of: original, id: "copy-1", topic: topic, edits: [.retitle]), source: "BBC", date: "2024-10-19")
        try write(stories.copy(of: original, id: "copy-2", topic: topic, edits: [.changeWords]), source: "CNN", date: "2024-10-20")
        let second = stories.article(id: "wire-2", topic: topic)
        try write(second, source: "AFP", date: "2024-10-21")
        try write(stories.copy(of: second, id: "copy-3", topic: topic, edits: [.dropParagraph]), source: "DW", date: "2024-10-22")
        for n in 0..<3 {
            try write(stories.article(id: "lone-\(n)", topic: stories.topic()), source: "BBC", date: "2024-10-2\(3 + n)")
        }
        _ = try index()
        let searcher = try searcher()
        let sources = FacetFilters(sources: ["AFP", "BBC", "CNN", "DW"])
        for query in ["", commonWord] {
            // The stories, counted from every copy's hit rather than by any collapse.
            let copies = try searcher.search(SearchRequest(query: query, filters: sources, limit: 100, allCopies: true)).hits
            let storyCount = Set(copies.map { $0.story ?? $0.id }).count
            let articleCount = copies.count
            if query.isEmpty { #expect(storyCount == 5 && articleCount == 8) }
            for (offset, limit) in [(0, 10), (1, 2), (0, 0), (4, 3)] {
                let page = SearchRequest(query: query, filters: sources, offset: offset, limit: limit)
                let plain = try searcher.search(page)
                var faceted = page
                faceted.facets = true
                var exact = page
                exact.exactTotal = true
                let context: Comment = "\(query.isEmpty ? "browse" : query) offset \(offset) limit \(limit)"
                #expect(plain.total == storyCount, context)
                #expect(plain.totalIsExact, context)
                for response in [try searcher.search(faceted), try searcher.search(exact)] {
                    #expect(response.total == storyCount, context)
                    #expect(response.totalIsExact && response.totalBounds == storyCount...storyCount, context)
                    #expect(response.hits.map(\.id) == plain.hits.map(\.id), context)
                }
                var every = faceted
                every.allCopies = true
                #expect(try searcher.search(every).total == articleCount, context)
            }
        }
    }

    @Test mutating func clustersSurviveIncrementalRuns() throws {
        try write(original, source: "AFP", date: "2024-10-18")
        try write(stories.copy(of: original, id: "copy-a", topic: topic, edits: [.retitle]), source: "BBC", date: "2024-10-19")
        _ = try index()
        let cluster = try #require(try searcher().document(id: "wire-1")?.story)

        // A copy indexed later joins the story.
        try write(stories.copy(of: original, id: "copy-b", topic: topic, edits: [.changeWords]), source: "CNN", date: "2024-10-20")
        _ = try index()
        #expect(try searcher().document(id: "copy-b")?.story == cluster)

        // Removing the original leaves the others together, and one more copy still joins them.
        try FileManager.default.removeItem(at: scratch.path("corpus/AFP/wire-1.jsonl"))
        try write(stories.copy(of: original, id: "copy-c", topic: topic, edits: [.dropParagraph]), source: "DW", date: "2024-10-21")
        _ = try index()
        for id in ["copy-a", "copy-b", "copy-c"] {
            #expect(try searcher().document(id: id)?.story == cluster, "\(id)")
        }
    }

    @Test func exactDuplicatesAreReported() throws {
        try write(original, source: "AFP", date: "2024-10-18")
        var same = original
        same.id = "same-text"
        same.title = "Another headline"
        try write(same, source: "BBC", date: "2024-10-18")
        let summary = try index()
        #expect(summary.duplicates.count == 1)
        #expect(Set([summary.duplicates[0].id, summary.duplicates[0].sameAs]) == ["wire-1", "same-text"])
        let report = try IndexCheck.run(inputs: [scratch.path("corpus")], database: scratch.path("index").path)
        #expect(report.duplicates.map { Set($0) } == [["wire-1", "same-text"]])
    }

    /// A first build keeps its story table in files beside the new generation while it runs, not
    /// in memory, and removes them when it ends; a killed run's are removed by the next run.
    @Test mutating func aBuildKeepsItsStoryTableInFilesOnlyWhileItRuns() throws {
        try write(original, source: "AFP", date: "2024-10-18")
        try write(stories.copy(of: original, id: "copy-edited", topic: topic, edits: [.dropParagraph, .changeWords]), source: "CNN", date: "2024-10-20")
        try scratch.write("left by a killed run", to: "index/gen-000007.stories/members")
        let seen = try indexWatchingStoryFolders()
        let index = scratch.path("index")
        let generation = try #require(IndexDirectory(url: index).currentGeneration())
        #expect(seen == ["\(generation).stories"])
        let left = try FileManager.default.contentsOfDirectory(atPath: index.path)
        #expect(!left.contains { $0.hasSuffix(".stories") }, "\(left)")
        let hits = try searcher().search(SearchRequest(query: commonWord, filters: FacetFilters(sources: ["AFP", "CNN"])))
        #expect(hits.hits.count == 1 && hits.hits.first?.copyCount == 1)
    }

    /// An update finds earlier copies in a table of the index's band keys that it keeps in files
    /// beside the live generation while it runs (an archive of millions holds none of it in
    /// memory), and removes when it ends; the copy still joins the story.
    @Test mutating func anUpdateKeepsTheIndexedStoriesInFilesOnlyWhileItRuns() throws {
        try write(original, source: "AFP", date: "2024-10-18")
        _ = try index()
        let cluster = try #require(try searcher().document(id: "wire-1")?.story)
        let generation = try #require(IndexDirectory(url: scratch.path("index")).currentGeneration())
        try write(stories.copy(of: original, id: "copy-edited", topic: topic, edits: [.dropParagraph, .changeWords]), source: "CNN", date: "2024-10-20")
        let seen = try indexWatchingStoryFolders()
        let index = scratch.path("index")
        #expect(seen == ["\(generation).stories"])
        let left = try FileManager.default.contentsOfDirectory(atPath: index.path)
        #expect(!left.contains { $0.hasSuffix(".stories") }, "\(left)")
        #expect(try searcher().document(id: "copy-edited")?.story == cluster)
    }
}

/// Where a story's copies are written: by one run of one or two workers, into three shards, or
/// by a later run than their original's (in place, or into a new generation).
enum StoryCopiesLayout: CaseIterable, Sendable {
    case oneWorker, twoWorkers, threeShards, laterRunInPlace, laterRunInANewGeneration
}

extension StoryIndexingTests {
    /// An article alone in its story is written without Xapian's collapse key, which every
    /// search would read for each match (`StoryKey`); a story's first article is given it once a
    /// copy comes, whichever worker, shard or run writes the copy, and the copies collapse.
    @Test(arguments: StoryCopiesLayout.allCases)
    mutating func onlyStoriesOfSeveralArticlesCarryTheCollapseKey(layout: StoryCopiesLayout) throws {
        var originals: [(article: Article, topic: StoryTopic)] = []
        for n in 0..<4 {
            let storyTopic = n == 0 ? topic : stories.topic()
            let article = stories.article(id: "wire-\(n)", topic: storyTopic)
            originals.append((article, storyTopic))
            try write(article, source: "AFP", date: "2024-10-1\(n)")
            try write(stories.article(id: "lone-\(n)", topic: stories.topic()), source: "DW", date: "2024-10-1\(n)")
        }
        let laterRun = layout == .laterRunInPlace || layout == .laterRunInANewGeneration
        func index() throws {
            _ = try Indexer(options: IndexOptions(
                inputs: [scratch.path("corpus")], database: scratch.path("index"),
                jobs: layout == .oneWorker ? 1 : 2, shards: layout == .threeShards ? 3 : nil,
                inPlaceLimit: layout == .laterRunInANewGeneration ? 0 : 2000)).run()
        }
        if laterRun { try index() }
        for (n, original) in originals.enumerated() {
            let copy = stories.copy(of: original.article, id: "copy-\(n)", topic: original.topic, edits: [.retitle])
            try write(copy, source: "BBC", date: "2024-10-2\(n)")
        }
        try index()

        let database = try Database(path: scratch.path("index").path)
        var keyed: [String] = []
        for docid in try database.postings(Schema.term(Schema.kind, DocumentKind.article.rawValue)) {
            let document = try database.document(docid)
            let stored = try StoredDocument(of: document)
            let story = try #require(stored.story)
            let key = try document.stringValue(slot: Slot.story.number)
            let members = try database.termFrequency(Schema.term(Schema.story, story))
            #expect(key == (members > 1 ? story : ""), "\(stored.id): \(members) articles in its story")
            if !key.isEmpty { keyed.append(stored.id) }
        }
        #expect(keyed.sorted() == (0..<4).flatMap { ["copy-\($0)", "wire-\($0)"] }.sorted())

        // With facets, the stories are counted from the packed facet values, which hold the key too.
        let sources = FacetFilters(sources: ["AFP", "BBC", "DW"])
        for facets in [false, true] {
            let response = try searcher().search(SearchRequest(filters: sources, limit: 20, facets: facets))
            #expect(response.total == 8 && response.totalIsExact, "facets: \(facets)")
            #expect(response.hits.count == 8, "facets: \(facets)")
            #expect(response.hits.filter { $0.copyCount == 1 }.count == 4, "facets: \(facets)")
        }
    }
}

extension StoryIndexingTests {
    /// On machines that each build one shard (`--shard I/N`), a story's first article keeps its
    /// collapse key when an update indexes it again without seeing its copy, which is in another
    /// machine's shard and unchanged.
    @Test mutating func aFounderIndexedAgainKeepsItsKeyWhenItsCopyIsInAnotherMachinesShard() throws {
        let founderID = try #require((0..<100).map { "wire-\($0)" }.first { ShardKey.shard(ofArticle: $0, count: 2) == 0 })
        let copyID = try #require((0..<100).map { "copy-\($0)" }.first { ShardKey.shard(ofArticle: $0, count: 2) == 1 })
        var founder = stories.article(id: founderID, topic: topic)
        try write(founder, source: "AFP", date: "2024-10-18")
        try write(stories.copy(of: founder, id: copyID, topic: topic, edits: [.retitle]), source: "BBC", date: "2024-10-19")
        func index(shard: Int) throws {
            _ = try Indexer(options: IndexOptions(
                inputs: [scratch.path("corpus")], database: scratch.path("shard-\(shard)"), jobs: 1,
                shard: ShardSelection(index: shard, count: 2))).run()
        }
        func founderKey() throws -> String {
            let database = try Database(path: scratch.path("shard-0").path)
            let docid = try #require(try database.postings(Schema.identifierTerm(Schema.uniqueID, founderID)).first)
            return try database.document(docid).stringValue(slot: Slot.story.number)
        }
        try index(shard: 0)
        try index(shard: 1)
        let key = try founderKey()
        #expect(!key.isEmpty)

        founder.paragraphs.append("A paragraph added later.")
        try write(founder, source: "AFP", date: "2024-10-18")
        try index(shard: 0)
        #expect(try founderKey() == key)
    }
}

/// Names seen from the progress callback, which any thread may call.
private final class StoryFolders: @unchecked Sendable {
    // Safe: `seen` is used only under `lock`.
    private let lock = NSLock()
    private var seen = Set<String>()
    func add(_ names: [String]) { lock.withLock { seen.formUnion(names) } }
    var names: Set<String> { lock.withLock { seen } }
}
