// Stemming: reducing words to a common root so "running" finds "runs".
internal import CXapian

/// A stemmer for one language (or none).
///
/// Wraps [`Xapian::Stem`](https://xapian.org/docs/apidoc/html/classXapian_1_1Stem.html).
public final class Stem {
    let handle: OpaquePointer

    /// A stemmer for `language`, an English name or ISO 639 code ("english", "en", "french", "none").
    ///
    /// - Throws: `XapianError` `.invalidArgument` for an unknown language.
    ///
    /// Wraps `Xapian::Stem(language)`.
    public init(language: String) throws {
        handle = try withBytes(language) { l, n in try checkHandle { cx_stem_new(l, n, $0, $1) } }
    }

    /// A stemmer for `language` that remembers the stem of each word it has stemmed, up to
    /// `capacity` words (then it starts again): the same stems, for a caller that stems the
    /// same words many times (snippets stem every word they read).
    ///
    /// - Throws: `XapianError` `.invalidArgument` for an unknown language.
    ///
    /// Wraps `Xapian::Stem(StemImplementation *)` with a memoizing implementation around
    /// `Xapian::Stem(language)`.
    public init(language: String, memoizingUpTo capacity: Int) throws {
        handle = try withBytes(language) { l, n in
            try checkHandle { cx_stem_new_memoized(l, n, Swift.max(capacity, 0), $0, $1) }
        }
    }

    /// A stemmer for `language` that stems only the words containing one of `needles` (bytes
    /// compared as they are) and gives any other word back as it is: for a caller that needs
    /// only some stems and knows a part of each, such as a snippet looking for a query's stems.
    ///
    /// - Throws: `XapianError` `.invalidArgument` for an unknown language.
    ///
    /// Wraps `Xapian::Stem(StemImplementation *)` with a filtering implementation around
    /// `Xapian::Stem(language)`.
    public init(language: String, stemmingOnlyWordsContaining needles: [[UInt8]]) throws {
        let joined = needles.flatMap { $0 }
        // A closure, not the key path `\.count`, which the compiler leaves to the runtime to build
        // at its first use (~12 k instructions of a one-shot search, issue 16).
        let lengths = needles.map { $0.count }
        handle = try withBytes(language) { l, n in
            try withBytes(joined) { bytes, _ in
                try lengths.withUnsafeBufferPointer { lengths in
                    try checkHandle { cx_stem_new_filtered(l, n, bytes, lengths.baseAddress, lengths.count, $0, $1) }
                }
            }
        }
    }

    deinit {
        cx_stem_free(handle)
    }

    /// The stem of `word`. Stemming works in memory and fails only when memory runs out, which
    /// is treated as the Swift runtime treats allocation failure.
    ///
    /// Wraps `Xapian::Stem::operator()`.
    public func callAsFunction(_ word: String) -> String {
        String(xapianBytes: mustSucceed {
            try withBytes(word) { w, n in try checkBytes { cx_stem_apply(handle, w, n, $0, $1, $2) } }
        })
    }

    /// A stemmer that leaves words unchanged.
    ///
    /// Wraps `Xapian::Stem("none")`.
    public static var none: Stem { mustSucceed { try Stem(language: "none") } }
}

/// Which words get stemmed, and how stems are indexed or searched.
///
/// Mirrors `Xapian::TermGenerator::stem_strategy` and `Xapian::QueryParser::stem_strategy`.
public enum StemStrategy: Sendable {
    /// No stemming.
    case none
    /// Stem words not starting with a capital, as "Z"-prefixed terms (Xapian's default).
    case some
    /// Stem every word, with no "Z" prefix.
    case all
    /// Stem every word, as "Z"-prefixed terms.
    case allZ
    /// Like `some`, but stemmed terms keep positions too.
    case someFullPositions

    var cValue: cx_stem_strategy {
        switch self {
        case .none: return CX_STEM_NONE
        case .some: return CX_STEM_SOME
        case .all: return CX_STEM_ALL
        case .allZ: return CX_STEM_ALL_Z
        case .someFullPositions: return CX_STEM_SOME_FULL_POS
        }
    }
}
