// Indexes a corpus into an index directory, incrementally and atomically.
//
// A first build, or `rebuild`, writes a new generation beside the live one (FullBuild.swift).
// Later runs find what changed since the index recorded each file (ChangeSet.swift) and write
// only that (IncrementalUpdate.swift). Files are read and parsed on several threads
// (FilePreparation.swift, ParallelWork.swift).
import Foundation
internal import Xapian

/// Indexes a corpus. One Indexer runs at a time per index directory: `run` takes the index's
/// writer lock and fails at once when another process has it.
public final class Indexer: Sendable {
    public let options: IndexOptions
    let reader: ArticleReader
    let extractor: EntityExtractor

    public init(options: IndexOptions) {
        self.options = options
        self.reader = ArticleReader(options: options.reader)
        self.extractor = EntityExtractor()
    }

    /// The index directory's path, as errors name it.
    var indexPath: String { IndexDirectory(url: options.database).url.path }

    /// Brings the index up to date with the corpus.
    /// - Parameter progress: called as files are done and as the run enters each phase, from
    ///   any thread, one call at a time and in order.
    /// - Throws: `IndexError` when the index cannot be locked, opened or written.
    public func run(progress: (@Sendable (IndexProgress) -> Void)? = nil) throws -> IndexSummary {
        let start = Date()
        let directory = IndexDirectory(url: options.database)
        let lock = try directory.lock()
        defer { withExtendedLifetime(lock) {} }

        let listing = ArticleReader.articleFiles(under: options.inputs)
        var summary = IndexSummary(database: directory.url.path)
        for missing in listing.missing {
            summary.rejected.append(Rejection(path: missing.path, reason: "no such file or directory"))
        }
        let files = listing.files
        let tracker = ProgressTracker(start: start, report: progress)

        var current = options.rebuild ? nil : directory.currentGeneration()
        // The index remembers its shard count; asking for another one implies a rebuild, since
        // every article's shard depends on the count.
        let existingShards = current.flatMap { generation in
            (try? Database(path: directory.generationURL(generation).path)).map(ShardLayout.count(of:))
        }
        let shards = options.shards ?? existingShards ?? 1
        if let existingShards, existingShards != shards { current = nil }
        summary.shards = shards
        if let current {
            // A mistyped path, or a corpus that lists nothing, must not empty the index.
            var removeMissing = listing.missing.isEmpty
            if files.isEmpty && listing.missing.isEmpty {
                removeMissing = false
                summary.nothingListed = true
            }
            try update(
                generation: current, in: directory, files: files, removeMissing: removeMissing,
                summary: &summary, tracker: tracker)
        } else {
            try build(in: directory, shards: shards, files: files, summary: &summary, tracker: tracker)
        }
        summary.documentsTotal = (try? Database(path: directory.url.path).documentCount) ?? 0
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }
}
