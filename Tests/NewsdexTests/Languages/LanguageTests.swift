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
        #expect(Language.iso639_1.count == 184)
        #expect(Language.iso639_1.allSatisfy { $0.count == 2 })
    }

    @Test func namesTheLanguagesItKnowsAndShowsOthersAsCodes() {
        #expect(Language(code: "ja")?.name == "Japanese")
        #expect(Language(code: "yo")?.name == "yo")
        #expect(Language.undetermined.name == "und")
    }
}
