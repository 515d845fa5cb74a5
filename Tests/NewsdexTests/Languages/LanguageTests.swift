import Testing
@testable import Newsdex

@Suite struct LanguageTests {
    @Test(arguments: [
        ("en", "en"), ("EN", "en"), ("en-US", "en"), ("pt_BR", "pt"), ("fr_FR", "fr"), ("zh-Hant-TW", "zh"),
        ("spa", "es"), ("ger", "de"), ("deu", "de"), ("Spanish", "es"), ("  russian ", "ru"),
        ("español", "es"), ("iw", "he"), ("und", "und"), ("mul", "und"), ("zxx", "und"), ("sr-Latn", "sr"),
    ])
    func readsStatedLanguagesAsPeopleAndPagesWriteThem(stated: String, code: String) {
        #expect(Language(stated: stated)?.code == code)
    }

    @Test(arguments: ["", "xx", "klingon", "e", "english-ish", "123"])
    func somethingThatNamesNoLanguageIsNotOne(stated: String) {
        #expect(Language(stated: stated) == nil)
    }

    @Test func codesAreTwoLetterISO639_1OrUnd() {
        #expect(Language(code: "ES")?.code == "es")
        #expect(Language(code: "und") == .undetermined)
        #expect(Language(code: "spa") == nil)
        #expect(Language(code: "qq") == nil)
        // Of every pair of letters, the 184 codes ISO 639-1 assigns, the list's first and last too.
        let letters = "abcdefghijklmnopqrstuvwxyz".map(String.init)
        let codes = letters.flatMap { first in letters.map { first + $0 } }.filter(Language.isISO639_1)
        #expect(codes.count == 184)
        #expect(codes.first == "aa" && codes.last == "zu" && codes.contains("en"))
        for notACode in ["", "a", "z", "aa ", " a", "a a", "aab", "EN", "und", "zu "] {
            #expect(!Language.isISO639_1(notACode), "\(notACode)")
        }
    }

    @Test func namesTheLanguagesItKnowsAndShowsOthersAsCodes() {
        #expect(Language(code: "ja")?.name == "Japanese")
        #expect(Language(code: "yo")?.name == "yo")
        #expect(Language.undetermined.name == "und")
    }
}
