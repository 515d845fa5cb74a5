import CorpusGenerator  // SplitMix64: a seeded generator, so that a failure can be replayed
import Testing
import Xapian

/// Documents with several values packed in slot 0 and one whole value in each of slots 1 and 2,
/// half of them with the term "even"; the counts each spy should give over those.
private struct PackedCorpus {
    var packed: [[[UInt8]]] = []
    var whole: [[[UInt8]]] = []  // per document: slot 1's value, slot 2's

    init(documents: Int, seed: UInt64) {
        var random = SplitMix64(seed: seed)
        // Thousands of distinct values, so that the spy's table grows several times; lengths
        // from 0 to 300 bytes (a two-byte LEB128 length past 127), any bytes.
        let pool: [[UInt8]] = (0..<6000).map { _ in
            let length = Int.random(in: 0...12, using: &random) == 0 ? Int.random(in: 0...300, using: &random)
                : Int.random(in: 1...24, using: &random)
            return (0..<length).map { _ in UInt8.random(in: 0...255, using: &random) }
        }
        for _ in 0..<documents {
            packed.append((0..<Int.random(in: 0...30, using: &random)).map { _ in
                pool[Int.random(in: 0..<pool.count, using: &random)]
            })
            whole.append((0..<2).map { _ in
                Int.random(in: 0...4, using: &random) == 0 ? [] : pool[Int.random(in: 0..<50, using: &random)]
            })
        }
    }

    func database(at path: String) throws -> WritableDatabase {
        let db = try WritableDatabase(path: path, mode: .createOrOverwrite)
        for (index, values) in packed.enumerated() {
            let document = Document()
            var bytes: [UInt8] = []
            for value in values { MultiValueCountMatchSpy.pack(value, into: &bytes) }
            document.setValue(bytes, slot: 0)
            document.setValue(whole[index][0], slot: 1)
            document.setValue(whole[index][1], slot: 2)
            document.addBooleanTerm(index % 2 == 0 ? "even" : "odd")
            try db.add(document)
        }
        try db.commit()
        return db
    }

    /// The counts of the even documents' values: packed (each occurrence) and of each whole slot.
    func expected() -> (packed: [[UInt8]: Int], whole: [[[UInt8]: Int]]) {
        var packedCounts: [[UInt8]: Int] = [:]
        var wholeCounts: [[[UInt8]: Int]] = [[:], [:]]
        for index in stride(from: 0, to: packed.count, by: 2) {
            for value in packed[index] { packedCounts[value, default: 0] += 1 }
            for slot in 0..<2 { wholeCounts[slot][whole[index][slot], default: 0] += 1 }
        }
        return (packedCounts, wholeCounts)
    }
}

/// Runs a match of the even documents that looks at every one, with `spy` attached.
@discardableResult
private func matchEven(in db: Database, with spy: MultiValueCountMatchSpy, unweighted: Bool = false) throws -> MatchSet {
    let enquire = Enquire(database: db)
    enquire.query = Query(term: "even")
    if unweighted { enquire.useBooleanWeighting() }
    enquire.add(spy)
    return try enquire.matchSet(limit: 10, checkAtLeast: db.documentCount)
}

private func counted(_ read: ((UnsafeRawBufferPointer, Int) throws -> Void) throws -> Void) throws -> [[UInt8]: Int] {
    var counts: [[UInt8]: Int] = [:]
    try read { bytes, count in
        #expect(counts[Array(bytes)] == nil, "a value given twice")
        counts[Array(bytes)] = count
    }
    return counts
}

@Test func spyCountsEveryPackedValueAndEveryWholeValueOfTheMatches() throws {
    try withTemporaryDirectory { dir in
        let corpus = PackedCorpus(documents: 1500, seed: 16)
        let db = try corpus.database(at: dir + "/db")
        let spy = MultiValueCountMatchSpy(slot: 0, wholeValueSlots: [2, 1])
        try matchEven(in: db, with: spy)
        let expected = corpus.expected()
        #expect(try counted(spy.forEachValue) == expected.packed)
        #expect(spy.valueCount == expected.packed.count)
        #expect(try Dictionary(uniqueKeysWithValues: spy.values().map { ($0.bytes, $0.count) }) == expected.packed)
        #expect(try counted { try spy.forEachWholeValue(of: 1, $0) } == expected.whole[0])
        #expect(try counted { try spy.forEachWholeValue(of: 2, $0) } == expected.whole[1])
        // Xapian's own spy gives the same counts, less the empty value, which it does not count.
        let xapianSpy = ValueCountMatchSpy(slot: 1)
        let enquire = Enquire(database: db)
        enquire.query = Query(term: "even")
        enquire.add(xapianSpy)
        _ = try enquire.matchSet(limit: 0, checkAtLeast: db.documentCount)
        let nonEmpty = expected.whole[0].filter { !$0.key.isEmpty }
        let xapianCounts = try xapianSpy.values().map(\.count)
        #expect(xapianCounts.count == nonEmpty.count)
        #expect(xapianCounts.reduce(0, +) == nonEmpty.values.reduce(0, +))
    }
}

/// The counter hashes and compares a word of eight bytes at a time (values under eight bytes as
/// one word of their own): values of every length that differ in one byte, at each place, are
/// each counted apart.
@Test func spyTellsApartValuesThatDifferInOneByteAnywhere() throws {
    try withTemporaryDirectory { dir in
        var values: [[UInt8]] = []
        for length in 0...40 {
            let base = [UInt8](repeating: 0x61, count: length)
            values.append(base)
            for place in 0..<length {
                var other = base
                other[place] = 0x62
                values.append(other)
            }
        }
        let db = try WritableDatabase(path: dir + "/db", mode: .createOrOverwrite)
        var expected: [[UInt8]: Int] = [:]
        for round in 0..<3 {
            let document = Document()
            var bytes: [UInt8] = []
            // Value i is in i % 3 + 1 of the three documents.
            for (index, value) in values.enumerated() where round <= index % 3 {
                MultiValueCountMatchSpy.pack(value, into: &bytes)
                expected[value, default: 0] += 1
            }
            document.setValue(bytes, slot: 0)
            document.addBooleanTerm("even")
            try db.add(document)
        }
        try db.commit()
        let spy = MultiValueCountMatchSpy(slot: 0)
        try matchEven(in: db, with: spy)
        #expect(try counted(spy.forEachValue) == expected)
    }
}

@Test func spyCountsOnlyThePackedValuesStartingWithTheBytesAsked() throws {
    try withTemporaryDirectory { dir in
        let corpus = PackedCorpus(documents: 600, seed: 18)
        let db = try corpus.database(at: dir + "/db")
        let first: Set<UInt8> = Set((0..<64).map { UInt8($0 * 3) })
        for asked in [first, []] {
            let spy = MultiValueCountMatchSpy(slot: 0, countingOnlyValuesStartingWith: asked)
            try matchEven(in: db, with: spy)
            let expected = corpus.expected().packed.filter { $0.key.first.map(asked.contains) ?? false }
            #expect(try counted(spy.forEachValue) == expected)
            #expect(spy.valueCount == expected.count)
            #expect(spy.documentCount == 300)
        }
    }
}

@Test func spyWithoutPackedSlotCountsOnlyWholeValues() throws {
    try withTemporaryDirectory { dir in
        let corpus = PackedCorpus(documents: 200, seed: 17)
        let db = try corpus.database(at: dir + "/db")
        let spy = MultiValueCountMatchSpy(slot: nil, wholeValueSlots: [1])
        let matches = try matchEven(in: db, with: spy, unweighted: true)
        #expect(matches.map(\.weight).allSatisfy { $0 == 0 })
        #expect(try counted(spy.forEachValue).isEmpty)
        #expect(spy.valueCount == 0)
        #expect(try counted { try spy.forEachWholeValue(of: 1, $0) } == corpus.expected().whole[0])
        #expect(throws: XapianError.self) { try spy.forEachWholeValue(of: 2) { _, _ in } }
    }
}

@Test func aThrowOfTheBodyStopsTheValuesAndIsRethrown() throws {
    struct Enough: Error {}
    try withTemporaryDirectory { dir in
        let corpus = PackedCorpus(documents: 200, seed: 19)
        let db = try corpus.database(at: dir + "/db")
        let spy = MultiValueCountMatchSpy(slot: 0)
        try matchEven(in: db, with: spy)
        #expect(corpus.expected().packed.count > 2)
        var calls = 0
        #expect(throws: Enough.self) {
            try spy.forEachValue { _, _ in
                calls += 1
                if calls == 2 { throw Enough() }
            }
        }
        #expect(calls == 2)
        // The spy is still whole: read again, every value is there.
        #expect(try counted(spy.forEachValue) == corpus.expected().packed)
    }
}
