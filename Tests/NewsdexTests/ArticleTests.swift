import Testing
@testable import Newsdex

@Test func bodyJoinsParagraphsWithBlankLines() {
    let article = Article(id: "a", source: "AFP", title: "T", paragraphs: ["One.", "Two."])
    #expect(article.body == "One.\n\nTwo.")
}
