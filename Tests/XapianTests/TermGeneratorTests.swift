import Testing
import Xapian

@Suite struct TermGeneratorTests {
    @Test func indexesStemsPositionsAndPrefixes() throws {
        let generator = TermGenerator()
        generator.stemmer = try Stem(language: "english")
        generator.stopper = .english
        generator.indexText("The cats were running")
        #expect(generator.termPosition == 4)
        generator.increaseTermPosition()
        #expect(generator.termPosition == 104)
        generator.indexTextWithoutPositions("Headline words", prefix: "S")
        let terms = try generator.document.terms
        #expect(terms.contains("Zcat"))
        #expect(terms.contains("Zrun"))
        #expect(terms.contains("cats"))
        #expect(terms.contains("Sheadline"))
        #expect(!terms.contains("Zthe"))
        generator.termPosition = 7
        #expect(generator.termPosition == 7)
    }

    @Test func stemmingStrategyAllHasNoZPrefix() throws {
        let generator = TermGenerator()
        generator.stemmer = try Stem(language: "english")
        generator.stemmingStrategy = .all
        generator.indexText("running")
        #expect(try generator.document.terms == ["run"])
    }

    @Test func newDocumentResetsTarget() throws {
        let generator = TermGenerator()
        generator.indexText("first")
        let second = Document()
        generator.document = second
        generator.indexText("second")
        #expect(try second.terms == ["second"])
    }

    @Test func cjkTextBecomesCharacterUnigramsAndBigrams() throws {
        let generator = TermGenerator()
        generator.cjkNgrams = true
        generator.indexText("地震 news")
        #expect(try generator.document.terms == ["news", "地", "地震", "震"])
        let plain = TermGenerator()
        plain.indexText("地震 news")
        #expect(try plain.document.terms == ["news", "地震"])
    }
}
