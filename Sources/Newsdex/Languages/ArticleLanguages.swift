// Which language an article and each of its captions are indexed in.

/// The languages of one article: its own, and each caption's.
public struct ArticleLanguages: Sendable, Hashable, Codable {
    /// The article's language: the one it states, else the one detected in its title and body,
    /// else undetermined (too short, mixed, or not a language CLD2 names with an ISO 639-1 code).
    public var article: Language
    /// One per caption, in order: the caption's own language when the detector is sure it differs
    /// from the article's and the text bears it out, else the article's (captions are short, and
    /// mostly share it; a wrong guess would cost every search one more parse).
    public var captions: [Language]
    /// Whether `article` is the one the input stated.
    public var isStated: Bool
    /// The language a web page's markup stated, when a sure reading of its text overruled it.
    public var overruledStatement: Language?

    enum CodingKeys: String, CodingKey {
        case article, captions
        case isStated = "stated"
        case overruledStatement = "overruled_statement"
    }

    /// Text the detector must read, at least, to overrule what a page's markup states: about two
    /// paragraphs. On the 170 real pages of the HTML dev set it overruled 5 template statements,
    /// each wrong, and none of the 141 right ones.
    static let overrulingBytes = 400

    public init(article: Language, captions: [Language] = [], isStated: Bool = false) {
        self.article = article
        self.captions = captions
        self.isStated = isStated
    }

    /// Identifies the languages of `article`: a stated language wins over a guess, except a web
    /// page's markup when CLD2 is sure of another language on enough of the text.
    public init(of article: Article) {
        if let stated = article.language, article.languageIsFromPageMarkup,
            case let text = Self.detectionText(of: article), text.utf8.count >= Self.overrulingBytes,
            case let guess = LanguageDetector.guess(text), guess.isReliable, guess.language != stated
        {
            self.article = guess.language
            isStated = false
            overruledStatement = stated
        } else if let stated = article.language {
            self.article = stated
            isStated = true
        } else {
            let guess = LanguageDetector.guess(Self.detectionText(of: article))
            self.article = guess.isReliable ? guess.language : .undetermined
            isStated = false
        }
        let articleLanguage = self.article
        let articleIsLatin = Self.isMostlyLatin(article.title + " " + (article.paragraphs.first ?? ""))
        captions = article.captions.map { caption in
            let guess = LanguageDetector.guess(caption.text)
            guard guess.isReliable, guess.language != articleLanguage else { return articleLanguage }
            // CLD2 is sure of short texts too easily: a caption of names and rare words ("Rio de
            // Janeiro", a made-up word) reads as Portuguese. Believe it when the caption is in
            // another script than the article, or holds two of the language's own stopwords.
            let confirmed = Self.isMostlyLatin(caption.text) != articleIsLatin
                || Self.stopwordCount(in: caption.text, of: guess.language) >= 2
            return confirmed ? guess.language : articleLanguage
        }
    }

    /// Whether most letters of `text` are Latin (ASCII or Latin-1 to Latin Extended-B).
    static func isMostlyLatin(_ text: String) -> Bool {
        var latin = 0, other = 0
        for scalar in text.unicodeScalars where scalar.properties.isAlphabetic {
            if scalar.value < 0x250 { latin += 1 } else { other += 1 }
        }
        return latin >= other
    }

    /// How many distinct stopwords of `language` `text` holds (0 when it has no list).
    static func stopwordCount(in text: String, of language: Language) -> Int {
        guard let words = Stopwords.words(for: language) else { return 0 }
        let stopwords = Set(words)
        let folded = Schema.foldDiacritics(text).lowercased()
        let tokens = folded.split { !$0.isLetter && $0 != "'" }.map(String.init)
        return Set(tokens.filter(stopwords.contains)).count
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
