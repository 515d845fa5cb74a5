import ArgumentParser
import Newsdex

/// The query and filters shared by `search` and `facets`.
struct SearchOptions: ParsableArguments {
    @Argument(help: "The query: words (all must match), \"phrases\", OR, NOT, (...), NEAR, troop*, field:value, date:A..B.")
    var query: [String] = []

    @Option(name: .customLong("source"), help: ArgumentHelp("Only this source; repeat to allow several.", valueName: "name"), completion: FacetCompletion.values(of: .source))
    var sources: [String] = []
    @Option(name: .customLong("person"), help: ArgumentHelp("Only articles naming this person; repeatable.", valueName: "name"), completion: FacetCompletion.values(of: .person))
    var persons: [String] = []
    @Option(name: .customLong("place"), help: ArgumentHelp("Only articles naming this place; repeatable.", valueName: "name"), completion: FacetCompletion.values(of: .place))
    var places: [String] = []
    @Option(name: .customLong("org"), help: ArgumentHelp("Only articles naming this organization; repeatable.", valueName: "name"), completion: FacetCompletion.values(of: .organization))
    var organizations: [String] = []
    @Option(name: .customLong("entity"), help: ArgumentHelp("Only articles naming this entity, of any type; repeatable.", valueName: "name"))
    var entities: [String] = []
    @Option(name: .customLong("credit"), help: ArgumentHelp("Only pictures (or articles with pictures) credited to this; repeatable.", valueName: "name"), completion: FacetCompletion.values(of: .credit))
    var credits: [String] = []
    @Option(name: .customLong("lang"), help: ArgumentHelp("Only documents in this language (ISO 639-1 code such as es, zh, or und; or a name); the query is then analysed in it; repeatable.", valueName: "code"), completion: FacetCompletion.values(of: .language))
    var languages: [String] = []

    @Option(help: ArgumentHelp("Published on or after this day (YYYY-MM-DD, YYYY-MM or YYYY).", valueName: "date"))
    var from: String?
    @Option(help: ArgumentHelp("Published on or before this day (YYYY-MM-DD, YYYY-MM or YYYY).", valueName: "date"))
    var to: String?

    @Option(help: "Which documents to search.")
    var kind: KindFilter = .article

    @Flag(help: "No stemming: words match only as written.")
    var exact = false

    @Flag(help: "Search the spelling-corrected query when a word is unknown.")
    var correct = false

    /// These options as plain values.
    var values: QueryOptions {
        QueryOptions(
            query: query, sources: sources, persons: persons, places: places, organizations: organizations,
            entities: entities, credits: credits, languages: languages, from: from, to: to, kind: kind,
            exact: exact, correct: correct)
    }

    var queryText: String { values.queryText }
    var filters: FacetFilters { values.filters }
    var filterDescription: String { values.filterDescription }
    func validate() throws { try values.validate() }
    func request() -> SearchRequest { values.request() }
}

/// The query and filters of `search`, `facets` and `count` as plain values: what
/// `SearchOptions` holds behind ArgumentParser's property wrappers. A plain `search` line is read
/// into these without making the wrappers (see PlainSearchLine).
struct QueryOptions: Equatable {
    var query: [String] = []
    var sources: [String] = []
    var persons: [String] = []
    var places: [String] = []
    var organizations: [String] = []
    var entities: [String] = []
    var credits: [String] = []
    var languages: [String] = []
    var from: String?
    var to: String?
    var kind: KindFilter = .article
    var exact = false
    var correct = false

    var queryText: String { query.concatenated(separator: " ") }

    var filters: FacetFilters {
        FacetFilters(
            sources: sources, persons: persons, places: places, organizations: organizations,
            entities: entities, credits: credits, languages: languages)
    }

    /// The filters as flags, as a user would type them again: `--source AFP --from 2024-10`.
    var filterDescription: String {
        var words: [String] = []
        func add(_ flag: String, _ values: [String]) {
            for value in values {
                let shown = value.contains(where: { $0.isWhitespace || $0 == "\"" }) ? value.debugDescription : value
                words.append("--\(flag) \(shown)")
            }
        }
        add("source", sources)
        add("person", persons)
        add("place", places)
        add("org", organizations)
        add("entity", entities)
        add("credit", credits)
        add("from", from.map { [$0] } ?? [])
        add("to", to.map { [$0] } ?? [])
        return words.concatenated(separator: " ")
    }

    func validate() throws {
        // Lengths and counts the library answers in bounded time (SearchLimits), checked here
        // before the index is opened; the errors are worded by ErrorMessages (exit 2).
        do {
            try SearchLimits.check(query: queryText, filters: filters)
        } catch let error as SearchError {
            throw ValidationError(ErrorMessages.lines(for: error).joined(separator: "\n"))
        }
        if let from, PublicationDate(userInput: from) == nil {
            throw ValidationError("--from \(from.debugDescription) is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
        }
        if let to, PublicationDate(userInput: to) == nil {
            throw ValidationError("--to \(to.debugDescription) is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
        }
        for language in languages where Language(stated: language) == nil {
            throw ValidationError(
                "--lang \(language.debugDescription) is not a language: use an ISO 639-1 code (es, zh, und) or a name (Spanish)")
        }
    }

    /// The request these options describe; the caller sets paging, sort and facets.
    func request() -> SearchRequest {
        // "--to 2024-10" means to the end of October.
        SearchRequest(
            query: queryText, filters: filters, from: from.flatMap { PublicationDate(userInput: $0) },
            to: to.flatMap { PublicationDate(userInput: $0, roundingUp: true) },
            kind: kind, exact: exact, correctSpelling: correct)
    }
}

extension KindFilter: ExpressibleByArgument {
    /// What documents of this kind are called in messages.
    var plural: String {
        switch self {
        case .article: return "articles"
        case .caption: return "pictures"
        case .all: return "documents"
        }
    }

    /// What help says of each value.
    public var defaultValueDescription: String {
        switch self {
        case .article: "articles"
        case .caption: "pictures: each caption with its credit and its article"
        case .all: "both"
        }
    }
}

extension HitOrder: ExpressibleByArgument {
    /// What help says of each value.
    public var defaultValueDescription: String {
        switch self {
        case .relevance: "best match first"
        case .newest: "newest first"
        case .oldest: "oldest first"
        }
    }
}
