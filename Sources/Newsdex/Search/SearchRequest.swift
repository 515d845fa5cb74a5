// What a search asks for, and what it answers.

/// Filters by facet value: values of one facet are ORed, different facets are ANDed, as in
/// every faceted search engine.
public struct FacetFilters: Sendable, Hashable {
    public var sources: [String] = []
    public var persons: [String] = []
    public var places: [String] = []
    public var organizations: [String] = []
    /// Entities of any type.
    public var entities: [String] = []
    public var credits: [String] = []
    /// Languages, as ISO 639-1 codes ("es", "und") or names ("Spanish"); the query is then
    /// analysed in these languages only.
    public var languages: [String] = []

    public init(
        sources: [String] = [], persons: [String] = [], places: [String] = [],
        organizations: [String] = [], entities: [String] = [], credits: [String] = [],
        languages: [String] = []
    ) {
        self.sources = sources
        self.persons = persons
        self.places = places
        self.organizations = organizations
        self.entities = entities
        self.credits = credits
        self.languages = languages
    }

    public var isEmpty: Bool {
        sources.isEmpty && persons.isEmpty && places.isEmpty && organizations.isEmpty
            && entities.isEmpty && credits.isEmpty && languages.isEmpty
    }

    /// The languages asked for that name one (codes or names), as stored.
    var languageCodes: [String] {
        languages.map { Language(stated: $0)?.code ?? $0 }
    }

    /// Each flag's values, with the facet it filters (nil for `entities`, which spans three
    /// facets) and the fields its values are terms of; none when no flag is given, as in most
    /// searches, which are spared making the seven with their fields.
    var flags: [(facet: Facet?, fields: [Field], values: [String])] {
        if isEmpty { return [] }
        return [
            (.source, [Schema.source], sources), (.person, [Schema.person], persons),
            (.place, [Schema.place], places), (.organization, [Schema.organization], organizations),
            (.credit, [Schema.credit], credits),
            (nil, Schema.entity.fields, entities),
            (.language, [Schema.language], languageCodes),
        ]
    }
}

/// Which kinds of document a search returns.
public enum KindFilter: String, Sendable, CaseIterable, Codable {
    case article, caption, all
}

/// The order of hits.
public enum HitOrder: String, Sendable, CaseIterable, Codable {
    case relevance, newest, oldest
}

/// A facet: a field whose values are counted over the whole match set.
public enum Facet: String, Sendable, CaseIterable, Codable, Hashable {
    case source, person, place, organization, credit, year, language
}

public struct SearchRequest: Sendable {
    /// The query, in Xapian's query language; may be empty when filters are given.
    public var query: String
    public var filters: FacetFilters
    /// Inclusive publication-date bounds.
    public var from: PublicationDate?
    public var to: PublicationDate?
    public var kind: KindFilter
    /// No stemming: words match as written (case and accents still do not matter).
    public var exact: Bool
    public var offset: Int
    public var limit: Int
    /// nil: by relevance, or newest first when the query is empty.
    public var sort: HitOrder?
    /// Count facets over the whole match set.
    public var facets: Bool
    public var facetLimit: Int
    /// Search the spelling-corrected query instead, when there is a correction.
    public var correctSpelling: Bool
    public var snippetLength: Int
    /// Show every copy of a story, not just its best-ranked one.
    public var allCopies: Bool
    /// Cut snippets of bodies and mark captions; without, hits have no snippet and their bodies
    /// are not read (a caller that shows only ids, or counts).
    public var snippets: Bool
    /// Count every match, so that `total` is exact (as facets do); otherwise Xapian may estimate
    /// it when there are more than about a thousand beyond the page.
    public var exactTotal: Bool
    /// Let Xapian estimate `total` past a hundred matches beyond the page, for a caller that
    /// says "about" when `totalIsExact` is false, instead of checking a thousand more (most of
    /// a page's match time for a common word). Ignored with `exactTotal` or facets.
    public var estimatedTotal: Bool

    public init(
        query: String = "", filters: FacetFilters = .init(), from: PublicationDate? = nil,
        to: PublicationDate? = nil, kind: KindFilter = .article, exact: Bool = false, offset: Int = 0,
        limit: Int = 10, sort: HitOrder? = nil, facets: Bool = false, facetLimit: Int = 10,
        correctSpelling: Bool = false, snippetLength: Int = 240, allCopies: Bool = false,
        snippets: Bool = true, exactTotal: Bool = false, estimatedTotal: Bool = false
    ) {
        self.query = query
        self.filters = filters
        self.from = from
        self.to = to
        self.kind = kind
        self.exact = exact
        self.offset = offset
        self.limit = limit
        self.sort = sort
        self.facets = facets
        self.facetLimit = facetLimit
        self.correctSpelling = correctSpelling
        self.snippetLength = snippetLength
        self.allCopies = allCopies
        self.snippets = snippets
        self.exactTotal = exactTotal
        self.estimatedTotal = estimatedTotal
    }
}

/// A piece of a snippet: matched text is marked, so each front end highlights it its own way.
public struct SnippetSegment: Sendable, Hashable, Codable {
    public var text: String
    public var isMatch: Bool
}

/// Highlighted text cut from a document around the query's matches.
public struct Snippet: Sendable, Hashable {
    public var segments: [SnippetSegment]

    public var text: String { segments.map(\.text).joined() }
    public var matches: [String] { segments.filter(\.isMatch).map(\.text) }
}

public struct CaptionHit: Sendable, Hashable {
    public var caption: Caption
    public var highlighted: Snippet?
}

public struct SearchHit: Sendable {
    public var id: String
    public var kind: DocumentKind
    /// 1-based, across pages.
    public var rank: Int
    public var score: Double
    public var percent: Int
    public var title: String
    public var source: String
    public var date: String?
    public var authors: [String]
    public var url: String?
    public var path: String?
    public var snippet: Snippet
    /// An article's captions that match the query (all of them when there is no query); a
    /// caption hit's own caption.
    public var captions: [CaptionHit]
    public var entities: [EntityRef]
    /// For a caption, its article's id.
    public var article: String?
    /// The article's near-duplicate story cluster.
    public var story: String?
    /// The other copies of its story (at most `SearchHit.copiesListed`), best known first.
    public var copies: [StoryCopy]
    /// How many other copies the story has in the index.
    public var copyCount: Int

    /// The language the document was indexed in.
    public var language: Language = .undetermined

    /// How many other copies a hit lists.
    public static let copiesListed = 10
}

/// Another copy of a hit's story: where else it ran.
public struct StoryCopy: Sendable, Hashable, Codable {
    public var id: String
    public var source: String
    public var date: String?
    public var title: String
}

public struct FacetValue: Sendable, Hashable, Codable {
    public var value: String
    public var count: Int
}

/// A filter value that is nowhere in the index, and the nearest values that are.
public struct UnknownFilterValue: Sendable, Hashable {
    public var facet: Facet
    public var value: String
    public var suggestions: [String]
}

public struct SearchResponse: Sendable {
    public var query: String
    /// The query actually run, when spelling correction changed it.
    public var correctedQuery: String?
    /// The number of matches (of stories, when copies are collapsed), or Xapian's estimate of it.
    public var total: Int
    public var totalIsExact: Bool
    /// Bounds on the number of matches: Xapian's, or the total twice when it is exact.
    public var totalBounds: ClosedRange<Int>
    public var offset: Int
    public var limit: Int
    public var hits: [SearchHit]
    /// Facet counts, in `Facet.allCases` order; empty unless asked for.
    public var facets: [(facet: Facet, values: [FacetValue])]
    /// "Did you mean" for the query, when a word is unknown and a close one is in the index.
    public var suggestion: String?
    public var unknownFilterValues: [UnknownFilterValue]
}
