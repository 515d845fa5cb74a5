import Testing
import Xapian

@Test func englishStemmerAndNone() throws {
    let stem = try Stem(language: "english")
    #expect(stem("running") == "run")
    #expect(Stem.none("running") == "running")
    #expect { try Stem(language: "klingon") } throws: { ($0 as? XapianError)?.code == .invalidArgument }
}
