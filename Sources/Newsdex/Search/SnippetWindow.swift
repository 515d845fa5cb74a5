// The part of a text a snippet may be made from (issue 16). Xapian's `MSet::snippet` (1.4,
// without SNIPPET_EXHAUSTIVE) tokenizes and stems the text word by word up to its first match,
// then on until it is sure of its window: for an article whose first match lies deep in the
// body, that was most of a one-shot search's snippet work (860 k instructions a hit).
//
// What it returns follows from how it weighs windows of `length` bytes (`SnipPipe`): a window's
// weight changes only where a word of the query enters or leaves it; of windows of equal weight
// it keeps the last; and it stops at the first term ending `length` + 1 past the end of the
// window kept. So:
// - The window kept begins after the last term before the first match, unless the text ends
//   within `length` of that. The text may start at a plain word (one Xapian reads as one term,
//   as it is written) shortly before the first match, when another ends between `length` + 1
//   past it and `length` + 1 past the term before the match: by then Xapian's window over the
//   text from there has moved past its first word, as over the whole text. Where no plain word
//   will do, it starts at a word boundary `length` and a margin before the first match: words
//   before that are in no window of any weight (there is no background model), and a window
//   never begins at the start of the text, so its "…" is the same.
// - After the last match, windows only lose weight as matches leave, and none is kept once the
//   last one has left; Xapian stops a window later. Where no match follows the last one found
//   before a term ends twice `length` + 1 past it, the text may end at the first plain word
//   ending `length` + 1 past it: the same window is kept, with the same "…" after it, provided
//   a match is in the part at all, which its snippet shows (one that marks nothing is made
//   again from the rest of the text).
// Either way the snippet is the one over the whole text, word for word.
//
// Where matches may be is found without tokenizing: every word the query can match contains one
// of its *probes* as lowercase ASCII, once dots (U.S. is the term "us") and bytes that are not
// ASCII (a curly apostrophe, a soft hyphen) are left out of the text:
// - an unstemmed term: itself, up to its first apostrophe (Xapian reads ’ as ');
// - a stemmed term (Z…) of a text stemmed in English: its stem less the last two letters, since
//   Snowball's English stemmer changes at most the last two letters of what it keeps (checked
//   with Xapian's stemmer over 109,650 words from dictionaries and real news pages in English
//   and ten other languages by Scripts/trials/english_stems.py, no exception);
// - a wildcard, a stem of another language, a term that is not ASCII: none, and the text is read
//   whole, as before.
// A probe found in a plain word is a match only if the word is a term of the query or stems to
// one (a stem's part, "lea" of "learn", is in "release" and "leaders"): such words are passed
// over, elsewhere a probe is taken for a match.
// The probes are looked for in the text as stored, before its possessives are marked for the
// snippet ("Arafat’s" read as the word "Arafat" and a mark, see Schema.markPossessives): every
// word of the marked text is still there, its letters together, once the apostrophe is left out.
// Two characters lowercase to ASCII (İ to i, the Kelvin sign to k): a text holding one before
// its first probe is read whole, and one after it, to its end. A probe found where no word
// matches only makes the part longer than it might be.
// A caption without any probe (nor either character) has no word the query matches: it is not
// given to Xapian to mark at all.
internal import Xapian

struct SnippetWindow {
    /// The query's probes: its unstemmed terms' and, when it has stems, theirs; nil when some
    /// term has none, or there are none.
    private let probes: Probes?
    /// Whether the query has stems: its probes then hold only for a text stemmed in English.
    private let hasStems: Bool
    /// The query's terms a word of the body may be as it is (no prefix, not stems), and its
    /// stems of the body (without their Z): a plain word (see `plainWord(in:of:)`) that is
    /// none of the first and stems to none of the second matches nothing, whatever probe it holds.
    private let words: [[UInt8]]
    private let stems: Set<String>
    /// Whether the query has no term a word of the body may be (its words are all in fields,
    /// `title:election`): then no text matches.
    private let matchesNoText: Bool
    /// Each stem less its last two bytes: a word of ASCII letters and digits begins with it if
    /// it stems to it (checked with Xapian's stemmer over 159,864 such words from dictionaries
    /// and real news by Scripts/trials/english_stems.py, no exception).
    private let stemParts: [[UInt8]]

    /// The stemmer a snippet of this query needs for a text stemmed in English: one that stems
    /// only the words holding a stem's part (an English stem less two letters is in its word),
    /// since no other word can stem to a term of the query. Xapian's snippet stems every word
    /// it reads that is not a term itself: 3.0 M of the 5.7 M instructions of ten snippets of a
    /// one-shot `search government` (10k bench corpus). Nil when every word must be stemmed.
    let englishStemmer: Stem?

    /// Bytes of text kept before the first probe found, beyond the snippet's own length: a word
    /// is at most 64 bytes (longer ones are not terms), and a window `length` + 1.
    static let margin = 96

    /// The window of snippets for `query`, the query the match set was run with.
    init(query: Query?) {
        guard let query, !query.hasWildcard else {
            (probes, hasStems, words, stems, stemParts, englishStemmer) = (nil, true, [], [], [], nil)
            matchesNoText = false
            return
        }
        var unstemmed: [[UInt8]]? = []
        var stemProbes: [[UInt8]]? = []
        var stemParts: [[UInt8]]? = []
        var hasStems = false
        var (words, stems) = ([[UInt8]](), Set<String>())
        for term in query.terms() {
            var bytes = Array(term.utf8)
            guard let first = bytes.first else { continue }
            if first == UInt8(ascii: "Z") {
                bytes.removeFirst()
                // A stem of a prefixed field (ZS…) never matches a word of the body.
                if let next = bytes.first, Self.isUppercase(next) { continue }
                hasStems = true
                stems.insert(String(decoding: bytes, as: UTF8.self))
                stemProbes = stemProbes.flatMap { list in Self.probe(Array(bytes.dropLast(2))).map { list + [$0] } }
                stemParts = bytes.allSatisfy({ $0 < 0x80 }) ? stemParts.map { $0 + [Array(bytes.dropLast(2))] } : nil
            } else if Self.isUppercase(first) {
                // A prefixed term (a field or a filter) never matches a word of the body.
                continue
            } else {
                words.append(bytes)
                unstemmed = unstemmed.flatMap { list in Self.probe(bytes).map { list + [$0] } }
            }
        }
        let all = hasStems ? unstemmed.flatMap { list in stemProbes.map { list + $0 } } : unstemmed
        (self.probes, self.hasStems) = (all.flatMap { $0.isEmpty ? nil : Probes($0) }, hasStems)
        (self.words, self.stems, self.stemParts) = (words, stems, stemParts ?? [])
        matchesNoText = words.isEmpty && stems.isEmpty
        englishStemmer = stemParts.flatMap { try? Stem(language: "english", stemmingOnlyWordsContaining: $0) }
    }

    /// The snippet `make` gives of `text` (Xapian's, its matches marked `<b>`), made from only the
    /// part of it this window allows (see `part(in:stemmer:length:)`), possessives marked (see
    /// `Schema.markPossessives`): the snippet of the whole text. Nil when nothing in `text`
    /// matches, which Xapian is not asked where no word may (it would give the text's last
    /// lines, having read it all). A part cut short after the first probe holds the last match
    /// Xapian weighs if it holds a match at all; but a probe may be found in words that do not
    /// match, so a snippet of it that marks nothing is made again from the rest.
    func snippet(of text: String, stemmer: String?, length: Int, _ make: (String) throws -> String) rethrows -> String? {
        guard let part = part(in: text, stemmer: stemmer, length: length) else { return nil }
        let snippet = try make(Schema.markPossessives(text, in: part))
        if Self.marks(snippet) { return snippet }
        guard part.upperBound < text.utf8.count else { return nil }
        let again = try make(Schema.markPossessives(text, in: part.lowerBound..<text.utf8.count))
        return Self.marks(again) ? again : nil
    }

    /// Whether Xapian's snippet marks a match (it escapes the text's own `<`). Byte by byte:
    /// the standard library's generic `firstRange(of:)` took 400 k instructions a snippet.
    private static func marks(_ snippet: String) -> Bool {
        var snippet = snippet
        return snippet.withUTF8 { bytes in
            bytes.count >= 3 && (0...(bytes.count - 3)).contains { i in
                bytes[i] == UInt8(ascii: "<") && bytes[i + 1] == UInt8(ascii: "b") && bytes[i + 2] == UInt8(ascii: ">")
            }
        }
    }

    /// The part of `text` (byte offsets) a snippet of `length` bytes may be made from, its
    /// words stemmed by `stemmer` (a Snowball name, nil for none): all of it when it must read
    /// all of it; nil when no word of it may match. It begins shortly before the first match
    /// and ends after the last match that Xapian weighs, at word boundaries.
    func part(in text: String, stemmer: String?, length: Int) -> Range<Int>? {
        guard !matchesNoText else { return nil }
        var text = text
        return text.withUTF8 { bytes in
            guard let probes, !hasStems || stemmer == "english" else { return 0..<bytes.count }
            let first: Int
            switch firstPossibleMatch(probes, in: bytes, from: 0, to: bytes.count) {
            case .at(let offset): first = offset
            case .unseen: return 0..<bytes.count
            case .nowhere: return nil
            }
            let end = end(afterMatchAt: first, probes: probes, in: bytes, length: length) ?? bytes.count
            if let start = Self.start(beforeFirstMatchAt: first, in: bytes, length: length) { return start..<end }
            // Else after a space at least `length` and the margin before it; and a probe's
            // length more, since a longer probe that ends later may begin earlier.
            var cut = first - length - Self.margin - probes.longest
            while cut > 0 && bytes[cut - 1] != Self.space { cut -= 1 }
            return max(cut, 0)..<end
        }
    }

    /// Whether a word of `text`, its words stemmed by `stemmer` (a Snowball name, nil for none),
    /// may match the query: false only when the text holds none of its probes but in words that
    /// cannot match (nor a character that lowercases to ASCII), so that a snippet of it would
    /// mark nothing.
    func mayMatch(_ text: String, stemmer: String?) -> Bool {
        guard !matchesNoText else { return false }
        guard let probes, !hasStems || stemmer == "english" else { return true }
        var text = text
        return text.withUTF8 { bytes in
            if case .nowhere = firstPossibleMatch(probes, in: bytes, from: 0, to: bytes.count) { return false }
            return true
        }
    }

    private static let space = UInt8(ascii: " ")

    /// How many words back from the first match a start is looked for.
    private static let wordsLookedBack = 8

    /// Where the text may start, at a plain word shortly before the first match (whose probe
    /// is at `first`); nil when no plain word near it will do.
    ///
    /// Xapian's window (`SnipPipe`) drops its first words while it is longer than `length` + 1,
    /// and keeps the last window of the greatest weight. Over the text from a word W its window
    /// begins at W until a term ends past W + `length` + 1; from then on it is the window over
    /// the whole text. Windows grow heavier, so they are kept, until the first match leaves,
    /// which no term before a term ending past `before` + `length` + 1 makes it do (`before`:
    /// the end of the term before the match, at least that of the plain word before it). So a
    /// term ending between the two makes the window kept the same. A plain word ending there is
    /// such a term; possessives marked for the snippet may lengthen the text after `before`
    /// (an ASCII apostrophe by two bytes), which is allowed for.
    private static func start(beforeFirstMatchAt first: Int, in bytes: UnsafeBufferPointer<UInt8>, length: Int) -> Int? {
        let words = plainWords(before: first, in: bytes)
        guard let nearest = words.first else { return nil }
        let window = length + 1
        let before = nearest.upperBound
        for word in words {
            guard let end = plainWordEnd(after: word.lowerBound + window, upTo: before + window, in: bytes) else {
                continue
            }
            if end + 2 * apostrophes(in: before..<end, of: bytes) <= before + window { return word.lowerBound }
        }
        return nil
    }

    /// Where the text may end, after the last match Xapian weighs (the first one's probe is at
    /// `first`); nil when it must be read to its end.
    ///
    /// Of its windows Xapian keeps the last of the greatest weight, and stops reading at the
    /// first term that ends over `length` + 1 after that window's end. After the last match,
    /// which begins at or before the last probe, windows only lose weight as matches leave, and
    /// none is kept after the match leaves, which is before a term ends `length` + 1 past the
    /// probe: so where no probe that may match follows it before a term ends twice that past
    /// it, Xapian stops over the text from no later than there, and the text up to the first
    /// plain word ending `length` + 1 past the last probe gives the same window, the same "…"
    /// after it, and the same marks, if a match is in it (see `snippet(of:stemmer:length:_:)`).
    /// Possessives marked for the snippet only lengthen the text.
    private func end(afterMatchAt first: Int, probes: Probes, in bytes: UnsafeBufferPointer<UInt8>, length: Int) -> Int? {
        let window = length + 1
        var last = first
        while true {
            guard let stop = Self.plainWordEnd(after: last + 2 * window, upTo: last + 2 * window + 1024, in: bytes) else {
                return nil
            }
            switch firstPossibleMatch(probes, in: bytes, from: last + 1, to: stop) {
            case .at(let next): last = next
            case .unseen: return nil
            case .nowhere: return Self.plainWordEnd(after: last + window, upTo: stop, in: bytes)
            }
        }
    }

    /// Where the first probe that may be a match begins in `bytes[from..<to]`, as an offset in
    /// `bytes`: one found in a plain word that is no term of the query and stems to none is
    /// passed over.
    private func firstPossibleMatch(_ probes: Probes, in bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> Probes.Found {
        var from = from
        while from < to {
            let found = probes.first(in: UnsafeBufferPointer(rebasing: bytes[from..<to]))
            guard case .at(let offset) = found else { return found }
            let at = from + offset
            guard let word = Self.plainWord(around: at, in: bytes), !mayBe(word, in: bytes) else { return .at(at) }
            from = word.upperBound
        }
        return .nowhere
    }

    /// Whether the plain word at `range` may match: it is a term of the query, or (in English)
    /// stems to one of its stems.
    private func mayBe(_ range: Range<Int>, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let word = UnsafeBufferPointer(rebasing: bytes[range])
        /// Whether the word lowercased begins with `prefix` (is it, with `whole`).
        func begins(with prefix: [UInt8], whole: Bool) -> Bool {
            guard whole ? prefix.count == word.count : prefix.count <= word.count else { return false }
            for i in prefix.indices where Self.lowercased(word[i]) != prefix[i] { return false }
            return true
        }
        if words.contains(where: { begins(with: $0, whole: true) }) { return true }
        guard hasStems else { return false }
        guard let englishStemmer else { return true }
        // Stemmed only when it begins with a stem's part (most words a probe is found in do not).
        guard stemParts.contains(where: { begins(with: $0, whole: false) }) else { return false }
        return stems.contains(englishStemmer(String(decoding: word.map(Self.lowercased), as: UTF8.self)))
    }

    /// The plain word the byte at `offset` is in: the bytes around it between spaces, when
    /// they are one (see `plainWord(in:of:)`).
    private static func plainWord(around offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var (begin, end) = (offset, offset)
        while begin > 0 && bytes[begin - 1] != space { begin -= 1 }
        while end < bytes.count && bytes[end] != space { end += 1 }
        return plainWord(in: begin..<end, of: bytes)
    }

    /// The plain words before the word (between spaces) at `offset`, nearest first, at most
    /// `wordsLookedBack` words back.
    private static func plainWords(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> [Range<Int>] {
        var words: [Range<Int>] = []
        var end = offset
        for _ in 0..<wordsLookedBack {
            // Back to the space before this word, then over the spaces before it.
            while end > 0 && bytes[end - 1] != space { end -= 1 }
            while end > 0 && bytes[end - 1] == space { end -= 1 }
            guard end > 0 else { break }
            var begin = end
            while begin > 0 && bytes[begin - 1] != space { begin -= 1 }
            if let word = plainWord(in: begin..<end, of: bytes) { words.append(word) }
            end = begin
        }
        return words
    }

    /// The end of the first plain word that ends after `offset`; nil when none does by `limit`.
    private static func plainWordEnd(after offset: Int, upTo limit: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        var begin = min(offset + 1, bytes.count)
        while begin > 0 && bytes[begin - 1] != space { begin -= 1 }
        while begin < bytes.count {
            while begin < bytes.count && bytes[begin] == space { begin += 1 }
            var end = begin
            while end < bytes.count && bytes[end] != space { end += 1 }
            if end > limit { return nil }
            if let word = plainWord(in: begin..<end, of: bytes), word.upperBound > offset { return word.upperBound }
            begin = end
        }
        return nil
    }

    /// The plain word `chunk` (bytes between spaces) is, if it is one: 1 to 64 ASCII letters
    /// and digits, alone or before `,`, `;`, `:`, `!`, `?` or `.`, which Xapian reads as one
    /// term, as they are written, ending where they end.
    private static func plainWord(in chunk: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        guard !chunk.isEmpty else { return nil }
        let word = endsAClause(bytes[chunk.upperBound - 1]) ? chunk.lowerBound..<(chunk.upperBound - 1) : chunk
        return isPlain(bytes, word) ? word : nil
    }

    /// How many ASCII apostrophes and modifier-letter apostrophes (U+02BC) are in `range`.
    private static func apostrophes(in range: Range<Int>, of bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for i in range where bytes[i] == UInt8(ascii: "'") || (bytes[i] == 0xCA && i + 1 < bytes.count && bytes[i + 1] == 0xBC) {
            count += 1
        }
        return count
    }

    private static func endsAClause(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: ";") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: "!")
            || byte == UInt8(ascii: "?") || byte == UInt8(ascii: ".")
    }

    /// Whether `range` of `bytes` is 1 to 64 ASCII letters and digits.
    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Bool {
        guard (1...64).contains(range.count) else { return false }
        for i in range {
            let byte = bytes[i]
            let letter = (byte | 0x20) >= UInt8(ascii: "a") && (byte | 0x20) <= UInt8(ascii: "z")
            guard letter || (byte >= UInt8(ascii: "0") && byte <= UInt8(ascii: "9")) else { return false }
        }
        return true
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
        /// What each byte of a text may be, by its value: one that ends some probe (in either
        /// case: only there is a probe compared), the first of a character that lowercases to
        /// ASCII, or neither (so that the scan looks a byte up once).
        private let kinds: [UInt8]
        private static let endsAProbe: UInt8 = 1
        private static let lowercasesToASCII: UInt8 = 2

        init(_ list: [[UInt8]]) {
            var kinds = [UInt8](repeating: 0, count: 256)
            for probe in list {
                guard let last = probe.last else { continue }
                kinds[Int(last)] = Self.endsAProbe
                if last >= UInt8(ascii: "a") && last <= UInt8(ascii: "z") { kinds[Int(last - 0x20)] = Self.endsAProbe }
            }
            // İ (C4 B0) and the Kelvin sign (E2 84 AA).
            (kinds[0xC4], kinds[0xE2]) = (Self.lowercasesToASCII, Self.lowercasesToASCII)
            // `{ $0.count }`, not `\.count`: the runtime builds that key path at its first use,
            // ~27 k instructions of a one-shot search.
            (self.list, self.longest, self.kinds) = (list, list.map { $0.count }.max() ?? 0, kinds)
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
            kinds.withUnsafeBufferPointer { kinds in
                var offset = 0
                while offset < text.count {
                    let byte = text[offset]
                    switch kinds[Int(byte)] {
                    case 0:
                        break
                    case Self.endsAProbe:
                        let lower = SnippetWindow.lowercased(byte)
                        if let begin = begin(endingAt: offset, with: lower, in: text) { return .at(begin) }
                    default:
                        if byte == 0xC4 && offset + 1 < text.count && text[offset + 1] == 0xB0 { return .unseen }
                        if byte == 0xE2 && offset + 2 < text.count && text[offset + 1] == 0x84 && text[offset + 2] == 0xAA {
                            return .unseen
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
