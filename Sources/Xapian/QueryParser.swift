// Parsing what people type into a search box into a Query.
internal import CXapian

/// Parses user query strings ("fox AND source:AFP", "\"exact phrase\"", "date:2024..2025").
///
/// Holds the stemmer, stopper and database it is given, so they live as long as it.
/// Wraps [`Xapian::QueryParser`](https://xapian.org/docs/apidoc/html/classXapian_1_1QueryParser.html).
public final class QueryParser {
    let handle: OpaquePointer

    /// Syntax features to enable (`Xapian::QueryParser::feature_flag`).
    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// AND, OR, NOT, XOR, NEAR, brackets.
        public static let boolean = Flags(rawValue: UInt32(CX_QP_FLAG_BOOLEAN))
        /// "quoted phrases".
        public static let phrase = Flags(rawValue: UInt32(CX_QP_FLAG_PHRASE))
        /// +required and -excluded words.
        public static let loveHate = Flags(rawValue: UInt32(CX_QP_FLAG_LOVEHATE))
        /// Boolean operators in any case ("and").
        public static let booleanAnyCase = Flags(rawValue: UInt32(CX_QP_FLAG_BOOLEAN_ANY_CASE))
        /// Trailing "*" wildcards (needs `database`).
        public static let wildcard = Flags(rawValue: UInt32(CX_QP_FLAG_WILDCARD))
        /// "NOT x" on its own.
        public static let pureNot = Flags(rawValue: UInt32(CX_QP_FLAG_PURE_NOT))
        /// Treat the last word as a prefix, for search-as-you-type (needs `database`).
        public static let partial = Flags(rawValue: UInt32(CX_QP_FLAG_PARTIAL))
        /// Suggest corrections in `correctedQuery` (needs `database`).
        public static let spellingCorrection = Flags(rawValue: UInt32(CX_QP_FLAG_SPELLING_CORRECTION))
        /// "~word" synonyms (needs `database`).
        public static let synonym = Flags(rawValue: UInt32(CX_QP_FLAG_SYNONYM))
        /// Automatic synonyms for every word (needs `database`).
        public static let autoSynonyms = Flags(rawValue: UInt32(CX_QP_FLAG_AUTO_SYNONYMS))
        /// Chinese, Japanese and Korean text as character n-grams, as `TermGenerator.cjkNgrams`
        /// indexes it.
        public static let cjkNgram = Flags(rawValue: UInt32(CX_QP_FLAG_CJK_NGRAM))
        /// Xapian's default: `[.boolean, .phrase, .loveHate]`.
        public static let `default`: Flags = [.boolean, .phrase, .loveHate]
    }

    /// A parser with no stemmer, stopper or database, and default operator `.or`.
    ///
    /// Wraps `Xapian::QueryParser()`.
    public init() {
        handle = mustSucceed { try checkHandle { cx_queryparser_new($0, $1) } }
    }

    deinit {
        cx_queryparser_free(handle)
    }

    /// The stemmer (nil: none).
    ///
    /// Wraps `Xapian::QueryParser::set_stemmer`.
    public var stemmer: Stem? {
        didSet { mustSucceed { try check { cx_queryparser_set_stemmer(handle, stemmer?.handle, $0) } } }
    }

    /// Which words are stemmed (default `.some`, matching `TermGenerator`).
    ///
    /// Wraps `Xapian::QueryParser::set_stemming_strategy`.
    public var stemmingStrategy: StemStrategy = .some {
        didSet {
            mustSucceed { try check { cx_queryparser_set_stemming_strategy(handle, stemmingStrategy.cValue, $0) } }
        }
    }

    /// The stopper (nil: none).
    ///
    /// Wraps `Xapian::QueryParser::set_stopper`.
    public var stopper: SimpleStopper? {
        didSet { mustSucceed { try check { cx_queryparser_set_stopper(handle, stopper?.handle, $0) } } }
    }

    /// The database used for wildcards, partial terms and spelling correction (nil: none).
    ///
    /// Wraps `Xapian::QueryParser::set_database`.
    public var database: Database? {
        didSet { mustSucceed { try check { cx_queryparser_set_database(handle, database?.handle, $0) } } }
    }

    /// How words without an explicit operator combine (default `.or`). Xapian accepts only
    /// `.and`, `.or`, `.near`, `.phrase`, `.eliteSet`, `.synonym` and `.max`; setting another
    /// is a programming error and traps.
    ///
    /// Wraps `Xapian::QueryParser::set_default_op`.
    public var defaultOperator: Query.Operator = .or {
        didSet {
            do {
                try check { cx_queryparser_set_default_op(handle, defaultOperator.cValue, $0) }
            } catch {
                preconditionFailure("QueryParser.defaultOperator cannot be \(defaultOperator): \(error)")
            }
        }
    }

    /// What a wildcard does when it matches more terms than its expansion limit
    /// (`Xapian::Query::WILDCARD_LIMIT_*`).
    public enum WildcardLimit: Sendable {
        /// The query fails when it is run (`.wildcard` error).
        case error
        /// It expands to the first terms, in byte order.
        case first
        /// It expands to the most frequent terms.
        case mostFrequent

        var cValue: Int32 {
            switch self {
            case .error: return CX_WILDCARD_LIMIT_ERROR
            case .first: return CX_WILDCARD_LIMIT_FIRST
            case .mostFrequent: return CX_WILDCARD_LIMIT_MOST_FREQUENT
            }
        }
    }

    /// Bounds how many terms each wildcard (and partial term, per `features`) expands to; 0 is
    /// no limit, Xapian's default for wildcards.
    ///
    /// Wraps `Xapian::QueryParser::set_max_expansion`.
    public func setMaxExpansion(_ maxTerms: Int, limit: WildcardLimit, for features: Flags = [.wildcard, .partial]) {
        mustSucceed {
            try check {
                cx_queryparser_set_max_expansion(
                    handle, UInt32(clamping: max(0, maxTerms)), limit.cValue, features.rawValue, $0)
            }
        }
    }

    /// Maps `field:` in queries to free-text terms with `prefix` (may be called several times
    /// per field to search several prefixes).
    ///
    /// Wraps `Xapian::QueryParser::add_prefix`.
    public func addPrefix(_ field: String, _ prefix: String) {
        mustSucceed {
            try withBytes(field) { f, fn in
                try withBytes(prefix) { p, pn in try check { cx_queryparser_add_prefix(handle, f, fn, p, pn, $0) } }
            }
        }
    }

    /// Maps `field:value` in queries to a boolean filter on term `prefix + value`.
    ///
    /// Filters with the same `grouping` (default: the field) are OR-ed, groups AND-ed; "" gives
    /// each filter its own group.
    /// Wraps `Xapian::QueryParser::add_boolean_prefix(field, prefix, grouping)`.
    public func addBooleanPrefix(_ field: String, _ prefix: String, grouping: String? = nil) {
        mustSucceed {
            try withBytes(field) { f, fn in
                try withBytes(prefix) { p, pn in
                    if let grouping {
                        try withBytes(grouping) { g, gn in
                            // A non-NULL pointer marks "grouping given", even when it is empty.
                            try withUnsafePointer(to: CChar(0)) { empty in
                                try check {
                                    cx_queryparser_add_boolean_prefix(handle, f, fn, p, pn, g ?? empty, gn, $0)
                                }
                            }
                        }
                    } else {
                        try check { cx_queryparser_add_boolean_prefix(handle, f, fn, p, pn, nil, 0, $0) }
                    }
                }
            }
        }
    }

    /// Recognises a kind of range in queries; the parser keeps it.
    ///
    /// Wraps `Xapian::QueryParser::add_rangeprocessor`.
    public func add(_ rangeProcessor: RangeProcessor) {
        mustSucceed {
            switch rangeProcessor {
            case let .date(slot, prefix, preferMDY, epochYear):
                try withBytes(prefix) { p, n in
                    try check {
                        cx_queryparser_add_date_range(handle, slot, p, n, 0, preferMDY ? 1 : 0,
                                                      Int32(clamping: epochYear), $0)
                    }
                }
            case let .number(slot, prefix, suffix):
                if let suffix {
                    try withBytes(suffix) { s, n in try check { cx_queryparser_add_number_range(handle, slot, s, n, 1, $0) } }
                }
                if suffix == nil || !prefix.isEmpty {
                    try withBytes(prefix) { p, n in try check { cx_queryparser_add_number_range(handle, slot, p, n, 0, $0) } }
                }
            case let .string(slot, prefix):
                try withBytes(prefix) { p, n in try check { cx_queryparser_add_string_range(handle, slot, p, n, 0, $0) } }
            }
        }
    }

    /// Parses `text` into a query; unprefixed words get `defaultPrefix`.
    ///
    /// - Throws: `XapianError` `.queryParser` for a syntax error (with Xapian's message),
    ///   `.invalidOperation` for a feature that needs `database` when none is set.
    ///
    /// Wraps `Xapian::QueryParser::parse_query`.
    public func parse(_ text: String, flags: Flags = .default, defaultPrefix: String = "") throws -> Query {
        let query = try withBytes(text) { t, tn in
            try withBytes(defaultPrefix) { p, pn in
                try checkHandle { cx_queryparser_parse(handle, t, tn, flags.rawValue, p, pn, $0, $1) }
            }
        }
        return Query(handle: query)
    }

    /// The query text with spelling corrections applied by the last `parse` (with
    /// `.spellingCorrection`), or "" when nothing was corrected.
    ///
    /// - Throws: `XapianError` on failure.
    ///
    /// Wraps `Xapian::QueryParser::get_corrected_query_string`.
    public var correctedQuery: String {
        get throws { String(xapianBytes: try checkBytes { cx_queryparser_corrected_query(handle, $0, $1, $2) }) }
    }
}
