// What an index run is asked to do.
import Foundation

/// What `Indexer.run` is asked to do.
public struct IndexOptions: Sendable {
    /// Corpus roots (folders) or single files.
    public var inputs: [URL]
    /// The index directory.
    public var database: URL
    /// Build a fresh index from scratch, beside the live one.
    public var rebuild: Bool
    /// Let a rebuild from part of the corpus drop the indexed files outside it (refused without).
    public var force: Bool
    /// Threads that parse, extract and (for a full build) index in parallel.
    public var jobs: Int
    /// Databases the index is split into; nil keeps the index's count (1 for a new index). A
    /// count other than the index's rebuilds it.
    public var shards: Int?
    /// Build only this shard of the whole, alone (`--shard I/N`); nil keeps what the index was
    /// built as. Not with `shards`, which asks for a whole index.
    public var shard: ShardSelection?
    /// Documents between commits when building a new generation; bounds memory.
    public var batchSize: Int
    /// Above this many changed files, an incremental run updates a copy of the index rather than
    /// the live one in a single transaction (which holds every change in memory).
    public var inPlaceLimit: Int
    /// How much an update may grow a one-database generation over its size when last built or
    /// compacted (scaled by its documents) before it is compacted into the next generation.
    public var growthLimit: Double = 1.1
    /// Generations smaller than this are never re-compacted: their growth costs little, and
    /// they keep their in-place updates.
    public var recompactionMinimumBytes: Int64 = 16 << 20
    public var reader: ArticleReader.Options
    /// How copies of one story are recognised (thresholds in StoryOptions); nil to not group
    /// copies at all.
    public var stories: StoryOptions?

    public init(
        inputs: [URL], database: URL, rebuild: Bool = false, force: Bool = false,
        jobs: Int = ProcessInfo.processInfo.activeProcessorCount, shards: Int? = nil, shard: ShardSelection? = nil,
        batchSize: Int = 2000,
        inPlaceLimit: Int = 2000, reader: ArticleReader.Options = .init(), stories: StoryOptions? = .init()
    ) {
        self.inputs = inputs
        self.database = database
        self.rebuild = rebuild
        self.force = force
        self.jobs = max(1, jobs)
        self.shards = shards.map { max(1, $0) }
        self.shard = shard
        self.batchSize = max(1, batchSize)
        self.inPlaceLimit = inPlaceLimit
        self.reader = reader
        self.stories = stories
    }
}
