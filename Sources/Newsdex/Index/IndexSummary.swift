// What an index run reports: its progress as it goes, and what it did.

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
