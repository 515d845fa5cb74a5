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

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

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
    /// Puts the live shard `origin` into a new generation at `url` without copying it: each of
    /// its files is hard-linked (copied where the file system refuses links), but for Xapian's
    /// lock file, which a writer creates when it needs one. The linked files are never opened
    /// for writing again: an update copies a shard before it writes it, and a generation's
    /// folder goes with its links only, so a file stays on disk while any generation names it.
    /// - Throws: what creating the folder, linking or copying throws.
    static func link(_ origin: URL, to url: URL) throws {
        let files = FileManager.default
        try files.createDirectory(at: url, withIntermediateDirectories: false)
        for name in try files.contentsOfDirectory(atPath: origin.path) where name != "flintlock" {
            let source = origin.appendingPathComponent(name), target = url.appendingPathComponent(name)
            if !hardLink(source.path, target.path) {
                try files.copyItem(at: source, to: target)
            }
        }
    }

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
///
/// An update of a sharded generation writes a new generation that copies only the shards it
/// changes (`init(index:updating:into:batchSize:)`): a shard is copied from the live generation
/// on its first write, and one never written is hard-linked there whole at `close()`.
final class ShardWriters: @unchecked Sendable {
    // Safe: each shard's database, builder, reader and count are used only under that shard's
    // lock, and the rest is immutable.
    /// One shard, used only under its lock.
    private final class Shard {
        let lock = NSLock()
        let url: URL
        /// The live shard this one starts as, when it is opened only on its first write; nil when
        /// it was opened (or created) at once.
        let origin: URL?
        /// The database and its builder, once opened.
        var writer: (database: WritableDatabase, builder: DocumentBuilder)?
        /// Where the shard's pictures (caption documents) go when they are kept apart from its
        /// articles, for the part of a full build they are merged after (`FullBuild`).
        var pictures: WritableDatabase?
        /// The live shard, open for reading, to tell whether a deletion would change it.
        var originReader: Database?
        /// Documents added since the last commit.
        var pending = 0

        init(url: URL, origin: URL?) {
            self.url = url
            self.origin = origin
        }

        /// The shard's database, copying the live shard first if this is its first write.
        func database() throws -> WritableDatabase {
            try opened().database
        }

        /// The shard's database and builder, opened on first use; a shard of an update is first
        /// copied from the live one, so that the live one is never written.
        func opened() throws -> (database: WritableDatabase, builder: DocumentBuilder) {
            if let writer { return writer }
            if let origin {
                originReader = nil
                try FileManager.default.copyItem(at: origin, to: url)
            }
            let database = try OwnGenerationWriter.open(path: url.path, mode: .open)
            let opened = (database, try DocumentBuilder(database: database))
            writer = opened
            return opened
        }

        /// Whether the shard, as it is now, holds `term`.
        func holds(_ term: String) throws -> Bool {
            try reader()?.termFrequency(term) ?? 0 > 0
        }

        /// The shard as it is now, to read: its writer, else the live shard it starts as; nil
        /// for neither.
        func reader() throws -> Database? {
            if let writer { return writer.database }
            guard let origin else { return nil }
            let reader = try originReader ?? Database(path: origin.path)
            originReader = reader
            return reader
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

    /// - Parameter picturesApart: where each shard's pictures go, in databases of their own, one
    ///   for each of `urls`; nil: with their articles.
    init(
        index: String, urls: [URL], mode: WritableDatabase.OpenMode, batchSize: Int?,
        writtenIDs: WrittenIDs = WrittenIDs(), picturesApart: [URL]? = nil
    ) throws {
        precondition(picturesApart.map { $0.count == urls.count } ?? true, "one database of pictures for each shard")
        var shards: [Shard] = []
        for (position, url) in urls.enumerated() {
            let shard = Shard(url: url, origin: nil)
            do {
                let database = try OwnGenerationWriter.open(path: url.path, mode: mode)
                shard.writer = (database, try DocumentBuilder(database: database))
                if let picturesApart {
                    shard.pictures = try OwnGenerationWriter.open(path: picturesApart[position].path, mode: mode)
                }
            } catch {
                throw IndexError.from(error, index: index, part: urls.count > 1 ? url.lastPathComponent : nil)
            }
            shards.append(shard)
        }
        self.index = index
        self.shards = shards
        self.batchSize = batchSize
        self.writtenIDs = writtenIDs
    }

    /// Writers of a new generation's shards at `urls` that start as the live generation's
    /// `origins`, in order: nothing is copied until a shard is first written.
    init(index: String, updating origins: [URL], into urls: [URL], batchSize: Int?) {
        precondition(origins.count == urls.count, "one live shard for each new one")
        self.index = index
        self.shards = zip(origins, urls).map { Shard(url: $1, origin: $0) }
        self.batchSize = batchSize
        self.writtenIDs = WrittenIDs()
    }

    /// Writes an article and its captions to the article's shard; returns the documents written.
    func add(_ article: PreparedArticle, file: String, story: StoryAssignment? = nil) throws -> Int {
        let index = ShardKey.shard(ofArticle: article.article.id, count: shards.count)
        let shard = shards[index]
        shard.lock.lock()
        defer { shard.lock.unlock() }
        return try writing(shard) {
            let (database, builder) = try shard.opened()
            let documents = try builder.documents(for: article, file: file, story: story)
            // The article comes first, then its pictures, which go apart when they are kept apart.
            for (position, (_, document)) in documents.enumerated() {
                let destination = position == 0 ? database : shard.pictures ?? database
                try destination.add(document)
            }
            let id = article.article.id
            writtenIDs.note(id, documentsWithID: try database.termFrequency(Schema.identifierTerm(Schema.uniqueID, id)))
            shard.pending += documents.count
            if let batchSize, shard.pending >= batchSize {
                try database.commit()
                try shard.pictures?.commit()
                shard.pending = 0
            }
            return documents.count
        }
    }

    /// Gives the founders of shared stories their collapse key (`StoryKey`): of each story of
    /// `stories` (each with whether it must have it: an article of this run joined it, or an
    /// earlier member had it), the members written without it, when it must or when the story
    /// has two members in these shards. A shard of an update is copied only when one of its
    /// articles takes the key.
    func keyFounders(of stories: [String: Bool]) throws {
        for (cluster, required) in stories {
            let term = Schema.term(Schema.story, cluster)
            var members: [(shard: Shard, ids: [DocumentID])] = []
            for shard in shards {
                let ids = try shard.lock.withLock { try writing(shard) { try shard.reader()?.postings(term) ?? [] } }
                if !ids.isEmpty { members.append((shard, ids)) }
            }
            guard required || members.reduce(0, { $0 + $1.ids.count }) >= 2 else { continue }
            for (shard, ids) in members {
                try shard.lock.withLock {
                    try writing(shard) {
                        for id in ids {
                            let key = try shard.reader()?.document(id).value(slot: Slot.story.number)
                            guard key?.isEmpty ?? false else { continue }
                            let database = try shard.database()
                            let document = try database.document(id)
                            if try document.addCollapseKey(cluster) { try database.replace(id, with: document) }
                        }
                    }
                }
            }
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

    /// Deletes an article and its captions, from the article's shard (which is not copied for
    /// it when it does not hold the article).
    func deleteArticle(id: String) throws {
        let shard = shards[ShardKey.shard(ofArticle: id, count: shards.count)]
        try shard.lock.withLock {
            try writing(shard) {
                for term in [Schema.identifierTerm(Schema.uniqueID, id), Schema.identifierTerm(Schema.article, id)] {
                    if try shard.holds(term) { try shard.database().delete(uniqueTerm: term) }
                }
            }
        }
    }

    /// Deletes a file's documents: from every shard that holds some, since a file of several
    /// articles (JSON Lines) spreads over several.
    func deleteDocuments(ofFileTerm term: String) throws {
        for shard in shards {
            try shard.lock.withLock {
                try writing(shard) {
                    if try shard.holds(term) { try shard.database().delete(uniqueTerm: term) }
                }
            }
        }
    }

    /// The highest slot of each multi-valued facet that any shard written used.
    var facetSlotsUsed: FacetSlotUsage {
        shards.reduce(FacetSlotUsage()) { used, shard in
            shard.lock.withLock { shard.writer.map { used.union($0.builder.facetSlotsUsed) } ?? used }
        }
    }

    /// Which shards this run has written (or created).
    var written: [Bool] { shards.map { shard in shard.lock.withLock { shard.writer != nil } } }

    /// Records what a generation says about itself: the schema version and the shard's place in
    /// every shard; the time, the facet slots and the corpus root (relative to the index
    /// directory) in shard 0, where readers of the combined database find them. A shard built
    /// alone (`selection`) records its place in the whole. A shard an update has not written
    /// keeps what it recorded: an update never changes the layout.
    func recordMetadata(slots: FacetSlotUsage, corpusRoot: String, selection: ShardSelection? = nil) throws {
        let written = self.written
        for index in shards.indices where index == 0 || written[index] {
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
        try shard.lock.withLock { try writing(shard) { try shard.database().beginTransaction() } }
    }

    func commitTransaction() throws {
        let shard = shards[0]
        try shard.lock.withLock { try writing(shard) { try shard.database().commitTransaction() } }
    }

    /// Commits and closes every shard written; a shard of an update that was not is hard-linked
    /// from the live generation (`ShardLayout.link`).
    func close() throws {
        for shard in shards {
            try shard.lock.withLock {
                try writing(shard) {
                    if let writer = shard.writer {
                        try writer.database.close()
                        try shard.pictures?.close()
                    } else if let origin = shard.origin {
                        shard.originReader = nil
                        try ShardLayout.link(origin, to: shard.url)
                    }
                }
            }
        }
    }

    /// Runs `body` on the database of the shard an article goes to, under its lock.
    func inShard<T>(ofArticle id: String, _ body: (WritableDatabase) throws -> T) throws -> T {
        let shard = shards[ShardKey.shard(ofArticle: id, count: shards.count)]
        return try shard.lock.withLock { try writing(shard) { try body(shard.database()) } }
    }

    private func setMetadata(_ key: String, _ value: String, in index: Int) throws {
        let shard = shards[index]
        try shard.lock.withLock { try writing(shard) { try shard.database().setMetadata(key, value) } }
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

/// Makes `target` a second name of the file `source`; false when the system refuses.
private func hardLink(_ source: String, _ target: String) -> Bool {
    link(source, target) == 0
}
