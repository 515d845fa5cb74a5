// `newsdex parse`, run as a user would: what it prints and how it exits.
import Foundation
import Testing

@Suite struct ParseCommandTests {
    /// The repository root: this file is Tests/NewsdexCLITests/ParseCommandTests.swift.
    private static let root = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    private static let corpus = root.appendingPathComponent("corpus")
    private static let lbcSeed = "LBC/000_satellite-images-show-north-korean-special-forces-deployed-in-russia.txt"

    private struct Report: Decodable {
        struct Article: Decodable {
            struct Caption: Decodable { var text: String; var credit: String? }
            var id: String
            var source: String
            var title: String
            var date: String?
            var authors: [String]
            var captions: [Caption]
            var paragraphs: [String]
        }
        struct Rejection: Decodable { var path: String; var line: Int?; var reason: String }
        struct Warning: Decodable { var path: String; var line: Int?; var message: String }
        var articles: [Article]
        var rejections: [Rejection]
        var warnings: [Warning]
    }

    private func temporaryCorpus() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("newsdex-parse-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url.appendingPathComponent("Wire"), withIntermediateDirectories: true)
        return url
    }

    @Test func jsonOutputDecodesWithTheSeedArticle() throws {
        let result = try runNewsdex([
            "parse", Self.corpus.appendingPathComponent(Self.lbcSeed).path,
            "--corpus", Self.corpus.path, "--format", "json",
        ])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        let report = try JSONDecoder().decode(Report.self, from: Data(result.stdout.utf8))
        let article = try #require(report.articles.first)
        #expect(report.articles.count == 1 && report.rejections.isEmpty)
        #expect(article.id == Self.lbcSeed)
        #expect(article.source == "LBC")
        #expect(article.date == "2024-10-18T14:30")
        #expect(article.authors == ["Katy Ronkin"])
        #expect(article.captions.count == 5)
        #expect(article.paragraphs.count == 13)
    }

    @Test func textOutputShowsCaptionsWithCredits() throws {
        let result = try runNewsdex(["parse", Self.corpus.path, "--corpus", Self.corpus.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("title:      N. Korea Sending 'Large-scale' Troop Deployment To Russia"))
        #expect(result.stdout.contains("source:     AFP"))
        #expect(result.stdout.contains("credit: AFP"))
        #expect(result.stdout.contains("credit: South Korea's National Intelligence Service"))
        #expect(result.stdout.contains("paragraphs: 13"))
        #expect(!result.stdout.contains("Listen to this article"))
    }

    @Test func aBadFileExitsThreeAfterPrintingTheRest() throws {
        let corpus = try temporaryCorpus()
        defer { try? FileManager.default.removeItem(at: corpus) }
        try Data("Good Title\n\nGood body.\n".utf8).write(to: corpus.appendingPathComponent("Wire/good.txt"))
        try Data([0x54, 0x00, 0x01]).write(to: corpus.appendingPathComponent("Wire/bad.txt"))
        try Data("{\"title\": \"Line one\"}\n{oops\n".utf8).write(to: corpus.appendingPathComponent("Wire/feed.jsonl"))

        let text = try runNewsdex(["parse", corpus.path, "--corpus", corpus.path])
        #expect(text.status == 3)
        #expect(text.stdout.contains("Good Title"))
        #expect(text.stdout.contains("Line one"))
        #expect(text.stderr.contains("Wire/bad.txt: binary file"))
        #expect(text.stderr.contains("Wire/feed.jsonl:2: malformed JSON"))

        let json = try runNewsdex(["parse", corpus.path, "--corpus", corpus.path, "--format", "json"])
        #expect(json.status == 3)
        let report = try JSONDecoder().decode(Report.self, from: Data(json.stdout.utf8))
        #expect(report.articles.map(\.title).sorted() == ["Good Title", "Line one"])
        #expect(report.rejections.map(\.path).sorted() == ["Wire/bad.txt", "Wire/feed.jsonl"])
        #expect(json.stderr.contains("Wire/bad.txt"))
    }

    @Test func aMissingFileIsNamedAndExitsThree() throws {
        let result = try runNewsdex(["parse", "/nonexistent/newsdex/nothing.txt"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("nothing.txt"))
    }

    @Test func aWarningDoesNotChangeTheExitCode() throws {
        let corpus = try temporaryCorpus()
        defer { try? FileManager.default.removeItem(at: corpus) }
        try Data([0x43, 0x61, 0x66, 0xE9, 0x0A]).write(to: corpus.appendingPathComponent("Wire/latin.txt"))
        let result = try runNewsdex(["parse", corpus.path, "--corpus", corpus.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("title:      Café"))
        #expect(result.stderr.contains("Wire/latin.txt: not valid UTF-8"))
    }
}
