import Testing
import Xapian

@Test func spyCountsSourcesOfMatches() throws {
    try withTemporaryDirectory { dir in
        let db = try makeNewsDatabase(at: dir + "/db")
        let enquire = Enquire(database: db)
        enquire.query = .matchAll
        let spy = ValueCountMatchSpy(slot: Slot.source)
        enquire.add(spy)
        _ = try enquire.matchSet(limit: 1, checkAtLeast: db.documentCount)
        #expect(try spy.total == 4)
        #expect(try spy.topValues(limit: 2).map(\.value) == ["AFP", "AP"])
        #expect(try spy.topValues(limit: 2).map(\.count) == [2, 1])
        #expect(try spy.values().map(\.value) == ["AFP", "AP", "Reuters"])
        #expect(try spy.topValues(limit: 0).isEmpty)
        enquire.clearMatchSpies()
        _ = try enquire.matchSet(limit: 1, checkAtLeast: 4)
        #expect(try spy.total == 4)
    }
}
