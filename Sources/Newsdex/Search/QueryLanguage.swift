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

    /// The parser, configured for `database`: English stemming unless `exact`, English stopwords
    /// outside phrases, AND as the default operator, and every field of the schema.
    static func parser(for database: Database, exact: Bool) throws -> QueryParser {
        let parser = QueryParser()
        parser.database = database
        if !exact {
            parser.stemmer = try Stem(language: "english")
            parser.stemmingStrategy = .some
        }
        parser.stopper = SimpleStopper.english
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
        return parser
    }

    static let flags: QueryParser.Flags = [
        .boolean, .phrase, .loveHate, .booleanAnyCase, .wildcard, .pureNot, .spellingCorrection,
    ]

    /// Lowercases and folds the value after each boolean field (`person:"Vladimir Putin"`), so it
    /// names the term the indexer wrote; folds accents everywhere else.
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
            result += rest[..<rest.index(after: colon)]
            rest = rest[rest.index(after: colon)...]
            guard booleanFields[name] != nil else { continue }
            let valueEnd: Substring.Index
            if rest.first == "\"" {
                let afterQuote = rest.index(after: rest.startIndex)
                valueEnd = rest[afterQuote...].firstIndex(of: "\"").map { rest.index(after: $0) } ?? rest.endIndex
            } else {
                valueEnd = rest.firstIndex(where: { $0.isWhitespace || $0 == ")" }) ?? rest.endIndex
            }
            result += rest[..<valueEnd].lowercased()
            rest = rest[valueEnd...]
        }
        return result + rest
    }
}

extension QueryLanguage {
    /// The parsed query, or nil for an empty one.
    /// - Throws: `SearchError.query`, with where it goes wrong, for a query Xapian cannot parse.
    static func parse(_ text: String, with parser: QueryParser) throws -> Query? {
        let normalized = normalize(text)
        guard !normalized.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        do {
            return try parser.parse(normalized, flags: flags)
        } catch let error as XapianError where error.code == .queryParser {
            throw SearchError.query(text, error.message, errorLocation(in: text, parser: parser))
        }
    }

    /// Where a query that does not parse goes wrong: the word from which every longer start of
    /// the query fails to parse too (in "troops AND", the "AND"), as character offsets.
    static func errorLocation(in query: String, parser: QueryParser) -> Range<Int>? {
        var words: [Range<Int>] = []
        var start: Int?
        for (offset, character) in query.enumerated() {
            if character.isWhitespace {
                if let s = start { words.append(s..<offset) }
                start = nil
            } else if start == nil {
                start = offset
            }
        }
        if let s = start { words.append(s..<query.count) }
        var culprit: Range<Int>?
        for word in words.reversed() {
            let prefix = String(query.prefix(word.upperBound))
            guard (try? parser.parse(normalize(prefix), flags: flags)) == nil else { break }
            culprit = word
        }
        return culprit
    }
}
