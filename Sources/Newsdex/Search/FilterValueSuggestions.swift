// Filter values that are nowhere in the index, and the nearest values that are, so that a
// mistyped `--person` value gets "did you mean".
internal import Xapian

extension Searcher {
    /// Filter values that match no document, with the nearest values the index has.
    func unknownValues(_ filters: FacetFilters) -> [UnknownFilterValue] {
        var result: [UnknownFilterValue] = []
        // Each field's values are read once per search, however many filter values ask.
        var indexed = IndexedValues(database: database)
        for (facet, fields, values) in filters.flags {
            for value in values where !fields.contains(where: { database.termExists(Schema.term($0, value)) }) {
                // An --entity value is reported under person, the first of the facets it spans.
                result.append(UnknownFilterValue(
                    facet: facet ?? .person, value: value, suggestions: indexed.nearest(to: value, in: fields, limit: 3)))
            }
        }
        return result
    }

    /// Up to three indexed values closest to `value` by edit distance (or containing it).
    public func nearestValues(to value: String, in fields: [Field], limit: Int = 3) -> [String] {
        var indexed = IndexedValues(database: database)
        return indexed.nearest(to: value, in: fields, limit: limit)
    }
}

/// The values of boolean fields the index holds, read once, to suggest the nearest to a value.
struct IndexedValues {
    let database: Database
    private var byPrefix: [String: [(value: String, scalars: [Unicode.Scalar])]] = [:]

    init(database: Database) { self.database = database }

    /// Up to `limit` indexed values closest to `value` by edit distance (or containing it), in
    /// time linear in the values of `fields` for a value of bounded length (SearchLimits).
    mutating func nearest(to value: String, in fields: [Field], limit: Int) -> [String] {
        let wanted = Schema.normalizedValue(value)
        let wantedScalars = Array(wanted.unicodeScalars)
        let allowed = max(2, wanted.count / 3)
        var scored: [(Int, String)] = []
        for field in fields {
            for (candidate, scalars) in values(of: field) {
                let contains = !wantedScalars.isEmpty && scalars.count >= wantedScalars.count
                    && scalars.firstRange(of: wantedScalars) != nil
                // Lengths further apart than the distance allowed cannot be near: no comparison.
                if !contains && abs(scalars.count - wantedScalars.count) > allowed { continue }
                let distance = contains ? 0 : EditDistance.levenshtein(wantedScalars, scalars)
                if distance <= allowed { scored.append((distance, candidate)) }
            }
        }
        return scored.sorted { $0 < $1 }.prefix(limit).map(\.1)
    }

    private mutating func values(of field: Field) -> [(value: String, scalars: [Unicode.Scalar])] {
        if let values = byPrefix[field.prefix] { return values }
        let terms = (try? database.allTerms(prefix: field.prefix)) ?? []
        let values = terms.map { term -> (String, [Unicode.Scalar]) in
            let value = String(term.term.dropFirst(field.prefix.count))
            return (value, Array(value.unicodeScalars))
        }
        byPrefix[field.prefix] = values
        return values
    }
}

/// Levenshtein distance, for suggesting facet values a user may have meant.
enum EditDistance {
    static func levenshtein(_ a: String, _ b: String) -> Int {
        levenshtein(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    static func levenshtein(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
