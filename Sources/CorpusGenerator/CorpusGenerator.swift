// Generates the articles of a synthetic news corpus. Each article comes from its own random stream
// (seed, index), so any article can be generated alone, in any order, on any thread, byte for byte.

/// A deterministic generator of news-like articles: same seed, same corpus.
public struct CorpusGenerator: Sendable {
    public let seed: UInt64
    /// The fraction of articles, in [0, 1), that are near-duplicates of an earlier original.
    public let duplicateFraction: Double
    public let vocabulary: Vocabulary

    public init(seed: UInt64, duplicateFraction: Double = 0, vocabulary: Vocabulary = .standard) {
        self.seed = seed
        self.duplicateFraction = max(0, min(duplicateFraction, 0.9))
        self.vocabulary = vocabulary
    }

    /// Whether the article at `index` is a near-duplicate. Article 0 never is.
    public func isDuplicate(_ index: Int) -> Bool {
        guard index > 0, duplicateFraction > 0 else { return false }
        var rng = SplitMix64(seed: seed, stream: UInt64(index), salt: 0xD0)
        return rng.unit() < duplicateFraction
    }

    /// The article at `index`: an original, or a near-duplicate of an earlier original.
    public func article(at index: Int) -> GeneratedArticle {
        if isDuplicate(index) { return nearDuplicate(at: index) }
        return original(at: index)
    }

    // MARK: - Originals

    private struct Cast {
        var persons: [PersonName]
        var places: [String]
        var organizations: [String]
        var introduced = Set<String>()
    }

    private func original(at index: Int) -> GeneratedArticle {
        var rng = SplitMix64(seed: seed, stream: UInt64(index))
        let source = rng.pick(EntityPools.sources)
        let (date, time) = makeDate(&rng)
        let author = rng.pick(EntityPools.journalists)
        var cast = Cast(
            persons: distinct(rng.between(1, 4), from: EntityPools.persons, &rng),
            places: distinct(rng.between(1, 3), from: EntityPools.places, &rng),
            organizations: distinct(rng.below(3), from: EntityPools.organizations, &rng)
        )
        let targetBytes = rng.between(3150, 4950)
        let paragraphCount = rng.between(4, 15)
        let captionWeights = [0.22, 0.30, 0.25, 0.14, 0.09]
        var captionCount = 0
        var u = rng.unit()
        while captionCount < 4 && u >= captionWeights[captionCount] {
            u -= captionWeights[captionCount]
            captionCount += 1
        }

        var mentions: [EntityMention] = []
        let title = makeTitle(&rng, cast: cast, mentions: &mentions)
        var captions: [GeneratedCaption] = []
        for k in 0..<captionCount {
            let text = makeCaption(&rng, cast: cast, index: k, mentions: &mentions)
            let after = k == 0 && rng.chance(0.6) ? -1 : rng.below(paragraphCount)
            captions.append(GeneratedCaption(text: text, credit: rng.pick(EntityPools.credits), afterParagraph: after))
        }
        // Persons named in the title or a lead caption still get a full first mention in the body,
        // as news copy does.
        var article = GeneratedArticle(
            index: index, storyID: index, source: source, title: title, date: date, time: time,
            author: author, paragraphs: [], captions: captions, mentions: mentions, duplicate: nil
        )
        // Captions placed after paragraphs do not render while there are no paragraphs yet.
        var fixedBytes = article.renderText().utf8.count
        for caption in captions where caption.afterParagraph >= 0 {
            fixedBytes += 2 * caption.text.utf8.count + caption.credit.utf8.count + 13
        }
        let budget = max(targetBytes - fixedBytes - 2 * paragraphCount, 60 * paragraphCount)
        var remaining = budget
        for k in 0..<paragraphCount {
            let share = remaining / (paragraphCount - k)
            let paragraph = makeParagraph(&rng, bytes: max(share, 60), cast: &cast, index: k, mentions: &article.mentions)
            remaining -= paragraph.utf8.count
            article.paragraphs.append(paragraph)
        }
        return article
    }

    private func makeDate(_ rng: inout SplitMix64) -> (String, String) {
        // Days since 2020-01-01, over six years.
        var day = rng.below(2192)
        var year = 2020
        while true {
            let length = year % 4 == 0 ? 366 : 365
            if day < length { break }
            day -= length
            year += 1
        }
        var monthLengths = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        if year % 4 == 0 { monthLengths[1] = 29 }
        var month = 0
        while day >= monthLengths[month] {
            day -= monthLengths[month]
            month += 1
        }
        let date = "\(year)-\(zeroPadded(month + 1, width: 2))-\(zeroPadded(day + 1, width: 2))"
        let time = "\(zeroPadded(rng.between(6, 23), width: 2)):\(zeroPadded(rng.below(60), width: 2))"
        return (date, time)
    }

    private func distinct<T: Hashable>(_ count: Int, from pool: [T], _ rng: inout SplitMix64) -> [T] {
        var chosen: [T] = []
        while chosen.count < count {
            let item = rng.pick(pool)
            if !chosen.contains(item) { chosen.append(item) }
        }
        return chosen
    }

    private func contentWord(_ rng: inout SplitMix64) -> String {
        vocabulary.words[vocabulary.sampleRank(&rng, atLeast: 60)]
    }

    private func makeTitle(_ rng: inout SplitMix64, cast: Cast, mentions: inout [EntityMention]) -> String {
        var words: [String] = []
        for _ in 0..<rng.between(5, 10) { words.append(contentWord(&rng)) }
        if rng.chance(0.7) {
            let position = rng.below(words.count)
            if rng.chance(0.6) {
                let person = rng.pick(cast.persons)
                words.insert(person.full, at: position)
                mentions.append(EntityMention(name: person.full, kind: .person, written: person.full, location: .title))
            } else {
                let place = rng.pick(cast.places)
                words.insert(place, at: position)
                mentions.append(EntityMention(name: place, kind: .place, written: place, location: .title))
            }
        }
        words[0] = Vocabulary.capitalize(words[0])
        return words.joined(separator: " ")
    }

    private func makeCaption(_ rng: inout SplitMix64, cast: Cast, index: Int, mentions: inout [EntityMention]) -> String {
        var words: [String] = []
        for _ in 0..<rng.between(6, 14) { words.append(contentWord(&rng)) }
        if rng.chance(0.6) {
            let position = rng.below(words.count)
            if rng.chance(0.6) {
                let person = rng.pick(cast.persons)
                words.insert(person.full, at: position)
                mentions.append(EntityMention(name: person.full, kind: .person, written: person.full, location: .caption(index)))
            } else {
                let place = rng.pick(cast.places)
                words.insert(place, at: position)
                mentions.append(EntityMention(name: place, kind: .place, written: place, location: .caption(index)))
            }
        }
        words[0] = Vocabulary.capitalize(words[0])
        return words.joined(separator: " ") + "."
    }

    /// Sentences of Zipf words until the paragraph reaches `bytes`, with entities planted at about
    /// one sentence in three: persons by full name first, then mostly by short name ("Putin said").
    private func makeParagraph(
        _ rng: inout SplitMix64, bytes: Int, cast: inout Cast, index: Int, mentions: inout [EntityMention]
    ) -> String {
        var out = ""
        out.reserveCapacity(bytes + 64)
        while out.utf8.count < bytes {
            if !out.isEmpty { out += " " }
            let length = rng.between(8, 25)
            var entity: String?
            var entityIsPerson = false
            var speaker: String?
            if rng.chance(0.35) {
                let roll = rng.unit()
                if roll < 0.5 {
                    let person = rng.pick(cast.persons)
                    let first = cast.introduced.insert(person.full).inserted
                    let written = !first && rng.chance(0.7) ? person.short : person.full
                    mentions.append(EntityMention(name: person.full, kind: .person, written: written, location: .paragraph(index)))
                    if rng.chance(0.4) { speaker = written } else { entity = written }
                    entityIsPerson = true
                } else if roll < 0.82 || cast.organizations.isEmpty {
                    let place = rng.pick(cast.places)
                    mentions.append(EntityMention(name: place, kind: .place, written: place, location: .paragraph(index)))
                    entity = place
                } else {
                    let organization = rng.pick(cast.organizations)
                    mentions.append(EntityMention(name: organization, kind: .organization, written: organization, location: .paragraph(index)))
                    entity = "the " + organization
                }
            }
            // The entity goes in early enough that a sentence cut short by the budget still has it.
            let entityPosition = entity == nil ? -1 : rng.below(min(length, 4))
            if speaker != nil { out += "\"" }
            for w in 0..<length {
                if w > 0 { out += " " }
                if w == entityPosition, let entity {
                    out += w == 0 && entity.hasPrefix("the ") ? "The" + entity.dropFirst(3) : entity
                    if entityIsPerson { out += " said" }
                    out += " "
                }
                if rng.chance(0.015) {
                    out += String(rng.between(2, 2000))
                } else {
                    let rank = vocabulary.sampleRank(&rng)
                    out += w == 0 && entityPosition != 0 ? vocabulary.capitalizedWords[rank] : vocabulary.words[rank]
                }
                if out.utf8.count >= bytes && w >= entityPosition { break }
                if w + 1 < length && rng.chance(0.06) { out += "," }
            }
            if let speaker {
                out += ",\" "
                out += speaker
                out += " said."
            } else {
                out += "."
            }
        }
        return out
    }

    // MARK: - Near-duplicates

    /// A syndicated copy of an earlier original: another outlet, a new title, one paragraph
    /// dropped, about one body word in ten changed, and the captions in reverse order.
    private func nearDuplicate(at index: Int) -> GeneratedArticle {
        var rng = SplitMix64(seed: seed, stream: UInt64(index), salt: 0xD1)
        var originalIndex = rng.below(index)
        var tries = 0
        while isDuplicate(originalIndex) && tries < 64 {
            originalIndex = rng.below(index)
            tries += 1
        }
        if isDuplicate(originalIndex) { originalIndex = 0 }
        let original = self.original(at: originalIndex)
        var copy = original
        copy.index = index
        copy.storyID = original.storyID
        while copy.source == original.source { copy.source = rng.pick(EntityPools.sources) }
        copy.author = rng.pick(EntityPools.journalists)

        let cast = Cast(persons: [], places: original.places, organizations: [])
        var titleMentions: [EntityMention] = []
        copy.title = makeTitle(&rng, cast: Cast(
            persons: EntityPools.persons.filter { original.persons.contains($0.full) },
            places: cast.places.isEmpty ? [EntityPools.places[0]] : cast.places,
            organizations: []
        ), mentions: &titleMentions)
        copy.mentions = titleMentions + original.mentions.filter { $0.location != .title }

        var dropped: Int?
        if copy.paragraphs.count > 4 {
            let k = rng.below(copy.paragraphs.count)
            dropped = k
            copy.paragraphs.remove(at: k)
            copy.mentions = copy.mentions.compactMap { mention in
                guard case .paragraph(let p) = mention.location else { return mention }
                if p == k { return nil }
                var moved = mention
                if p > k { moved.location = .paragraph(p - 1) }
                return moved
            }
            // A caption that followed the dropped paragraph now follows the one before it.
            for c in copy.captions.indices where copy.captions[c].afterParagraph >= k {
                copy.captions[c].afterParagraph -= 1
            }
        }

        var changed = 0
        for p in copy.paragraphs.indices {
            var tokens = copy.paragraphs[p].split(separator: " ", omittingEmptySubsequences: false).map(String.init)
            for t in tokens.indices where isPlainWord(tokens[t]) && rng.chance(0.1) {
                tokens[t] = vocabulary.words[vocabulary.sampleRank(&rng, atLeast: 60)]
                changed += 1
            }
            copy.paragraphs[p] = tokens.joined(separator: " ")
        }

        let swapped = copy.captions.count >= 2
        if swapped {
            let contents = copy.captions.map { ($0.text, $0.credit) }.reversed()
            for (c, content) in zip(copy.captions.indices, contents) {
                copy.captions[c].text = content.0
                copy.captions[c].credit = content.1
            }
            let count = copy.captions.count
            copy.mentions = copy.mentions.map { mention in
                guard case .caption(let c) = mention.location else { return mention }
                var moved = mention
                moved.location = .caption(count - 1 - c)
                return moved
            }
        }
        copy.duplicate = DuplicateEdits(
            original: originalIndex, retitled: true, droppedParagraph: dropped, changedWords: changed,
            captionsSwapped: swapped
        )
        return copy
    }

    /// A lowercase vocabulary word with nothing attached, so replacing it cannot touch an entity.
    private func isPlainWord(_ token: String) -> Bool {
        guard !token.isEmpty else { return false }
        for byte in token.utf8 where byte < 0x61 || byte > 0x7A { return false }
        return token != "said"
    }
}
