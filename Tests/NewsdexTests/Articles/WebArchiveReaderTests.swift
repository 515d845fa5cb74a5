// Web archives as crawlers write them (Fixtures/WARC, made with warcio by
// Scripts/testdata/make-warc-fixtures.py), and as interrupted crawls leave them.
import Foundation
import Testing
@testable import Newsdex

@Suite struct WebArchiveReaderTests {
    private func read(_ name: String, as path: String? = nil) -> ReadResult {
        ArticleReader().read(fileAt: ArticleFixtures.archive(name), relativePath: path ?? name)
    }

    private let ferry = "https://coastlinecourier.example/2024/03/11/harbour-ferry-strike-ends/"
    private let barges = "https://continentalwire.example/business/2023/08/14/drought-river-barges"
    private let terrace = "http://gazette-du-lac.example/terrace-tax.html"
    private let trains = "https://www.alpinetimes.example/travel/night-trains-return-alpine-line"

    @Test(arguments: ["crawl.warc.gz", "crawl.warc", "crawl-one-stream.warc.gz", "crawl-1.1.warc.gz"])
    func everyFramingGivesTheSameArticles(name: String) {
        let result = read(name, as: "Crawls/\(name)")
        #expect(result.rejections.isEmpty)
        #expect(result.articles.map(\.id) == [ferry, barges, terrace, trains])
        #expect(result.articles.map(\.url) == [ferry, barges, terrace, trains])
        #expect(result.articles.allSatisfy { $0.path == "Crawls/\(name)" })
        #expect(result.skipped == [
            "warcinfo": 1, "request": 5, "non-HTML response": 1, "HTTP 4xx response": 1, "revisit": 1, "metadata": 1,
        ])
    }

    @Test func recordsAreReadAsPages() throws {
        let articles = read("crawl.warc.gz").articles
        let wordpress = try #require(articles.first)
        #expect(wordpress.title == "Harbour ferry strike ends after three weeks")
        #expect(wordpress.source == "The Coastline Courier")
        #expect(wordpress.captions.count == 3)
        #expect(wordpress.crawled == "2024-03-11T09:00")
        // The page's own date, not the crawl's.
        #expect(wordpress.date == "2024-03-11T08:15")
        #expect(!wordpress.dateIsCrawlDate)
        // Chunked, then gzip-encoded: both undone.
        #expect(articles[1].title == "Drought forces river barges to sail half empty")
        #expect(articles[1].paragraphs.count == 7)
        // A resource record.
        #expect(articles[3].title == "Night trains return to the Alpine line")
    }

    @Test func theCrawlDateStandsInForAMissingDateAndTheHTTPCharsetIsUsed() throws {
        let page = try #require(read("crawl.warc.gz").articles.first { $0.id == terrace })
        #expect(page.date == "2006-05-03T18:20")
        #expect(page.dateIsCrawlDate)
        #expect(page.title == "Café owners fight “terrace tax”")
        #expect(page.paragraphs.first?.contains("€4,000") == true)
        // No site name, no folder: the host.
        #expect(page.source == "gazette-du-lac.example")
    }

    @Test func theSourceIsTheFolderBeforeTheHost() throws {
        let page = try #require(read("crawl.warc.gz", as: "Lac/crawl.warc.gz").articles.first { $0.id == terrace })
        #expect(page.source == "Lac")
    }

    @Test func theHTTPContentLanguageStatesAPagesLanguageWhenThePageDoesNot() throws {
        let result = read("languages.warc.gz")
        #expect(result.rejections.isEmpty && result.warnings.isEmpty)
        let languages = result.articles.map { $0.language?.code }
        // es-ES from the header alone; the page's own lang="it" before the server's "en".
        #expect(languages == ["es", "it"])
    }

    @Test func aCutOffLastMemberIsRejectedAloneByItsOffset() {
        let result = read("broken-truncated.warc.gz")
        #expect(result.articles.map(\.id) == [ferry, barges, terrace])
        #expect(result.rejections.count == 1)
        let rejection = result.rejections[0]
        #expect(rejection.reason == "the gzip member is cut short (an interrupted write?)")
        // The offset is the member's: the file's last member begins there.
        let bytes = (try? Data(contentsOf: ArticleFixtures.archive("broken-truncated.warc.gz"))).map([UInt8].init) ?? []
        let offset = rejection.offset ?? -1
        #expect(offset > 0 && bytes[offset] == 0x1F && bytes[offset + 1] == 0x8B)
        #expect(rejection.description.hasPrefix("broken-truncated.warc.gz: record at byte \(offset): "))
    }

    @Test func aCorruptMemberIsRejectedAndTheRestRead() {
        let result = read("broken-corrupt-member.warc.gz")
        #expect(result.articles.map(\.id) == [barges, terrace, trains])
        #expect(result.rejections.map(\.reason) == ["corrupt gzip data"])
    }

    @Test func wrongLengthsAndBadHeadersAreRejectedAndReadingResumes() {
        let result = read("broken-lengths.warc")
        #expect(result.articles.map(\.id) == [ferry, terrace, trains])
        #expect(result.rejections.map(\.reason) == [
            "the record does not end where its Content-Length says",
            "not a WARC record: it begins \"WARX/1.0\"",
        ])
        let offsets = result.rejections.compactMap(\.offset)
        let bytes = (try? Data(contentsOf: ArticleFixtures.archive("broken-lengths.warc"))).map([UInt8].init) ?? []
        for offset in offsets { #expect(Array(bytes[offset..<(offset + 4)]) == Array("WAR".utf8) + [bytes[offset + 3]]) }
    }

    @Test func aRecordLargerThanTheLimitIsRejectedUnread() {
        let result = ArticleReader(options: .init(maxFileSize: 4000)).read(
            fileAt: ArticleFixtures.archive("crawl.warc.gz"), relativePath: "crawl.warc.gz")
        // The WordPress page is 12 kB; the publisher's, 3 kB gzip-encoded, is 7 kB once inflated.
        #expect(result.articles.map(\.id) == [terrace, trains])
        #expect(result.rejections.map(\.reason) == [
            "record too large (12072 bytes; the limit is 4000)",
            "page too large once its content encoding is undone (the limit is 4000 bytes)",
        ])
    }

    @Test func aURLCrawledTwiceKeepsBothCopies() throws {
        let one = try Data(contentsOf: ArticleFixtures.archive("crawl.warc"))
        let result = ArticleReader().read(bytes: [UInt8](one + one), relativePath: "twice.warc")
        #expect(result.articles.count == 8)
        #expect(Set(result.articles.map(\.id)).count == 8)
        #expect(result.articles[4].id == ferry + "#2024-03-11T09:00:00Z")
    }

    @Test(arguments: [
        [UInt8](),
        Array("not a web archive at all\n".utf8),
        [0x1F, 0x8B, 0x08, 0x00, 0x01, 0x02],
        Array("WARC/1.0\r\nWARC-Type: response\r\n\r\n".utf8),
        Array("WARC/1.0\r\nContent-Length: 99999999\r\n\r\nshort".utf8),
    ])
    func garbageNeverCrashes(bytes: [UInt8]) {
        let result = ArticleReader().read(bytes: bytes, relativePath: "x.warc")
        #expect(result.articles.isEmpty)
    }

    @Test func pathsNameWebArchives() {
        #expect(WebArchiveReader.isWebArchive("a/b.warc"))
        #expect(WebArchiveReader.isWebArchive("a/B.WARC.GZ"))
        #expect(!WebArchiveReader.isWebArchive("a/b.gz"))
        #expect(ArticleReader.isArticleFile("x.warc.gz"))
        #expect(!ArticleReader.isArticleFile("x.tar.gz"))
    }

    @Test(arguments: [
        ("text/html; charset=utf-8", [UInt8](), true),
        ("application/xhtml+xml", [UInt8](), true),
        ("image/jpeg", [UInt8](), false),
        (nil, Array("  <!DOCTYPE html><html>".utf8), true),
        (nil, Array("%PDF-1.4".utf8), false),
    ] as [(String?, [UInt8], Bool)])
    func htmlIsToldByTypeOrByItsFirstBytes(type: String?, body: [UInt8], isHTML: Bool) {
        #expect(WebArchiveReader.isHTML(contentType: type, body: body) == isHTML)
    }
}
