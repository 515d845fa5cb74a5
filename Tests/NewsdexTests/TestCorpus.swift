// Temporary corpora and indexes for tests: each test gets folders of its own.
import CorpusGenerator
import Foundation
import TestSupport
@testable import Newsdex

/// A temporary folder, removed when the value is released.
final class TemporaryDirectory {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("newsdex-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func path(_ relative: String) -> URL { url.appendingPathComponent(relative) }

    /// Writes a file, making its folders.
    @discardableResult
    func write(_ relative: String, _ text: String) -> URL {
        write(relative, bytes: Array(text.utf8))
    }

    /// Writes `text` to `path` under the folder, creating folders on the way.
    @discardableResult
    func write(_ text: String, to path: String) throws -> URL {
        let file = self.path(path)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(text.utf8).write(to: file)
        return file
    }

    @discardableResult
    func write(_ relative: String, bytes: [UInt8]) -> URL {
        let file = path(relative)
        try! FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try! Data(bytes).write(to: file)
        return file
    }
}

/// The seed articles (TestSupport's fixtures), copied where a test indexes them.
enum Repository {
    /// The repository, for the README that SchemaTests checks.
    static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// Copies the seed corpus into `directory/corpus` and returns that folder.
    static func copySeeds(into directory: TemporaryDirectory) -> URL {
        let target = directory.path("corpus")
        try! FileManager.default.copyItem(at: Seeds.corpus, to: target)
        return target
    }
}

/// A small article in the plain-text form of the seeds.
func plainArticle(title: String, date: String, author: String, paragraphs: [String], captions: [(String, String)] = []) -> String {
    var text = " date \(date) \(title)\n\n"
    for (caption, credit) in captions {
        text += "\(caption)\n\(caption) Picture: \(credit)\n"
    }
    text += "\nBy \(author)\n\n"
    text += paragraphs.joined(separator: "\n\n") + "\n"
    return text
}

/// A paragraph of words of its own, so that test articles that otherwise say the same thing are
/// not taken for copies of one story (which collapse into one hit).
func distinctParagraph(seed: UInt64) -> String {
    var random = SplitMix64(seed: seed)
    return (0..<40).map { _ in "w\(random.next() % 5000)" }.joined(separator: " ") + "."
}
