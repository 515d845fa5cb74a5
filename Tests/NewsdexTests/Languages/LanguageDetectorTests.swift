import Testing
@testable import Newsdex

@Suite struct LanguageDetectorTests {
    @Test func everyFixtureGetsItsLanguage() {
        let articles = LanguageFixtures.articles()
        #expect(articles.count == LanguageFixtures.expected.count)
        for (path, code) in LanguageFixtures.expected {
            let article = articles[path]
            #expect(article.map { ArticleLanguages(of: $0).article.code } == code, "\(path)")
        }
    }

    @Test func aStatedLanguageWinsOverTheGuess() throws {
        // The text is English; the file says German, and the file is believed.
        var article = try #require(ArticleFixtures.article("""
            Troops deployed to the border

            Thousands of troops were deployed to the northern border on Friday, officials said.
            """))
        #expect(ArticleLanguages(of: article).article == .english)
        article.language = Language(code: "de")
        let languages = ArticleLanguages(of: article)
        #expect(languages.article.code == "de")
        #expect(languages.isStated)
    }

    @Test func aSureReadingOverrulesWhatAPagesMarkupStatesButNotWhatAFileStates() throws {
        let articles = LanguageFixtures.articles()
        var english = try #require(articles["World/en-border.txt"])
        english.paragraphs.append(
            "The ministry said the deployment would last until the end of the month, and that the "
                + "roads near the crossing would stay closed to traffic while the soldiers were there.")
        #expect(ArticleLanguages.detectionText(of: english).utf8.count >= ArticleLanguages.overrulingBytes)
        english.language = Language(code: "de")
        // A site template's lang="de" over an English story: the text wins, and says so.
        english.languageIsFromPageMarkup = true
        let page = ArticleLanguages(of: english)
        #expect(page.article == .english)
        #expect(!page.isStated)
        #expect(page.overruledStatement?.code == "de")
        // The same statement in front matter is the archivist's: it stands.
        english.languageIsFromPageMarkup = false
        let file = ArticleLanguages(of: english)
        #expect(file.article.code == "de")
        #expect(file.isStated && file.overruledStatement == nil)
        // Too little text to be sure of: the page's statement stands.
        var short = Article(id: "x", source: "s", title: "Troops deployed to the border")
        short.paragraphs = ["Thousands of troops were deployed on Friday, officials said."]
        short.language = Language(code: "de")
        short.languageIsFromPageMarkup = true
        #expect(ArticleLanguages(of: short).article.code == "de")
    }

    @Test func shortOrEmptyTextIsUndetermined() {
        #expect(LanguageDetector.guess("").language == .undetermined)
        #expect(!LanguageDetector.guess("OK 2024").isReliable)
        let article = Article(id: "x", source: "s", title: "12:30")
        #expect(ArticleLanguages(of: article).article == .undetermined)
    }

    @Test func aCaptionInAnotherLanguageKeepsItsOwnAndTheRestTheArticles() throws {
        let articles = LanguageFixtures.articles()
        let english = try #require(articles["World/en-border.txt"])
        #expect(english.captions.count == 1)
        #expect(ArticleLanguages(of: english).captions.map(\.code) == ["fr"])
        var withShortCaption = english
        withShortCaption.captions.append(Caption(text: "Troops.", credit: "AP"))
        #expect(ArticleLanguages(of: withShortCaption).captions.map(\.code) == ["fr", "en"])
    }

    @Test func aCaptionOfNamesAndRareWordsKeepsTheArticlesLanguage() throws {
        // CLD2 reads this as Portuguese, reliably; it has one Portuguese stopword ("de").
        #expect(LanguageDetector.guess("Plislail might tespleaspai Rio de Janeiro know now nysidro.").language.code == "pt")
        var article = try #require(LanguageFixtures.articles()["World/en-border.txt"])
        article.captions = [
            Caption(text: "Plislail might tespleaspai Rio de Janeiro know now nysidro."),
            Caption(text: "北京的天安门广场上，游客们在国庆节期间排队参观。"),  // another script
        ]
        #expect(ArticleLanguages(of: article).captions.map(\.code) == ["en", "zh"])
    }

    @Test func looksAtAPrefixCutAtACharacterBoundary() {
        let text = String(repeating: "é", count: 3000)  // two bytes each
        let head = LanguageDetector.prefix(of: text, bytes: 2047)
        #expect(head.utf8.count == 2046)
        #expect(head.allSatisfy { $0 == "é" })
        #expect(LanguageDetector.prefix(of: "short", bytes: 10) == "short")
    }

    @Test func knowsItsVersion() {
        #expect(!LanguageDetector.version.isEmpty)
    }
}
