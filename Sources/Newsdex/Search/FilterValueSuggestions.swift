// Filter values that are nowhere in the index, and the nearest values that are, so that a
// mistyped `--person` value gets "did you mean".
internal import Xapian

extension Searcher {
    /// Filter values that match no document, with the nearest values the index has.
    /// - Throws: what reading the index throws.
    func unknownValues(_ filters: FacetFilters) throws -> [UnknownFilterValue] {
        var result: [UnknownFilterValue] = []
        // Each field's values are read once per search, however many filter values ask.
        var indexed = IndexedValues(database: database)
        for (facet, fields, values) in filters.flags {
            for value in values where !(try fields.contains(where: { try database.termExists(Schema.term($0, value)) })) {
                // An --entity value is reported under person, the first of the facets it spans.
                result.append(UnknownFilterValue(
                    facet: facet ?? .person, value: value,
                    suggestions: try nearest(to: value, in: fields, limit: 3, from: &indexed)))
            }
        }
        return result
    }

    /// Up to three indexed values closest to `value` by edit distance (or containing it), as
    /// the articles write them ("Ariel Sharon", not the term's "ariel sharon").
    /// - Throws: what reading the index throws.
    public func nearestValues(to value: String, in fields: [Field], limit: Int = 3) throws -> [String] {
        var indexed = IndexedValues(database: database)
        return try nearest(to: value, in: fields, limit: limit, from: &indexed)
    }

    private func nearest(
        to value: String, in fields: [Field], limit: Int, from indexed: inout IndexedValues
    ) throws -> [String] {
        try indexed.nearest(to: value, in: fields, limit: limit).map { try displayValue(of: $0.value, in: $0.field) }
    }

    /// A value as written, read from the value slots of a document that has its term (terms are
    /// lowercased); the term's value when no slot holds it.
    /// - Throws: what reading the index throws.
    private func displayValue(of normalized: String, in field: Field) throws -> String {
        let facet: Facet? = switch field {
        case Schema.source: .source
        case Schema.person: .person
        case Schema.place: .place
        case Schema.organization: .organization
        case Schema.credit: .credit
        default: nil
        }
        guard let facet, let docid = try database.postings(field.prefix + normalized).first else {
            return normalized
        }
        let document = try database.document(docid)
        for slot in FacetCounts(slotUsage: slotUsage).slots(for: facet) {
            let value = try document.stringValue(slot: slot)
            if Schema.normalizedValue(value) == normalized { return value }
        }
        return normalized
    }
}

/// The values of boolean fields the index holds, read once, to suggest the nearest to a value.
struct IndexedValues {
    let database: Database
    private var byField: [String: [(value: String, scalars: [Unicode.Scalar])]] = [:]

    init(database: Database) { self.database = database }

    /// Up to `limit` indexed values (as terms hold them) closest to `value` by edit distance (or
    /// containing it), nearest first (of values as near, those closest in length: "Vladimir Putin"
    /// before "Vladimir Putin Jr" for "Vladimir"), in time linear in the values of `fields` for a
    /// value of bounded length (SearchLimits).
    /// - Throws: what reading the index throws.
    mutating func nearest(to value: String, in fields: [Field], limit: Int) throws -> [(value: String, field: Field)] {
        let wanted = Array(Schema.normalizedValue(value).unicodeScalars)
        let allowed = max(2, wanted.count / 3)
        var scored: [(distance: Int, lengthDifference: Int, value: String, field: Field)] = []
        for field in fields {
            for (candidate, scalars) in try values(of: field) {
                let contains = !wanted.isEmpty && Self.contains(scalars, wanted)
                // Lengths further apart than the distance allowed cannot be near: no comparison.
                if !contains && abs(scalars.count - wanted.count) > allowed { continue }
                let distance = contains ? 0 : EditDistance.levenshtein(wanted, scalars)
                if distance <= allowed { scored.append((distance, abs(scalars.count - wanted.count), candidate, field)) }
            }
        }
        return scored.sorted { ($0.distance, $0.lengthDifference, $0.value) < ($1.distance, $1.lengthDifference, $1.value) }
            .prefix(limit).map { ($0.value, $0.field) }
    }

    /// Whether `needle` is a run of `haystack`. Written out: the standard library's generic
    /// `firstRange(of:)` looks up generic metadata at each call, most of a scan of 50,000 names.
    static func contains(_ haystack: [Unicode.Scalar], _ needle: [Unicode.Scalar]) -> Bool {
        guard needle.count <= haystack.count else { return false }
        guard let first = needle.first else { return true }
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first {
                var offset = 1
                while offset < needle.count && haystack[start + offset] == needle[offset] { offset += 1 }
                if offset == needle.count { return true }
            }
            start += 1
        }
        return false
    }

    private mutating func values(of field: Field) throws -> [(value: String, scalars: [Unicode.Scalar])] {
        if let values = byField[field.prefix] { return values }
        let values = try database.allTerms(prefix: field.prefix).map { term -> (String, [Unicode.Scalar]) in
            let value = String(term.term.dropFirst(field.prefix.count))
            return (value, Array(value.unicodeScalars))
        }
        byField[field.prefix] = values
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
