// Applying a ChangeSet: a few changes go into the live generation in one Xapian transaction (a
// reader sees all of them or none, and a kill leaves the index as it was); many go into a copy
// of it that then replaces it. A sharded index is always updated in a new generation, since
// Xapian has no transaction across databases, but one that copies only the shards the update
// writes (shard 0, which holds the file records, whenever anything changes) and hard-links the
// others from the live one (ShardWriters); the stub's rename switches to all of them at once.
import Foundation
internal import Xapian

extension Indexer {
    /// Brings `generation` (open for reading as `existing`) up to date with `files`.
    /// - Parameters:
    ///   - removal: the part of the corpus under which indexed files missing from `files` are
    ///     removed; nil to remove none.
    ///   - root: the corpus root, as the index records it.
    func update(
        generation: String, existing: Database, in directory: IndexDirectory, files: [CorpusFile],
        removal: CorpusScope?, root: String, selection: ShardSelection?, summary: inout IndexSummary,
        tracker: ProgressTracker
    ) throws {
        let index = directory.url.path
        let url = directory.generationURL(generation)
        tracker.enter(.comparing(files: files.count))
        let changes: ChangeSet
        let slotsBefore: FacetSlotUsage
        let shards: Int
        let reference: CompactedSize?
        do {
            changes = try ChangeSet.detect(files: files, in: existing, removal: removal)
            slotsBefore = try FacetSlotUsage.read(from: existing)
            shards = try ShardLayout.count(of: existing)
            reference = try CompactedSize.recorded(in: existing)
        } catch {
            throw IndexError.from(error, index: index)
        }
        summary.unchanged += changes.unchanged
        if changes.isEmpty { return }

        // Parse what may have changed, in parallel; then write, in one place. Web archives are
        // read as they are written, record by record.
        let archives = changes.candidates.filter { WebArchiveReader.isWebArchive($0.relativePath) }
        let others = changes.candidates.filter { !WebArchiveReader.isWebArchive($0.relativePath) }
        tracker.enter(.reading(files: others.count), files: others)
        let (toWrite, touched) = changes.sort(prepareAll(others, selection: selection, tracker: tracker))
        summary.unchanged += touched.count
        if toWrite.isEmpty && changes.removed.isEmpty && touched.isEmpty && archives.isEmpty { return }

        // Shards cannot share a transaction, and a run killed between two shards' commits would
        // leave them out of step: a sharded index is always updated in a new generation, of
        // copies of the shards written and links to the others. So is an index with a changed
        // web archive: a transaction holds every change in memory, and an archive's are unbounded.
        let inPlace = shards == 1 && archives.isEmpty && toWrite.count + changes.removed.count <= options.inPlaceLimit
        let targetGeneration = inPlace ? generation : directory.nextGenerationName()
        let target = directory.generationURL(targetGeneration)
        // On a full disk, the space wanted: the copy (at most the whole generation), and the new text.
        let changedText = toWrite.reduce(Int64(0)) { $0 + Int64($1.record?.size ?? 0) }
        let needed = (inPlace ? 0 : directory.size(ofGeneration: generation)) + spaceNeeded(bytes: changedText)
        if !inPlace {
            tracker.enter(.copying)
            do {
                if shards > 1 {
                    // The shards are copied as they are first written, or linked at the end.
                    try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
                    try ShardLayout.writeStub(in: target, count: shards)
                } else {
                    try FileManager.default.copyItem(at: url, to: target)
                }
            } catch {
                throw IndexError.from(error, index: index).withSpace(needed: needed, available: nil)
            }
        }
        var outcome = BuildOutcome()
        // Earlier copies of a story are looked up in the index as it was before this run.
        let stories = StoryIndexing(
            options: options.stories ?? .init(), existing: options.stories == nil ? nil : existing,
            folder: directory.url.appendingPathComponent("\(generation).stories"))
        defer { stories.removeFiles() }
        tracker.enter(.indexing, files: toWrite.map(\.file) + archives)
        let before: GenerationFiles?
        do {
            before = inPlace ? try GenerationFiles(folder: url, database: existing) : nil
        } catch {
            throw IndexError.from(error, index: index)
        }
        /// Writes every change; the writers are released (and Xapian's lock with them) when it
        /// returns or throws.
        func write(_ summary: inout IndexSummary) throws {
            let writers =
                shards > 1
                ? ShardWriters(
                    index: index, updating: ShardLayout.urls(generation: url, count: shards),
                    into: ShardLayout.urls(generation: target, count: shards), batchSize: options.batchSize)
                : try ShardWriters(
                    index: index, urls: [target], mode: .open, batchSize: inPlace ? nil : options.batchSize)
            // In place, one transaction: a reader sees the whole update or none of it, and a
            // kill leaves the index as it was.
            if inPlace { try writers.beginTransaction() }
            for term in changes.removed {
                try writers.deleteDocuments(ofFileTerm: term)
                try writers.setRecord(path: String(term.dropFirst(Schema.file.prefix.count)), "")
                summary.removed += 1
            }
            for item in touched {
                // Touched, not changed: remember the new time so it is not read again.
                if let record = item.record {
                    try writers.setRecord(path: item.file.relativePath, record.encoded)
                }
            }
            for item in toWrite {
                let term = Schema.identifierTerm(Schema.file, item.file.relativePath)
                let wasIndexed = changes.indexed.contains(term)
                try writers.deleteDocuments(ofFileTerm: term)
                try writers.setRecord(path: item.file.relativePath, "")
                try self.write(item, to: writers, stories: stories, outcome: &outcome, tracker: tracker)
                if !item.articles.isEmpty {
                    if wasIndexed { summary.updated += 1 } else { summary.added += 1 }
                } else if wasIndexed {
                    summary.removed += 1
                }
                tracker.advance(file: item.file)
            }
            for file in archives {
                let wasIndexed = changes.indexed.contains(Schema.identifierTerm(Schema.file, file.relativePath))
                let counts = try indexArchive(
                    file, to: writers, stories: stories, existing: existing, selection: selection,
                    outcome: &outcome, tracker: tracker)
                summary.unchangedRecords += counts.unchanged
                summary.skippedRecords.merge(counts.skipped, uniquingKeysWith: +)
                if counts.written + counts.removed > 0 {
                    if wasIndexed { summary.updated += 1 } else { summary.added += 1 }
                } else if wasIndexed {
                    summary.unchanged += 1  // touched: its records are as they were
                }
            }
            tracker.enter(.committing)
            outcome.slots = outcome.slots.union(writers.facetSlotsUsed)
            // An id this run wrote that another file already gives: the first file keeps it.
            outcome.drop(try writers.resolveDuplicates(writers.writtenIDs.possibleDuplicates))
            try writers.keyFounders(of: stories.storiesToKey)
            try writers.recordMetadata(slots: outcome.slots.union(slotsBefore), corpusRoot: root, selection: selection)
            if inPlace { try writers.commitTransaction() }
            try writers.close()
        }
        do {
            try write(&summary)
        } catch {
            before?.cutBackIfUncommitted()
            throw IndexError.from(error, index: index).withSpace(needed: needed, available: nil)
        }
        if !inPlace {
            tracker.enter(.switching)
            try directory.switchTo(generation: targetGeneration, corpusRoot: root)
        }
        if shards == 1 {
            summary.recompacted = try recompactIfGrown(
                targetGeneration, in: directory, reference: reference, root: root, tracker: tracker)
        }
        summary.documentsWritten = outcome.documents
        summary.rejected += outcome.rejected
        summary.warnings += outcome.warnings
        summary.duplicates += outcome.duplicates
    }
}
