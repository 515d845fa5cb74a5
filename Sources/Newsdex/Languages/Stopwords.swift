// Stopwords: the very common words of a language, dropped from queries outside phrases.

/// The Snowball project's stopword lists (generated into StopwordData.swift).
enum Stopwords {
    /// The stopwords of `language`, folded as indexed text is (`Schema.foldDiacritics`), so they
    /// match the words of a folded query; nil when Snowball has no list for it.
    static func words(for language: Language) -> [String]? {
        guard var list = snowballLists[language.code] else { return nil }
        // Split as bytes: by Characters, the split alone was most of a one-shot search's stopper.
        let words = list.parts(separatedBy: UInt8(ascii: " ")).filter { !$0.isEmpty }
        let ascii = list.withUTF8 { $0.allSatisfy { $0 < 0x80 } }
        // An ASCII list is folded already, and no list names a word twice (a test checks): every
        // query in English and Dutch builds its stopper from this list, and hashing each word
        // into a set cost a one-shot search more than the rest of the list's making.
        if ascii { return words }
        var seen = Set<String>()
        return words.compactMap { word in
            let folded = Schema.foldDiacritics(word)
            return seen.insert(folded).inserted ? folded : nil
        }
    }

    /// The languages that have a list.
    static var languages: [Language] {
        snowballLists.keys.compactMap { Language(code: $0) }.sorted()
    }
}
