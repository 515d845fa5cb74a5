import Foundation
import Testing
@testable import Newsdex

/// An index stand-in: the members the indexer would find by band terms.
private struct IndexedMembers: Sendable {
    var byBand: [String: [StoryMember]] = [:]

    mutating func add(_ member: StoryMember) {
        for key in member.fingerprint.bandKeys { byBand[key, default: []].append(member) }
    }

    func lookup(_ keys: [String]) -> [StoryMember] {
        var seen = Set<String>()
        return keys.flatMap { byBand[$0] ?? [] }.filter { seen.insert($0.id).inserted }
    }
}

private func assignAll(_ articles: [Article], to clusterer: StoryClusterer) -> [String: StoryAssignment] {
    var result: [String: StoryAssignment] = [:]
    for article in articles {
        result[article.id] = clusterer.assign(id: article.id, fingerprint: StoryFingerprint(article: article))
    }
    return result
}

@Test func editedCopiesJoinTheirOriginal() {
    var corpus = StoryCorpus(seed: 1)
    var failures: [String] = []
    var topic = corpus.topic()
    let clusterer = StoryClusterer()
    for s in 0..<200 {
        if s % 20 == 0 { topic = corpus.topic() }
        let original = corpus.article(id: "s\(s)", topic: topic)
        // The hardest drop: the longest paragraph.
        let longest = original.paragraphs.indices.max { original.paragraphs[$0].count < original.paragraphs[$1].count }!
        let copies = [StoryEdits.retitle, .dropParagraph, .changeWords, .swapCaptions,
                      [.retitle, .swapCaptions], [.dropParagraph, .changeWords], .all]
            .enumerated().map { corpus.copy(of: original, id: "s\(s)c\($0)", topic: topic, edits: $1, dropped: longest) }
        let assignments = assignAll([original] + copies, to: clusterer)
        for copy in copies where assignments[copy.id]?.cluster != assignments[original.id]?.cluster {
            failures.append(copy.id)
        }
    }
    #expect(failures.isEmpty, "copies that did not join their original: \(failures)")
}

@Test func differentStoriesOnOneTopicStayApart() {
    var corpus = StoryCorpus(seed: 2)
    let clusterer = StoryClusterer()
    var clusters = Set<String>()
    var worst = 0.0
    for _ in 0..<10 {
        let topic = corpus.topic()
        let stories = (0..<20).map { corpus.article(id: "t\(clusters.count + $0)", topic: topic) }
        let prints = stories.map { StoryFingerprint(article: $0) }
        for i in prints.indices { for j in prints.indices where j > i { worst = max(worst, prints[i].similarity(to: prints[j])) } }
        for story in stories { clusters.insert(clusterer.assign(id: story.id, fingerprint: StoryFingerprint(article: story)).cluster) }
    }
    print("StoryClusterer: highest similarity between different stories on one topic: \(worst)")
    #expect(clusters.count == 200)
    #expect(worst < StoryOptions().threshold)
}

@Test func clusterIdIsDerivedFromTheFounder() {
    var corpus = StoryCorpus(seed: 3)
    let article = corpus.article(id: "afp/2024/talks", topic: corpus.topic())
    let assignment = StoryClusterer().assign(id: article.id, fingerprint: StoryFingerprint(article: article))
    #expect(assignment == StoryAssignment(cluster: StoryClusterer.clusterID(founder: "afp/2024/talks")))
    #expect(assignment.cluster.count == 16 && assignment.cluster.allSatisfy(\.isHexDigit))
}

@Test func laterCopyJoinsAndLookupKeepsStoredClusters() {
    var corpus = StoryCorpus(seed: 4)
    let topic = corpus.topic()
    let original = corpus.article(id: "orig", topic: topic)
    let first = corpus.copy(of: original, id: "copy1", topic: topic, edits: [.retitle, .changeWords])
    let later = corpus.copy(of: original, id: "copy2", topic: topic, edits: [.dropParagraph, .swapCaptions])
    let other = corpus.article(id: "other", topic: topic)

    // First indexing run.
    let run1 = StoryClusterer()
    let assigned = assignAll([first, original, other], to: run1)
    #expect(assigned["orig"]?.cluster == assigned["copy1"]?.cluster)
    #expect(assigned["other"]?.cluster != assigned["orig"]?.cluster)
    #expect(run1.assign(id: later.id, fingerprint: StoryFingerprint(article: later)).cluster == assigned["copy1"]?.cluster)

    // A later run sees the first one's articles only through the index.
    var index = IndexedMembers()
    for article in [first, original, other] {
        index.add(StoryMember(id: article.id, cluster: assigned[article.id]!.cluster,
                              fingerprint: StoryFingerprint(encoded: StoryFingerprint(article: article).encoded)!))
    }
    let snapshot = index
    let run2 = StoryClusterer(lookup: { snapshot.lookup($0) })
    #expect(run2.assign(id: later.id, fingerprint: StoryFingerprint(article: later)).cluster == assigned["copy1"]?.cluster)
    // Re-indexing a known article keeps its stored cluster.
    #expect(run2.assign(id: "other", fingerprint: StoryFingerprint(article: other)).cluster == assigned["other"]?.cluster)
}

@Test func removingTheFounderLeavesTheClusterTogether() {
    var corpus = StoryCorpus(seed: 5)
    let topic = corpus.topic()
    let founder = corpus.article(id: "founder", topic: topic)
    let copies = (0..<3).map { corpus.copy(of: founder, id: "copy\($0)", topic: topic, edits: [.retitle, .changeWords]) }
    let assigned = assignAll([founder] + copies, to: StoryClusterer())
    let cluster = StoryClusterer.clusterID(founder: "founder")
    #expect(copies.allSatisfy { assigned[$0.id]?.cluster == cluster })

    var index = IndexedMembers()  // the founder was deleted from the index
    for copy in copies {
        index.add(StoryMember(id: copy.id, cluster: cluster, fingerprint: StoryFingerprint(article: copy)))
    }
    let snapshot = index
    let newcomer = corpus.copy(of: founder, id: "late", topic: topic, edits: [.dropParagraph, .changeWords])
    let assignment = StoryClusterer(lookup: { snapshot.lookup($0) })
        .assign(id: newcomer.id, fingerprint: StoryFingerprint(article: newcomer))
    #expect(assignment.cluster == cluster)
}

@Test func foreignClusterIdsFromTheIndexAreKept() {
    var corpus = StoryCorpus(seed: 6)
    let topic = corpus.topic()
    let original = corpus.article(id: "o", topic: topic)
    let copy = corpus.copy(of: original, id: "c", topic: topic, edits: .retitle)
    var index = IndexedMembers()
    index.add(StoryMember(id: "o", cluster: "story-42", fingerprint: StoryFingerprint(article: original)))
    let snapshot = index
    let clusterer = StoryClusterer(lookup: { snapshot.lookup($0) })
    #expect(clusterer.assign(id: "c", fingerprint: StoryFingerprint(article: copy)).cluster == "story-42")
    let third = corpus.copy(of: original, id: "d", topic: topic, edits: .changeWords)
    #expect(StoryClusterer().assign(id: "x", fingerprint: StoryFingerprint(article: third)).cluster != "story-42")
    #expect(clusterer.assign(id: "d", fingerprint: StoryFingerprint(article: third)).cluster == "story-42")
}

@Test func exactDuplicatesAreReported() {
    var corpus = StoryCorpus(seed: 7)
    let topic = corpus.topic()
    let original = corpus.article(id: "b-original", topic: topic)
    var retitled = original
    retitled.id = "c-retitled"
    retitled.title = "Something else entirely"
    var reformatted = original
    reformatted.id = "a-reformatted"
    reformatted.paragraphs = original.paragraphs.map { $0.uppercased() }
    let edited = corpus.copy(of: original, id: "d-edited", topic: topic, edits: .changeWords)

    let clusterer = StoryClusterer()
    let assigned = assignAll([original], to: clusterer)
    let first = clusterer.assign(id: retitled.id, fingerprint: StoryFingerprint(article: retitled))
    #expect(first == StoryAssignment(cluster: assigned["b-original"]!.cluster, exactDuplicateOf: "b-original"))
    #expect(clusterer.assign(id: reformatted.id, fingerprint: StoryFingerprint(article: reformatted)).exactDuplicateOf == "b-original")
    #expect(clusterer.assign(id: edited.id, fingerprint: StoryFingerprint(article: edited)).exactDuplicateOf == nil)

    // From the index: the smallest id among duplicates.
    var index = IndexedMembers()
    for article in [original, reformatted] {
        index.add(StoryMember(id: article.id, cluster: assigned["b-original"]!.cluster, fingerprint: StoryFingerprint(article: article)))
    }
    let snapshot = index
    let later = StoryClusterer(lookup: { snapshot.lookup($0) }).assign(id: retitled.id, fingerprint: StoryFingerprint(article: retitled))
    #expect(later.exactDuplicateOf == "a-reformatted")
    #expect(later.cluster == assigned["b-original"]!.cluster)
}

@Test func emptyBodiesStayAlone() {
    let clusterer = StoryClusterer()
    let empty = StoryFingerprint(paragraphs: [])
    let a = clusterer.assign(id: "a", fingerprint: empty)
    let b = clusterer.assign(id: "b", fingerprint: empty)
    #expect(a.cluster != b.cluster)
    #expect(b.exactDuplicateOf == nil)
}

@Test func sameInputsGiveSameClusters() {
    let archive = StoryArchive(seed: 8, stories: 150)
    let a = assignAll(archive.articles, to: StoryClusterer())
    let b = assignAll(archive.articles, to: StoryClusterer())
    #expect(a == b)
}

@Test func concurrentAssignmentKeepsCopiesTogether() {
    let archive = StoryArchive(seed: 9, stories: 150)
    let prints = archive.articles.map { StoryFingerprint(article: $0) }
    let clusterer = StoryClusterer()
    let results = LockedResults()
    DispatchQueue.concurrentPerform(iterations: archive.articles.count) { i in
        results.set(archive.articles[i].id, clusterer.assign(id: archive.articles[i].id, fingerprint: prints[i]).cluster)
    }
    // Workers interleave differently on every run, so only the quality is fixed, not the ids.
    let scores = pairwiseScores(archive, results.snapshot())
    #expect(clusterer.count == archive.articles.count)
    #expect(scores.precision >= 0.95 && scores.recall >= 0.95, "\(scores)")
}

private final class LockedResults: @unchecked Sendable {
    // Safe: `values` is used only under `lock`.
    private let lock = NSLock()
    private var values: [String: String] = [:]
    func set(_ key: String, _ value: String) { lock.lock(); values[key] = value; lock.unlock() }
    func snapshot() -> [String: String] { lock.lock(); defer { lock.unlock() }; return values }
}

/// Pairwise precision and recall of the clustering against the generated stories.
func pairwiseScores(_ archive: StoryArchive, _ clusters: [String: String]) -> (precision: Double, recall: Double) {
    var truePairs = 0, predictedPairs = 0, correctPairs = 0
    var byCluster: [String: [Int]] = [:], byStory: [Int: Int] = [:]
    for article in archive.articles {
        byCluster[clusters[article.id]!, default: []].append(archive.story[article.id]!)
        byStory[archive.story[article.id]!, default: 0] += 1
    }
    for count in byStory.values { truePairs += count * (count - 1) / 2 }
    for stories in byCluster.values {
        predictedPairs += stories.count * (stories.count - 1) / 2
        var counts: [Int: Int] = [:]
        for s in stories { counts[s, default: 0] += 1 }
        for c in counts.values { correctPairs += c * (c - 1) / 2 }
    }
    return (predictedPairs == 0 ? 1 : Double(correctPairs) / Double(predictedPairs),
            truePairs == 0 ? 1 : Double(correctPairs) / Double(truePairs))
}

@Test func pairwisePrecisionAndRecall() {
    let archive = StoryArchive(seed: 10, stories: 700)
    #expect(archive.articles.count >= 2_000)
    let assigned = assignAll(archive.articles, to: StoryClusterer())
    let scores = pairwiseScores(archive, assigned.mapValues(\.cluster))
    print("StoryClusterer: \(archive.articles.count) articles, \(Set(archive.story.values).count) stories: "
          + "pairwise precision \(scores.precision), recall \(scores.recall)")
    #expect(scores.precision >= 0.95)
    #expect(scores.recall >= 0.95)
}

/// Thousands of copies of one story (identical, or each with one word changed) once made every
/// new copy be compared with every earlier one: a build quadratic in the story's size. The work
/// is now bounded per article, and the copies still form one story.
@Test func manyCopiesOfOneStoryCostWorkLinearInTheirNumber() {
    let body = "The same wire story about troops at the border, run word for word by every outlet that took it from the agency."
    let identical = StoryClusterer()
    var clusters = Set<String>()
    for n in 0..<3_000 {
        clusters.insert(identical.assign(id: "d\(n)", fingerprint: StoryFingerprint(paragraphs: [body])).cluster)
    }
    #expect(clusters.count == 1)
    // Each identical copy is settled by its exact duplicate, without comparing sketches.
    #expect(identical.sketchComparisons == 0)

    let edited = StoryClusterer()
    clusters = []
    for n in 0..<3_000 {
        clusters.insert(edited.assign(id: "e\(n)", fingerprint: StoryFingerprint(paragraphs: [body + " Edition \(n)."])).cluster)
    }
    #expect(clusters.count == 1)
    let options = StoryOptions()
    #expect(edited.sketchComparisons <= 3_000 * options.bands * StoryClusterer.candidatesPerBand)
    // Far below one comparison per pair of copies.
    #expect(edited.sketchComparisons < 3_000 * 2_999 / 2 / 10)
}
