import Testing
import Xapian
@testable import Newsdex

@Suite struct TextAnalysisTests {
    @Test func everyStemmerNamedIsOneXapianHas() throws {
        for (code, name) in TextAnalysis.stemmers {
            let language = try #require(Language(code: code))
            #expect(TextAnalysis(language).stemmer == name)
            _ = try Stem(language: name)
        }
    }

    @Test func languagesXapianCannotStemAreUnstemmedNeverEnglish() throws {
        for code in ["zh", "ja", "ko", "pl", "he", "und"] {
            let language = try #require(Language(code: code))
            #expect(TextAnalysis(language).stemmer == nil, "\(code)")
            #expect(TextAnalysis(language).stopwords == nil, "\(code)")
        }
    }

    @Test func stopwordsAreSnowballsAndFoldedAsTheIndexFoldsText() throws {
        #expect(Stopwords.languages.map(\.code) == ["da", "de", "en", "es", "fi", "fr", "hu", "it", "nl", "no", "pt", "ru", "sv"])
        let es = try #require(Language(code: "es")), ru = try #require(Language(code: "ru"))
        let nb = try #require(Language(code: "nb"))
        let spanish = try #require(Stopwords.words(for: es))
        #expect(spanish.contains("mas"))  // "más", as a folded query has it
        #expect(!spanish.contains("más"))
        let russian = try #require(Stopwords.words(for: ru))
        #expect(russian.contains("мой"))  // й is a letter of its own, not и with a mark
        #expect(TextAnalysis(nb).stopwords?.code == "no")
        // Folded when generated, as folding Snowball's lists at run time would fold them: each
        // word folded, named once, in the order of their bytes.
        for (code, list) in Stopwords.snowballLists {
            let folded = Set(Stopwords.words(in: list).map(Schema.foldDiacritics)).sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            #expect(Stopwords.foldedLists[code].map(Stopwords.words(in:)) == folded, "\(code)")
        }
        #expect(Set(Stopwords.foldedLists.keys) == Set(Stopwords.snowballLists.keys))
        // Each word once, none empty.
        for language in Stopwords.languages {
            let words = try #require(Stopwords.words(for: language))
            #expect(Set(words).count == words.count, "\(language.code)")
            #expect(!words.contains(""), "\(language.code)")
        }
        // The English list is the one queries always dropped.
        let english = try #require(Stopwords.words(for: .english))
        let stopper = SimpleStopper.english
        #expect(english.count == 174)
        #expect(english.allSatisfy(stopper.contains))
    }

    @Test func frenchAndItalianElisionsAreDroppedBeforeStemming() throws {
        let french = TextAnalysis(try #require(Language(code: "fr")))
        #expect(french.prepared("Un début d'incendie, l’État et qu'il; aujourd'hui source:l'express")
            == "Un début incendie, État et il; aujourd'hui source:l'express")
        let italian = TextAnalysis(try #require(Language(code: "it")))
        #expect(italian.prepared("dell'Italia e l'anno") == "Italia e anno")
        // Not in English: "don't" and "O'Brien" are words.
        #expect(TextAnalysis(.english).prepared("don't d'Artagnan") == "don't d'Artagnan")
    }
}
