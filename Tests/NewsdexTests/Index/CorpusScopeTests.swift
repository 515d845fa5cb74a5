import Foundation
import Testing
@testable import Newsdex

@Suite struct CorpusScopeTests {
    let scratch: TemporaryDirectory
    let corpus: URL

    init() throws {
        scratch = try TemporaryDirectory()
        corpus = Repository.copySeeds(into: scratch)
        scratch.write("corpus/BBC/2024/story.txt", "A story\n\nText.\n")
        scratch.write("elsewhere/x.txt", "A story\n\nText.\n")
    }

    var root: URL { CorpusScope.canonical(corpus) }

    @Test func aFirstBuildTakesTheFolderOrTheFolderThePathsShare() throws {
        #expect(try CorpusScope.resolve(inputs: [corpus], recorded: nil, rebuild: false).root.path == root.path)
        let two = try CorpusScope.resolve(inputs: [corpus.appendingPathComponent("AFP"), corpus.appendingPathComponent("BBC/2024")], recorded: nil, rebuild: false)
        #expect(two.root.path == root.path && two.parts == [.folder("AFP"), .folder("BBC/2024")])
        let file = try CorpusScope.resolve(inputs: [corpus.appendingPathComponent("BBC/2024/story.txt")], recorded: nil, rebuild: false)
        #expect(file.root.path == root.appendingPathComponent("BBC/2024").path && file.parts == [.file("story.txt")])
    }

    @Test func laterRunsKeepTheRecordedRootAndCoverOnlyTheirPaths() throws {
        let scope = try CorpusScope.resolve(
            inputs: [corpus.appendingPathComponent("BBC"), corpus.appendingPathComponent("AFP/../LBC")], recorded: root, rebuild: false)
        #expect(scope.root.path == root.path && scope.parts == [.folder("BBC"), .folder("LBC")])
        #expect(scope.covers(relativePath: "BBC/2024/story.txt") && scope.covers(relativePath: "LBC/a.txt"))
        #expect(!scope.covers(relativePath: "AFP/a.txt") && !scope.covers(relativePath: "BBCX/a.txt"))
        #expect(scope.covers(fileTerm: Schema.identifierTerm(Schema.file, "BBC/a.txt")))
        #expect(!scope.covers(fileTerm: Schema.identifierTerm(Schema.file, "AFP/a.txt")))
        // A path too long for a term is shortened, but keeps its folder.
        let long = "BBC/" + String(repeating: "very-long-name-", count: 30) + ".txt"
        #expect(scope.covers(fileTerm: Schema.identifierTerm(Schema.file, long)))
        let whole = try CorpusScope.resolve(inputs: [corpus], recorded: root, rebuild: false)
        #expect(whole.isWholeCorpus && whole.covers(relativePath: "AFP/a.txt"))
        let one = try CorpusScope.resolve(inputs: [corpus.appendingPathComponent("BBC/2024/story.txt")], recorded: root, rebuild: false)
        #expect(one.parts == [.file("BBC/2024/story.txt")] && !one.covers(relativePath: "BBC/2024/other.txt"))
    }

    @Test func missingAndOutsidePathsAreRefused() throws {
        let missing = scratch.path("corpus/NOPE")
        #expect(throws: CorpusError.missingPath(missing.path)) {
            try CorpusScope.resolve(inputs: [self.corpus, missing], recorded: self.root, rebuild: false)
        }
        let elsewhere = scratch.path("elsewhere")
        #expect(throws: CorpusError.outsideCorpus(path: elsewhere.path, root: root.path, containsRoot: false)) {
            try CorpusScope.resolve(inputs: [elsewhere], recorded: self.root, rebuild: false)
        }
        #expect(throws: CorpusError.outsideCorpus(path: scratch.url.path, root: root.path, containsRoot: true)) {
            try CorpusScope.resolve(inputs: [self.scratch.url], recorded: self.root, rebuild: false)
        }
        // A rebuild may take another root: the folder its paths share.
        let rebuilt = try CorpusScope.resolve(inputs: [scratch.url], recorded: root, rebuild: true)
        #expect(rebuilt.root.path == CorpusScope.canonical(scratch.url).path && rebuilt.isWholeCorpus)
        #expect(rebuilt.covers(path: "AFP/x.txt", under: root))
        let part = try CorpusScope.resolve(inputs: [corpus.appendingPathComponent("AFP")], recorded: root, rebuild: true)
        #expect(part.root.path == root.path && !part.covers(path: "LBC/x.txt", under: root))
    }

    @Test func theRootIsKeptRelativeToTheIndexSoTheyMoveTogether() throws {
        let index = scratch.path("index")
        try FileManager.default.createDirectory(at: index, withIntermediateDirectories: true)
        let stored = CorpusScope.storedRoot(root, index: index)
        #expect(stored == "../corpus")
        #expect(CorpusScope.recordedRoot(stored, index: index)?.path == root.path)
        #expect(CorpusScope.storedRoot(CorpusScope.canonical(index), index: index) == ".")
        // Both moved into another folder: the root follows.
        let moved = try TemporaryDirectory()
        try FileManager.default.copyItem(at: index, to: moved.path("index"))
        #expect(CorpusScope.recordedRoot(stored, index: moved.path("index"))?.path == CorpusScope.canonical(moved.url).path + "/corpus")
    }
}
