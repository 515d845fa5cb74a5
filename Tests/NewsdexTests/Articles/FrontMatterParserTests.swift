import Foundation
import Testing
@testable import Newsdex

@Suite struct FrontMatterParserTests {
    @Test func frontMatterWinsOverTheText() throws {
        let result = ArticleReader().read(fileAt: ArticleFixtures.url("front-matter.txt"), corpusRoot: nil)
        let article = try #require(result.articles.first)
        #expect(result.rejections.isEmpty && result.warnings.isEmpty)
        #expect(article.title == "Front Matter Wins")
        #expect(article.authors == ["Ann Lee", "Bo Park"])  // not "Text Author"
        #expect(article.tags == ["world", "asia"])
        #expect(article.date == "2024-10-19")  // front matter gives none: the dateline's
        #expect(article.id == "front-matter.txt")
        #expect(article.source == "unknown")
        // The text's first line is not the given title, so it is kept as body, not lost.
        #expect(article.paragraphs == ["A Title The Text Suggests", "The first paragraph.", "The second paragraph."])
    }

    @Test func markdownBodyLosesItsMarkup() throws {
        let root = ArticleFixtures.fixturesRoot
        let result = ArticleReader().read(fileAt: ArticleFixtures.url("front-matter.md"), corpusRoot: root)
        let article = try #require(result.articles.first)
        #expect(article.id == "reuters-2024-10-18-nk")
        #expect(article.source == "Reuters")  // explicit, over the folder "Articles"
        #expect(article.title == "North Korea Sends Troops")
        #expect(article.date == "2024-10-18T09:15")  // over the dateline in the text
        #expect(article.authors == ["Jane Doe", "John Roe"])  // over the byline
        #expect(article.url == "https://example.com/nk-troops")
        #expect(article.tags == ["north korea", "russia", "ukraine"])
        #expect(article.path == "Articles/front-matter.md")
        #expect(article.paragraphs == [
            "Seoul's spy agency said on Friday that troops had arrived in Russia.",
            "Background",
            "The first group sailed from Chongjin.",
            "A second is expected soon.",
            "Troops were seen near snake_case_word Vladivostok.",
        ])
    }

    @Test func readsBlockListsAndQuotes() throws {
        let lines = splitLines("""
            ---
            title: 'Quoted: with colon'
            authors:
              - Ann Lee
              - "Bo Park"
            tags: [a, "b"]
            unknown: ignored
            ---
            Body
            """)
        let (matter, bodyStart) = try #require(FrontMatterParser.parse(lines))
        #expect(matter.title == "Quoted: with colon")
        #expect(matter.authors == ["Ann Lee", "Bo Park"])
        #expect(matter.tags == ["a", "b"])
        #expect(bodyStart == 8)
    }

    @Test func anUnclosedBlockIsText() {
        #expect(FrontMatterParser.parse(splitLines("---\ntitle: x\nBody\n")) == nil)
        #expect(FrontMatterParser.parse(splitLines("Title\n---\ntitle: x\n---\n")) == nil)
    }

    @Test func anUnreadableDateIsAWarningAndIgnored() throws {
        let result = ArticleFixtures.read("---\ndate: someday\n---\nTitle\n18 Oct 2024\nBody.\n", as: "a.md")
        let article = try #require(result.articles.first)
        #expect(article.date == "2024-10-18")
        #expect(result.warnings.map(\.line) == [2])
        #expect(result.warnings.first?.description.hasPrefix("a.md:2: ") == true)
    }

    @Test func markdownTitleComesFromTheFirstHeading() throws {
        let article = try #require(ArticleFixtures.article("""
            # *Troops* Arrive

            They came
            by sea, with [photos](http://x/y) ![a ship](ship.png) and `code`.

            ---

            > A quote.
            """, as: "Wire/a.md"))
        #expect(article.title == "Troops Arrive")
        #expect(article.paragraphs == ["They came by sea, with photos and code.", "A quote."])
    }
}

@Suite struct StatedLanguageTests {
    @Test func frontMatterStatesTheLanguage() throws {
        let article = try #require(ArticleFixtures.article("""
            ---
            title: Governo anuncia plano
            lang: pt-BR
            ---
            O ministro anunciou nesta terça-feira um novo plano.
            """))
        #expect(article.language?.code == "pt")
        let other = try #require(ArticleFixtures.article("---\nlanguage: French\n---\nUn texte.\n"))
        #expect(other.language?.code == "fr")
    }

    @Test func anUnknownStatedLanguageWarnsAndIsLeftToTheDetector() throws {
        let result = ArticleFixtures.read("---\nlang: elvish\n---\nA text.\n")
        let article = try #require(result.articles.first)
        #expect(article.language == nil)
        #expect(result.warnings.map(\.description) == [
            "Wire/article.txt:2: unknown language \"elvish\" in front matter; detecting it from the text",
        ])
    }

    @Test func jsonLinesStateTheLanguageAsLanguageOrLang() {
        let result = ArticleFixtures.read("""
            {"title": "Uno", "language": "es"}
            {"title": "Deux", "lang": "fr-CA"}
            {"title": "Three"}
            {"title": "Four", "lang": "xx"}

            """, as: "feed.jsonl")
        #expect(result.articles.map { $0.language?.code } == ["es", "fr", nil, nil])
        #expect(result.warnings.map(\.message) == ["unknown language \"xx\"; detecting it from the text"])
    }

    @Test func plainTextStatesNone() throws {
        let article = try #require(ArticleFixtures.article("A title\n\nA body.\n"))
        #expect(article.language == nil)
    }
}
