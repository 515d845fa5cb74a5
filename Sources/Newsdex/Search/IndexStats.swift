// `stats`: what is in an index.
import Foundation
internal import Xapian

public struct IndexStats: Sendable {
    public var path: String
    public var documents: Int
    public var articles: Int
    public var captions: Int
    /// Articles per source, most first.
    public var sources: [FacetValue]
    /// Articles per entity, the top ones of each type.
    public var persons: [FacetValue]
    public var places: [FacetValue]
    public var organizations: [FacetValue]
    /// Pictures per credit.
    public var credits: [FacetValue]
    /// Articles per language.
    public var languages: [FacetValue]
    /// The earliest and latest publication days, YYYY-MM-DD.
    public var firstDate: String?
    public var lastDate: String?
    public var sizeOnDisk: Int
    public var lastIndexed: String?
    public var schemaVersion: String

    /// Reads the statistics of the index at `path`.
    /// - Throws: `IndexError` when it cannot be opened.
    public static func read(database path: String, top: Int = 10) throws -> IndexStats {
        let searcher = try Searcher(path: path)
        let database = searcher.database
        let facets = try searcher.search(SearchRequest(
            filters: FacetFilters(), kind: .article, limit: 0, facets: true, facetLimit: top))
        func facet(_ f: Facet) -> [FacetValue] { facets.facets.first { $0.facet == f }?.values ?? [] }
        let pictures = try searcher.search(SearchRequest(
            kind: .caption, limit: 0, facets: true, facetLimit: top))
        func iso(_ term: String?) -> String? {
            guard let term, term.count == Schema.day.prefix.count + 8 else { return nil }
            let d = Array(term.dropFirst(Schema.day.prefix.count))
            return "\(String(d[0..<4]))-\(String(d[4..<6]))-\(String(d[6..<8]))"
        }
        return try searcher.reading {
            let days = try database.allTerms(prefix: Schema.day.prefix).map(\.term)
            let indexedAt = try database.metadata(IndexMetadata.indexedAt)
            return IndexStats(
                path: path, documents: try database.documentCount,
                articles: try database.termFrequency(Schema.term(Schema.kind, "article")),
                captions: try database.termFrequency(Schema.term(Schema.kind, "caption")),
                sources: facet(.source), persons: facet(.person), places: facet(.place),
                organizations: facet(.organization),
                credits: pictures.facets.first { $0.facet == .credit }?.values ?? [],
                languages: facet(.language),
                firstDate: iso(days.first { $0.count == Schema.day.prefix.count + 8 }),
                lastDate: iso(days.last { $0.count == Schema.day.prefix.count + 8 }),
                sizeOnDisk: diskUsage(of: URL(fileURLWithPath: path)),
                lastIndexed: indexedAt.isEmpty ? nil : indexedAt,
                schemaVersion: try database.metadata(IndexMetadata.schemaVersion))
        }
    }

    /// Bytes of the files under `url` that the current index uses: for an index directory, its
    /// current generation.
    static func diskUsage(of url: URL) -> Int {
        let directory = IndexDirectory(url: url)
        return Int(IndexDirectory.bytes(under: directory.currentGeneration().map(directory.generationURL) ?? url))
    }
}
