// One page of search results, with counts, documents and highlighted snippets.
internal import CXapian

/// Options for `MatchSet.snippet` (`Xapian::MSet::SNIPPET_*`).
public struct SnippetFlags: OptionSet, Sendable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    /// Prefer fragments with terms that are rare in the collection, not only query terms.
    public static let backgroundModel = SnippetFlags(rawValue: UInt32(CX_SNIPPET_BACKGROUND_MODEL))
    /// Look at the whole text for the best fragment, not just the first good one.
    public static let exhaustive = SnippetFlags(rawValue: UInt32(CX_SNIPPET_EXHAUSTIVE))
    /// Return "" when no query term occurs in the text.
    public static let emptyWithoutMatch = SnippetFlags(rawValue: UInt32(CX_SNIPPET_EMPTY_WITHOUT_MATCH))
    /// Treat CJK text as n-grams, matching `TermGenerator`'s CJK mode.
    public static let cjkNgram = SnippetFlags(rawValue: UInt32(CX_SNIPPET_CJK_NGRAM))
}

/// A page of results from `Enquire.matchSet`, indexed from 0.
///
/// Keeps its `Enquire` (and so the database) alive.
/// Wraps [`Xapian::MSet`](https://xapian.org/docs/apidoc/html/classXapian_1_1MSet.html).
public final class MatchSet: RandomAccessCollection {
    let handle: OpaquePointer
    /// The search session that produced this page.
    public let enquire: Enquire

    /// One result.
    public struct Hit {
        /// The document's id.
        public let id: DocumentID
        /// Its position in the whole result list, from 0 (`offset` + index in the page).
        public let rank: Int
        /// Its relevance weight.
        public let weight: Double
        /// Its weight as a percentage of the best possible.
        public let percent: Int
        /// A lower bound on the documents collapsed into this one (0 without a collapse key).
        public let collapseCount: Int
        private let matchSet: MatchSet
        private let index: Int

        init(_ item: cx_mset_item, matchSet: MatchSet, index: Int) {
            id = item.docid
            rank = Int(item.rank)
            weight = item.weight
            percent = Int(item.percent)
            collapseCount = Int(item.collapse_count)
            self.matchSet = matchSet
            self.index = index
        }

        /// Reads the document.
        ///
        /// - Throws: `XapianError` (`.databaseModified`, `.documentNotFound`).
        ///
        /// Wraps `Xapian::MSetIterator::get_document`.
        public func document() throws -> Document {
            let doc = try checkHandle { cx_mset_get_document(matchSet.handle, index, $0, $1) }
            return Document(handle: doc, owner: matchSet)
        }
    }

    /// Hits in this page.
    public let count: Int
    /// The rank of the first hit (the `offset` asked for).
    public let offset: Int
    /// Xapian's estimate of the total number of matches.
    public let estimatedTotal: Int
    /// A lower bound on the total number of matches.
    public let lowerBound: Int
    /// An upper bound on the total number of matches.
    public let upperBound: Int
    /// The same three counts before collapsing (equal to the above without a collapse key).
    public let uncollapsedEstimatedTotal: Int
    public let uncollapsedLowerBound: Int
    public let uncollapsedUpperBound: Int

    init(handle: OpaquePointer, enquire: Enquire) {
        self.handle = handle
        self.enquire = enquire
        var counts = cx_mset_counts()
        mustSucceed { try check { cx_mset_get_counts(handle, &counts, $0) } }
        count = Int(counts.size)
        offset = Int(counts.firstitem)
        estimatedTotal = Int(counts.estimated)
        lowerBound = Int(counts.lower_bound)
        upperBound = Int(counts.upper_bound)
        uncollapsedEstimatedTotal = Int(counts.uncollapsed_estimated)
        uncollapsedLowerBound = Int(counts.uncollapsed_lower_bound)
        uncollapsedUpperBound = Int(counts.uncollapsed_upper_bound)
    }

    deinit {
        cx_mset_free(handle)
    }

    /// Whether the total number of matches is known exactly.
    public var isExact: Bool { lowerBound == upperBound }

    public var startIndex: Int { 0 }
    public var endIndex: Int { count }

    /// Hit `i` of this page (0 ..< count); out of range traps.
    ///
    /// Wraps `Xapian::MSet::operator[]`.
    public subscript(i: Int) -> Hit {
        precondition(i >= 0 && i < count, "MatchSet index \(i) out of range 0..<\(count)")
        var item = cx_mset_item()
        mustSucceed { try check { cx_mset_get_item(handle, i, &item, $0) } }
        return Hit(item, matchSet: self, index: i)
    }

    /// A fragment of `text` of about `length` characters that best matches the query, with
    /// matching terms wrapped in `highlightStart`/`highlightEnd` and gaps marked by `omit`.
    ///
    /// `stemmer` should be the one used for indexing.
    /// - Throws: `XapianError` (Xapian reads term statistics from the database to choose the
    ///   fragment: `.databaseCorrupt`, `.network`, …).
    ///
    /// Wraps `Xapian::MSet::snippet`.
    public func snippet(
        _ text: String, length: Int = 200, stemmer: Stem? = nil, flags: SnippetFlags = [.exhaustive],
        highlightStart: String = "<b>", highlightEnd: String = "</b>", omit: String = "..."
    ) throws -> String {
        let bytes = try withBytes(text) { t, tn in
            try withBytes(highlightStart) { hs, hsn in
                try withBytes(highlightEnd) { he, hen in
                    try withBytes(omit) { o, on in
                        try checkBytes {
                            cx_mset_snippet(handle, t, tn, Swift.max(length, 0), stemmer?.handle, flags.rawValue,
                                            hs, hsn, he, hen, o, on, $0, $1, $2)
                        }
                    }
                }
            }
        }
        return String(xapianBytes: bytes)
    }
}
