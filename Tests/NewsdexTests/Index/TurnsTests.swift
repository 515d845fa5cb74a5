import Foundation
import Testing
@testable import Newsdex

@Suite struct TurnsTests {
    /// Threads given indexes in any order run their turns in the indexes' order.
    @Test func turnsRunInTheOrderOfTheirIndexes() throws {
        let turns = Turns()
        let order = ResultBox<Int>(count: 40)
        let next = WorkQueue(count: 40)
        // Each thread takes its indexes from the end backwards: every turn but one waits for
        // turns another thread holds.
        onThreadsOfTheirOwn(4) { thread in
            for index in stride(from: 39 - thread, through: 0, by: -4).reversed() {
                try? turns.inTurn(index) { order[index] = next.take() }
            }
        }
        #expect(order.values == (0..<40).map { $0 })
    }

    /// A thread waiting for a turn that will not come (its holder failed) gives up when the
    /// turns are abandoned; the turn that is due still runs.
    @Test func abandonedTurnsWakeTheirWaiters() throws {
        let turns = Turns()
        let gaveUp = ResultBox<Bool>(count: 1)
        let waiter = Thread {
            do {
                try turns.inTurn(1) {}
                gaveUp[0] = false
            } catch {
                gaveUp[0] = error is Turns.Abandoned
            }
        }
        waiter.start()
        Thread.sleep(forTimeInterval: 0.05)
        turns.abandon()
        let deadline = Date().addingTimeInterval(10)
        while gaveUp[0] == nil && Date() < deadline { Thread.sleep(forTimeInterval: 0.01) }
        #expect(gaveUp[0] == true)
        #expect(turns.isCurrent(0))
        #expect(throws: Turns.Abandoned.self) { try turns.inTurn(2) {} }
        var ran = false
        try turns.inTurn(0) { ran = true }
        #expect(ran)
    }

    struct WriteFailed: Error {}

    /// A build reports the error of the worker that failed, not the others' giving up.
    @Test func aBuildReportsTheFailureNotTheWorkersThatGaveUp() {
        let results: [Result<BuildOutcome, any Error>?] = [
            .failure(Turns.Abandoned()), .failure(WriteFailed()), .success(BuildOutcome()),
        ]
        #expect(throws: WriteFailed.self) { try OrderedWork.outcomes(of: results) }
        #expect(throws: Turns.Abandoned.self) { try OrderedWork.outcomes(of: [.failure(Turns.Abandoned())]) }
        #expect((try? OrderedWork.outcomes(of: [.success(BuildOutcome()), .success(BuildOutcome())]))?.count == 2)
    }
}
