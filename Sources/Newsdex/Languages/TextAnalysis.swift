// How text in each language becomes terms: the same choice at index time and at query time.

/// The analysis of one language: the Snowball stemmer Xapian has for it and the stopwords dropped
/// from its queries. A language with no stemmer (Chinese, Japanese, Korean, Polish, undetermined
/// text…) is indexed unstemmed, never as English. Chinese, Japanese and Korean are split into
/// character n-grams, as is any CJK text in any document (`TermGenerator.cjkNgrams`).
public struct TextAnalysis: Sendable, Hashable {
    /// Xapian's name for the stemmer ("spanish"); nil: unstemmed.
    public let stemmer: String?
    /// The language whose stopword list applies to queries; nil: none.
    public let stopwords: Language?

    public init(_ language: Language) {
        stemmer = Self.stemmers[language.code]
        let list = Language(code: Self.stopwordList[language.code] ?? language.code)
        stopwords = list.flatMap { Stopwords.snowballLists[$0.code] != nil ? $0 : nil }
    }

    /// The same without stemming, stopwords kept: how `--exact` parses a query.
    func withoutStemming() -> TextAnalysis {
        TextAnalysis(stemmer: nil, stopwords: stopwords)
    }

    private init(stemmer: String?, stopwords: Language?) {
        self.stemmer = stemmer
        self.stopwords = stopwords
    }

    /// ISO 639-1 code -> Xapian's stemmer: every stemmer Xapian 1.4 has for a language with a
    /// code (not its alternatives: porter, lovins, earlyenglish, german2, kraaij_pohlmann).
    static let stemmers: [String: String] = [
        "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "da": "danish",
        "nl": "dutch", "en": "english", "fi": "finnish", "fr": "french", "de": "german",
        "hu": "hungarian", "id": "indonesian", "ga": "irish", "it": "italian", "lt": "lithuanian",
        "ne": "nepali", "no": "norwegian", "nb": "norwegian", "nn": "norwegian", "pt": "portuguese",
        "ro": "romanian", "ru": "russian", "es": "spanish", "sv": "swedish", "ta": "tamil",
        "tr": "turkish",
    ]

    /// Languages that share another's stopword list.
    private static let stopwordList = ["nb": "no", "nn": "no"]
}
