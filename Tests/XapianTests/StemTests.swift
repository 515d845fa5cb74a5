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

@Test func aFilteredStemmerStemsOnlyWordsHoldingANeedle() throws {
    let plain = try Stem(language: "english")
    let filtered = try Stem(language: "english", stemmingOnlyWordsContaining: [Array("govern".utf8), Array("ru".utf8)])
    for word in ["governments", "ungoverned", "running", "crusted"] {
        #expect(filtered(word) == plain(word), "\(word)")
        #expect(filtered(word) != word, "\(word) is stemmed")
    }
    // No needle in them: given back as they are, though their stems differ.
    for word in ["attacked", "nations", "ministers", "Running"] {
        #expect(filtered(word) == word)
        #expect(plain(word) != word)
    }
    let none = try Stem(language: "english", stemmingOnlyWordsContaining: [])
    #expect(none("governments") == "governments")
    let empty = try Stem(language: "english", stemmingOnlyWordsContaining: [[]])
    #expect(empty("governments") == "govern")
    #expect { try Stem(language: "klingon", stemmingOnlyWordsContaining: []) } throws: { ($0 as? XapianError)?.code == .invalidArgument }
}
