import Foundation
import Testing
@testable import Newsdex

@Suite struct IndexDirectoryTests {
    let scratch: TemporaryDirectory
    let directory: IndexDirectory

    init() throws {
        scratch = try TemporaryDirectory()
        directory = IndexDirectory(url: scratch.path("index"))
        try FileManager.default.createDirectory(at: directory.url, withIntermediateDirectories: true)
    }

    func makeGeneration(_ name: String) throws {
        try FileManager.default.createDirectory(at: directory.generationURL(name), withIntermediateDirectories: true)
    }

    var onDisk: Set<String> {
        Set(((try? FileManager.default.contentsOfDirectory(atPath: directory.url.path)) ?? []))
    }

    var stub: String? { try? String(contentsOf: directory.url.appendingPathComponent("XAPIANDB"), encoding: .utf8) }

    @Test func switchingNamesTheNewGenerationKeepsThePreviousAndRemovesTheRest() throws {
        #expect(directory.currentGeneration() == nil)
        #expect(directory.nextGenerationName() == "gen-000001")
        try makeGeneration("gen-000001")
        try directory.switchTo(generation: "gen-000001")
        #expect(stub == "auto gen-000001\n")
        #expect(directory.currentGeneration() == "gen-000001")

        // A half-built generation left by a killed run goes at the next switch.
        try makeGeneration("gen-000002")
        try makeGeneration("gen-000003")
        #expect(directory.nextGenerationName() == "gen-000004")
        try directory.switchTo(generation: "gen-000003")
        #expect(directory.currentGeneration() == "gen-000003")
        #expect(onDisk == ["XAPIANDB", "gen-000001", "gen-000003"])

        try makeGeneration("gen-000004")
        try directory.switchTo(generation: "gen-000004")
        #expect(stub == "auto gen-000004\n")
        // The one before is kept for readers that opened it a moment ago; older ones go.
        #expect(onDisk == ["XAPIANDB", "gen-000003", "gen-000004"])
    }

    @Test func aSecondLockFailsAtOnceAndTheFirstIsReleasedWithItsOwner() throws {
        var held: IndexLock? = try directory.lock()
        #expect { try directory.lock() } throws: { ($0 as? IndexError)?.code == .locked }
        withExtendedLifetime(held) {}
        held = nil
        _ = try directory.lock()
    }
}
