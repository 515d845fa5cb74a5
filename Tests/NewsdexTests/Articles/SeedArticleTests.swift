// The two real articles of the seed corpus, read exactly as the reference annotation says.
import Foundation
import Testing
@testable import Newsdex

/// The part of lbc-reference.json that describes page structure.
private struct Reference: Decodable {
    struct Document: Decodable {
        struct CaptionReference: Decodable {
            var caption: String
            var credit: String
            var lines: [Int]
        }
        struct LineReference: Decodable {
            var line: Int
            var text: String
        }
        var title: String
        var date: String
        var datetime_text: String
        var author: String
        var captions: [CaptionReference]
        var boilerplate_lines: [LineReference]
        var metadata_lines: [LineReference]
        var body_lines: [Int]
    }
    var documents: [String: Document]
}

@Suite struct SeedArticleTests {
    private func lbcReference() throws -> Reference.Document {
        let data = try Data(contentsOf: ArticleFixtures.fixturesRoot.appendingPathComponent("lbc-reference.json"))
        let reference = try JSONDecoder().decode(Reference.self, from: data)
        return try #require(reference.documents.values.first)
    }

    private func seed(_ path: String) throws -> (article: Article, result: ReadResult, lines: [String]) {
        let url = ArticleFixtures.corpusRoot.appendingPathComponent(path)
        let result = ArticleReader().read(fileAt: url, corpusRoot: ArticleFixtures.corpusRoot)
        let text = try String(contentsOf: url, encoding: .utf8)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        return (try #require(result.articles.first), result, lines)
    }

    @Test func lbcSeedMatchesTheReferenceAnnotation() throws {
        let reference = try lbcReference()
        let (article, result, lines) = try seed(ArticleFixtures.lbcSeedPath)
        #expect(result.rejections.isEmpty && result.warnings.isEmpty && result.articles.count == 1)

        #expect(article.title == reference.title)
        #expect(article.authors == [reference.author])
        // The header gives the day, the dateline "18 October 2024, 14:30" the time of that day.
        #expect(article.date?.prefix(10) == reference.date[...])
        #expect(reference.datetime_text == "18 October 2024, 14:30")
        #expect(article.date == "2024-10-18T14:30")

        #expect(article.captions == reference.captions.map { Caption(text: $0.caption, credit: $0.credit) })
        for caption in reference.captions {
            // The reference's caption lines are the caption, then the caption with its credit.
            #expect(lines[caption.lines[0] - 1] == caption.caption)
        }

        let body = reference.body_lines.map { lines[$0 - 1].trimmingCharacters(in: .whitespaces) }
        #expect(article.paragraphs == body)
        let notBody = Set(reference.boilerplate_lines.map(\.text) + reference.metadata_lines.map(\.text)
            + reference.captions.map(\.caption))
        #expect(article.paragraphs.allSatisfy { !notBody.contains($0) })
    }

    @Test func lbcSeedIdAndSourceComeFromItsPath() throws {
        let (article, _, _) = try seed(ArticleFixtures.lbcSeedPath)
        #expect(article.id == ArticleFixtures.lbcSeedPath)
        #expect(article.source == "LBC")
        #expect(article.path == ArticleFixtures.lbcSeedPath)
    }

    @Test func afpSeedHasNoDateAndAnAFPCreditedCaption() throws {
        let (article, result, lines) = try seed(ArticleFixtures.afpSeedPath)
        #expect(result.rejections.isEmpty && result.warnings.isEmpty)
        #expect(article.title == lines[0])
        // "said Friday" is not a date.
        #expect(article.date == nil)
        #expect(article.source == "AFP")
        #expect(article.captions == [Caption(text: lines[2], credit: "AFP")])
        #expect(article.paragraphs.first == lines[5])
        #expect(article.paragraphs.last?.hasPrefix("Pyongyang has also previously dispatched") == true)
        #expect(!article.paragraphs.contains("Real Time Analytics"))
        #expect(!article.paragraphs.contains { $0.hasPrefix(lines[2]) })
        #expect(article.paragraphs.count == 26)
    }
}
