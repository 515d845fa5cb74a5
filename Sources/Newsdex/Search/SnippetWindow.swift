// Where a snippet's text may start (issue 16). Xapian's `MSet::snippet` (1.4, without
// SNIPPET_EXHAUSTIVE) tokenizes and stems the text word by word up to its first match, then a
// window beyond it: for an article whose first match lies deep in the body, that was most of a
// one-shot search's snippet work (860 k instructions a hit). The snippet it returns is decided
// by the text from `length` bytes before the first match on: words before that are not in any
// window it weighs (there is no background model), and a window never begins at the start of
// the text, so its "…" is the same. So the text may start at any word boundary well before the
// first match, and the snippet is the one over the whole text.
//
// Where the first match is, is found without tokenizing: every word the query can match contains
// one of its *probes* as lowercase ASCII, once dots (U.S. is the term "us") and bytes that are not
// ASCII (a curly apostrophe, a soft hyphen) are left out of the text:
// - an unstemmed term: itself, up to its first apostrophe (Xapian reads ’ as ');
// - a stemmed term (Z…) of a text stemmed in English: its stem less the last two letters, since
//   Snowball's English stemmer changes at most the last two letters of what it keeps (checked
//   with Xapian's stemmer over 109,650 words from dictionaries and real news pages in English
//   and ten other languages by Scripts/trials/english_stems.py, no exception);
// - a wildcard, a stem of another language, a term that is not ASCII: none, and the text is read
//   whole, as before.
// The probes are looked for in the text as stored, before its possessives are marked for the
// snippet ("Arafat’s" read as the word "Arafat" and a mark, see Schema.markPossessives): every
// word of the marked text is still there, its letters together, once the apostrophe is left out.
// Two characters lowercase to ASCII (İ to i, the Kelvin sign to k): a text holding one before
// its first probe is read whole. A probe found where no word matches only starts the text earlier than it might.
// A caption without any probe (nor either character) has no word the query matches: it is not
// given to Xapian to mark at all.
internal import Xapian

struct SnippetWindow {
    /// The query's probes: its unstemmed terms' and, when it has stems, theirs; nil when some
    /// term has none, or there are none.
    private let probes: Probes?
    /// Whether the query has stems: its probes then hold only for a text stemmed in English.
    private let hasStems: Bool
    /// Each stem less its last two bytes, as it is (dots and apostrophes kept); nil when some
    /// stem is not ASCII, or the query has a wildcard.
    private let stemParts: [[UInt8]]?

    /// Bytes of text kept before the first probe found, beyond the snippet's own length: a word
    /// is at most 64 bytes (longer ones are not terms), and a window `length` + 1.
    static let margin = 96

    /// The window of snippets for `query`, the query the match set was run with.
    init(query: Query?) {
        guard let query, !query.hasWildcard else {
            (probes, hasStems, stemParts) = (nil, true, nil)
            return
        }
        var unstemmed: [[UInt8]]? = []
        var stems: [[UInt8]]? = []
        var stemParts: [[UInt8]]? = []
        var hasStems = false
        for term in query.terms() {
            var bytes = Array(term.utf8)
            guard let first = bytes.first else { continue }
            if first == UInt8(ascii: "Z") {
                bytes.removeFirst()
                // A stem of a prefixed field (ZS…) never matches a word of the body.
                if let next = bytes.first, Self.isUppercase(next) { continue }
                hasStems = true
                stems = stems.flatMap { list in Self.probe(Array(bytes.dropLast(2))).map { list + [$0] } }
                stemParts = bytes.allSatisfy({ $0 < 0x80 }) ? stemParts.map { $0 + [Array(bytes.dropLast(2))] } : nil
            } else if Self.isUppercase(first) {
                // A prefixed term (a field or a filter) never matches a word of the body.
                continue
            } else {
                unstemmed = unstemmed.flatMap { list in Self.probe(bytes).map { list + [$0] } }
            }
        }
        let all = hasStems ? unstemmed.flatMap { list in stems.map { list + $0 } } : unstemmed
        (self.probes, self.hasStems, self.stemParts) = (all.flatMap { $0.isEmpty ? nil : Probes($0) }, hasStems, stemParts)
    }

    /// The stemmer a snippet of this query needs for a text stemmed in English: one that stems
    /// only the words holding a stem's part (an English stem less two letters is in its word),
    /// since no other word can stem to a term of the query. Xapian's snippet stems every word
    /// it reads that is not a term itself: 3.0 M of the 5.7 M instructions of ten snippets of a
    /// one-shot `search government` (10k bench corpus). Nil when every word must be stemmed.
    func englishStemmer() -> Stem? {
        guard let stemParts else { return nil }
        return try? Stem(language: "english", stemmingOnlyWordsContaining: stemParts)
    }

    /// The byte offset in `text` at which a snippet of `length` bytes may start, its words
    /// stemmed by `stemmer` (a Snowball name, nil for none); 0 when it must read all of it.
    func start(in text: String, stemmer: String?, length: Int) -> Int {
        guard let probes, !hasStems || stemmer == "english" else { return 0 }
        var text = text
        return text.withUTF8 { bytes in
            guard case .at(let first) = probes.first(in: bytes) else { return 0 }
            // After a space at least `length` and the margin before it; and a probe's length
            // more, since a longer probe that ends later may begin earlier.
            var cut = first - length - Self.margin - probes.longest
            while cut > 0 && bytes[cut - 1] != UInt8(ascii: " ") { cut -= 1 }
            return max(cut, 0)
        }
    }

    /// Whether a word of `text`, its words stemmed by `stemmer` (a Snowball name, nil for none),
    /// may match the query: false only when the text holds none of its probes (nor a character
    /// that lowercases to ASCII), so that a snippet of it would mark nothing.
    func mayMatch(_ text: String, stemmer: String?) -> Bool {
        guard let probes, !hasStems || stemmer == "english" else { return true }
        var text = text
        return text.withUTF8 { bytes in
            if case .nowhere = probes.first(in: bytes) { return false }
            return true
        }
    }

    /// A term's probe: lowercase ASCII without dots, up to its first apostrophe; nil when it has
    /// none (not ASCII, or empty).
    private static func probe(_ term: [UInt8]) -> [UInt8]? {
        let kept = term.prefix { $0 != UInt8(ascii: "'") }.filter { $0 != UInt8(ascii: ".") }
        guard !kept.isEmpty, kept.allSatisfy({ $0 < 0x80 }) else { return nil }
        return kept.map(lowercased)
    }

    private static func isUppercase(_ byte: UInt8) -> Bool { byte >= 0x41 && byte <= 0x5A }

    /// An ASCII byte lowercased, as probes are.
    private static func lowercased(_ byte: UInt8) -> UInt8 { isUppercase(byte) ? byte | 0x20 : byte }

    /// Probes, and what looking for them in each text needs, worked out once per search.
    private struct Probes {
        let list: [[UInt8]]
        /// The longest probe's length.
        let longest: Int
        /// The last byte of some probe: only there is a probe compared.
        let endsAProbe: [Bool]

        init(_ list: [[UInt8]]) {
            var endsAProbe = [Bool](repeating: false, count: 128)
            for probe in list { if let last = probe.last { endsAProbe[Int(last)] = true } }
            (self.list, self.longest, self.endsAProbe) = (list, list.map(\.count).max() ?? 0, endsAProbe)
        }

        /// Where a probe is first found in a text.
        enum Found {
            /// At this byte offset.
            case at(Int)
            /// Nowhere.
            case nowhere
            /// Not looked for past a character that lowercases to ASCII (İ: C4 B0, the Kelvin
            /// sign: E2 84 AA), which the probes cannot see.
            case unseen
        }

        /// Where the first probe begins in `text` read as the probes are (ASCII lowercased,
        /// dots and other bytes left out). Reads the text only as far as the first probe, each
        /// byte once, and reads back only from a byte that ends a probe: nothing is copied (a
        /// folded copy of the text and each byte's offset cost 30 instructions a byte).
        func first(in text: UnsafeBufferPointer<UInt8>) -> Found {
            endsAProbe.withUnsafeBufferPointer { endsAProbe in
                var offset = 0
                while offset < text.count {
                    let byte = text[offset]
                    if byte >= 0x80 {
                        if byte == 0xC4 && offset + 1 < text.count && text[offset + 1] == 0xB0 { return .unseen }
                        if byte == 0xE2 && offset + 2 < text.count && text[offset + 1] == 0x84 && text[offset + 2] == 0xAA {
                            return .unseen
                        }
                    } else if byte != UInt8(ascii: ".") {
                        let lower = SnippetWindow.lowercased(byte)
                        // Does a probe end here?
                        if endsAProbe[Int(lower)], let begin = begin(endingAt: offset, with: lower, in: text) {
                            return .at(begin)
                        }
                    }
                    offset += 1
                }
                return .nowhere
            }
        }

        /// Where a probe that ends with `last`, the byte at `end`, begins in `text`; nil when
        /// none does.
        private func begin(endingAt end: Int, with last: UInt8, in text: UnsafeBufferPointer<UInt8>) -> Int? {
            for probe in list where probe.last == last {
                if let begin = Self.begin(of: probe, endingAt: end, in: text) { return begin }
            }
            return nil
        }

        /// Where `probe`, whose last byte is the one at `end`, begins in `text` read as the
        /// probes are; nil when the bytes before are not the rest of it.
        private static func begin(of probe: [UInt8], endingAt end: Int, in text: UnsafeBufferPointer<UInt8>) -> Int? {
            var position = end
            var matched = 1
            while matched < probe.count {
                position -= 1
                guard position >= 0 else { return nil }
                let byte = text[position]
                if byte >= 0x80 || byte == UInt8(ascii: ".") { continue }
                guard SnippetWindow.lowercased(byte) == probe[probe.count - 1 - matched] else { return nil }
                matched += 1
            }
            return position
        }
    }
}
