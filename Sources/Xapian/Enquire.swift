// Running a query against a database: ordering, collapsing, facets, and the page of results.
internal import CXapian

/// A search session over one database: set a query and options, then ask for a `MatchSet`.
///
/// Keeps its database, and the spies added to it, alive.
/// Wraps [`Xapian::Enquire`](https://xapian.org/docs/apidoc/html/classXapian_1_1Enquire.html).
public final class Enquire {
    let handle: OpaquePointer
    /// The database searched; held so it outlives this session and its match sets.
    public let database: Database
    private var spies: [AnyObject] = []

    /// A session searching `database`, with an empty query.
    ///
    /// Wraps `Xapian::Enquire(database)`.
    public init(database: Database) {
        self.database = database
        handle = mustSucceed { try checkHandle { cx_enquire_new(database.handle, $0, $1) } }
    }

    deinit {
        // Free the enquire before the spies it points to (stored properties are released after).
        cx_enquire_free(handle)
    }

    /// The query to run (default: `Query.matchNothing`).
    ///
    /// Wraps `Xapian::Enquire::set_query`.
    public var query: Query = .matchNothing {
        didSet { mustSucceed { try check { cx_enquire_set_query(handle, query.handle, $0) } } }
    }

    private func sort(_ kind: cx_sort, _ slot: ValueSlot, _ descending: Bool) {
        mustSucceed { try check { cx_enquire_set_sort(handle, kind, slot, descending ? 1 : 0, $0) } }
    }

    /// Orders results by relevance (the default).
    ///
    /// Wraps `Xapian::Enquire::set_sort_by_relevance`.
    public func sortByRelevance() { sort(CX_SORT_RELEVANCE, 0, false) }

    /// Orders results by the value in `slot` (byte-wise), ignoring relevance.
    ///
    /// Wraps `Xapian::Enquire::set_sort_by_value(slot, reverse)`.
    public func sortByValue(_ slot: ValueSlot, descending: Bool = true) { sort(CX_SORT_VALUE, slot, descending) }

    /// Orders results by the value in `slot`, then by relevance among equal values.
    ///
    /// Wraps `Xapian::Enquire::set_sort_by_value_then_relevance`.
    public func sortByValueThenRelevance(_ slot: ValueSlot, descending: Bool = true) {
        sort(CX_SORT_VALUE_THEN_RELEVANCE, slot, descending)
    }

    /// Orders results by relevance, then by the value in `slot` among equal weights.
    ///
    /// Wraps `Xapian::Enquire::set_sort_by_relevance_then_value`.
    public func sortByRelevanceThenValue(_ slot: ValueSlot, descending: Bool = true) {
        sort(CX_SORT_RELEVANCE_THEN_VALUE, slot, descending)
    }

    /// Weighs every match 0, for a match that only counts (its spies see every document, and
    /// no weight is worked out for any).
    ///
    /// Wraps `Xapian::Enquire::set_weighting_scheme` with `Xapian::BoolWeight`.
    public func useBooleanWeighting() {
        mustSucceed { try check { cx_enquire_set_boolean_weighting(handle, $0) } }
    }

    /// Keeps at most `max` results per distinct value in `slot` (nil: no collapsing).
    ///
    /// Wraps `Xapian::Enquire::set_collapse_key`.
    public func setCollapseKey(_ slot: ValueSlot?, max: Int = 1) {
        let key = slot ?? CX_BAD_VALUENO
        mustSucceed { try check { cx_enquire_set_collapse_key(handle, key, UInt32(clamping: max), $0) } }
    }

    /// Attaches `spy`, which then sees every document the match considers; keeps it alive.
    ///
    /// Wraps `Xapian::Enquire::add_matchspy`.
    public func add(_ spy: ValueCountMatchSpy) {
        mustSucceed { try check { cx_enquire_add_matchspy(handle, spy.handle, $0) } }
        spies.append(spy)
    }

    /// Attaches `spy`, which then sees every document the match considers; keeps it alive. It
    /// cannot run on remote shards.
    ///
    /// Wraps `Xapian::Enquire::add_matchspy`.
    public func add(_ spy: MultiValueCountMatchSpy) {
        mustSucceed { try check { cx_enquire_add_multivalue_spy(handle, spy.handle, $0) } }
        spies.append(spy)
    }

    /// Detaches every spy.
    ///
    /// Wraps `Xapian::Enquire::clear_matchspies`.
    public func clearMatchSpies() {
        mustSucceed { try check { cx_enquire_clear_matchspies(handle, $0) } }
        spies.removeAll()
    }

    /// Runs the query and returns results `offset ..< offset + limit`.
    ///
    /// `checkAtLeast` makes Xapian look at that many matches at least, so counts and spies are
    /// exact up to it.
    /// - Throws: `XapianError` `.databaseModified` (reopen the database and retry), or others.
    ///
    /// Wraps `Xapian::Enquire::get_mset(first, maxitems, checkatleast)`.
    public func matchSet(offset: Int = 0, limit: Int, checkAtLeast: Int = 0) throws -> MatchSet {
        let mset = try checkHandle {
            cx_enquire_get_mset(handle, UInt32(clamping: offset), UInt32(clamping: limit),
                                UInt32(clamping: checkAtLeast), $0, $1)
        }
        return MatchSet(handle: mset, enquire: self)
    }
}
