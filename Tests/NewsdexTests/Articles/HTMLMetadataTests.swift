// Metadata in its order of trust, and the values pages write: titles with a site's name, machine
// dates, author lists.
import Testing
@testable import Newsdex

@Suite struct HTMLMetadataTests {
    private func metadata(_ html: String) throws -> HTMLMetadata {
        let analysis = PageAnalysis(page: try HTMLPage(Array(html.utf8), encoding: "UTF-8"))
        var metadata = HTMLMetadata(analysis: analysis)
        metadata.complete(from: analysis, root: nil)
        return metadata
    }

    @Test func jsonLDThenMetaTagsThenThePage() throws {
        let all = """
            <head><title>Page title | Site</title>
            <meta property="og:title" content="OG title"><meta name="author" content="Meta Author">
            <meta property="article:published_time" content="2024-01-02T03:04:00Z">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"LD title","datePublished":"2024-05-06","author":"LD Author"}</script>
            </head><body><h1>H1 title</h1><time datetime="2020-01-01">1 Jan</time><p class="byline">By Page Author</p></body>
            """
        let first = try metadata(all)
        #expect(first.title == "LD title")
        #expect(first.date?.iso == "2024-05-06")
        #expect(first.authors == ["LD Author"])

        let second = try metadata(all.replacingOccurrences(of: #"<script type="application/ld+json">"#, with: "<script>"))
        #expect(second.title == "OG title")
        #expect(second.date?.iso == "2024-01-02T03:04")
        #expect(second.authors == ["Meta Author"])

        let third = try metadata("<head><title>Page title | Site</title></head><body><h1>H1 title</h1>"
            + #"<time datetime="2020-01-01">1 Jan</time><p class="byline">By Page Author, Political Editor</p></body>"#)
        #expect(third.title == "H1 title")
        #expect(third.date?.iso == "2020-01-01")
        #expect(third.authors == ["Page Author"])
    }

    @Test func microdataBeforeTheH1() throws {
        let page = try metadata("""
            <body><h1>Site logo</h1><article itemscope itemtype="https://schema.org/NewsArticle">
            <h2 itemprop="headline">Microdata headline</h2><meta itemprop="datePublished" content="2022-02-02">
            <span itemprop="author" itemscope><span itemprop="name">Cy Dee</span></span></article></body>
            """)
        #expect(page.title == "Microdata headline")
        #expect(page.date?.iso == "2022-02-02")
        #expect(page.authors == ["Cy Dee"])
    }

    @Test func canonicalURLThenOGURL() throws {
        #expect(try metadata(#"<link rel="canonical" href="https://a.example/x"><meta property="og:url" content="https://b.example/y">"#).url
            == "https://a.example/x")
        #expect(try metadata(#"<meta property="og:url" content="https://b.example/y">"#).url == "https://b.example/y")
    }

    @Test func pageKind() throws {
        #expect(try metadata(#"<meta property="og:type" content="article">"#).declaresArticle == true)
        #expect(try metadata(#"<meta property="og:type" content="website">"#).declaresArticle == false)
        #expect(try metadata("<p>x</p>").declaresArticle == nil)
        #expect(try metadata(#"<meta http-equiv="refresh" content="0; URL='https://x.example/a'">"#).refreshTarget
            == "https://x.example/a")
    }

    @Test(arguments: [
        ("Harbour ferry strike ends | The Coastline Courier", "The Coastline Courier", "Harbour ferry strike ends"),
        ("The Coastline Courier - Harbour ferry strike ends", "The Coastline Courier", "Harbour ferry strike ends"),
        ("Harbour ferry strike ends", "The Coastline Courier", "Harbour ferry strike ends"),
    ])
    func titlesLoseTheSiteName(title: String, site: String, expected: String) {
        #expect(HTMLMetadata.withoutSiteName(title, site) == expected)
    }

    @Test func pageTitlesLoseAShortSuffix() {
        #expect(HTMLMetadata.titleCleaned("Storm closes the harbour bridge | Daily Planet", siteName: nil, h1: nil)
            == "Storm closes the harbour bridge")
        #expect(HTMLMetadata.titleCleaned("Storm closes bridge – and more | Planet", siteName: nil, h1: "Storm closes bridge – and more")
            == "Storm closes bridge – and more")
        #expect(HTMLMetadata.titleCleaned("Ukraine - Russia", siteName: nil, h1: nil) == "Ukraine - Russia")
    }

    @Test(arguments: [
        ("2024-10-18T14:30:00+01:00", "2024-10-18T14:30"),
        ("2024-10-18", "2024-10-18"),
        ("20241018", "2024-10-18"),
        ("Tue Jan 28 15:28:56 CET 2020", "2020-01-28T15:28"),
        ("Fri, 17 May 2019 13:38:23 GMT", "2019-05-17T13:38"),
        ("Fr, 17 Mai 2019 13:38:23 MESZ", "2019-05-17T13:38"),
        ("28.01.2020-15:49", "2020-01-28T15:49"),
        ("15.05.2019", "2019-05-15"),
        ("October 18, 2024", "2024-10-18"),
    ])
    func datesAsPagesWriteThem(value: String, iso: String) {
        #expect(HTMLMetadata.date(value)?.iso == iso)
    }

    @Test(arguments: ["yesterday", "31.02.2020", "2020", "v1.2.3", "12/13/2020 12:00"])
    func notDates(value: String) {
        #expect(HTMLMetadata.date(value) == nil)
    }

    @Test(arguments: [
        ("https://en.blog.wordpress.com/2017/08/30/simpler-on-the-go-publishing/", "2017-08-30"),
        ("https://die-partei.net/sh/2014/07/19/landesparteitag", "2014-07-19"),
        ("https://example.com/news/2024/03/11", "2024-03-11"),
    ])
    func datesInURLs(url: String, iso: String) {
        #expect(HTMLMetadata.dateInURL(url)?.iso == iso)
    }

    @Test(arguments: [
        "https://example.com/2024/03/harbour-ferry",  // a month, no day
        "https://example.com/2024/13/11/title",
        "https://example.com/1024/03/11/title",
        "https://example.com/page?from=/2024/03/11/",
        "https://example.com/",
    ])
    func urlsWithoutADate(url: String) {
        #expect(HTMLMetadata.dateInURL(url) == nil)
    }

    @Test func organizationsAndTheSiteAreAuthorsOnlyWhenNoPersonIs() throws {
        let organization = """
            <head><meta property="og:site_name" content="Planet"><meta name="author" content="Planet GmbH, Metropolis">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"H","author":{"@type":"Organization","name":"Planet Wire"}}</script>
            </head><body><article><h1>H</h1><p>Text.</p></article></body>
            """
        #expect(try metadata(organization).authors.isEmpty)
        #expect(try metadata(organization).organizationAuthors == ["Planet Wire", "Planet GmbH"])
        let person = organization.replacingOccurrences(of: "<p>Text.</p>", with: "<p class=\"byline\">By Ann Lee</p><p>Text.</p>")
        #expect(try metadata(person).authors == ["Ann Lee"])
    }

    @Test func aModificationDateOnlyWhenNothingElse() throws {
        #expect(try metadata(#"<meta name="last-modified" content="2024-02-02"><body><time datetime="2024-01-01">x</time>"#).date?.iso
            == "2024-01-01")
        #expect(try metadata(#"<meta name="last-modified" content="2024-02-02"><body><p>x</p>"#).date?.iso == "2024-02-02")
    }

    @Test func authorNames() {
        #expect(HTMLMetadata.personNames(["By Ann Lee and Bo Park", "https://x.example/ann", "Ann Lee", "cy@x.example"])
            == ["Ann Lee", "Bo Park"])
        #expect(HTMLMetadata.personNames(["Jane Doe | Reuters"]) == ["Jane Doe"])
    }
}
