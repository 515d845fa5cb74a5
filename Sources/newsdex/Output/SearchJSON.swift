// The JSON that `search --format json|jsonl` prints. Its shape is documented in the README and
// kept stable: fields are added, never renamed or removed, without a new format_version.
import Newsdex

struct SearchJSON: Encodable {
    static let formatVersion = 1

    struct Hit: Encodable {
        var id: String
        var kind: String
        var rank: Int
        var score: Double
        var title: String
        var source: String
        var date: String?
        var authors: [String]
        var path: String?
        var url: String?
        var snippet: String
        var highlights: [String]
        var captions: [CaptionJSON]
        var entities: [EntityRef]
        var article: String?
        var story: String?
        var copies: [String]
        var copyCount: Int
        var language: String

        init(_ hit: SearchHit) {
            id = hit.id
            kind = hit.kind.rawValue
            rank = hit.rank
            score = (hit.score * 10000).rounded() / 10000
            title = hit.title
            source = hit.source
            date = hit.date
            authors = hit.authors
            path = hit.path
            url = hit.url
            snippet = hit.snippet.text
            highlights = hit.snippet.matches
            captions = hit.captions.map { CaptionJSON(text: $0.caption.text, credit: $0.caption.credit) }
            entities = hit.entities
            article = hit.article
            story = hit.story
            copies = hit.copies.map(\.id)
            copyCount = hit.copyCount
            language = hit.language.code
        }

        enum CodingKeys: String, CodingKey {
            case id, kind, rank, score, title, source, date, authors, path, url, snippet, highlights
            case captions, entities, article, story, copies, copyCount = "copy_count", language
        }

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(id, forKey: .id)
            try c.encode(kind, forKey: .kind)
            try c.encode(rank, forKey: .rank)
            try c.encode(score, forKey: .score)
            try c.encode(title, forKey: .title)
            try c.encode(source, forKey: .source)
            try c.encode(date, forKey: .date)  // null when unknown, never missing
            try c.encode(authors, forKey: .authors)
            try c.encode(path, forKey: .path)
            try c.encode(url, forKey: .url)
            try c.encode(snippet, forKey: .snippet)
            try c.encode(highlights, forKey: .highlights)
            try c.encode(captions, forKey: .captions)
            try c.encode(entities, forKey: .entities)
            try c.encode(article, forKey: .article)
            try c.encode(story, forKey: .story)
            try c.encode(copies, forKey: .copies)
            try c.encode(copyCount, forKey: .copyCount)
            try c.encode(language, forKey: .language)
        }
    }

    struct CaptionJSON: Encodable {
        var text: String
        var credit: String?

        func encode(to encoder: any Encoder) throws {
            var c = encoder.container(keyedBy: CodingKeys.self)
            try c.encode(text, forKey: .text)
            try c.encode(credit, forKey: .credit)
        }

        enum CodingKeys: String, CodingKey { case text, credit }
    }

    var formatVersion = formatVersion
    var query: String
    var correctedQuery: String?
    var total: Int
    var totalIsExact: Bool
    /// Xapian's bounds on the total; both equal it when it is exact.
    var totalLowerBound: Int
    var totalUpperBound: Int
    var offset: Int
    var limit: Int
    var results: [Hit]
    var facets: [String: [FacetValue]]
    var suggestion: String?

    init(_ response: SearchResponse) {
        query = response.query
        correctedQuery = response.correctedQuery
        total = response.total
        totalIsExact = response.totalIsExact
        totalLowerBound = response.totalBounds.lowerBound
        totalUpperBound = response.totalBounds.upperBound
        offset = response.offset
        limit = response.limit
        results = response.hits.map(Hit.init)
        facets = Dictionary(uniqueKeysWithValues: response.facets.map { ($0.facet.rawValue, $0.values) })
        suggestion = response.suggestion
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", query, correctedQuery = "corrected_query", total
        case totalIsExact = "total_is_exact", totalLowerBound = "total_lower_bound"
        case totalUpperBound = "total_upper_bound", offset, limit, results, facets, suggestion
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(formatVersion, forKey: .formatVersion)
        try c.encode(query, forKey: .query)
        try c.encode(correctedQuery, forKey: .correctedQuery)
        try c.encode(total, forKey: .total)
        try c.encode(totalIsExact, forKey: .totalIsExact)
        try c.encode(totalLowerBound, forKey: .totalLowerBound)
        try c.encode(totalUpperBound, forKey: .totalUpperBound)
        try c.encode(offset, forKey: .offset)
        try c.encode(limit, forKey: .limit)
        try c.encode(results, forKey: .results)
        try c.encode(facets, forKey: .facets)
        try c.encode(suggestion, forKey: .suggestion)
    }
}
