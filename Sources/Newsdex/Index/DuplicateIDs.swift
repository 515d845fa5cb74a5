// Two files that give one id (two JSON Lines files with `"id": "c1"`): both were indexed, and
// `show c1` showed one of them. One id is one article, so one of them wins: the one in the first
// file in path order, which a full build and an incremental run agree on whatever order the
// threads wrote in. The other is deleted before the run commits, and reported as a rejection
// naming the winner; its file is left unrecorded, so the next run reads it again and reports it
// again until one of the two changes. (Two lines of one file are told apart when it is read: see
// JSONLinesParser.)
import Foundation
internal import Xapian

/// An id given by two files: the article of `kept` is indexed, that of `dropped` is not.
struct DuplicateID: Sendable, Hashable {
    var id: String
    var kept: String
    var dropped: String

    var rejection: Rejection {
        Rejection(path: dropped, reason: "duplicate id \(id.debugDescription): \(kept) has it and is indexed; this article is not")
    }
}

/// The article ids written in one run, to find those written twice without a second pass over
/// the index. Thread-safe: every worker of a build shares one.
final class WrittenIDs: @unchecked Sendable {
    // Safe: both sets are used only under `lock`.
    private let lock = NSLock()
    /// A 64-bit hash of each id written: 8 bytes an article, not the id's own bytes.
    private var hashes = Set<UInt64>()
    /// Ids that may be written twice: their hash was seen before, or the database already held
    /// the id. Resolving them checks the index itself, so a hash collision costs a lookup only.
    private var suspects = Set<String>()

    /// Notes `id`, written to a database that now holds `count` documents with it.
    func note(_ id: String, documentsWithID count: Int) {
        let hash = FNV1a.hash(id)
        lock.withLock {
            if !hashes.insert(hash).inserted || count > 1 { suspects.insert(id) }
        }
    }

    /// The ids that may have been written twice, sorted.
    var possibleDuplicates: [String] { lock.withLock { suspects.sorted() } }
}

extension ShardWriters {
    /// Keeps one article for each id of `ids` that several files give, the one of the first
    /// file in path order, and deletes the others with their captions; their files' records are
    /// removed so that the next run reads them again.
    /// - Returns: each id dropped, with the file kept and the file dropped, and how many
    ///   documents were deleted.
    /// - Throws: `IndexError` when the index cannot be read or written.
    func resolveDuplicates(_ ids: [String]) throws -> (duplicates: [DuplicateID], deleted: Int) {
        var duplicates: [DuplicateID] = []
        var deleted = 0
        for id in ids {
            let found = try inShard(ofArticle: id) { database -> ([DuplicateID], Int) in
                let docids = try database.postings(Schema.identifierTerm(Schema.uniqueID, id))
                guard docids.count > 1 else { return ([], 0) }
                var claims: [(path: String, docid: DocumentID)] = []
                for docid in docids {
                    let stored = try StoredDocument(of: database.document(docid))
                    claims.append((stored.path ?? stored.id, docid))
                }
                claims.sort { ($0.path, $0.docid) < ($1.path, $1.docid) }
                let kept = claims[0].path
                var result: [DuplicateID] = []
                var count = 0
                for loser in claims.dropFirst() {
                    try database.delete(loser.docid)
                    count += 1
                    // Its captions: those of this id that came from the dropped file.
                    for caption in try database.postings(Schema.identifierTerm(Schema.article, id)) {
                        if try StoredDocument(of: database.document(caption)).path == loser.path {
                            try database.delete(caption)
                            count += 1
                        }
                    }
                    result.append(DuplicateID(id: id, kept: kept, dropped: loser.path))
                }
                return (result, count)
            }
            duplicates += found.0
            deleted += found.1
        }
        for dropped in Set(duplicates.map(\.dropped)) { try setRecord(path: dropped, "") }
        return (duplicates, deleted)
    }
}
