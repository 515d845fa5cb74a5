// What reading one file gives: its articles, and for bad input a reason naming the file.

/// The articles read from one file (several for JSON Lines and web archives), the parts
/// rejected, the warnings, and the web archive records skipped.
public struct ReadResult: Sendable, Hashable {
    public var articles: [Article]
    public var rejections: [Rejection]
    public var warnings: [ReadWarning]
    /// Web archive records that are not articles, counted by kind ("request", "revisit",
    /// "non-HTML response", …).
    public var skipped: [String: Int]

    public init(
        articles: [Article] = [], rejections: [Rejection] = [], warnings: [ReadWarning] = [],
        skipped: [String: Int] = [:]
    ) {
        self.articles = articles
        self.rejections = rejections
        self.warnings = warnings
        self.skipped = skipped
    }
}

/// A file, one line of a JSON Lines file, or one record of a web archive that could not be read
/// as an article. The rest of the corpus is still read.
public struct Rejection: Error, Sendable, Hashable, Codable, CustomStringConvertible {
    /// The file, relative to the corpus root ("AFP/x.jsonl").
    public var path: String
    /// The 1-based line, for a JSON Lines record.
    public var line: Int?
    /// The byte offset of the record in the file, for a web archive record.
    public var offset: Int?
    public var reason: String

    public init(path: String, line: Int? = nil, offset: Int? = nil, reason: String) {
        self.path = path
        self.line = line
        self.offset = offset
        self.reason = reason
    }

    /// "AFP/x.jsonl:3: malformed JSON: …", "crawl.warc.gz: record at byte 8192: truncated …"
    public var description: String { location(path, line, offset) + reason }
}

/// Something read with a guess the user may want to know about (an encoding fallback, a date
/// that could not be read); the article is kept.
public struct ReadWarning: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    /// The byte offset of the record in the file, for a web archive record.
    public var offset: Int?
    public var message: String

    public init(path: String, line: Int? = nil, offset: Int? = nil, message: String) {
        self.path = path
        self.line = line
        self.offset = offset
        self.message = message
    }

    public var description: String { location(path, line, offset) + message }
}

private func location(_ path: String, _ line: Int?, _ offset: Int?) -> String {
    var place = line.map { "\(path):\($0): " } ?? "\(path): "
    if let offset { place += "record at byte \(offset): " }
    return place
}
