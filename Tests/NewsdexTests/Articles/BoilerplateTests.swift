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

    /// A page copied whole opens with skip links and notices; the same words further down are
    /// content.
    @Test func dropsSkipLinksOnlyAtTheStart() {
        let lines: [Substring] = [
            "", "Skip to main content", "Please enable JavaScript to view the comments powered by Disqus.",
            "Zum Inhalt springen", "Title", "Skip to content", "Body.",
        ]
        #expect(Boilerplate.lineIndexes(in: lines) == [1, 2, 3])
    }

    @Test func everyRuleIsLowerCaseAndShorterThanTheMatchedHead() {
        for rule in Boilerplate.rules {
            switch rule.pattern {
            case .exact(let text), .prefix(let text):
                #expect(text == text.lowercased())
                #expect(text.count < Boilerplate.headLength)
            }
        }
    }

    @Test func prefixRulesMatchLongFooters() {
        let lines: [Substring] = ["Body.", "Copyright © 2024 Some Very Long Publisher Name Limited. All rights reserved."]
        #expect(Boilerplate.lineIndexes(in: lines) == [1])
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
