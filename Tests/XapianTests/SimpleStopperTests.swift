import Testing
import Xapian

@Test func stopperContainsItsWords() {
    let stopper = SimpleStopper(words: ["foo", "bar"])
    #expect(stopper.contains("foo"))
    #expect(!stopper.contains("baz"))
    #expect(SimpleStopper.english.contains("the"))
    #expect(!SimpleStopper.english.contains("parliament"))
}
