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

    /// The form in which boolean values are compared: case, accents and surrounding space do not
    /// matter.
    public static func normalizedValue(_ value: String) -> String {
        foldDiacritics(value.trimmingCharacters(in: .whitespacesAndNewlines)).lowercased()
    }
}
