// Stopwords: the very common words of a language, dropped from queries outside phrases.

/// The Snowball project's stopword lists (generated into StopwordData.swift).
enum Stopwords {
    /// The stopwords of `language`, folded as indexed text is (`Schema.foldDiacritics`), so they
    /// match the words of a folded query; nil when Snowball has no list for it.
    static func words(for language: Language) -> [String]? {
        guard let list = snowballLists[language.code] else { return nil }
        var seen = Set<String>()
        // Split as bytes: by Characters, the split alone was most of a one-shot search's stopper.
        return list.utf8.split(separator: UInt8(ascii: " ")).compactMap { word in
            let folded = Schema.foldDiacritics(String(decoding: word, as: UTF8.self))
            return seen.insert(folded).inserted ? folded : nil
        }
    }

    /// The languages that have a list.
    static var languages: [Language] {
        snowballLists.keys.compactMap { Language(code: $0) }.sorted()
    }
}
