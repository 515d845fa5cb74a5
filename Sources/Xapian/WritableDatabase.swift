// A database opened for writing: one writer per database, enforced by Xapian's lock.
internal import CXapian

/// A Xapian database opened for reading and writing.
///
/// Only one writer may hold a database at a time (others get `.databaseLocked`). Not
/// thread-safe: the one owner of a writer serialises all use of it.
/// `deinit` commits pending changes but cannot report failure: call `commit()` or `close()`.
/// Wraps [`Xapian::WritableDatabase`](https://xapian.org/docs/apidoc/html/classXapian_1_1WritableDatabase.html).
public final class WritableDatabase: Database {
    /// How to treat an existing (or missing) database when opening.
    public enum OpenMode: Sendable {
        /// Open it, creating it if missing (`DB_CREATE_OR_OPEN`).
        case createOrOpen
        /// Create it; fail if it exists (`DB_CREATE`).
        case create
        /// Create it, replacing any existing one (`DB_CREATE_OR_OVERWRITE`).
        case createOrOverwrite
        /// Open it; fail if missing (`DB_OPEN`).
        case open
    }

    /// Opens (or creates) the database directory at `path` for writing.
    ///
    /// - Throws: `XapianError` `.databaseLocked` when another writer holds it,
    ///   `.databaseNotFound` (`.open` on a missing path), `.database` (`.create` on an existing
    ///   one), `.databaseOpening`, `.databaseVersion`, `.databaseCorrupt`.
    ///
    /// Wraps `Xapian::WritableDatabase(path, action)`.
    public init(path: String, mode: OpenMode = .createOrOpen) throws {
        let action: cx_open_mode
        switch mode {
        case .createOrOpen: action = CX_OPEN_CREATE_OR_OPEN
        case .create: action = CX_OPEN_CREATE
        case .createOrOverwrite: action = CX_OPEN_CREATE_OR_OVERWRITE
        case .open: action = CX_OPEN_OPEN
        }
        let handle = try withBytes(path) { p, n in
            try checkHandle { cx_writable_database_open(p, n, action, $0, $1) }
        }
        super.init(handle: handle)
    }

    /// Adds `document` and returns its new id.
    ///
    /// - Throws: `XapianError` (e.g. `.invalidArgument` for a term longer than Xapian allows).
    ///
    /// Wraps `Xapian::WritableDatabase::add_document`.
    @discardableResult
    public func add(_ document: Document) throws -> DocumentID {
        var id: DocumentID = 0
        try check { cx_writable_database_add_document(handle, document.handle, &id, $0) }
        return id
    }

    /// Replaces every document indexed by `uniqueTerm` with `document` (adding it if none),
    /// returning its id. `document` should itself contain `uniqueTerm`.
    ///
    /// - Throws: `XapianError` on failure.
    ///
    /// Wraps `Xapian::WritableDatabase::replace_document(unique_term, document)`.
    @discardableResult
    public func replace(uniqueTerm: String, with document: Document) throws -> DocumentID {
        var id: DocumentID = 0
        try withBytes(uniqueTerm) { t, n in
            try check { cx_writable_database_replace_document_by_term(handle, t, n, document.handle, &id, $0) }
        }
        return id
    }

    /// Replaces document `id` with `document`, or adds it under that id.
    ///
    /// - Throws: `XapianError` (`.invalidArgument` for id 0).
    ///
    /// Wraps `Xapian::WritableDatabase::replace_document(did, document)`.
    public func replace(_ id: DocumentID, with document: Document) throws {
        try check { cx_writable_database_replace_document(handle, id, document.handle, $0) }
    }

    /// Deletes every document indexed by `uniqueTerm` (none is not an error).
    ///
    /// - Throws: `XapianError` on failure.
    ///
    /// Wraps `Xapian::WritableDatabase::delete_document(unique_term)`.
    public func delete(uniqueTerm: String) throws {
        try withBytes(uniqueTerm) { t, n in
            try check { cx_writable_database_delete_document_by_term(handle, t, n, $0) }
        }
    }

    /// Deletes document `id`.
    ///
    /// - Throws: `XapianError` `.documentNotFound` when there is no such document.
    ///
    /// Wraps `Xapian::WritableDatabase::delete_document(did)`.
    public func delete(_ id: DocumentID) throws {
        try check { cx_writable_database_delete_document(handle, id, $0) }
    }

    /// Makes pending changes durable and visible to readers.
    ///
    /// - Throws: `XapianError` (e.g. `.database` on an I/O failure).
    ///
    /// Wraps `Xapian::WritableDatabase::commit`.
    public func commit() throws {
        try check { cx_writable_database_commit(handle, $0) }
    }

    /// Starts a transaction: changes until `commitTransaction()` are applied atomically.
    ///
    /// `flushed` commits pending changes first and at the end (Xapian's default).
    /// - Throws: `XapianError` `.invalidOperation` if a transaction is already open.
    ///
    /// Wraps `Xapian::WritableDatabase::begin_transaction`.
    public func beginTransaction(flushed: Bool = true) throws {
        try check { cx_writable_database_begin_transaction(handle, flushed ? 1 : 0, $0) }
    }

    /// Ends the open transaction, keeping its changes.
    ///
    /// - Throws: `XapianError` `.invalidOperation` if none is open.
    ///
    /// Wraps `Xapian::WritableDatabase::commit_transaction`.
    public func commitTransaction() throws {
        try check { cx_writable_database_commit_transaction(handle, $0) }
    }

    /// Ends the open transaction, discarding its changes.
    ///
    /// - Throws: `XapianError` `.invalidOperation` if none is open.
    ///
    /// Wraps `Xapian::WritableDatabase::cancel_transaction`.
    public func cancelTransaction() throws {
        try check { cx_writable_database_cancel_transaction(handle, $0) }
    }

    /// Stores `value` under metadata `key` ("" removes it).
    ///
    /// - Throws: `XapianError` `.invalidArgument` for an empty key.
    ///
    /// Wraps `Xapian::WritableDatabase::set_metadata`.
    public func setMetadata(_ key: String, _ value: String) throws {
        try withBytes(key) { k, kn in
            try withBytes(value) { v, vn in
                try check { cx_writable_database_set_metadata(handle, k, kn, v, vn, $0) }
            }
        }
    }

    /// Adds `word` to the spelling dictionary used by `spellingSuggestion(for:)`.
    ///
    /// - Throws: `XapianError` on failure.
    ///
    /// Wraps `Xapian::WritableDatabase::add_spelling`.
    public func addSpelling(_ word: String, frequencyIncrement: Int = 1) throws {
        try withBytes(word) { w, n in
            try check { cx_writable_database_add_spelling(handle, w, n, UInt32(clamping: frequencyIncrement), $0) }
        }
    }
}
