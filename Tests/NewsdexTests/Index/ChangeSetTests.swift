import Foundation
import Testing
import Xapian
@testable import Newsdex

@Suite struct ChangeSetTests {
    let scratch: TemporaryDirectory

    init() throws { scratch = try TemporaryDirectory() }

    func article(_ word: String) -> String {
        plainArticle(title: "About \(word)", date: "2024-10-18", author: "Ann Lee", paragraphs: ["The \(word) story."])
    }

    @Test func detectsNewChangedTouchedUnchangedAndRemovedFiles() throws {
        for name in ["same", "touched", "edited", "gone"] { scratch.write("corpus/AFP/\(name).txt", article(name)) }
        let corpus = scratch.path("corpus")
        _ = try Indexer(options: IndexOptions(inputs: [corpus], database: scratch.path("index"), jobs: 1)).run()

        let later = Date().addingTimeInterval(60)
        try FileManager.default.setAttributes([.modificationDate: later], ofItemAtPath: scratch.path("corpus/AFP/touched.txt").path)
        scratch.write("corpus/AFP/edited.txt", article("edited, longer"))
        scratch.write("corpus/AFP/new.txt", article("new"))
        try FileManager.default.removeItem(at: scratch.path("corpus/AFP/gone.txt"))

        let database = try Database(path: scratch.path("index").path)
        let files = ArticleReader.articleFiles(under: [corpus]).files
        let whole = try CorpusScope.resolve(inputs: [corpus], recorded: nil, rebuild: false)
        let changes = try ChangeSet.detect(files: files, in: database, removal: whole)
        #expect(changes.unchanged == 1)
        #expect(Set(changes.candidates.map(\.relativePath)) == ["AFP/edited.txt", "AFP/new.txt", "AFP/touched.txt"])
        #expect(changes.records["AFP/new.txt"] == nil && changes.records["AFP/edited.txt"] != nil)
        #expect(changes.removed == [Schema.identifierTerm(Schema.file, "AFP/gone.txt")])
        #expect(changes.indexed.count == 4)

        // Read and hashed, the touched file is found unchanged in content.
        let indexer = Indexer(options: IndexOptions(inputs: [corpus], database: scratch.path("index"), jobs: 1))
        let (changed, touched) = changes.sort(indexer.prepareAll(changes.candidates))
        #expect(touched.map(\.file.relativePath) == ["AFP/touched.txt"])
        #expect(Set(changed.map(\.file.relativePath)) == ["AFP/edited.txt", "AFP/new.txt"])

        // Without removal (no file listed), nothing counts as removed.
        #expect(try ChangeSet.detect(files: files, in: database, removal: nil).removed.isEmpty)
        // Removal applies only under the paths a run was given: not under another folder.
        try FileManager.default.createDirectory(at: scratch.path("corpus/BBC"), withIntermediateDirectories: true)
        let other = try CorpusScope.resolve(inputs: [scratch.path("corpus/BBC")], recorded: CorpusScope.canonical(corpus), rebuild: false)
        #expect(try ChangeSet.detect(files: [], in: database, removal: other).removed.isEmpty)
        let afp = try CorpusScope.resolve(inputs: [scratch.path("corpus/AFP")], recorded: CorpusScope.canonical(corpus), rebuild: false)
        #expect(try ChangeSet.detect(files: files, in: database, removal: afp).removed == [Schema.identifierTerm(Schema.file, "AFP/gone.txt")])
    }
}
