import Testing
@testable import Newsdex

@Suite struct PlainTextParserTests {
    @Test func firstNonEmptyLineIsTheTitle() throws {
        let article = try #require(ArticleFixtures.article("\n\n  Troops Arrive  \n\nThey came by sea.\n"))
        #expect(article.title == "Troops Arrive")
        #expect(article.paragraphs == ["They came by sea."])
    }

    /// A page copied whole opens with marks of its layout ("*", "|"): no title, no content.
    @Test func aLineWithoutLettersOrDigitsIsNoTitle() throws {
        let article = try #require(ArticleFixtures.article("*\n|\nTroops Arrive\nThey came by sea.\n"))
        #expect(article.title == "Troops Arrive")
        #expect(article.paragraphs == ["They came by sea."])
    }

    /// The Guardian's, AP's and the BBC's ways of printing a caption, in one copied page.
    @Test func captionsPrintedOnceOrBesideTheirSourceAreCaptions() throws {
        let article = try #require(ArticleFixtures.article("""
            Storm batters coast
            Fri 5 Jan 2024 10.12 GMT
            Waves crash over the sea wall in Porthcawl, south Wales. Photograph: Ben Birchall/PA
            Strong winds hit the coast on Friday.
            Image source, Getty Images
            Image caption, Residents clear debris in Aberystwyth
            Supporters cheer at the rally. (AP Photo/Jacquelyn Martin)
            More storms are forecast (Reuters).
            """))
        #expect(article.date == "2024-01-05T10:12")
        #expect(article.captions == [
            Caption(text: "Waves crash over the sea wall in Porthcawl, south Wales.", credit: "Ben Birchall/PA"),
            Caption(text: "Residents clear debris in Aberystwyth", credit: "Getty Images"),
            Caption(text: "Supporters cheer at the rally.", credit: "AP Photo/Jacquelyn Martin"),
        ])
        #expect(article.paragraphs == ["Strong winds hit the coast on Friday.", "More storms are forecast (Reuters)."])
    }

    @Test func scraperHeaderGivesDateAndTitle() throws {
        let article = try #require(ArticleFixtures.article(" date 2024-10-18 Troops Arrive\n\nThey came.\n"))
        #expect(article.title == "Troops Arrive")
        #expect(article.date == "2024-10-18")
    }

    @Test func headerWithoutTitleTakesTheNextLine() throws {
        let article = try #require(ArticleFixtures.article("date 2024-10-18\nTroops Arrive\nThey came.\n"))
        #expect(article.title == "Troops Arrive")
        #expect(article.date == "2024-10-18")
        #expect(article.paragraphs == ["They came."])
    }

    @Test func headerDateTakesTheDatelineTimeOnlyForTheSameDay() throws {
        let same = try #require(ArticleFixtures.article(" date 2024-10-18 T\n18 October 2024, 14:30\nBody.\n"))
        #expect(same.date == "2024-10-18T14:30")
        let other = try #require(ArticleFixtures.article(" date 2024-10-18 T\n19 October 2024, 14:30\nBody.\n"))
        #expect(other.date == "2024-10-18")
        #expect(other.paragraphs == ["Body."])
    }

    @Test(arguments: [
        ("October 18, 2024", "2024-10-18"),
        ("18 Oct 2024", "2024-10-18"),
        ("2024-10-18", "2024-10-18"),
        ("2024-10-18 08:00", "2024-10-18T08:00"),
        ("Friday 18 October 2024, 14:30 BST", "2024-10-18T14:30"),
    ])
    func datelineVariantsGiveTheDate(dateline: String, iso: String) throws {
        let article = try #require(ArticleFixtures.article("Title\n\n\(dateline)\n\nBody.\n"))
        #expect(article.date == iso)
        #expect(article.paragraphs == ["Body."])
    }

    @Test func relativeWordsNeverGiveADate() throws {
        let article = try #require(ArticleFixtures.article("Title\nFriday\nThe agency said Friday it would act.\n"))
        #expect(article.date == nil)
        #expect(article.paragraphs == ["Friday", "The agency said Friday it would act."])
    }

    @Test func bylineGivesAuthorsAndLeavesTheBody() throws {
        let article = try #require(ArticleFixtures.article("Title\nBy Ann Lee, Bo Park and Cy Dee\nBody.\n"))
        #expect(article.authors == ["Ann Lee", "Bo Park", "Cy Dee"])
        #expect(article.paragraphs == ["Body."])
    }

    @Test func datelinesAndBylinesDeepInTheBodyAreContent() throws {
        let body = (1...10).map { "Paragraph \($0)." }
        let text = (["Title"] + body + ["By Royal Appointment", "October 18, 2024"]).joined(separator: "\n")
        let article = try #require(ArticleFixtures.article(text))
        #expect(article.authors.isEmpty)
        #expect(article.date == nil)
        #expect(article.paragraphs.suffix(2) == ["By Royal Appointment", "October 18, 2024"])
    }

    @Test func captionPairsBecomeCaptionsWhereverTheyAre() throws {
        let article = try #require(ArticleFixtures.article("""
            Title
            Troops board ships at the port.
            Troops board ships at the port. Picture: Alamy
            First paragraph.
            A second caption of several words
            A second caption of several words AFP
            A third caption.

            A third caption. Photo: NIS
            Last paragraph.
            """))
        #expect(article.captions == [
            Caption(text: "Troops board ships at the port.", credit: "Alamy"),
            Caption(text: "A second caption of several words", credit: "AFP"),
            Caption(text: "A third caption.", credit: "NIS"),
        ])
        #expect(article.paragraphs == ["First paragraph.", "Last paragraph."])
    }

    @Test func crlfAndNoBreakSpacesAreHandled() throws {
        let article = try #require(ArticleFixtures.article("Title\r\n\r\n\u{00A0}By Ann Lee\r\nBody one.\r\nBody two.\u{00A0}\r\n"))
        #expect(article.title == "Title")
        #expect(article.authors == ["Ann Lee"])
        #expect(article.paragraphs == ["Body one.", "Body two."])
    }

    @Test func titleOnlyIsAnArticle() throws {
        let article = try #require(ArticleFixtures.article("Just a headline"))
        #expect(article.title == "Just a headline")
        #expect(article.paragraphs.isEmpty)
    }

    @Test func onlyBoilerplateIsRejected() {
        let result = ArticleFixtures.read("Listen to this article\nLoading audio...\n")
        #expect(result.articles.isEmpty)
        #expect(result.rejections.map(\.path) == ["Wire/article.txt"])
    }
}
