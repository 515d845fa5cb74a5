// A read-only Xapian database: one directory, a stub file listing several, a remote server,
// or several combined as one.
internal import CXapian

/// A Xapian document id; 0 is never a valid id.
public typealias DocumentID = UInt32
/// A Xapian value slot number.
public typealias ValueSlot = UInt32

/// A Xapian database opened for reading.
///
/// Not thread-safe (not `Sendable`): give each thread its own `Database`.
/// Wraps [`Xapian::Database`](https://xapian.org/docs/apidoc/html/classXapian_1_1Database.html).
public class Database {
    let handle: OpaquePointer

    init(handle: OpaquePointer) {
        self.handle = handle
    }

    deinit {
        cx_database_free(handle)
    }

    /// Opens the database at `path`, a database directory or a stub file listing several.
    ///
    /// - Throws: `XapianError` `.databaseNotFound` when nothing is there, `.databaseOpening`,
    ///   `.databaseVersion` or `.databaseCorrupt` when it cannot be read.
    ///
    /// Wraps `Xapian::Database(path)`.
    public convenience init(path: String) throws {
        let handle = try withBytes(path) { p, n in try checkHandle { cx_database_open(p, n, $0, $1) } }
        self.init(handle: handle)
    }

    /// Combines several databases so they are searched as one.
    ///
    /// - Throws: `XapianError` if a shard cannot be added.
    ///
    /// Wraps `Xapian::Database()` and `Xapian::Database::add_database`.
    public convenience init(shards: [Database]) throws {
        let handle = try checkHandle { cx_database_new_empty($0, $1) }
        self.init(handle: handle)
        for shard in shards { try add(shard) }
    }

    /// Connects to a remote database served by `xapian-tcpsrv`.
    ///
    /// `timeout` bounds each operation and `connectTimeout` the connection, in seconds (0: none).
    /// Xapian counts in whole milliseconds: a positive timeout shorter than one is rounded up to
    /// one (0 would mean none), and one longer than `UInt32.max` milliseconds (49 days) is that.
    /// - Throws: `XapianError` `.invalidArgument` for a port out of range or a timeout that is
    ///   negative or not a number; `.network` (e.g. connection refused) or `.networkTimeout`.
    ///
    /// Wraps `Xapian::Remote::open(host, port, timeout, connect_timeout)`.
    public static func remote(host: String, port: Int, timeout: Double = 10, connectTimeout: Double = 5)
        throws -> Database
    {
        guard (0...65535).contains(port) else {
            throw XapianError(code: .invalidArgument, message: "port \(port) is out of range")
        }
        let active = try milliseconds(timeout), connect = try milliseconds(connectTimeout)
        let handle = try withBytes(host) { h, n in
            try checkHandle { cx_database_open_remote_tcp(h, n, UInt32(port), active, connect, $0, $1) }
        }
        return Database(handle: handle)
    }

    /// Seconds as Xapian's whole milliseconds, without trapping on any Double.
    static func milliseconds(_ seconds: Double) throws -> UInt32 {
        guard seconds >= 0 else {  // false for NaN too
            throw XapianError(code: .invalidArgument, message: "timeout \(seconds) is not 0 or more seconds")
        }
        if seconds == 0 { return 0 }
        let milliseconds = (seconds * 1000).rounded(.up)
        return milliseconds >= Double(UInt32.max) ? UInt32.max : max(1, UInt32(milliseconds))
    }

    /// Adds `shard` so this database searches it too; `shard` may be released afterwards.
    ///
    /// - Throws: `XapianError` on failure.
    ///
    /// Wraps `Xapian::Database::add_database`.
    public func add(_ shard: Database) throws {
        try check { cx_database_add_database(handle, shard.handle, $0) }
    }

    /// The number of documents.
    ///
    /// - Throws: `XapianError`: `.network` when a remote shard fails, `.database` after
    ///   `close()`, `.databaseCorrupt`.
    ///
    /// Wraps `Xapian::Database::get_doccount`.
    public var documentCount: Int {
        get throws {
            var count: UInt64 = 0
            try check { cx_database_doccount(handle, &count, $0) }
            return Int(count)
        }
    }

    /// The highest document id used, 0 when none.
    ///
    /// - Throws: `XapianError` (as `documentCount`).
    ///
    /// Wraps `Xapian::Database::get_lastdocid`.
    public var lastDocumentID: DocumentID {
        get throws {
            var id: DocumentID = 0
            try check { cx_database_lastdocid(handle, &id, $0) }
            return id
        }
    }

    /// Reads document `id`.
    ///
    /// - Throws: `XapianError` `.documentNotFound`, `.invalidArgument` (id 0), `.databaseModified`.
    ///
    /// Wraps `Xapian::Database::get_document`.
    public func document(_ id: DocumentID) throws -> Document {
        let doc = try checkHandle { cx_database_get_document(handle, id, $0, $1) }
        return Document(handle: doc, owner: self)
    }

    /// The metadata value stored under `key`, "" when unset.
    ///
    /// - Throws: `XapianError` `.invalidArgument` for an empty key.
    ///
    /// Wraps `Xapian::Database::get_metadata`.
    public func metadata(_ key: String) throws -> String {
        let bytes = try withBytes(key) { k, n in
            try checkBytes { cx_database_get_metadata(handle, k, n, $0, $1, $2) }
        }
        return String(xapianBytes: bytes)
    }

    /// The number of documents indexed by `term` (0 when it is absent).
    ///
    /// - Throws: `XapianError` (`.databaseCorrupt`, `.databaseModified`, `.network`, …).
    ///
    /// Wraps `Xapian::Database::get_termfreq`.
    public func termFrequency(_ term: String) throws -> Int {
        var count: UInt64 = 0
        try withBytes(term) { t, n in try check { cx_database_termfreq(handle, t, n, &count, $0) } }
        return Int(count)
    }

    /// The number of documents with a value in `slot`.
    ///
    /// - Throws: `XapianError` (`.databaseCorrupt`, `.databaseModified`, `.network`, …).
    ///
    /// Wraps `Xapian::Database::get_value_freq`.
    public func valueFrequency(slot: ValueSlot) throws -> Int {
        var count: UInt64 = 0
        try check { cx_database_value_freq(handle, slot, &count, $0) }
        return Int(count)
    }

    /// Whether `term` indexes any document.
    ///
    /// - Throws: `XapianError` (`.databaseCorrupt`, `.databaseModified`, `.network`, …).
    ///
    /// Wraps `Xapian::Database::term_exists`.
    public func termExists(_ term: String) throws -> Bool {
        var exists: Int32 = 0
        try withBytes(term) { t, n in try check { cx_database_term_exists(handle, t, n, &exists, $0) } }
        return exists != 0
    }

    /// Every term starting with `prefix`, in byte order, with its term frequency.
    ///
    /// - Throws: `XapianError` (e.g. `.databaseModified`).
    ///
    /// Wraps `Xapian::Database::allterms_begin(prefix)`.
    public func allTerms(prefix: String = "") throws -> [(term: String, frequency: Int)] {
        try withBytes(prefix) { p, n in
            try checkTermList { cx_database_allterms(handle, p, n, $0, $1) }
        }.map { (term: String(xapianBytes: $0.bytes), frequency: $0.count) }
    }

    /// The ids of the documents indexed by `term`, ascending.
    ///
    /// - Throws: `XapianError` (e.g. `.databaseModified`).
    ///
    /// Wraps `Xapian::Database::postlist_begin(term)`.
    public func postings(_ term: String) throws -> [DocumentID] {
        var ids: UnsafeMutablePointer<cx_docid>?
        var count = 0
        try withBytes(term) { t, n in try check { cx_database_postlist(handle, t, n, &ids, &count, $0) } }
        defer { cx_docids_free(ids) }
        guard let ids else { return [] }
        return Array(UnsafeBufferPointer(start: ids, count: count))
    }

    /// The revision this database reads: it increases with each commit.
    ///
    /// - Throws: `XapianError` `.invalidOperation` for several shards or a remote database.
    ///
    /// Wraps `Xapian::Database::get_revision` (experimental in Xapian 1.4).
    public var revision: UInt64 {
        get throws {
            var revision: UInt64 = 0
            try check { cx_database_revision(handle, &revision, $0) }
            return revision
        }
    }

    /// Moves to the latest committed revision; returns whether anything may have changed.
    ///
    /// - Throws: `XapianError` (e.g. `.databaseOpening` if the database has gone).
    ///
    /// Wraps `Xapian::Database::reopen`.
    @discardableResult
    public func reopen() throws -> Bool {
        var changed: Int32 = 0
        try check { cx_database_reopen(handle, &changed, $0) }
        return changed != 0
    }

    /// Closes the database now rather than at `deinit`; later calls throw `.database`.
    ///
    /// For a `WritableDatabase` this commits pending changes (or cancels an open transaction)
    /// and releases the write lock.
    /// - Throws: `XapianError` if committing fails.
    ///
    /// Wraps `Xapian::Database::close`.
    public func close() throws {
        try check { cx_database_close(handle, $0) }
    }

    /// A spelling correction for `word` from the database's spelling data, or nil when none.
    ///
    /// - Throws: `XapianError` (`.databaseCorrupt` for a damaged spelling table, …).
    ///
    /// Wraps `Xapian::Database::get_spelling_suggestion`.
    public func spellingSuggestion(for word: String, maxEditDistance: Int = 2) throws -> String? {
        let bytes = try withBytes(word) { w, n in
            try checkBytes {
                cx_database_spelling_suggestion(handle, w, n, UInt32(clamping: maxEditDistance), $0, $1, $2)
            }
        }
        return bytes.isEmpty ? nil : String(xapianBytes: bytes)
    }

    /// Runs Xapian's own consistency check over the database (or single table file) at `path`:
    /// every block of every table, and that postlists, termlists and document lengths agree, as
    /// `xapian-check` does. It reads the whole database.
    ///
    /// - Returns: the problems found (0 for none) and what the check wrote about them.
    /// - Throws: `XapianError` `.databaseCorrupt` or `.database` when damage stops the check (a
    ///   table cut short), `.databaseNotFound` / `.databaseOpening` when `path` is not a local
    ///   database (a stub of remote shards cannot be checked from here).
    ///
    /// Wraps `Xapian::Database::check(path, 0, out)`.
    public static func checkConsistency(at path: String) throws -> (problems: Int, report: String) {
        var problems = 0
        let report = try withBytes(path) { p, n in
            try checkBytes { cx_database_check(p, n, &problems, $0, $1, $2) }
        }
        return (problems, String(xapianBytes: report))
    }
}
