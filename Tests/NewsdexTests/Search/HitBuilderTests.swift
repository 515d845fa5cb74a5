import Testing
@testable import Newsdex

@Suite struct HitBuilderTests {
    @Test func xapianSnippetsAreReadIntoMarkedSegments() {
        let snippet = Snippet(xapianHTML: "Troops <b>left</b> the &quot;base&quot; &amp;lt; <b>余</b><b>震</b>…")
        #expect(snippet.segments == [
            SnippetSegment(text: "Troops ", isMatch: false), SnippetSegment(text: "left", isMatch: true),
            SnippetSegment(text: " the \"base\" &lt; ", isMatch: false),
            // CJK is marked character by character: adjacent marks are one match.
            SnippetSegment(text: "余震", isMatch: true), SnippetSegment(text: "…", isMatch: false),
        ])
        #expect(Snippet(xapianHTML: "<b>War</b> &#39;ends&#39; &gt; &bogus;").segments == [
            SnippetSegment(text: "War", isMatch: true), SnippetSegment(text: " 'ends' > &bogus;", isMatch: false),
        ])
        #expect(Snippet(xapianHTML: "").segments.isEmpty)
        // An unclosed mark runs to the end.
        #expect(Snippet(xapianHTML: "a <b>b").segments == [
            SnippetSegment(text: "a ", isMatch: false), SnippetSegment(text: "b", isMatch: true),
        ])
    }
}
