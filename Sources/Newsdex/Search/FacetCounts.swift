// Exact facet counts: on a local index, single-valued facets with Xapian's built-in
// ValueCountMatchSpy and the multi-valued ones with one spy over their packed slot
// (`FacetValuesPacking`); with remote shards, with built-in spies only, one per value slot.
//
// Facets are multi-select, as in Meilisearch and Elasticsearch: a facet whose own filter is on is
// counted in a match without that filter (so `--source AFP` still shows every other source with
// the count it would have); the other facets ride on the main match as spies.
//
// Multi-valued facets (entities, credits) keep their n-th value in the n-th slot of a run, so
// a value is counted once per document by summing the spies of the run. Only built-in spies are
// used through a stub of remote shards served by xapian-tcpsrv, where Xapian serialises the
// spies to each server and merges their counts. Locally, a spy per slot reads every slot of the
// run for every match (at 100k, most of a facet search's time); the packed slot holds the same
// values, so one read per document gives the same counts. The same spy counts the single-valued
// facets locally, and can count the stories of a match (`storyCount`), which a search that
// looks at every match uses instead of Xapian's collapse (see `Searcher`).
import Foundation
internal import Xapian

struct FacetCounts {
    /// How many slots of each multi-valued facet the index uses (from its metadata).
    let slotUsage: FacetSlotUsage
    /// Count the multi-valued facets from `Slot.facetValues` (not on remote shards).
    var packed = false

    /// The spies counting some facets on one match.
    struct Attached {
        var slotSpies: [(Facet, [ValueCountMatchSpy])] = []
        /// Locally, the one spy: the packed facets' values, the single-valued facets' whole
        /// values, and the stories when asked.
        var packedSpy: MultiValueCountMatchSpy?
        var packedFacets: Set<Facet> = []
        var wholeValueFacets: [(facet: Facet, slot: ValueSlot)] = []

        /// Each facet's values as stored, each once, with their counts.
        /// - Throws: `XapianError` when a spy cannot be read.
        func stored() throws -> [Facet: [(value: String, count: Int)]] {
            var result: [Facet: [(value: String, count: Int)]] = [:]
            for (facet, spies) in slotSpies {
                guard spies.count > 1 else {
                    result[facet] = try spies.first?.values() ?? []
                    continue
                }
                // A value may be in several slots of a run: its counts are added up.
                var merged: [String: Int] = [:]
                for spy in spies {
                    for (value, count) in try spy.values() { merged[value, default: 0] += count }
                }
                result[facet] = merged.map { ($0.key, $0.value) }
            }
            if let packedSpy {
                // Each (facet, value) once: the spy counted each packed value as one key.
                try packedSpy.forEachValue { bytes, count in
                    guard let (facet, value) = FacetValuesPacking.unpack(bytes), packedFacets.contains(facet) else {
                        return
                    }
                    result[facet, default: []].append((value, count))
                }
                for (facet, slot) in wholeValueFacets {
                    var values: [(value: String, count: Int)] = []
                    try packedSpy.forEachWholeValue(of: slot) { bytes, count in
                        values.append((String(decoding: bytes, as: UTF8.self), count))
                    }
                    result[facet] = values
                }
            }
            return result
        }

        /// The stories of the documents the match looked at, each once, and each document without
        /// a story once: the number of hits a match collapsed by story has. Only for spies
        /// attached `countingStories`.
        /// - Throws: `XapianError` when the spy cannot be read.
        func storyCount() throws -> Int {
            guard let packedSpy, packedSpy.wholeValueSlots.contains(Slot.story.number) else {
                preconditionFailure("storyCount() of spies not attached countingStories")
            }
            var count = 0
            try packedSpy.forEachWholeValue(of: Slot.story.number) { bytes, documents in
                count += bytes.isEmpty ? documents : 1
            }
            return count
        }
    }

    func slots(for facet: Facet) -> [ValueSlot] {
        switch facet {
        case .source: return [Slot.source.number]
        case .year: return [Slot.year.number]
        case .language: return [Slot.language.number]
        case .credit: return (0..<slotUsage.credit).map { Slot.credit($0).number }
        case .person: return (0..<slotUsage.person).map { Slot.person($0).number }
        case .place: return (0..<slotUsage.place).map { Slot.place($0).number }
        case .organization: return (0..<slotUsage.organization).map { Slot.organization($0).number }
        }
    }

    /// Spies for `facets`, attached to `enquire`; read them with `counts` after the match. Locally,
    /// one spy counts them all, and the stories too when `countingStories`.
    func attach(_ facets: [Facet], to enquire: Enquire, countingStories: Bool = false) -> Attached {
        precondition(packed || !countingStories, "stories are counted by the local spy only")
        var attached = Attached()
        for facet in facets {
            if packed && FacetValuesPacking.facets.contains(facet) {
                attached.packedFacets.insert(facet)
            } else if packed {
                attached.wholeValueFacets += slots(for: facet).map { (facet, $0) }
            } else {
                let spies = slots(for: facet).map { ValueCountMatchSpy(slot: $0) }
                for spy in spies { enquire.add(spy) }
                attached.slotSpies.append((facet, spies))
            }
        }
        let wholeValueSlots = attached.wholeValueFacets.map(\.slot) + (countingStories ? [Slot.story.number] : [])
        if !attached.packedFacets.isEmpty || !wholeValueSlots.isEmpty {
            let spy = MultiValueCountMatchSpy(
                slot: attached.packedFacets.isEmpty ? nil : Slot.facetValues.number, wholeValueSlots: wholeValueSlots)
            enquire.add(spy)
            attached.packedSpy = spy
        }
        return attached
    }

    /// Spies for the facets a search counts on its main match: those without a filter of their
    /// own (none unless `facets`), and its stories when `countingStories`. Attach before the
    /// match; read with `count(main:…)` and `storyCount()` after it.
    func attachUnfiltered(
        to enquire: Enquire, filters: [FilterQuery], facets: Bool = true, countingStories: Bool = false
    ) -> Attached {
        let filtered = Set(filters.compactMap(\.facet))
        return attach(
            facets ? Facet.allCases.filter { !filtered.contains($0) } : [], to: enquire, countingStories: countingStories)
    }

    /// Every facet's counts, in `Facet.allCases` order: those of the main match's spies, and each
    /// filtered facet counted in a match of `query` with every filter but its own. A facet whose
    /// filter also changed how the query was parsed (`--lang`) is counted with the query as
    /// parsed without it, from `unfilteredQueries`.
    /// - Throws: what matching in `database` throws.
    func count(
        main spies: Attached, query: Query?, filters: [FilterQuery],
        in database: Database, limit: Int, unfilteredQueries: [Facet: Query?] = [:]
    ) throws -> [(facet: Facet, values: [FacetValue])] {
        var counted: [Facet: [FacetValue]] = [:]
        for (facet, values) in try spies.stored() {
            counted[facet] = Self.counts(values, limit: limit)
        }
        let filtered = Set(filters.compactMap(\.facet))
        for facet in Facet.allCases where filtered.contains(facet) {
            let others = filters.filter { $0.facet != facet }.map(\.query)
            let enquire = Enquire(database: database)
            enquire.query = FilterQuery.combine(unfilteredQueries[facet] ?? query, filters: others)
            enquire.useBooleanWeighting()  // counted only: no weights
            let facetSpies = attach([facet], to: enquire)
            _ = try enquire.matchSet(offset: 0, limit: 0, checkAtLeast: try database.documentCount)
            counted[facet] = Self.counts(try facetSpies.stored()[facet] ?? [], limit: limit)
        }
        return Facet.allCases.map { ($0, counted[$0] ?? []) }
    }

    /// The counts of one facet's values as stored (each once, as `Attached.stored` gives them),
    /// merged over case variants of a value (which are one term in the index), biggest first,
    /// then by value.
    static func counts(_ values: [(value: String, count: Int)], limit: Int) -> [FacetValue] {
        var byKey: [String: (display: String, displayCount: Int, count: Int)] = [:]
        byKey.reserveCapacity(values.count)
        for (value, count) in values where !value.isEmpty {
            let key = Schema.normalizedValue(value)
            var entry = byKey[key] ?? (value, 0, 0)
            entry.count += count
            if count > entry.displayCount || (count == entry.displayCount && value < entry.display) {
                entry.display = value
                entry.displayCount = count
            }
            byKey[key] = entry
        }
        let ordered = { (a: (display: String, displayCount: Int, count: Int), b: (display: String, displayCount: Int, count: Int)) in
            a.count != b.count ? a.count > b.count : a.display < b.display
        }
        let top = limit < byKey.count / 4
            ? topN(Array(byKey.values), limit, by: ordered) : byKey.values.sorted(by: ordered).prefix(max(0, limit)).map { $0 }
        return top.map { FacetValue(value: $0.display, count: $0.count) }
    }

    /// The first `n` elements in `order`, without sorting them all.
    private static func topN<T>(_ items: [T], _ n: Int, by order: (T, T) -> Bool) -> [T] {
        guard n > 0 else { return [] }
        var best: [T] = []
        best.reserveCapacity(n + 1)
        for item in items {
            if best.count == n, !order(item, best[n - 1]) { continue }
            let position = best.firstIndex { order(item, $0) } ?? best.count
            best.insert(item, at: position)
            if best.count > n { best.removeLast() }
        }
        return best
    }
}
