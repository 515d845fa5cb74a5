// Answers searches: the query language, filters, exact multi-select facets, snippets and
// spelling suggestions, over one index directory, a stub file, or a stub of remote shards.
import Foundation
import Xapian

/// Searches one index. Not thread-safe (Xapian databases are not): one Searcher per thread.
public final class Searcher {
    public let path: String
    /// The open index; IndexStats reads its counts and metadata through it.
    private(set) var database: Database
    private let slotUsage: FacetSlotUsage
    private let stemmer: Stem
    /// Query parsers by `exact`, made once: setting one up costs more than a simple search.
    private var parsers: [Bool: QueryParser] = [:]

    /// Opens the index at `path`: an index directory, a Xapian database, or a stub file (whose
    /// remote shards are opened with `remoteTimeouts`; see `IndexOpener`).
    /// - Throws: `IndexError` when it is missing, damaged, unreachable or of another schema.
    public init(path: String, remoteTimeouts: RemoteTimeouts = .fromEnvironment()) throws {
        self.path = path
        database = try IndexOpener.open(path, timeouts: remoteTimeouts)
        do {
            stemmer = try Stem(language: "english")
        } catch {
            throw IndexError.from(error, path: path)
        }
        try SchemaCheck.verify(database, path: path)
        slotUsage = FacetSlotUsage.read(from: database)
    }

    /// Documents in the index, articles and captions.
    public var documentCount: Int { database.documentCount }

    /// Runs a search.
    /// - Throws: `SearchError.query` for a query Xapian cannot parse, `IndexError` when the
    ///   index fails underneath (a shard down, a damaged table).
    public func search(_ request: SearchRequest) throws -> SearchResponse {
        do {
            return try searchOnce(request)
        } catch XapianError.databaseModified {
            // A writer committed twice while we read: reopen at the new revision, once.
            try database.reopen()
            parsers = [:]
            return try searchOnce(request)
        } catch let error as SearchError {
            throw error
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError.from(error, path: path)
        }
    }

    private func searchOnce(_ request: SearchRequest) throws -> SearchResponse {
        let parser = try parsers[request.exact] ?? QueryLanguage.parser(for: database, exact: request.exact)
        parsers[request.exact] = parser
        var queryText = request.query
        var parsed = try parse(queryText, with: parser)
        let correction = parser.correctedQuery
        var suggestion: String? = correction.isEmpty ? nil : correction
        var corrected: String?
        if request.correctSpelling, let fix = suggestion {
            queryText = fix
            parsed = try parse(fix, with: parser)
            corrected = fix
            suggestion = nil
        }

        let filterQueries = filterQueries(for: request)
        let query = combine(parsed, filters: filterQueries.map(\.query))

        let enquire = Enquire(database: database)
        enquire.query = query
        // One hit per story: copies collapse onto the best-ranked one. Captions carry no story.
        if !request.allCopies && request.kind != .caption {
            enquire.setCollapseKey(Slot.story.number)
        }
        let sort = request.sort ?? (parsed == nil ? .newest : .relevance)
        switch sort {
        case .relevance: enquire.sortByRelevance()
        case .newest: enquire.sortByValueThenRelevance(Slot.sortableDate.number, descending: true)
        case .oldest: enquire.sortByValueThenRelevance(Slot.sortableDate.number, descending: false)
        }

        // Facets whose own filter is on are counted in a match without that filter
        // (multi-select); the others ride on the main match.
        let counter = FacetCounts(slotUsage: slotUsage)
        let filtered = Set(filterQueries.compactMap(\.facet))
        var spies: [(Facet, [ValueCountMatchSpy])] = []
        if request.facets {
            spies = counter.attach(Facet.allCases.filter { !filtered.contains($0) }, to: enquire)
        }
        // Facets need every match. Otherwise looking at a thousand more than are shown makes the
        // total exact for most searches, at little cost, as Omega does.
        let checkAtLeast = request.facets ? database.documentCount : request.offset + request.limit + 1000
        // Xapian only estimates when asked for no hits at all, so a count-only search asks for one.
        let mset = try enquire.matchSet(
            offset: request.offset, limit: max(request.limit, 1), checkAtLeast: checkAtLeast)

        var facets: [(facet: Facet, values: [FacetValue])] = []
        if request.facets {
            var counted: [Facet: [FacetValue]] = [:]
            for (facet, facetSpies) in spies {
                counted[facet] = FacetCounts.counts(facetSpies, limit: request.facetLimit)
            }
            for facet in Facet.allCases where filtered.contains(facet) {
                let others = filterQueries.filter { $0.facet != facet }.map(\.query)
                let facetEnquire = Enquire(database: database)
                facetEnquire.query = combine(parsed, filters: others)
                let facetSpies = counter.attach([facet], to: facetEnquire)
                _ = try facetEnquire.matchSet(offset: 0, limit: 0, checkAtLeast: database.documentCount)
                counted[facet] = FacetCounts.counts(facetSpies[0].1, limit: request.facetLimit)
            }
            facets = Facet.allCases.map { ($0, counted[$0] ?? []) }
        }

        var hits: [SearchHit] = []
        for hit in mset.prefix(request.limit) {
            hits.append(try makeHit(
                hit, mset: mset, highlight: parsed != nil && request.snippets, snippetLength: request.snippetLength))
        }
        // Fewer matches than were to be checked means Xapian saw every one: with a collapse key its
        // upper bound stays loose, but the lower bound is then the exact count.
        let exact = mset.isExact || mset.uncollapsedLowerBound < checkAtLeast
        return SearchResponse(
            query: request.query, correctedQuery: corrected, total: exact ? mset.lowerBound : mset.estimatedTotal,
            totalIsExact: exact, offset: request.offset, limit: request.limit, hits: hits,
            facets: facets, suggestion: suggestion,
            unknownFilterValues: unknownValues(request.filters))
    }

    /// The parsed query, or nil for an empty one.
    private func parse(_ text: String, with parser: QueryParser) throws -> Query? {
        let normalized = QueryLanguage.normalize(text)
        guard !normalized.trimmingCharacters(in: .whitespaces).isEmpty else { return nil }
        do {
            return try parser.parse(normalized, flags: QueryLanguage.flags)
        } catch let error as XapianError where error.code == .queryParser {
            throw SearchError.query(text, error.message, QueryLanguage.errorLocation(in: text, parser: parser))
        }
    }

    private struct FilterQuery {
        var facet: Facet?
        var query: Query
    }

    /// One query per filter flag (its values ORed), the kind, and the date range.
    private func filterQueries(for request: SearchRequest) -> [FilterQuery] {
        func anyOf(_ fields: [Field], _ values: [String]) -> Query {
            let terms = values.flatMap { value in fields.map { Query(term: Schema.term($0, value)) } }
            return terms.count == 1 ? terms[0] : Query(.or, terms)
        }
        var result: [FilterQuery] = []
        for flag in request.filters.flags where !flag.values.isEmpty {
            result.append(.init(facet: flag.facet, query: anyOf(flag.fields, flag.values)))
        }
        switch request.kind {
        case .article: result.append(.init(facet: nil, query: Query(term: Schema.term(Schema.kind, "article"))))
        case .caption: result.append(.init(facet: nil, query: Query(term: Schema.term(Schema.kind, "caption"))))
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

    /// The query filtered by every filter (which match without weighting); all documents when
    /// there is no query.
    private func combine(_ query: Query?, filters: [Query]) -> Query {
        let base = query ?? Query.matchAll
        guard !filters.isEmpty else { return base }
        return Query(.filter, [base, filters.count == 1 ? filters[0] : Query(.and, filters)])
    }

    /// A hit as shown: with `highlight`, the snippet and captions mark the query's matches.
    private func makeHit(_ hit: MatchSet.Hit, mset: MatchSet, highlight: Bool, snippetLength: Int) throws -> SearchHit {
        let document = try hit.document()
        let stored = try StoredDocument(of: document)
        let snippetText = stored.snippetSource
        let snippet: Snippet
        if highlight {
            snippet = Snippet(xapianHTML: mset.snippet(
                snippetText, length: snippetLength, stemmer: stemmer, flags: []))
        } else {
            snippet = Snippet(segments: [SnippetSegment(text: String(snippetText.prefix(snippetLength)), isMatch: false)])
        }
        var captions: [CaptionHit] = []
        for caption in stored.captions {
            if !highlight || stored.kind == .caption {
                captions.append(CaptionHit(caption: caption, highlighted: nil))
                continue
            }
            let marked = mset.snippet(
                caption.text, length: caption.text.utf8.count + 16, stemmer: stemmer,
                flags: [.exhaustive, .emptyWithoutMatch])
            if !marked.isEmpty {
                captions.append(CaptionHit(caption: caption, highlighted: Snippet(xapianHTML: marked)))
            }
        }
        let (copies, copyCount) = try otherCopies(of: stored, limit: SearchHit.copiesListed)
        return SearchHit(
            id: stored.id, kind: stored.kind, rank: hit.rank + 1, score: hit.weight, percent: hit.percent,
            title: stored.title, source: stored.source, date: stored.date, authors: stored.authors,
            url: stored.url, path: stored.path, snippet: snippet, captions: captions,
            entities: stored.entities, article: stored.article, story: stored.story, copies: copies,
            copyCount: copyCount)
    }

    /// The other copies of a document's story, oldest first (the wire original usually ran
    /// first), and how many there are.
    private func otherCopies(of stored: StoredDocument, limit: Int) throws -> ([StoryCopy], Int) {
        guard let story = stored.story else { return ([], 0) }
        let members = try database.postings(Schema.term(Schema.story, story))
        guard members.count > 1 else { return ([], 0) }
        // Order by the date slot, and decode the stored data of only the copies listed.
        var dated: [(date: String, document: Document)] = []
        for docid in members {
            let document = try database.document(docid)
            let date = document.stringValue(slot: Slot.sortableDate.number)
            dated.append((date.isEmpty ? "~" : date, document))
        }
        dated.sort { $0.date < $1.date }
        var copies: [StoryCopy] = []
        for (_, document) in dated where copies.count < limit {
            let other = try StoredDocument(of: document)
            if other.id != stored.id {
                copies.append(StoryCopy(id: other.id, source: other.source, date: other.date, title: other.title))
            }
        }
        return (copies, members.count - 1)
    }

    /// Every other copy of the story of the document `id`, with how it differs from it.
    /// - Throws: `IndexError` when the index fails underneath.
    public func copies(of id: String) throws -> [(copy: StoredDocument, diff: StoryDiff)] {
        guard let stored = try document(id: id), let story = stored.story else { return [] }
        do {
            var result: [(StoredDocument, StoryDiff)] = []
            for docid in try database.postings(Schema.term(Schema.story, story)) {
                let other = try StoredDocument(of: database.document(docid))
                if other.id != stored.id {
                    result.append((other, StoryDiff(from: stored.asArticle, to: other.asArticle)))
                }
            }
            return result.sorted { ($0.0.date ?? "~", $0.0.id) < ($1.0.date ?? "~", $1.0.id) }
        } catch {
            throw IndexError.from(error, path: path)
        }
    }

    /// Filter values that match no document, with the nearest values the index has.
    private func unknownValues(_ filters: FacetFilters) -> [UnknownFilterValue] {
        var result: [UnknownFilterValue] = []
        for (facet, fields, values) in filters.flags {
            for value in values where !fields.contains(where: { database.termExists(Schema.term($0, value)) }) {
                // An --entity value is reported under person, the first of the facets it spans.
                result.append(UnknownFilterValue(
                    facet: facet ?? .person, value: value, suggestions: nearestValues(to: value, in: fields)))
            }
        }
        return result
    }

    /// Up to three indexed values closest to `value` by edit distance (or containing it).
    public func nearestValues(to value: String, in fields: [Field], limit: Int = 3) -> [String] {
        let wanted = Schema.normalizedValue(value)
        var scored: [(Int, String)] = []
        for field in fields {
            guard let terms = try? database.allTerms(prefix: field.prefix) else { continue }
            for (term, _) in terms {
                let candidate = String(term.dropFirst(field.prefix.count))
                let distance = candidate.contains(wanted) && !wanted.isEmpty
                    ? 0 : EditDistance.levenshtein(wanted, candidate)
                if distance <= max(2, wanted.count / 3) { scored.append((distance, candidate)) }
            }
        }
        return scored.sorted { $0 < $1 }.prefix(limit).map(\.1)
    }

    /// The stored document with this id (an article id, or `ID#caption-N`), if it is indexed.
    /// - Throws: `IndexError` when the index fails underneath.
    public func document(id: String) throws -> StoredDocument? {
        do {
            guard let docid = try database.postings(Schema.identifierTerm(Schema.uniqueID, id)).first else {
                return nil
            }
            let document = try database.document(docid)
            return try StoredDocument(of: document)
        } catch let error as DecodingError {
            throw IndexError(.corrupt, "the stored data of \(id) cannot be read (\(error)): rebuild with `newsdex index --rebuild`")
        } catch let error as IndexError {
            throw error
        } catch {
            throw IndexError.from(error, path: path)
        }
    }

}

/// A search the user must fix.
public enum SearchError: Error, CustomStringConvertible, Sendable {
    /// The query cannot be parsed: the query, Xapian's explanation, and the word where it goes
    /// wrong (character offsets), when that can be told.
    case query(String, String, Range<Int>?)

    public var description: String {
        switch self {
        case .query(let query, let message, _): return "cannot parse the query \(query.debugDescription): \(message)"
        }
    }
}

extension Snippet {
    /// Reads Xapian's snippet: HTML-escaped text with <b>…</b> around matches.
    init(xapianHTML html: String) {
        var segments: [SnippetSegment] = []
        var rest = Substring(html)
        while let open = rest.range(of: "<b>") {
            if open.lowerBound > rest.startIndex {
                segments.append(SnippetSegment(text: Self.unescape(rest[..<open.lowerBound]), isMatch: false))
            }
            rest = rest[open.upperBound...]
            let close = rest.range(of: "</b>") ?? (rest.endIndex..<rest.endIndex)
            segments.append(SnippetSegment(text: Self.unescape(rest[..<close.lowerBound]), isMatch: true))
            rest = rest[close.upperBound...]
        }
        if !rest.isEmpty { segments.append(SnippetSegment(text: Self.unescape(rest), isMatch: false)) }
        self.init(segments: segments)
    }

    private static func unescape(_ text: Substring) -> String {
        guard text.contains("&") else { return String(text) }
        return text.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }
}

/// Levenshtein distance, for suggesting facet values a user may have meant.
enum EditDistance {
    static func levenshtein(_ a: String, _ b: String) -> Int {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        if a.isEmpty { return b.count }
        if b.isEmpty { return a.count }
        var previous = Array(0...b.count)
        var current = Array(repeating: 0, count: b.count + 1)
        for i in 1...a.count {
            current[0] = i
            for j in 1...b.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return previous[b.count]
    }
}
