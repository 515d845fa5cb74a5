import Testing
import Xapian

@Test func englishStemmerAndNone() throws {
    let stem = try Stem(language: "english")
    #expect(stem("running") == "run")
    #expect(Stem.none("running") == "running")
    #expect { try Stem(language: "klingon") } throws: { ($0 as? XapianError)?.code == .invalidArgument }
}

@Test func aMemoizingStemmerGivesTheSameStemsBeforeAndAfterItForgets() throws {
    let plain = try Stem(language: "english")
    // Room for three words: the eight below make it forget twice, and each is asked twice.
    let memoized = try Stem(language: "english", memoizingUpTo: 3)
    let words = ["running", "governments", "happy", "attacked", "crisis", "nations", "ministers", "running"]
    for word in words + words {
        #expect(memoized(word) == plain(word))
    }
    #expect(memoized("") == "")
    #expect { try Stem(language: "klingon", memoizingUpTo: 10) } throws: { ($0 as? XapianError)?.code == .invalidArgument }
}
