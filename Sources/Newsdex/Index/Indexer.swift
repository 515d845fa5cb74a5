// Indexes a corpus into an index directory, incrementally and atomically.
//
// A first build, or `rebuild`, writes a new generation beside the live one: with several jobs,
// each worker thread parses, extracts and indexes its share into a shard of its own, and the
// shards are merged with Xapian's compaction. Later runs compare each file's size, time and
// content hash with what the index recorded and touch only what changed: a few changes go into
// the live generation in one transaction; many go into a copy that replaces it. A sharded index
// (see Shards.swift) is always updated in a copy: Xapian has no transaction across databases.
import Foundation
import Xapian

/// What `Indexer.run` is asked to do.
public struct IndexOptions: Sendable {
    /// Corpus roots (folders) or single files.
    public var inputs: [URL]
    /// The index directory.
    public var database: URL
    /// Build a fresh index from scratch, beside the live one.
    public var rebuild: Bool
    /// Threads that parse, extract and (for a full build) index in parallel.
    public var jobs: Int
    /// Databases the index is split into; nil keeps the index's count (1 for a new index). A
    /// count other than the index's rebuilds it.
    public var shards: Int?
    /// Documents between commits when building a new generation; bounds memory.
    public var batchSize: Int
    /// Above this many changed files, an incremental run updates a copy of the index rather than
    /// the live one in a single transaction (which holds every change in memory).
    public var inPlaceLimit: Int
    public var reader: ArticleReader.Options
    /// How copies of one story are recognised (thresholds in StoryOptions); nil to not group
    /// copies at all.
    public var stories: StoryOptions?

    public init(
        inputs: [URL], database: URL, rebuild: Bool = false,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shards: Int? = nil, batchSize: Int = 2000,
        inPlaceLimit: Int = 2000, reader: ArticleReader.Options = .init(), stories: StoryOptions? = .init()
    ) {
        self.inputs = inputs
        self.database = database
        self.rebuild = rebuild
        self.jobs = max(1, jobs)
        self.shards = shards.map { max(1, $0) }
        self.batchSize = max(1, batchSize)
        self.inPlaceLimit = inPlaceLimit
        self.reader = reader
        self.stories = stories
    }
}

/// How far an index run has got, reported as it goes.
public struct IndexProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var documents: Int
    public var elapsed: Double
}

/// What an index run did.
public struct IndexSummary: Sendable, Encodable {
    public var formatVersion = 1
    public var database: String
    /// Files seen for the first time, changed, unchanged, and gone from the corpus.
    public var added = 0
    public var updated = 0
    public var unchanged = 0
    public var removed = 0
    public var rejected: [Rejection] = []
    public var warnings: [ReadWarning] = []
    /// Articles written in this run whose body is the same as another's.
    public var duplicates: [ExactDuplicate] = []
    /// Documents written in this run (articles and captions).
    public var documentsWritten = 0
    /// Documents in the index now.
    public var documentsTotal = 0
    public var rebuilt = false
    /// Databases the index is split into.
    public var shards = 1
    public var seconds = 0.0

    public var documentsPerSecond: Double { seconds > 0 ? Double(documentsWritten) / seconds : 0 }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", database, added, updated, unchanged, removed
        case rejected, warnings, duplicates, documentsWritten = "documents_written"
        case documentsTotal = "documents_total", rebuilt, shards, seconds
        case documentsPerSecond = "documents_per_second"
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encode(database, forKey: .database)
        try c.encode(added, forKey: .added)
        try c.encode(updated, forKey: .updated)
        try c.encode(unchanged, forKey: .unchanged)
        try c.encode(removed, forKey: .removed)
        try c.encode(rejected, forKey: .rejected)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(duplicates, forKey: .duplicates)
        try c.encode(documentsWritten, forKey: .documentsWritten)
        try c.encode(documentsTotal, forKey: .documentsTotal)
        try c.encode(rebuilt, forKey: .rebuilt)
        try c.encode(shards, forKey: .shards)
        try c.encode((seconds * 1000).rounded() / 1000, forKey: .seconds)
        try c.encode(documentsPerSecond.rounded(), forKey: .documentsPerSecond)
    }
}

/// Indexes a corpus. One Indexer runs at a time per index directory: `run` takes the index's
/// writer lock and fails at once when another process has it.
public final class Indexer {
    public let options: IndexOptions
    private let reader: ArticleReader
    private let extractor: EntityExtractor

    public init(options: IndexOptions) {
        self.options = options
        self.reader = ArticleReader(options: options.reader)
        self.extractor = EntityExtractor()
    }

    /// Brings the index up to date with the corpus.
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
        let tracker = ProgressTracker(total: files.count, start: start, report: progress)

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
                summary.warnings.append(ReadWarning(
                    path: options.inputs.map(\.path).joined(separator: " "),
                    message: "no article files found; nothing was removed from the index (--rebuild empties it)"))
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

    // MARK: - Full builds

    /// Builds a new generation from every file, then switches to it.
    private func build(
        in directory: IndexDirectory, shards: Int, files: [CorpusFile], summary: inout IndexSummary,
        tracker: ProgressTracker
    ) throws {
        let generation = directory.nextGenerationName()
        let target = directory.generationURL(generation)
        let workers = min(options.jobs, max(1, files.count))
        let stories = StoryIndexing(options: options.stories ?? .init(), existing: nil)
        let outcome: BuildOutcome
        if shards > 1 {
            outcome = try buildSharded(
                files: files, workers: workers, shards: shards, at: target, stories: stories, tracker: tracker)
        } else if workers == 1 {
            outcome = try buildShard(
                files: files, next: WorkQueue(count: files.count), at: target, stories: stories, tracker: tracker)
        } else {
            let queue = WorkQueue(count: files.count)
            let shardURLs = (0..<workers).map { directory.url.appendingPathComponent("\(generation).part-\($0)") }
            let results = ResultBox<Result<BuildOutcome, any Error>>(count: workers)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                results[worker] = Result {
                    try self.buildShard(
                        files: files, next: queue, at: shardURLs[worker], stories: stories, tracker: tracker)
                }
            }
            var merged = BuildOutcome()
            for result in results.values {
                merged.merge(try result!.get())
            }
            outcome = merged
            do {
                let shards = try Database(shards: try shardURLs.map { try Database(path: $0.path) })
                try shards.compact(to: target.path)
            } catch {
                throw IndexError.from(error, path: target.path)
            }
            for shard in shardURLs { try? FileManager.default.removeItem(at: shard) }
        }
        if shards == 1 {
            let writers = try ShardWriters(urls: [target], mode: .open, batchSize: nil)
            try writers.recordMetadata(slots: outcome.slots)
            try writers.close()
        }
        try directory.switchTo(generation: generation)
        summary.added = outcome.filesIndexed
        summary.documentsWritten = outcome.documents
        summary.rejected += outcome.rejected
        summary.warnings += outcome.warnings
        summary.duplicates += outcome.duplicates
        summary.rebuilt = true
    }

    /// One worker of a full build: takes files from `next` until none are left and indexes them
    /// into its own database at `url`, committing every `batchSize` documents.
    private func buildShard(
        files: [CorpusFile], next: WorkQueue, at url: URL, stories: StoryIndexing, tracker: ProgressTracker
    ) throws -> BuildOutcome {
        let writers = try ShardWriters(urls: [url], mode: .createOrOverwrite, batchSize: options.batchSize)
        var outcome = BuildOutcome()
        while let index = next.take() {
            let written = try write(prepare(files[index]), to: writers, stories: stories, outcome: &outcome)
            tracker.advance(files: 1, documents: written)
        }
        outcome.slots = outcome.slots.union(writers.facetSlotsUsed)
        try writers.close()
        return outcome
    }

    /// A full build of a sharded generation: `workers` threads parse and extract files and write
    /// each article to its shard (see `ShardWriters`); then the shards' stub is written.
    private func buildSharded(
        files: [CorpusFile], workers: Int, shards: Int, at target: URL, stories: StoryIndexing,
        tracker: ProgressTracker
    ) throws -> BuildOutcome {
        do {
            try FileManager.default.createDirectory(at: target, withIntermediateDirectories: true)
        } catch {
            throw IndexError(.unwritable, "cannot create \(target.path): \(error.localizedDescription)")
        }
        let writers = try ShardWriters(
            urls: ShardLayout.urls(generation: target, count: shards), mode: .createOrOverwrite,
            batchSize: options.batchSize)
        let queue = WorkQueue(count: files.count)
        let results = ResultBox<Result<BuildOutcome, any Error>>(count: workers)
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            results[worker] = Result {
                var outcome = BuildOutcome()
                while let index = queue.take() {
                    let written = try self.write(
                        self.prepare(files[index]), to: writers, stories: stories, outcome: &outcome)
                    tracker.advance(files: 1, documents: written)
                }
                return outcome
            }
        }
        var outcome = BuildOutcome()
        for result in results.values { outcome.merge(try result!.get()) }
        outcome.slots = outcome.slots.union(writers.facetSlotsUsed)
        try writers.recordMetadata(slots: outcome.slots)
        try writers.close()
        try ShardLayout.writeStub(in: target, count: shards)
        return outcome
    }

    /// Writes one prepared file's documents, each article to its shard, and the file's record;
    /// returns how many documents it wrote.
    private func write(
        _ prepared: PreparedFile, to writers: ShardWriters, stories: StoryIndexing, outcome: inout BuildOutcome
    ) throws -> Int {
        outcome.rejected += prepared.rejected
        outcome.warnings += prepared.warnings
        var written = 0
        for item in prepared.articles {
            let story = stories.assign(item)
            if let original = story?.exactDuplicateOf, original != item.article.id {
                outcome.duplicates.append(ExactDuplicate(id: item.article.id, sameAs: original))
            }
            written += try writers.add(item, file: prepared.file.relativePath, story: story)
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
        return written
    }

    // MARK: - Incremental updates

    /// - Parameter removeMissing: whether indexed files that are not in `files` are removed; not
    ///   when an input path is missing, so that a mistyped path does not empty the index.
    private func update(
        generation: String, in directory: IndexDirectory, files: [CorpusFile], removeMissing: Bool,
        summary: inout IndexSummary, tracker: ProgressTracker
    ) throws {
        let url = directory.generationURL(generation)
        let existing: Database
        do {
            existing = try Database(path: url.path)
        } catch {
            throw IndexError.from(error, path: directory.url.path)
        }
        try SchemaCheck.verify(existing, path: directory.url.path)

        // Which files changed, by size and time first and by content hash when those differ.
        let indexedTerms: Set<String>
        do {
            indexedTerms = Set(try existing.allTerms(prefix: Schema.file.prefix).map(\.term))
        } catch {
            throw IndexError.from(error, path: directory.url.path)
        }
        var changed: [CorpusFile] = []
        var recordsOfChanged: [String: FileRecord] = [:]
        var presentTerms = Set<String>()
        for file in files {
            presentTerms.insert(Schema.identifierTerm(Schema.file, file.relativePath))
            let record = FileRecord.read(from: existing, path: file.relativePath)
            if let record, let status = FileStatus(path: file.url.path), status.size == record.size,
                status.modified == record.modified
            {
                summary.unchanged += 1
                tracker.advance(files: 1, documents: 0)
            } else {
                changed.append(file)
                recordsOfChanged[file.relativePath] = record
            }
        }
        let removedTerms = removeMissing ? indexedTerms.subtracting(presentTerms).sorted() : []
        if changed.isEmpty && removedTerms.isEmpty { return }

        // Parse what may have changed, in parallel; then write, in one place.
        let prepared = prepareAll(changed)
        var toWrite: [PreparedFile] = []
        var retouched: [PreparedFile] = []
        for item in prepared {
            let old = recordsOfChanged[item.file.relativePath]
            if let old, let new = item.record, old.hash == new.hash, item.rejected.isEmpty {
                // Touched, not changed: remember the new time so it is not read again.
                summary.unchanged += 1
                retouched.append(item)
                tracker.advance(files: 1, documents: 0)
            } else {
                toWrite.append(item)
            }
        }
        let slotsBefore = FacetSlotUsage.read(from: existing)
        let shards = ShardLayout.count(of: existing)
        if toWrite.isEmpty && removedTerms.isEmpty && retouched.isEmpty { return }

        // Shards cannot share a transaction, and a run killed between two shards' commits would
        // leave them out of step: a sharded index is always updated in a copy, which costs a
        // copy of the whole index per run that changes anything.
        let inPlace = shards == 1 && toWrite.count + removedTerms.count <= options.inPlaceLimit
        let targetGeneration = inPlace ? generation : directory.nextGenerationName()
        let target = directory.generationURL(targetGeneration)
        if !inPlace {
            do {
                try FileManager.default.copyItem(at: url, to: target)
            } catch {
                throw IndexError(.unwritable, "cannot copy the index to \(target.path): \(error.localizedDescription)")
            }
        }
        var outcome = BuildOutcome()
        // Earlier copies of a story are looked up in the index as it was before this run.
        let stories = StoryIndexing(options: options.stories ?? .init(), existing: options.stories == nil ? nil : existing)
        do {
            let writers = try ShardWriters(
                urls: ShardLayout.urls(generation: target, count: shards), mode: .open,
                batchSize: inPlace ? nil : options.batchSize)
            // In place, one transaction: a reader sees the whole update or none of it, and a
            // kill leaves the index as it was.
            if inPlace { try writers.beginTransaction() }
            for term in removedTerms {
                try writers.deleteDocuments(ofFileTerm: term)
                try writers.setRecord(path: String(term.dropFirst(Schema.file.prefix.count)), "")
                summary.removed += 1
            }
            for item in retouched {
                if let record = item.record {
                    try writers.setRecord(path: item.file.relativePath, record.encoded)
                }
            }
            for item in toWrite {
                let term = Schema.identifierTerm(Schema.file, item.file.relativePath)
                let wasIndexed = indexedTerms.contains(term)
                try writers.deleteDocuments(ofFileTerm: term)
                try writers.setRecord(path: item.file.relativePath, "")
                let written = try write(item, to: writers, stories: stories, outcome: &outcome)
                if !item.articles.isEmpty {
                    if wasIndexed { summary.updated += 1 } else { summary.added += 1 }
                } else if wasIndexed {
                    summary.removed += 1
                }
                tracker.advance(files: 1, documents: written)
            }
            outcome.slots = outcome.slots.union(writers.facetSlotsUsed)
            try writers.recordMetadata(slots: outcome.slots.union(slotsBefore))
            if inPlace { try writers.commitTransaction() }
            try writers.close()
        } catch {
            throw IndexError.from(error, path: target.path)
        }
        if !inPlace { try directory.switchTo(generation: targetGeneration) }
        summary.documentsWritten = outcome.documents
        summary.rejected += outcome.rejected
        summary.warnings += outcome.warnings
        summary.duplicates += outcome.duplicates
    }

    // MARK: - Reading and extracting

    /// Reads, hashes, parses and extracts entities of files, on `jobs` threads.
    private func prepareAll(_ files: [CorpusFile]) -> [PreparedFile] {
        let results = ResultBox<PreparedFile>(count: files.count)
        let queue = WorkQueue(count: files.count)
        DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(1, files.count))) { _ in
            while let index = queue.take() {
                results[index] = self.prepare(files[index])
            }
        }
        return results.values.map { $0! }
    }

    /// Reads one file and makes its articles ready to index. Never throws: what cannot be read
    /// or parsed becomes a rejection naming the file.
    func prepare(_ file: CorpusFile) -> PreparedFile {
        var result = PreparedFile(file: file)
        let loaded: ArticleReader.LoadedFile
        switch reader.load(fileAt: file.url, relativePath: file.relativePath) {
        case .success(let file): loaded = file
        case .failure(let rejection):
            result.rejected.append(rejection)
            return result
        }
        let bytes = loaded.bytes
        result.record = FileRecord(hash: ContentHash(bytes: bytes), size: loaded.size, modified: loaded.modified)
        let read = reader.read(bytes: bytes, relativePath: file.relativePath)
        result.rejected = read.rejections
        result.warnings = read.warnings
        result.articles = read.articles.map { article in
            PreparedArticle(
                article: article, entities: extractor.entities(of: article),
                fingerprint: options.stories.map { StoryFingerprint(article: article, options: $0) })
        }
        return result
    }
}

/// One file, read and parsed, ready to write.
struct PreparedFile: Sendable {
    var file: CorpusFile
    var record: FileRecord?
    var articles: [PreparedArticle] = []
    var rejected: [Rejection] = []
    var warnings: [ReadWarning] = []

    init(file: CorpusFile) { self.file = file }
}

/// What a build wrote.
struct BuildOutcome: Sendable {
    var filesIndexed = 0
    var documents = 0
    var rejected: [Rejection] = []
    var warnings: [ReadWarning] = []
    var duplicates: [ExactDuplicate] = []
    var slots = FacetSlotUsage()

    mutating func merge(_ other: BuildOutcome) {
        filesIndexed += other.filesIndexed
        documents += other.documents
        rejected += other.rejected
        warnings += other.warnings
        duplicates += other.duplicates
        slots = slots.union(other.slots)
    }
}

/// Hands out indexes 0..<count, once each, to any number of threads.
final class WorkQueue: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// Slots that threads fill, each slot by one thread.
final class ResultBox<T>: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [T?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return storage[index] }
        set { lock.lock(); storage[index] = newValue; lock.unlock() }
    }

    var values: [T?] { lock.lock(); defer { lock.unlock() }; return storage }
}

/// Counts progress from any thread and reports it at most a few times a second.
final class ProgressTracker: @unchecked Sendable {
    private let lock = NSLock()
    private let total: Int
    private let start: Date
    private let report: (@Sendable (IndexProgress) -> Void)?
    private var files = 0
    private var documents = 0
    private var lastReport = Date.distantPast

    init(total: Int, start: Date, report: (@Sendable (IndexProgress) -> Void)?) {
        self.total = total
        self.start = start
        self.report = report
    }

    func advance(files: Int, documents: Int) {
        guard let report else { return }
        lock.lock()
        self.files += files
        self.documents += documents
        let now = Date()
        let due = now.timeIntervalSince(lastReport) >= 0.1 || self.files == total
        if due { lastReport = now }
        let progress = IndexProgress(
            filesDone: self.files, filesTotal: total, documents: self.documents,
            elapsed: now.timeIntervalSince(start))
        lock.unlock()
        if due { report(progress) }
    }
}
