import Testing
@testable import Newsdex

@Test func wordsAreLowercasedAccentFoldedAndUnpunctuated() {
    #expect(StoryText.words("L’Élysée a dit: «Non», don't 42-year-old ÇA!")
            == ["lelysee", "a", "dit", "non", "dont", "42", "year", "old", "ca"])
}

@Test func decomposedAccentsFoldLikeComposedOnes() {
    #expect(StoryText.words("Cafe\u{301} São") == StoryText.words("Café Sa\u{303}o"))
    #expect(StoryText.words("Café São") == ["cafe", "sao"])
}

@Test func normalizedJoinsWordsWithSingleSpaces() {
    #expect(StoryText.normalized("  Hello,\n  WORLD!  ") == "hello world")
    #expect(StoryText.normalized("...") == "")
}
