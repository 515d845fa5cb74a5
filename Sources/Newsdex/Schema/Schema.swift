// The index schema: every field newsdex indexes, its name in queries, its term prefix, and its
// value slot. This list is the only place that knows them; the README's table is checked
// against it by SchemaTests.
import Foundation
internal import Xapian

/// How a field is indexed.
public enum FieldIndexing: String, Sendable, Codable {
    /// Free text: tokenized, stemmed, with positions, so words and phrases match.
    case freeText = "free text"
    /// Boolean: one exact term per value, lowercased, for filters and facets; no effect on ranking.
    case boolean
}

/// One field of the schema.
public struct Field: Sendable, Hashable {
    /// The name a user types in a query (`source:AFP`), or nil for a field not exposed by name.
    public let queryName: String?
    /// The Xapian term prefix, following Omega's conventions: Q unique id, S title, A author,
    /// D/M/Y dates, X… our own.
    public let prefix: String
    public let indexing: FieldIndexing
    /// The value slot holding the field for sorting or faceting, if any.
    public let slot: Slot?
    /// Which documents carry it.
    public let kinds: Set<DocumentKind>
    public let summary: String
}

/// A name in queries that matches a value in any of several boolean fields.
public struct QueryAlias: Sendable, Hashable {
    public let name: String
    public let fields: [Field]
}

/// Kinds of document in the index.
public enum DocumentKind: String, Sendable, Hashable, Codable, CaseIterable {
    case article
    case caption
}

/// The value slots. Multi-valued facets (entities, credits) take a run of slots, one value per
/// slot, so that Xapian's built-in ValueCountMatchSpy can count them exactly, also on remote
/// shards, where no custom match spy can run.
public enum Slot: Sendable, Hashable, CustomStringConvertible {
    /// YYYYMMDD, for date ranges.
    case date
    /// YYYY-MM-DDTHH:MM (or the date alone), for sorting newest or oldest first.
    case sortableDate
    case source
    case kind
    case year
    /// The near-duplicate story cluster, Xapian's collapse key.
    case story
    /// The article id and story fingerprint (MinHash), to compare a new article with indexed ones.
    case storyFingerprint
    /// The document's language (ISO 639-1, or "und").
    case language
    /// Every facet value of the document (those of the single-valued facets' slots and of the
    /// multi-valued facets' runs) and its story, packed in one value (`FacetValuesPacking`), so
    /// that a local search counts them all with one read per document.
    case facetValues
    /// The document's stored record (`StoredRecord`): what a hit, a caption or `show` displays.
    /// In a value, which Xapian keeps as it is given, rather than in the document's data, which
    /// it compresses: inflating the data was a fifth of a search without snippets (issue 16,
    /// bench/RESULTS.md).
    case record
    /// The n-th value of a multi-valued facet.
    case credit(Int)
    case person(Int)
    case place(Int)
    case organization(Int)

    /// How many slots each multi-valued facet may use. A document with more values keeps the
    /// rest as boolean terms (still filterable); the indexer records the highest slot used so
    /// searches count only slots that hold something.
    public static let multiValueCapacity = 64

    /// The Xapian value slot (internal: Xapian types stay out of the public API).
    var number: ValueSlot {
        switch self {
        case .date: return 0
        case .sortableDate: return 1
        case .source: return 2
        case .kind: return 3
        case .year: return 4
        case .story: return 5
        case .storyFingerprint: return 6
        case .language: return 7
        case .facetValues: return 8
        case .record: return 9
        case .credit(let i): return 100 + ValueSlot(i)
        case .person(let i): return 200 + ValueSlot(i)
        case .place(let i): return 300 + ValueSlot(i)
        case .organization(let i): return 400 + ValueSlot(i)
        }
    }

    public var description: String {
        switch self {
        case .date: return "0"
        case .sortableDate: return "1"
        case .source: return "2"
        case .kind: return "3"
        case .year: return "4"
        case .story: return "5"
        case .storyFingerprint: return "6"
        case .language: return "7"
        case .facetValues: return "8"
        case .record: return "9"
        case .credit: return "100–163"
        case .person: return "200–263"
        case .place: return "300–363"
        case .organization: return "400–463"
        }
    }
}

public enum Schema {
    /// Bumped whenever a change to the schema (this folder) changes what is in the index; kept in
    /// every index under `IndexMetadata.schemaVersion`.
    /// 3: languages (the `L` field, each language's stemmer); 4: free text is indexed with
    /// possessive endings dropped (`Schema.foldText`); 5: documents stored as `StoredRecord`
    /// rather than JSON, and the multi-valued facets' values packed in slot 8 as well; 6: every
    /// facet's values and the story packed in slot 8 (one read per match for all facets); 7: the
    /// stored record in slot 9 rather than in the document data, which Xapian compresses; 8: a
    /// caption document's words under the caption field's prefix only (`onlyArticlesHold`).
    public static let version = "8"

    public static let uniqueID = Field(
        queryName: nil, prefix: "Q", indexing: .boolean, slot: nil, kinds: [.article, .caption],
        summary: "unique id: the article id; a caption's is `ID#caption-N`")
    public static let title = Field(
        queryName: "title", prefix: "S", indexing: .freeText, slot: nil, kinds: [.article],
        summary: "the headline (also searchable without a prefix)")
    public static let author = Field(
        queryName: "author", prefix: "A", indexing: .freeText, slot: nil, kinds: [.article],
        summary: "byline names")
    public static let day = Field(
        queryName: nil, prefix: "D", indexing: .boolean, slot: .date, kinds: [.article, .caption],
        summary: "publication day, YYYYMMDD; `date:A..B` ranges use the slot")
    public static let month = Field(
        queryName: nil, prefix: "M", indexing: .boolean, slot: nil, kinds: [.article, .caption],
        summary: "publication month, YYYYMM")
    public static let year = Field(
        queryName: "year", prefix: "Y", indexing: .boolean, slot: .year, kinds: [.article, .caption],
        summary: "publication year, YYYY; faceted")
    public static let source = Field(
        queryName: "source", prefix: "XSOURCE", indexing: .boolean, slot: .source,
        kinds: [.article, .caption], summary: "the outlet (corpus folder or explicit); faceted")
    public static let kind = Field(
        queryName: "kind", prefix: "XKIND", indexing: .boolean, slot: .kind, kinds: [.article, .caption],
        summary: "`article` or `caption`")
    public static let language = Field(
        queryName: "lang", prefix: "L", indexing: .boolean, slot: .language, kinds: [.article, .caption],
        summary: "the language, ISO 639-1 (`und` when undetermined): stated by the input, else detected; it chooses the stemmer; faceted")
    public static let captionText = Field(
        queryName: "caption", prefix: "XCAPTION", indexing: .freeText, slot: nil,
        kinds: [.article, .caption],
        summary: "image caption text; an article's also searchable without a prefix, a picture's only under this one")
    public static let credit = Field(
        queryName: "credit", prefix: "XCREDIT", indexing: .boolean, slot: .credit(0),
        kinds: [.article, .caption], summary: "photo credit; faceted")
    public static let person = Field(
        queryName: "person", prefix: "XPERSON", indexing: .boolean, slot: .person(0),
        kinds: [.article, .caption], summary: "a person named, canonical name; faceted")
    public static let place = Field(
        queryName: "place", prefix: "XPLACE", indexing: .boolean, slot: .place(0),
        kinds: [.article, .caption], summary: "a place named, canonical name; faceted")
    public static let organization = Field(
        queryName: "org", prefix: "XORG", indexing: .boolean, slot: .organization(0),
        kinds: [.article, .caption], summary: "an organization named, canonical name; faceted")
    public static let article = Field(
        queryName: nil, prefix: "XARTICLE", indexing: .boolean, slot: nil, kinds: [.caption],
        summary: "a caption's article id")
    public static let file = Field(
        queryName: nil, prefix: "XFILE", indexing: .boolean, slot: nil, kinds: [.article, .caption],
        summary: "the corpus file a document came from, for incremental updates")

    public static let story = Field(
        queryName: "story", prefix: "XSTORY", indexing: .boolean, slot: .story, kinds: [.article],
        summary: "the near-duplicate story cluster; Xapian's collapse key where a story has several articles")
    public static let bodyHash = Field(
        queryName: nil, prefix: "XBODY", indexing: .boolean, slot: .storyFingerprint, kinds: [.article],
        summary: "hash of the normalized body, to report exact duplicates; the slot keeps the id and MinHash fingerprint, to find copies")

    /// Every field, in the order of the README's table.
    public static let fields: [Field] = [
        uniqueID, title, author, day, month, year, source, kind, language, captionText, credit,
        person, place, organization, article, file, story, bodyHash,
    ]

    /// `entity:` (and `--entity`): a value of any of the three entity fields.
    public static let entity = QueryAlias(name: "entity", fields: [person, place, organization])

    /// Names in queries that span several fields.
    public static let queryAliases: [QueryAlias] = [entity]

    /// `date:A..B` in queries: a range over the day slot (the day's terms have no query name).
    public static let dateRangeQueryName = "date"

    /// The field a query name such as `person` refers to.
    public static func field(named name: String) -> Field? {
        fields.first { $0.queryName == name }
    }

    /// The entity field for an entity type.
    public static func field(for type: EntityType) -> Field {
        switch type {
        case .person: return person
        case .place: return place
        case .organization: return organization
        }
    }

    /// The boolean term for a value of a boolean field. Values are lowercased, so filters ignore
    /// case, and never start with a capital, so Omega's ':' separator is never needed. A value
    /// too long for a Xapian term is shortened as `identifierTerm` shortens one (a source or a
    /// credit of any length can be indexed, and filtered by).
    public static func term(_ field: Field, _ value: String) -> String {
        identifierTerm(prefix: field.prefix, normalizedValue(value))
    }
}

extension Schema {
    /// Whether `term` is one only articles hold: a word of an article's text, which has no
    /// prefix (a caption document holds its words under `captionText`'s prefix alone), or a
    /// term of a field only articles have (`title:`, `author:`, the story); each also in its
    /// stemmed form, "Z" before the prefix. A query that matches nothing but such terms
    /// matches articles alone, with no filter by kind.
    static func onlyArticlesHold(term: String) -> Bool {
        var rest = Substring(term)
        if rest.first == "Z" { rest = rest.dropFirst() }
        guard let first = rest.utf8.first else { return false }
        // Prefixes are capitals (Omega's convention); a word is lowercased when it is indexed.
        guard isCapital(first) else { return true }
        return articleOnlyPrefixes.contains { prefix in
            rest.hasPrefix(prefix) && rest.utf8.dropFirst(prefix.utf8.count).first.map(isCapital) != true
        }
    }

    private static let articleOnlyPrefixes = fields.filter { $0.kinds == [.article] }.map(\.prefix)

    private static func isCapital(_ byte: UInt8) -> Bool { (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte) }
}

extension Schema {
    /// Xapian refuses terms longer than 245 bytes; identifiers longer than this are shortened.
    static let maxIdentifierTermBytes = 240

    /// The term for an identifier (an id or a path): exact, case kept. One too long for Xapian
    /// keeps its start and a hash of the whole, so it stays unique.
    public static func identifierTerm(_ field: Field, _ value: String) -> String {
        identifierTerm(prefix: field.prefix, value)
    }

    /// An identifier after any prefix, shortened as `identifierTerm(_:_:)` says; also the form of
    /// metadata keys named by a path.
    static func identifierTerm(prefix: String, _ value: String) -> String {
        guard prefix.utf8.count + value.utf8.count > maxIdentifierTermBytes else { return prefix + value }
        let digest = ContentHash(bytes: Array(value.utf8)).hex
        // The longest start of whole characters that fits, found in one pass (an id of a
        // megabyte was once shortened a character at a time, recounting it each time).
        let budget = maxIdentifierTermBytes - prefix.utf8.count - 1 - digest.utf8.count
        var used = 0
        var end = value.startIndex
        for character in value {
            let size = character.utf8.count
            if used + size > budget { break }
            used += size
            end = value.index(after: end)
        }
        return prefix + value[..<end] + "#" + digest
    }
}

extension Schema {
    /// The schema as the README's Markdown table; SchemaTests checks the README against it.
    public static func markdownTable() -> String {
        var lines = [
            "| query name | prefix | indexed as | value slot | documents | what |",
            "|---|---|---|---|---|---|",
        ]
        for field in fields {
            let name = field.queryName.map { "`\($0):`" } ?? "—"
            let slot = field.slot.map { "\($0)" } ?? "—"
            let kinds = DocumentKind.allCases.filter(field.kinds.contains).map(\.rawValue).joined(separator: ", ")
            lines.append(
                "| \(name) | `\(field.prefix)` | \(field.indexing.rawValue) | \(slot) | \(kinds) | \(field.summary) |")
        }
        lines += [
            "",
            "Value slots: \(Slot.date) the day (YYYYMMDD, for `date:` ranges), \(Slot.sortableDate) the date and time "
                + "(for `--sort newest|oldest`), \(Slot.source) source, \(Slot.kind) kind, \(Slot.year) year, "
                + "\(Slot.story) story (of several articles), \(Slot.storyFingerprint) story fingerprint, "
                + "\(Slot.language) language, "
                + "\(Slot.facetValues) every facet value and the story, packed, "
                + "\(Slot.record) the stored document (what a hit shows, and the body snippets come from); "
                + "multi-valued facets also keep their n-th value in the n-th slot of their run.",
        ]
        return lines.joined(separator: "\n")
    }
}
