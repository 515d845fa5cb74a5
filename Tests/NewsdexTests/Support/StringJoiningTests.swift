import Testing
@testable import Newsdex

@Suite struct StringJoiningTests {
    @Test(arguments: [[], [""], ["one"], ["a", "", "c"], ["Zürich", "東京", "a\u{301}"], ["", ""]])
    func concatenatedIsWhatJoinedGives(strings: [String]) {
        for separator in ["", " ", " · ", "\n"] {
            #expect(strings.concatenated(separator: separator) == strings.joined(separator: separator))
            #expect(strings.concatenated(separator: separator).utf8.elementsEqual(strings.joined(separator: separator).utf8))
        }
    }
}
