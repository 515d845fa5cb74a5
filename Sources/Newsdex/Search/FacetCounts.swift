// Exact facet counts with Xapian's built-in ValueCountMatchSpy, one spy per value slot.
//
// Multi-valued facets (entities, credits) keep their n-th value in the n-th slot of a run, so
// a value is counted once per document by summing the spies of the run. Only built-in spies are
// used, so counting also works through a stub of remote shards served by xapian-tcpsrv, where
// Xapian serialises the spies to each server and merges their counts.
import Foundation
import Xapian

struct FacetCounts {
    /// How many slots of each multi-valued facet the index uses (from its metadata).
    let slotUsage: FacetSlotUsage

    func slots(for facet: Facet) -> [ValueSlot] {
        switch facet {
        case .source: return [Slot.source.number]
        case .year: return [Slot.year.number]
        case .credit: return (0..<slotUsage.credit).map { Slot.credit($0).number }
        case .person: return (0..<slotUsage.person).map { Slot.person($0).number }
        case .place: return (0..<slotUsage.place).map { Slot.place($0).number }
        case .organization: return (0..<slotUsage.organization).map { Slot.organization($0).number }
        }
    }

    /// Spies for `facets`, attached to `enquire`; read them with `counts` after the match.
    func attach(_ facets: [Facet], to enquire: Enquire) -> [(Facet, [ValueCountMatchSpy])] {
        facets.map { facet in
            let spies = slots(for: facet).map { ValueCountMatchSpy(slot: $0) }
            for spy in spies { enquire.add(spy) }
            return (facet, spies)
        }
    }

    /// The counts of one facet's spies, merged over its slots and over case variants of a value
    /// (which are one term in the index), biggest first, then by value.
    static func counts(_ spies: [ValueCountMatchSpy], limit: Int) -> [FacetValue] {
        var byKey: [String: (display: String, displayCount: Int, count: Int)] = [:]
        for spy in spies {
            for (value, count) in spy.values() where !value.isEmpty {
                let key = Schema.normalizedValue(value)
                var entry = byKey[key] ?? (value, 0, 0)
                entry.count += count
                if count > entry.displayCount { entry.display = value; entry.displayCount = count }
                byKey[key] = entry
            }
        }
        let sorted = byKey.values.sorted {
            $0.count != $1.count ? $0.count > $1.count : $0.display < $1.display
        }
        return sorted.prefix(max(0, limit)).map { FacetValue(value: $0.display, count: $0.count) }
    }
}
