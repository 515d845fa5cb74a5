// The JSON that `index --format json` prints. Fields may be added, never renamed or removed,
// without a new format_version.
import Newsdex

struct IndexSummaryJSON: Encodable {
    static let formatVersion = 1

    let summary: IndexSummary
    /// The summary's warnings and the CLI's own (see `Index.warnings`).
    let warnings: [ReadWarning]

    struct Duplicate: Encodable {
        var id: String
        var sameAs: String

        enum CodingKeys: String, CodingKey { case id, sameAs = "same_as" }
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", database, added, updated, unchanged, removed
        case rejected, warnings, duplicates, documentsWritten = "documents_written"
        case documentsTotal = "documents_total", rebuilt, recompacted, shards, shard, seconds
        case documentsPerSecond = "documents_per_second"
        case skippedRecords = "skipped_records", unchangedRecords = "unchanged_records"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.formatVersion, forKey: .formatVersion)
        try c.encode(summary.database, forKey: .database)
        try c.encode(summary.added, forKey: .added)
        try c.encode(summary.updated, forKey: .updated)
        try c.encode(summary.unchanged, forKey: .unchanged)
        try c.encode(summary.removed, forKey: .removed)
        try c.encode(summary.rejected, forKey: .rejected)
        try c.encode(warnings, forKey: .warnings)
        try c.encode(summary.duplicates.map { Duplicate(id: $0.id, sameAs: $0.sameAs) }, forKey: .duplicates)
        try c.encode(summary.documentsWritten, forKey: .documentsWritten)
        try c.encode(summary.documentsTotal, forKey: .documentsTotal)
        try c.encode(summary.rebuilt, forKey: .rebuilt)
        try c.encode(summary.recompacted, forKey: .recompacted)
        try c.encode(summary.shards, forKey: .shards)
        // Only in an index built as one shard of a whole (`--shard I/N`).
        try c.encodeIfPresent(summary.shard?.description, forKey: .shard)
        try c.encode((summary.seconds * 1000).rounded() / 1000, forKey: .seconds)
        try c.encode(summary.documentsPerSecond.rounded(), forKey: .documentsPerSecond)
        try c.encode(summary.skippedRecords, forKey: .skippedRecords)
        try c.encode(summary.unchangedRecords, forKey: .unchangedRecords)
    }
}
