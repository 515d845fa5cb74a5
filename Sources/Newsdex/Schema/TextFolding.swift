// How text is folded before it becomes a term: the indexer folds what it writes and the query
// language folds what users type, so both must fold alike; hence here, in the schema.
import Foundation

extension Schema {
    /// Folds accents ("Zelenskyý" → "Zelenskyy"), so they do not matter to a search; ASCII text,
    /// most of any English corpus, is returned as it is at no cost. Cyrillic is left as written
    /// but for ё → е: й is a letter of its own, not и with a mark, and Snowball's Russian
    /// stemmer needs it ("новый" and "новых" share a stem, "новыи" does not).
    public static func foldDiacritics(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        guard text.unicodeScalars.contains(where: isCyrillic) else {
            return text.folding(options: .diacriticInsensitive, locale: nil)
        }
        var result = ""
        var other = String.UnicodeScalarView()
        var afterCyrillic = false
        for scalar in text.unicodeScalars {
            // A combining mark belongs to the letter before it (й written as и + U+0306).
            let cyrillic = isCyrillic(scalar) || (afterCyrillic && (0x300...0x36F).contains(scalar.value))
            if cyrillic {
                if !other.isEmpty {
                    result += String(other).folding(options: .diacriticInsensitive, locale: nil)
                    other.removeAll()
                }
                switch scalar {
                case "ё": result += "е"
                case "Ё": result += "Е"
                default: result.unicodeScalars.append(scalar)
                }
            } else {
                other.append(scalar)
            }
            afterCyrillic = cyrillic
        }
        if !other.isEmpty { result += String(other).folding(options: .diacriticInsensitive, locale: nil) }
        return result
    }

    private static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        (0x400...0x52F).contains(scalar.value)
    }

    /// The form in which boolean values are compared: case, accents and surrounding space do not
    /// matter.
    public static func normalizedValue(_ value: String) -> String {
        foldDiacritics(value.trimmingCharacters(in: .whitespacesAndNewlines)).lowercased()
    }
}
