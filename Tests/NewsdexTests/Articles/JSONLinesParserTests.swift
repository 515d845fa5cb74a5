import Foundation
import Testing
@testable import Newsdex

@Suite struct JSONLinesParserTests {
    private func mixed() -> ReadResult {
        ArticleReader().read(fileAt: ArticleFixtures.url("mixed.jsonl"), corpusRoot: ArticleFixtures.fixturesRoot)
    }

    @Test func aBadLineIsRejectedAloneAndTheOthersKept() {
        let result = mixed()
        #expect(result.articles.map(\.title) == ["Body as a string", "Body as an array", "Numeric id"])
        #expect(result.rejections.map(\.line) == [3, 5])
        #expect(result.rejections.allSatisfy { $0.path == "Articles/mixed.jsonl" })
        #expect(result.rejections[0].description.hasPrefix("Articles/mixed.jsonl:3: malformed JSON"))
        #expect(result.rejections[1].reason == "neither title nor body")
    }

    @Test func bodyStringSplitsOnBlankLines() throws {
        let article = try #require(mixed().articles.first)
        #expect(article.id == "a1")
        #expect(article.source == "Wire")
        #expect(article.date == "2024-10-18")
        #expect(article.authors == ["Ann Lee", "Bo Park"])
        #expect(article.url == "https://example.com/a1")
        #expect(article.paragraphs == ["First paragraph wraps here.", "Second paragraph."])
        #expect(article.captions == [Caption(text: "A ship.", credit: "AFP")])
        #expect(article.tags == ["asia"])
        #expect(article.path == "Articles/mixed.jsonl")
    }

    @Test func bodyArrayIsTheParagraphsAndIdsFollowTheLine() throws {
        let article = try #require(mixed().articles.dropFirst().first)
        #expect(article.paragraphs == ["One.", "Two.", "Three."])
        #expect(article.authors == ["Cy Dee"])
        #expect(article.id == "Articles/mixed.jsonl#2")
        #expect(article.source == "Articles")  // from the folder under the corpus root
    }

    @Test func numericIdsAreKeptAndBadDatesWarned() throws {
        let result = mixed()
        let article = try #require(result.articles.last)
        #expect(article.id == "42")
        #expect(article.date == nil)
        #expect(result.warnings.map(\.line) == [6])
    }

    @Test(arguments: [
        ("[1, 2]", "expected a JSON object, found an array"),
        ("\"text\"", "expected a JSON object, found a string"),
        ("{\"title\": \"T\", \"body\": 3}", "body must be a string or an array of strings"),
        ("{\"title\": \"T\", \"body\": [\"a\", 1]}", "body must be a string or an array of strings"),
        ("{\"title\": \"  \", \"body\": []}", "neither title nor body"),
    ])
    func rejectsLinesWithAReason(line: String, reason: String) {
        let result = ArticleFixtures.read("{\"title\": \"Good\"}\n\(line)\n", as: "feed.jsonl")
        #expect(result.articles.map(\.title) == ["Good"])
        #expect(result.rejections == [Rejection(path: "feed.jsonl", line: 2, reason: reason)])
    }

    @Test func sourceIsUnknownWithoutFieldOrFolder() throws {
        let article = try #require(ArticleFixtures.article("{\"title\": \"T\"}", as: "feed.jsonl"))
        #expect(article.source == "unknown")
        #expect(article.id == "feed.jsonl#1")
    }
}

@Suite struct JSONLinesHostileInputTests {
    @Test func aLaterLineWithTheSameIdIsRejectedNamingTheFirst() {
        let result = ArticleFixtures.read("""
            {"id": "c1", "title": "First"}
            {"id": "c2", "title": "Other"}
            {"id": "c1", "title": "Second"}
            """, as: "feed.jsonl")
        #expect(result.articles.map(\.title) == ["First", "Other"])
        #expect(result.rejections == [Rejection(
            path: "feed.jsonl", line: 3, reason: "duplicate id \"c1\": line 1 has it and is indexed; this line is not")])
    }

    @Test(arguments: [
        ("{\"title\": \"T\", \"captions\": \"string\"}", "field \"captions\" must be an array, not a string"),
        ("{\"title\": \"T\", \"captions\": [3]}", "field \"captions[0]\" must be a string or an object with a text, not a number"),
        ("{\"title\": \"T\", \"captions\": [{\"text\": [\"x\"]}]}", "field \"captions[0].text\" must be a string, not an array"),
        ("{\"title\": \"T\", \"date\": 20241018}", "field \"date\" must be a string, not a number"),
        ("{\"title\": \"T\", \"id\": {}}", "field \"id\" must be a string or a number, not an object"),
        ("{\"title\": \"T\", \"id\": false}", "field \"id\" must be a string or a number, not a boolean"),
        ("{\"title\": {\"text\": \"T\"}}", "field \"title\" must be a string or a number, not an object"),
        ("{\"title\": \"T\", \"source\": 3}", "field \"source\" must be a string, not a number"),
        ("{\"title\": \"T\", \"url\": [\"u\"]}", "field \"url\" must be a string, not an array"),
        ("{\"title\": \"T\", \"authors\": [\"A\", 2]}", "field \"authors[1]\" must be a string or an object with a name, not a number"),
        ("{\"title\": \"T\", \"tags\": {\"a\": 1}}", "field \"tags\" must be a string or an array, not an object"),
        ("{\"title\": \"T\", \"tags\": [\"a\", null]}", "field \"tags[1]\" must be a string, not null"),
    ])
    func aFieldOfTheWrongTypeIsARejectionNamingIt(line: String, reason: String) {
        let result = ArticleFixtures.read("{\"title\": \"Good\"}\n\(line)\n", as: "feed.jsonl")
        #expect(result.articles.map(\.title) == ["Good"])
        #expect(result.rejections == [Rejection(path: "feed.jsonl", line: 2, reason: reason)])
    }

    @Test func nullIsAbsentAndNumbersAreTextWhereTextIsExpected() throws {
        let article = try #require(ArticleFixtures.article(
            "{\"id\": 42, \"title\": 7, \"source\": null, \"date\": null, \"captions\": null}", as: "feed.jsonl"))
        #expect(article.id == "42" && article.title == "7" && article.source == "unknown")
    }

    @Test func anIdLongerThanTheLimitIsRejected() {
        let id = String(repeating: "é", count: Article.maxIDBytes / 2 + 1)
        let result = ArticleFixtures.read("{\"id\": \"\(id)\", \"title\": \"T\"}\n{\"title\": \"Kept\"}", as: "feed.jsonl")
        #expect(result.articles.map(\.title) == ["Kept"])
        #expect(result.rejections.map(\.reason) == ["the id is \(Article.maxIDBytes + 2) bytes long; an id is at most \(Article.maxIDBytes) bytes"])
        // A front matter id too.
        let text = ArticleFixtures.read("---\nid: \(id)\n---\nTitle\nBody.\n")
        #expect(text.articles.isEmpty && text.rejections.count == 1)
    }
}
