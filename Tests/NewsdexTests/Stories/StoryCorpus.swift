// A deterministic generator of news-like articles and of edited copies, for the Stories tests.
import CorpusGenerator
@testable import Newsdex

/// Edits an outlet makes to a wire story.
struct StoryEdits: OptionSet, Hashable, CustomStringConvertible {
    let rawValue: Int
    static let retitle = StoryEdits(rawValue: 1)
    static let dropParagraph = StoryEdits(rawValue: 2)
    /// One word in ten replaced by another.
    static let changeWords = StoryEdits(rawValue: 4)
    static let swapCaptions = StoryEdits(rawValue: 8)
    static let all: StoryEdits = [.retitle, .dropParagraph, .changeWords, .swapCaptions]
    /// Every non-empty combination.
    static let combinations = (1...15).map { StoryEdits(rawValue: $0) }

    var description: String {
        [(StoryEdits.retitle, "retitle"), (.dropParagraph, "drop"), (.changeWords, "words"), (.swapCaptions, "captions")]
            .filter { contains($0.0) }.map(\.1).joined(separator: "+")
    }
}

/// A topic: the people and places its stories name, and its subject words.
struct StoryTopic {
    var entities: [String]
    var words: [String]
}

/// Builds articles from a vocabulary of about 3,000 words: English function words drawn often,
/// made-up content words drawn with a skewed (Zipf-like) frequency, a few accented.
struct StoryCorpus {
    var rng: SplitMix64
    let functionWords = """
        the of and to a in that is was he for it with as his on be at by i this had not are but from \
        or have an they which one you were her all she there would their we him been has when who will \
        more no if out so said what up its about into than them can only other new some could time these \
        two may then do first any my now such like our over man me even most made after also did many \
        before must through back years where much your way well down should because each just those people
        """.split(separator: " ").map(String.init)
    let contentWords: [String]

    init(seed: UInt64) {
        var rng = SplitMix64(seed: seed)
        let syllables = ["ka", "lo", "mi", "ren", "to", "sa", "vel", "dor", "an", "pe", "ri", "gu", "ne",
                         "bra", "sti", "qu", "mon", "el", "ta", "fi", "ros", "ul", "ver", "ga", "dé", "çi", "hö"]
        var words = Set<String>()
        while words.count < 3_000 {
            let n = Int.random(in: 2...4, using: &rng)
            words.insert((0..<n).map { _ in syllables.randomElement(using: &rng)! }.joined())
        }
        contentWords = words.sorted()
        self.rng = rng
    }

    mutating func word() -> String {
        if Double.random(in: 0..<1, using: &rng) < 0.45 {
            let u = Double.random(in: 0..<1, using: &rng)
            return functionWords[Int(u * u * Double(functionWords.count))]
        }
        let u = Double.random(in: 0..<1, using: &rng)
        return contentWords[Int(u * u * u * Double(contentWords.count))]
    }

    mutating func name() -> String {
        (0..<2).map { _ in
            let w = contentWords.randomElement(using: &rng)!
            return w.prefix(1).uppercased() + w.dropFirst()
        }.joined(separator: " ")
    }

    mutating func topic() -> StoryTopic {
        StoryTopic(entities: (0..<10).map { _ in name() },
                   words: (0..<15).map { _ in contentWords.randomElement(using: &rng)! })
    }

    mutating func sentence(_ topic: StoryTopic) -> String {
        var words = (0..<Int.random(in: 8...22, using: &rng)).map { _ in word() }
        // Sprinkle the topic's names and subject words into most sentences.
        if Bool.random(using: &rng) { words.insert(topic.entities.randomElement(using: &rng)!, at: Int.random(in: 0...words.count, using: &rng)) }
        if Double.random(in: 0..<1, using: &rng) < 0.4 { words.insert(topic.words.randomElement(using: &rng)!, at: Int.random(in: 0...words.count, using: &rng)) }
        if words.count > 10 && Bool.random(using: &rng) { words[words.count / 2] += "," }
        return words[0].prefix(1).uppercased() + words[0].dropFirst() + " " + words.dropFirst().joined(separator: " ") + "."
    }

    mutating func paragraph(_ topic: StoryTopic) -> String {
        let target = Int.random(in: 40...90, using: &rng)
        var sentences: [String] = []
        var count = 0
        while count < target - 5 {
            let s = sentence(topic)
            sentences.append(s)
            count += s.split(separator: " ").count
        }
        return sentences.joined(separator: " ")
    }

    mutating func title(_ topic: StoryTopic) -> String {
        let s = sentence(topic)
        return String(s.split(separator: " ").prefix(Int.random(in: 6...10, using: &rng)).joined(separator: " "))
    }

    mutating func captions(_ topic: StoryTopic) -> [Caption] {
        (0..<Int.random(in: 1...3, using: &rng)).map { _ in
            Caption(text: sentence(topic), credit: ["AFP", "Reuters", "AP", "Getty Images"].randomElement(using: &rng)!)
        }
    }

    mutating func article(id: String, topic: StoryTopic) -> Article {
        Article(id: id, source: "AFP", title: title(topic), date: "2024-10-18",
                paragraphs: (0..<Int.random(in: 4...15, using: &rng)).map { _ in paragraph(topic) },
                captions: captions(topic))
    }

    /// A copy of `article` under `id` with `edits` applied; `dropped` picks the paragraph to drop.
    mutating func copy(of article: Article, id: String, topic: StoryTopic, edits: StoryEdits, dropped: Int? = nil) -> Article {
        var copy = article
        copy.id = id
        copy.source = ["Le Monde", "Guardian", "Spiegel", "Times"].randomElement(using: &rng)!
        if edits.contains(.retitle) { copy.title = title(topic) }
        if edits.contains(.dropParagraph) {
            copy.paragraphs.remove(at: dropped ?? Int.random(in: 0..<copy.paragraphs.count, using: &rng))
        }
        if edits.contains(.changeWords) {
            copy.paragraphs = copy.paragraphs.map { paragraph in
                var tokens = paragraph.split(separator: " ").map(String.init)
                for i in Array(tokens.indices).shuffled(using: &rng).prefix(tokens.count / 10) {
                    let trailing = tokens[i].last.map { $0 == "." || $0 == "," } == true ? String(tokens[i].last!) : ""
                    tokens[i] = word() + trailing
                }
                return tokens.joined(separator: " ")
            }
        }
        if edits.contains(.swapCaptions) { copy.captions = captions(topic) }
        return copy
    }
}

/// A generated archive: stories grouped by topic, each with edited copies, shuffled.
struct StoryArchive {
    var articles: [Article] = []
    /// The story each article id is a copy of.
    var story: [String: Int] = [:]

    /// `stories` stories, `storiesPerTopic` of them on each topic, each with 0 to `maxCopies`
    /// copies under random combinations of edits.
    init(seed: UInt64, stories: Int, storiesPerTopic: Int = 20, maxCopies: Int = 6) {
        var corpus = StoryCorpus(seed: seed)
        var topic = corpus.topic()
        for s in 0..<stories {
            if s % storiesPerTopic == 0 { topic = corpus.topic() }
            let original = corpus.article(id: "story\(s)/original", topic: topic)
            articles.append(original)
            story[original.id] = s
            for c in 0..<Int.random(in: 0...maxCopies, using: &corpus.rng) {
                let edits = StoryEdits.combinations.randomElement(using: &corpus.rng)!
                let copy = corpus.copy(of: original, id: "story\(s)/copy\(c)", topic: topic, edits: edits)
                articles.append(copy)
                story[copy.id] = s
            }
        }
        articles.shuffle(using: &corpus.rng)
    }
}
