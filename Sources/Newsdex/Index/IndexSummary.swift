// What an index run reports: its progress as it goes, and what it did.

/// How far an index run has got, reported as it goes.
public struct IndexProgress: Sendable {
    public var filesDone: Int
    public var filesTotal: Int
    public var documents: Int
    public var elapsed: Double
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
    /// The inputs listed no article file at all, so nothing was removed from the index: a
    /// mistyped path must not empty it.
    public var nothingListed = false
    /// Web archive records that are not articles (requests, revisits, images, …), by kind.
    public var skippedRecords: [String: Int] = [:]
    /// Article records of changed web archives that are as they were indexed, so not rewritten.
    public var unchangedRecords = 0
    /// Databases the index is split into.
    public var shards = 1
    public var seconds = 0.0

    public var documentsPerSecond: Double { seconds > 0 ? Double(documentsWritten) / seconds : 0 }
}
