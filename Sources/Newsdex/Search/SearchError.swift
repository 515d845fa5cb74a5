/// A search the user must fix. The CLI words it (Sources/newsdex/Output/ErrorMessages.swift)
/// and exits 2.
public enum SearchError: Error, CustomStringConvertible, Sendable, Equatable {
    /// The query cannot be parsed: the query, Xapian's explanation, and the word where it goes
    /// wrong (character offsets), when that can be told.
    case query(String, String, Range<Int>?)
    /// A `date:` range in the query whose value is not a date (`date:2024-13-45..`): the query
    /// and the value.
    case invalidDate(query: String, value: String)
    /// The query is longer than `SearchLimits.maxQueryBytes`.
    case queryTooLong(bytes: Int, limit: Int)
    /// A filter value is longer than `SearchLimits.maxFilterValueBytes`: the facet it filters
    /// (nil for an entity of any type) and the value's start.
    case filterValueTooLong(facet: Facet?, prefix: String, bytes: Int, limit: Int)
    /// More filter values than `SearchLimits.maxFilterValues`.
    case tooManyFilterValues(count: Int, limit: Int)
    /// More wildcards than `SearchLimits.maxWildcards`: the first one beyond the limit.
    case tooManyWildcards(query: String, pattern: String, limit: Int)

    /// A plain account for logs and library callers; the CLI words its own messages.
    public var description: String {
        switch self {
        case .query(let query, let message, _): return "SearchError.query(\(query.debugDescription)): \(message)"
        case .invalidDate(let query, let value):
            return "SearchError.invalidDate(\(value.debugDescription) in \(query.debugDescription))"
        case .queryTooLong(let bytes, let limit): return "SearchError.queryTooLong(\(bytes) bytes > \(limit))"
        case .filterValueTooLong(let facet, _, let bytes, let limit):
            return "SearchError.filterValueTooLong(\(facet?.rawValue ?? "entity"): \(bytes) bytes > \(limit))"
        case .tooManyFilterValues(let count, let limit): return "SearchError.tooManyFilterValues(\(count) > \(limit))"
        case .tooManyWildcards(_, let pattern, let limit):
            return "SearchError.tooManyWildcards(\(pattern.debugDescription) beyond \(limit))"
        }
    }
}
