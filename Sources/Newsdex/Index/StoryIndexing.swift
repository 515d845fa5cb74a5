// Story clustering at index time: each article's fingerprint, its story cluster, and the terms
// and values that let later runs find it again as a candidate copy.
import Foundation
import Xapian

/// An id whose body is the same, normalized, as another's.
public struct ExactDuplicate: Sendable, Hashable, Codable, CustomStringConvertible {
    public var id: String
    public var sameAs: String

    enum CodingKeys: String, CodingKey { case id, sameAs = "same_as" }

    public var description: String { "\(id) has the same text as \(sameAs)" }
}

/// Assigns story clusters during one index run. Thread-safe: workers call `assign` at once, and
/// `StoryClusterer` has its own lock.
final class StoryIndexing: Sendable {
    let options: StoryOptions
    private let clusterer: StoryClusterer

    /// - Parameter existing: the index as it was before this run, where earlier copies are found;
    ///   nil for a fresh build.
    init(options: StoryOptions, existing: Database?) {
        self.options = options
        let lookup = existing.map { IndexedStories(database: $0, options: options) }
        clusterer = StoryClusterer(options: options, lookup: lookup.map { lookup in { lookup.members(sharing: $0) } })
    }

    func assign(_ article: PreparedArticle) -> StoryAssignment? {
        guard let fingerprint = article.fingerprint else { return nil }
        return clusterer.assign(id: article.article.id, fingerprint: fingerprint)
    }
}

/// Finds indexed articles by story band keys. Its one read-only Database is used under a lock,
/// since Xapian objects are not thread-safe and workers ask at once.
private final class IndexedStories: @unchecked Sendable {
    private let lock = NSLock()
    private let existing: Database?
    private let options: StoryOptions

    init(database: Database, options: StoryOptions) {
        existing = database
        self.options = options
    }

    /// Indexed articles that share a band key with a new one: the candidates it may copy.
    func members(sharing keys: [String]) -> [StoryMember] {
        lock.lock()
        defer { lock.unlock() }
        guard let existing, !keys.isEmpty else { return [] }
        let enquire = Enquire(database: existing)
        enquire.query = Query(.or, keys.map { Query(term: Schema.storyBand.prefix + $0) })
        guard let matches = try? enquire.matchSet(limit: 64) else { return [] }
        var members: [StoryMember] = []
        for hit in matches {
            guard let document = try? hit.document(),
                let fingerprint = StoryFingerprint(encoded: document.stringValue(slot: Slot.storyFingerprint.number)),
                // Fingerprints made with other options cannot be compared: that article stays apart.
                fingerprint.shingleSize == options.shingleSize, fingerprint.minHashes.count == options.permutations,
                fingerprint.bands == options.bands, fingerprint.rows == options.rows,
                let stored = try? JSONDecoder().decode(StoredDocument.self, from: Data(document.dataBytes))
            else { continue }
            let cluster = document.stringValue(slot: Slot.story.number)
            members.append(StoryMember(id: stored.id, cluster: cluster.isEmpty ? StoryClusterer.clusterID(founder: stored.id) : cluster, fingerprint: fingerprint))
        }
        return members
    }
}

extension Document {
    /// Adds an article's story: its cluster (term and collapse slot), its band keys and its
    /// fingerprint, so that later copies can find it.
    func addStory(_ assignment: StoryAssignment, fingerprint: StoryFingerprint) {
        addBooleanTerm(Schema.story.prefix + assignment.cluster.lowercased())
        setValue(assignment.cluster, slot: Slot.story.number)
        guard !fingerprint.isEmpty else { return }
        for key in fingerprint.bandKeys { addBooleanTerm(Schema.storyBand.prefix + key) }
        addBooleanTerm(Schema.bodyHash.prefix + fingerprint.contentKey)
        setValue(fingerprint.encoded, slot: Slot.storyFingerprint.number)
    }
}
