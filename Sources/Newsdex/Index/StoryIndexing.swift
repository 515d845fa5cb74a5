// Story clustering at index time: each article's fingerprint, its story cluster, and the values
// that let later runs find it again as a candidate copy.
//
// Band keys are not index terms: 42 unique-ish terms per article made indexing a fifth slower
// (each is a posting list of its own). An incremental run instead reads the stored fingerprints
// back, once, into a table of band keys kept in files (as a first build's own table is), and
// only when it has articles to cluster.
import Foundation
import Synchronization
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
    /// The stories whose founders may need their collapse key at the end of the run
    /// (`StoryKey`), each with whether it must have it: those an article joined, and those whose
    /// founder was indexed again while the index held the story, which may have members from
    /// earlier runs (and must, when one of them has the key: a copy may be in a shard this run
    /// does not see).
    private let keyCandidates = Mutex<[String: Bool]>([:])

    /// - Parameters:
    ///   - existing: the index as it was before this run, where earlier copies are found; nil
    ///     for a fresh build.
    ///   - folder: where the band keys of `existing`'s articles are kept in files, once an
    ///     article asks for them (`removeFiles()` deletes them).
    init(options: StoryOptions, existing: Database?, folder: URL) {
        self.options = options
        var lookup: (@Sendable (StoryFingerprint) -> [StoryMember])?
        indexed = existing.map { IndexedStories(database: $0, options: options, folder: folder) }
        if let stories = indexed {
            lookup = { @Sendable fingerprint in stories.members(sharing: fingerprint) }
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

    /// Deletes the files of the tables kept in files.
    func removeFiles() {
        clusterer.removeFiles()
        indexed?.removeFiles()
    }

    /// The story of `article`.
    /// - Throws: what reading the stored fingerprints of the index threw: an article clustered
    ///   without them could found a story its earlier copies are in; what reading or writing the
    ///   clusterer's files threw (a full disk).
    func assign(_ article: PreparedArticle) throws -> StoryAssignment? {
        guard let fingerprint = article.fingerprint else { return nil }
        let assignment = try clusterer.assign(id: article.article.id, fingerprint: fingerprint)
        if let failure = indexed?.failure { throw failure }
        note(assignment.cluster, of: article.article.id)
        return assignment
    }

    /// Assigns an article that another shard indexes (its cluster is decided, not written): a
    /// founder in this process's shards may need its key for it.
    func assign(_ article: OtherShardArticle) throws {
        let assignment = try clusterer.assign(id: article.id, fingerprint: article.fingerprint)
        if let failure = indexed?.failure { throw failure }
        note(assignment.cluster, of: article.id)
    }

    /// The stories whose founders may need their collapse key now, each with whether it must
    /// have it (`ShardWriters.keyFounders`).
    var storiesToKey: [String: Bool] { keyCandidates.withLock { $0 } }

    private func note(_ cluster: String, of id: String) {
        if StoryKey.isWritten(cluster: cluster, id: id) {
            keyCandidates.withLock { $0[cluster] = true }
            return
        }
        switch indexed?.story(cluster) ?? .absent {
        case .keyed: keyCandidates.withLock { $0[cluster] = true }
        case .withoutKey: keyCandidates.withLock { if $0[cluster] == nil { $0[cluster] = false } }
        case .absent: break
        }
    }
}

/// Finds indexed articles by story band keys, in a table of the band keys of every article of
/// the index, built from their stored fingerprints the first time it is asked and kept in files
/// (FileStoryTable), so that an update of an archive of millions holds none of it in memory; a
/// candidate's fingerprint and story are read from its document. Its one read-only Database is
/// used under a lock, since Xapian objects are not thread-safe and workers ask at once.
private final class IndexedStories: @unchecked Sendable {
    // Safe: the Database and the table are used only under `lock`.
    private let lock = NSLock()
    private let existing: Database
    private let options: StoryOptions
    private let folder: URL
    /// Each indexed article's band keys; a member's cluster code holds its document id in
    /// `existing` (the cluster is read from the document).
    private var table: FileStoryTable?
    /// Why the stored fingerprints could not be read, once they were asked for.
    private var loadFailure: (any Error)?

    /// Entries looked at per band key for the one indexed article that has it: more than one only
    /// because the table keeps 32 bits of each key, and another key may share them.
    private static let entriesPerKey = 4

    init(database: Database, options: StoryOptions, folder: URL) {
        existing = database
        self.options = options
        self.folder = folder
    }

    /// Why reading the stored fingerprints failed, if it did (members then found none).
    var failure: (any Error)? { lock.withLock { loadFailure } }

    /// What the index holds of a story.
    enum IndexedStory {
        case absent
        /// Articles of it, none with the collapse key.
        case withoutKey
        /// An article of it with the collapse key: the story has had two.
        case keyed
    }

    /// What the index holds of the story `cluster`; `.keyed` when it cannot say (a key on an
    /// article alone changes only speed).
    func story(_ cluster: String) -> IndexedStory {
        lock.withLock {
            do {
                let members = try existing.postings(Schema.term(Schema.story, cluster))
                if members.isEmpty { return .absent }
                for docid in members where try !existing.document(docid).value(slot: Slot.story.number).isEmpty {
                    return .keyed
                }
                return .withoutKey
            } catch {
                return .keyed
            }
        }
    }

    /// Deletes the table's files, if it was built.
    func removeFiles() {
        lock.withLock {
            table?.remove()
            table = nil
        }
    }

    /// Indexed articles that share a band key with `fingerprint`: the candidates it may copy. Of
    /// the articles that share one key, the last indexed stands for them (copies share keys, and
    /// any member of a story leads to its cluster).
    func members(sharing fingerprint: StoryFingerprint) -> [StoryMember] {
        lock.lock()
        defer { lock.unlock() }
        guard loadFailure == nil else { return [] }
        do {
            let table = try loaded()
            // Copies share many keys: each document is read once.
            var read: [UInt64: StoryMember?] = [:]
            var found: [UInt64] = []
            for (band, hash) in fingerprint.bandHashes.enumerated() {
                for entry in try table.entries(withBandKey: UInt32(truncatingIfNeeded: hash), limit: Self.entriesPerKey) {
                    let document = try table.member(entry / options.bands).clusterCode
                    if read[document] == nil { read[document] = try member(document) }
                    // The latest whose whole key it is stands for the key.
                    guard read[document]??.fingerprint.bandHashes[band] == hash else { continue }
                    if !found.contains(document) { found.append(document) }
                    break
                }
            }
            return found.compactMap { read[$0] ?? nil }
        } catch {
            loadFailure = error
            table?.remove()
            table = nil
            return []
        }
    }

    /// The article of document `docid`, when it has a fingerprint comparable with new ones.
    private func member(_ docid: UInt64) throws -> StoryMember? {
        let document = try existing.document(DocumentID(docid))
        guard let (id, fingerprint) = try comparableFingerprint(of: document) else { return nil }
        let cluster = try document.stringValue(slot: Slot.story.number)
        return StoryMember(
            id: id, cluster: cluster.isEmpty ? StoryClusterer.clusterID(founder: id) : cluster, fingerprint: fingerprint)
    }

    /// The id and stored fingerprint of an article's document, when the fingerprint was made
    /// with these options (those made with others cannot be compared: that article stays apart).
    private func comparableFingerprint(of document: Document) throws -> (String, StoryFingerprint)? {
        guard let (id, fingerprint) = StoredFingerprint.decode(try document.stringValue(slot: Slot.storyFingerprint.number)),
            fingerprint.shingleSize == options.shingleSize, fingerprint.minHashes.count == options.permutations,
            fingerprint.bands == options.bands, fingerprint.rows == options.rows
        else { return nil }
        return (id, fingerprint)
    }

    private func loaded() throws -> FileStoryTable {
        if let table { return table }
        let articles = try existing.postings(Schema.term(Schema.kind, DocumentKind.article.rawValue))
        let table = try FileStoryTable(
            folder: folder, bands: options.bands, permutations: 0, expected: try existing.documentCount)
        do {
            for docid in articles {
                guard let (id, fingerprint) = try comparableFingerprint(of: try existing.document(docid)),
                    !fingerprint.isEmpty
                else { continue }
                try table.append(
                    id: id, clusterCode: UInt64(docid), sketch: [],
                    bandKeys: fingerprint.bandHashes.map { UInt32(truncatingIfNeeded: $0) }, contentHash: fingerprint.contentHash)
            }
        } catch {
            table.remove()
            throw error
        }
        self.table = table
        return table
    }
}
