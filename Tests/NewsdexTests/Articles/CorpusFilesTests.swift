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

    /// Files are in the order of their whole paths, whichever folders they are in: "a-b/x" comes
    /// before "a/x", as "-" sorts before "/" (the order stories are assigned in); names that are
    /// not ASCII sort as Strings do, among ASCII ones too.
    @Test func filesAreInTheOrderOfTheirPathsAcrossFolders() throws {
        let directory = try TemporaryDirectory()
        let paths = [
            "a/z.txt", "a/b/y.txt", "a-b/x.txt", "a.txt", "a/c.txt", "a/b-c.txt", "ab/w.txt", "A/v.txt",
            "a/é.txt", "a/ez.txt", "a/Ωmega.txt", "a/ä.txt", "a/ａ.txt",
        ]
        for path in paths { try directory.write("Title\n", to: path) }
        let listed = ArticleReader.articleFiles(under: [directory.url]).files
        #expect(listed.map(\.relativePath) == paths.sorted { ("/" + $0) < ("/" + $1) })
        for file in listed {
            #expect(file.url.standardizedFileURL.path == directory.url.appendingPathComponent(file.relativePath).standardizedFileURL.path)
        }
    }

    @Test func readingAFoundFileUsesItsRelativePath() throws {
        let directory = try corpus()
        let file = try #require(ArticleReader.articleFiles(under: [directory.url]).files.first { $0.relativePath == "AFP/b.txt" })
        let article = try #require(ArticleReader().read(file).articles.first)
        #expect(article.id == "AFP/b.txt")
        #expect(article.source == "AFP")
    }
}

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct CorpusListingTests {
    @Test func specialFilesLinksAndNamesThatAreNotUTF8AreListedAsSkipped() throws {
        let directory = try TemporaryDirectory()
        try directory.write("Title\n", to: "S/a.txt")
        try directory.write("Title\n", to: "S/x.txt/in.md")
        try directory.write("not an article\n", to: "S/notes.csv")
        #expect(mkfifo(directory.path("S/fifo.txt").path, 0o644) == 0)
        #expect(mkfifo(directory.path("S/fifo.csv").path, 0o644) == 0)  // not named like an article
        #expect(mkfifo(directory.path("S/fifo.warc.gz").path, 0o644) == 0)  // a web archive is an article file
        #expect(symlink("a.txt", directory.path("S/link.txt").path) == 0)
        #expect(symlink("gone.txt", directory.path("S/broken.txt").path) == 0)
        #expect(symlink("..", directory.path("S/up").path) == 0)
        let raw = Array(directory.path("S").path.utf8) + [UInt8(ascii: "/"), 0xFF, UInt8(ascii: "."), UInt8(ascii: "m"), UInt8(ascii: "d"), 0]
        let fd = raw.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
        #expect(fd >= 0)
        close(fd)

        let listing = ArticleReader.listing(under: [directory.url])
        #expect(listing.files.map(\.relativePath) == ["S/a.txt", "S/link.txt", "S/x.txt/in.md"])
        #expect(listing.skipped.map(\.path) == ["S/broken.txt", "S/fifo.txt", "S/fifo.warc.gz", "S/up", "S/x.txt", "S/\u{FFFD}.md"])
        #expect(listing.skipped.map(\.reason) == [
            .brokenLink, .notRegular(.fifo), .notRegular(.fifo), .linkToFolder, .folderNamedLikeArticle, .nameNotUTF8,
        ])
        #expect(listing.skipped.filter(\.isRejection).count == 5)
        // The link is read as what it names, under its own name.
        let link = try #require(listing.files.first { $0.relativePath == "S/link.txt" })
        #expect(ArticleReader().read(link).articles.first?.id == "S/link.txt")
    }
}
