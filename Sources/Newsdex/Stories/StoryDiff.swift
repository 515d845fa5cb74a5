// How one copy of a story differs from another, for `newsdex show`.

/// The edits that turn one copy of a story (`base`) into another (`copy`).
///
/// Headlines, paragraphs and captions are compared after normalisation (case, accents,
/// punctuation and spacing ignored), so re-typesetting is not an edit. Paragraphs equal after
/// normalisation are matched in order (a longest common subsequence); of those left, a removed and
/// an added paragraph that share at least `changedParagraphThreshold` of their words count as one
/// *changed* paragraph (lightly edited: a word swapped, a sentence trimmed) instead of a removal
/// and an addition.
public struct StoryDiff: Sendable, Hashable, Codable {
    /// Word-set Jaccard similarity from which an unmatched pair of paragraphs counts as changed.
    public static let changedParagraphThreshold = 0.5

    public struct Headline: Sendable, Hashable, Codable {
        public var old: String
        public var new: String
    }

    /// A paragraph and its position (from 0) in its own article.
    public struct Paragraph: Sendable, Hashable, Codable {
        public var index: Int
        public var text: String
    }

    /// A paragraph edited between the copies, with the word-set similarity of the two versions.
    public struct ChangedParagraph: Sendable, Hashable, Codable {
        public var old: Paragraph
        public var new: Paragraph
        public var similarity: Double
    }

    /// The headline, when it differs.
    public var headline: Headline?
    /// Paragraphs of `copy` with no counterpart in `base`.
    public var addedParagraphs: [Paragraph]
    /// Paragraphs of `base` with no counterpart in `copy`.
    public var removedParagraphs: [Paragraph]
    /// Paragraphs lightly edited, in `base` order.
    public var changedParagraphs: [ChangedParagraph]
    /// Captions of `copy` not in `base`, and of `base` not in `copy` (text and credit compared).
    public var addedCaptions: [Caption]
    public var removedCaptions: [Caption]

    /// Whether the copies differ in nothing compared.
    public var isEmpty: Bool {
        headline == nil && addedParagraphs.isEmpty && removedParagraphs.isEmpty && changedParagraphs.isEmpty
            && addedCaptions.isEmpty && removedCaptions.isEmpty
    }

    /// Whether the captions differ.
    public var captionsChanged: Bool { !addedCaptions.isEmpty || !removedCaptions.isEmpty }

    public init(from base: Article, to copy: Article) {
        headline = StoryText.normalized(base.title) == StoryText.normalized(copy.title)
            ? nil : Headline(old: base.title, new: copy.title)

        let old = base.paragraphs.map(StoryText.normalized)
        let new = copy.paragraphs.map(StoryText.normalized)
        let matched = Self.longestCommonSubsequence(old, new)
        let removed = old.indices.filter { !matched.old.contains($0) }
        var added = new.indices.filter { !matched.new.contains($0) }

        // Pair leftovers by best word overlap, most similar first, so a lightly edited paragraph
        // is reported once as changed.
        let oldWords = Dictionary(uniqueKeysWithValues: removed.map { ($0, Set(old[$0].split(separator: " "))) })
        let newWords = Dictionary(uniqueKeysWithValues: added.map { ($0, Set(new[$0].split(separator: " "))) })
        var pairs: [(similarity: Double, old: Int, new: Int)] = []
        for i in removed {
            for j in added {
                let a = oldWords[i]!, b = newWords[j]!
                let union = a.union(b).count
                let similarity = union == 0 ? 1 : Double(a.intersection(b).count) / Double(union)
                if similarity >= Self.changedParagraphThreshold { pairs.append((similarity, i, j)) }
            }
        }
        pairs.sort { ($0.similarity, -$0.old, -$0.new) > ($1.similarity, -$1.old, -$1.new) }
        var changed: [ChangedParagraph] = []
        var pairedOld = Set<Int>(), pairedNew = Set<Int>()
        for pair in pairs where !pairedOld.contains(pair.old) && !pairedNew.contains(pair.new) {
            pairedOld.insert(pair.old)
            pairedNew.insert(pair.new)
            changed.append(ChangedParagraph(
                old: Paragraph(index: pair.old, text: base.paragraphs[pair.old]),
                new: Paragraph(index: pair.new, text: copy.paragraphs[pair.new]),
                similarity: pair.similarity))
        }
        added.removeAll { pairedNew.contains($0) }
        changedParagraphs = changed.sorted { $0.old.index < $1.old.index }
        removedParagraphs = removed.filter { !pairedOld.contains($0) }
            .map { Paragraph(index: $0, text: base.paragraphs[$0]) }
        addedParagraphs = added.map { Paragraph(index: $0, text: copy.paragraphs[$0]) }

        func key(_ caption: Caption) -> String {
            StoryText.normalized(caption.text) + "\u{0}" + StoryText.normalized(caption.credit ?? "")
        }
        let oldCaptions = Set(base.captions.map(key)), newCaptions = Set(copy.captions.map(key))
        addedCaptions = copy.captions.filter { !oldCaptions.contains(key($0)) }
        removedCaptions = base.captions.filter { !newCaptions.contains(key($0)) }
    }

    /// The indices of a longest common subsequence of `a` and `b`.
    private static func longestCommonSubsequence(_ a: [String], _ b: [String]) -> (old: Set<Int>, new: Set<Int>) {
        let n = a.count, m = b.count
        var lengths = [[Int]](repeating: [Int](repeating: 0, count: m + 1), count: n + 1)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                lengths[i][j] = a[i] == b[j] ? lengths[i + 1][j + 1] + 1 : max(lengths[i + 1][j], lengths[i][j + 1])
            }
        }
        var old = Set<Int>(), new = Set<Int>()
        var i = 0, j = 0
        while i < n && j < m {
            if a[i] == b[j] {
                old.insert(i)
                new.insert(j)
                i += 1
                j += 1
            } else if lengths[i + 1][j] >= lengths[i][j + 1] {
                i += 1
            } else {
                j += 1
            }
        }
        return (old, new)
    }
}
