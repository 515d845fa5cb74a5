// Class and id names read as words.
import Testing
@testable import Newsdex

@Suite struct HTMLBoilerplateTests {
    @Test func namesAreReadAsWords() {
        #expect(HTMLBoilerplate.splitWords("relatedArticles__list-item") == ["related", "articles", "list", "item"])
        #expect(HTMLBoilerplate.splitWords("ArticleBody_body__2") == ["article", "body", "body", "2"])
    }

    @Test(arguments: [
        ("related-articles", HTMLBoilerplate.Strength.strong),
        ("relatedstories", .strong),
        ("cookie-consent", .strong),
        ("comments-area", .strong),
        ("c-sidebar", .weak),
        ("site-header", .weak),
        ("commentary", .none),
        ("story", .none),
        ("TestReport__Section--Ads", .none),
        ("visually-hidden", .none),
        ("hidden", .strong),
    ])
    func strength(classes: String, strength: HTMLBoilerplate.Strength) {
        #expect(HTMLBoilerplate.read(class: classes, id: nil).strength == strength)
    }

    @Test func bodyMarkersWinOverFurnitureWords() {
        let reading = HTMLBoilerplate.read(class: "article-body share-enabled", id: nil)
        #expect(reading.isBody)
        #expect(reading.strength == .none)
        #expect(HTMLBoilerplate.read(class: nil, id: "entry-content").isBody)
        #expect(!HTMLBoilerplate.read(class: "bodyContent", id: nil).isBody)
    }

    @Test func whatNamesSay() {
        #expect(HTMLBoilerplate.read(class: "image-credit", id: nil).isCredit)
        #expect(HTMLBoilerplate.read(class: "wp-caption-text", id: nil).isCaption)
        #expect(HTMLBoilerplate.read(class: "sr-only", id: nil).isScreenReaderOnly)
        #expect(HTMLBoilerplate.read(class: "picBox medium", id: nil).isPicture)
        #expect(HTMLBoilerplate.read(class: nil, id: "disqus_thread").isComments)
        // A modifier does not make furniture, but may say what a small element is.
        let modifier = HTMLBoilerplate.read(class: "sharekit__contributors--author", id: nil)
        #expect(modifier.isByline)
    }
}
