import Testing
@testable import Newsdex

@Suite struct BoilerplateTests {
    @Test func dropsPlayerLinesAnywhereAndFootersOnlyAtTheEnd() {
        let lines: [Substring] = [
            "Title", "", "Listen to this article", "", "LOADING AUDIO...", "Body.",
            "Real Time Analytics", "More body.", "", "Share this article", "Real Time Analytics", "",
        ]
        #expect(Boilerplate.lineIndexes(in: lines) == [2, 4, 9, 10])
    }

    @Test func everyRuleIsWrittenInLowerCase() {
        for rule in Boilerplate.rules {
            switch rule.pattern {
            case .exact(let text), .prefix(let text): #expect(text == text.lowercased())
            }
        }
    }

    @Test func articlesLoseTheirBoilerplate() throws {
        let article = try #require(ArticleFixtures.article("""
            Title
            Advertisement
            Listen to this article
            Loading audio...
            The body.
            Real Time Analytics
            """))
        #expect(article.paragraphs == ["The body."])
    }
}
