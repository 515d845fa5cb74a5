// The bounds that keep every search within bounded time and memory whatever it is given: a
// search a newsroom exposes to scripts (or a web page) must answer every input quickly. The
// README lists them ("Limits"); a request beyond one is a SearchError, never a slow answer.

/// The largest search newsdex answers.
public enum SearchLimits {
    /// The longest query, in UTF-8 bytes. Parsing, locating an error and matching are linear
    /// in it; 4 KB is some 600 words.
    public static let maxQueryBytes = 4096
    /// The longest filter value (`--source`, `--person`, …), in UTF-8 bytes: longer than any
    /// value the index can hold as a term (Xapian's terms are at most 245 bytes).
    public static let maxFilterValueBytes = 256
    /// Filter values in one search, over every filter flag.
    public static let maxFilterValues = 64
    /// Wildcards (`troop*`) in one query.
    public static let maxWildcards = 16
    /// Terms one wildcard expands to: the most frequent of those it matches (Xapian's
    /// `WILDCARD_LIMIT_MOST_FREQUENT`, as Xapian does for partial terms by default), so that
    /// `a*` costs at most this many terms, whatever the index holds.
    public static let maxWildcardExpansion = 100

    /// Checks the query and the filter values of a search against the limits above.
    /// - Throws: `SearchError.queryTooLong`, `.filterValueTooLong`, `.tooManyFilterValues`,
    ///   `.tooManyWildcards` (naming the first wildcard beyond the limit).
    public static func check(query: String, filters: FacetFilters) throws {
        let bytes = query.utf8.count
        if bytes > maxQueryBytes { throw SearchError.queryTooLong(bytes: bytes, limit: maxQueryBytes) }
        var count = 0
        for (facet, _, values) in filters.flags {
            for value in values {
                count += 1
                let length = value.utf8.count
                if length > maxFilterValueBytes {
                    throw SearchError.filterValueTooLong(
                        facet: facet, prefix: String(value.prefix(40)), bytes: length, limit: maxFilterValueBytes)
                }
            }
        }
        if count > maxFilterValues { throw SearchError.tooManyFilterValues(count: count, limit: maxFilterValues) }
        let patterns = wildcards(in: query)
        if patterns.count > maxWildcards {
            throw SearchError.tooManyWildcards(
                query: query, pattern: String(patterns[maxWildcards]), limit: maxWildcards)
        }
    }

    /// The words of `query` that end in `*` after a letter or digit (outside quotes), as Xapian
    /// reads wildcards; in one pass.
    static func wildcards(in query: String) -> [Substring] {
        // Most queries have none: a byte scan spares them the walk by Characters, whose first
        // use alone cost a one-shot search 40 k instructions.
        guard query.utf8.contains(UInt8(ascii: "*")) else { return [] }
        var result: [Substring] = []
        var inQuotes = false
        var wordStart: String.Index?
        var index = query.startIndex
        while index < query.endIndex {
            let character = query[index]
            if character == "\"" { inQuotes.toggle() }
            if character.isWhitespace || character == "(" || character == ")" || character == "\"" {
                wordStart = nil
            } else if wordStart == nil {
                wordStart = index
            }
            if character == "*", !inQuotes, let start = wordStart, index > start {
                let before = query[query.index(before: index)]
                let next = query.index(after: index)
                let endsWord = next == query.endIndex || query[next].isWhitespace || query[next] == ")"
                if (before.isLetter || before.isNumber) && endsWord { result.append(query[start...index]) }
            }
            index = query.index(after: index)
        }
        return result
    }
}
