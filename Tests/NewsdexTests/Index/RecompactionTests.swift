// Updates that stay small (Sources/Newsdex/Index/Recompaction.swift).
import Foundation
import Testing
@testable import Newsdex

@Suite struct RecompactionTests {
    let scratch: TemporaryDirectory

    init() throws { scratch = try TemporaryDirectory() }

    /// Bytes of the generation the index's stub names.
    func liveBytes() throws -> Int64 {
        let stub = try String(contentsOf: scratch.path("index/XAPIANDB"), encoding: .utf8)
        let line = try #require(stub.split(separator: "\n").first { $0.hasPrefix("auto ") })
        return IndexDirectory.bytes(under: scratch.path("index/" + line.dropFirst(5)))
    }

    func writeCorpus(changing changed: Int = 0) {
        for n in 0..<40 {
            let seed = UInt64(n < changed ? n + 500 : n)
            scratch.write("corpus/BBC/\(n).txt", plainArticle(
                title: "Harbour \(n)", date: "2024-11-02", author: "Ann Lee",
                paragraphs: [distinctParagraph(seed: seed), distinctParagraph(seed: seed + 1000)]))
        }
    }

    func options(minimum: Int64) -> IndexOptions {
        var options = IndexOptions(inputs: [scratch.path("corpus")], database: scratch.path("index"), jobs: 2)
        options.recompactionMinimumBytes = minimum
        return options
    }

    @Test func anUpdateThatGrowsTheIndexPastItsLimitCompactsItIntoANewGeneration() throws {
        writeCorpus()
        _ = try Indexer(options: options(minimum: 0)).run()
        let built = try liveBytes()
        writeCorpus(changing: 4)
        let update = try Indexer(options: options(minimum: 0)).run()
        #expect(update.updated == 4 && update.recompacted)
        #expect(try liveBytes() <= built + built / 10)
        #expect(try Searcher(path: scratch.path("index").path).documentCount == 40)
    }

    @Test func aGenerationUnderTheMinimumIsUpdatedInPlace() throws {
        writeCorpus()
        _ = try Indexer(options: options(minimum: 1 << 40)).run()
        writeCorpus(changing: 4)
        let update = try Indexer(options: options(minimum: 1 << 40)).run()
        #expect(update.updated == 4 && !update.recompacted)
    }
}
