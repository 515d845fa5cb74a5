import Testing
@testable import Newsdex

@Suite struct EntityLanguagesTests {
    private let extractor = EntityExtractor()

    @Test func otherLanguagesGetTheGazetteersPlacesAndNothingInvented() throws {
        let article = try #require(ArticleFixtures.article("""
            Evo Morales deja Argentina rumbo a Venezuela

            El expresidente Evo Morales dejó este viernes Buenos Aires para volar a Caracas, dijo el \
            portavoz Luis Arce a la agencia Télam.
            """))
        let es = try #require(Language(code: "es"))
        let spanish = extractor.entities(of: article, language: es)
        #expect(spanish.text.map(\.name) == ["Argentina", "Venezuela", "Buenos Aires", "Caracas"])
        #expect(spanish.text.allSatisfy { $0.type == .place })
        // The English rules would have found people in the same text.
        let english = extractor.entities(of: article, language: .english)
        #expect(english.text.contains { $0.type == .person })
    }

    @Test func textInOtherScriptsGetsNoEntities() throws {
        let articles = LanguageFixtures.articles()
        for path in ["World/ru-obrashchenie.txt", "World/zh-dizhen.txt", "World/ar-hukuma.txt"] {
            let article = try #require(articles[path])
            let languages = ArticleLanguages(of: article)
            #expect(extractor.entities(of: article, language: languages.article).all.isEmpty, "\(path)")
        }
    }

    @Test func englishIsUnchanged() throws {
        let article = try #require(LanguageFixtures.articles()["World/en-border.txt"])
        #expect(extractor.entities(of: article, language: .english) == extractor.entities(of: article))
    }
}
