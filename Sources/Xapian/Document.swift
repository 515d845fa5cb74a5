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
    /// Wraps `Xapian::Document::get_docid`.
    public var id: DocumentID {
        var id: DocumentID = 0
        return (try? check { cx_document_get_docid(handle, &id, $0) }) != nil ? id : 0
    }

    /// The document data as UTF-8 text (invalid UTF-8 repaired); "" if it cannot be read.
    ///
    /// Wraps `Xapian::Document::get_data` / `set_data`.
    public var data: String {
        get { String(xapianBytes: dataBytes) }
        set { dataBytes = Array(newValue.utf8) }
    }

    /// The document data as bytes; empty if it cannot be read.
    ///
    /// Wraps `Xapian::Document::get_data` / `set_data`.
    public var dataBytes: [UInt8] {
        get { (try? checkBytes { cx_document_get_data(handle, $0, $1, $2) }) ?? [] }
        set {
            mustSucceed {
                try withBytes(newValue) { d, n in try check { cx_document_set_data(handle, d, n, $0) } }
            }
        }
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

    /// The bytes in value `slot`; empty when unset or unreadable.
    ///
    /// Wraps `Xapian::Document::get_value`.
    public func value(slot: ValueSlot) -> [UInt8] {
        (try? checkBytes { cx_document_get_value(handle, slot, $0, $1, $2) }) ?? []
    }

    /// Value `slot` as UTF-8 text (invalid UTF-8 repaired); "" when unset.
    ///
    /// Wraps `Xapian::Document::get_value`.
    public func stringValue(slot: ValueSlot) -> String {
        String(xapianBytes: value(slot: slot))
    }

    /// The document's terms, in byte order.
    ///
    /// Wraps `Xapian::Document::termlist_begin`.
    public var terms: [String] { termList().map(\.term) }

    /// The document's terms in byte order, each with its wdf; empty if unreadable.
    ///
    /// Wraps `Xapian::Document::termlist_begin` and `TermIterator::get_wdf`.
    public func termList() -> [(term: String, wdf: Int)] {
        let entries = (try? checkTermList { cx_document_termlist(handle, $0, $1) }) ?? []
        return entries.map { (term: String(xapianBytes: $0.bytes), wdf: $0.count) }
    }
}
