// A query read for the kind of document searched. An article holds its words without a prefix,
// a picture (a caption document) under the caption field's prefix alone (schema 8), so a query
// of words matches articles and no picture, and needs no filter by kind: the filter read every
// article's posting beside the query's own, which doubled Xapian's match for a common word
// (issue 16, bench/RESULTS.md). Pictures are searched with the caption field as the default one.
internal import Xapian

extension MultilingualQueryParser {
    /// `text` parsed for the documents of `kind`: its words as an article's text (`.article`),
    /// as a caption's (`.caption`), or each kind's documents by their own reading, ORed (`.all`).
    /// Nil for an empty query.
    /// - Throws: `SearchError.query` when the text cannot be parsed.
    func parse(_ text: String, for kind: KindFilter) throws -> Query? {
        switch kind {
        case .article:
            return try parse(text)
        case .caption:
            return try parse(text, defaultPrefix: Schema.captionText.prefix)
        case .all:
            guard let articles = try parse(text),
                let pictures = try parse(text, defaultPrefix: Schema.captionText.prefix)
            else { return nil }
            // A query without words to read (filters, `caption:` words) reads alike for both.
            guard articles.description != pictures.description else { return articles }
            return Query(.or, [
                Query(.filter, [articles, KindQuery.documents(of: .article)]),
                Query(.filter, [pictures, KindQuery.documents(of: .caption)]),
            ])
        }
    }
}

enum KindQuery {
    /// The documents of one kind.
    static func documents(of kind: DocumentKind) -> Query {
        Query(term: Schema.term(Schema.kind, kind.rawValue))
    }

    /// Whether every document `query` matches is an article, because each holds a term only
    /// articles hold (`Schema.onlyArticlesHold`). False where that is not known: a wildcard, whose
    /// terms are known only when it is matched, a date range, every document.
    static func matchesOnlyArticles(_ query: Query) -> Bool {
        switch query.node {
        case .term(let term):
            return Schema.onlyArticlesHold(term: term)
        case .matchNothing:
            return true
        case .scaled(let subquery):
            return matchesOnlyArticles(subquery)
        case .combination(let op, let subqueries):
            switch op {
            // A match matches every subquery.
            case .and, .filter, .near, .phrase:
                return subqueries.contains(where: matchesOnlyArticles)
            // A match matches the first.
            case .andNot, .andMaybe:
                return subqueries.first.map(matchesOnlyArticles) ?? false
            // A match matches one subquery at least.
            case .or, .xor, .eliteSet, .synonym, .max:
                return !subqueries.isEmpty && subqueries.allSatisfy(matchesOnlyArticles)
            }
        case .wildcard, .valueRange, .matchAll, .other:
            return false
        }
    }
}
