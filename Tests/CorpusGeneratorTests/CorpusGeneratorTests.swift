import CorpusGenerator
import Foundation
import Testing

/// Small samples: the tests run in debug builds.
private let sample = 300

@Test func sameSeedGivesIdenticalBytes() {
    let a = CorpusGenerator(seed: 42, duplicateFraction: 0.1)
    let b = CorpusGenerator(seed: 42, duplicateFraction: 0.1)
    for index in 0..<sample {
        #expect(a.article(at: index).renderText() == b.article(at: index).renderText())
        #expect(a.article(at: index).renderJSONLine() == b.article(at: index).renderJSONLine())
    }
}

@Test func differentSeedGivesDifferentText() {
    let a = CorpusGenerator(seed: 1)
    let b = CorpusGenerator(seed: 2)
    let differing = (0..<50).filter { a.article(at: $0).renderText() != b.article(at: $0).renderText() }
    #expect(differing.count == 50)
}

@Test func articlesAreThreeToFiveKilobytes() {
    let generator = CorpusGenerator(seed: 7)
    let sizes = (0..<sample).map { generator.article(at: $0).renderText().utf8.count }
    let inRange = sizes.filter { (3000...5000).contains($0) }
    #expect(Double(inRange.count) >= 0.99 * Double(sizes.count), "sizes: \(sizes.filter { !(3000...5000).contains($0) })")
}

@Test func structureFollowsTheSeedCorpus() {
    let generator = CorpusGenerator(seed: 3)
    for index in 0..<sample {
        let article = generator.article(at: index)
        let text = article.renderText()
        #expect(text.hasPrefix(" date \(article.date) \(article.title)\n\n\(article.dateline)\n\n"))
        #expect(text.contains("\nBy \(article.author)\n\n"))
        #expect(text.hasSuffix("\n") && !text.hasSuffix("\n\n"))
        #expect((4...15).contains(article.paragraphs.count))
        #expect((0...4).contains(article.captions.count))
        for caption in article.captions {
            #expect(text.contains("\(caption.text)\n\(caption.text) Picture: \(caption.credit)\n"))
            #expect(EntityPools.credits.contains(caption.credit))
        }
        for mention in article.mentions {
            switch mention.location {
            case .title: #expect(article.title.contains(mention.written))
            case .paragraph(let k): #expect(article.paragraphs[k].contains(mention.written))
            case .caption(let k): #expect(article.captions[k].text.contains(mention.written))
            }
        }
        #expect(article.path == "\(article.source)/\(article.id)_\(article.slug).txt")
    }
}

@Test func captionCountsSpanZeroToFour() {
    let generator = CorpusGenerator(seed: 5)
    let counts = Set((0..<sample).map { generator.article(at: $0).captions.count })
    #expect(counts == [0, 1, 2, 3, 4])
}

@Test func usesAllFifteenSources() {
    #expect(EntityPools.sources.count == 15)
    let generator = CorpusGenerator(seed: 9)
    let used = Set((0..<sample).map { generator.article(at: $0).source })
    #expect(used == Set(EntityPools.sources))
}

@Test func personsAreMentionedInFullBeforeTheirShortName() {
    let generator = CorpusGenerator(seed: 11)
    var shortMentions = 0
    for index in 0..<sample {
        let article = generator.article(at: index)
        let body = article.paragraphs.joined(separator: "\n\n")
        for person in EntityPools.persons where article.persons.contains(person.full) {
            guard let full = body.range(of: person.full) else { continue }
            let prefix = body[..<full.lowerBound]
            #expect(!prefix.contains(person.short + " said"), "\(person.short) before \(person.full) in \(index)")
            if body[full.upperBound...].contains(person.short + " said") { shortMentions += 1 }
        }
    }
    #expect(shortMentions > sample / 4)
    #expect(EntityPools.persons.count >= 250)
    #expect(Set(EntityPools.persons.map(\.short)).count == EntityPools.persons.count)
}

@Test func nearDuplicatesCarryTheirStoryAndEdits() {
    let generator = CorpusGenerator(seed: 13, duplicateFraction: 0.2)
    let duplicates = (0..<sample).map(generator.article(at:)).filter { $0.duplicate != nil }
    #expect(duplicates.count > sample / 10)
    for copy in duplicates {
        let edits = copy.duplicate!
        let original = generator.article(at: edits.original)
        #expect(original.duplicate == nil)
        #expect(copy.storyID == original.storyID && copy.storyID == edits.original)
        #expect(copy.source != original.source)
        #expect(copy.title != original.title)
        if let dropped = edits.droppedParagraph {
            #expect(copy.paragraphs.count == original.paragraphs.count - 1)
            #expect(!copy.paragraphs.contains(original.paragraphs[dropped]) || original.paragraphs.count < 5)
        }
        #expect(edits.changedWords > 0)
        if edits.captionsSwapped {
            #expect(copy.captions.map(\.text) == original.captions.map(\.text).reversed())
        }
    }
}
