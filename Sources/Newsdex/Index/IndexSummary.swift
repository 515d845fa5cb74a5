// What an index run reports: its progress as it goes, and what it did.

/// How far an index run has got, reported as it goes.
public struct IndexProgress: Sendable, Equatable {
    /// What a run is doing. Most of a run is `indexing`; the other phases are the steps before
    /// and after it, which take seconds on a large index.
    public enum Phase: Sendable, Equatable {
        /// Comparing this many corpus files with what the index recorded of them (a later run).
        case comparing(files: Int)
        /// Reading and parsing this many new or changed files, before writing them (a later run).
        case reading(files: Int)
        /// Reading, parsing and writing articles (in a later run, writing what was read).
        case indexing
        /// Copying the live generation, to update the copy and switch to it.
        case copying
        /// Committing what was written to disk.
        case committing
        /// Merging the databases that this many threads of a full build wrote into one.
        case merging(databases: Int)
        /// Compacting an index an update grew past its limit into a new generation.
        case compacting
        /// Switching readers to the new generation and removing the old ones.
        case switching
    }

    public var phase: Phase
    /// Articles written so far in this run (a JSON Lines file or a web archive holds many).
    public var articles = 0
    /// Documents written so far: articles and captions.
    public var documents = 0
    /// Bytes of the files this phase reads, and how many of them are done: the phase's share
    /// done, whatever the files hold. `bytesTotal` is 0 in a phase that reads no files.
    public var bytesDone = 0
    public var bytesTotal = 0
    /// Seconds since the run started.
    public var elapsed = 0.0

    public init(phase: Phase) { self.phase = phase }
}

/// What an index run did.
public struct IndexSummary: Sendable {
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
    /// The update grew the index past its limit, and it was compacted into a new generation.
    public var recompacted = false
    /// The inputs listed no article file at all, so nothing was removed from the index: a
    /// mistyped path must not empty it.
    public var nothingListed = false
    /// Web archive records that are not articles (requests, revisits, images, …), by kind.
    public var skippedRecords: [String: Int] = [:]
    /// Article records of changed web archives that are as they were indexed, so not rewritten.
    public var unchangedRecords = 0
    /// Databases the index is split into.
    public var shards = 1
    /// The shard of a whole this index was built as alone (`--shard I/N`), if it is one.
    public var shard: ShardSelection?
    public var seconds = 0.0

    public var documentsPerSecond: Double { seconds > 0 ? Double(documentsWritten) / seconds : 0 }
}
