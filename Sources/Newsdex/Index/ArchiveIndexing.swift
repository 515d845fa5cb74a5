// Indexing web archives. A WARC is read as it streams: its pages are read and their articles
// written in bounded batches, so memory does not grow with the archive (a multi-gigabyte crawl
// indexes in the memory of a small one), and its content hash is computed on the way. On an
// incremental run a changed archive's records are compared one by one with the fingerprints the
// index recorded: only new and changed records are written, and records gone are removed.
import Dispatch
import Foundation
internal import Xapian

/// What indexing one web archive did, beside the documents it wrote.
struct ArchiveCounts: Sendable {
    /// Article records written.
    var written = 0
    /// Article records left as they were indexed.
    var unchanged = 0
    /// Article records no longer in the archive, removed.
    var removed = 0
    var skipped: [String: Int] = [:]
}

extension Indexer {
    /// Pages read before their articles are written: a bound on memory.
    static let archiveBatchPages = 64
    static let archiveBatchBytes = 16 << 20

    /// Indexes the web archive `file`: every article record (a full build), or, against
    /// `existing` (the index as it was before this run), only the records whose fingerprint
    /// changed, removing the articles of records that are gone. Records its file record when no
    /// record of it was broken.
    func indexArchive(
        _ file: CorpusFile, to writers: ShardWriters, stories: StoryIndexing, existing: Database?,
        selection: ShardSelection? = nil, outcome: inout BuildOutcome, tracker: ProgressTracker
    ) throws -> ArchiveCounts {
        var counts = ArchiveCounts()
        let path = file.relativePath
        guard let status = FileStatus(path: file.url.path) else {
            outcome.rejected.append(Rejection(path: path, reason: "cannot read the file"))
            return counts
        }
        let source: HashingByteSource
        let archive: WebArchiveReader
        do {
            source = HashingByteSource(try FileByteSource(path: file.url.path), count: status.size)
            archive = try WebArchiveReader(source: source, path: path, maxRecordSize: options.reader.maxFileSize)
        } catch {
            outcome.rejected.append(Rejection(path: path, reason: (error as? ByteSourceError)?.message ?? "\(error)"))
            return counts
        }
        let folder = ArticleReader.folderSource(of: path)
        let previousIDs = try existing.map { try articleIDs(ofFile: path, in: $0) } ?? []
        var seen = Set<String>()
        var brokenRecords = false
        var batch: [ArchivedPage] = []
        var batchBytes = 0

        func flush() throws {
            guard !batch.isEmpty else { return }
            let pages = batch
            batch.removeAll(keepingCapacity: true)
            batchBytes = 0
            var written = 0
            for (page, read) in zip(pages, prepareArchivePages(pages, path: path, folder: folder)) {
                outcome.rejected += read.rejected
                outcome.warnings += read.warnings
                if existing != nil { try writers.deleteArticle(id: page.id) }
                for item in read.articles {
                    // `--shard I/N`: another shard's record is clustered, so that its copies
                    // collapse with this shard's, and recorded as read, never written.
                    if let selection, !selection.keeps(articleID: item.article.id) {
                        _ = try stories.assign(item)
                        try writers.setArchiveRecord(path: path, id: item.article.id, page.fingerprint)
                        continue
                    }
                    let story = try stories.assign(item)
                    if let original = story?.exactDuplicateOf, original != item.article.id {
                        outcome.duplicates.append(ExactDuplicate(id: item.article.id, sameAs: original))
                    }
                    let documents = try writers.add(item, file: path, story: story)
                    try writers.setArchiveRecord(path: path, id: item.article.id, page.fingerprint)
                    tracker.advance(articles: 1, documents: documents)
                    written += documents
                    counts.written += 1
                }
            }
            outcome.documents += written
        }

        while let item = archive.next() {
            switch item {
            case .page(let page):
                seen.insert(page.id)
                if let existing, previousIDs.contains(page.id),
                    try existing.metadata(IndexMetadata.archiveRecordKey(path: path, id: page.id)) == page.fingerprint
                {
                    counts.unchanged += 1
                    continue
                }
                batch.append(page)
                batchBytes += page.payload.count
                if batch.count >= Self.archiveBatchPages || batchBytes >= Self.archiveBatchBytes { try flush() }
            case .skipped(let kind):
                counts.skipped[kind, default: 0] += 1
            case .rejected(let rejection):
                outcome.rejected.append(rejection)
                brokenRecords = true
            }
        }
        try flush()
        for id in previousIDs.subtracting(seen) {
            try writers.deleteArticle(id: id)
            try writers.setArchiveRecord(path: path, id: id, "")
            counts.removed += 1
        }
        // A broken record keeps the archive from being recorded as done: the next run reads it
        // again and reports it again, and `check` lists it. A page that is not an article does not.
        if !brokenRecords, let hash = source.hash {
            try writers.setRecord(path: path, FileRecord(hash: hash, size: status.size, modified: status.modified).encoded)
        }
        if counts.written + counts.unchanged > 0 { outcome.filesIndexed += 1 }
        tracker.advance(file: file)
        return counts
    }

    /// The pages of a batch read as articles, with their entities and fingerprints, on the run's
    /// threads.
    private func prepareArchivePages(_ pages: [ArchivedPage], path: String, folder: String) -> [PreparedFile] {
        let results = ResultBox<PreparedFile>(count: pages.count)
        let queue = WorkQueue(count: pages.count)
        let file = CorpusFile(url: URL(fileURLWithPath: path), relativePath: path)
        DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(1, pages.count))) { _ in
            while let index = queue.take() {
                let read = WebArchiveReader.read(pages[index], path: path, folderSource: folder == "unknown" ? nil : folder)
                var prepared = PreparedFile(file: file)
                prepared.rejected = read.rejections
                prepared.warnings = read.warnings
                prepared.articles = read.articles.map { article in
                    PreparedArticle(
                        article: article, entities: self.extractor.entities(of: article),
                        fingerprint: self.options.stories.map { StoryFingerprint(article: article, options: $0) })
                }
                results[index] = prepared
            }
        }
        return results.values.map { $0! }
    }

    /// The ids of the articles the index has from the file at `path`.
    private func articleIDs(ofFile path: String, in database: Database) throws -> Set<String> {
        var ids = Set<String>()
        do {
            for docid in try database.postings(Schema.identifierTerm(Schema.file, path)) {
                let stored = try StoredDocument(of: database.document(docid))
                if stored.kind == .article { ids.insert(stored.id) }
            }
        } catch let error as DecodingError {
            throw IndexError(.unreadableDocument, index: indexPath, detail: "\(error)")
        } catch {
            throw IndexError.from(error, index: indexPath)
        }
        return ids
    }
}

/// A byte source that hashes what it reads, so a streamed archive's content hash comes with it.
final class HashingByteSource: ByteSource {
    private let source: any ByteSource
    private var builder: ContentHash.Builder
    private let count: Int
    private var read = 0

    init(_ source: any ByteSource, count: Int) {
        self.source = source
        self.count = count
        builder = ContentHash.Builder(count: count)
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let n = try source.read(into: buffer)
        builder.add(UnsafeRawBufferPointer(rebasing: buffer[0..<n]))
        read += n
        return n
    }

    /// The content hash, when every byte of the file was read (and the file was the size it was
    /// when it was opened); nil otherwise.
    var hash: ContentHash? { read == count ? builder.hash : nil }
}
