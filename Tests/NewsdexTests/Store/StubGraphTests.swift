import Foundation
import Testing
@testable import Newsdex

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct StubGraphTests {
    func nesting(_ error: any Error) -> IndexError.StubNesting? {
        guard let error = error as? IndexError, case .stubNesting(let nesting) = error.code else { return nil }
        return nesting
    }

    @Test func aStubThatNamesItselfIsACycleOfOne() throws {
        let directory = try TemporaryDirectory()
        let stub = directory.write("stub.self", "auto stub.self\n").path
        #expect { try StubGraph.validate(stub, index: stub) } throws: { nesting($0) == .cycle([stub, stub]) }
        // Through a symbolic link, and with a remote line before it, the same file.
        let link = directory.path("alias.stub").path
        #expect(symlink(stub, link) == 0)
        directory.write("remote.stub", "remote 127.0.0.1:1\nauto alias.stub\n")
        #expect { try StubGraph.validate(directory.path("remote.stub").path, index: "i") } throws: { nesting($0) == .cycle([stub, stub]) }
    }

    @Test func aCycleThroughAnIndexFolderIsFound() throws {
        let directory = try TemporaryDirectory()
        directory.write("index/XAPIANDB", "auto gen-000001\n")
        directory.write("index/gen-000001/XAPIANDB", "auto ../../index\n")
        let index = directory.path("index").path
        #expect { try StubGraph.validate(index, index: index) } throws: { error in
            guard case .cycle(let files) = nesting(error) else { return false }
            return files.count == 3 && files.first == files.last
        }
    }

    @Test func nestingDeeperThanTheLimitAndTooManyDatabasesAreRefused() throws {
        let directory = try TemporaryDirectory()
        for level in 0...StubGraph.maxDepth { directory.write("\(level).stub", "auto \(level + 1).stub\n") }
        #expect { try StubGraph.validate(directory.path("0.stub").path, index: "i") } throws: { nesting($0) == .tooDeep(StubGraph.maxDepth) }
        // A stub may name one database many times (no cycle), but not without end.
        directory.write("fan.stub", (0...StubGraph.maxNodes).map { "auto db-\($0)\n" }.joined())
        #expect { try StubGraph.validate(directory.path("fan.stub").path, index: "i") } throws: { nesting($0) == .tooMany(StubGraph.maxNodes) }
    }

    @Test func databasesAndMissingPathsAreLeftToXapian() throws {
        let directory = try TemporaryDirectory()
        directory.write("db/iamglass", "")
        directory.write("ok.stub", "auto db\nauto missing\n")
        try StubGraph.validate(directory.path("ok.stub").path, index: "i")
        #expect(try StubGraph.node(at: directory.path("db").path, index: "i") == .database)
        #expect(try StubGraph.node(at: directory.path("none").path, index: "i") == .missing)
    }

    @Test func validationGivesWhatItReadAtEachPathForOpeningToUse() throws {
        let directory = try TemporaryDirectory()
        directory.write("index/XAPIANDB", "# newsdex corpus root: ../corpus\nauto gen-000002\n")
        directory.write("index/gen-000002/iamglass", "")
        directory.write("shards.stub", "auto index\nauto missing\nauto index\n")
        let index = directory.path("index").path, shards = directory.path("shards.stub").path
        let found = try StubGraph.validate(shards, index: shards)
        #expect(found[shards] == .stub(file: shards, text: "auto index\nauto missing\nauto index\n"))
        #expect(found[index] == .stub(file: index + "/XAPIANDB", text: "# newsdex corpus root: ../corpus\nauto gen-000002\n"))
        #expect(found[index + "/gen-000002"] == .database)
        #expect(found[directory.path("missing").path] == .missing)
        #expect(found.count == 4)
        // Each node is what a reading of its own gives.
        for (path, node) in found { #expect(try StubGraph.node(at: path, index: shards) == node) }
    }

    @Test func aFIFOWhereAStubShouldBeIsRefused() throws {
        let directory = try TemporaryDirectory()
        try FileManager.default.createDirectory(at: directory.path("index"), withIntermediateDirectories: true)
        #expect(mkfifo(directory.path("index/XAPIANDB").path, 0o644) == 0)
        #expect { try StubGraph.validate(directory.path("index").path, index: "index") } throws: {
            ($0 as? IndexError)?.code == .notAFile(.fifo)
        }
    }
}
