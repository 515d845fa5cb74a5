// Sharded generations: which shard an article goes to, how the shards sit on disk, and writing
// to every shard of a generation at once.
//
//   index/XAPIANDB              "auto gen-000004", as for one database
//   index/gen-000004/XAPIANDB   a stub of its own: "auto shard-0", "auto shard-1", …
//   index/gen-000004/shard-0/   a Xapian database: its share of the articles, plus every file
//                               record and the index-wide metadata
//   index/gen-000004/shard-1/   …
//
// Xapian opens a folder holding a XAPIANDB stub as the databases the stub names, and an `auto`
// line opens its target the same way, so the stubs nest: readers still open index/, and switching
// generations is still one rename of index/XAPIANDB. Metadata is read from a combined database's
// first shard only (Xapian::Database::get_metadata), so what readers need of the whole index
// (file records, facet slots, time of indexing) lives in shard 0; the schema version and the
// shard's place (i of N) are in every shard, so each can be checked and served alone.
import Foundation
internal import Xapian

/// Which shard an article, and its captions, belong to.
enum ShardKey {
    /// FNV-1a (64-bit) of the article id's UTF-8 bytes, modulo `count`. Stable across runs,
    /// processes and machines (Swift's `Hasher` is seeded per process), so indexing again puts
    /// an article where it already is.
    static func shard(ofArticle id: String, count: Int) -> Int {
        guard count > 1 else { return 0 }
        return Int(FNV1a.hash(id) % UInt64(count))
    }
}

/// The folders and stub of a sharded generation.
enum ShardLayout {
    static func name(_ index: Int) -> String { "shard-\(index)" }

    /// The databases of a generation: the generation itself when it has one shard.
    static func urls(generation: URL, count: Int) -> [URL] {
        count == 1 ? [generation] : (0..<count).map { generation.appendingPathComponent(name($0)) }
    }

    /// Writes the generation's own stub, naming its shards in order (shard 0 first, as metadata
    /// is read from the first).
    static func writeStub(in generation: URL, count: Int) throws {
        let text = (0..<count).map { "auto \(name($0))\n" }.joined()
        do {
            try Data(text.utf8).write(to: generation.appendingPathComponent("XAPIANDB"), options: .atomic)
        } catch {
            throw IndexError.from(error, index: generation.deletingLastPathComponent().path)
        }
    }

    /// The shard databases an opened generation has; 1 for an index built before shards, and
    /// for one shard built alone (`--shard I/N`), which records the count of the whole.
    /// - Throws: what reading its metadata throws.
    static func count(of database: Database) throws -> Int {
        if try ShardSelection.recorded(in: database) != nil { return 1 }
        return Int(try database.metadata(IndexMetadata.shardCount)).map { max(1, $0) } ?? 1
    }
}

extension ShardLayout {
    /// Checks that each shard of an index directory's current generation opens, is of this
    /// schema, and says it is shard i of `count` where the stub lists it as shard i (file
    /// records and facet slots are read from the first shard, and updates route by position).
    /// Nothing to check for one database, or for a path that is not an index directory.
    /// - Throws: `IndexError` `.schemaMismatch`, `.corrupt`, or what opening a shard throws.
    static func verifyShards(of directory: IndexDirectory, count: Int) throws {
        guard count > 1, let generation = directory.currentGeneration() else { return }
        for (index, url) in urls(generation: directory.generationURL(generation), count: count).enumerated() {
            let shard: Database
            let part = name(index)
            do {
                shard = try Database(path: url.path)
            } catch {
                throw IndexError.from(error, index: directory.url.path, part: part)
            }
            try SchemaCheck.verify(shard, index: directory.url.path, part: part)
            let place: Int?, shardCount: Int
            do {
                place = Int(try shard.metadata(IndexMetadata.shardIndex))
                shardCount = try ShardLayout.count(of: shard)
            } catch {
                throw IndexError.from(error, index: directory.url.path, part: part)
            }
            guard place == index, shardCount == count else {
                throw IndexError(
                    .shardOutOfPlace(expected: index, count: count), index: directory.url.path, part: part)
            }
        }
    }
}

/// The writable databases of one generation (one, or one per shard), shared by indexing threads.
///
/// Each shard is written under its own lock, so threads whose articles go to different shards
/// write in parallel; Xapian databases are not thread-safe, and this class is their one owner.
/// Shard 0 also takes the file records.
final class ShardWriters: @unchecked Sendable {
    // Safe: each shard's database, builder and count are used only under that shard's lock, and
    // the rest is immutable.
    /// One shard, used only under its lock.
    private final class Shard {
        let lock = NSLock()
        let database: WritableDatabase
        let builder: DocumentBuilder
        let url: URL
        /// Documents added since the last commit.
        var pending = 0

        init(database: WritableDatabase, builder: DocumentBuilder, url: URL) {
            self.database = database
            self.builder = builder
            self.url = url
        }
    }

    private let shards: [Shard]
    /// The index directory, as errors name it.
    private let index: String
    /// Documents a shard takes between commits; nil never commits before `close()` (a
    /// transaction, or a generation small enough to hold).
    private let batchSize: Int?

    /// The article ids written, shared by the writers of one run, to find ids given twice.
    let writtenIDs: WrittenIDs

    var count: Int { shards.count }

    init(
        index: String, urls: [URL], mode: WritableDatabase.OpenMode, batchSize: Int?,
        writtenIDs: WrittenIDs = WrittenIDs()
    ) throws {
        var shards: [Shard] = []
        for url in urls {
            do {
                let database = try WritableDatabase(path: url.path, mode: mode)
                shards.append(Shard(database: database, builder: try DocumentBuilder(database: database), url: url))
            } catch {
                throw IndexError.from(error, index: index, part: urls.count > 1 ? url.lastPathComponent : nil)
            }
        }
        self.index = index
        self.shards = shards
        self.batchSize = batchSize
        self.writtenIDs = writtenIDs
    }

    /// Writes an article and its captions to the article's shard; returns the documents written.
    func add(_ article: PreparedArticle, file: String, story: StoryAssignment? = nil) throws -> Int {
        let index = ShardKey.shard(ofArticle: article.article.id, count: shards.count)
        let shard = shards[index]
        shard.lock.lock()
        defer { shard.lock.unlock() }
        return try writing(shard) {
            let documents = try shard.builder.documents(for: article, file: file, story: story)
            for (_, document) in documents { try shard.database.add(document) }
            let id = article.article.id
            writtenIDs.note(id, documentsWithID: try shard.database.termFrequency(Schema.identifierTerm(Schema.uniqueID, id)))
            shard.pending += documents.count
            if let batchSize, shard.pending >= batchSize {
                try shard.database.commit()
                shard.pending = 0
            }
            return documents.count
        }
    }

    /// Stores (or, with "", removes) a file's record, in shard 0.
    func setRecord(path: String, _ value: String) throws {
        try setMetadata(IndexMetadata.fileRecordKey(path: path), value, in: 0)
    }

    /// Stores (or, with "", removes) the fingerprint of a web archive record, in shard 0.
    func setArchiveRecord(path: String, id: String, _ fingerprint: String) throws {
        try setMetadata(IndexMetadata.archiveRecordKey(path: path, id: id), fingerprint, in: 0)
    }

    /// Deletes an article and its captions, from the article's shard.
    func deleteArticle(id: String) throws {
        let shard = shards[ShardKey.shard(ofArticle: id, count: shards.count)]
        try shard.lock.withLock {
            try writing(shard) {
                try shard.database.delete(uniqueTerm: Schema.identifierTerm(Schema.uniqueID, id))
                try shard.database.delete(uniqueTerm: Schema.identifierTerm(Schema.article, id))
            }
        }
    }

    /// Deletes a file's documents: from every shard, since a file of several articles (JSON
    /// Lines) spreads over several.
    func deleteDocuments(ofFileTerm term: String) throws {
        for shard in shards {
            try shard.lock.withLock { try writing(shard) { try shard.database.delete(uniqueTerm: term) } }
        }
    }

    /// The highest slot of each multi-valued facet that any shard used.
    var facetSlotsUsed: FacetSlotUsage {
        shards.reduce(FacetSlotUsage()) { used, shard in shard.lock.withLock { used.union(shard.builder.facetSlotsUsed) } }
    }

    /// Records what a generation says about itself: the schema version and the shard's place in
    /// every shard; the time, the facet slots and the corpus root (relative to the index
    /// directory) in shard 0, where readers of the combined database find them. A shard built
    /// alone (`selection`) records its place in the whole.
    func recordMetadata(slots: FacetSlotUsage, corpusRoot: String, selection: ShardSelection? = nil) throws {
        for index in shards.indices {
            try setMetadata(IndexMetadata.schemaVersion, Schema.version, in: index)
            try setMetadata(IndexMetadata.shardCount, String(selection?.count ?? shards.count), in: index)
            try setMetadata(IndexMetadata.shardIndex, String(selection?.index ?? index), in: index)
            // "" removes the key.
            try setMetadata(IndexMetadata.standaloneShard, selection?.description ?? "", in: index)
        }
        try setMetadata(IndexMetadata.indexedAt, ISO8601DateFormatter().string(from: Date()), in: 0)
        try setMetadata(IndexMetadata.facetSlots, slots.encoded, in: 0)
        try setMetadata(IndexMetadata.corpusRoot, corpusRoot, in: 0)
    }

    /// Starts a transaction; only a generation of one database is updated in place, so only it
    /// takes one (Xapian has no transaction across databases).
    func beginTransaction() throws {
        precondition(shards.count == 1, "transactions cannot span shards")
        let shard = shards[0]
        try shard.lock.withLock { try writing(shard) { try shard.database.beginTransaction() } }
    }

    func commitTransaction() throws {
        let shard = shards[0]
        try shard.lock.withLock { try writing(shard) { try shard.database.commitTransaction() } }
    }

    /// Commits and closes every shard.
    func close() throws {
        for shard in shards {
            try shard.lock.withLock { try writing(shard) { try shard.database.close() } }
        }
    }

    /// Runs `body` on the database of the shard an article goes to, under its lock.
    func inShard<T>(ofArticle id: String, _ body: (WritableDatabase) throws -> T) throws -> T {
        let shard = shards[ShardKey.shard(ofArticle: id, count: shards.count)]
        return try shard.lock.withLock { try writing(shard) { try body(shard.database) } }
    }

    private func setMetadata(_ key: String, _ value: String, in index: Int) throws {
        let shard = shards[index]
        try shard.lock.withLock { try writing(shard) { try shard.database.setMetadata(key, value) } }
    }

    /// Runs `body`, naming the shard (when there are several) in any Xapian error.
    private func writing<T>(_ shard: Shard, _ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            throw IndexError.from(error, index: index, part: shards.count > 1 ? shard.url.lastPathComponent : nil)
        }
    }
}
