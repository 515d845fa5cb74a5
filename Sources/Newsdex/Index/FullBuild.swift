// A full build: every file into a new generation beside the live one, then one rename of the
// stub switches readers to it. Each worker thread (one per job) parses, extracts and indexes its
// share into databases of its own, one of articles and one of their pictures, and these are
// merged with Xapian's compaction, articles first; a sharded index routes each article and its
// pictures to its shard instead (see Shards.swift).
//
// Files are read and parsed in parallel, but story clusters are assigned in the corpus's order
// (one file's turn after another's, `Turns`), so that the same corpus always gets the same
// clusters: on one machine whatever the jobs, and on N machines each building one shard.
import Foundation
internal import Xapian

extension Indexer {
    /// Builds a new generation from every file, then switches to it.
    /// - Parameter root: the corpus root, as the index records it (see CorpusScope).
    func build(
        in directory: IndexDirectory, shards: Int, selection: ShardSelection?, files: [CorpusFile], root: String,
        summary: inout IndexSummary, tracker: ProgressTracker
    ) throws {
        let generation = directory.nextGenerationName()
        let target = directory.generationURL(generation)
        let workers = min(options.jobs, max(1, files.count))
        // The clusterer's table of every article assigned so far lives in files beside the new
        // generation, not in memory: it is the one part of a build that grows with the archive
        // (0.8 KB an article in memory). Named like a part folder, a killed run's is removed by
        // the next run (`removeLeftovers`).
        let stories = try StoryIndexing(
            options: options.stories ?? .init(),
            folder: directory.url.appendingPathComponent("\(generation).stories"), expected: files.count,
            index: indexPath)
        defer { stories.removeFiles() }
        let work = OrderedWork(files: files, workers: workers, selection: selection, stories: stories)
        let writtenIDs = WrittenIDs()
        tracker.enter(.indexing, files: files)
        var outcome: BuildOutcome
        if shards > 1 {
            outcome = try buildSharded(
                work: work, workers: workers, shards: shards, at: target, root: root, writtenIDs: writtenIDs,
                tracker: tracker)
        } else {
            // Each worker writes its articles to a part of its own and their pictures to another;
            // the parts are merged by Xapian's compaction, the articles' first, so that the
            // articles hold the first document ids and the pictures the last. A match looks up
            // each posting's document length in a list in document id order: among pictures
            // interleaved with their articles, that list is two and a half times as long where
            // the articles are, and Xapian's match took twice the time (issue 16,
            // bench/RESULTS.md). Compaction also fills the tables' blocks.
            let partURLs = (0..<workers).map { directory.url.appendingPathComponent("\(generation).part-\($0)") }
            let pictureURLs = (0..<workers).map { directory.url.appendingPathComponent("\(generation).pictures-\($0)") }
            let results = ResultBox<Result<BuildOutcome, any Error>>(count: workers)
            onThreadsOfTheirOwn(workers) { worker in
                results[worker] = Result {
                    try work.run {
                        try self.buildPart(
                            work: work, worker: worker, at: [partURLs[worker]], picturesAt: [pictureURLs[worker]],
                            batchSize: self.options.batchSize, writtenIDs: writtenIDs, tracker: tracker)
                    }
                }
            }
            var merged = BuildOutcome()
            for outcome in try OrderedWork.outcomes(of: results.values) {
                merged.merge(outcome)
            }
            outcome = merged
            tracker.enter(.merging(databases: partURLs.count + pictureURLs.count))
            try merge(partURLs + pictureURLs, into: target)
        }
        if shards == 1 {
            let writers = try ShardWriters(
                index: indexPath, urls: [target], mode: .open, batchSize: nil, writtenIDs: writtenIDs)
            // After the parts are merged: two workers may each have written one of an id's articles.
            outcome.drop(try writers.resolveDuplicates(writtenIDs.possibleDuplicates))
            // After the parts are merged too: a story's founder and its copy may be in two.
            try writers.keyFounders(of: stories.storiesToKey)
            try writers.recordMetadata(slots: outcome.slots, corpusRoot: root, selection: selection)
            try writers.close()
            // What later updates are measured against (Recompaction.swift).
            do {
                try CompactedSize.record(at: target)
            } catch {
                throw IndexError.from(error, index: indexPath)
            }
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

    /// One worker of a full build: takes its share of `work`'s files and indexes them into
    /// databases of its own, its part of each shard at `urls` (one, unsharded), and their
    /// pictures into its part of each shard's at `pictures`, each committing every `batchSize`
    /// documents.
    private func buildPart(
        work: OrderedWork, worker: Int, at urls: [URL], picturesAt pictures: [URL], batchSize: Int,
        writtenIDs: WrittenIDs, tracker: ProgressTracker
    ) throws -> BuildOutcome {
        let writers = try ShardWriters(
            index: indexPath, urls: urls, mode: .createOrOverwrite, batchSize: batchSize,
            writtenIDs: writtenIDs, picturesApart: pictures)
        var outcome = BuildOutcome()
        try work.forEachItem(of: worker, self) { item in
            try index(item, work: work, to: writers, outcome: &outcome, tracker: tracker)
        }
        // Every file is taken: what is left of the build is this and the other threads' commits.
        tracker.enter(.committing)
        outcome.slots = outcome.slots.union(writers.facetSlotsUsed)
        try writers.close()
        return outcome
    }

    /// A full build of a sharded generation: `workers` threads parse and extract files and each
    /// writes an article to its own part of the article's shard (see `ShardWriters`), and its
    /// pictures to its own part of that shard's pictures; each shard is then merged from its
    /// parts, the articles' in the workers' order and then the pictures', as a generation of one
    /// database is (see above), so that a document's id in its shard follows from the corpus and
    /// `--jobs` alone; and the shards' stub is written.
    private func buildSharded(
        work: OrderedWork, workers: Int, shards: Int, at target: URL, root: String, writtenIDs: WrittenIDs,
        tracker: ProgressTracker
    ) throws -> BuildOutcome {
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        } catch {
            throw IndexError.from(error, index: indexPath)
        }
        let shardURLs = ShardLayout.urls(generation: target, count: shards)
        // Worker w's parts of shard s: `shard-s.articles-w` and `shard-s.pictures-w`.
        let parts = { (kind: String) in
            (0..<workers).map { worker in
                shardURLs.map { target.appendingPathComponent("\($0.lastPathComponent).\(kind)-\(worker)") }
            }
        }
        let articleParts = parts("articles"), pictureParts = parts("pictures")
        let results = ResultBox<Result<BuildOutcome, any Error>>(count: workers)
        onThreadsOfTheirOwn(workers) { worker in
            results[worker] = Result {
                try work.run {
                    // Between commits a worker's parts hold as many documents as its one part of
                    // a build of one database (each commits a shard's share of the batch), but each
                    // part keeps its own table of the terms it holds: with 2 shards and 2 workers
                    // the 10k bench corpus peaks at 326 MiB, where shared shard writers took 280.
                    try self.buildPart(
                        work: work, worker: worker, at: articleParts[worker], picturesAt: pictureParts[worker],
                        batchSize: max(1, self.options.batchSize / shards), writtenIDs: writtenIDs, tracker: tracker)
                }
            }
        }
        var outcome = BuildOutcome()
        for other in try OrderedWork.outcomes(of: results.values) { outcome.merge(other) }
        tracker.enter(.merging(databases: 2 * shards * workers))
        for shard in 0..<shards {
            try merge((articleParts + pictureParts).map { $0[shard] }, into: shardURLs[shard],
                      part: shardURLs[shard].lastPathComponent)
        }
        let merged = try ShardWriters(
            index: indexPath, urls: shardURLs, mode: .open, batchSize: nil, writtenIDs: writtenIDs)
        // An article and its duplicate go to one shard: the shard of their id.
        outcome.drop(try merged.resolveDuplicates(writtenIDs.possibleDuplicates))
        try merged.keyFounders(of: work.stories.storiesToKey)
        try merged.recordMetadata(slots: outcome.slots, corpusRoot: root)
        try merged.close()
        try ShardLayout.writeStub(in: target, count: shards)
        return outcome
    }

    /// Merges the databases at `parts` into one at `target`, in their order, with Xapian's
    /// compaction, and removes them.
    /// - Parameter part: the shard `target` is, as errors name it.
    /// - Throws: `IndexError` when a part cannot be read or the merge written.
    private func merge(_ parts: [URL], into target: URL, part: String? = nil) throws {
        do {
            try Database(shards: try parts.map { try Database(path: $0.path) }).compact(to: target.path)
        } catch {
            throw IndexError.from(error, index: indexPath, part: part)
        }
        for url in parts { try? FileManager.default.removeItem(at: url) }
    }

    /// Assigns the stories of a prepared file's articles, in the file's order, its other shards'
    /// articles among them; returns its own articles' assignments.
    func assignStories(_ prepared: PreparedFile, stories: StoryIndexing) throws -> [StoryAssignment?] {
        var others = prepared.otherShards[...]
        var assigned: [StoryAssignment?] = []
        for item in prepared.articles {
            while let other = others.first, other.position <= assigned.count {
                try stories.assign(other)
                others = others.dropFirst()
            }
            assigned.append(try stories.assign(item))
        }
        for other in others { try stories.assign(other) }
        return assigned
    }

    /// Writes one file of a full build taken from `work`: a prepared file with its stories, or a
    /// web archive, read as it streams and written in its turn (its records' stories are
    /// assigned in the archive's order, where the corpus order puts it).
    private func index(
        _ item: OrderedWork.Item, work: OrderedWork, to writers: ShardWriters, outcome: inout BuildOutcome,
        tracker: ProgressTracker
    ) throws {
        switch item {
        case .prepared(let prepared, let stories):
            try write(prepared, to: writers, stories: stories, outcome: &outcome, tracker: tracker)
            tracker.advance(file: prepared.file)
        case .archive(let file, let turn):
            let counts = try work.inTurn(turn) {
                try indexArchive(
                    file, to: writers, stories: work.stories, existing: nil, selection: work.selection,
                    outcome: &outcome, tracker: tracker)
            }
            outcome.skippedRecords.merge(counts.skipped, uniquingKeysWith: +)
        }
    }

    /// Assigns stories to a prepared file's articles and writes them: see below.
    func write(
        _ prepared: PreparedFile, to writers: ShardWriters, stories: StoryIndexing, outcome: inout BuildOutcome,
        tracker: ProgressTracker? = nil
    ) throws {
        try write(
            prepared, to: writers, stories: try assignStories(prepared, stories: stories), outcome: &outcome,
            tracker: tracker)
    }

    /// Writes one prepared file's documents, each article to its shard with its story, and the
    /// file's record, counting each article written in `tracker`.
    func write(
        _ prepared: PreparedFile, to writers: ShardWriters, stories: [StoryAssignment?],
        outcome: inout BuildOutcome, tracker: ProgressTracker? = nil
    ) throws {
        outcome.rejected += prepared.rejected
        outcome.warnings += prepared.warnings
        var written = 0
        for (item, story) in zip(prepared.articles, stories) {
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

/// The files of a full build, handed to worker threads: each worker takes the files of its own
/// share, file i to worker i mod the workers, and prepares them; then their stories are assigned
/// in the corpus's order (`Turns`), so that story ids do not depend on which thread was faster.
/// A worker prepares its files ahead of the one it writes and takes their turns between its
/// writes (`forEachItem`), so that it seldom waits for another's. Each worker of a build of one
/// database writes its files to a part of its own, and the parts are merged in the workers'
/// order: with shares fixed, which document gets which id depends on the corpus and the number
/// of workers alone, so hits Xapian ranks by their ids (copies of one story, of equal weight;
/// articles of one date, newest first) come in the same order from one build to the next. Taken
/// as threads came free, 19 and 20 of 70 real searches (their first 50 hits) over 365 real
/// articles listed other copies of a story, or the same hits in another order, after a rebuild
/// with `--jobs 2`.
final class OrderedWork: Sendable {
    let files: [CorpusFile]
    let selection: ShardSelection?
    let stories: StoryIndexing
    /// How many workers share the files: worker k's are files k, k + workers, k + 2 × workers….
    private let workers: Int
    private let turns = Turns()

    init(files: [CorpusFile], workers: Int, selection: ShardSelection?, stories: StoryIndexing) {
        self.files = files
        self.workers = workers
        self.selection = selection
        self.stories = stories
    }

    /// A file taken: prepared, with its own articles' stories, or a web archive, which streams
    /// and must be indexed in its turn (`inTurn`).
    enum Item {
        case prepared(PreparedFile, [StoryAssignment?])
        case archive(CorpusFile, turn: Int)
    }

    /// Articles a worker prepares ahead of the file it writes (a file at least, whatever its
    /// size). With shares fixed, a worker whose file takes long to write would hold the other
    /// back at the turn of its next file; with files prepared ahead, each worker takes the turns
    /// of its files between its writes, and has files of its own to write while it waits for one.
    static let lookaheadArticles = 256

    /// A file of a worker's share taken and not yet written: prepared, its stories not yet
    /// assigned; or a web archive, whose records are read and assigned as it is written.
    private enum Taken {
        case prepared(PreparedFile, index: Int)
        case archive(CorpusFile, index: Int)

        var articles: Int {
            if case .prepared(let prepared, _) = self { return prepared.articles.count }
            return 0
        }
    }

    /// Calls `body` with each file of `worker`'s share in order, prepared with its stories (or a
    /// web archive, to index in its turn), preparing files ahead while the ones before them wait
    /// for their turn or to be written (`lookaheadArticles`).
    /// - Throws: what looking up earlier copies throws; `Turns.Abandoned` when another worker
    ///   failed (`abandon`); what `body` throws.
    func forEachItem(of worker: Int, _ indexer: Indexer, _ body: (Item) throws -> Void) throws {
        var waiting: [Taken] = []  // taken, in order, none of them yet in its turn
        var ready: [Item] = []  // in their turn (archives: to be), in order, before every waiting file
        var aheadArticles = 0
        var next = worker  // the share's next file; only this worker takes from its share
        // Takes and prepares the share's next file; false when none is left.
        let take = { () -> Bool in
            guard next < self.files.count else { return false }
            let index = next
            next += self.workers
            let file = self.files[index]
            let item: Taken = WebArchiveReader.isWebArchive(file.relativePath)
                ? .archive(file, index: index)
                : .prepared(indexer.prepare(file, selection: self.selection), index: index)
            waiting.append(item)
            aheadArticles += item.articles
            return true
        }
        // Moves the first waiting file to `ready` in its turn, if it is its turn or `waitingForIt`.
        let advance = { (waitingForIt: Bool) throws -> Bool in
            switch waiting.first {
            case nil:
                return false
            case .archive(let file, let index):
                ready.append(.archive(file, turn: index))
            case .prepared(let prepared, let index):
                guard waitingForIt || self.turns.isCurrent(index) else { return false }
                let stories = try self.turns.inTurn(index) { try indexer.assignStories(prepared, stories: self.stories) }
                ready.append(.prepared(prepared, stories))
            }
            waiting.removeFirst()
            return true
        }
        while true {
            // The turns this worker can take now come first: other workers' files wait for them.
            while try advance(false) {}
            // The share's next file prepared, so that its turn is taken as soon as it comes.
            if waiting.isEmpty, aheadArticles < Self.lookaheadArticles, take() { continue }
            if !ready.isEmpty {
                let item = ready.removeFirst()
                if case .prepared(let prepared, _) = item { aheadArticles -= prepared.articles.count }
                try body(item)
                continue
            }
            if aheadArticles < Self.lookaheadArticles, take() { continue }
            if waiting.isEmpty { return }
            _ = try advance(true)
        }
    }

    /// Runs `body` in the turn of file `index`, which `forEachItem` handed out as an archive.
    /// - Throws: `Turns.Abandoned` when another worker failed; what `body` throws.
    func inTurn<T>(_ index: Int, _ body: () throws -> T) throws -> T {
        try turns.inTurn(index, body)
    }

    /// What a worker that fails calls: the others, waiting for turns of files it will not take,
    /// give up (`Turns.Abandoned`) rather than wait forever.
    func abandon() {
        turns.abandon()
    }

    /// Runs a worker's `body`, abandoning the turns if it throws.
    func run<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch {
            abandon()
            throw error
        }
    }

    /// The workers' outcomes, or the first error that is not another worker's giving up.
    static func outcomes(of results: [Result<BuildOutcome, any Error>?]) throws -> [BuildOutcome] {
        let failures = results.compactMap { result -> (any Error)? in
            if case .failure(let error) = result { return error }
            return nil
        }
        if let failure = failures.first(where: { !($0 is Turns.Abandoned) }) ?? failures.first { throw failure }
        return try results.map { try $0!.get() }
    }
}
