// Facet counts: how often each value of a slot occurs among the matching documents.
internal import CXapian

/// Counts the values in one slot over the documents a match looks at.
///
/// Attach it with `Enquire.add(_:)` before `matchSet`; read it afterwards.
/// Wraps [`Xapian::ValueCountMatchSpy`](https://xapian.org/docs/apidoc/html/classXapian_1_1ValueCountMatchSpy.html).
public final class ValueCountMatchSpy {
    let handle: OpaquePointer

    /// A spy counting the values in `slot`.
    ///
    /// Wraps `Xapian::ValueCountMatchSpy(slot)`.
    public init(slot: ValueSlot) {
        handle = mustSucceed { try checkHandle { cx_valuecount_spy_new(slot, $0, $1) } }
    }

    deinit {
        cx_valuecount_spy_free(handle)
    }

    /// The number of documents seen (at least `checkAtLeast` of the match).
    ///
    /// - Throws: `XapianError` on failure.
    ///
    /// Wraps `Xapian::ValueCountMatchSpy::get_total`.
    public var total: Int {
        get throws {
            var total: UInt64 = 0
            try check { cx_valuecount_spy_total(handle, &total, $0) }
            return Int(total)
        }
    }

    /// The `limit` most frequent values, by count descending, then value ascending.
    ///
    /// - Throws: `XapianError` on failure.
    ///
    /// Wraps `Xapian::ValueCountMatchSpy::top_values_begin`.
    public func topValues(limit: Int) throws -> [(value: String, count: Int)] {
        guard limit > 0 else { return [] }
        let entries = try checkTermList { cx_valuecount_spy_top_values(handle, limit, $0, $1) }
        // Xapian's order for ties is unspecified; make it deterministic.
        return entries
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.bytes.lexicographicallyPrecedes($1.bytes) }
            .map { (value: String(xapianBytes: $0.bytes), count: $0.count) }
    }

    /// Every value seen, in byte order, with its count.
    ///
    /// - Throws: `XapianError` on failure.
    ///
    /// Wraps `Xapian::ValueCountMatchSpy::values_begin`.
    public func values() throws -> [(value: String, count: Int)] {
        try checkTermList { cx_valuecount_spy_values(handle, $0, $1) }
            .map { (value: String(xapianBytes: $0.bytes), count: $0.count) }
    }
}
