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

    @Test func aTypoGetsTheValueItMisspells() throws {
        var indexed = IndexedValues(database: database)
        #expect(try indexed.nearest(to: "Joe Bidden", in: [Schema.person], limit: 3).map(\.value) == ["joe biden"])
    }
}
