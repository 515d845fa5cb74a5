// schema.org JSON-LD as publishers write it: single objects, arrays, @graph with @id references,
// and the ways CMSs break it.
import Testing
@testable import Newsdex

@Suite struct LinkedDataTests {
    @Test func aNewsArticleWithAuthorsPublisherAndImages() {
        let data = LinkedData(blocks: [#"""
            {"@context":"https://schema.org","@type":"NewsArticle","headline":"Tom &amp; Jerry return",
             "datePublished":"2024-10-18T14:30:00+01:00","author":[{"@type":"Person","name":"Ann Lee"},"Bo Park"],
             "publisher":{"@type":"Organization","name":"Daily Planet"},"keywords":"cats, mice",
             "image":[{"@type":"ImageObject","caption":"Tom waits.","creditText":"Photo: Jane Doe/AFP"},
                      {"@type":"ImageObject","url":"x.jpg"}, "y.jpg"]}
            """#])
        #expect(data.hasArticle)
        #expect(data.headline == "Tom & Jerry return")
        #expect(data.datePublished == "2024-10-18T14:30:00+01:00")
        #expect(data.authors == ["Ann Lee", "Bo Park"])
        #expect(data.publisher == "Daily Planet")
        #expect(data.keywords == ["cats", "mice"])
        #expect(data.images == [Caption(text: "Tom waits.", credit: "Jane Doe/AFP")])
    }

    @Test func aGraphWithReferences() {
        let data = LinkedData(blocks: [#"""
            {"@context":"https://schema.org","@graph":[
             {"@type":"WebPage","@id":"#page","primaryImageOfPage":{"@id":"#img"}},
             {"@type":["Article","ReportageNewsArticle"],"headline":"Ferry strike ends","author":{"@id":"#ann"},
              "publisher":{"@id":"#org"},"image":{"@id":"#img"}},
             {"@type":"Person","@id":"#ann","name":"Ann Lee","image":{"@id":"#annphoto"}},
             {"@type":"ImageObject","@id":"#annphoto","caption":"Ann Lee"},
             {"@type":"Organization","@id":"#org","name":"Coastline Courier","logo":{"@id":"#logo"}},
             {"@type":"ImageObject","@id":"#logo","caption":"Coastline Courier logo"},
             {"@type":"ImageObject","@id":"#img","caption":"The ferry leaves.","copyrightHolder":{"@type":"Organization","name":"Reuters"}}]}
            """#])
        #expect(data.headline == "Ferry strike ends")
        #expect(data.authors == ["Ann Lee"])
        #expect(data.publisher == "Coastline Courier")
        // The article's image once; the author's portrait and the logo never.
        #expect(data.images == [Caption(text: "The ferry leaves.", credit: "Reuters")])
    }

    @Test func typesWithASchemaPrefixAndPageTypes() {
        let article = LinkedData(blocks: [#"{"@type":"http://schema.org/NewsArticle","headline":"A"}"#])
        #expect(article.hasArticle)
        let site = LinkedData(blocks: [#"{"@type":"WebSite","name":"The Daily Planet"}"#])
        #expect(!site.hasArticle)
        #expect(site.types == ["WebSite"])
        #expect(site.headline == nil)
    }

    @Test func aDatedHeadlinedWorkStandsInForAnArticle() {
        let data = LinkedData(blocks: [#"{"@type":"RadioEpisode","headline":"Prendre la parole","datePublished":"2020-01-14"}"#])
        #expect(!data.hasArticle)
        #expect(data.headline == "Prendre la parole")
        #expect(data.datePublished == "2020-01-14")
    }

    @Test func brokenBlocksAreRepairedWhereTheyCanBe() {
        let repaired = LinkedData(blocks: [
            "<!--\n{\"@type\": \"NewsArticle\", \"headline\": \"Line\nbreak\", \"author\": {\"name\": \"Ann Lee\",},}\n-->",
        ])
        #expect(repaired.headline == "Line break")
        #expect(repaired.authors == ["Ann Lee"])
        #expect(repaired.unreadableBlocks == 0)
        let twoObjects = LinkedData(blocks: [#"{"@type":"WebSite","name":"X"}{"@type":"NewsArticle","headline":"B"}"#])
        #expect(twoObjects.headline == "B")
        let broken = LinkedData(blocks: [#"{"@type": "NewsArticle" "headline": oops}"#, ""])
        #expect(broken.unreadableBlocks == 2)
        #expect(broken.headline == nil)
    }

    @Test func repairLeavesEscapesAndStringsAlone() {
        let text = #"{"a": "x, ]", "b": "\"q\",}", "c": [1, 2,]}"#
        #expect(String(decoding: LinkedData.repaired(text), as: UTF8.self) == #"{"a": "x, ]", "b": "\"q\",}", "c": [1, 2]}"#)
    }
}
