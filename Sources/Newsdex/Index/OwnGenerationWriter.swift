// A writer on a database this run alone writes (a part, a shard or the whole of the generation
// it builds, or the live one updated in place): the index directory's own lock keeps other runs
// out, yet Xapian may find the database locked for a moment. Its lock on Linux belongs to the
// open file description, and a child that another thread of this process is spawning holds a
// copy of every descriptor until it execs: a database reopened just after it was closed (after
// the workers' parts are merged, to record its compacted size) can be "already locked" for that
// moment, which a loaded machine stretches (a test process starting `newsdex` while another test
// indexes). Such a lock is waited out, for a few seconds at most; one that lasts longer is
// another program's writer, reported as ever.
import Foundation
internal import Xapian

enum OwnGenerationWriter {
    /// How long a lock is waited for before it is taken for one another writer really holds.
    static let patience: TimeInterval = 5

    /// Opens a writer on `path`, retrying while it is locked, for `patience` seconds at most.
    /// - Throws: what opening throws; `.databaseLocked` when the lock outlasts `patience`.
    static func open(
        path: String, mode: WritableDatabase.OpenMode, patience: TimeInterval = patience
    ) throws -> WritableDatabase {
        let deadline = Date().addingTimeInterval(patience)
        while true {
            do {
                return try WritableDatabase(path: path, mode: mode)
            } catch let error as XapianError where error.code == .databaseLocked && Date() < deadline {
                Thread.sleep(forTimeInterval: 0.02)
            }
        }
    }
}
