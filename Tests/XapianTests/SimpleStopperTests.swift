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

@Test func stopperTakesAListAsItsText() {
    // Separators at either end and side by side make no empty word, and the last word counts.
    let stopper = SimpleStopper(list: "  a über\n  naïveté bc ", separatedBy: " ")
    for word in ["a", "über\n", "naïveté", "bc"] { #expect(stopper.contains(word), "\(word)") }
    for word in ["", "über", "ab", "b", " a", "bc "] { #expect(!stopper.contains(word), "\(word)") }
    let lines = SimpleStopper(list: "the\nof\n\nand", separatedBy: "\n")
    for word in ["the", "of", "and"] { #expect(lines.contains(word), "\(word)") }
    #expect(!lines.contains(""))
    #expect(!SimpleStopper(list: "", separatedBy: " ").contains(""))
}

@Test func stopperAnswersWhateverTheOrderOfItsList() {
    // Looked up in a sorted copy: the list's own order must not matter.
    let words = ["zebra", "apple", "mango", "apple", "b", "ba", "a"]
    let stopper = SimpleStopper(words: words)
    for word in words { #expect(stopper.contains(word), "\(word)") }
    for word in ["zebr", "apples", "bb", "c", "m"] { #expect(!stopper.contains(word), "\(word)") }
    // And a sorted one, taken as it comes.
    let sorted = SimpleStopper(list: "a an and the", separatedBy: " ")
    for word in ["a", "an", "and", "the"] { #expect(sorted.contains(word), "\(word)") }
    for word in ["", "am", "ant", "th"] { #expect(!sorted.contains(word), "\(word)") }
}
