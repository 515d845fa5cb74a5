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

extension StoredDocument {
    /// Reads the data the indexer stored in `document` (JSON; DocumentBuilder writes it). In an
    /// extension, so that the memberwise initializer stays.
    /// - Throws: `DecodingError` when the data is not a stored document.
    init(of document: Document) throws {
        self = try JSONDecoder().decode(StoredDocument.self, from: Data(document.dataBytes))
    }
}
