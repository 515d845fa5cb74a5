// Which container holds the article, and which of its blocks are text.
import Testing
@testable import Newsdex

@Suite struct MainTextExtractorTests {
    private func extract(_ html: String, title: String? = nil) throws -> MainText {
        let analysis = PageAnalysis(page: try HTMLPage(Array(html.utf8), encoding: "UTF-8"))
        return MainTextExtractor(analysis: analysis).extract(title: title)
    }

    private let prose = "The council approved the plan on Tuesday after a debate that lasted, by most accounts, well over four hours."

    @Test func aBodyMarkerWins() throws {
        let text = try extract("""
            <div class="sidebar-list"><p>\(prose) One.</p><p>\(prose) Two.</p><p>\(prose) Three.</p></div>
            <div itemprop="articleBody"><p>\(prose) Body.</p><p>\(prose) More.</p></div>
            """)
        #expect(text.foundBy == .bodyMarker)
        #expect(text.blocks.map(\.text) == ["\(prose) Body.", "\(prose) More."])
    }

    @Test func theDominantArticleElement() throws {
        let text = try extract("""
            <article><p>\(prose) Main.</p><p>\(prose) Main two.</p><p>\(prose) Main three.</p></article>
            <article><p>Teaser.</p></article>
            """)
        #expect(text.foundBy == .articleElement)
        #expect(text.blocks.count == 3)
    }

    @Test func ofManyArticlesTheOneUnderTheTitle() throws {
        let html = """
            <article><h2>First chapter</h2><p>\(prose) A.</p><p>\(prose) A2.</p><p>\(prose) A3.</p></article>
            <article><h2>Second chapter</h2><p>\(prose) B.</p><p>\(prose) B2.</p><p>\(prose) B3.</p></article>
            """
        #expect(try extract(html, title: "Second chapter").blocks.map(\.text)
            == ["Second chapter", "\(prose) B.", "\(prose) B2.", "\(prose) B3."])
        #expect(try extract(html).foundBy != .articleElement)
    }

    @Test func scoringPrefersProseToLinks() throws {
        let links = (1...12).map { "<li><a href='/\($0)'>A related story headline number \($0)</a></li>" }.joined()
        let text = try extract("""
            <div><ul>\(links)</ul></div>
            <div><div><p>\(prose) One.</p><p>\(prose) Two.</p><p>\(prose) Three.</p></div></div>
            """)
        #expect(text.foundBy == .score)
        #expect(text.blocks.map(\.text) == ["\(prose) One.", "\(prose) Two.", "\(prose) Three."])
    }

    @Test func headingsListsAndQuotesKeepTheirPlace() throws {
        let text = try extract("""
            <article><h1>Title</h1><p>\(prose)</p><h2>What next</h2><ul><li>First step.</li><li>Second step.</li></ul>
            <blockquote>“We will see,” she said.</blockquote><p>\(prose) End.</p></article>
            """)
        #expect(text.blocks.map(\.kind) == [.paragraph, .heading, .listItem, .listItem, .quote, .paragraph])
        #expect(!text.blocks.contains { $0.text == "Title" })
    }

    @Test func furnitureInsideTheArticleIsLeftOut() throws {
        let text = try extract("""
            <article><p>\(prose)</p>
            <div class="newsletter-signup"><p>Sign up for our newsletter and get the best stories every morning.</p></div>
            <p>Read more: <a href="/x">Another story about the council and its plans</a></p>
            <div class="related"><h3>Related</h3><p><a href="/y">Council meets again</a></p></div>
            <aside><p>A pull quote.</p></aside><figure><img src=x><figcaption>A caption.</figcaption></figure>
            <p style="display: none">Hidden text.</p><div aria-hidden="true">Also hidden.</div>
            <p>\(prose) End.</p><h3>More from us</h3><p><a href="/z">Link one</a> <a href="/w">Link two</a></p></article>
            """)
        #expect(text.blocks.map(\.text) == [prose, "\(prose) End."])
    }

    @Test func aHeadingBeforeDroppedLinksGoesWithThem() throws {
        let text = try extract("""
            <article><h3>Related posts</h3><p><a href=/a>One link</a></p><p>\(prose)</p><p>\(prose) Two.</p></article>
            """)
        #expect(text.blocks.map(\.text) == [prose, "\(prose) Two."])
    }

    @Test func lineBreaksSeparateBlocks() throws {
        let text = try extract("<article><p>\(prose)<br>\(prose) Second.<br><br>\(prose) Third.</p></article>")
        #expect(text.blocks.count == 3)
    }

    @Test func trailingLabelsAreDropped() throws {
        let text = try extract("<article><p>\(prose)</p><p>\(prose) Two.</p><div>Topics</div><p>Weitere Informationen:</p></article>")
        #expect(text.blocks.map(\.text) == [prose, "\(prose) Two."])
        #expect(MainTextExtractor.isLabel("Topics"))
        #expect(!MainTextExtractor.isLabel("It rained."))
        #expect(!MainTextExtractor.isLabel("one two three four five six seven"))
    }

    @Test func aWrapperWithAnUnluckyNameKeepsTheArticle() throws {
        // "share-zone" names share buttons, but this one holds the whole article.
        let text = try extract("<div class='share-zone'><div><p>\(prose)</p><p>\(prose) Two.</p><p>\(prose) Three.</p></div></div>")
        #expect(text.blocks.count == 3)
    }

    @Test func commentsAreLeftOutEvenWhenLongerThanTheArticle() throws {
        let comments = (1...10).map { "<div class='comment'><p>\(prose) Comment \($0).</p></div>" }.joined()
        let text = try extract("<div class='story'><h1>T</h1><p>\(prose)</p><p>\(prose) Two.</p></div><div id='comments'>\(comments)</div>")
        #expect(text.blocks.map(\.text) == [prose, "\(prose) Two."])
    }
}
