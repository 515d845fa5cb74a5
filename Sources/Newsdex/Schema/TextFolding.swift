// How text is folded before it becomes a term: the indexer folds what it writes and the query
// language folds what users type, so both must fold alike; hence here, in the schema.
import Foundation

extension Schema {
    /// Folds accents ("Zelenskyý" → "Zelenskyy"), so they do not matter to a search; ASCII text,
    /// most of any English corpus, is returned as it is at no cost.
    public static func foldDiacritics(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        return text.folding(options: .diacriticInsensitive, locale: nil)
    }

    /// Free text as its words become terms, at index time and in queries alike: accents folded
    /// and possessive endings dropped. Case is left to Xapian, which lowercases every term.
    public static func foldText(_ text: String) -> String {
        foldPossessives(foldDiacritics(text))
    }

    /// The form in which boolean values are compared: case, accents and surrounding space do not
    /// matter.
    public static func normalizedValue(_ value: String) -> String {
        foldDiacritics(value.trimmingCharacters(in: .whitespacesAndNewlines)).lowercased()
    }
}

// MARK: - Possessives

extension Schema {
    /// The characters written as an apostrophe: ASCII, U+2019 (as news sites print it), U+02BC
    /// (the modifier letter, which Xapian takes for a letter), U+201B and the fullwidth one.
    static let apostrophes: [Unicode.Scalar] = ["'", "\u{2019}", "\u{02BC}", "\u{201B}", "\u{FF07}"]

    /// Drops possessive endings, the same in every language: "Arafat's", "Arafat’s" and
    /// "ARAFAT'S" become "Arafat", "Putins'" becomes "Putins", and so do contractions with 's
    /// ("it's" → "it"). Xapian keeps "arafat's" as one word, so without this the phrase
    /// "Yasser Arafat" could not find "Yasser Arafat's"; its stemmer would drop the 's, but
    /// phrases match words as written. Apostrophes inside a word ("O'Brien", "don't") stay.
    public static func foldPossessives(_ text: String) -> String {
        let endings = possessiveEndings(in: text)
        guard !endings.isEmpty else { return text }
        var result = String.UnicodeScalarView()
        var skip = Set<Int>()
        for ending in endings {
            skip.insert(ending.apostrophe)
            if ending.withS { skip.insert(ending.apostrophe + 1) }
        }
        for (offset, scalar) in text.unicodeScalars.enumerated() where !skip.contains(offset) {
            result.append(scalar)
        }
        return String(result)
    }

    /// Text for Xapian's snippet highlighter: the apostrophe of each possessive ending replaced
    /// by a private-use character that ends a word, so that "Arafat’s" is read as the word
    /// "Arafat", as it was indexed, and highlighted for a phrase as for a stem.
    /// `unmarkPossessives` puts the apostrophes back.
    static func markPossessives(_ text: String) -> String {
        let endings = possessiveEndings(in: text)
        // Text that already holds the marks is left alone: unmarking could not tell them apart.
        guard !endings.isEmpty, !text.unicodeScalars.contains(where: possessiveMarks.contains) else { return text }
        var scalars = Array(text.unicodeScalars)
        for ending in endings {
            let index = apostrophes.firstIndex(of: scalars[ending.apostrophe])!
            scalars[ending.apostrophe] = possessiveMarks[index]
        }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Puts back the apostrophes `markPossessives` replaced.
    static func unmarkPossessives(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: possessiveMarks.contains) else { return text }
        var view = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if let index = possessiveMarks.firstIndex(of: scalar) {
                view.append(apostrophes[index])
            } else {
                view.append(scalar)
            }
        }
        return String(view)
    }

    /// One private-use character for each apostrophe, in the same order.
    private static let possessiveMarks: [Unicode.Scalar] = (0..<5).map { Unicode.Scalar(0xE000 + $0)! }

    /// Each possessive ending in `text`: the offset (in Unicode scalars) of its apostrophe, and
    /// whether an "s" follows it. An ending is an apostrophe after a letter or digit that ends
    /// the word, alone ("Putins'") or with an s ("Arafat's").
    private static func possessiveEndings(in text: String) -> [(apostrophe: Int, withS: Bool)] {
        // ASCII text without an apostrophe, most of it, costs one pass over its bytes.
        guard text.utf8.contains(where: { $0 == 0x27 || $0 >= 0x80 }) else { return [] }
        let scalars = Array(text.unicodeScalars)
        var result: [(Int, Bool)] = []
        for (i, scalar) in scalars.enumerated() where i > 0 && apostrophes.contains(scalar) {
            guard isWordCharacter(scalars[i - 1]) else { continue }
            if i + 1 < scalars.count, scalars[i + 1] == "s" || scalars[i + 1] == "S",
                i + 2 == scalars.count || !isWordCharacter(scalars[i + 2])
            {
                result.append((i, true))
            } else if i + 1 == scalars.count || !isWordCharacter(scalars[i + 1]) {
                result.append((i, false))
            }
        }
        return result
    }

    /// Letters, marks and digits: what Xapian takes for the inside of a word.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            // U+02BC is a modifier letter, but here an apostrophe.
            return !apostrophes.contains(scalar)
        default:
            return false
        }
    }
}
