// A query in an index of many languages. Each document's words were stemmed in its own language,
// so a query word must be stemmed the same way to find them: the query is parsed once per
// analysis (stemmer and stopwords) of the languages it must match, and each parse looks only at
// the documents of its languages. The choice, and what it costs, is in the README.
internal import Xapian

/// Parses queries for a set of languages: once per distinct analysis, each parse restricted to
/// the documents of its languages unless it stands for every language of the index.
struct MultilingualQueryParser {
    /// One parse of the query: the parser of one analysis, and the languages it is for.
    struct Group {
        var languages: [Language]
        var analysis: TextAnalysis
        var parser: QueryParser
    }

    /// Largest group (by documents) first.
    let groups: [Group]
    /// Every language the index holds.
    let present: Set<Language>

    /// The parsers for `languages` (those of the index when empty), grouped by analysis:
    /// with `exact`, no stemming, so languages differ only by their stopwords.
    /// - Parameter documents: how many documents the index has in each language.
    init(
        languages: [Language], documents: [Language: Int], exact: Bool,
        parser: (TextAnalysis) throws -> QueryParser
    ) rethrows {
        present = Set(documents.keys)
        let wanted = languages.isEmpty
            ? documents.keys.sorted { (documents[$0]!, $1) > (documents[$1]!, $0) }
            : languages
        var order: [TextAnalysis] = []
        var members: [TextAnalysis: [Language]] = [:]
        // An empty index (or one of another era) still parses, as English.
        for language in wanted.isEmpty ? [.english] : wanted {
            let analysis = exact ? TextAnalysis(language).withoutStemming() : TextAnalysis(language)
            if members[analysis] == nil { order.append(analysis) }
            members[analysis, default: []].append(language)
        }
        let size = { (analysis: TextAnalysis) in members[analysis]!.reduce(0) { $0 + (documents[$1] ?? 0) } }
        order.sort { size($0) > size($1) }
        groups = try order.map { Group(languages: members[$0]!, analysis: $0, parser: try parser($0)) }
    }

    /// `text` parsed for every group: one parse when they all read it alike (a phrase, a name,
    /// a filter, or an index of one language), else each group's parse restricted to the
    /// documents of its languages, ORed. Nil for an empty query. Words without a field search
    /// the field of `defaultPrefix` (none: an article's text).
    /// - Throws: `SearchError.query` when the text cannot be parsed.
    func parse(_ text: String, defaultPrefix: String = "") throws -> Query? {
        var parses: [(description: String, query: Query, languages: [Language])] = []
        for group in groups.reversed() {
            let parsed = try QueryLanguage.parse(
                group.analysis.prepared(text), with: group.parser, defaultPrefix: defaultPrefix)
            guard let query = parsed else { return nil }
            let description = query.description
            if let same = parses.firstIndex(where: { $0.description == description }) {
                parses[same].languages += group.languages
            } else {
                parses.append((description, query, group.languages))
            }
        }
        // The largest group's parse goes first.
        if let largest = groups.first?.languages.first,
            let index = parses.firstIndex(where: { $0.languages.contains(largest) })
        {
            parses.insert(parses.remove(at: index), at: 0)
        }
        let covered = Set(parses.flatMap(\.languages))
        if parses.count == 1, present.isSubset(of: covered) {
            return parses[0].query
        }
        func terms(_ languages: [Language]) -> Query {
            let terms = languages.map { Query(term: Schema.term(Schema.language, $0.code)) }
            return terms.count == 1 ? terms[0] : Query(.or, terms)
        }
        var restricted = parses.map { Query(.filter, [$0.query, terms($0.languages)]) }
        if present.isSubset(of: covered) {
            // The largest parse takes every document not in another parse's languages: excluding
            // the few documents of the others costs less than filtering by its own many.
            restricted[0] = Query(.andNot, [parses[0].query, terms(parses.dropFirst().flatMap(\.languages))])
        }
        return restricted.count == 1 ? restricted[0] : Query(.or, restricted)
    }
}
