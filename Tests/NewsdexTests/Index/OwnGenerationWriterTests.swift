import Foundation
import Testing
import Xapian
@testable import Newsdex

@Suite struct OwnGenerationWriterTests {
    /// A lock let go while the writer waits (as a child process lets go of a copy of the lock's
    /// descriptor when it execs) is waited out; plain opening fails on it.
    @Test func aLockLetGoWhileWaitingIsWaitedOut() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.path("db").path
        let held = DispatchSemaphore(value: 0)
        let letGo = DispatchSemaphore(value: 0)
        // Another thread holds the lock a moment, then lets it go.
        DispatchQueue.global().async {
            let holder = try? WritableDatabase(path: path, mode: .createOrOverwrite)
            held.signal()
            Thread.sleep(forTimeInterval: 0.3)
            try? holder?.close()
            letGo.signal()
        }
        held.wait()
        #expect { _ = try WritableDatabase(path: path, mode: .open) } throws: {
            ($0 as? XapianError)?.code == .databaseLocked
        }
        let writer = try OwnGenerationWriter.open(path: path, mode: .open, patience: 30)
        letGo.wait()
        try writer.close()
    }

    /// A lock that outlasts the patience is another writer's: the error is thrown as ever.
    @Test func aLockHeldPastThePatienceIsAnError() throws {
        let scratch = try TemporaryDirectory()
        let path = scratch.path("db").path
        let holder = try WritableDatabase(path: path, mode: .createOrOverwrite)
        #expect { _ = try OwnGenerationWriter.open(path: path, mode: .open, patience: 0.1) } throws: {
            ($0 as? XapianError)?.code == .databaseLocked
        }
        try holder.close()
    }
}
