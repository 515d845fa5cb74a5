// Indexing web archives: as they stream, in a full build and record by record in incremental runs.
import Foundation
import Testing
import Xapian
@testable import Newsdex

@Suite struct ArchiveIndexingTests {
    let scratch: TemporaryDirectory

    init() throws { scratch = try TemporaryDirectory() }

    func index(jobs: Int = 1, shards: Int? = nil, rebuild: Bool = false) throws -> IndexSummary {
        try Indexer(options: IndexOptions(
            inputs: [scratch.path("corpus")], database: scratch.path("index"), rebuild: rebuild, jobs: jobs,
            shards: shards)).run()
    }

    func searcher() throws -> Searcher { try Searcher(path: scratch.path("index").path) }

    /// An uncompressed web archive of response records, one per page: (URL, WARC-Date, HTML).
    func archive(_ pages: [(String, String, String)]) -> [UInt8] {
        var out: [UInt8] = []
        for (uri, date, html) in pages {
            let block = Array("HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n\(html)".utf8)
            let header = "WARC/1.0\r\nWARC-Type: response\r\nWARC-Target-URI: \(uri)\r\nWARC-Date: \(date)\r\n"
                + "Content-Type: application/http; msgtype=response\r\nContent-Length: \(block.count)\r\n\r\n"
            out += Array(header.utf8) + block + Array("\r\n\r\n".utf8)
        }
        return out
    }

    func page(_ title: String, _ text: String) -> String {
        "<html><head><title>\(title)</title></head><body><article><h1>\(title)</h1><p>\(text)</p>"
            + "<p>It is the kind of story a crawl keeps: several sentences long, with a second paragraph.</p></article></body></html>"
    }

    func copyFixture(_ name: String, to relative: String) throws {
        let target = scratch.path(relative)
        try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: ArticleFixtures.archive(name), to: target)
    }

    @Test(arguments: [1, 2])
    func aFullBuildIndexesEveryArticleRecord(jobs: Int) throws {
        try copyFixture("crawl.warc.gz", to: "corpus/Crawl/crawl.warc.gz")
        let summary = try index(jobs: jobs)
        #expect(summary.added == 1)
        #expect(summary.rejected.isEmpty)
        // Four articles, six captions.
        #expect(summary.documentsWritten == 10)
        #expect(summary.skippedRecords == [
            "warcinfo": 1, "request": 5, "non-HTML response": 1, "HTTP 4xx response": 1, "revisit": 1, "metadata": 1,
        ])
        let stored = try #require(try searcher().document(id: "http://gazette-du-lac.example/terrace-tax.html"))
        #expect(stored.date == "2006-05-03T18:20")
        #expect(stored.dateIsCrawlDate == true)
        #expect(stored.crawled == "2006-05-03T18:20")
        #expect(stored.path == "Crawl/crawl.warc.gz")
        let dated = try #require(try searcher().document(id: "https://www.alpinetimes.example/travel/night-trains-return-alpine-line"))
        #expect(dated.date == "2023-12-10T05:00")
        #expect(dated.dateIsCrawlDate == false)
        #expect(try searcher().search(SearchRequest(query: "barges")).total == 1)
    }

    @Test func aShardedBuildSpreadsAnArchivesArticles() throws {
        try copyFixture("crawl.warc", to: "corpus/Crawl/crawl.warc")
        let summary = try index(jobs: 2, shards: 2)
        #expect(summary.documentsWritten == 10)
        #expect(try searcher().search(SearchRequest(query: "ferry")).total >= 1)
    }

    @Test func aBrokenRecordIsRejectedAloneAndTheArchiveReadAgainNextTime() throws {
        try copyFixture("broken-truncated.warc.gz", to: "corpus/Crawl/crawl.warc.gz")
        var summary = try index()
        #expect(summary.rejected.map(\.reason) == ["the gzip member is cut short (an interrupted write?)"])
        #expect(summary.rejected.first?.offset != nil)
        #expect(try searcher().search(SearchRequest(query: "terrace")).total == 1)
        // Not recorded as done: read again (and reported again), its records unchanged.
        summary = try index()
        #expect(summary.rejected.count == 1)
        #expect(summary.unchangedRecords == 3)
        #expect(summary.documentsWritten == 0)
    }

    @Test func anUnchangedArchiveIsNotReadAgain() throws {
        try copyFixture("crawl.warc.gz", to: "corpus/Crawl/crawl.warc.gz")
        _ = try index()
        let summary = try index()
        #expect(summary.unchanged == 1)
        #expect(summary.unchangedRecords == 0)
        #expect(summary.skippedRecords.isEmpty)
        #expect(summary.documentsWritten == 0)
    }

    @Test func aChangedArchiveHasOnlyItsChangedRecordsIndexedAgain() throws {
        let first: [(String, String, String)] = [
            ("https://a.example/kept", "2024-01-01T10:00:00Z", page("Kept story", "The harbour stayed open all winter.")),
            ("https://a.example/edited", "2024-01-01T10:01:00Z", page("Edited story", "The bridge closed on Monday.")),
            ("https://a.example/dropped", "2024-01-01T10:02:00Z", page("Dropped story", "The ferry was late again.")),
        ]
        scratch.write("corpus/Crawl/day.warc", bytes: archive(first))
        _ = try index()
        let keptDocid = try Database(path: scratch.path("index").path).postings(
            Schema.identifierTerm(Schema.uniqueID, "https://a.example/kept"))

        let second: [(String, String, String)] = [
            first[0],
            ("https://a.example/edited", "2024-01-02T10:01:00Z", page("Edited story", "The bridge reopened on Tuesday.")),
            ("https://a.example/added", "2024-01-02T10:03:00Z", page("Added story", "The lighthouse was repainted.")),
        ]
        scratch.write("corpus/Crawl/day.warc", bytes: archive(second))
        let summary = try index()
        #expect(summary.updated == 1)
        #expect(summary.unchangedRecords == 1)
        // The edited and the added article; the kept one is not written again.
        #expect(summary.documentsWritten == 2)
        let search = try searcher()
        #expect(try search.search(SearchRequest(query: "tuesday")).total == 1)
        #expect(try search.search(SearchRequest(query: "monday")).total == 0)
        #expect(try search.search(SearchRequest(query: "lighthouse")).total == 1)
        #expect(try search.document(id: "https://a.example/dropped") == nil)
        #expect(try Database(path: scratch.path("index").path).postings(
            Schema.identifierTerm(Schema.uniqueID, "https://a.example/kept")) == keptDocid)
        #expect(try Database(path: scratch.path("index").path).documentCount == 3)
    }

    @Test func theHashOfAStreamedFileIsTheHashOfItsBytes() throws {
        let bytes = Array((0..<100_000).map { UInt8($0 % 251) })
        let source = HashingByteSource(MemoryByteSource(bytes), count: bytes.count)
        var buffer = [UInt8](repeating: 0, count: 4096)
        while try buffer.withUnsafeMutableBytes({ try source.read(into: $0) }) > 0 {}
        #expect(source.hash == ContentHash(bytes: bytes))
        #expect(HashingByteSource(MemoryByteSource(bytes), count: bytes.count).hash == nil)
    }
}
