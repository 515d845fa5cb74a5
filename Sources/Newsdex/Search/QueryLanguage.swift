// The query language: Xapian's QueryParser, with the schema's fields as prefixes.
import Foundation
internal import Xapian

/// Parses users' queries against the schema.
struct QueryLanguage {
    /// The query names whose values are boolean terms, lowercased before parsing so that
    /// `source:AFP` and `source:afp` are the same filter: every boolean field with a query name,
    /// and the aliases that span several (`entity:`).
    static let booleanFields: [String: [Field]] = {
        var result: [String: [Field]] = [:]
        for field in Schema.fields where field.indexing == .boolean {
            if let name = field.queryName { result[name] = [field] }
        }
        for alias in Schema.queryAliases { result[alias.name] = alias.fields }
        return result
    }()

    /// The query names of free-text fields (`title:`, `caption:`, `author:`).
    static let freeTextFields: [String: Field] = {
        var result: [String: Field] = [:]
        for field in Schema.fields where field.indexing == .freeText {
            if let name = field.queryName { result[name] = field }
        }
        return result
    }()

    /// The stopper of a query in `language`: nil when Snowball has no list for it.
    static func stopper(for language: Language) -> SimpleStopper? {
        Stopwords.list(for: language).map { SimpleStopper(list: $0, separatedBy: " ") }
    }

    /// The parser for queries in one language's analysis, configured for `database`: its
    /// stemmer (none for `--exact` or a language Xapian cannot stem), its stopwords outside
    /// phrases, AND as the default operator, and every field of the schema.
    static func parser(for database: Database, analysis: TextAnalysis) throws -> QueryParser {
        let parser = QueryParser()
        parser.database = database
        if let stemmer = analysis.stemmer {
            parser.stemmer = try Stem(language: stemmer)
            parser.stemmingStrategy = .some
        }
        parser.stopper = analysis.stopwords.flatMap(stopper(for:))
        parser.defaultOperator = .and
        for (name, field) in freeTextFields {
            parser.addPrefix(name, field.prefix)
        }
        for (name, fields) in booleanFields {
            for field in fields {
                parser.addBooleanPrefix(name, field.prefix, grouping: name)
            }
        }
        parser.add(.date(slot: Slot.date.number, prefix: Schema.dateRangeQueryName + ":"))
        // Each wildcard costs at most this many terms, the most frequent it matches.
        parser.setMaxExpansion(SearchLimits.maxWildcardExpansion, limit: .mostFrequent, for: [.wildcard, .partial])
        return parser
    }

    /// CJK n-grams are on for every query: they change only runs of Chinese, Japanese or Korean
    /// characters, which the indexer n-grams in every document. Spelling is checked apart, by
    /// `SpelledQuery`.
    static let flags: QueryParser.Flags = [.boolean, .phrase, .loveHate, .booleanAnyCase, .wildcard, .pureNot, .cjkNgram]

    /// Lowercases and folds the value after each boolean field (`person:"Vladimir Putin"`), so it
    /// names the term the indexer wrote; the rest is free text, see `freeText`.
    static func normalize(_ query: String) -> String {
        var result = ""
        var rest = Substring(Schema.foldDiacritics(query))
        while let colon = rest.firstIndex(of: ":") {
            var nameStart = colon
            while nameStart > rest.startIndex {
                let before = rest.index(before: nameStart)
                guard rest[before].isLetter else { break }
                nameStart = before
            }
            let name = rest[nameStart..<colon].lowercased()
            result += freeText(rest[..<rest.index(after: colon)])
            rest = rest[rest.index(after: colon)...]
            guard booleanFields[name] != nil else { continue }
            let valueEnd: Substring.Index
            if rest.first == "\"" {
                let afterQuote = rest.index(after: rest.startIndex)
                valueEnd = rest[afterQuote...].firstIndex(of: "\"").map { rest.index(after: $0) } ?? rest.endIndex
            } else {
                valueEnd = rest.firstIndex(where: { $0.isWhitespace || $0 == ")" }) ?? rest.endIndex
            }
            let value = rest[..<valueEnd]
            if name == Schema.language.queryName, let language = Language(stated: value.trimmingCharacters(in: ["\""])) {
                result += language.code  // lang:Spanish, lang:es-MX: the code the index has
            } else {
                result += value.lowercased()
            }
            rest = rest[valueEnd...]
        }
        return result + freeText(rest)
    }

    /// Free text of a query, as the indexer folds it (`Schema.foldText`: possessives dropped) and
    /// lowercased, so that every word is stemmed whatever its case: Xapian's parser leaves a
    /// capitalised word unstemmed (STEM_SOME), and "Putin" would then miss "Putins'". Phrases
    /// are not stemmed in any case. Acronyms with dots ("U.S.") keep their capitals, by which
    /// Xapian knows them.
    static func freeText(_ text: Substring) -> String {
        let folded = Schema.foldPossessives(String(text))
        guard folded.contains(where: \.isUppercase) else { return folded }
        var result = ""
        var word = ""
        func flush() {
            // Operators are read in any case; they are kept as typed only to read well.
            let keep = isAcronym(word) || operators.contains(word.lowercased()) && word == word.uppercased()
            result += keep ? word : word.lowercased()
            word = ""
        }
        for character in folded {
            if character.isWhitespace {
                flush()
                result.append(character)
            } else {
                word.append(character)
            }
        }
        flush()
        return result
    }

    /// "U.S.", "U.N.": a capital, a dot and a capital.
    private static func isAcronym(_ word: String) -> Bool {
        let characters = Array(word)
        guard characters.count >= 3 else { return false }
        for i in 0..<(characters.count - 2)
        where characters[i].isUppercase && characters[i + 1] == "." && characters[i + 2].isUppercase {
            return true
        }
        return false
    }
}

extension QueryLanguage {
    /// The languages a query asks for with `lang:` (not those it excludes with `-lang:` or
    /// `NOT lang:`): its words are then analysed in those languages only.
    static func statedLanguages(in query: String) -> [Language] {
        var result: [Language] = []
        let words = query.split(whereSeparator: \.isWhitespace)
        for (index, token) in words.enumerated() {
            let excluded = token.first == "-" || (index > 0 && words[index - 1].uppercased() == "NOT")
            let word = token.drop { "(+-".contains($0) }
            guard !excluded, word.lowercased().hasPrefix("lang:") else { continue }
            let value = word.dropFirst(5).trimmingCharacters(in: CharacterSet(charactersIn: "\")"))
            if let language = Language(stated: value), !result.contains(language) {
                result.append(language)
            }
        }
        return result
    }

    /// The parsed query, or nil for an empty one.
    /// - Throws: `SearchError.query`, with where it goes wrong, for a query Xapian cannot parse;
    ///   `.invalidDate` for a `date:` value that is not a date; the limits' errors (see
    ///   `SearchLimits`) for a query too long or with too many wildcards.
    static func parse(_ text: String, with parser: QueryParser, defaultPrefix: String = "") throws -> Query? {
        try SearchLimits.check(query: text, filters: FacetFilters())
        let prepared = try rewrite(normalize(text), original: text)
        guard !prepared.allSatisfy(\.isWhitespace) else { return nil }
        do {
            return try parser.parse(prepared, flags: flags, defaultPrefix: defaultPrefix)
        } catch let error as XapianError where error.code == .queryParser {
            throw SearchError.query(text, error.message, errorLocation(in: text, message: error.message, parser: parser))
        }
    }
}
