// Exact facet counts: on a local index, with one spy of CXapian's over the slot where every
// facet value of a document is packed (`FacetValuesPacking`); with remote shards, with built-in
// spies only, one per value slot.
//
// Facets are multi-select, as in Meilisearch and Elasticsearch: a facet whose own filter is on is
// counted in a match without that filter (so `--source AFP` still shows every other source with
// the count it would have); the other facets ride on the main match as spies.
//
// Multi-valued facets (entities, credits) keep their n-th value in the n-th slot of a run, so
// a value is counted once per document by summing the spies of the run. Only built-in spies are
// used through a stub of remote shards served by xapian-tcpsrv, where Xapian serialises the
// spies to each server and merges their counts. Locally, a spy per slot reads every slot for
// every match (at 100k, most of a facet search's time); the packed slot holds the same values,
// so one read per document gives the same counts. The same spy can count the stories of a match
// (`Counted.stories`), which a search that looks at every match uses instead of Xapian's
// collapse (see `Searcher`).
import Foundation
internal import Xapian

struct FacetCounts {
    /// How many slots of each multi-valued facet the index uses (from its metadata).
    let slotUsage: FacetSlotUsage
    /// Count the facets from `Slot.facetValues` (not on remote shards).
    var packed = false

    /// What the spies of one match counted.
    struct Counted {
        /// Each facet's values, merged over their variants.
        var facets: [Facet: FacetTally] = [:]
        /// The stories of the documents the match looked at, each once, and each document
        /// without a story once: the hits of the match collapsed by story. Nil unless the spies
        /// were attached `countingStories`.
        var stories: Int?
    }

    /// The spies counting some facets, and perhaps the stories, on one match.
    struct Attached {
        /// With remote shards: each facet's built-in spies, one per slot.
        var slotSpies: [(Facet, [ValueCountMatchSpy])] = []
        /// Locally, the one spy: of the packed slot, and of other slots' whole values.
        var packedSpy: MultiValueCountMatchSpy?
        var packedFacets: Set<Facet> = []
        /// Locally, facets counted from their own slot by the same spy.
        var wholeValueFacets: [(facet: Facet, slot: ValueSlot)] = []
        /// Whether the stories are counted: from the packed slot with the facets, or from the
        /// story slot when no facet is.
        var countsStories = false

        /// What the spies counted.
        /// - Throws: `XapianError` when a spy cannot be read.
        func counted() throws -> Counted {
            var result = Counted()
            for (facet, spies) in slotSpies {
                guard spies.count > 1 else {
                    result.facets[facet] = FacetTally(try spies.first?.values() ?? [])
                    continue
                }
                // A value may be in several slots of a run: its counts are added up before it
                // is merged with its variants, so that the form shown is that of most documents.
                var merged: [String: Int] = [:]
                for spy in spies {
                    for (value, count) in try spy.values() { merged[value, default: 0] += count }
                }
                result.facets[facet] = FacetTally(merged.map { ($0.key, $0.value) })
            }
            guard let packedSpy else { return result }
            // Each story once, each document without one once.
            var storyKeys = 0
            var documentsWithAStory = 0
            if !packedFacets.isEmpty {
                // Each (facet, value) once: the spy counted each packed value as one key.
                // Each facet's tally has room for every value the spy counted: tens of thousands
                // at 100k, most of them in one facet (people), which would otherwise grow by copies.
                let values = packedSpy.valueCount
                var tallies = FacetValuesPacking.facets.map {
                    packedFacets.contains($0) ? FacetTally(reservingCapacity: values) : nil
                }
                try packedSpy.forEachValue { bytes, count in
                    switch FacetValuesPacking.unpack(bytes) {
                    case .facet(let tag, let value):
                        tallies[tag]?.add(value, count: count)
                    case .story:
                        storyKeys += 1
                        documentsWithAStory += count
                    case .unknown:
                        break
                    }
                }
                for (facet, tally) in zip(FacetValuesPacking.facets, tallies) {
                    if let tally { result.facets[facet] = tally }
                }
            }
            for (facet, slot) in wholeValueFacets {
                var tally = FacetTally()
                try packedSpy.forEachWholeValue(of: slot) { bytes, count in tally.add(bytes, count: count) }
                result.facets[facet] = tally
            }
            if countsStories && packedFacets.isEmpty {
                try packedSpy.forEachWholeValue(of: Slot.story.number) { bytes, count in
                    guard !bytes.isEmpty else { return }
                    storyKeys += 1
                    documentsWithAStory += count
                }
            }
            if countsStories { result.stories = storyKeys + packedSpy.documentCount - documentsWithAStory }
            return result
        }
    }

    /// The facets of one value a document, each in a slot of its own.
    static let singleValued: Set<Facet> = [.source, .year, .language]

    func slots(for facet: Facet) -> [ValueSlot] {
        if let run = MultiValuedFacet.of(facet) {
            return (0..<slotUsage[keyPath: run.used]).map { run.slot($0).number }
        }
        switch facet {
        case .source: return [Slot.source.number]
        case .year: return [Slot.year.number]
        case .language: return [Slot.language.number]
        case .credit, .person, .place, .organization: preconditionFailure("\(facet) is multi-valued")
        }
    }

    /// Spies for `facets`, attached to `enquire`; read them with `counted()` after the match.
    /// Locally, one spy counts them all, and the stories too when `countingStories`.
    func attach(_ facets: [Facet], to enquire: Enquire, countingStories: Bool = false) -> Attached {
        precondition(packed || !countingStories, "stories are counted by the local spy only")
        var attached = Attached()
        if packed {
            guard !facets.isEmpty || countingStories else { return attached }
            // A single-valued facet counted alone (a filtered facet's own match) reads its own
            // slot: one short value, where the packed slot holds every facet's.
            if !countingStories, facets.count == 1, Self.singleValued.contains(facets[0]) {
                attached.wholeValueFacets = [(facets[0], slots(for: facets[0])[0])]
            } else {
                attached.packedFacets = Set(facets)
            }
            attached.countsStories = countingStories
            // Only the packed values asked for are counted: those of the facets, the story's if
            // the stories are counted.
            var tags = Set(attached.packedFacets.compactMap { FacetValuesPacking.tag(of: $0) })
            if countingStories { tags.insert(FacetValuesPacking.storyTag) }
            let spy = MultiValueCountMatchSpy(
                slot: attached.packedFacets.isEmpty ? nil : Slot.facetValues.number, countingOnlyValuesStartingWith: tags,
                wholeValueSlots: attached.wholeValueFacets.map(\.slot) + (countingStories && attached.packedFacets.isEmpty ? [Slot.story.number] : []))
            enquire.add(spy)
            attached.packedSpy = spy
            return attached
        }
        for facet in facets {
            let spies = slots(for: facet).map { ValueCountMatchSpy(slot: $0) }
            for spy in spies { enquire.add(spy) }
            attached.slotSpies.append((facet, spies))
        }
        return attached
    }

    /// Spies for the facets a search counts on its main match: those without a filter of their
    /// own (none unless `facets`), and its stories when `countingStories`. Attach before the
    /// match; read with `counted()` after it, and give its facets to `count(main:…)`.
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
        main: [Facet: FacetTally], query: Query?, filters: [FilterQuery],
        in database: Database, limit: Int, unfilteredQueries: [Facet: Query?] = [:]
    ) throws -> [(facet: Facet, values: [FacetValue])] {
        var counted: [Facet: [FacetValue]] = [:]
        for (facet, tally) in main {
            counted[facet] = tally.top(limit)
        }
        let filtered = Set(filters.compactMap(\.facet))
        for facet in Facet.allCases where filtered.contains(facet) {
            let others = filters.filter { $0.facet != facet }
            let enquire = Enquire(database: database)
            enquire.query = FilterQuery.combine(unfilteredQueries[facet] ?? query, filters: others)
            enquire.useBooleanWeighting()  // counted only: no weights
            let facetSpies = attach([facet], to: enquire)
            _ = try enquire.matchSet(offset: 0, limit: 0, checkAtLeast: try database.documentCount)
            counted[facet] = try facetSpies.counted().facets[facet]?.top(limit) ?? []
        }
        return Facet.allCases.map { ($0, counted[$0] ?? []) }
    }
}
