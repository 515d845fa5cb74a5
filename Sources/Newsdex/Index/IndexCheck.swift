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
    /// What the corpus holds that is named like an article but was not read (a FIFO, a broken
    /// link, a name that is not UTF-8): counted and listed, not a discrepancy, since indexing
    /// again cannot change it.
    public var skipped: [SkippedFile] = []
    /// With `deep`: the databases whose every table Xapian's own check read and found sound
    /// (the index itself, or its shards); damage is thrown, not listed.
    public var tablesChecked: [String] = []
    /// With `deep`: remote shards (host:port), which only their servers can check.
    public var notChecked: [String] = []
    public var isConsistent: Bool { discrepancies.isEmpty }
}

public enum IndexCheck {
    /// Compares every corpus file under `inputs` with what the index recorded for it, and every
    /// file the index knows under `inputs` with the corpus. Reads every file: it trusts no
    /// timestamps. Paths are taken as `newsdex index` takes them: under the corpus root the
    /// index recorded, and an indexed file outside them is not looked at. A sharded index is
    /// checked through all its shards at once (file records live in shard 0, documents in every
    /// shard), after checking that each shard is of this schema and in its place.
    /// - Parameter deep: also run Xapian's own consistency check over every table of every
    ///   local database of the index (it reads the whole index).
    /// - Throws: `CorpusError` for a path that does not exist or is outside the corpus;
    ///   `IndexError` when the index cannot be opened or read, `.corrupt` when the deep check
    ///   finds damage.
    public static func run(inputs: [URL], database path: String, deep: Bool = false) throws -> IndexCheckReport {
        let database = try IndexOpener.open(path)
        try SchemaCheck.verify(database, index: path)
        let directory = IndexDirectory(url: URL(fileURLWithPath: path))
        let recorded: URL?
        do {
            try ShardLayout.verifyShards(of: directory, count: try ShardLayout.count(of: database))
            recorded = CorpusScope.recordedRoot(try database.metadata(IndexMetadata.corpusRoot), index: directory.url)
        } catch {
            throw IndexError.from(error, index: path)
        }
        // An index that does not record its root (built before it did, or a stub of remote
        // shards, whose root is relative to another machine's folder) is taken to be of the
        // paths given, as it was built.
        let root = recorded.flatMap { FileManager.default.fileExists(atPath: $0.path) ? $0 : nil }
        let scope = try CorpusScope.resolve(inputs: inputs, recorded: root, rebuild: false)
        let listing = ArticleReader.listing(under: scope.inputs, corpusRoot: scope.root)
        let files = listing.files
        var report = IndexCheckReport(filesChecked: files.count, discrepancies: [], duplicates: [], skipped: listing.skipped)
        do {
            var present = Set<String>()
            for file in files {
                present.insert(Schema.identifierTerm(Schema.file, file.relativePath))
                guard let record = try FileRecord.read(from: database, path: file.relativePath) else {
                    report.discrepancies.append(.init(kind: .notIndexed, path: file.relativePath))
                    continue
                }
                // Read as the indexer reads: a regular file only, without blocking, and no larger
                // than the indexer may read (a file grown past that is stale); a web archive as
                // it streams, whatever its size.
                let hash = WebArchiveReader.isWebArchive(file.relativePath)
                    ? contentHash(of: file.url)
                    : (try? RegularFile.read(file.url.path, maxBytes: 1 << 30).get().bytes).map { ContentHash(bytes: $0) }
                if hash != record.hash {
                    report.discrepancies.append(.init(kind: .stale, path: file.relativePath))
                }
            }
            let prefix = Schema.file.prefix
            for (term, _) in try database.allTerms(prefix: prefix) where !present.contains(term) && scope.covers(fileTerm: term) {
                report.discrepancies.append(.init(kind: .orphaned, path: String(term.dropFirst(prefix.count))))
            }
            for (term, frequency) in try database.allTerms(prefix: Schema.bodyHash.prefix) where frequency > 1 {
                var ids: [String] = []
                for docid in try database.postings(term) {
                    ids.append(try StoredDocument(of: database.document(docid)).id)
                }
                report.duplicates.append(ids.sorted())
            }
        } catch {
            throw IndexError.from(error, index: path)
        }
        if deep {
            let (checked, remote) = try verifyTables(of: path)
            report.tablesChecked = checked
            report.notChecked = remote
            try verifyStoredDocuments(of: database, index: path)
        }
        return report
    }

    /// Reads every document's stored data, which Xapian's check cannot judge (to it, a record is
    /// bytes).
    /// - Throws: `IndexError.unreadableDocument` naming the first that is not a stored document.
    static func verifyStoredDocuments(of database: Database, index path: String) throws {
        do {
            for docid in try database.postings("") {
                _ = try StoredDocument(of: database.document(docid))
            }
        } catch {
            throw IndexError.from(error, index: path)
        }
    }

    /// Runs Xapian's consistency check (`Xapian::Database::check`, as `xapian-check` does) over
    /// every local database of the index at `path`.
    /// - Returns: the databases checked (as errors would name them: "" for the index itself, a
    ///   shard's name, a path a stub file lists) and the remote shards left to their servers.
    /// - Throws: `IndexError.corrupt` naming the database (and table) that is damaged.
    static func verifyTables(of path: String) throws -> (checked: [String], remote: [String]) {
        let (local, remote) = try IndexOpener.databases(of: path)
        var checked: [String] = []
        for (name, location) in local {
            let result: (problems: Int, report: String)
            do {
                result = try Database.checkConsistency(at: location)
            } catch {
                throw IndexError(.corrupt, index: path, part: name.isEmpty ? nil : name, detail: (error as? XapianError)?.message ?? "\(error)")
            }
            guard result.problems == 0 else {
                let first = result.report.split(separator: "\n").first { $0.contains("rror") || $0.contains("amage") }
                throw IndexError(
                    .corrupt, index: path, part: name.isEmpty ? nil : name,
                    detail: "\(result.problems) problem(s) found by Xapian's check" + (first.map { ": \($0)" } ?? ""))
            }
            checked.append(name)
        }
        return (checked, remote)
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
