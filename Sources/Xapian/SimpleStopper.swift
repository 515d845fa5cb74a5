// Stopwords: very common words left out of the index and of queries.
internal import CXapian

/// A fixed set of stopwords.
///
/// Wraps [`Xapian::SimpleStopper`](https://xapian.org/docs/apidoc/html/classXapian_1_1SimpleStopper.html).
public final class SimpleStopper {
    let handle: OpaquePointer

    /// A stopper for `words`. An array, not any sequence: a generic sequence from another
    /// module is iterated through a protocol conformance looked up at run time, whose first
    /// lookup scans every conformance record of the binary (a quarter of a million
    /// instructions in a large one).
    ///
    /// The words cross into C in one call, back to back in one buffer: a call per word cost a
    /// thousand instructions each, a sixth of a million for a language's list.
    ///
    /// Wraps `Xapian::SimpleStopper::add`.
    public init(words: [String]) {
        handle = mustSucceed { try checkHandle { cx_stopper_new($0, $1) } }
        var bytes: [UInt8] = []
        var lengths: [Int] = []
        lengths.reserveCapacity(words.count)
        for word in words {
            bytes.append(contentsOf: word.utf8)
            lengths.append(word.utf8.count)
        }
        bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                mustSucceed { try check { cx_stopper_add_all(handle, chars.baseAddress, lengths, lengths.count, $0) } }
            }
        }
    }

    deinit {
        cx_stopper_free(handle)
    }

    /// Whether `word` is a stopword. A lookup in memory: it fails only when memory runs out,
    /// which is treated as the Swift runtime treats allocation failure.
    ///
    /// Wraps `Xapian::SimpleStopper::operator()`.
    public func contains(_ word: String) -> Bool {
        var found: Int32 = 0
        mustSucceed { try withBytes(word) { w, n in try check { cx_stopper_contains(handle, w, n, &found, $0) } } }
        return found != 0
    }

    /// The Snowball project's English stopword list.
    public static var english: SimpleStopper { SimpleStopper(words: englishStopwords) }

    // From snowballstem.org's english/stop.txt.
    private static let englishStopwords: [String] = """
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
        """.split(separator: " ").map(String.init)
}
