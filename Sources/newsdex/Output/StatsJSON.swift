// The JSON that `stats --format json` prints. Fields may be added, never renamed or removed,
// without a new format_version.
import Newsdex

struct StatsJSON: Encodable {
    static let formatVersion = 1

    let stats: IndexStats

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", path, documents, articles, captions, sources, persons
        case places, organizations, credits, languages, firstDate = "first_date", lastDate = "last_date"
        case sizeOnDisk = "size_on_disk", lastIndexed = "last_indexed", schemaVersion = "schema_version"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.formatVersion, forKey: .formatVersion)
        try c.encode(stats.path, forKey: .path)
        try c.encode(stats.documents, forKey: .documents)
        try c.encode(stats.articles, forKey: .articles)
        try c.encode(stats.captions, forKey: .captions)
        try c.encode(stats.sources, forKey: .sources)
        try c.encode(stats.persons, forKey: .persons)
        try c.encode(stats.places, forKey: .places)
        try c.encode(stats.organizations, forKey: .organizations)
        try c.encode(stats.credits, forKey: .credits)
        try c.encode(stats.languages, forKey: .languages)
        try c.encodeIfPresent(stats.firstDate, forKey: .firstDate)
        try c.encodeIfPresent(stats.lastDate, forKey: .lastDate)
        try c.encode(stats.sizeOnDisk, forKey: .sizeOnDisk)
        try c.encodeIfPresent(stats.lastIndexed, forKey: .lastIndexed)
        try c.encode(stats.schemaVersion, forKey: .schemaVersion)
    }
}
