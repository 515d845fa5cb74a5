import Foundation
import Testing
@testable import Newsdex

private let paragraphs = [
    "The president of France, Emmanuel Macron, said on Tuesday that the talks would resume in Geneva next week.",
    "Officials in Berlin and Warsaw welcomed the announcement, which follows months of stalled negotiations.",
    "Critics said the plan did little to address the concerns of farmers, who have protested for weeks.",
]

@Test func fingerprintIgnoresCasePunctuationAndAccents() {
    let a = StoryFingerprint(paragraphs: paragraphs)
    let b = StoryFingerprint(paragraphs: paragraphs.map {
        $0.uppercased().replacingOccurrences(of: ",", with: " ;").replacingOccurrences(of: "e", with: "é")
    })
    #expect(a == b)
    #expect(a.similarity(to: b) == 1)
}

@Test func fingerprintCoversOnlyTheBody() {
    let base = Article(id: "a", source: "AFP", title: "Talks to resume", paragraphs: paragraphs,
                       captions: [Caption(text: "Macron in Paris", credit: "AFP")])
    var other = base
    other.title = "Macron: talks will resume"
    other.captions = [Caption(text: "Farmers protest", credit: "Reuters")]
    #expect(StoryFingerprint(article: base) == StoryFingerprint(article: other))
}

@Test func differentBodiesHaveDifferentContentHashes() {
    let a = StoryFingerprint(paragraphs: paragraphs)
    let b = StoryFingerprint(paragraphs: Array(paragraphs.dropLast()))
    #expect(a.contentHash != b.contentHash)
    #expect(a.contentKey.count == 17 && a.contentKey.hasPrefix("x"))
}

@Test func bandHashesAre48BitsOnePerBand() {
    let options = StoryOptions()
    let hashes = StoryFingerprint(paragraphs: paragraphs, options: options).bandHashes
    #expect(hashes.count == options.bands)
    #expect(hashes.allSatisfy { $0 >> 48 == 0 })
    #expect(Set(hashes).count == hashes.count)
}

@Test func encodedRoundTrips() {
    let options = StoryOptions(shingleSize: 4, permutations: 64, bands: 16, rows: 4, threshold: 0.3)
    let a = StoryFingerprint(paragraphs: paragraphs, options: options)
    let decoded = StoryFingerprint(encoded: a.encoded)
    #expect(decoded == a)
    #expect(decoded?.bandHashes == a.bandHashes)
    #expect(StoryFingerprint(paragraphs: paragraphs).encoded.count <= 704)
}

@Test func malformedEncodingsAreRejected() {
    let encoded = StoryFingerprint(paragraphs: paragraphs).encoded
    #expect(StoryFingerprint(encoded: "") == nil)
    #expect(StoryFingerprint(encoded: "not base64!") == nil)
    #expect(StoryFingerprint(encoded: String(encoded.dropLast(4))) == nil)
    #expect(StoryFingerprint(encoded: "AAAA" + encoded.dropFirst(4)) == nil)  // unknown version
}

@Test func emptyBodyHasNoBandHashesAndResemblesNothing() {
    let empty = StoryFingerprint(paragraphs: ["", " — "])
    #expect(empty.isEmpty)
    #expect(empty.bandHashes.isEmpty)
    #expect(empty.similarity(to: empty) == 0)
    #expect(StoryFingerprint(encoded: empty.encoded) == empty)
}

@Test func shortBodiesStillFingerprint() {
    let a = StoryFingerprint(paragraphs: ["Breaking"])
    #expect(!a.isEmpty)
    #expect(a.similarity(to: StoryFingerprint(paragraphs: ["BREAKING!"])) == 1)
    #expect(a.similarity(to: StoryFingerprint(paragraphs: ["Update"])) < 0.1)
}

/// The exact Jaccard similarity of two bodies' shingle sets, to check the estimate against.
private func exactJaccard(_ a: [String], _ b: [String], k: Int = 3) -> Double {
    func shingles(_ p: [String]) -> Set<[String]> {
        let words = p.flatMap(StoryText.words)
        return Set((0...(words.count - k)).map { Array(words[$0..<$0 + k]) })
    }
    let x = shingles(a), y = shingles(b)
    return Double(x.intersection(y).count) / Double(x.union(y).count)
}

@Test func similarityEstimatesJaccard() {
    var corpus = StoryCorpus(seed: 7)
    let topic = corpus.topic()
    var worst = 0.0
    for edits in StoryEdits.combinations {
        let original = corpus.article(id: "o", topic: topic)
        let copy = corpus.copy(of: original, id: "c", topic: topic, edits: edits)
        let estimate = StoryFingerprint(article: original).similarity(to: StoryFingerprint(article: copy))
        worst = max(worst, abs(estimate - exactJaccard(original.paragraphs, copy.paragraphs)))
    }
    // Standard error at 128 permutations is at most 0.044.
    #expect(worst < 0.15)
}
