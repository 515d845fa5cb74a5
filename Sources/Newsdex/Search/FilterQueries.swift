// A search's filters as Xapian queries: one per filter flag (its values ORed), the kind, and the
// date range; filters match without weighting.
internal import Xapian

/// One filter of a search, with the facet it filters (for multi-select counting).
struct FilterQuery {
    /// The facet this filter narrows, counted without it; nil for the kind and `--entity`.
    var facet: Facet?
    var query: Query
    /// The kind of document it keeps, for the filter by kind.
    var kind: DocumentKind?

    /// The filters of `request`.
    static func all(for request: SearchRequest) -> [FilterQuery] {
        func anyOf(_ fields: [Field], _ values: [String]) -> Query {
            let terms = values.flatMap { value in fields.map { Query(term: Schema.term($0, value)) } }
            return terms.count == 1 ? terms[0] : Query(.or, terms)
        }
        var result: [FilterQuery] = []
        for flag in request.filters.flags where !flag.values.isEmpty {
            result.append(.init(facet: flag.facet, query: anyOf(flag.fields, flag.values)))
        }
        switch request.kind {
        case .article: result.append(.init(facet: nil, query: KindQuery.documents(of: .article), kind: .article))
        case .caption: result.append(.init(facet: nil, query: KindQuery.documents(of: .caption), kind: .caption))
        case .all: break
        }
        switch (request.from, request.to) {
        case let (from?, to?):
            result.append(.init(facet: .year, query: Query.valueRange(slot: Slot.date.number, from: from.yyyymmdd, to: to.yyyymmdd)))
        case let (from?, nil):
            result.append(.init(facet: .year, query: Query.valueGreaterOrEqual(slot: Slot.date.number, from.yyyymmdd)))
        case let (nil, to?):
            result.append(.init(facet: .year, query: Query.valueLessOrEqual(slot: Slot.date.number, to.yyyymmdd)))
        case (nil, nil): break
        }
        return result
    }

    /// The query filtered by every filter; all documents when there is no query. The filter to
    /// articles is left out where the query matches articles alone (`KindQuery`), as a query of
    /// words does.
    static func combine(_ query: Query?, filters: [FilterQuery]) -> Query {
        let base = query ?? Query.matchAll
        let needed = filters.filter { filter in
            filter.kind != .article || query.map(KindQuery.matchesOnlyArticles) != true
        }.map(\.query)
        guard !needed.isEmpty else { return base }
        return Query(.filter, [base, needed.count == 1 ? needed[0] : Query(.and, needed)])
    }
}
