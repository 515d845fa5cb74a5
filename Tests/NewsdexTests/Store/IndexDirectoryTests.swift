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

    @Test func switchingNamesTheNewGenerationAndRemovesEveryOther() throws {
        #expect(directory.currentGeneration() == nil)
        #expect(directory.nextGenerationName() == "gen-000001")
        try makeGeneration("gen-000001")
        try directory.switchTo(generation: "gen-000001")
        #expect(stub == "auto gen-000001\n")
        #expect(directory.currentGeneration() == "gen-000001")

        // A half-built generation and a part folder left by a killed run go at the next switch,
        // and so does the generation switched from.
        try makeGeneration("gen-000002")
        try makeGeneration("gen-000002.part-1")
        try makeGeneration("gen-000003")
        #expect(directory.nextGenerationName() == "gen-000004")
        try directory.switchTo(generation: "gen-000003")
        #expect(directory.currentGeneration() == "gen-000003")
        #expect(onDisk == ["XAPIANDB", "gen-000003"])
    }

    @Test func theStubNamesTheCorpusRootInAComment() throws {
        try makeGeneration("gen-000001")
        try directory.switchTo(generation: "gen-000001", corpusRoot: "../corpus")
        #expect(stub == "# newsdex corpus root: ../corpus\nauto gen-000001\n")
        #expect(directory.corpusRootComment() == "../corpus")
        #expect(directory.currentGeneration() == "gen-000001")
        try directory.switchTo(generation: "gen-000001")
        #expect(directory.corpusRootComment() == nil)
    }

    @Test func theGenerationIsReadFromTheStubAsValidationReadIt() throws {
        try makeGeneration("gen-000001")
        try directory.switchTo(generation: "gen-000001", corpusRoot: "../corpus")
        let path = directory.url.path
        let node = try StubGraph.node(at: path, index: path)
        #expect(IndexDirectory.currentGeneration(of: node, inFolder: path) == "gen-000001")
        #expect(IndexDirectory.currentGeneration(of: node, inFolder: path) == directory.currentGeneration())
        // A stub file is not a folder's stub, and a database names no generation.
        let file = scratch.write("other.stub", "auto index/gen-000001\n").path
        #expect(IndexDirectory.currentGeneration(of: try StubGraph.node(at: file, index: file), inFolder: file) == nil)
        #expect(IndexDirectory.currentGeneration(of: .database, inFolder: path) == nil)
        // Lines end at each "\n" byte, as Xapian reads them: saved with Windows line ends, the
        // stub still names its generation (as Characters, "\r\n" is not "\n", and it named none).
        let crlf = "# newsdex corpus root: ../corpus\r\nauto gen-000001\r\n"
        try Data(crlf.utf8).write(to: directory.stubURL)
        #expect(directory.currentGeneration() == "gen-000001")
        #expect(IndexDirectory.currentGeneration(of: .stub(file: directory.stubURL.path, text: crlf), inFolder: path) == "gen-000001")
    }

    @Test func leftoversGoAndTheCurrentGenerationStays() throws {
        try makeGeneration("gen-000001")
        try directory.switchTo(generation: "gen-000001")
        for name in ["gen-000002", "gen-000003.part-0", "gen-000003.part-1"] { try makeGeneration(name) }
        try Data().write(to: directory.url.appendingPathComponent("XAPIANDB.tmp"))
        try Data().write(to: directory.url.appendingPathComponent("README.md"))
        directory.removeLeftovers()
        #expect(onDisk == ["XAPIANDB", "gen-000001", "README.md"])
    }

    @Test func aSecondLockNamesTheHolderAndAKilledHoldersLockFileBlocksNothing() throws {
        var held: IndexLock? = try directory.lock()
        #expect { try directory.lock() } throws: { ($0 as? IndexError)?.code == .locked(pid: getpid()) }
        withExtendedLifetime(held) {}
        held = nil
        // A lock file naming a process that is gone, as a killed run leaves it, is no lock.
        try Data("999999999\n".utf8).write(to: directory.url.appendingPathComponent(".lock"))
        _ = try directory.lock()
    }

}
