// Stopwords: very common words left out of the index and of queries.
internal import CXapian

/// A fixed set of stopwords.
///
/// Answers as [`Xapian::SimpleStopper`](https://xapian.org/docs/apidoc/html/classXapian_1_1SimpleStopper.html)
/// does, from one sorted array of its words rather than SimpleStopper's `std::set`: a query
/// parser's stopper is made afresh for every search of a one-shot process, and a tree node per
/// word was most of its making.
public final class SimpleStopper {
    let handle: OpaquePointer

    /// A stopper for `words`. An array, not any sequence: a generic sequence from another
    /// module is iterated through a protocol conformance looked up at run time, whose first
    /// lookup scans every conformance record of the binary (a quarter of a million
    /// instructions in a large one).
    public init(words: [String]) {
        var bytes: [UInt8] = []
        var lengths: [Int] = []
        lengths.reserveCapacity(words.count)
        for word in words {
            bytes.append(contentsOf: word.utf8)
            lengths.append(word.utf8.count)
        }
        handle = Self.make(bytes: bytes, lengths: lengths)
    }

    /// A stopper for the words of `list`, separated by `separator`, an ASCII character (a
    /// stopword file's spaces or line ends); empty words between separators are skipped.
    /// Reads the list's bytes once, without making a String for each word.
    public init(list: String, separatedBy separator: Unicode.Scalar) {
        precondition(separator.isASCII, "a stopword list's separator is one ASCII character")
        let mark = UInt8(separator.value)
        var list = list
        var bytes: [UInt8] = []
        var lengths: [Int] = []
        list.withUTF8 { text in
            bytes.reserveCapacity(text.count)
            var length = 0
            for byte in text {
                if byte == mark {
                    if length > 0 { lengths.append(length) }
                    length = 0
                } else {
                    bytes.append(byte)
                    length += 1
                }
            }
            if length > 0 { lengths.append(length) }
        }
        handle = Self.make(bytes: bytes, lengths: lengths)
    }

    /// The words cross into C in one call, back to back in one buffer: a call per word cost a
    /// thousand instructions each, a sixth of a million for a language's list.
    private static func make(bytes: [UInt8], lengths: [Int]) -> OpaquePointer {
        mustSucceed {
            try withBytes(bytes) { chars, _ in
                try checkHandle { cx_stopper_new(chars, lengths, lengths.count, $0, $1) }
            }
        }
    }

    deinit {
        cx_stopper_free(handle)
    }

    /// Whether `word` is a stopword. A lookup in memory: it fails only when memory runs out,
    /// which is treated as the Swift runtime treats allocation failure.
    ///
    /// Wraps `Xapian::Stopper::operator()`.
    public func contains(_ word: String) -> Bool {
        var found: Int32 = 0
        mustSucceed { try withBytes(word) { w, n in try check { cx_stopper_contains(handle, w, n, &found, $0) } } }
        return found != 0
    }

    /// The Snowball project's English stopword list.
    public static var english: SimpleStopper { SimpleStopper(list: englishStopwords, separatedBy: " ") }

    // From snowballstem.org's english/stop.txt.
    private static let englishStopwords = """
        i me my myself we our ours ourselves you your yours yourself yourselves he him his himself \
        she her hers herself it its itself they them their theirs themselves what which who whom \
        this that these those am is are was were be been being have has had having do does did \
        doing would should could ought i'm you're he's she's it's we're they're i've you've we've \
        they've i'd you'd he'd she'd we'd they'd i'll you'll he'll she'll we'll they'll isn't \
        aren't wasn't weren't hasn't haven't hadn't doesn't don't didn't won't wouldn't shan't \
        shouldn't can't cannot couldn't mustn't let's that's who's what's here's there's when's \
        where's why's how's a an the and but if or because as until while of at by for with about \
        against between into through during before after above below to from up down in out on \
        off over under again further then once here there when where why how all any both each \
        few more most other some such no nor not only own same so than too very
        """
}
