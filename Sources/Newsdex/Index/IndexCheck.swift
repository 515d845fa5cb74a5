// `check`: does the index match the corpus? What CI runs after a rebuild.
import Foundation
internal import Xapian

/// A difference between the corpus and the index.
public struct IndexDiscrepancy: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: String, Sendable {
        /// A corpus file with no documents in the index.
        case notIndexed = "not indexed"
        /// A corpus file whose content changed since it was indexed.
        case stale
        /// Documents whose file is gone from the corpus.
        case orphaned
    }
    public var kind: Kind
    public var path: String

    public var description: String { "\(path): \(kind.rawValue)" }
}

public struct IndexCheckReport: Sendable {
    public var filesChecked: Int
    public var discrepancies: [IndexDiscrepancy]
    /// Groups of article ids whose bodies are the same text: reported, not a discrepancy.
    public var duplicates: [[String]]
    public var isConsistent: Bool { discrepancies.isEmpty }
}

public enum IndexCheck {
    /// Compares every corpus file's content with what the index recorded for it, and every file
    /// the index knows with the corpus. Reads every file: it trusts no timestamps. A sharded
    /// index is checked through all its shards at once (file records live in shard 0, documents
    /// in every shard), after checking that each shard is of this schema and in its place.
    /// - Throws: `IndexError` when the index cannot be opened.
    public static func run(inputs: [URL], database path: String) throws -> IndexCheckReport {
        let database = try IndexOpener.open(path)
        try SchemaCheck.verify(database, index: path)
        try ShardLayout.verifyShards(of: IndexDirectory(url: URL(fileURLWithPath: path)), count: ShardLayout.count(of: database))
        let files = ArticleReader.articleFiles(under: inputs).files
        var discrepancies: [IndexDiscrepancy] = []
        var present = Set<String>()
        let prefix = Schema.file.prefix
        for file in files {
            let term = Schema.identifierTerm(Schema.file, file.relativePath)
            present.insert(String(term.dropFirst(prefix.count)))
            let record = FileRecord.read(from: database, path: file.relativePath)
            guard let record else {
                discrepancies.append(.init(kind: .notIndexed, path: file.relativePath))
                continue
            }
            if contentHash(of: file.url) != record.hash {
                discrepancies.append(.init(kind: .stale, path: file.relativePath))
            }
        }
        var duplicates: [[String]] = []
        do {
            for (term, _) in try database.allTerms(prefix: prefix) {
                let path = String(term.dropFirst(prefix.count))
                if !present.contains(path) { discrepancies.append(.init(kind: .orphaned, path: path)) }
            }
            for (term, frequency) in try database.allTerms(prefix: Schema.bodyHash.prefix) where frequency > 1 {
                var ids: [String] = []
                for docid in try database.postings(term) {
                    let stored = try? StoredDocument(of: database.document(docid))
                    if let id = stored?.id { ids.append(id) }
                }
                duplicates.append(ids.sorted())
            }
        } catch {
            throw IndexError.from(error, index: path)
        }
        return IndexCheckReport(filesChecked: files.count, discrepancies: discrepancies, duplicates: duplicates)
    }

    /// A file's content hash, read as it streams (a web archive may be gigabytes); nil when the
    /// file cannot be read.
    private static func contentHash(of url: URL) -> ContentHash? {
        guard let status = FileStatus(path: url.path), let file = try? FileByteSource(path: url.path) else { return nil }
        let source = HashingByteSource(file, count: status.size)
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while let count = try? buffer.withUnsafeMutableBytes({ try source.read(into: $0) }), count > 0 {}
        return source.hash
    }
}
