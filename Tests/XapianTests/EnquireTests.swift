import Testing
import Xapian

@Suite struct EnquireTests {
    @Test func sortByValue() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            let enquire = Enquire(database: db)
            enquire.query = .matchAll
            enquire.sortByValue(Slot.words)
            #expect(ids(try enquire.matchSet(limit: 10)) == [3, 1, 2, 4])
            enquire.sortByValue(Slot.date, descending: false)
            #expect(ids(try enquire.matchSet(limit: 10)) == [1, 2, 3, 4])
            enquire.sortByValueThenRelevance(Slot.source, descending: false)
            #expect(ids(try enquire.matchSet(limit: 10)).first == 1)
            enquire.sortByRelevanceThenValue(Slot.date)
            #expect(ids(try enquire.matchSet(limit: 10)) == [4, 3, 2, 1])
            enquire.sortByRelevance()
            #expect(try enquire.matchSet(limit: 10).count == 4)
        }
    }

    @Test func valueRangeQueries() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            let enquire = Enquire(database: db)
            enquire.query = .valueRange(slot: Slot.date, from: "20240201", to: "20240301")
            #expect(Set(ids(try enquire.matchSet(limit: 10))) == [2, 3])
            enquire.query = .valueGreaterOrEqual(slot: Slot.date, "20240301")
            #expect(Set(ids(try enquire.matchSet(limit: 10))) == [3, 4])
            enquire.query = .valueLessOrEqual(slot: Slot.date, "20240105")
            #expect(ids(try enquire.matchSet(limit: 10)) == [1])
            let filtered = Query(.filter, [Query(term: "Zbudget"), .valueGreaterOrEqual(slot: Slot.date, "20240201")])
            enquire.query = filtered
            #expect(ids(try enquire.matchSet(limit: 10)) == [3])
        }
    }

    @Test func collapseKeepsOnePerValue() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            let enquire = Enquire(database: db)
            enquire.query = .matchAll
            enquire.setCollapseKey(Slot.source)
            let matches = try enquire.matchSet(limit: 10)
            #expect(matches.count == 3)
            #expect(matches.map(\.collapseCount).reduce(0, +) == 1)
            #expect(matches.lowerBound == 3 && matches.uncollapsedLowerBound == 4)
            enquire.setCollapseKey(nil)
            #expect(try enquire.matchSet(limit: 10).count == 4)
        }
    }

    @Test func pagingAndCheckAtLeast() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            let enquire = Enquire(database: db)
            enquire.query = .matchAll
            let page = try enquire.matchSet(offset: 1, limit: 2, checkAtLeast: 4)
            #expect(page.count == 2)
            #expect(page.offset == 1)
            #expect(page[0].rank == 1)
            #expect(page.isExact)
            #expect(page.estimatedTotal == 4)
        }
    }
}
