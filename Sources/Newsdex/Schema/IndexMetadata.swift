// The keys of an index's metadata (Xapian's user metadata), which the indexer writes and readers
// (searches, stats, check, the next index run) read.
//
// Metadata is read from a combined database's first shard only, so what readers need of the
// whole index lives in shard 0; the schema version and the shard's place are in every shard.
public enum IndexMetadata {
    /// The schema version (`Schema.version`) the index was built with; in every shard.
    public static let schemaVersion = "newsdex.schema"
    /// When the index was last written, ISO 8601; in shard 0.
    public static let indexedAt = "newsdex.indexed-at"
    /// The facet slots in use (`FacetSlotUsage`, as JSON); in shard 0.
    public static let facetSlots = "newsdex.facet-slots"
    /// How many shards the index has ("1" or absent: one database); in every shard.
    public static let shardCount = "newsdex.shards"
    /// Which shard this database is, from 0; in every shard.
    public static let shardIndex = "newsdex.shard"
    /// "I/N" in an index built alone as shard I of N (`--shard I/N`, one database whose shard
    /// count and place say I of N); absent otherwise.
    public static let standaloneShard = "newsdex.standalone-shard"
    /// The corpus root, as a path relative to the index directory ("../corpus"); in shard 0.
    /// Absent in an index built before it was recorded.
    public static let corpusRoot = "newsdex.corpus-root"

    /// "BYTES DOCUMENTS": the size of a one-database generation on disk and its documents when
    /// it was last built or compacted; an update that grows it well past that compacts it
    /// again (Index/Recompaction.swift).
    public static let compactedSize = "newsdex.compacted-size"

    /// The start of every file record's key.
    static let fileRecordPrefix = "file:"

    /// The start of the key of a web archive record's fingerprint.
    static let archiveRecordPrefix = "record:"

    /// The key of the fingerprint (the crawler's digest, else a hash of the payload) of the web
    /// archive record whose article is `id`, in the archive at `path`, in shard 0: an incremental
    /// run re-indexes only the records of a changed archive whose fingerprint changed.
    static func archiveRecordKey(path: String, id: String) -> String {
        Schema.identifierTerm(prefix: archiveRecordPrefix, path + "\n" + id)
    }

    /// The key of the record of the corpus file at `path` (its hash, size and time; see
    /// FileRecord), in shard 0. Xapian keys are bounded, so long paths are shortened as
    /// identifier terms are.
    public static func fileRecordKey(path: String) -> String {
        Schema.identifierTerm(prefix: fileRecordPrefix, path)
    }
}
