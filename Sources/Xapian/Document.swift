// A Xapian document: data, terms (with positions) and values.
internal import CXapian

/// A document to index, or one read back from a database or a match set.
///
/// A document read from a database keeps that database alive. Xapian rejects empty terms, so
/// the term-adding methods ignore an empty term.
/// Wraps [`Xapian::Document`](https://xapian.org/docs/apidoc/html/classXapian_1_1Document.html).
public final class Document {
    let handle: OpaquePointer
    /// The database (or match set) this document was read from, kept alive for lazy reads.
    private let owner: AnyObject?

    init(handle: OpaquePointer, owner: AnyObject?) {
        self.handle = handle
        self.owner = owner
    }

    /// A new, empty document.
    ///
    /// Wraps `Xapian::Document()`.
    public init() {
        handle = mustSucceed { try checkHandle { cx_document_new($0, $1) } }
        owner = nil
    }

    deinit {
        cx_document_free(handle)
    }

    /// The id this document was read with; 0 for a document not read from a database.
    ///
    /// - Throws: `XapianError` on failure.
    ///
    /// Wraps `Xapian::Document::get_docid`.
    public var id: DocumentID {
        get throws {
            var id: DocumentID = 0
            try check { cx_document_get_docid(handle, &id, $0) }
            return id
        }
    }

    /// The document data as UTF-8 text (invalid UTF-8 repaired).
    ///
    /// - Throws: `XapianError` (`.databaseCorrupt` for a damaged docdata table, `.network`,
    ///   `.databaseModified`) for a document read lazily from a database.
    ///
    /// Wraps `Xapian::Document::get_data`.
    public var data: String {
        get throws { String(xapianBytes: try dataBytes) }
    }

    /// The document data as bytes.
    ///
    /// - Throws: `XapianError`, as `data`.
    ///
    /// Wraps `Xapian::Document::get_data`.
    public var dataBytes: [UInt8] {
        get throws { try checkBytes { cx_document_get_data(handle, $0, $1, $2) } }
    }

    /// Sets the document data.
    ///
    /// Wraps `Xapian::Document::set_data`.
    public func setData(_ bytes: [UInt8]) {
        mustSucceed {
            try withBytes(bytes) { d, n in try check { cx_document_set_data(handle, d, n, $0) } }
        }
    }

    /// Sets the document data to the UTF-8 bytes of `text`.
    ///
    /// Wraps `Xapian::Document::set_data`.
    public func setData(_ text: String) {
        setData(Array(text.utf8))
    }

    /// Adds `term` without a position, increasing its wdf by `wdfIncrement`.
    ///
    /// Wraps `Xapian::Document::add_term`.
    public func addTerm(_ term: String, wdfIncrement: Int = 1) {
        guard !term.isEmpty else { return }
        mustSucceed {
            try withBytes(term) { t, n in
                try check { cx_document_add_term(handle, t, n, UInt32(clamping: wdfIncrement), $0) }
            }
        }
    }

    /// Adds `term` with wdf 0, for filtering rather than ranking.
    ///
    /// Wraps `Xapian::Document::add_boolean_term`.
    public func addBooleanTerm(_ term: String) {
        guard !term.isEmpty else { return }
        mustSucceed {
            try withBytes(term) { t, n in try check { cx_document_add_boolean_term(handle, t, n, $0) } }
        }
    }

    /// Adds `term` at `position`, increasing its wdf by `wdfIncrement`.
    ///
    /// Wraps `Xapian::Document::add_posting`.
    public func addPosting(_ term: String, position: UInt32, wdfIncrement: Int = 1) {
        guard !term.isEmpty else { return }
        mustSucceed {
            try withBytes(term) { t, n in
                try check { cx_document_add_posting(handle, t, n, position, UInt32(clamping: wdfIncrement), $0) }
            }
        }
    }

    /// Removes `term` and its positions.
    ///
    /// - Throws: `XapianError` `.invalidArgument` when the document does not contain `term`.
    ///
    /// Wraps `Xapian::Document::remove_term`.
    public func removeTerm(_ term: String) throws {
        try withBytes(term) { t, n in try check { cx_document_remove_term(handle, t, n, $0) } }
    }

    /// Sets value `slot` to `bytes` (empty removes it).
    ///
    /// Wraps `Xapian::Document::add_value`.
    public func setValue(_ bytes: [UInt8], slot: ValueSlot) {
        mustSucceed {
            try withBytes(bytes) { v, n in try check { cx_document_set_value(handle, slot, v, n, $0) } }
        }
    }

    /// Sets value `slot` to the UTF-8 bytes of `string` ("" removes it).
    ///
    /// Wraps `Xapian::Document::add_value`.
    public func setValue(_ string: String, slot: ValueSlot) {
        setValue(Array(string.utf8), slot: slot)
    }

    /// The bytes in value `slot`; empty when unset.
    ///
    /// - Throws: `XapianError` for a document read lazily from a database that fails.
    ///
    /// Wraps `Xapian::Document::get_value`.
    public func value(slot: ValueSlot) throws -> [UInt8] {
        try checkBytes { cx_document_get_value(handle, slot, $0, $1, $2) }
    }

    /// Value `slot` as UTF-8 text (invalid UTF-8 repaired); "" when unset.
    ///
    /// - Throws: `XapianError`, as `value(slot:)`.
    ///
    /// Wraps `Xapian::Document::get_value`.
    public func stringValue(slot: ValueSlot) throws -> String {
        String(xapianBytes: try value(slot: slot))
    }

    /// The document's terms, in byte order.
    ///
    /// - Throws: `XapianError` (`.databaseCorrupt` for a damaged termlist table, …).
    ///
    /// Wraps `Xapian::Document::termlist_begin`.
    public var terms: [String] {
        get throws { try termList().map(\.term) }
    }

    /// The document's terms in byte order, each with its wdf.
    ///
    /// - Throws: `XapianError` (`.databaseCorrupt` for a damaged termlist table, …).
    ///
    /// Wraps `Xapian::Document::termlist_begin` and `TermIterator::get_wdf`.
    public func termList() throws -> [(term: String, wdf: Int)] {
        try checkTermList { cx_document_termlist(handle, $0, $1) }
            .map { (term: String(xapianBytes: $0.bytes), wdf: $0.count) }
    }
}
