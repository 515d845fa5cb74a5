// Answers searches: the query language, filters, exact multi-select facets, snippets and
// spelling suggestions, over one index directory, a stub file, or a stub of remote shards.
import Foundation
internal import Xapian

/// Searches one index. Not thread-safe (Xapian databases are not): one Searcher per thread.
public final class Searcher {
    public let path: String
    /// The open index; IndexStats reads its counts and metadata through it.
    private(set) var database: Database
    /// How many slots each multi-valued facet uses (from the metadata of each of its databases).
    let slotUsage: FacetSlotUsage
    /// Whether a shard is remote: facets are then counted with Xapian's own spies only.
    private let hasRemoteShards: Bool
    private let snippetStemmers = SnippetStemmers()
    /// Query parsers by analysis, made once: setting one up costs more than a simple search.
    private var parsers: [TextAnalysis: QueryParser] = [:]
    /// How many documents the index has in each language (its `L` terms), read once.
    private var languageCounts: [Language: Int]?

    /// Opens the index at `path`: an index directory, a Xapian database, or a stub file (whose
    /// remote shards are opened with `remoteTimeouts`, by default those of the environment; see
    /// `IndexOpener`).
    /// - Throws: `IndexError` when it is missing, damaged, unreachable or of another schema;
    ///   `SettingError` when the environment's timeouts are not valid.
    public init(path: String, remoteTimeouts: RemoteTimeouts? = nil) throws {
        self.path = path
        let timeouts = try remoteTimeouts ?? .fromEnvironment()
        self.remoteTimeouts = timeouts
        (database, hasRemoteShards, slotUsage) = try IndexOpener.openWithShards(path, timeouts: timeouts)
        try SchemaCheck.verify(database, index: path)
    }

    private let remoteTimeouts: RemoteTimeouts

    /// Documents in the index, articles and captions.
    /// - Throws: `IndexError` when the index fails underneath.
    public var documentCount: Int {
        get throws { try reading { try database.documentCount } }
    }

    /// Runs a search.
    /// - Throws: `SearchError.query` for a query Xapian cannot parse, `IndexError` when the
    ///   index fails underneath (a shard down, a damaged table, a writer committing twice while
    ///   it is read twice).
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        try SearchLimits.check(query: request.query, filters: request.filters)
        return try reading { try searchOnce(request) }
    }

    /// Runs `body` on the index, once more at the latest revision if a writer overwrote the
    /// revision it read (Xapian's DatabaseModifiedError, which an update in place can cause);
    /// every other failure, and a second one, is an IndexError.
    func reading<T>(_ body: () throws -> T) throws -> T {
        try Self.retryingOnceIfModified(
            body,
            reopen: {
                try database.reopen()
                parsers = [:]
                languageCounts = nil
            },
            classify: { error in
                var failure = IndexError.from(error, index: path)
                // A remote shard failed without Xapian saying which: the one that does not
                // answer now is named.
                if case .unreachable = failure.code, failure.part == nil,
                    let down = IndexOpener.unreachableShard(of: path, index: path, timeouts: remoteTimeouts)
                {
                    failure = down
                }
                return failure
            })
    }

    /// Runs `body`; after `.databaseModified`, runs `reopen` and `body` once more. The retry
    /// happens outside the catch clause, so that its own failure is classified like any other.
    /// - Throws: `SearchError` as is; anything else through `classify`.
    static func retryingOnceIfModified<T>(
        _ body: () throws -> T, reopen: () throws -> Void, classify: (any Error) -> IndexError
    ) throws -> T {
        do {
            return try body()
        } catch let error as SearchError {
            throw error
        } catch XapianError.databaseModified {
            // Falls through to the retry, out of the catch clause.
        } catch {
            throw classify(error)
        }
        do {
            try reopen()
            return try body()
        } catch let error as SearchError {
            throw error
        } catch {
            throw classify(error)
        }
    }

    private func searchOnce(_ request: SearchRequest) throws -> SearchResponse {
        // The query is analysed in the languages it asks for (`--lang`, `lang:`), else in every
        // language of the index.
        let stated = QueryLanguage.statedLanguages(in: request.query)
        let asked = request.filters.languageCodes.compactMap { Language(code: $0) }
        let parser = try queryParser(languages: Array(Set(asked + stated)), exact: request.exact)
        var spelled = try SpelledQuery(request.query, parser: parser, kind: request.kind)
        let filters = FilterQuery.all(for: request)
        // A correction is offered only when it finds something, and searched instead
        // (`correctSpelling`) only when the query as typed finds nothing.
        if spelled.suggestion != nil {
            if try !matchesAnything(spelled.suggestedQuery, filters) {
                spelled.dropSuggestion()
            } else if request.correctSpelling, try !matchesAnything(spelled.query, filters) {
                spelled.applyCorrection()
            }
        }

        let enquire = Enquire(database: database)
        enquire.query = FilterQuery.combine(spelled.query, filters: filters)
        // One hit per story: copies collapse onto the best-ranked one. Captions carry no story.
        let collapsed = !request.allCopies && request.kind != .caption
        // Only articles in stories of several carry the story key (`StoryKey`): in an index
        // without any, Xapian's collapse would read the empty key of each match for nothing,
        // and no hit has copies to list.
        let storiesHaveCopies = try database.valueFrequency(slot: Slot.story.number) > 0
        if collapsed && storiesHaveCopies { enquire.setCollapseKey(Slot.story.number) }
        switch request.sort ?? (spelled.query == nil ? .newest : .relevance) {
        case .relevance: enquire.sortByRelevance()
        case .newest: enquire.sortByValueThenRelevance(Slot.sortableDate.number, descending: true)
        case .oldest: enquire.sortByValueThenRelevance(Slot.sortableDate.number, descending: false)
        }
        // No page goes past the last document: an offset or a limit beyond it is the same as
        // one at it, and the sums below then never overflow, whatever the request says.
        let documents = try database.documentCount
        let offset = min(max(0, request.offset), documents)
        let limit = min(max(0, request.limit), documents)
        // Xapian only estimates when asked for no hits at all, so a count-only search asks for one.
        let pageSize = max(limit, 1)
        let facetCounts = FacetCounts(slotUsage: slotUsage, packed: !hasRemoteShards)
        let counted: FacetCounts.Counted
        let mset: MatchSet
        let total: Int
        let exact: Bool
        if request.facets || request.exactTotal, collapsed, !hasRemoteShards {
            // Every match is looked at, and the stories are counted by a spy rather than by
            // Xapian's collapse, whose table of story keys (a tree of strings in Xapian 1.4) costs
            // more than all the facets: one match over every document, uncollapsed, for the counts;
            // another, collapsed, for the page alone. Spies see every match before any collapse,
            // so the facets count the same documents either way.
            let everyMatch = Enquire(database: database)
            everyMatch.query = enquire.query
            everyMatch.useBooleanWeighting()
            // Where no story has several articles, each match is a story of its own: without
            // facets to count, Xapian's count of every match is the total, and no spy reads each
            // match's (empty) story key. (With facets, the spy counts them as cheaply as Xapian.)
            let spyCountsStories = storiesHaveCopies || request.facets
            let spies = facetCounts.attachUnfiltered(
                to: everyMatch, filters: filters, facets: request.facets, countingStories: spyCountsStories)
            // Asked for no hit, Xapian only estimates its count; asked for one, it counts.
            let all = try everyMatch.matchSet(offset: 0, limit: spyCountsStories ? 0 : 1, checkAtLeast: documents + 1)
            counted = try spies.counted()
            mset = try enquire.matchSet(offset: offset, limit: pageSize, checkAtLeast: offset + pageSize)
            total = counted.stories ?? all.lowerBound
            exact = true
        } else {
            let spies = request.facets ? facetCounts.attachUnfiltered(to: enquire, filters: filters) : FacetCounts.Attached()
            // Facets and exact totals need every match. Otherwise looking at a thousand more than
            // are shown makes the total exact for most searches, as Omega does; where an estimate
            // will do, a hundred more, so that a small total is still exact ("3 hits", not "about 3").
            let checkAtLeast = request.facets || request.exactTotal
                ? documents + 1 : offset + limit + (request.estimatedTotal ? 100 : 1000)
            if !request.facets, !request.exactTotal, !(collapsed && storiesHaveCopies), case .term = enquire.query.node {
                // One term's matches Xapian counts without looking at them (its posting list's
                // length): the page alone is matched, and again as far as `checkAtLeast` only if
                // the count is not then exact. The hits are the same either way. A plain word is
                // one term, now that no filter by kind goes with it.
                let page = try enquire.matchSet(offset: offset, limit: pageSize, checkAtLeast: offset + pageSize)
                mset = page.isExact ? page : try enquire.matchSet(offset: offset, limit: pageSize, checkAtLeast: checkAtLeast)
            } else {
                mset = try enquire.matchSet(offset: offset, limit: pageSize, checkAtLeast: checkAtLeast)
            }
            counted = try spies.counted()
            // Fewer matches than were to be checked means Xapian saw every one: with a collapse key
            // its upper bound stays loose, but the lower bound is then the exact count.
            exact = mset.isExact || mset.uncollapsedLowerBound < checkAtLeast
            total = exact ? mset.lowerBound : mset.estimatedTotal
        }

        // The language facet, multi-select like the others, is counted as if `--lang` were off:
        // with the query analysed as it then would be.
        var unfiltered: [Facet: Query?] = [:]
        if request.facets && !asked.isEmpty {
            let withoutLang = try queryParser(languages: stated, exact: request.exact)
            unfiltered[.language] = try withoutLang.parse(spelled.corrected ?? request.query, for: request.kind)
        }
        let facets = request.facets
            ? try facetCounts.count(
                main: counted.facets, query: spelled.query, filters: filters, in: database, limit: request.facetLimit,
                unfilteredQueries: unfiltered)
            : []
        let highlight = spelled.query != nil && request.snippets
        // Snippets mark the query's words as an article's text holds them: a search of pictures
        // reads them under the caption field's prefix, which Xapian's snippet does not mark, so
        // its marks come from a match set of the words as an article reads them.
        var marking = (mset: mset, query: enquire.query)
        if highlight, request.kind != .article, let words = try parser.parse(spelled.corrected ?? request.query) {
            let reading = Enquire(database: database)
            reading.query = words
            marking = (try reading.matchSet(limit: 0), words)
        }
        let builder = HitBuilder(
            database: database, marking: marking.mset, storiesHaveCopies: storiesHaveCopies, stemmers: snippetStemmers,
            snippets: request.snippets, highlight: highlight, snippetLength: request.snippetLength,
            window: highlight ? SnippetWindow(query: marking.query) : nil)
        let hits = try mset.prefix(limit).map(builder.hit)
        let bounds = exact ? total...total : mset.lowerBound...max(mset.lowerBound, mset.upperBound)
        return SearchResponse(
            query: request.query, correctedQuery: spelled.corrected,
            total: total, totalIsExact: exact, totalBounds: bounds,
            offset: request.offset, limit: request.limit, hits: hits, facets: facets,
            suggestion: spelled.suggestion, unknownFilterValues: try unknownValues(request.filters))
    }

    /// Whether `query` with `filters` matches at least one document.
    private func matchesAnything(_ query: Query?, _ filters: [FilterQuery]) throws -> Bool {
        let enquire = Enquire(database: database)
        enquire.query = FilterQuery.combine(query, filters: filters)
        return try !enquire.matchSet(limit: 1).isEmpty
    }

    /// The parser of a query for `languages` (every language of the index when empty).
    private func queryParser(languages: [Language], exact: Bool) throws -> MultilingualQueryParser {
        let counts = try languageCounts ?? Self.languageCounts(in: database)
        languageCounts = counts
        return try MultilingualQueryParser(languages: languages, documents: counts, exact: exact) { analysis in
            if let parser = parsers[analysis] { return parser }
            let parser = try QueryLanguage.parser(for: database, analysis: analysis)
            parsers[analysis] = parser
            return parser
        }
    }

    /// The languages of the index's documents and how many each has, from the `L` terms.
    static func languageCounts(in database: Database) throws -> [Language: Int] {
        var counts: [Language: Int] = [:]
        for (term, frequency) in try database.allTerms(prefix: Schema.language.prefix) {
            if let language = Language(code: String(term.dropFirst(Schema.language.prefix.count))) {
                counts[language] = frequency
            }
        }
        return counts
    }

    /// Every other copy of the story of the document `id`, with how it differs from it.
    /// - Throws: `IndexError` when the index fails underneath.
    public func copies(of id: String) throws -> [(copy: StoredDocument, diff: StoryDiff)] {
        guard let stored = try document(id: id), let story = stored.story else { return [] }
        return try reading {
            var result: [(StoredDocument, StoryDiff)] = []
            for docid in try database.postings(Schema.term(Schema.story, story)) {
                let other = try StoredDocument(of: database.document(docid))
                if other.id != stored.id {
                    result.append((other, StoryDiff(from: stored.asArticle, to: other.asArticle)))
                }
            }
            return result.sorted { ($0.0.date ?? "~", $0.0.id) < ($1.0.date ?? "~", $1.0.id) }
        }
    }

    /// The stored document with this id (an article id, or `ID#caption-N`), if it is indexed.
    /// - Throws: `IndexError` when the index fails underneath.
    public func document(id: String) throws -> StoredDocument? {
        try reading {
            guard let docid = try database.postings(Schema.identifierTerm(Schema.uniqueID, id)).first else {
                return nil
            }
            do {
                return try StoredDocument(of: database.document(docid))
            } catch let error as StoredDocumentError {
                throw IndexError(.unreadableDocument, index: path, part: id, detail: error.detail)
            }
        }
    }
}
