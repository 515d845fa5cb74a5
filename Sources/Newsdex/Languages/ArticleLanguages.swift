// Which language an article and each of its captions are indexed in.

/// The languages of one article: its own, and each caption's.
public struct ArticleLanguages: Sendable, Hashable, Codable {
    /// The article's language: the one it states, else the one detected in its title and body,
    /// else undetermined (too short, mixed, or not a language CLD2 names with an ISO 639-1 code).
    public var article: Language
    /// One per caption, in order: the caption's own language when the detector is sure it differs
    /// from the article's, else the article's (captions are short, and mostly share it).
    public var captions: [Language]
    /// Whether `article` is the one the input stated.
    public var isStated: Bool

    enum CodingKeys: String, CodingKey {
        case article, captions
        case isStated = "stated"
    }

    public init(article: Language, captions: [Language] = [], isStated: Bool = false) {
        self.article = article
        self.captions = captions
        self.isStated = isStated
    }

    /// Identifies the languages of `article`: a stated language wins over a guess.
    public init(of article: Article) {
        if let stated = article.language {
            self.article = stated
            isStated = true
        } else {
            let guess = LanguageDetector.guess(Self.detectionText(of: article))
            self.article = guess.isReliable ? guess.language : .undetermined
            isStated = false
        }
        let articleLanguage = self.article
        captions = article.captions.map { caption in
            let guess = LanguageDetector.guess(caption.text)
            return guess.isReliable && guess.language != articleLanguage ? guess.language : articleLanguage
        }
    }

    /// The title and the start of the body: what the detector reads.
    static func detectionText(of article: Article) -> String {
        var text = article.title
        for paragraph in article.paragraphs {
            if text.utf8.count >= LanguageDetector.byteLimit { break }
            text += "\n" + paragraph
        }
        return text
    }

    /// The language of caption `index` (the article's when out of range).
    public func caption(_ index: Int) -> Language {
        index < captions.count ? captions[index] : article
    }
}
