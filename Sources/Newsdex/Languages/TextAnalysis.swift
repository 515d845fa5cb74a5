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
    /// Elided articles and pronouns written joined to the next word (French "l'", "d'", "qu'"):
    /// dropped from text before it is indexed or parsed, so "d'incendie" is the word "incendie",
    /// as Lucene's ElisionFilter does. Snowball's stemmers leave them on ("d'incend").
    let elisions: Set<String>

    public init(_ language: Language) {
        stemmer = Self.stemmers[language.code]
        let list = Language(code: Self.stopwordList[language.code] ?? language.code)
        stopwords = list.flatMap { Stopwords.foldedLists[$0.code] != nil ? $0 : nil }
        elisions = Self.elisions[language.code] ?? []
    }

    /// The same without stemming, stopwords kept: how `--exact` parses a query.
    func withoutStemming() -> TextAnalysis {
        TextAnalysis(stemmer: nil, stopwords: stopwords, elisions: elisions)
    }

    private init(stemmer: String?, stopwords: Language?, elisions: Set<String>) {
        self.stemmer = stemmer
        self.stopwords = stopwords
        self.elisions = elisions
    }

    /// `text` (already folded) as it is indexed and parsed in this language: elisions dropped.
    func prepared(_ text: String) -> String {
        guard !elisions.isEmpty, text.contains(where: { $0 == "'" || $0 == "\u{2019}" }) else { return text }
        let characters = Array(text)
        var result = ""
        result.reserveCapacity(text.utf8.count)
        var wordStart = 0
        for (index, character) in characters.enumerated() {
            if character.isLetter, index == 0 || !characters[index - 1].isLetter {
                wordStart = index
            }
            // "d'" + a letter, the elided word standing alone ("source:l'…" is a value, kept).
            if character == "'" || character == "\u{2019}", index > 0, characters[index - 1].isLetter,
                index + 1 < characters.count, characters[index + 1].isLetter,
                wordStart == 0 || characters[wordStart - 1] != ":",
                elisions.contains(String(characters[wordStart..<index]).lowercased())
            {
                result.removeLast(index - wordStart)
                continue
            }
            result.append(character)
        }
        return result
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

    /// The elided words of the languages that join them to the next word with an apostrophe.
    private static let elisions: [String: Set<String>] = [
        "fr": ["l", "d", "j", "m", "n", "s", "t", "c", "qu", "jusqu", "lorsqu", "puisqu", "quoiqu"],
        "it": ["l", "d", "un", "dell", "dall", "nell", "sull", "all", "quell", "c", "s", "m", "t", "v"],
        "ca": ["l", "d", "s", "n", "m", "t"],
    ]

    /// Languages that share another's stopword list.
    private static let stopwordList = ["nb": "no", "nn": "no"]
}
