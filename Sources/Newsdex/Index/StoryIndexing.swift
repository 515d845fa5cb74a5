// Story clustering at index time: each article's fingerprint, its story cluster, and the values
// that let later runs find it again as a candidate copy.
//
// Band keys are not index terms: 42 unique-ish terms per article made indexing a fifth slower
// (each is a posting list of its own). An incremental run instead reads the stored fingerprints
// back, once, into an in-memory table of band keys, and only when it has articles to cluster.
import Foundation
internal import Xapian

/// An id whose body is the same, normalized, as another's.
public struct ExactDuplicate: Sendable, Hashable, CustomStringConvertible {
    public var id: String
    public var sameAs: String

    public var description: String { "\(id) has the same text as \(sameAs)" }
}

/// Assigns story clusters during one index run. Thread-safe: workers call `assign` at once, and
/// `StoryClusterer` has its own lock.
final class StoryIndexing: Sendable {
    let options: StoryOptions
    private let clusterer: StoryClusterer
    private let indexed: IndexedStories?

    /// - Parameter existing: the index as it was before this run, where earlier copies are found;
    ///   nil for a fresh build.
    init(options: StoryOptions, existing: Database?) {
        self.options = options
        var lookup: (@Sendable ([String]) -> [StoryMember])?
        indexed = existing.map { IndexedStories(database: $0, options: options) }
        if let stories = indexed {
            lookup = { @Sendable keys in stories.members(sharing: keys) }
        }
        clusterer = StoryClusterer(options: options, lookup: lookup)
    }

    /// For a fresh build: the clusterer's table of the articles assigned so far is kept in files
    /// of `folder` (which it creates), not in memory, sized for `expected` articles;
    /// `removeFiles()` deletes them.
    /// - Throws: `IndexError` when the folder or its files cannot be created.
    init(options: StoryOptions, folder: URL, expected: Int, index: String) throws {
        self.options = options
        indexed = nil
        do {
            clusterer = try StoryClusterer(options: options, folder: folder, expected: expected)
        } catch {
            throw IndexError.from(error, index: index)
        }
    }

    /// Deletes the files of a table kept in files.
    func removeFiles() { clusterer.removeFiles() }

    /// The story of `article`.
    /// - Throws: what reading the stored fingerprints of the index threw: an article clustered
    ///   without them could found a story its earlier copies are in; what reading or writing the
    ///   clusterer's files threw (a full disk).
    func assign(_ article: PreparedArticle) throws -> StoryAssignment? {
        guard let fingerprint = article.fingerprint else { return nil }
        let assignment = try clusterer.assign(id: article.article.id, fingerprint: fingerprint)
        if let failure = indexed?.failure { throw failure }
        return assignment
    }

    /// Assigns an article that another shard indexes (its cluster is decided, not written).
    func assign(_ article: OtherShardArticle) throws {
        _ = try clusterer.assign(id: article.id, fingerprint: article.fingerprint)
        if let failure = indexed?.failure { throw failure }
    }
}

/// Finds indexed articles by story band keys, from a table built from the fingerprints stored in
/// the index the first time it is asked. Its one read-only Database is used under a lock, since
/// Xapian objects are not thread-safe and workers ask at once.
private final class IndexedStories: @unchecked Sendable {
    // Safe: the Database and the table are used only under `lock`.
    private let lock = NSLock()
    private let existing: Database
    private let options: StoryOptions
    private var members: [StoryMember]?
    /// Why the stored fingerprints could not be read, once they were asked for.
    private var loadFailure: (any Error)?
    /// A band key to one indexed article that has it: copies share keys, and any member of a
    /// story leads to its cluster.
    private var byBandKey: [String: Int32] = [:]

    init(database: Database, options: StoryOptions) {
        existing = database
        self.options = options
    }

    /// Why reading the stored fingerprints failed, if it did (members then found none).
    var failure: (any Error)? { lock.withLock { loadFailure } }

    /// Indexed articles that share a band key with a new one: the candidates it may copy.
    func members(sharing keys: [String]) -> [StoryMember] {
        lock.lock()
        defer { lock.unlock() }
        let all: [StoryMember]
        do {
            all = try loaded()
        } catch {
            loadFailure = error
            members = []
            return []
        }
        var seen = Set<Int32>()
        var result: [StoryMember] = []
        for key in keys {
            if let index = byBandKey[key], seen.insert(index).inserted { result.append(all[Int(index)]) }
        }
        return result
    }

    private func loaded() throws -> [StoryMember] {
        if let members { return members }
        var all: [StoryMember] = []
        let articles = try existing.postings(Schema.term(Schema.kind, DocumentKind.article.rawValue))
        for docid in articles {
            let document = try existing.document(docid)
            guard let (id, fingerprint) = StoredFingerprint.decode(try document.stringValue(slot: Slot.storyFingerprint.number)),
                // Fingerprints made with other options cannot be compared: that article stays apart.
                fingerprint.shingleSize == options.shingleSize, fingerprint.minHashes.count == options.permutations,
                fingerprint.bands == options.bands, fingerprint.rows == options.rows
            else { continue }
            let cluster = try document.stringValue(slot: Slot.story.number)
            let index = Int32(all.count)
            all.append(StoryMember(
                id: id, cluster: cluster.isEmpty ? StoryClusterer.clusterID(founder: id) : cluster,
                fingerprint: fingerprint))
            for key in fingerprint.bandKeys { byBandKey[key] = index }
        }
        members = all
        return all
    }
}
