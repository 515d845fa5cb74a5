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

/// The data of one document in the index, stored as JSON.
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
        case .article: return paragraphs.joined(separator: " ")
        case .caption: return captions.first?.text ?? ""
        }
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
    /// Reads the data the indexer stored in `document` (JSON; DocumentBuilder writes it). In an
    /// extension, so that the memberwise initializer stays.
    /// - Throws: `StoredDocumentError` when the data is not a stored document; `XapianError`
    ///   when it cannot be read.
    init(of document: Document) throws {
        let bytes = try document.dataBytes
        do {
            self = try JSONDecoder().decode(StoredDocument.self, from: Data(bytes))
        } catch {
            let id = (try? document.id).map { "document \($0)" } ?? "a document"
            throw StoredDocumentError(document: id, detail: Self.reason(error))
        }
    }

    /// What is wrong with undecodable data, in a few words rather than DecodingError's dump.
    private static func reason(_ error: any Error) -> String {
        switch error as? DecodingError {
        case .dataCorrupted?: return "its stored data is not valid JSON"
        case .keyNotFound(let key, _)?: return "its stored data has no \(key.stringValue)"
        case .typeMismatch(_, let context)?, .valueNotFound(_, let context)?:
            return "its stored data has a wrong \(context.codingPath.map(\.stringValue).joined(separator: "."))"
        default: return "its stored data cannot be read"
        }
    }
}
