// Finds the people, places and organizations of a text: gazetteer names first, then names the
// context types (titles, "said", "in", organization words), resolved within the text.

/// Extracts named entities; deterministic, offline, and cheap enough to run on every article.
public struct EntityExtractor: Sendable {
    public let gazetteer: Gazetteer

    public init(gazetteer: Gazetteer = .shared) {
        self.gazetteer = gazetteer
    }

    /// Entities of a free text (used for titles+bodies and for captions), resolved within that text.
    public func entities(in text: String) -> [Entity] {
        let scanner = scan(text)
        var resolver = EntityResolver()
        resolver.learn(scanner.candidates, definedAcronyms: scanner.definedAcronyms)
        return resolver.entities(of: scanner.candidates)
    }

    /// An article's entities: its title and body as one text, and each caption's text resolved
    /// against the article's names too ("Putin" in a caption is the article's Vladimir Putin).
    /// Photo credits are never scanned: they are a facet of their own.
    public func entities(of article: Article) -> ArticleEntities {
        let text = ([article.title] + article.paragraphs).joined(separator: "\n\n")
        let scanner = scan(text)
        var resolver = EntityResolver()
        resolver.learn(scanner.candidates, definedAcronyms: scanner.definedAcronyms)
        let captions = article.captions.map { caption -> [Entity] in
            let captionScanner = scan(caption.text)
            var captionResolver = resolver
            captionResolver.learn(captionScanner.candidates, definedAcronyms: captionScanner.definedAcronyms)
            return captionResolver.entities(of: captionScanner.candidates)
        }
        return ArticleEntities(text: resolver.entities(of: scanner.candidates), captions: captions)
    }

    private func scan(_ text: String) -> EntityScanner {
        var scanner = EntityScanner(text: text, gazetteer: gazetteer)
        scanner.scan()
        return scanner
    }
}
