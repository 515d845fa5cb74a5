import Testing
@testable import Newsdex

@Suite struct StoredDocumentTests {
    let document = StoredDocument(
        kind: .article, id: "BBC/a.txt", title: "Harbour report", source: "BBC", date: "2023-01-10",
        authors: ["Ann Lee"], url: nil, path: "BBC/a.txt",
        paragraphs: ["Ships sailed at dawn.", "The harbour was quiet by noon.", "Café owners waited."],
        captions: [Caption(text: "Ships in the harbour.", credit: "Reuters")],
        entities: [EntityRef(name: "Ann Lee", type: .person)], article: nil, story: "35e74bc4c0697fae",
        language: .english)

    @Test func aRecordReadsBackWhole() throws {
        #expect(try StoredDocument(record: document.record) == document)
    }

    @Test func withoutItsBodyARecordReadsBackAllButTheParagraphs() throws {
        var expected = document
        expected.paragraphs = []
        #expect(try StoredDocument(record: document.record, body: false) == expected)
    }

    @Test func theSnippetSourcePrefixIsThatOfTheWholeBody() {
        for length in [0, 5, 21, 22, 23, 40, 200] {
            #expect(document.snippetSourcePrefix(length) == String(document.snippetSource.prefix(length)))
        }
    }
}
