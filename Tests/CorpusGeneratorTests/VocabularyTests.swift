import CorpusGenerator
import Testing

@Test func vocabularyHasFiftyThousandDistinctWords() {
    let vocabulary = Vocabulary.standard
    #expect(Set(vocabulary.words).count == vocabulary.words.count)
    #expect(vocabulary.words.count >= 50_000)
    #expect(vocabulary.words.prefix(3) == ["the", "of", "and"])
}

@Test func zipfSamplingFavoursTopRanksButReachesTheTail() {
    let vocabulary = Vocabulary.standard
    var rng = SplitMix64(seed: 99)
    var counts = [Int: Int]()
    let draws = 200_000
    for _ in 0..<draws { counts[vocabulary.sampleRank(&rng), default: 0] += 1 }
    // Zipf with exponent 1: rank 1 about twice rank 2, and a long tail of distinct words.
    let ratio = Double(counts[0] ?? 0) / Double(counts[1] ?? 1)
    #expect(ratio > 1.7 && ratio < 2.3)
    #expect(counts.count > 25_000)
}
