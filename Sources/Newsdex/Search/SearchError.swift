/// A search the user must fix. The CLI words it (Sources/newsdex/Output/ErrorMessages.swift)
/// and exits 2.
public enum SearchError: Error, CustomStringConvertible, Sendable {
    /// The query cannot be parsed: the query, Xapian's explanation, and the word where it goes
    /// wrong (character offsets), when that can be told.
    case query(String, String, Range<Int>?)

    /// A plain account for logs and library callers; the CLI words its own messages.
    public var description: String {
        switch self {
        case .query(let query, let message, _): return "SearchError.query(\(query.debugDescription)): \(message)"
        }
    }
}

