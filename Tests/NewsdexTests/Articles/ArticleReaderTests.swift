import Foundation
import Testing
@testable import Newsdex

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

@Suite struct ArticleReaderTests {
    @Test(arguments: [
        ("AFP/x.txt", "AFP", "AFP/x.txt"),
        ("./AFP/sub/x.txt", "AFP", "AFP/sub/x.txt"),
        ("x.txt", "unknown", "x.txt"),
    ])
    func sourceAndIdComeFromThePath(path: String, source: String, id: String) throws {
        let article = try #require(ArticleFixtures.article("Title\nBody.", as: path))
        #expect(article.source == source)
        #expect(article.id == id)
        #expect(article.path == id)
    }

    @Test func explicitSourceAndIdWin() throws {
        let article = try #require(ArticleFixtures.article("---\nid: x-1\nsource: Reuters\n---\nT\n", as: "AFP/x.txt"))
        #expect(article.source == "Reuters")
        #expect(article.id == "x-1")
    }

    @Test func emptyAndWhitespaceFilesAreRejected() {
        #expect(ArticleFixtures.read("", as: "AFP/e.txt").rejections == [Rejection(path: "AFP/e.txt", reason: "empty file")])
        let result = ArticleReader().read(fileAt: ArticleFixtures.url("whitespace.txt"), corpusRoot: nil)
        #expect(result.rejections == [Rejection(path: "whitespace.txt", reason: "empty file")])
    }

    @Test func binaryFilesAreRejected() {
        let result = ArticleReader().read(fileAt: ArticleFixtures.url("binary.txt"), corpusRoot: nil)
        #expect(result.articles.isEmpty)
        #expect(result.rejections.map(\.description) == ["binary.txt: binary file (contains NUL bytes)"])
    }

    @Test func windows1252IsReadWithAWarning() throws {
        let result = ArticleReader().read(fileAt: ArticleFixtures.url("windows-1252.txt"), corpusRoot: nil)
        let article = try #require(result.articles.first)
        #expect(result.rejections.isEmpty)
        #expect(article.title == "Café society")
        #expect(article.paragraphs == ["The “best” café in town – said Müller."])
        #expect(result.warnings == [ReadWarning(path: "windows-1252.txt", message: "not valid UTF-8; decoded as Windows-1252")])
    }

    @Test func filesOverTheLimitAreRejectedUnread() throws {
        let reader = ArticleReader(options: .init(maxFileSize: 10))
        #expect(reader.read(bytes: Array("Title\nA body longer than ten bytes".utf8), relativePath: "big.txt")
            .rejections.first?.reason.hasPrefix("file too large") == true)
        let onDisk = reader.read(fileAt: ArticleFixtures.url("front-matter.md"), corpusRoot: nil)
        #expect(onDisk.rejections.map(\.path) == ["front-matter.md"])
        #expect(onDisk.rejections.first?.reason.hasPrefix("file too large") == true)
        #expect(ArticleReader().options.maxFileSize == 16 << 20)
    }

    @Test func unreadableFilesAreRejected() throws {
        let directory = try TemporaryDirectory()
        let reader = ArticleReader()
        let vanished = reader.read(fileAt: directory.url.appendingPathComponent("AFP/gone.txt"), corpusRoot: directory.url)
        #expect(vanished.rejections.map(\.path) == ["AFP/gone.txt"])
        #expect(vanished.rejections.first?.reason.contains("no such file") == true)

        let folder = directory.url.appendingPathComponent("folder.txt")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(reader.read(fileAt: folder, corpusRoot: directory.url).rejections
            == [Rejection(path: "folder.txt", reason: "is a directory, not a file")])
    }

    @Test(.enabled(if: getuid() != 0, "root reads files whatever their permissions"))
    func filesWithoutReadPermissionAreRejected() throws {
        let directory = try TemporaryDirectory()
        let file = directory.url.appendingPathComponent("secret.txt")
        try Data("Title\n".utf8).write(to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o000], ofItemAtPath: file.path)
        let result = ArticleReader().read(fileAt: file, corpusRoot: directory.url)
        #expect(result.rejections.first?.reason.contains("permission denied") == true)
    }

    @Test func rejectionsNameFileAndLine() {
        #expect(Rejection(path: "AFP/x.jsonl", line: 3, reason: "malformed JSON: x").description
            == "AFP/x.jsonl:3: malformed JSON: x")
        #expect(ReadWarning(path: "a.txt", message: "m").description == "a.txt: m")
    }
}

@Test func anEmptyRelativePathStillGivesAnId() throws {
    let article = try #require(ArticleReader().read(bytes: Array("T".utf8), relativePath: "").articles.first)
    #expect(article.id == "(unnamed)")
    #expect(article.source == "unknown")
}
