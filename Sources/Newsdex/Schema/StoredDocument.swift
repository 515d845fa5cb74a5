// What each Xapian document keeps as its data: enough to show a hit, a caption or a whole
// article without going back to the corpus.
import Foundation
internal import Xapian

/// An entity as stored with a document and shown in results: name and type.
public struct EntityRef: Sendable, Hashable, Codable {
    public var name: String
    public var type: EntityType

    public init(name: String, type: EntityType) {
        self.name = name
        self.type = type
    }
}

/// The data of one document in the index, stored in a compact binary form (`StoredRecord`).
public struct StoredDocument: Sendable, Hashable, Codable {
    public var kind: DocumentKind
    /// The article id; for a caption, `ARTICLE#caption-N`.
    public var id: String
    public var title: String
    public var source: String
    public var date: String?
    public var authors: [String]
    public var url: String?
    public var path: String?
    /// The body of an article; empty for a caption.
    public var paragraphs: [String]
    /// An article's captions; for a caption document, that one caption.
    public var captions: [Caption]
    public var entities: [EntityRef]
    /// For a caption, the id of its article.
    public var article: String?
    /// An article's near-duplicate story cluster.
    public var story: String?
    /// When a crawler fetched the page, for an article read from a web archive.
    public var crawled: String? = nil
    /// Whether `date` is the crawl date, because the page gives no publication date; nil for
    /// documents indexed before it was recorded.
    public var dateIsCrawlDate: Bool? = nil
    /// The language the document was indexed in (a caption's may differ from its article's).
    public var language: Language? = nil

    enum CodingKeys: String, CodingKey {
        case kind, id, title, source, date, authors, url, path, paragraphs, captions, entities, article, story
        case crawled, dateIsCrawlDate = "date_is_crawl_date"
        case language
    }

    /// The article this document holds, for comparing copies of a story.
    public var asArticle: Article {
        Article(
            id: id, source: source, title: title, date: date, authors: authors, url: url,
            paragraphs: paragraphs, captions: captions, path: path, crawled: crawled,
            dateIsCrawlDate: dateIsCrawlDate ?? false)
    }

    /// The text snippets are cut from: the body of an article, the text of a caption.
    public var snippetSource: String {
        switch kind {
        case .article: return paragraphs.concatenated(separator: " ")
        case .caption: return captions.first?.text ?? ""
        }
    }

    /// The first `length` characters of `snippetSource`, joining only the paragraphs they
    /// need. The same characters: those before the last one joined are final (a character
    /// never reaches back across a later join), so once more than `length` are joined the rest
    /// cannot change them.
    func snippetSourcePrefix(_ length: Int) -> String {
        guard kind == .article else { return String(snippetSource.prefix(length)) }
        var text = ""
        for paragraph in paragraphs {
            if !text.isEmpty { text += " " }
            text += paragraph
            if text.utf8.count > length && text.count > length { break }
        }
        return String(text.prefix(length))
    }
}

/// A document whose stored data is not a stored document: its record in the index is damaged.
struct StoredDocumentError: Error, Sendable {
    /// The document, as "document N" (its Xapian id).
    var document: String
    /// Why it does not decode.
    var detail: String
}

extension StoredDocument {
    /// Reads the record the indexer stored in `document` (`StoredRecord`, in `Slot.record`;
    /// DocumentBuilder writes it). In an extension, so that the memberwise initializer stays.
    /// Without `body`, the paragraphs (last in the record, most of its bytes) are left empty:
    /// a hit that shows no snippet, or a copy listed under a hit, does not need them.
    /// - Throws: `StoredDocumentError` when the record is not a stored document; `XapianError`
    ///   when it cannot be read.
    init(of document: Document, body: Bool = true) throws {
        let bytes = try document.value(slot: Slot.record.number)
        do {
            try self.init(record: bytes, body: body)
        } catch {
            let id = (try? document.id).map { "document \($0)" } ?? "a document"
            throw StoredDocumentError(document: id, detail: Self.reason(error))
        }
    }

    /// Stores this document's record in `document`, where `init(of:body:)` reads it.
    func store(in document: Document) {
        document.setValue(record, slot: Slot.record.number)
    }

    /// What is wrong with undecodable data, in a few words.
    private static func reason(_ error: any Error) -> String {
        guard case .dataCorrupted(let context)? = error as? DecodingError else {
            return "its stored data cannot be read"
        }
        return "its stored data is damaged: \(context.debugDescription)"
    }

    /// The record of this document, as the indexer stores it.
    var record: [UInt8] {
        var out = StoredRecord.Writer()
        out.byte(StoredRecord.format)
        out.byte(kind == .article ? 0 : 1)
        out.string(id)
        out.string(title)
        out.string(source)
        out.optional(date)
        out.strings(authors)
        out.optional(url)
        out.optional(path)
        out.count(captions.count)
        for caption in captions {
            out.string(caption.text)
            out.optional(caption.credit)
        }
        out.count(entities.count)
        for entity in entities {
            out.string(entity.name)
            out.byte(UInt8(EntityType.allCases.firstIndex(of: entity.type)!))
        }
        out.optional(article)
        out.optional(story)
        out.optional(crawled)
        out.byte(dateIsCrawlDate.map { $0 ? 2 : 1 } ?? 0)
        out.optional(language?.code)
        // Last, so that what a hit shows is read first.
        out.strings(paragraphs)
        return out.bytes
    }

    /// Reads a record written by `record`; without `body`, all but its paragraphs.
    /// - Throws: `DecodingError.dataCorrupted` when `bytes` is not one.
    init(record bytes: [UInt8], body: Bool = true) throws {
        var reader = StoredRecord.Reader(bytes)
        guard try reader.byte() == StoredRecord.format else { throw StoredRecord.corrupt("unknown record format") }
        switch try reader.byte() {
        case 0: kind = .article
        case 1: kind = .caption
        default: throw StoredRecord.corrupt("unknown document kind")
        }
        id = try reader.string()
        title = try reader.string()
        source = try reader.string()
        date = try reader.optional()
        authors = try reader.strings()
        url = try reader.optional()
        path = try reader.optional()
        let captionCount = try reader.count()
        captions = []
        captions.reserveCapacity(captionCount)
        for _ in 0..<captionCount {
            captions.append(Caption(text: try reader.string(), credit: try reader.optional()))
        }
        let entityCount = try reader.count()
        entities = []
        entities.reserveCapacity(entityCount)
        for _ in 0..<entityCount {
            let name = try reader.string()
            let type = Int(try reader.byte())
            guard type < EntityType.allCases.count else { throw StoredRecord.corrupt("unknown entity type") }
            entities.append(EntityRef(name: name, type: EntityType.allCases[type]))
        }
        article = try reader.optional()
        story = try reader.optional()
        crawled = try reader.optional()
        switch try reader.byte() {
        case 0: dateIsCrawlDate = nil
        case 1: dateIsCrawlDate = false
        case 2: dateIsCrawlDate = true
        default: throw StoredRecord.corrupt("unknown crawl-date flag")
        }
        language = try reader.optional().map { Language(code: $0) ?? .undetermined }
        paragraphs = body ? try reader.strings() : []
    }
}

/// The stored form of a document: a format byte, then each field in a fixed order, strings as
/// a length (LEB128) and UTF-8 bytes, an optional string as its length plus one (0 for none), a
/// list as its count and elements. Reading it costs a copy per string, where JSON cost a parse
/// of the whole record per hit (bench/RESULTS.md, issue 16).
enum StoredRecord {
    static let format: UInt8 = 1

    static func corrupt(_ what: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: what))
    }

    struct Writer {
        var bytes: [UInt8] = []

        mutating func byte(_ value: UInt8) { bytes.append(value) }

        mutating func count(_ value: Int) {
            var rest = UInt(value)
            while rest >= 0x80 {
                bytes.append(UInt8(rest & 0x7F) | 0x80)
                rest >>= 7
            }
            bytes.append(UInt8(rest))
        }

        mutating func string(_ value: String) {
            count(value.utf8.count)
            bytes.append(contentsOf: value.utf8)
        }

        mutating func optional(_ value: String?) {
            guard let value else { return count(0) }
            count(value.utf8.count + 1)
            bytes.append(contentsOf: value.utf8)
        }

        mutating func strings(_ values: [String]) {
            count(values.count)
            for value in values { string(value) }
        }
    }

    struct Reader {
        let bytes: [UInt8]
        var offset = 0

        init(_ bytes: [UInt8]) { self.bytes = bytes }

        mutating func byte() throws -> UInt8 {
            guard offset < bytes.count else { throw StoredRecord.corrupt("record ends early") }
            defer { offset += 1 }
            return bytes[offset]
        }

        mutating func count() throws -> Int {
            var value = 0
            var shift = 0
            while true {
                let next = try byte()
                value |= Int(next & 0x7F) << shift
                if next < 0x80 { break }
                shift += 7
                guard shift < 56 else { throw StoredRecord.corrupt("length too long") }
            }
            return value
        }

        mutating func string() throws -> String { try text(length: count()) }

        mutating func optional() throws -> String? {
            let length = try count()
            return length == 0 ? nil : try text(length: length - 1)
        }

        mutating func strings() throws -> [String] {
            let n = try count()
            guard n <= bytes.count - offset else { throw StoredRecord.corrupt("list longer than the record") }
            var values: [String] = []
            values.reserveCapacity(n)
            for _ in 0..<n { values.append(try string()) }
            return values
        }

        private mutating func text(length: Int) throws -> String {
            guard length <= bytes.count - offset else { throw StoredRecord.corrupt("string longer than the record") }
            defer { offset += length }
            return String(decoding: bytes[offset..<offset + length], as: UTF8.self)
        }
    }
}
