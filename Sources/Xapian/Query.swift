// Query trees: terms combined with operators, built directly or by QueryParser.
internal import CXapian

/// An immutable Xapian query.
///
/// Wraps [`Xapian::Query`](https://xapian.org/docs/apidoc/html/classXapian_1_1Query.html).
public final class Query: CustomStringConvertible {
    let handle: OpaquePointer

    /// How subqueries combine (`Xapian::Query::op`).
    public enum Operator: Sendable, CaseIterable {
        case and, or, andNot, xor, andMaybe, filter, near, phrase, eliteSet, synonym, max

        /// The operator of a CXapian value, which only ever names one of these.
        init(_ op: cx_query_op) {
            guard let known = Self.allCases.first(where: { $0.cValue == op }) else {
                preconditionFailure("CXapian named an operator it does not define: \(op.rawValue)")
            }
            self = known
        }

        var cValue: cx_query_op {
            switch self {
            case .and: return CX_OP_AND
            case .or: return CX_OP_OR
            case .andNot: return CX_OP_AND_NOT
            case .xor: return CX_OP_XOR
            case .andMaybe: return CX_OP_AND_MAYBE
            case .filter: return CX_OP_FILTER
            case .near: return CX_OP_NEAR
            case .phrase: return CX_OP_PHRASE
            case .eliteSet: return CX_OP_ELITE_SET
            case .synonym: return CX_OP_SYNONYM
            case .max: return CX_OP_MAX
            }
        }
    }

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        cx_query_free(handle)
    }

    /// A query for one term, with query frequency `wdf` and query `position`.
    ///
    /// Wraps `Xapian::Query(term, wqf, pos)`.
    public init(term: String, wdf: Int = 1, position: UInt32 = 0) {
        handle = mustSucceed {
            try withBytes(term) { t, n in
                try checkHandle { cx_query_new_term(t, n, UInt32(clamping: wdf), position, $0, $1) }
            }
        }
    }

    /// Combines `subqueries` with `op`; `window` is the `.near`/`.phrase` window or the
    /// `.eliteSet` size (0: Xapian's default).
    ///
    /// Wraps `Xapian::Query(op, begin, end, window)`.
    public init(_ op: Operator, _ subqueries: [Query], window: Int = 0) {
        let handles: [OpaquePointer?] = subqueries.map(\.handle)
        handle = mustSucceed {
            try handles.withUnsafeBufferPointer { buffer in
                try checkHandle {
                    cx_query_new_combine(op.cValue, buffer.baseAddress, buffer.count,
                                         UInt32(clamping: window), $0, $1)
                }
            }
        }
        withExtendedLifetime(subqueries) {}
    }

    /// All terms starting with `prefix`, OR-ed together (expanded at search time).
    ///
    /// Wraps `Xapian::Query(OP_WILDCARD, prefix)`.
    public static func wildcard(_ prefix: String) -> Query {
        Query(handle: mustSucceed {
            try withBytes(prefix) { p, n in try checkHandle { cx_query_new_wildcard(p, n, $0, $1) } }
        })
    }

    /// Documents whose value in `slot` lies in `from...to` (byte-wise comparison).
    ///
    /// Wraps `Xapian::Query(OP_VALUE_RANGE, slot, from, to)`.
    public static func valueRange(slot: ValueSlot, from: String, to: String) -> Query {
        Query(handle: mustSucceed {
            try withBytes(from) { f, fn in
                try withBytes(to) { t, tn in
                    try checkHandle { cx_query_new_value_range(slot, f, fn, t, tn, $0, $1) }
                }
            }
        })
    }

    /// Documents whose value in `slot` is at least `value`.
    ///
    /// Wraps `Xapian::Query(OP_VALUE_GE, slot, value)`.
    public static func valueGreaterOrEqual(slot: ValueSlot, _ value: String) -> Query {
        bound(slot: slot, greater: true, value)
    }

    /// Documents whose value in `slot` is at most `value`.
    ///
    /// Wraps `Xapian::Query(OP_VALUE_LE, slot, value)`.
    public static func valueLessOrEqual(slot: ValueSlot, _ value: String) -> Query {
        bound(slot: slot, greater: false, value)
    }

    private static func bound(slot: ValueSlot, greater: Bool, _ value: String) -> Query {
        Query(handle: mustSucceed {
            try withBytes(value) { v, n in
                try checkHandle { cx_query_new_value_bound(slot, greater ? 1 : 0, v, n, $0, $1) }
            }
        })
    }

    /// Every document.
    ///
    /// Wraps `Xapian::Query::MatchAll`.
    public static var matchAll: Query {
        Query(handle: mustSucceed { try checkHandle { cx_query_new_match_all($0, $1) } })
    }

    /// No document (the empty query).
    ///
    /// Wraps `Xapian::Query::MatchNothing`.
    public static var matchNothing: Query {
        Query(handle: mustSucceed { try checkHandle { cx_query_new_match_nothing($0, $1) } })
    }

    /// Whether this is the empty query (matches nothing).
    ///
    /// Wraps `Xapian::Query::empty`.
    public var isEmpty: Bool {
        var empty: Int32 = 0
        mustSucceed { try check { cx_query_empty(handle, &empty, $0) } }
        return empty != 0
    }

    /// What the top of a query is, to walk its tree: a parsed query's structure, say.
    public enum Node {
        /// A term (`Xapian::Query::LEAF_TERM`).
        case term(String)
        /// Subqueries combined with an operator.
        case combination(Operator, [Query])
        /// A subquery with its weight scaled (`OP_SCALE_WEIGHT`).
        case scaled(Query)
        /// A wildcard (`troop*`), whose terms are known only when it is matched.
        case wildcard
        /// A value range or bound (`OP_VALUE_RANGE`, `OP_VALUE_GE`, `OP_VALUE_LE`).
        case valueRange
        /// Every document.
        case matchAll
        /// No document.
        case matchNothing
        /// Anything else (a posting source).
        case other
    }

    /// The top of this query, with its subqueries or its term.
    ///
    /// Wraps `Xapian::Query::get_type`, `get_num_subqueries`, `get_subquery` and, for a term,
    /// `get_terms_begin`.
    public var node: Node {
        var node = CX_NODE_OTHER
        var op = CX_OP_AND
        var count = 0
        mustSucceed { try check { cx_query_node_of(handle, &node, &op, &count, $0) } }
        let subqueries = { (0..<count).map { index in
            Query(handle: mustSucceed { try checkHandle { cx_query_subquery(self.handle, index, $0, $1) } })
        } }
        switch node {
        case CX_NODE_TERM:
            return .term(String(xapianBytes: mustSucceed { try checkBytes { cx_query_leaf_term(handle, $0, $1, $2) } }))
        case CX_NODE_COMBINATION: return .combination(Operator(op), subqueries())
        case CX_NODE_SCALE_WEIGHT: return .scaled(subqueries()[0])
        case CX_NODE_WILDCARD: return .wildcard
        case CX_NODE_VALUE: return .valueRange
        case CX_NODE_MATCH_ALL: return .matchAll
        case CX_NODE_MATCH_NOTHING: return .matchNothing
        default: return .other
        }
    }

    /// Whether the query or any of its subqueries is a wildcard (`troop*`), whose terms are
    /// known only when it is matched: `terms()` does not list them.
    public var hasWildcard: Bool {
        switch node {
        case .wildcard: return true
        case .combination(_, let subqueries): return subqueries.contains { $0.hasWildcard }
        case .scaled(let subquery): return subquery.hasWildcard
        case .term, .valueRange, .matchAll, .matchNothing, .other: return false
        }
    }

    /// A readable description, e.g. `Query((Zfox@1 AND Zdog@2))`.
    ///
    /// Wraps `Xapian::Query::get_description`.
    public var description: String {
        String(xapianBytes: mustSucceed { try checkBytes { cx_query_description(handle, $0, $1, $2) } })
    }

    /// The distinct terms in the query, in byte order.
    ///
    /// Wraps `Xapian::Query::get_unique_terms_begin`.
    public func terms() -> [String] {
        mustSucceed { try checkTermList { cx_query_terms(handle, $0, $1) } }.map { String(xapianBytes: $0.bytes) }
    }
}
