// Filter values that are nowhere in the index, and the nearest values that are, so that a
// mistyped `--person` value gets "did you mean".
internal import Xapian

extension Searcher {
    /// Filter values that match no document, with the nearest values the index has.
    /// - Throws: what reading the index throws.
    func unknownValues(_ filters: FacetFilters) throws -> [UnknownFilterValue] {
        var result: [UnknownFilterValue] = []
        for (facet, fields, values) in filters.flags {
            for value in values where !(try fields.contains(where: { try database.termExists(Schema.term($0, value)) })) {
                // An --entity value is reported under person, the first of the facets it spans.
                result.append(UnknownFilterValue(
                    facet: facet ?? .person, value: value, suggestions: try nearestValues(to: value, in: fields)))
            }
        }
        return result
    }

    /// Up to three indexed values closest to `value` by edit distance (or containing it), as
    /// the articles write them ("Ariel Sharon", not the term's "ariel sharon").
    /// - Throws: what reading the index throws.
    public func nearestValues(to value: String, in fields: [Field], limit: Int = 3) throws -> [String] {
        let wanted = Schema.normalizedValue(value)
        var scored: [(distance: Int, value: String, field: Field)] = []
        for field in fields {
            for (term, _) in try database.allTerms(prefix: field.prefix) {
                let candidate = String(term.dropFirst(field.prefix.count))
                let distance = candidate.contains(wanted) && !wanted.isEmpty
                    ? 0 : EditDistance.levenshtein(wanted, candidate)
                if distance <= max(2, wanted.count / 3) { scored.append((distance, candidate, field)) }
            }
        }
        return try scored.sorted { ($0.distance, $0.value) < ($1.distance, $1.value) }.prefix(limit).map {
            try displayValue(of: $0.value, in: $0.field)
        }
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

/// Levenshtein distance, for suggesting facet values a user may have meant.
enum EditDistance {
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
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
