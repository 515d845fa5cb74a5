// Saved pages in the shapes real news sites use, read end to end: metadata, main text without
// furniture, captions with credits, and pages that are not articles.
import Foundation
import Testing
@testable import Newsdex

@Suite struct HTMLReaderTests {
    /// The page's one article; fails when the page was rejected.
    private func article(_ name: String, as path: String? = nil) throws -> Article {
        let result = try ArticleFixtures.readPage(name, as: path)
        #expect(result.rejections.isEmpty, "\(result.rejections)")
        return try #require(result.articles.first)
    }

    private func body(_ article: Article) -> String { article.paragraphs.joined(separator: "\n") }

    /// A page that says its date nowhere else has the one its URL holds; its text's dateline,
    /// with a time, comes first.
    @Test func theURLsDateIsTheLastResort() throws {
        func page(_ text: String) -> String {
            """
            <html><head><title>Harbour ferry</title>
            <link rel="canonical" href="https://coastlinecourier.example/2024/03/11/harbour-ferry/"></head>
            <body><article><h1>Harbour ferry</h1>\(text)
            <p>Ferry crews in Penmarrow will return to work on Monday after the strike ended.</p></article></body></html>
            """
        }
        let dated = try #require(ArticleFixtures.readHTML(page("")).articles.first)
        #expect(dated.date == "2024-03-11")
        let written = try #require(ArticleFixtures.readHTML(page("<p>12 March 2024, 09:30</p>")).articles.first)
        #expect(written.date == "2024-03-12T09:30")
    }

    @Test func wordPressPage() throws {
        let page = try article("wordpress.html", as: "Local/ferry.html")
        #expect(page.title == "Harbour ferry strike ends after three weeks")
        #expect(page.date == "2024-03-11T08:15")
        #expect(page.authors == ["Morwenna Tregear"])
        #expect(page.source == "The Coastline Courier")
        #expect(page.url == "https://coastlinecourier.example/2024/03/11/harbour-ferry-strike-ends/")
        #expect(page.id == "Local/ferry.html")
        #expect(page.tags == ["ferries", "strikes", "Penmarrow"])
        #expect(page.paragraphs.first?.hasPrefix("Ferry crews in Penmarrow will return to work") == true)
        #expect(page.paragraphs.last?.hasPrefix("The county council, which subsidises the route") == true)
        // Headings and lists inside the article are kept, in order.
        let heading = try #require(page.paragraphs.firstIndex(of: "What changes for passengers"))
        #expect(page.paragraphs[heading + 2] == "Season tickets will be extended by three weeks at no cost.")
        // Furniture is not.
        for furniture in ["Skip to content", "Share this", "Facebook", "Related", "Ferry talks collapse",
            "About time too", "Leave a Reply", "Recent Posts", "We use cookies", "All rights reserved", "Menu",
            "Posted in", "Lifeboat crew"]
        {
            #expect(!body(page).contains(furniture), "\(furniture)")
        }
        // Captions are records of their own, never body text.
        #expect(page.captions == [
            Caption(text: "Crew members on the picket line at Penmarrow quay last week.", credit: "Jenna Polglase/Coastline Courier"),
            Caption(text: "Lorries queue at the mainland terminal on Sunday afternoon", credit: "Harbour Link"),
            Caption(text: "The Penmarrow ferry leaves the harbour for the first time since February.", credit: nil),
        ])
        #expect(!body(page).contains("picket line"))
    }

    @Test func publisherWithJSONLD() throws {
        let page = try article("publisher-jsonld.html")
        #expect(page.title == "Drought forces river barges to sail half empty")
        #expect(page.date == "2023-08-14T06:30")
        #expect(page.authors == ["Lukas Brenner", "Anneke de Vries"])
        #expect(page.source == "Continental Wire")
        #expect(page.paragraphs.count == 7)
        #expect(page.paragraphs.first?.hasPrefix("FRANKFURT, Aug 14 (Continental Wire) - Barges on the Rhine") == true)
        #expect(page.paragraphs.last == "(Reporting by Lukas Brenner in Frankfurt and Anneke de Vries in Rotterdam; Editing by Mark Potter)")
        for furniture in ["Advertisement", "Related coverage", "Read more", "Sign up", "Morning Briefing", "842 partners",
            "More from Continental Wire", "Trust Principles"]
        {
            #expect(!body(page).contains(furniture), "\(furniture)")
        }
        // The figure's credit element, and the JSON-LD ImageObject's copyrightHolder for a figure without one.
        #expect(page.captions == [
            Caption(text: "A barge passes the Loreley rock near Sankt Goarshausen, Germany, with its hold a third full.",
                credit: "Thomas Lohnes/Getty Images"),
            Caption(text: "Exposed riverbed at the Kaub gauge on Sunday.", credit: "Reuters"),
        ])
    }

    @Test func ampPage() throws {
        let page = try article("amp.html")
        #expect(page.title == "Night trains return to the Alpine line")
        #expect(page.date == "2023-12-10T05:00")
        #expect(page.authors == ["Sophie Aebischer"])
        #expect(page.source == "The Alpine Times")
        #expect(page.paragraphs.count == 4)
        #expect(!body(page).contains("Advertisement"))
        #expect(!body(page).contains("By Sophie"))
        #expect(page.captions == [Caption(
            text: "The first sleeper of the winter timetable waits at Zurich main station.", credit: "Marco Zanetti")])
    }

    @Test func pageWithoutMarkersIsScoredByDensity() throws {
        // No body marker, no JSON-LD, no author meta: the text block wins on text and link density
        // over the cookie banner, the menus, the related links and the (longer) comments.
        let page = try article("cookie-related-comments.html", as: "Valley/maternity.html")
        #expect(page.title == "Valley hospital to keep maternity unit open, board decides")
        #expect(page.date == "2022-06-02T17:45")
        #expect(page.authors == ["Priya Natarajan"])
        #expect(page.source == "Valley")
        #expect(page.paragraphs.count == 5)
        #expect(page.paragraphs.first?.hasPrefix("The maternity unit at Northern Valley Hospital will stay open") == true)
        #expect(page.paragraphs.last == "The unit delivered 1,342 babies last year. The board said it would publish a staffing plan in September.")
        for furniture in ["cookies", "Latest news", "Related stories", "Readers' comments", "ValleyMum82", "Share:", "Copyright 2022"] {
            #expect(!body(page).contains(furniture), "\(furniture)")
        }
    }

    @Test func sourceFallsBackToTheHostWithoutAFolder() throws {
        let page = try article("cookie-related-comments.html", as: "maternity.html")
        #expect(page.source == "valleypost.example")
    }

    @Test func windows1252Page() throws {
        let declared = try ArticleFixtures.readPage("windows-1252.html")
        let page = try #require(declared.articles.first)
        #expect(declared.warnings.isEmpty)
        #expect(page.title == "Café owners fight “terrace tax”")
        #expect(page.paragraphs.contains { $0.contains("up to €4,000 a season") })
        #expect(page.paragraphs.contains { $0.hasPrefix("“We already pay rent") })
        // "Par Renée Fauchon &#150; 3 mai 2006": a French byline ("&#150;" is an en dash, as
        // browsers read it, and what follows it is not a date in English).
        #expect(page.authors == ["Renée Fauchon"])
        #expect(page.paragraphs.first?.hasPrefix("Owners of the cafés along the quay") == true)
        #expect(!body(page).contains("Gazette du Lac 2006"))

        let undeclared = try ArticleFixtures.readPage("windows-1252-undeclared.html")
        #expect(undeclared.articles.first?.paragraphs == page.paragraphs)
        #expect(undeclared.warnings.map(\.message) == ["not valid UTF-8 and no charset declared; decoded as Windows-1252"])
    }

    @Test func brokenJSONLDIsRepairedOrSkipped() throws {
        let result = try ArticleFixtures.readPage("broken-jsonld.html")
        let page = try #require(result.articles.first)
        // The first block (a line break in a string, trailing commas) is repaired and wins.
        #expect(page.title == "Port strike talks resume as dockers return to the table")
        #expect(page.date == "2021-11-30T11:45")
        #expect(page.authors == ["Tom Achterberg"])
        #expect(page.source == "Harbour Daily")
        #expect(page.paragraphs.count == 3)
        // The second cannot be read, and says so.
        #expect(result.warnings.map(\.message) == ["unreadable JSON-LD ignored; metadata taken from the page's meta tags and text"])
    }

    @Test func frontPageIsIndexedAsAPage() throws {
        let result = try ArticleFixtures.readPage("home-page.html")
        let page = try #require(result.articles.first)
        #expect(page.title == "The Daily Planet")
        #expect(page.paragraphs == ["The latest news, sport and weather from Metropolis and beyond."])
        #expect(result.warnings.count == 1)
        #expect(!body(page).contains("harbour bridge"))
    }

    @Test func redirectStubAndFeedAreRejectedWithTheReason() throws {
        let redirect = try ArticleFixtures.readPage("redirect.html", as: "Planet/redirect.html")
        #expect(redirect.articles.isEmpty)
        #expect(redirect.rejections.map(\.description) == [
            "Planet/redirect.html: a redirect to https://dailyplanet.example/news/2024/05/01/bridge-plan, not an article"
        ])
        let feed = try ArticleFixtures.readPage("feed.html")
        #expect(feed.rejections.map(\.reason) == ["an RSS feed, not a web page"])
    }

    @Test func captionsWithCreditsInEachPattern() throws {
        let page = try article("captions.html")
        #expect(page.captions == [
            // JSON-LD ImageObject's creditText, for the lead figure without a credit of its own.
            Caption(text: "Meltwater pours off the Rhône glacier at dawn.", credit: "Fabrice Coffrini/AFP"),
            // A credit element by class.
            Caption(text: "Researchers drill a stake into the ice to measure the melt.", credit: "Jean-Marc Favre"),
            // By itemprop.
            Caption(text: "The lake that formed at the glacier's foot since 2015.", credit: "Keystone"),
            // <small>, with its label.
            Caption(text: "White blankets cover part of the glacier to slow the melt near the ice grotto.", credit: "Lena Keller"),
            // <cite>.
            Caption(text: "A hiker crosses a bridge over the meltwater stream.", credit: "Denis Balibouse/Reuters"),
            // In the words: "Photo:", "(Reuters)", a bare agency, "Picture:".
            Caption(text: "The glacier in 1900, on a postcard from the Valais archive.", credit: "Valais State Archives"),
            Caption(text: "Scientists camp beside the ice at night", credit: "Reuters"),
            Caption(text: "Rock once buried under ice is exposed at the glacier's edge.", credit: "Getty Images"),
            Caption(text: "A guide points to where the ice reached when he started work.", credit: "Alamy"),
            // Screen-reader labels ("Image caption,", "Image source,", "Credit...") are not words of the caption.
            Caption(text: "Tourists queue at the grotto entrance.", credit: "Fabrice Coffrini/AFP"),
            Caption(text: "A measuring station on the ice at sunset.", credit: "Marco Bertorello/The Field Notes"),
        ])
        // A figure in a related-stories aside is not this article's.
        #expect(!page.captions.contains { $0.text.contains("Teaser") })
        #expect(page.paragraphs.count == 4)
        #expect(!body(page).contains("Researchers drill"))
    }

    @Test func pageWithoutTextIsRejected() {
        let result = ArticleFixtures.readHTML("<html><body><nav><a href='/'>Home</a></nav></body></html>", as: "x.html")
        #expect(result.rejections.map(\.reason) == ["no article text found (no title, no paragraphs, no captions)"])
    }

    @Test func pageWithATitleOnlyIsKeptWithAWarning() throws {
        let result = ArticleFixtures.readHTML("<title>Gallery: the harbour at night</title><body><img src=x></body>")
        #expect(result.articles.first?.title == "Gallery: the harbour at night")
        #expect(result.warnings.map(\.message) == ["no article text found; indexed with its title only"])
    }

    @Test func bylineAndDatelineInTheTextAreRead() throws {
        let html = """
            <html><head><title>Storm closes bridge</title></head><body><div class="content">
            <h1>Storm closes bridge</h1>
            <p>By Ann Lee and Bo Park</p>
            <p>18 October 2024, 14:30</p>
            <p>The harbour bridge was closed to traffic on Friday as gusts reached 80mph, the council said.</p>
            <p>Engineers will inspect the bridge before it reopens, probably on Saturday morning.</p>
            </div></body></html>
            """
        let page = try #require(ArticleFixtures.readHTML(html).articles.first)
        #expect(page.authors == ["Ann Lee", "Bo Park"])
        #expect(page.date == "2024-10-18T14:30")
        #expect(page.paragraphs.count == 2)
    }

    @Test func jsonLDArticleBodyStandsInForTextDrawnByScripts() throws {
        let html = """
            <html><head><script type="application/ld+json">{"@type":"NewsArticle","headline":"Ferry returns",
            "articleBody":"The ferry returned to service on Monday after repairs to its engines took longer than planned.\\nPassengers said they were relieved to be able to cross again."}</script></head>
            <body><div id="app"></div></body></html>
            """
        let page = try #require(ArticleFixtures.readHTML(html).articles.first)
        #expect(page.title == "Ferry returns")
        #expect(page.paragraphs == [
            "The ferry returned to service on Monday after repairs to its engines took longer than planned.",
            "Passengers said they were relieved to be able to cross again.",
        ])
    }

    @Test(arguments: [
        "",
        "<",
        "<html><body><p>",
        "<<<<>>>><p><div><table><td><li>",
        String(repeating: "<div>", count: 5000) + "deep" + String(repeating: "</div>", count: 5000),
        "<script>alert(1)</script>",
        "\u{0}\u{1}\u{2}",
    ])
    func malformedPagesNeverCrash(html: String) {
        let result = ArticleFixtures.readHTML(html)
        #expect(result.articles.count + result.rejections.count == 1)
    }
}
