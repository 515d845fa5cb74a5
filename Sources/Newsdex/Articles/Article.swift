// The article model that every reader produces and the indexer consumes.

/// One news article, as read from a file in the corpus.
public struct Article: Sendable, Hashable, Codable {
    /// A stable identifier: the explicit id when the input gives one, otherwise the path relative
    /// to the corpus root (the same on every machine). At most `maxIDBytes`.
    public var id: String

    /// The longest id, in UTF-8 bytes: an explicit id (JSON Lines, front matter) or a path under
    /// the corpus. A longer one is a rejection naming the file (and line); `show` refuses one
    /// (exit 2) without searching. The README documents it.
    public static let maxIDBytes = 1024
    /// The outlet: an explicit field, else the first folder under the corpus root, else "unknown".
    public var source: String
    public var title: String
    /// The publication date in ISO 8601: "2024-10-18", or "2024-10-18T14:30" when the time is known.
    public var date: String?
    public var authors: [String]
    public var url: String?
    /// The body, one element per paragraph, without captions, credits or site boilerplate.
    public var paragraphs: [String]
    /// The image captions, each with its photo credit.
    public var captions: [Caption]
    public var tags: [String]
    /// The file it came from, relative to the corpus root; for JSON Lines, the .jsonl file; for a
    /// web archive, the .warc or .warc.gz file.
    public var path: String?
    /// When a crawler fetched the page (WARC-Date, "2024-10-18T14:30"), for an article read from
    /// a web archive.
    public var crawled: String?
    /// Whether `date` is the crawl date, because the page gives no publication date.
    public var dateIsCrawlDate = false
    /// The language the input states (front matter or JSON Lines `language`/`lang`, an HTML
    /// page's `<html lang>`, og:locale or JSON-LD inLanguage); nil when it states none, and the
    /// indexer then detects it. A stated language wins over a guess.
    public var language: Language? = nil
    /// Whether `language` is what a web page's markup states (`<html lang>`, og:locale, …).
    /// Site templates state the site's language on every page, and on real pages were wrong for
    /// 7 of 148 (an English story under `lang="de"`), so a sure reading of enough of the text
    /// wins over it; a statement in front matter or JSON Lines is the archivist's, and always wins.
    public var languageIsFromPageMarkup = false

    public init(
        id: String, source: String, title: String, date: String? = nil, authors: [String] = [],
        url: String? = nil, paragraphs: [String] = [], captions: [Caption] = [], tags: [String] = [],
        path: String? = nil, crawled: String? = nil, dateIsCrawlDate: Bool = false
    ) {
        self.id = id
        self.source = source
        self.title = title
        self.date = date
        self.authors = authors
        self.url = url
        self.paragraphs = paragraphs
        self.captions = captions
        self.tags = tags
        self.path = path
        self.crawled = crawled
        self.dateIsCrawlDate = dateIsCrawlDate
    }

    enum CodingKeys: String, CodingKey {
        case id, source, title, date, authors, url, paragraphs, captions, tags, path, language, crawled
        case dateIsCrawlDate = "date_is_crawl_date"
    }

    /// The body as one text, paragraphs separated by blank lines.
    public var body: String { paragraphs.joined(separator: "\n\n") }
}

/// An image caption and the credit of its photo ("Alamy", "AFP", "South Korea's National
/// Intelligence Service").
public struct Caption: Sendable, Hashable, Codable {
    public var text: String
    public var credit: String?

    public init(text: String, credit: String? = nil) {
        self.text = text
        self.credit = credit
    }
}
