// Entities in other languages than English: the extractor's rules for people and organizations
// read English (titles, "said", capitalized words), so elsewhere they would invent names.

extension EntityExtractor {
    /// An article's entities as newsdex indexes them for `language`: all the extractor finds in
    /// English; in any other language, or when the language is undetermined, only the places
    /// the gazetteer names ("Bolivia", "Caracas"), and nothing invented.
    public func entities(of article: Article, language: Language) -> ArticleEntities {
        guard language == .english else {
            let text = ([article.title] + article.paragraphs).joined(separator: "\n\n")
            return ArticleEntities(
                text: gazetteerPlaces(in: text), captions: article.captions.map { gazetteerPlaces(in: $0.text) })
        }
        return entities(of: article)
    }

    /// The gazetteer's places named in `text`, by first appearance, longest names first
    /// ("Buenos Aires", not "Aires").
    public func gazetteerPlaces(in text: String) -> [Entity] {
        let tokens = EntityTokenizer.words(of: text)
        var order: [String] = []
        var mentions: [String: [String]] = [:]
        var index = tokens.startIndex
        while index < tokens.endIndex {
            guard let (end, entry) = gazetteer.longestEntry(startingWith: tokens[index...]) else {
                index += 1
                continue
            }
            if entry.type == .place {
                if mentions[entry.name] == nil { order.append(entry.name) }
                mentions[entry.name, default: []].append(tokens[index...end].map(\.text).joined(separator: " "))
            }
            index = end + 1
        }
        return order.map { Entity(name: $0, type: .place, mentions: mentions[$0] ?? []) }
    }
}
