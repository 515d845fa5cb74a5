// Stopwords: the very common words of a language, dropped from queries outside phrases.

/// The Snowball project's stopword lists (generated into StopwordData.swift).
enum Stopwords {
    /// A language's stopwords, as a query's stopper takes them.
    enum List {
        /// An ASCII list: folded already (no letter to fold), and no word named twice (a test
        /// checks), so its text serves as it is: words separated by spaces.
        case spaceSeparated(String)
        /// Any other list, each word folded as indexed text is and named once.
        case words([String])
    }

    /// The stopwords of `language`, folded as indexed text is (`Schema.foldDiacritics`), so they
    /// match the words of a folded query; nil when Snowball has no list for it. Every query in
    /// English and Dutch makes its stopper from this list: an ASCII list is handed on as its
    /// text, without a String per word.
    static func list(for language: Language) -> List? {
        guard var list = snowballLists[language.code] else { return nil }
        if list.withUTF8({ $0.allSatisfy { $0 < 0x80 } }) { return .spaceSeparated(list) }
        var seen = Set<String>()
        return .words(words(in: list).compactMap { word in
            let folded = Schema.foldDiacritics(word)
            return seen.insert(folded).inserted ? folded : nil
        })
    }

    /// The stopwords of `language` one by one, folded as `list(for:)` says.
    static func words(for language: Language) -> [String]? {
        switch list(for: language) {
        case .spaceSeparated(let text): words(in: text)
        case .words(let words): words
        case nil: nil
        }
    }

    // Split as bytes: by Characters, the split alone was most of a one-shot search's stopper.
    private static func words(in list: String) -> [String] {
        list.parts(separatedBy: UInt8(ascii: " ")).filter { !$0.isEmpty }
    }

    /// The languages that have a list.
    static var languages: [Language] {
        snowballLists.keys.compactMap { Language(code: $0) }.sorted()
    }
}
