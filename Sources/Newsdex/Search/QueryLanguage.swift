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
        // Each wildcard costs at most this many terms, the most frequent it matches.
        parser.setMaxExpansion(SearchLimits.maxWildcardExpansion, limit: .mostFrequent, for: [.wildcard, .partial])
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
    /// - Throws: `SearchError.query`, with where it goes wrong, for a query Xapian cannot parse;
    ///   `.invalidDate` for a `date:` value that is not a date; the limits' errors (see
    ///   `SearchLimits`) for a query too long or with too many wildcards.
    static func parse(_ text: String, with parser: QueryParser) throws -> Query? {
        try SearchLimits.check(query: text, filters: FacetFilters())
        let prepared = try rewrite(normalize(text), original: text)
        guard !prepared.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        do {
            return try parser.parse(prepared, flags: flags)
        } catch let error as XapianError where error.code == .queryParser {
            throw SearchError.query(text, error.message, errorLocation(in: text, message: error.message, parser: parser))
        }
    }
}
