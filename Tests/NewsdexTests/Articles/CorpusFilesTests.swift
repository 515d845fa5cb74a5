import Foundation
import Testing
@testable import Newsdex

@Suite struct CorpusFilesTests {
    private func corpus() throws -> TemporaryDirectory {
        let directory = try TemporaryDirectory()
        for path in [
            "README.md", "AFP/b.txt", "AFP/a.md", "AFP/README.md", "LBC/feed.jsonl", "LBC/notes.html",
            ".hidden/x.txt", "AFP/.draft.txt", "top.TXT",
        ] {
            try directory.write("Title\n", to: path)
        }
        return directory
    }

    @Test func aDirectoryIsItsOwnCorpusRoot() throws {
        let directory = try corpus()
        let (files, missing) = ArticleReader.articleFiles(under: [directory.url])
        #expect(missing.isEmpty)
        #expect(files.map(\.relativePath) == ["AFP/README.md", "AFP/a.md", "AFP/b.txt", "LBC/feed.jsonl", "LBC/notes.html", "top.TXT"])
    }

    @Test func aFileIsNamedByItsNameOrUnderTheCorpusRoot() throws {
        let directory = try corpus()
        let file = directory.url.appendingPathComponent("AFP/b.txt")
        #expect(ArticleReader.articleFiles(under: [file]).files.map(\.relativePath) == ["b.txt"])
        let underRoot = ArticleReader.articleFiles(under: [file], corpusRoot: directory.url)
        #expect(underRoot.files.map(\.relativePath) == ["AFP/b.txt"])
        let folder = ArticleReader.articleFiles(under: [directory.url.appendingPathComponent("AFP")], corpusRoot: directory.url)
        #expect(folder.files.map(\.relativePath) == ["AFP/README.md", "AFP/a.md", "AFP/b.txt"])
    }

    @Test func missingPathsAreReportedAndDuplicatesRead() throws {
        let directory = try corpus()
        let gone = directory.url.appendingPathComponent("gone")
        let (files, missing) = ArticleReader.articleFiles(under: [gone, directory.url, directory.url.appendingPathComponent("AFP/b.txt")])
        #expect(missing == [gone])
        #expect(files.count == 6)
    }

    @Test func readingAFoundFileUsesItsRelativePath() throws {
        let directory = try corpus()
        let file = try #require(ArticleReader.articleFiles(under: [directory.url]).files.first { $0.relativePath == "AFP/b.txt" })
        let article = try #require(ArticleReader().read(file).articles.first)
        #expect(article.id == "AFP/b.txt")
        #expect(article.source == "AFP")
    }
}
