import Testing
@testable import Newsdex

@Suite struct SpelledQueryTests {
    /// The words `QueryLanguage.words(in:)` finds, with their prefixes.
    func words(_ query: String) -> [String] {
        QueryLanguage.words(in: query).map { word in
            (word.prefix.isEmpty ? "" : word.prefix + ":") + query[word.range]
        }
    }

    @Test func freeTextWordsAreFoundWithTheirField() {
        #expect(words("Arafatt") == ["Arafatt"])
        #expect(words("Yasser Arafat’s bid") == ["Yasser", "Arafat’s", "bid"])
        #expect(words("title:Arafatt caption:\"Yaser Arafat\" author:Ronkin") == ["S:Arafatt", "XCAPTION:Yaser", "XCAPTION:Arafat", "A:Ronkin"])
        #expect(words("+troops -russia (harbour)") == ["troops", "russia", "harbour"])
    }

    @Test func operatorsFiltersRangesAndWildcardsAreNotWords() {
        #expect(words("troops AND russia or NOT kursk NEAR sea") == ["troops", "russia", "kursk", "sea"])
        #expect(words("source:AFP person:\"Vladimir Putin\" date:2024-10-01..2024-10-31 troop* navy") == ["navy"])
        // In a phrase an operator's word is a word.
        #expect(words("\"rock and roll\"") == ["rock", "and", "roll"])
    }

    @Test func shortWordsAreNeverCorrectedAndLongOnesByUpToTwoEdits() {
        #expect(SpelledQuery.maxEdits(forLength: 2) == 0)
        #expect(SpelledQuery.maxEdits(forLength: 3) == 0)
        #expect(SpelledQuery.maxEdits(forLength: 6) == 1)
        #expect(SpelledQuery.maxEdits(forLength: 9) == 2)
    }
}
