import Testing
import Xapian

@Test func stopperContainsItsWords() {
    let stopper = SimpleStopper(words: ["foo", "bar"])
    #expect(stopper.contains("foo"))
    #expect(!stopper.contains("baz"))
    #expect(SimpleStopper.english.contains("the"))
    #expect(!SimpleStopper.english.contains("parliament"))
}

@Test func stopperTakesWordsOfEveryLengthInOneList() {
    // Handed to C back to back: each word must end where its length says.
    let stopper = SimpleStopper(words: ["a", "über", "", "naïveté", "bc"])
    for word in ["a", "über", "naïveté", "bc"] { #expect(stopper.contains(word), "\(word)") }
    for word in ["ab", "aü", "überbc", "b", "c", "naïvetébc"] { #expect(!stopper.contains(word), "\(word)") }
    #expect(!SimpleStopper(words: []).contains("a"))
}
