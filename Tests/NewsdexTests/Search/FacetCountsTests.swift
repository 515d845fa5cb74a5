import Foundation
import Testing
import Xapian
@testable import Newsdex

@Suite struct FacetCountsTests {
    let scratch: TemporaryDirectory
    let database: WritableDatabase

    /// Four documents: (source, persons in slot order, story).
    static let documents: [(String, [String], String?)] = [
        ("AFP", ["Vladimir Putin", "Joe Biden"], "story-1"),
        ("AFP", ["Joe Biden", "Vladimir Putin"], "story-1"),
        ("BBC", ["vladimir putin"], "story-2"),
        ("BBC", ["Mark Rutte"], nil),
    ]

    init() throws {
        scratch = try TemporaryDirectory()
        database = try WritableDatabase(path: scratch.path("db").path, mode: .createOrOverwrite)
        for (source, persons, story) in Self.documents {
            let document = Document()
            document.addBooleanTerm(Schema.term(Schema.source, source))
            document.setValue(source, slot: Slot.source.number)
            var packing = FacetValuesPacking()
            packing.append(source, facet: .source)
            for (index, person) in persons.enumerated() {
                document.addBooleanTerm(Schema.term(Schema.person, person))
                document.setValue(person, slot: Slot.person(index).number)
                packing.append(person, facet: .person)
            }
            if let story {
                document.setValue(story, slot: Slot.story.number)
                packing.appendStory(story)
            }
            packing.store(in: document)
            try database.add(document)
        }
        try database.commit()
    }

    var usage: FacetSlotUsage {
        var usage = FacetSlotUsage()
        usage.person = 2
        return usage
    }

    /// Runs `query` with spies for `facets` and returns each facet's counts: from the packed
    /// slot, or from one spy per slot as on remote shards.
    func counted(_ facets: [Facet], query: Query = .matchAll, limit: Int = 10, packed: Bool = true) throws
        -> [Facet: [FacetValue]]
    {
        let enquire = Enquire(database: database)
        enquire.query = query
        let spies = FacetCounts(slotUsage: usage, packed: packed).attach(facets, to: enquire)
        _ = try enquire.matchSet(offset: 0, limit: 1, checkAtLeast: database.documentCount)
        let stored = try spies.counted().facets
        return Dictionary(uniqueKeysWithValues: facets.map { ($0, stored[$0]?.top(limit) ?? []) })
    }

    @Test func thePackedSlotCountsWhatTheRunsOfSlotsCount() throws {
        let source = Query(term: Schema.term(Schema.source, "AFP"))
        // A single-valued facet alone (as a filtered facet's own match counts it) is read from
        // its own slot, the others from the packed slot.
        for facets: [Facet] in [[.person, .source, .place], [.source]] {
            for query in [Query.matchAll, source] {
                let packed = try counted(facets, query: query)
                let bySlot = try counted(facets, query: query, packed: false)
                #expect(packed == bySlot)
                #expect(packed[facets[0]]?.isEmpty == false)
            }
        }
    }

    /// Stories are counted from the packed slot beside facets, or from the story slot alone:
    /// each story once, each document without one once, as Xapian's collapse counts them.
    @Test func theSpyCountsEachStoryOnceAndEachDocumentWithoutOne() throws {
        let bbc = Query(term: Schema.term(Schema.source, "BBC"))
        for (query, expected) in [(Query.matchAll, 3), (bbc, 2)] {
            for facets in [[Facet.person], []] {
                let enquire = Enquire(database: database)
                enquire.query = query
                let spies = FacetCounts(slotUsage: usage, packed: true).attach(facets, to: enquire, countingStories: true)
                _ = try enquire.matchSet(offset: 0, limit: 0, checkAtLeast: database.documentCount)
                let counted = try spies.counted()
                #expect(counted.stories == expected, "facets \(facets)")
                if facets.isEmpty {
                    #expect(counted.facets.isEmpty)
                } else {
                    #expect(counted.facets[.person]?.isEmpty == false)
                }
            }
            // The same as Xapian's collapse on the story slot.
            let collapsed = Enquire(database: database)
            collapsed.query = query
            collapsed.setCollapseKey(Slot.story.number)
            #expect(try collapsed.matchSet(offset: 0, limit: 10, checkAtLeast: database.documentCount).lowerBound == expected)
        }
    }

    @Test func aMultiValuedFacetCountsEachSlotOfItsRun() {
        let counts = FacetCounts(slotUsage: usage)
        #expect(counts.slots(for: .person) == [Slot.person(0).number, Slot.person(1).number])
        #expect(counts.slots(for: .place).isEmpty)
        #expect(counts.slots(for: .source) == [Slot.source.number])
    }

    @Test func valuesAreMergedOverSlotsAndCaseAndOrderedByCountThenName() throws {
        let persons = try #require(try counted([.person])[.person])
        // "vladimir putin" is the same term as "Vladimir Putin": counted together, shown as the
        // form most documents have.
        #expect(persons == [
            FacetValue(value: "Vladimir Putin", count: 3), FacetValue(value: "Joe Biden", count: 2),
            FacetValue(value: "Mark Rutte", count: 1),
        ])
        #expect(try counted([.person], limit: 2)[.person]?.map(\.value) == ["Vladimir Putin", "Joe Biden"])
        #expect(try counted([.person], limit: 0)[.person] == [])
    }

    @Test func aFilteredFacetIsCountedWithoutItsOwnFilter() throws {
        let afp = FilterQuery(facet: .source, query: Query(term: Schema.term(Schema.source, "AFP")))
        let enquire = Enquire(database: database)
        enquire.query = FilterQuery.combine(nil, filters: [afp])
        let counts = FacetCounts(slotUsage: usage)
        let spies = counts.attachUnfiltered(to: enquire, filters: [afp])
        #expect(!spies.slotSpies.contains { $0.0 == .source })
        _ = try enquire.matchSet(offset: 0, limit: 1, checkAtLeast: database.documentCount)
        let facets = try counts.count(main: spies.counted().facets, query: nil, filters: [afp], in: database, limit: 10)
        #expect(facets.map(\.facet) == Facet.allCases)
        let byFacet = Dictionary(uniqueKeysWithValues: facets.map { ($0.facet, $0.values) })
        // The source facet shows what picking another source would give...
        #expect(byFacet[.source] == [FacetValue(value: "AFP", count: 2), FacetValue(value: "BBC", count: 2)])
        // ...while the others count only AFP's documents.
        #expect(byFacet[.person] == [FacetValue(value: "Joe Biden", count: 2), FacetValue(value: "Vladimir Putin", count: 2)])
    }
}
