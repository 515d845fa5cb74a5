// Which language a web page states, and which statement is believed: JSON-LD and <html lang>
// before the meta tags, the site's og:locale and the server's Content-Language header.
import Foundation
import Testing
@testable import Newsdex

@Suite struct PageLanguageTests {
    /// A page whose <head> holds `head`, whose <html> tag has `htmlAttributes`, with a body of
    /// English text (so that a stated language is never what CLD2 would say).
    private func page(head: String = "", htmlAttributes: String = "") -> String {
        """
        <!DOCTYPE html><html\(htmlAttributes)><head><meta charset="utf-8"><title>Harbour dredging starts</title>\(head)</head>
        <body><article><h1>Harbour dredging starts</h1>
        <p>Dredgers began clearing silt from the harbour mouth on Monday, the port authority said, in work that will take six weeks.</p>
        <p>Fishing boats will use the north channel until the work is finished, and the ferry timetable is unchanged.</p>
        </article></body></html>
        """
    }

    private func read(_ html: String) throws -> (language: Language?, warnings: [String]) {
        let result = ArticleFixtures.readHTML(html)
        let article = try #require(result.articles.first)
        return (article.language, result.warnings.map(\.message))
    }

    @Test(arguments: [
        (#" lang="fr""#, "", "fr"),
        (#" xml:lang="de-AT""#, "", "de"),
        ("", #"<meta http-equiv="Content-Language" content="es">"#, "es"),
        ("", #"<meta name="language" content="Italian">"#, "it"),
        ("", #"<meta name="DC.language" content="por">"#, "pt"),
        ("", #"<meta property="og:locale" content="de_DE">"#, "de"),
        ("", #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","inLanguage":"nl-BE"}</script>"#, "nl"),
        ("", #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","inLanguage":{"@type":"Language","name":"Swedish","alternateName":"sv"}}</script>"#, "sv"),
        // Yoast's @graph states it on the WebPage, not the Article.
        ("", #"<script type="application/ld+json">{"@graph":[{"@type":"Article","headline":"x"},{"@type":"WebPage","inLanguage":"pl-PL"}]}</script>"#, "pl"),
    ])
    func eachPlaceAPageStatesItsLanguage(htmlAttributes: String, head: String, code: String) throws {
        let read = try read(page(head: head, htmlAttributes: htmlAttributes))
        #expect(read.language?.code == code)
        #expect(read.warnings.isEmpty)
    }

    @Test func theArticlesStatementComesFirstAndTheSitesLocaleLast() throws {
        let linked = #"<script type="application/ld+json">{"@type":"NewsArticle","headline":"x","inLanguage":"fr-CA"}</script>"#
        let meta = #"<meta http-equiv="content-language" content="es"><meta property="og:locale" content="de_DE">"#
        #expect(try read(page(head: linked + meta, htmlAttributes: #" lang="en""#)).language?.code == "fr")
        #expect(try read(page(head: meta, htmlAttributes: #" lang="it""#)).language?.code == "it")
        #expect(try read(page(head: meta)).language?.code == "es")
    }

    @Test func noLanguageOrSeveralLeaveItToTheNextStatementOrToDetection() throws {
        // "und", an empty lang and a list of audiences say nothing of this page.
        #expect(try read(page(htmlAttributes: #" lang="""#)).language == nil)
        #expect(try read(page(head: #"<meta property="og:locale" content="pt_BR">"#, htmlAttributes: #" lang="und""#)).language?.code == "pt")
        #expect(try read(page(head: #"<meta http-equiv="content-language" content="de, en">"#)).language == nil)
        #expect(try read(page(head: #"<meta http-equiv="content-language" content="de-DE, de-AT">"#)).language?.code == "de")
    }

    @Test func aLanguageNobodyKnowsIsWarnedOfAndDetected() throws {
        let read = try read(page(htmlAttributes: #" lang="klingon""#))
        #expect(read.language == nil)
        #expect(read.warnings == [#"unknown language "klingon" in <html lang>; detecting it from the text"#])
        // A later statement that names a language is believed without a warning.
        let later = try self.read(page(head: #"<meta property="og:locale" content="en_GB">"#, htmlAttributes: #" lang="xx""#))
        #expect(later.language == .english)
        #expect(later.warnings.isEmpty)
    }

    @Test func theHTTPHeaderComesAfterThePage() {
        let header = LanguageStatement(origin: .httpHeader, value: "en")
        let html = LanguageStatement(origin: .htmlLang, value: "it")
        #expect(LanguageStatement.stated(by: [header, html]).language?.code == "it")
        #expect(LanguageStatement.stated(by: [header, html]).from == .htmlLang)
        #expect(LanguageStatement.stated(by: [header]).language == .english)
        #expect(LanguageStatement.stated(by: []).language == nil)
    }
}
