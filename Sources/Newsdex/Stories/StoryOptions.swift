// The knobs of near-duplicate detection, with defaults tuned for wire copies (see StoryFingerprint).

/// How articles are fingerprinted and when two of them count as copies of one story.
///
/// The defaults keep together copies that were retitled, lost one paragraph out of 4 to 15,
/// had one word in ten changed, or had their captions swapped (captions are not fingerprinted),
/// and any combination of those; they keep apart different stories on one topic that name the
/// same people and places in different sentences. Estimated Jaccard similarity of 3-word shingles
/// is about 0.5–0.75 for such copies (0.35 in the worst case: a long paragraph dropped from a
/// 4-paragraph story *and* one word in ten changed), and below 0.05 for different stories.
public struct StoryOptions: Sendable, Hashable {
    /// Words per shingle. Larger: different stories that share phrases ("the prime minister said")
    /// look less alike, but so do lightly edited copies, since one changed word breaks
    /// `shingleSize` shingles. 3 keeps about 73% of shingles when one word in ten changes.
    public var shingleSize: Int
    /// MinHash values per fingerprint. More: a finer similarity estimate (the standard error is
    /// about sqrt(J(1-J)/permutations), 0.04 at 128) but a larger fingerprint (4 bytes each) and
    /// a slower fingerprint (cost is linear in it). At most 1024.
    public var permutations: Int
    /// LSH bands: each band gives one band key (index term), and two articles become candidates
    /// when any band key is shared. More bands: copies are found more surely, at the price of
    /// more index terms and more memory per article (12 bytes per band in `StoryClusterer`).
    public var bands: Int
    /// MinHash values per band; `bands * rows` must not exceed `permutations`. More rows: fewer
    /// unrelated candidates to check, but fewer edited copies found. With `b` bands of `r` rows,
    /// two articles of similarity `s` are candidates with probability 1 - (1 - s^r)^b: with the
    /// defaults (42 × 3), 0.996 at s = 0.5, 0.84 at 0.35, 0.0003 at 0.02. Two rows (64 × 2) raise
    /// pairwise recall on a generated archive from 0.98 to 0.995, but make about 75 times more
    /// unrelated articles candidates (0.025 at s = 0.02), each to be fetched and compared.
    public var rows: Int
    /// Minimum estimated similarity for a copy to join a story. Higher: fewer different stories
    /// merged, more edited copies left apart. 0.25 lies between copies (≥ 0.35) and different
    /// stories on one topic (≤ 0.05), several standard errors from each.
    public var threshold: Double

    public init(
        shingleSize: Int = 3, permutations: Int = 128, bands: Int = 42, rows: Int = 3,
        threshold: Double = 0.25
    ) {
        precondition(shingleSize >= 1, "shingleSize must be at least 1")
        precondition((1...StoryHashing.maxPermutations).contains(permutations),
                     "permutations must be in 1...\(StoryHashing.maxPermutations)")
        precondition(bands >= 1 && bands <= 255 && rows >= 1 && bands * rows <= permutations,
                     "need 1 <= bands <= 255, rows >= 1 and bands * rows <= permutations")
        self.shingleSize = shingleSize
        self.permutations = permutations
        self.bands = bands
        self.rows = rows
        self.threshold = threshold
    }
}
