import Foundation
import Testing
@testable import Newsdex

private let base = Article(
    id: "afp", source: "AFP", title: "Talks to resume in Geneva",
    paragraphs: [
        "The talks will resume in Geneva next week, the foreign ministry said on Tuesday.",
        "Officials in Berlin and Warsaw welcomed the announcement after months of stalled negotiations.",
        "Farmers have protested for weeks against the plan, blocking roads near the capital.",
        "A spokesman declined to say who would lead the delegation.",
    ],
    captions: [Caption(text: "The foreign minister in Geneva.", credit: "AFP")])

@Test func identicalCopiesHaveAnEmptyDiff() {
    var copy = base
    copy.id = "guardian"
    copy.title = "TALKS TO RESUME IN GENEVA!"
    copy.paragraphs[0] = "The talks will resume in Geneva next week,  the Foreign Ministry said on Tuesday"
    #expect(StoryDiff(from: base, to: copy).isEmpty)
}

@Test func diffReportsTheHeadline() {
    var copy = base
    copy.title = "Geneva talks back on"
    let diff = StoryDiff(from: base, to: copy)
    #expect(diff.headline == StoryDiff.Headline(old: "Talks to resume in Geneva", new: "Geneva talks back on"))
    #expect(diff.addedParagraphs.isEmpty && diff.removedParagraphs.isEmpty && diff.changedParagraphs.isEmpty)
}

@Test func diffReportsDroppedAndAddedParagraphs() {
    var copy = base
    copy.paragraphs.remove(at: 2)
    copy.paragraphs.append("Read more on our live blog, where our correspondents follow every development.")
    let diff = StoryDiff(from: base, to: copy)
    #expect(diff.removedParagraphs == [StoryDiff.Paragraph(index: 2, text: base.paragraphs[2])])
    #expect(diff.addedParagraphs == [StoryDiff.Paragraph(index: 3, text: copy.paragraphs[3])])
    #expect(diff.changedParagraphs.isEmpty && diff.headline == nil)
}

@Test func lightlyEditedParagraphCountsAsChanged() {
    var copy = base
    copy.paragraphs[1] = "Officials in Berlin and Prague welcomed the announcement after months of stalled talks."
    let diff = StoryDiff(from: base, to: copy)
    #expect(diff.changedParagraphs.count == 1)
    #expect(diff.changedParagraphs.first?.old == StoryDiff.Paragraph(index: 1, text: base.paragraphs[1]))
    #expect(diff.changedParagraphs.first?.new.index == 1)
    #expect(diff.addedParagraphs.isEmpty && diff.removedParagraphs.isEmpty)
}

@Test func diffReportsSwappedCaptions() {
    var copy = base
    copy.captions = [Caption(text: "Farmers block a road.", credit: "Reuters")]
    let diff = StoryDiff(from: base, to: copy)
    #expect(diff.captionsChanged)
    #expect(diff.addedCaptions == copy.captions)
    #expect(diff.removedCaptions == base.captions)
    #expect(diff.headline == nil && diff.changedParagraphs.isEmpty)
}

@Test func diffOfGeneratedCopiesMatchesTheirEdits() {
    var corpus = StoryCorpus(seed: 12)
    let topic = corpus.topic()
    for _ in 0..<20 {
        let original = corpus.article(id: "o", topic: topic)
        let dropped = original.paragraphs.count / 2
        let copy = corpus.copy(of: original, id: "c", topic: topic, edits: .all, dropped: dropped)
        let diff = StoryDiff(from: original, to: copy)
        #expect(diff.headline != nil)
        #expect(diff.captionsChanged)
        #expect(diff.addedParagraphs.isEmpty)
        #expect(diff.removedParagraphs.map(\.index) == [dropped])
        // Every remaining paragraph had one word in ten changed (paragraphs of 40+ words).
        #expect(diff.changedParagraphs.count == original.paragraphs.count - 1)
    }
}

@Test func diffEncodesAsJSONForTheCLI() throws {
    var copy = base
    copy.title = "Geneva talks back on"
    copy.paragraphs.removeLast()
    let diff = StoryDiff(from: base, to: copy)
    let data = try JSONEncoder().encode(diff)
    #expect(try JSONDecoder().decode(StoryDiff.self, from: data) == diff)
}
