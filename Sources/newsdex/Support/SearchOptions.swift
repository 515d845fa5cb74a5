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

    var queryText: String { query.joined(separator: " ") }

    var filters: FacetFilters {
        FacetFilters(
            sources: sources, persons: persons, places: places, organizations: organizations,
            entities: entities, credits: credits)
    }

    func validate() throws {
        if let from, PublicationDate(userInput: from) == nil {
            throw ValidationError("--from \(from.debugDescription) is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
        }
        if let to, PublicationDate(userInput: to) == nil {
            throw ValidationError("--to \(to.debugDescription) is not a date: use YYYY-MM-DD, YYYY-MM or YYYY")
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
