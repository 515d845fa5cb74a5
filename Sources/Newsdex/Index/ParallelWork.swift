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

/// Counts progress from any thread and reports it at most a few times a second, one report at a
/// time and in order: `report` is called under the lock, so two threads cannot report out of
/// order (a report must be quick: the progress bar writes one line).
final class ProgressTracker: @unchecked Sendable {
    // Safe: every mutable property is read and written only under `lock`.
    private let lock = NSLock()
    private let total: Int
    private let start: Date
    private let report: (@Sendable (IndexProgress) -> Void)?
    private var files = 0
    private var documents = 0
    private var lastReport = Date.distantPast

    init(total: Int, start: Date, report: (@Sendable (IndexProgress) -> Void)?) {
        self.total = total
        self.start = start
        self.report = report
    }

    func advance(files: Int, documents: Int) {
        guard let report else { return }
        lock.withLock {
            self.files += files
            self.documents += documents
            let now = Date()
            guard now.timeIntervalSince(lastReport) >= 0.1 || self.files == total else { return }
            lastReport = now
            report(IndexProgress(
                filesDone: self.files, filesTotal: total, documents: self.documents,
                elapsed: now.timeIntervalSince(start)))
        }
    }
}
