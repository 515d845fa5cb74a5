import Foundation
import Testing
@testable import Newsdex

@Suite struct SchemaTests {
    @Test func readmeTableMatchesTheSchema() throws {
        let readme = try String(contentsOf: Repository.root.appendingPathComponent("README.md"), encoding: .utf8)
        let begin = try #require(readme.range(of: "<!-- schema:begin -->\n"))
        let end = try #require(readme.range(of: "<!-- schema:end -->"))
        let table = readme[begin.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(table == Schema.markdownTable(), "README.md's schema table is out of date; it should be:\n\(Schema.markdownTable())")
    }

    @Test func prefixesAreUniqueAndNoneIsAPrefixOfAnotherBooleanOne() {
        let prefixes = Schema.fields.map(\.prefix)
        #expect(Set(prefixes).count == prefixes.count)
    }

    @Test func slotsDoNotOverlap() {
        var numbers: [UInt32] = []
        for slot in [Slot.date, .sortableDate, .source, .kind, .year, .story, .storyFingerprint] { numbers.append(slot.number) }
        for i in 0..<Slot.multiValueCapacity {
            numbers += [Slot.credit(i).number, Slot.person(i).number, Slot.place(i).number, Slot.organization(i).number]
        }
        #expect(Set(numbers).count == numbers.count)
    }

    @Test func booleanValuesIgnoreCaseAndAccents() {
        #expect(Schema.term(Schema.person, " Volodymyr Zelenský ") == "XPERSONvolodymyr zelensky")
        #expect(Schema.term(Schema.source, "AFP") == Schema.term(Schema.source, "afp"))
    }

    @Test func longIdentifiersStayUniqueAndWithinXapiansLimit() {
        let long = String(repeating: "a", count: 300)
        let a = Schema.identifierTerm(Schema.uniqueID, long + "1")
        let b = Schema.identifierTerm(Schema.uniqueID, long + "2")
        #expect(a != b && a.utf8.count <= 240 && b.utf8.count <= 240)
        #expect(Schema.identifierTerm(Schema.uniqueID, "AFP/x.txt") == "QAFP/x.txt")
    }
}

@Suite struct LongValueTermTests {
    /// A megabyte id was once shortened one character at a time, recounting it each time.
    @Test func aHugeIdOrValueIsShortenedToAUniqueTermXapianTakes() {
        let huge = String(repeating: "é", count: 500_000)
        let term = Schema.identifierTerm(Schema.uniqueID, huge)
        #expect(term.utf8.count <= Schema.maxIdentifierTermBytes && term.hasPrefix("Qéé"))
        #expect(term != Schema.identifierTerm(Schema.uniqueID, huge + "x"))
        #expect(Schema.identifierTerm(Schema.uniqueID, "short") == "Qshort")
        // A facet value too, the same way at index and at query time.
        let source = String(repeating: "S", count: 300)
        #expect(Schema.term(Schema.source, source).utf8.count <= Schema.maxIdentifierTermBytes)
        #expect(Schema.term(Schema.source, source) == Schema.term(Schema.source, source.lowercased()))
    }
}
