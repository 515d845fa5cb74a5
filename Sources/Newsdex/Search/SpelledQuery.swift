// "Did you mean": a correction is offered only for a word of the query that matches nothing in
// the index, neither as written nor by its stem, and replaces only that word. Xapian's own
// correction (FLAG_SPELLING_CORRECTION) is not used: it proposes a more frequent neighbour even
// for a word the index has ("Israel" → "israeli", "Ariel" → "are").
internal import Xapian

/// A user's query, parsed, with the spelling correction it may need.
struct SpelledQuery {
    /// The query to run; nil for an empty one.
    var query: Query?
    /// A correction to offer: the query with each word that matches nothing replaced by the
    /// nearest word of the index; nil when every word matches or none has a near word.
    var suggestion: String?
    /// The suggestion, parsed; nil exactly when `suggestion` is.
    private(set) var suggestedQuery: Query?
    /// The text actually searched, once the correction was applied.
    var corrected: String?

    /// Parses `text` with `parser` for documents of `kind` and looks up its words in the
    /// parser's database, in the analysis of each of its languages.
    /// - Throws: `SearchError.query` when the text cannot be parsed.
    init(_ text: String, parser: MultilingualQueryParser, kind: KindFilter = .article) throws {
        query = try parser.parse(text, for: kind)
        if let database = parser.groups.first?.parser.database,
            let fix = try Self.correction(of: text, in: database, groups: parser.groups),
            let parsed = try? parser.parse(fix, for: kind)
        {
            suggestion = fix
            suggestedQuery = parsed
        }
    }

    /// Offers no correction (one that would find nothing, say).
    mutating func dropSuggestion() {
        suggestion = nil
        suggestedQuery = nil
    }

    /// Searches the suggestion instead of the query as typed.
    mutating func applyCorrection() {
        guard let fix = suggestion else { return }
        query = suggestedQuery
        corrected = fix
        dropSuggestion()
    }

    /// `text` with each word that matches nothing replaced by its nearest word in `database`'s
    /// spelling data, or nil when nothing was replaced. A word matches when its term or its stem
    /// is in the index, in the analysis (elisions, stemmer) of one of `groups`; a stopword of one
    /// of them, or a word of Chinese, Japanese or Korean (indexed as n-grams), is left alone.
    /// - Throws: what reading the index throws.
    static func correction(
        of text: String, in database: Database, groups: [MultilingualQueryParser.Group]
    ) throws -> String? {
        var result = text
        var changed = false
        // From the end, so the ranges of earlier words stay valid.
        for word in QueryLanguage.words(in: text).reversed() {
            let folded = Schema.foldText(String(text[word.range])).lowercased()
            guard folded.contains(where: \.isLetter), !folded.unicodeScalars.contains(where: isCJK),
                !groups.contains(where: { $0.parser.stopper?.contains(folded) == true })
            else { continue }
            let matches = try groups.contains { group in
                let prepared = group.analysis.prepared(folded)
                if try database.termExists(word.prefix + prepared) { return true }
                guard let stem = group.parser.stemmer else { return false }
                return try database.termExists("Z" + word.prefix + stem(prepared))
            }
            guard !matches else { continue }
            let edits = maxEdits(forLength: folded.count)
            guard edits > 0, let near = try database.spellingSuggestion(for: folded, maxEditDistance: edits) else {
                continue
            }
            result.replaceSubrange(word.range, with: near)
            changed = true
        }
        return changed ? result : nil
    }

    /// Chinese, Japanese and Korean scripts, which the index holds as character n-grams.
    private static func isCJK(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x1100...0x11FF, 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF66...0xFF9F, 0x20000...0x2FFFF:
            return true
        default:
            return false
        }
    }

    /// How far a correction may be from the word typed, in edits (Xapian counts a swap of two
    /// letters as one). Short words have too many neighbours to guess from ("al" → "all"); a
    /// name two edits away is another name ("Hansen" → "Hayden"), so two only from 8 letters.
    static func maxEdits(forLength length: Int) -> Int {
        switch length {
        case ..<4: return 0
        case ..<8: return 1
        default: return 2
        }
    }
}

/// A word of a query that spelling may correct: where it is in the query, and the term prefix
/// of the field it searches ("" for the default fields).
struct QueryWord: Equatable {
    var range: Range<String.Index>
    var prefix: String
}

extension QueryLanguage {
    /// The free-text words of `query`, with the field each searches: not operators, field names,
    /// boolean filter values (`source:AFP`, `person:"…"`), date ranges or wildcards (`troop*`).
    static func words(in query: String) -> [QueryWord] {
        var result: [QueryWord] = []
        var i = query.startIndex
        var fieldPrefix: String?  // of a `title:` just read, for the word or phrase after it
        var phrasePrefix: String?  // of the phrase being read
        func isWordCharacter(_ c: Character) -> Bool {
            c.isLetter || c.isNumber || Schema.apostrophes.contains(c.unicodeScalars.first!) && c.unicodeScalars.count == 1
        }
        while i < query.endIndex {
            let c = query[i]
            if c == "\"" {
                if phrasePrefix == nil {
                    phrasePrefix = fieldPrefix ?? ""
                } else {
                    phrasePrefix = nil
                }
                fieldPrefix = nil
                i = query.index(after: i)
                continue
            }
            guard c.isLetter || c.isNumber else {
                if c.isWhitespace { fieldPrefix = nil }
                i = query.index(after: i)
                continue
            }
            var end = i
            while end < query.endIndex, isWordCharacter(query[end]) { end = query.index(after: end) }
            let word = query[i..<end]
            let next = end < query.endIndex ? query[end] : nil
            i = end
            if next == ":" && phrasePrefix == nil {
                let name = word.lowercased()
                i = query.index(after: end)
                if let field = freeTextFields[name] {
                    fieldPrefix = field.prefix
                } else if booleanFields[name] != nil || name == Schema.dateRangeQueryName {
                    i = endOfValue(in: query, from: i)
                }
                continue
            }
            if next == "*" { continue }
            if phrasePrefix == nil && operators.contains(word.lowercased()) { continue }
            result.append(QueryWord(range: word.startIndex..<word.endIndex, prefix: phrasePrefix ?? fieldPrefix ?? ""))
            if phrasePrefix == nil && next.map(\.isWhitespace) != false { fieldPrefix = nil }
        }
        return result
    }

    /// Where the value of a boolean field that starts at `start` ends: after its closing quote,
    /// or at the next space or `)`.
    private static func endOfValue(in query: String, from start: String.Index) -> String.Index {
        guard start < query.endIndex else { return start }
        if query[start] == "\"" {
            let afterQuote = query.index(after: start)
            return query[afterQuote...].firstIndex(of: "\"").map { query.index(after: $0) } ?? query.endIndex
        }
        return query[start...].firstIndex(where: { $0.isWhitespace || $0 == ")" }) ?? query.endIndex
    }
}
