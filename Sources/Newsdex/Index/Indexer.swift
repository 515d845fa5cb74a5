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

    /// Brings the index up to date with the corpus, under the paths given.
    ///
    /// Each path must exist and be under the corpus root the index recorded at its first build
    /// (see CorpusScope); only files under the paths are read, and only indexed files under them
    /// that are gone are removed. A rebuild from part of the corpus is refused unless
    /// `options.force`, when it would drop indexed files. What killed runs left is removed once
    /// the lock is taken, and what this run wrote is removed if it fails.
    /// - Parameter progress: called as files are done and as the run enters each phase, from
    ///   any thread, one call at a time and in order.
    /// - Throws: `CorpusError` when the paths cannot be indexed as asked (nothing is done);
    ///   `LibraryLoadError` when libxml2 or libcld2 cannot be loaded (nothing is done);
    ///   `IndexError` when the index cannot be locked, opened or written.
    public func run(progress: (@Sendable (IndexProgress) -> Void)? = nil) throws -> IndexSummary {
        let start = Date()
        try ArticleReader.loadLibraries()
        let directory = IndexDirectory(url: options.database)
        let lock = try directory.lock()
        defer { withExtendedLifetime(lock) {} }
        // With the lock held no other run is writing: whatever a killed run left is garbage, and
        // on a full disk it is what fills it.
        directory.removeLeftovers()

        let current = directory.currentGeneration()
        // The live generation, if there is one. A rebuild must not depend on reading it (it is
        // how a damaged index is mended), so for a rebuild it is read only if it opens.
        let existing: Database?
        if let current, !options.rebuild {
            existing = try openGeneration(current, in: directory)
        } else {
            existing = current.flatMap { try? openGeneration($0, in: directory) }
        }
        let recordedRoot = try existing.flatMap { database in
            try readMetadata(database, IndexMetadata.corpusRoot).flatMap { CorpusScope.recordedRoot($0, index: directory.url) }
        }
        // The index remembers its shard count, and whether it is one shard built alone; asking
        // for another layout implies a rebuild, since every article's shard depends on it.
        let existingShards: Int?
        let existingSelection: ShardSelection?
        do {
            existingShards = try existing.map(ShardLayout.count(of:))
            existingSelection = try existing.flatMap(ShardSelection.recorded(in:))
        } catch {
            throw IndexError.from(error, index: indexPath)
        }
        let selection = options.shards != nil ? nil : (options.shard ?? existingSelection)
        let shards = selection != nil ? 1 : (options.shards ?? existingShards ?? 1)
        let rebuild = existing == nil || options.rebuild || existingShards != shards || existingSelection != selection
        let scope = try CorpusScope.resolve(inputs: options.inputs, recorded: recordedRoot, rebuild: rebuild)
        var dropped = 0
        if rebuild, let existing {
            dropped = try filesDropped(by: scope, from: existing, recordedRoot: recordedRoot)
        }

        let listing = ArticleReader.listing(under: scope.inputs, corpusRoot: scope.root)
        let files = listing.files
        var summary = IndexSummary(database: directory.url.path)
        // What the corpus holds but cannot be read is reported, never left out without a word.
        for skipped in listing.skipped {
            if skipped.isRejection {
                summary.rejected.append(Rejection(path: skipped.path, reason: skipped.explanation))
            } else {
                summary.warnings.append(ReadWarning(path: skipped.path, message: skipped.explanation))
            }
        }
        summary.shards = shards
        summary.shard = selection
        let tracker = ProgressTracker(start: start, report: progress)
        let root = CorpusScope.storedRoot(scope.root, index: directory.url)
        do {
            if !rebuild, let current, let existing {
                // Vanished files are removed only under the paths given, and not at all when
                // they list no file (a folder emptied by a failed mount must not empty the
                // index) or when the index did not record its root (paths may be relative to
                // another folder than today's).
                var removal: CorpusScope? = recordedRoot == nil ? nil : scope
                if files.isEmpty {
                    removal = nil
                    summary.nothingListed = true
                }
                try update(
                    generation: current, existing: existing, in: directory, files: files, removal: removal,
                    root: root, selection: selection, summary: &summary, tracker: tracker)
            } else {
                try build(
                    in: directory, shards: shards, selection: selection, files: files, root: root, summary: &summary,
                    tracker: tracker)
                summary.removed = dropped
            }
        } catch {
            // What this run wrote goes at once: a partial generation, its part folders, a copy.
            directory.removeLeftovers()
            let failure = IndexError.from(error, index: indexPath)
            guard case .noSpace(let needed, _) = failure.code else { throw failure }
            throw failure.withSpace(
                needed: needed ?? spaceNeeded(files: files), available: directory.availableBytes())
        }
        summary.documentsTotal = try documentCount(of: directory)
        summary.seconds = Date().timeIntervalSince(start)
        return summary
    }

    /// Opens generation `name` of `directory` for reading.
    /// - Throws: `IndexError`: `.stubNesting` for stubs that name themselves or nest too deep,
    ///   `.missingGeneration` when it is not there, else what opening throws, and `.schemaMismatch`.
    func openGeneration(_ name: String, in directory: IndexDirectory) throws -> Database {
        // Xapian recurses without end through a stub that names itself: the stubs first.
        try StubGraph.validate(directory.url.path, index: directory.url.path)
        let url = directory.generationURL(name)
        guard FileManager.default.fileExists(atPath: url.path) else {
            throw IndexError(.missingGeneration, index: indexPath, detail: name)
        }
        let database: Database
        do {
            database = try Database(path: url.path)
        } catch {
            throw IndexError.from(error, index: indexPath)
        }
        try SchemaCheck.verify(database, index: indexPath)
        return database
    }

    /// A metadata value, nil when unset.
    private func readMetadata(_ database: Database, _ key: String) throws -> String? {
        do {
            let value = try database.metadata(key)
            return value.isEmpty ? nil : value
        } catch {
            throw IndexError.from(error, index: indexPath)
        }
    }

    /// How many indexed files a rebuild of `scope` would drop: those not under a path given.
    /// - Throws: `CorpusError.rebuildDropsFiles` when that is some and `options.force` is not
    ///   set; nothing when the index cannot say what it holds (a damaged one is rebuilt).
    private func filesDropped(by scope: CorpusScope, from existing: Database, recordedRoot: URL?) throws -> Int {
        guard let terms = try? existing.allTerms(prefix: Schema.file.prefix) else { return 0 }
        let prefix = Schema.file.prefix
        let dropped = terms.map(\.term).filter { term in
            guard let recordedRoot else { return !scope.covers(fileTerm: term) }
            return !scope.covers(path: String(term.dropFirst(prefix.count)), under: recordedRoot)
        }
        guard !dropped.isEmpty, !options.force else { return dropped.count }
        throw CorpusError.rebuildDropsFiles(
            paths: options.inputs.map(\.relativePath), root: (recordedRoot ?? scope.root).path, count: dropped.count,
            examples: dropped.prefix(3).map { String($0.dropFirst(prefix.count)) })
    }

    /// Documents in the index now.
    private func documentCount(of directory: IndexDirectory) throws -> Int {
        do {
            return try Database(path: directory.url.path).documentCount
        } catch {
            throw IndexError.from(error, index: indexPath)
        }
    }

    /// About how many bytes a new generation of `files` takes: six times their text (five on a
    /// generated 10k corpus, six and a half on 300 short real stories), twice that while parts
    /// built on several threads are merged into it.
    func spaceNeeded(files: [CorpusFile]) -> Int64 {
        let text = files.reduce(Int64(0)) { $0 + Int64(FileStatus(path: $1.url.path)?.size ?? 0) }
        return (options.jobs > 1 && (options.shards ?? 1) == 1 ? 2 : 1) * spaceNeeded(bytes: text)
    }

    /// About how many bytes indexing `bytes` of text adds to a generation.
    func spaceNeeded(bytes: Int64) -> Int64 { 6 * bytes }
}
