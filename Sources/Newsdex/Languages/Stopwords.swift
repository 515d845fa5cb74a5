// Stopwords: the very common words of a language, dropped from queries outside phrases.

/// The Snowball project's stopword lists (generated into StopwordData.swift).
enum Stopwords {
    /// The stopwords of `language`, folded as indexed text is (`Schema.foldDiacritics`), so they
    /// match the words of a folded query, each named once, separated by spaces: as a query's
    /// stopper takes them. Nil when Snowball has no list for it. Folded when generated: folding
    /// them at every search took 1.4 M instructions of a one-shot search of an index in several
    /// languages (Foundation's folding, a call a word).
    static func list(for language: Language) -> String? {
        foldedLists[language.code]
    }

    /// The stopwords of `language` one by one, folded as `list(for:)` says.
    static func words(for language: Language) -> [String]? {
        list(for: language).map(words(in:))
    }

    // Split as bytes: by Characters, the split alone was most of a one-shot search's stopper.
    static func words(in list: String) -> [String] {
        list.parts(separatedBy: UInt8(ascii: " ")).filter { !$0.isEmpty }
    }

    /// The languages that have a list.
    static var languages: [Language] {
        foldedLists.keys.compactMap { Language(code: $0) }.sorted()
    }
}
