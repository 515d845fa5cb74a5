// A full build: every file into a new generation beside the live one, then one rename of the
// stub switches readers to it. With several jobs, each worker thread parses, extracts and indexes
// its share into a database of its own, and these are merged with Xapian's compaction; a
// sharded index routes each article to its shard instead (see Shards.swift).
import Foundation
internal import Xapian

extension Indexer {
    /// Builds a new generation from every file, then switches to it.
    /// - Parameter root: the corpus root, as the index records it (see CorpusScope).
    func build(
        in directory: IndexDirectory, shards: Int, files: [CorpusFile], root: String, summary: inout IndexSummary,
        tracker: ProgressTracker
    ) throws {
        let generation = directory.nextGenerationName()
        let target = directory.generationURL(generation)
        let workers = min(options.jobs, max(1, files.count))
        let stories = StoryIndexing(options: options.stories ?? .init(), existing: nil)
        let writtenIDs = WrittenIDs()
        tracker.enter(.indexing, files: files)
        var outcome: BuildOutcome
        if shards > 1 {
            outcome = try buildSharded(
                files: files, workers: workers, shards: shards, at: target, root: root, stories: stories, writtenIDs: writtenIDs,
                tracker: tracker)
        } else if workers == 1 {
            outcome = try buildShard(
                files: files, next: WorkQueue(count: files.count), at: target, stories: stories,
                writtenIDs: writtenIDs, tracker: tracker)
        } else {
            let queue = WorkQueue(count: files.count)
            let shardURLs = (0..<workers).map { directory.url.appendingPathComponent("\(generation).part-\($0)") }
            let results = ResultBox<Result<BuildOutcome, any Error>>(count: workers)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                results[worker] = Result {
                    try self.buildShard(
                        files: files, next: queue, at: shardURLs[worker], stories: stories, writtenIDs: writtenIDs,
                        tracker: tracker)
                }
            }
            var merged = BuildOutcome()
            for result in results.values {
                merged.merge(try result!.get())
            }
            outcome = merged
            tracker.enter(.merging(databases: workers))
            do {
                let shards = try Database(shards: try shardURLs.map { try Database(path: $0.path) })
                try shards.compact(to: target.path)
            } catch {
                throw IndexError.from(error, index: indexPath)
            }
            for shard in shardURLs { try? FileManager.default.removeItem(at: shard) }
        }
        if shards == 1 {
            let writers = try ShardWriters(
                index: indexPath, urls: [target], mode: .open, batchSize: nil, writtenIDs: writtenIDs)
            // After the parts are merged: two workers may each have written one of an id's articles.
            outcome.drop(try writers.resolveDuplicates(writtenIDs.possibleDuplicates))
            try writers.recordMetadata(slots: outcome.slots, corpusRoot: root)
            try writers.close()
        }
        tracker.enter(.switching)
        try directory.switchTo(generation: generation, corpusRoot: root)
        summary.added = outcome.filesIndexed
        summary.documentsWritten = outcome.documents
        summary.rejected += outcome.rejected
        summary.warnings += outcome.warnings
        summary.duplicates += outcome.duplicates
        summary.skippedRecords.merge(outcome.skippedRecords, uniquingKeysWith: +)
        summary.rebuilt = true
    }

    /// One worker of a full build: takes files from `next` until none are left and indexes them
    /// into its own database at `url`, committing every `batchSize` documents.
    private func buildShard(
        files: [CorpusFile], next: WorkQueue, at url: URL, stories: StoryIndexing, writtenIDs: WrittenIDs,
        tracker: ProgressTracker
    ) throws -> BuildOutcome {
        let writers = try ShardWriters(
            index: indexPath, urls: [url], mode: .createOrOverwrite, batchSize: options.batchSize,
            writtenIDs: writtenIDs)
        var outcome = BuildOutcome()
        while let index = next.take() {
            try indexFile(files[index], to: writers, stories: stories, outcome: &outcome, tracker: tracker)
        }
        // Every file is taken: what is left of the build is this and the other threads' commits.
        tracker.enter(.committing)
        outcome.slots = outcome.slots.union(writers.facetSlotsUsed)
        try writers.close()
        return outcome
    }

    /// A full build of a sharded generation: `workers` threads parse and extract files and write
    /// each article to its shard (see `ShardWriters`); then the shards' stub is written.
    private func buildSharded(
        files: [CorpusFile], workers: Int, shards: Int, at target: URL, root: String, stories: StoryIndexing,
        writtenIDs: WrittenIDs, tracker: ProgressTracker
    ) throws -> BuildOutcome {
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        } catch {
            throw IndexError.from(error, index: indexPath)
        }
        let writers = try ShardWriters(
            index: indexPath, urls: ShardLayout.urls(generation: target, count: shards), mode: .createOrOverwrite,
            batchSize: options.batchSize, writtenIDs: writtenIDs)
        let queue = WorkQueue(count: files.count)
        let results = ResultBox<Result<BuildOutcome, any Error>>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            results[worker] = Result {
                var outcome = BuildOutcome()
                while let index = queue.take() {
                    try self.indexFile(files[index], to: writers, stories: stories, outcome: &outcome, tracker: tracker)
                }
                return outcome
            }
        }
        tracker.enter(.committing)
        var outcome = BuildOutcome()
        for result in results.values { outcome.merge(try result!.get()) }
        outcome.slots = outcome.slots.union(writers.facetSlotsUsed)
        // An article and its duplicate go to one shard: the shard of their id.
        outcome.drop(try writers.resolveDuplicates(writtenIDs.possibleDuplicates))
        try writers.recordMetadata(slots: outcome.slots, corpusRoot: root)
        try writers.close()
        try ShardLayout.writeStub(in: target, count: shards)
        return outcome
    }

    /// Reads and writes one file of a full build: a web archive as it streams, any other file
    /// whole.
    private func indexFile(
        _ file: CorpusFile, to writers: ShardWriters, stories: StoryIndexing, outcome: inout BuildOutcome,
        tracker: ProgressTracker
    ) throws {
        if WebArchiveReader.isWebArchive(file.relativePath) {
            let counts = try indexArchive(file, to: writers, stories: stories, existing: nil, outcome: &outcome, tracker: tracker)
            outcome.skippedRecords.merge(counts.skipped, uniquingKeysWith: +)
        } else {
            let prepared = prepare(file)
            try write(prepared, to: writers, stories: stories, outcome: &outcome, tracker: tracker)
            tracker.advance(file: prepared.file)
        }
    }

    /// Writes one prepared file's documents, each article to its shard, and the file's record,
    /// counting each article written in `tracker`.
    func write(
        _ prepared: PreparedFile, to writers: ShardWriters, stories: StoryIndexing, outcome: inout BuildOutcome,
        tracker: ProgressTracker? = nil
    ) throws {
        outcome.rejected += prepared.rejected
        outcome.warnings += prepared.warnings
        var written = 0
        for item in prepared.articles {
            let story = try stories.assign(item)
            if let original = story?.exactDuplicateOf, original != item.article.id {
                outcome.duplicates.append(ExactDuplicate(id: item.article.id, sameAs: original))
            }
            let documents = try writers.add(item, file: prepared.file.relativePath, story: story)
            tracker?.advance(articles: 1, documents: documents)
            written += documents
        }
        if let record = prepared.record {
            // A file with rejected parts is not recorded as done, so the next run reads it again
            // and reports them again, and `check` lists it.
            if prepared.rejected.isEmpty {
                try writers.setRecord(path: prepared.file.relativePath, record.encoded)
            }
            if !prepared.articles.isEmpty { outcome.filesIndexed += 1 }
        }
        outcome.documents += written
    }
}

/// What a build wrote.
struct BuildOutcome: Sendable {
    var filesIndexed = 0
    var documents = 0
    var rejected: [Rejection] = []
    var warnings: [ReadWarning] = []
    var duplicates: [ExactDuplicate] = []
    var slots = FacetSlotUsage()
    /// Web archive records that are not articles, by kind.
    var skippedRecords: [String: Int] = [:]

    /// Counts the articles `resolveDuplicates` deleted as rejected, not written.
    mutating func drop(_ resolved: (duplicates: [DuplicateID], deleted: Int)) {
        rejected += resolved.duplicates.map(\.rejection)
        documents -= resolved.deleted
    }

    mutating func merge(_ other: BuildOutcome) {
        filesIndexed += other.filesIndexed
        documents += other.documents
        rejected += other.rejected
        warnings += other.warnings
        duplicates += other.duplicates
        slots = slots.union(other.slots)
        skippedRecords.merge(other.skippedRecords, uniquingKeysWith: +)
    }
}
