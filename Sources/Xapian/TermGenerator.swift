// Turning free text into terms (and positions) on a document.
internal import CXapian

/// Indexes free text into a `Document`: splits words, lowercases, stems, drops stopwords.
///
/// Holds the stemmer, stopper, document and database it is given, so they live as long as it.
/// Wraps [`Xapian::TermGenerator`](https://xapian.org/docs/apidoc/html/classXapian_1_1TermGenerator.html).
public final class TermGenerator {
    let handle: OpaquePointer

    /// A term generator with no stemmer, no stopper and a new empty document.
    ///
    /// Wraps `Xapian::TermGenerator()`.
    public init() {
        handle = mustSucceed { try checkHandle { cx_termgenerator_new($0, $1) } }
        document = Document()
        mustSucceed { try check { cx_termgenerator_set_document(handle, document.handle, $0) } }
    }

    deinit {
        cx_termgenerator_free(handle)
    }

    /// The stemmer (nil: none).
    ///
    /// Wraps `Xapian::TermGenerator::set_stemmer`.
    public var stemmer: Stem? {
        didSet { mustSucceed { try check { cx_termgenerator_set_stemmer(handle, stemmer?.handle, $0) } } }
    }

    /// The stopper (nil: none).
    ///
    /// Wraps `Xapian::TermGenerator::set_stopper`.
    public var stopper: SimpleStopper? {
        didSet { mustSucceed { try check { cx_termgenerator_set_stopper(handle, stopper?.handle, $0) } } }
    }

    /// Which words are stemmed and how (default `.some`).
    ///
    /// Wraps `Xapian::TermGenerator::set_stemming_strategy`.
    public var stemmingStrategy: StemStrategy = .some {
        didSet {
            mustSucceed { try check { cx_termgenerator_set_stemming_strategy(handle, stemmingStrategy.cValue, $0) } }
        }
    }

    /// The document terms are added to; setting it also resets the term position to 0.
    ///
    /// Wraps `Xapian::TermGenerator::set_document`.
    public var document: Document {
        didSet { mustSucceed { try check { cx_termgenerator_set_document(handle, document.handle, $0) } } }
    }

    /// The database spelling data is added to when `spelling` is on (nil: none).
    ///
    /// Wraps `Xapian::TermGenerator::set_database`.
    public var database: WritableDatabase? {
        didSet { mustSucceed { try check { cx_termgenerator_set_database(handle, database?.handle, $0) } } }
    }

    /// Whether indexed words are added to `database`'s spelling dictionary.
    ///
    /// Wraps `Xapian::TermGenerator::set_flags(FLAG_SPELLING)`.
    public var spelling: Bool = false {
        didSet { setFlags() }
    }

    /// Whether runs of Chinese, Japanese and Korean characters are indexed as character unigrams
    /// and bigrams (text in other scripts is split into words as before). Searches need
    /// `QueryParser.Flags.cjkNgram` to match them.
    ///
    /// Wraps `Xapian::TermGenerator::set_flags(FLAG_CJK_NGRAM)`.
    public var cjkNgrams: Bool = false {
        didSet { setFlags() }
    }

    private func setFlags() {
        let flags = (spelling ? UInt32(CX_TG_FLAG_SPELLING) : 0) | (cjkNgrams ? UInt32(CX_TG_FLAG_CJK_NGRAM) : 0)
        mustSucceed { try check { cx_termgenerator_set_flags(handle, flags, $0) } }
    }

    /// Indexes `text` with positions, each term prefixed by `prefix`.
    ///
    /// Wraps `Xapian::TermGenerator::index_text`.
    public func indexText(_ text: String, wdfIncrement: Int = 1, prefix: String = "") {
        index(text, wdfIncrement: wdfIncrement, prefix: prefix, withPositions: true)
    }

    /// Indexes `text` without positions (no phrase search on it), each term prefixed by `prefix`.
    ///
    /// Wraps `Xapian::TermGenerator::index_text_without_positions`.
    public func indexTextWithoutPositions(_ text: String, wdfIncrement: Int = 1, prefix: String = "") {
        index(text, wdfIncrement: wdfIncrement, prefix: prefix, withPositions: false)
    }

    private func index(_ text: String, wdfIncrement: Int, prefix: String, withPositions: Bool) {
        // Only allocation (or a spelling write to a closed database) can fail here.
        mustSucceed {
            try withBytes(text) { t, tn in
                try withBytes(prefix) { p, pn in
                    try check {
                        cx_termgenerator_index_text(handle, t, tn, UInt32(clamping: wdfIncrement), p, pn,
                                                    withPositions ? 1 : 0, $0)
                    }
                }
            }
        }
    }

    /// Moves the term position on by `delta`, so phrases do not match across the gap.
    ///
    /// Wraps `Xapian::TermGenerator::increase_termpos`.
    public func increaseTermPosition(by delta: UInt32 = 100) {
        mustSucceed { try check { cx_termgenerator_increase_termpos(handle, delta, $0) } }
    }

    /// The current term position.
    ///
    /// Wraps `Xapian::TermGenerator::get_termpos` / `set_termpos`.
    public var termPosition: UInt32 {
        get {
            var position: UInt32 = 0
            mustSucceed { try check { cx_termgenerator_get_termpos(handle, &position, $0) } }
            return position
        }
        set { mustSucceed { try check { cx_termgenerator_set_termpos(handle, newValue, $0) } } }
    }
}
