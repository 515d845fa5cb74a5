// A fresh directory per test, removed afterwards, so tests never share a database.
import Foundation
import Xapian

/// Runs `body` with the path of a new empty directory, then deletes the directory.
@discardableResult
func withTemporaryDirectory<R>(_ body: (String) throws -> R) throws -> R {
    let url = FileManager.default.temporaryDirectory
        .appendingPathComponent("xapian-tests-\(UUID().uuidString)", isDirectory: true)
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: url) }
    return try body(url.path)
}

/// Builds a small database of `texts` (one document each, with positions and English stems),
/// committing it, and returns the open writer.
func makeDatabase(at path: String, texts: [String]) throws -> WritableDatabase {
    let db = try WritableDatabase(path: path, mode: .createOrOverwrite)
    let generator = TermGenerator()
    generator.stemmer = try Stem(language: "english")
    for text in texts {
        let doc = Document()
        doc.setData(text)
        generator.document = doc
        generator.indexText(text)
        try db.add(doc)
    }
    try db.commit()
    return db
}
