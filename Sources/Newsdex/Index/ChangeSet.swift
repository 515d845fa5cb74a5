// Change detection for an incremental run: which corpus files are new, changed, unchanged or gone
// since the index recorded them. Size and time first, as make and git do: a file whose record
// matches both is not even read. A file whose size or time differ is read and hashed, and is
// only "touched" when its content hash is the one recorded.
import Foundation
internal import Xapian

/// What changed between the corpus and an index.
struct ChangeSet {
    /// Files with no record, or whose size or time differ from it: to read again.
    var candidates: [CorpusFile] = []
    /// The records of candidates the index already had, by relative path.
    var records: [String: FileRecord] = [:]
    /// Files whose size and time are as recorded.
    var unchanged = 0
    /// File terms of indexed files that are gone from the corpus, sorted.
    var removed: [String] = []
    /// The file term of every file the index has documents of.
    var indexed: Set<String> = []

    var isEmpty: Bool { candidates.isEmpty && removed.isEmpty }

    /// Compares `files` with the records in `database`.
    /// - Parameter removal: the part of the corpus whose indexed files count as removed when
    ///   they are not in `files` (the paths a run was given); nil to remove nothing.
    /// - Throws: what reading the index's file terms and records throws.
    static func detect(files: [CorpusFile], in database: Database, removal: CorpusScope?) throws -> ChangeSet {
        var changes = ChangeSet()
        changes.indexed = Set(try database.allTerms(prefix: Schema.file.prefix).map(\.term))
        var present = Set<String>()
        for file in files {
            present.insert(Schema.identifierTerm(Schema.file, file.relativePath))
            let record = try FileRecord.read(from: database, path: file.relativePath)
            if let record, let status = FileStatus(path: file.url.path), status.size == record.size,
                status.modified == record.modified
            {
                changes.unchanged += 1
            } else {
                changes.candidates.append(file)
                changes.records[file.relativePath] = record
            }
        }
        changes.removed = removal.map { scope in
            changes.indexed.subtracting(present).filter { scope.covers(fileTerm: $0) }.sorted()
        } ?? []
        return changes
    }

    /// Read candidates split into those whose content changed (or that have rejected parts, to
    /// be reported again) and those only touched: same content hash, new time.
    func sort(_ prepared: [PreparedFile]) -> (changed: [PreparedFile], touched: [PreparedFile]) {
        var changed: [PreparedFile] = []
        var touched: [PreparedFile] = []
        for item in prepared {
            if let old = records[item.file.relativePath], let new = item.record, old.hash == new.hash,
                item.rejected.isEmpty
            {
                touched.append(item)
            } else {
                changed.append(item)
            }
        }
        return (changed, touched)
    }
}
