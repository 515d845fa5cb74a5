// Stopwords: the very common words of a language, dropped from queries outside phrases.

/// The Snowball project's stopword lists (generated into StopwordData.swift).
enum Stopwords {
    /// The stopwords of `language`, folded as indexed text is (`Schema.foldDiacritics`), so they
    /// match the words of a folded query; nil when Snowball has no list for it.
    static func words(for language: Language) -> [String]? {
        guard var list = snowballLists[language.code] else { return nil }
        // Split as bytes: by Characters, the split alone was most of a one-shot search's stopper.
        var words: [String] = []
        var ascii = true
        list.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == UInt8(ascii: " ") {
                if end > start { words.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self)) }
                start = end + 1
            }
            ascii = bytes.allSatisfy { $0 < 0x80 }
        }
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
