import Foundation
import Testing
@testable import Newsdex

/// An index stand-in: the members the indexer would find by band hashes.
private struct IndexedMembers: Sendable {
    /// Members by band and the band's hash.
    var byBand: [[UInt64: [StoryMember]]] = []

    mutating func add(_ member: StoryMember) {
        for (band, hash) in member.fingerprint.bandHashes.enumerated() {
            while byBand.count <= band { byBand.append([:]) }
            byBand[band][hash, default: []].append(member)
        }
    }

    func lookup(_ fingerprint: StoryFingerprint) -> [StoryMember] {
        var seen = Set<String>()
        return fingerprint.bandHashes.enumerated().flatMap { band, hash in band < byBand.count ? byBand[band][hash] ?? [] : [] }
            .filter { seen.insert($0.id).inserted }
    }
}

private func assignAll(_ articles: [Article], to clusterer: StoryClusterer) throws -> [String: StoryAssignment] {
    var result: [String: StoryAssignment] = [:]
    for article in articles {
        result[article.id] = try clusterer.assign(id: article.id, fingerprint: StoryFingerprint(article: article))
    }
    return result
}

@Test func editedCopiesJoinTheirOriginal() throws {
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
        let assignments = try assignAll([original] + copies, to: clusterer)
        for copy in copies where assignments[copy.id]?.cluster != assignments[original.id]?.cluster {
            failures.append(copy.id)
        }
    }
    #expect(failures.isEmpty, "copies that did not join their original: \(failures)")
}

@Test func differentStoriesOnOneTopicStayApart() throws {
    var corpus = StoryCorpus(seed: 2)
    let clusterer = StoryClusterer()
    var clusters = Set<String>()
    var worst = 0.0
    for _ in 0..<10 {
        let topic = corpus.topic()
        let stories = (0..<20).map { corpus.article(id: "t\(clusters.count + $0)", topic: topic) }
        let prints = stories.map { StoryFingerprint(article: $0) }
        for i in prints.indices { for j in prints.indices where j > i { worst = max(worst, prints[i].similarity(to: prints[j])) } }
        for story in stories { clusters.insert(try clusterer.assign(id: story.id, fingerprint: StoryFingerprint(article: story)).cluster) }
    }
    print("StoryClusterer: highest similarity between different stories on one topic: \(worst)")
    #expect(clusters.count == 200)
    #expect(worst < StoryOptions().threshold)
}

@Test func clusterIdIsDerivedFromTheFounder() throws {
    var corpus = StoryCorpus(seed: 3)
    let article = corpus.article(id: "afp/2024/talks", topic: corpus.topic())
    let assignment = try StoryClusterer().assign(id: article.id, fingerprint: StoryFingerprint(article: article))
    #expect(assignment == StoryAssignment(cluster: StoryClusterer.clusterID(founder: "afp/2024/talks")))
    #expect(assignment.cluster.count == 16 && assignment.cluster.allSatisfy(\.isHexDigit))
}

@Test func laterCopyJoinsAndLookupKeepsStoredClusters() throws {
    var corpus = StoryCorpus(seed: 4)
    let topic = corpus.topic()
    let original = corpus.article(id: "orig", topic: topic)
    let first = corpus.copy(of: original, id: "copy1", topic: topic, edits: [.retitle, .changeWords])
    let later = corpus.copy(of: original, id: "copy2", topic: topic, edits: [.dropParagraph, .swapCaptions])
    let other = corpus.article(id: "other", topic: topic)

    // First indexing run.
    let run1 = StoryClusterer()
    let assigned = try assignAll([first, original, other], to: run1)
    #expect(assigned["orig"]?.cluster == assigned["copy1"]?.cluster)
    #expect(assigned["other"]?.cluster != assigned["orig"]?.cluster)
    #expect(try run1.assign(id: later.id, fingerprint: StoryFingerprint(article: later)).cluster == assigned["copy1"]?.cluster)

    // A later run sees the first one's articles only through the index.
    var index = IndexedMembers()
    for article in [first, original, other] {
        index.add(StoryMember(id: article.id, cluster: assigned[article.id]!.cluster,
                              fingerprint: StoryFingerprint(encoded: StoryFingerprint(article: article).encoded)!))
    }
    let snapshot = index
    let run2 = StoryClusterer(lookup: { snapshot.lookup($0) })
    #expect(try run2.assign(id: later.id, fingerprint: StoryFingerprint(article: later)).cluster == assigned["copy1"]?.cluster)
    // Re-indexing a known article keeps its stored cluster.
    #expect(try run2.assign(id: "other", fingerprint: StoryFingerprint(article: other)).cluster == assigned["other"]?.cluster)
}

@Test func removingTheFounderLeavesTheClusterTogether() throws {
    var corpus = StoryCorpus(seed: 5)
    let topic = corpus.topic()
    let founder = corpus.article(id: "founder", topic: topic)
    let copies = (0..<3).map { corpus.copy(of: founder, id: "copy\($0)", topic: topic, edits: [.retitle, .changeWords]) }
    let assigned = try assignAll([founder] + copies, to: StoryClusterer())
    let cluster = StoryClusterer.clusterID(founder: "founder")
    #expect(copies.allSatisfy { assigned[$0.id]?.cluster == cluster })

    var index = IndexedMembers()  // the founder was deleted from the index
    for copy in copies {
        index.add(StoryMember(id: copy.id, cluster: cluster, fingerprint: StoryFingerprint(article: copy)))
    }
    let snapshot = index
    let newcomer = corpus.copy(of: founder, id: "late", topic: topic, edits: [.dropParagraph, .changeWords])
    let assignment = try StoryClusterer(lookup: { snapshot.lookup($0) })
        .assign(id: newcomer.id, fingerprint: StoryFingerprint(article: newcomer))
    #expect(assignment.cluster == cluster)
}

@Test func foreignClusterIdsFromTheIndexAreKept() throws {
    var corpus = StoryCorpus(seed: 6)
    let topic = corpus.topic()
    let original = corpus.article(id: "o", topic: topic)
    let copy = corpus.copy(of: original, id: "c", topic: topic, edits: .retitle)
    var index = IndexedMembers()
    index.add(StoryMember(id: "o", cluster: "story-42", fingerprint: StoryFingerprint(article: original)))
    let snapshot = index
    let clusterer = StoryClusterer(lookup: { snapshot.lookup($0) })
    #expect(try clusterer.assign(id: "c", fingerprint: StoryFingerprint(article: copy)).cluster == "story-42")
    let third = corpus.copy(of: original, id: "d", topic: topic, edits: .changeWords)
    #expect(try StoryClusterer().assign(id: "x", fingerprint: StoryFingerprint(article: third)).cluster != "story-42")
    #expect(try clusterer.assign(id: "d", fingerprint: StoryFingerprint(article: third)).cluster == "story-42")
}

@Test func exactDuplicatesAreReported() throws {
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
    let assigned = try assignAll([original], to: clusterer)
    let first = try clusterer.assign(id: retitled.id, fingerprint: StoryFingerprint(article: retitled))
    #expect(first == StoryAssignment(cluster: assigned["b-original"]!.cluster, exactDuplicateOf: "b-original"))
    #expect(try clusterer.assign(id: reformatted.id, fingerprint: StoryFingerprint(article: reformatted)).exactDuplicateOf == "b-original")
    #expect(try clusterer.assign(id: edited.id, fingerprint: StoryFingerprint(article: edited)).exactDuplicateOf == nil)

    // From the index: the smallest id among duplicates.
    var index = IndexedMembers()
    for article in [original, reformatted] {
        index.add(StoryMember(id: article.id, cluster: assigned["b-original"]!.cluster, fingerprint: StoryFingerprint(article: article)))
    }
    let snapshot = index
    let later = try StoryClusterer(lookup: { snapshot.lookup($0) }).assign(id: retitled.id, fingerprint: StoryFingerprint(article: retitled))
    #expect(later.exactDuplicateOf == "a-reformatted")
    #expect(later.cluster == assigned["b-original"]!.cluster)
}

@Test func emptyBodiesStayAlone() throws {
    let clusterer = StoryClusterer()
    let empty = StoryFingerprint(paragraphs: [])
    let a = try clusterer.assign(id: "a", fingerprint: empty)
    let b = try clusterer.assign(id: "b", fingerprint: empty)
    #expect(a.cluster != b.cluster)
    #expect(b.exactDuplicateOf == nil)
}

@Test func sameInputsGiveSameClusters() throws {
    let archive = StoryArchive(seed: 8, stories: 150)
    let a = try assignAll(archive.articles, to: StoryClusterer())
    let b = try assignAll(archive.articles, to: StoryClusterer())
    #expect(a == b)
}

@Test func concurrentAssignmentKeepsCopiesTogether() throws {
    let archive = StoryArchive(seed: 9, stories: 150)
    let prints = archive.articles.map { StoryFingerprint(article: $0) }
    let clusterer = StoryClusterer()
    let results = LockedResults()
    DispatchQueue.concurrentPerform(iterations: archive.articles.count) { i in
        let assigned = try? clusterer.assign(id: archive.articles[i].id, fingerprint: prints[i])
        results.set(archive.articles[i].id, assigned?.cluster ?? "unassigned \(i)")
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

@Test func pairwisePrecisionAndRecall() throws {
    let archive = StoryArchive(seed: 10, stories: 700)
    #expect(archive.articles.count >= 2_000)
    let assigned = try assignAll(archive.articles, to: StoryClusterer())
    let scores = pairwiseScores(archive, assigned.mapValues(\.cluster))
    print("StoryClusterer: \(archive.articles.count) articles, \(Set(archive.story.values).count) stories: "
          + "pairwise precision \(scores.precision), recall \(scores.recall)")
    #expect(scores.precision >= 0.95)
    #expect(scores.recall >= 0.95)
}

/// Thousands of copies of one story (identical, or each with one word changed) once made every
/// new copy be compared with every earlier one: a build quadratic in the story's size. The work
/// is now bounded per article, and the copies still form one story.
@Test func manyCopiesOfOneStoryCostWorkLinearInTheirNumber() throws {
    let body = "The same wire story about troops at the border, run word for word by every outlet that took it from the agency."
    let identical = StoryClusterer()
    var clusters = Set<String>()
    for n in 0..<3_000 {
        clusters.insert(try identical.assign(id: "d\(n)", fingerprint: StoryFingerprint(paragraphs: [body])).cluster)
    }
    #expect(clusters.count == 1)
    // Each identical copy is settled by its exact duplicate, without comparing sketches.
    #expect(identical.sketchComparisons == 0)

    let edited = StoryClusterer()
    clusters = []
    for n in 0..<3_000 {
        clusters.insert(try edited.assign(id: "e\(n)", fingerprint: StoryFingerprint(paragraphs: [body + " Edition \(n)."])).cluster)
    }
    #expect(clusters.count == 1)
    let options = StoryOptions()
    #expect(edited.sketchComparisons <= 3_000 * options.bands * StoryClusterer.candidatesPerBand)
    // Far below one comparison per pair of copies.
    #expect(edited.sketchComparisons < 3_000 * 2_999 / 2 / 10)
}

// MARK: The table in files

/// An archive of edited copies, with exact copies of some of its articles among them.
private func archiveWithExactCopies(seed: UInt64, stories: Int) -> [Article] {
    let archive = StoryArchive(seed: seed, stories: stories)
    var articles = archive.articles
    for (n, article) in archive.articles.enumerated() where n % 7 == 0 {
        var copy = article
        copy.id = "exact-\(n)"
        articles.insert(copy, at: min(articles.count, n * 2 + 1))
    }
    return articles
}

/// The table in files must give exactly the clusters of the table in memory, with its hash
/// tables sized right or grown many times from the smallest (`expected: 1`).
@Test(arguments: [1, 3_000])
func fileTableGivesTheClustersOfTheMemoryTable(expected: Int) throws {
    let scratch = try TemporaryDirectory()
    let articles = archiveWithExactCopies(seed: 10, stories: 700)
    #expect(articles.count >= 2_000)
    let inMemory = StoryClusterer()
    let inFiles = try StoryClusterer(folder: scratch.path("table"), expected: expected)
    defer { inFiles.removeFiles() }
    let a = try assignAll(articles, to: inMemory)
    let b = try assignAll(articles, to: inFiles)
    #expect(a == b)
    #expect(a.values.contains { $0.exactDuplicateOf != nil })
    #expect(inFiles.count == inMemory.count)
    #expect(inFiles.sketchComparisons == inMemory.sketchComparisons)
}

@Test func fileTableKeepsManyCopiesOfOneStoryTogether() throws {
    let scratch = try TemporaryDirectory()
    let body = "The same wire story about troops at the border, run word for word by every outlet that took it from the agency."
    let clusterer = try StoryClusterer(folder: scratch.path("table"), expected: 10)
    defer { clusterer.removeFiles() }
    var clusters = Set<String>()
    for n in 0..<500 {
        let paragraphs = [n % 2 == 0 ? body : body + " Edition \(n)."]
        clusters.insert(try clusterer.assign(id: "c\(n)", fingerprint: StoryFingerprint(paragraphs: paragraphs)).cluster)
    }
    #expect(clusters == [StoryClusterer.clusterID(founder: "c0")])
    #expect(clusterer.sketchComparisons <= 500 * StoryOptions().bands * StoryClusterer.candidatesPerBand)
}

@Test func fileTableFolderIsRemoved() throws {
    let scratch = try TemporaryDirectory()
    let folder = scratch.path("table")
    let clusterer = try StoryClusterer(folder: folder, expected: 100)
    let archive = StoryArchive(seed: 3, stories: 20)
    _ = try assignAll(archive.articles, to: clusterer)
    #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("members").path))
    clusterer.removeFiles()
    #expect(!FileManager.default.fileExists(atPath: folder.path))
}

@Test func fileTableThatCannotBeCreatedThrowsTheSystemError() throws {
    let scratch = try TemporaryDirectory()
    _ = try scratch.write("not a folder", to: "file")
    #expect(throws: POSIXError.self) {
        _ = try StoryClusterer(folder: scratch.path("file").appendingPathComponent("table"), expected: 10)
    }
}
