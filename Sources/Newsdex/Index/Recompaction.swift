// Keeping updates small. Xapian's B-tree is copy-on-write and a compacted generation's blocks are
// packed full: the first update of even 1% of the articles rewrites (and splits) so many blocks
// that the generation grew by 70% (bench/RESULTS.md, "Archives of millions"). Xapian's Compactor
// has no fill factor to leave room, so instead each generation records its size when it was
// last built or compacted, and an update that leaves it more than `IndexOptions.growthLimit`
// times that size (scaled by its count of documents, as new articles may grow it) compacts it
// into the next generation, switched to atomically as any other. Generations under 16 MiB
// (`IndexOptions.recompactionMinimumBytes`) are left to grow: their growth costs little.
import Foundation
internal import Xapian

/// What a generation weighed when it was last built or compacted.
struct CompactedSize: Equatable {
    var bytes: Int64
    var documents: Int

    /// The form kept in the index's metadata: "BYTES DOCUMENTS".
    var encoded: String { "\(bytes) \(documents)" }

    init(bytes: Int64, documents: Int) {
        self.bytes = bytes
        self.documents = documents
    }

    init?(encoded: String) {
        let parts = encoded.split(separator: " ")
        guard parts.count == 2, let bytes = Int64(parts[0]), let documents = Int(parts[1]) else { return nil }
        self.init(bytes: bytes, documents: documents)
    }

    /// The size above which a generation of `documents` documents is re-compacted.
    func limit(documents now: Int, growth: Double) -> Int64 {
        let scale = documents > 0 ? max(1, Double(now) / Double(documents)) : 1
        return Int64(Double(bytes) * scale * growth)
    }

    /// What `database` records; nil when it records nothing (an index built before this).
    /// - Throws: what reading its metadata throws.
    static func recorded(in database: Database) throws -> CompactedSize? {
        CompactedSize(encoded: try database.metadata(IndexMetadata.compactedSize))
    }

    /// Measures the database at `url` and records its size in it.
    /// - Throws: what opening or writing it throws.
    static func record(at url: URL) throws {
        let database = try OwnGenerationWriter.open(path: url.path, mode: .open)
        let size = CompactedSize(bytes: IndexDirectory.bytes(under: url), documents: try database.documentCount)
        try database.setMetadata(IndexMetadata.compactedSize, size.encoded)
        try database.close()
    }
}

extension Indexer {
    /// Compacts the one-database generation `generation` into a new one and switches to it when
    /// it has grown past `options.growthLimit` times its recorded size; returns whether it did.
    /// - Throws: `IndexError` when compacting, recording or switching fails (the generation
    ///   updated stays live and whole).
    func recompactIfGrown(
        _ generation: String, in directory: IndexDirectory, reference: CompactedSize?, root: String,
        tracker: ProgressTracker
    ) throws -> Bool {
        // An infinite limit never compacts (and would not convert to bytes).
        guard let reference, options.growthLimit.isFinite else { return false }
        let url = directory.generationURL(generation)
        let index = directory.url.path
        let compacted = directory.nextGenerationName()
        let target = directory.generationURL(compacted)
        do {
            let database = try Database(path: url.path)
            let size = IndexDirectory.bytes(under: url)
            guard size >= options.recompactionMinimumBytes,
                size > reference.limit(documents: try database.documentCount, growth: options.growthLimit)
            else {
                return false
            }
            tracker.enter(.compacting)
            try database.compact(to: target.path)
            try CompactedSize.record(at: target)
        } catch {
            try? FileManager.default.removeItem(at: target)
            throw IndexError.from(error, index: index)
                .withSpace(needed: directory.size(ofGeneration: generation), available: nil)
        }
        tracker.enter(.switching)
        try directory.switchTo(generation: compacted, corpusRoot: root)
        return true
    }
}
