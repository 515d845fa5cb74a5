// The machinery of indexing on several threads: a shared queue of work, slots for results, and
// progress counted from every thread.
import Foundation

/// Hands out indexes 0..<count, once each, to any number of threads.
final class WorkQueue: @unchecked Sendable {
    // Safe: `next` is read and written only under `lock`.
    private let lock = NSLock()
    private var next = 0
    private let count: Int

    init(count: Int) { self.count = count }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }
}

/// Runs `body(0)` to `body(count - 1)` each on a thread of its own, all at once, and returns
/// when every one has. `DispatchQueue.concurrentPerform` runs at most as many at once as there
/// are processors: workers that wait for each other's turns (`OrderedWork`) would wait forever
/// for one that has not started, with more `--jobs` than processors.
func onThreadsOfTheirOwn(_ count: Int, _ body: @escaping @Sendable (Int) -> Void) {
    let group = DispatchGroup()
    for index in 0..<count {
        group.enter()
        Thread {
            body(index)
            group.leave()
        }.start()
    }
    group.wait()
}

/// Slots that threads fill, each slot by one thread.
final class ResultBox<T: Sendable>: @unchecked Sendable {
    // Safe: `storage` is read and written only under `lock`, and holds Sendable values.
    private let lock = NSLock()
    private var storage: [T?]

    init(count: Int) { storage = Array(repeating: nil, count: count) }

    subscript(index: Int) -> T? {
        get { lock.lock(); defer { lock.unlock() }; return storage[index] }
        set { lock.lock(); storage[index] = newValue; lock.unlock() }
    }

    var values: [T?] { lock.lock(); defer { lock.unlock() }; return storage }
}

/// Counts progress from any thread and reports it at most ten times a second, one report at a
/// time and in order: `report` is called under the lock, so two threads cannot report out of
/// order (a report must be quick: the progress bar writes one line). A new phase is reported at
/// once, so that what a run does after its last file (committing, merging) shows while it lasts.
final class ProgressTracker: @unchecked Sendable {
    // Safe: every mutable property is read and written only under `lock`.
    private let lock = NSLock()
    private let start: Date
    private let report: (@Sendable (IndexProgress) -> Void)?
    private var progress = IndexProgress(phase: .indexing)
    /// The size of each file of the current phase.
    private var sizes: [CorpusFile: Int] = [:]
    private var lastReport = Date.distantPast

    init(start: Date, report: (@Sendable (IndexProgress) -> Void)?) {
        self.start = start
        self.report = report
    }

    /// Starts a phase. With `files`, the phase reads them: their sizes are its total, and
    /// `advance(file:…)` counts each one done. Without, the phase's byte counts are kept.
    func enter(_ phase: IndexProgress.Phase, files: [CorpusFile]? = nil) {
        guard let report else { return }
        // Sizes cost a stat per file, only paid when someone watches the progress.
        let sizes = files.map { files in
            Dictionary(files.map { ($0, FileStatus(path: $0.url.path)?.size ?? 0) }) { a, _ in a }
        }
        lock.withLock {
            progress.phase = phase
            if let sizes {
                self.sizes = sizes
                progress.bytesDone = 0
                progress.bytesTotal = sizes.values.reduce(0, +)
            }
            send(report, at: Date())
        }
    }

    /// Counts articles and documents written and, with `file`, one file of the current phase done.
    func advance(file: CorpusFile? = nil, articles: Int = 0, documents: Int = 0) {
        guard let report else { return }
        lock.withLock {
            if let file { progress.bytesDone += sizes[file] ?? 0 }
            progress.articles += articles
            progress.documents += documents
            let now = Date()
            let last = file != nil && progress.bytesDone == progress.bytesTotal
            guard last || now.timeIntervalSince(lastReport) >= 0.1 else { return }
            send(report, at: now)
        }
    }

    private func send(_ report: @Sendable (IndexProgress) -> Void, at now: Date) {
        lastReport = now
        progress.elapsed = now.timeIntervalSince(start)
        report(progress)
    }
}
