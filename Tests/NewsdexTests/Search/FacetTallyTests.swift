import CorpusGenerator
import Foundation
import Testing
@testable import Newsdex

@Suite struct FacetTallyTests {
    /// What a tally must give, the plain way: every value as a string, a dictionary by its
    /// normalized form, the form of most documents shown (of forms as common, the first in
    /// string order), biggest first, then by value.
    static func expected(_ values: [(value: String, count: Int)], limit: Int) -> [FacetValue] {
        var byKey: [String: (display: String, displayCount: Int, count: Int)] = [:]
        for (value, count) in values where !value.isEmpty {
            // The general path of normalizing, for every value: the tally reads ASCII its own way.
            let key = Schema.foldDiacritics(value.trimmingCharacters(in: .whitespacesAndNewlines)).lowercased()
            var entry = byKey[key] ?? (value, 0, 0)
            entry.count += count
            if count > entry.displayCount || (count == entry.displayCount && value < entry.display) {
                entry.display = value
                entry.displayCount = count
            }
            byKey[key] = entry
        }
        return byKey.values.sorted { $0.count != $1.count ? $0.count > $1.count : $0.display < $1.display }
            .prefix(max(0, limit)).map { FacetValue(value: $0.display, count: $0.count) }
    }

    /// Names as facets hold them, with the variants that are one term: case, accents (composed
    /// and decomposed), surrounding space; and names that only look alike.
    static let forms = [
        "Vladimir Putin", "vladimir putin", "VLADIMIR PUTIN", " Vladimir Putin ", "Vladimir Putin\t",
        "José Manuel Barroso", "Jose Manuel Barroso", "Jose\u{301} Manuel Barroso", "JOSÉ MANUEL BARROSO",
        "Zürich", "Zurich", "zürich", "Владимир Путин", "владимир путин", "東京", "Tokyo", "Tōkyō",
        "Mark Rutte", "Mark Rutter", "AFP", "Afp", "  ", "Ångström", "angstrom", "Ǆ", "ǆ",
        // Decomposed, "Zoë" sorts after "Zof" as a string (ë after f), before it as bytes.
        "Zoe\u{308} Ball", "Zof Ball",
        // Every space that trimming takes off ASCII, each side.
        "\u{0B}Mark Rutte\u{0C}", "\rMark Rutte\n", "MARK RUTTE\u{0B}", "\t\n", "Mark  Rutte",
    ]

    @Test func theTallyMergesVariantsAsComparingStringsWould() {
        var random = SplitMix64(seed: 16)
        for round in 0..<200 {
            // Each form at most once, as a spy gives it, with counts that often tie.
            let values = Self.forms.shuffled(using: &random).prefix(Int.random(in: 0...Self.forms.count, using: &random))
                .map { (value: $0, count: Int.random(in: 1...4, using: &random)) }
            for limit in [0, 1, 3, 10, 100] {
                #expect(FacetTally(values).top(limit) == Self.expected(values, limit: limit), "round \(round), limit \(limit)")
            }
        }
    }

    @Test func aTallyOfManyValuesGrowsAndKeepsEveryOne() {
        // Thousands of names, as a facet search at 100k counts: the table grows many times.
        let values = (0..<5000).map { (value: "Person \($0 % 2500)" + ($0 < 2500 ? "" : " "), count: $0 % 7 + 1) }
        let tally = FacetTally(values)
        #expect(tally.top(10) == Self.expected(values, limit: 10))
        #expect(tally.top(5000) == Self.expected(values, limit: 5000))
        #expect(tally.top(5000).count == 2500)
    }

    @Test func aTallyWithRoomReservedCountsAsOneThatGrows() {
        // Room for fewer values than come, as many, and more: the same tally either way.
        let values = (0..<3000).map { (value: ($0 % 2 == 0 ? "Person " : "PERSON ") + "\($0 % 1200)", count: $0 % 5 + 1) }
        for room in [0, 10, 1200, 3000, 10_000] {
            var tally = FacetTally(reservingCapacity: room, bytes: room % 7)
            for (value, count) in values {
                var value = value
                value.withUTF8 { tally.add(UnsafeRawBufferPointer($0), count: count) }
            }
            #expect(tally.top(3000) == Self.expected(values, limit: 3000), "room for \(room)")
        }
    }

    @Test func theEmptyValueIsNotCounted() {
        #expect(FacetTally([("", 3)]).isEmpty)
        #expect(FacetTally([("", 3), ("AFP", 1)]).top(10) == [FacetValue(value: "AFP", count: 1)])
    }
}
