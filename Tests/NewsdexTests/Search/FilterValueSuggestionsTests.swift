import CorpusGenerator  // SplitMix64: a seeded generator, so that a failure can be replayed
import Testing
import Xapian
@testable import Newsdex

/// Suggestions for a filter value the index does not have.
@Suite struct FilterValueSuggestionsTests {
    let scratch: TemporaryDirectory
    let database: WritableDatabase

    init() throws {
        scratch = try TemporaryDirectory()
        database = try WritableDatabase(path: scratch.path("db").path, mode: .createOrOverwrite)
        for person in ["Administration Vladimir Putin", "Vladimir Putin", "Attacking Vladimir Putin", "Vladimir Putin Jr", "Joe Biden"] {
            let document = Document()
            document.addBooleanTerm(Schema.term(Schema.person, person))
            try database.add(document)
        }
        try database.commit()
    }

    @Test func valuesContainingTheValueComeClosestInLengthFirst() throws {
        var indexed = IndexedValues(database: database)
        let nearest = try indexed.nearest(to: "Vladimir", in: [Schema.person], limit: 3).map(\.value)
        #expect(nearest == ["vladimir putin", "vladimir putin jr", "attacking vladimir putin"])
    }

    /// The scan's substring test against the standard library's, over random runs of a small
    /// alphabet (so that partial matches are frequent), accents included.
    @Test func containsAgreesWithTheStandardLibrary() {
        let alphabet: [Unicode.Scalar] = ["a", "b", "é", "e\u{301}".unicodeScalars.first!, "\u{301}"]
        var random = SplitMix64(seed: 15)
        for _ in 0..<3000 {
            let haystack = (0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let needle = (0..<Int.random(in: 0...4, using: &random)).map { _ in alphabet.randomElement(using: &random)! }
            let expected = needle.isEmpty || haystack.firstRange(of: needle) != nil
            #expect(IndexedValues.contains(haystack, needle) == expected, "\(haystack) \(needle)")
        }
    }

    @Test func aTypoGetsTheValueItMisspells() throws {
        var indexed = IndexedValues(database: database)
        #expect(try indexed.nearest(to: "Joe Bidden", in: [Schema.person], limit: 3).map(\.value) == ["joe biden"])
    }
}
