// Saved pages and web archives through the command line: parse, index, show; what is printed and
// how each exits.
import Foundation
import Testing

@Suite struct WebArchiveCommandTests {
    private static let fixtures = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("NewsdexTests/Fixtures")

    private func scratch() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsdex-warc-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("corpus/Crawl"), withIntermediateDirectories: true)
        return url
    }

    private struct Report: Decodable {
        struct Article: Decodable {
            var id: String
            var title: String
            var date: String?
            var crawled: String?
            var dateIsCrawlDate: Bool
            enum CodingKeys: String, CodingKey { case id, title, date, crawled, dateIsCrawlDate = "date_is_crawl_date" }
        }
        struct Rejection: Decodable { var path: String; var offset: Int?; var reason: String }
        var articles: [Article]
        var rejections: [Rejection]
        var skipped: [String: Int]
    }

    @Test func parseShowsAnArchivesArticlesAndWhatItSkipped() throws {
        let archive = Self.fixtures.appendingPathComponent("WARC/crawl.warc.gz")
        let json = try runNewsdex(["parse", archive.path, "--format", "json"])
        #expect(json.status == 0)
        let report = try JSONDecoder().decode(Report.self, from: Data(json.stdout.utf8))
        #expect(report.articles.map(\.title) == [
            "Harbour ferry strike ends after three weeks", "Drought forces river barges to sail half empty",
            "Café owners fight “terrace tax”", "Night trains return to the Alpine line",
        ])
        #expect(report.articles[2].dateIsCrawlDate && report.articles[2].crawled == "2006-05-03T18:20")
        #expect(report.skipped["request"] == 5)

        let text = try runNewsdex(["parse", archive.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("date:       2006-05-03T18:20 (the crawl date: the page gives none)"))
        #expect(text.stdout.contains("crawled:    2024-03-11T09:00"))
        #expect(text.stdout.contains("web archive records skipped: 5 request, 1 HTTP 4xx response, 1 metadata, 1 non-HTML response, 1 revisit, 1 warcinfo"))
    }

    @Test func parseOfABrokenArchiveNamesTheRecordAndExits3() throws {
        let archive = Self.fixtures.appendingPathComponent("WARC/broken-lengths.warc")
        let result = try runNewsdex(["parse", archive.path])
        #expect(result.status == 3)
        #expect(result.stderr.contains("rejected: broken-lengths.warc: record at byte "))
        #expect(result.stderr.contains(": the record does not end where its Content-Length says"))
        #expect(result.stdout.contains("title:      Night trains return to the Alpine line"))
    }

    @Test func parseOfAPage() throws {
        let page = Self.fixtures.appendingPathComponent("HTML/wordpress.html")
        let result = try runNewsdex(["parse", page.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("title:      Harbour ferry strike ends after three weeks"))
        #expect(result.stdout.contains("credit: Jenna Polglase/Coastline Courier"))
        let redirect = try runNewsdex(["parse", Self.fixtures.appendingPathComponent("HTML/redirect.html").path])
        #expect(redirect.status == 3)
        #expect(redirect.stderr.contains("not an article"))
    }

    @Test func indexingAnArchiveAndShowingACrawlDate() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.copyItem(
            at: Self.fixtures.appendingPathComponent("WARC/broken-truncated.warc.gz"),
            to: root.appendingPathComponent("corpus/Crawl/day.warc.gz"))
        let db = root.appendingPathComponent("index").path
        let index = try runNewsdex(["index", root.appendingPathComponent("corpus").path, "--db", db])
        #expect(index.status == 3)
        #expect(index.stderr.contains("rejected Crawl/day.warc.gz: record at byte "))
        #expect(index.stderr.contains("web archive records: 10 skipped (5 request"))
        let show = try runNewsdex(["show", "http://gazette-du-lac.example/terrace-tax.html", "--db", db])
        #expect(show.status == 0)
        #expect(show.stdout.contains("2006-05-03T18:20 (crawled; the page gives no date)"))
        // The id is the URL: said once, with the archive it is in.
        #expect(show.stdout.contains("http://gazette-du-lac.example/terrace-tax.html · Crawl/day.warc.gz\n"))
        let search = try runNewsdex(["search", "barges", "--db", db, "--format", "ids"])
        #expect(search.stdout == "https://continentalwire.example/business/2023/08/14/drought-river-barges\n")
    }

    private struct LanguageReport: Decodable {
        struct Article: Decodable {
            struct Languages: Decodable { var article: String; var stated: Bool }
            var id: String
            var language: String?
            var languages: Languages
        }
        var articles: [Article]
    }

    @Test func pagesAndArchiveRecordsStateTheirLanguageAndSearchFindsThemByIt() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        let corpus = root.appendingPathComponent("corpus")
        for (fixture, name) in [("HTML/lang-fr.html", "Lac/cheminots.html"), ("HTML/og-locale-de.html", "See/faehre.html"),
            ("WARC/languages.warc.gz", "Crawl/languages.warc.gz")]
        {
            try FileManager.default.createDirectory(
                at: corpus.appendingPathComponent(name).deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: Self.fixtures.appendingPathComponent(fixture), to: corpus.appendingPathComponent(name))
        }
        let parse = try runNewsdex(["parse", corpus.path, "--corpus", corpus.path, "--format", "json"])
        #expect(parse.status == 0, "\(parse.stderr)")
        let report = try JSONDecoder().decode(LanguageReport.self, from: Data(parse.stdout.utf8))
        let byID = Dictionary(uniqueKeysWithValues: report.articles.map { ($0.id, $0) })
        for (id, code) in [("Lac/cheminots.html", "fr"), ("See/faehre.html", "de"),
            ("https://diariodelacosta.example/local/muelle-pescadores", "es"),
            ("https://valledelleaquile.example/notizie/rifugio-riapre", "it")]
        {
            let article = try #require(byID[id])
            #expect(article.language == code, "\(id)")
            #expect(article.languages.article == code && article.languages.stated, "\(id)")
        }
        let text = try runNewsdex(["parse", corpus.appendingPathComponent("Lac/cheminots.html").path, "--corpus", corpus.path])
        #expect(text.stdout.contains("language:   fr (stated)"))

        let db = root.appendingPathComponent("index").path
        let index = try runNewsdex(["index", corpus.path, "--db", db, "--quiet"])
        #expect(index.status == 0, "\(index.stderr)")
        // Each is found in its language, by a form of a word it does not hold (French
        // "manifestations" for "manifesté", German "Fähren" for "Fähre", Spanish "pescador" for
        // "pescadores"), and not in another.
        for (query, code, id) in [("manifestations", "fr", "Lac/cheminots.html"), ("Fähren", "de", "See/faehre.html"),
            ("pescador", "es", "https://diariodelacosta.example/local/muelle-pescadores"),
            ("volontario", "it", "https://valledelleaquile.example/notizie/rifugio-riapre")]
        {
            let found = try runNewsdex(["search", query, "--lang", code, "--db", db, "--format", "ids"])
            #expect(found.status == 0 && found.stdout == id + "\n", "\(query): \(found.stdout)\(found.stderr)")
            let other = try runNewsdex(["search", query, "--lang", "en", "--db", db, "--format", "ids"])
            #expect(other.status == 1 && other.stdout.isEmpty, "\(query)")
        }
        // A hit from a web archive is named by its URL, which show takes.
        let hit = try runNewsdex(["search", "muelle", "--db", db, "--no-color"])
        #expect(hit.stdout.contains("Crawl · 2024-06-05T10:00 · es · https://diariodelacosta.example/local/muelle-pescadores\n"))
        let show = try runNewsdex(["show", "Lac/cheminots.html", "--db", db])
        #expect(show.status == 0 && show.stdout.contains("French"))
        let facets = try runNewsdex(["facets", "--db", db, "--format", "json"])
        for code in ["fr", "de", "es", "it"] { #expect(facets.stdout.contains("\"\(code)\"")) }
    }

    @Test func parseSaysWhenTheTextReadsAsAnotherLanguageThanTheOneStated() throws {
        let root = try scratch()
        defer { try? FileManager.default.removeItem(at: root) }
        // A site template that says English above a German story: the statement is indexed,
        // and parse shows what the text reads as.
        let page = root.appendingPathComponent("template.html")
        try """
            <!DOCTYPE html><html lang="en-US"><head><meta charset="utf-8"><title>Neue Radwege am Ufer</title></head>
            <body><article><h1>Neue Radwege am Ufer</h1>
            <p>Die Stadt will bis zum Herbst drei Kilometer neue Radwege entlang des Ufers bauen. Der Gemeinderat hat die Pläne am Dienstag mit großer Mehrheit beschlossen.</p>
            <p>Anwohner hatten sich über den dichten Verkehr auf der Uferstraße beschwert, vor allem an den Wochenenden im Sommer.</p>
            </article></body></html>
            """.write(to: page, atomically: true, encoding: .utf8)
        let text = try runNewsdex(["parse", page.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("language:   en (stated; the text reads as de)"))
        let json = try runNewsdex(["parse", page.path, "--format", "json"])
        let report = try JSONDecoder().decode(LanguageReport.self, from: Data(json.stdout.utf8))
        #expect(report.articles.first?.language == "en")
        #expect(json.stdout.contains("\"detected_language\" : \"de\""))
        // A page that states nothing shows only what was detected.
        let unstated = root.appendingPathComponent("unstated.html")
        try String(contentsOf: page, encoding: .utf8).replacingOccurrences(of: #" lang="en-US""#, with: "")
            .write(to: unstated, atomically: true, encoding: .utf8)
        let detected = try runNewsdex(["parse", unstated.path, "--format", "json"])
        #expect(detected.stdout.contains("\"stated\" : false") && !detected.stdout.contains("detected_language"))
        #expect(try runNewsdex(["parse", unstated.path]).stdout.contains("language:   de (detected)"))
    }
}
