// The DOM as CHTML hands it over from libxml2: nodes in document order, attributes, text.
import Testing
@testable import Newsdex

@Suite struct HTMLPageTests {
    private func page(_ html: String) throws -> HTMLPage { try HTMLPage(Array(html.utf8), encoding: "UTF-8") }

    private func first(_ tag: HTMLTag, _ page: HTMLPage) throws -> Int {
        try #require(page.elements(tag).first)
    }

    @Test func nodesAreInDocumentOrderWithTheirSubtrees() throws {
        let page = try page("<div id=a><p>One <b>two</b></p><p>three</p></div>")
        let div = try first(.div, page)
        let paragraphs = page.elements(.p)
        #expect(paragraphs.count == 2)
        #expect(Array(page.children(div)) == paragraphs)
        #expect(page.parent(paragraphs[0]) == div)
        #expect(page.isInside(paragraphs[1], div))
        #expect(!page.isInside(div, paragraphs[0]))
        #expect(page.text(of: div) == "One two three")
    }

    @Test func attributesAreDecodedAndNamesLowerCase() throws {
        let page = try page(#"<A HREF="/x?a=1&amp;b=2" Class="Story  Lead" data-x=1>link</A>"#)
        let link = try first(.a, page)
        #expect(page.tag(link) == .a)
        #expect(page.attribute(.href, of: link) == "/x?a=1&b=2")
        #expect(page.attribute(.class, of: link) == "Story  Lead")
        #expect(page.attribute(named: "data-x", of: link) == "1")
        #expect(page.attribute(.id, of: link) == nil)
        #expect(page.classAndID(link) == "story  lead")
    }

    @Test func libxml2RepairsMarkupAsBrowsersDo() throws {
        let page = try page("<p>one<p>two<ul><li>a<li>b</ul><table><tr><td>cell</table>")
        #expect(page.elements(.p).count == 2)
        #expect(page.elements(.li).map { page.text(of: $0) } == ["a", "b"])
        #expect(page.text(of: try first(.td, page)) == "cell")
    }

    @Test func unknownTagsKeepTheirNames() throws {
        let page = try page("<amp-img src=x></amp-img><my-widget>w</my-widget>")
        #expect(page.elements(.amp_img).count == 1)
        let widget = try #require((0..<page.count).first { page.tagName($0) == "my-widget" })
        #expect(page.tag(widget) == .other)
    }

    @Test func scriptContentIsTextOfTheScript() throws {
        let page = try page(#"<script type="application/ld+json">{"a": "<p>"}</script>"#)
        let script = try first(.script, page)
        #expect(page.children(script).map { page.rawText($0) }.joined() == #"{"a": "<p>"}"#)
    }

    @Test func textIsCollapsedAndSkipsWhatIsAskedToBeSkipped() throws {
        let page = try page("<div>\n  Hello,\u{00A0}\u{00A0}world\u{200B}! <span class=x>hidden</span> <br>Next&shy;line</div>")
        let div = try first(.div, page)
        #expect(page.text(of: div, skip: { page.tag($0) == .span }) == "Hello, world! Nextline")
    }

    @Test func c1ControlsFromNumericReferencesAreWindows1252() throws {
        let page = try page("<p>a &#150; b &#147;q&#148;</p>")
        #expect(page.text(of: try first(.p, page)) == "a – b “q”")
    }

    @Test func encodingsAreReadByLibxml2() throws {
        let latin2: [UInt8] = Array("<p>".utf8) + [0xB1] + Array("</p>".utf8)
        let page = try HTMLPage(latin2, encoding: "ISO-8859-2")
        #expect(page.text(of: try first(.p, page)) == "ą")
        #expect(throws: HTMLParseError.unknownEncoding("no-such-charset")) {
            try HTMLPage(Array("<p>x".utf8), encoding: "no-such-charset")
        }
        #expect(throws: HTMLParseError.empty) { try HTMLPage([], encoding: nil) }
    }

    @Test func theDeclaredEncodingIsReported() throws {
        let bytes = Array(#"<meta charset="iso-8859-2"><p>"#.utf8) + [0xB1]
        let page = try HTMLPage(bytes, encoding: nil)
        #expect(page.declaredEncoding?.lowercased() == "iso-8859-2")
        #expect(page.text(of: try first(.p, page)) == "ą")
    }
}
