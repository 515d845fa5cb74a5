// The entry point from files to articles: finds the article files of a corpus, reads each one,
// picks its parser by extension and turns every kind of bad input into a Rejection.
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads article files: plain text copied from news sites (`.txt`), front matter over text or
/// Markdown (`.txt`, `.md`), JSON Lines (`.jsonl`), saved web pages (`.html`, `.htm`) and web
/// archives (`.warc`, `.warc.gz`). It never throws and never crashes on bad
/// input: what it cannot read comes back as a `Rejection` naming the file (and line).
public struct ArticleReader: Sendable {
    public struct Options: Sendable {
        /// Files larger than this many bytes are rejected unread.
        public var maxFileSize: Int = 16 << 20

        public init(maxFileSize: Int = 16 << 20) {
            self.maxFileSize = maxFileSize
        }
    }

    public var options: Options

    public init(options: Options = .init()) {
        self.options = options
    }

    /// The extensions read as articles, lower case (and web archives: `.warc`, `.warc.gz`).
    public static let articleExtensions: Set<String> = ["txt", "md", "markdown", "jsonl", "html", "htm", "warc"]

    /// Whether a path names a file the reader reads, by its name.
    public static func isArticleFile(_ path: String) -> Bool {
        articleExtensions.contains(fileExtension(of: path)) || WebArchiveReader.isWebArchive(path)
    }

    /// The extensions of saved web pages, lower case.
    public static let pageExtensions: Set<String> = ["html", "htm"]

    // MARK: - Reading

    /// Parses one file's bytes. `relativePath` is the path under the corpus root, e.g. "AFP/x.txt"
    /// (used for id, source, format by extension).
    public func read(bytes: [UInt8], relativePath: String) -> ReadResult {
        let path = Self.normalizedRelativePath(relativePath)
        guard !path.isEmpty else {
            // A caller's mistake, but ids must never be empty.
            return read(bytes: bytes, relativePath: "(unnamed)")
        }
        func rejected(_ reason: String) -> ReadResult {
            ReadResult(rejections: [Rejection(path: path, reason: reason)])
        }
        if WebArchiveReader.isWebArchive(path) {
            let source = Self.folderSource(of: path)
            return WebArchiveReader.readAll(
                source: MemoryByteSource(bytes), path: path, folderSource: source == "unknown" ? nil : source,
                maxRecordSize: options.maxFileSize)
        }
        if bytes.count > options.maxFileSize {
            return rejected(Self.tooLargeReason(bytes.count, options.maxFileSize))
        }
        if TextDecoding.isBinary(bytes) { return rejected("binary file (contains NUL bytes)") }
        if Self.pageExtensions.contains(Self.fileExtension(of: path)) {
            if bytes.allSatisfy({ [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20].contains($0) }) { return rejected("empty file") }
            let source = Self.folderSource(of: path)
            return HTMLReader.read(bytes, context: PageContext(
                id: path, path: path, folderSource: source == "unknown" ? nil : source))
        }
        let (text, isWindows1252) = TextDecoding.decode(bytes)
        if TextDecoding.isBlank(text) { return rejected("empty file") }

        var result = ReadResult()
        if isWindows1252 {
            result.warnings.append(ReadWarning(
                path: path, message: "not valid UTF-8; decoded as Windows-1252"))
        }
        let lines = splitLines(text)
        switch Self.fileExtension(of: path) {
        case "jsonl":
            JSONLinesParser.parse(lines, relativePath: path, into: &result)
        case "md", "markdown":
            readText(lines, markdown: true, path: path, into: &result)
        default:
            readText(lines, markdown: false, path: path, into: &result)
        }
        // An id from front matter, or a path, longer than any id may be (JSON Lines checks its
        // own, naming the line).
        result.articles.removeAll { article in
            let bytes = article.id.utf8.count
            guard bytes > Article.maxIDBytes else { return false }
            result.rejections.append(Rejection(
                path: path, reason: "the id is \(bytes) bytes long; an id is at most \(Article.maxIDBytes) bytes"))
            return true
        }
        return result
    }

    /// Reads the file from disk (handles unreadable / too large) then parses it. Its relative path
    /// is its path under `corpusRoot` when it is inside it, else its file name.
    public func read(fileAt url: URL, corpusRoot: URL?) -> ReadResult {
        read(fileAt: url, relativePath: Self.relativePath(of: url, under: corpusRoot))
    }

    /// Reads a file found by `articleFiles(under:)`.
    public func read(_ file: CorpusFile) -> ReadResult {
        read(fileAt: file.url, relativePath: file.relativePath)
    }

    /// A file's bytes, with the size and modification time (nanoseconds) they were read at.
    public struct LoadedFile: Sendable {
        public var bytes: [UInt8]
        public var size: Int
        public var modified: Int64
    }

    /// Reads the file at `url`, naming it `relativePath` in the articles and rejections. A web
    /// archive is read as it streams, whatever its size (its records, not the file, have the
    /// size limit).
    public func read(fileAt url: URL, relativePath: String) -> ReadResult {
        if WebArchiveReader.isWebArchive(relativePath) {
            let path = Self.normalizedRelativePath(relativePath)
            let source = Self.folderSource(of: path)
            do {
                return WebArchiveReader.readAll(
                    source: try FileByteSource(path: url.path), path: path,
                    folderSource: source == "unknown" ? nil : source, maxRecordSize: options.maxFileSize)
            } catch {
                return ReadResult(rejections: [Rejection(path: path, reason: (error as? ByteSourceError)?.message ?? "\(error)")])
            }
        }
        switch load(fileAt: url, relativePath: relativePath) {
        case .success(let file):
            return read(bytes: file.bytes, relativePath: relativePath)
        case .failure(let rejection):
            return ReadResult(rejections: [rejection])
        }
    }

    /// The file's bytes and the size and time they were read at, or why it cannot be read (a
    /// file over the size limit is refused before it is read). The indexer hashes the bytes
    /// before parsing them with `read(bytes:relativePath:)`.
    public func load(fileAt url: URL, relativePath: String) -> Result<LoadedFile, Rejection> {
        readBytes(url).mapError { Rejection(path: Self.normalizedRelativePath(relativePath), reason: $0.text) }
    }

    /// The file's bytes, checking the size before reading so a huge file costs nothing, and
    /// opening only a regular file, without blocking (see `RegularFile`).
    private func readBytes(_ url: URL) -> Result<LoadedFile, RejectionReason> {
        switch RegularFile.read(url.path, maxBytes: options.maxFileSize) {
        case .success(let contents):
            return .success(LoadedFile(bytes: contents.bytes, size: contents.size, modified: contents.modified))
        case .failure(.notRegular(let kind)):
            return .failure(RejectionReason(kind == .directory ? "is a directory, not a file" : "not a regular file (\(kind.description))"))
        case .failure(.tooLarge(let size)):
            return .failure(RejectionReason(Self.tooLargeReason(size, options.maxFileSize)))
        case .failure(.system(let operation, let code)):
            return .failure(RejectionReason(errno: code, verb: "cannot \(operation)"))
        }
    }

    private static func tooLargeReason(_ size: Int, _ limit: Int) -> String {
        "file too large (\(size) bytes; the limit is \(limit))"
    }

    private func readText(_ lines: [Substring], markdown: Bool, path: String, into result: inout ReadResult) {
        var frontMatter = FrontMatter()
        var bodyStart = 0
        if let parsed = FrontMatterParser.parse(lines) {
            frontMatter = parsed.frontMatter
            bodyStart = parsed.bodyStart
        }
        let body = lines[bodyStart...]
        let textLines = markdown
            ? MarkdownText.plainLines(body, firstLineNumber: bodyStart + 1)
            : PlainTextParser.textLines(body, firstLineNumber: bodyStart + 1)
        // A .txt body is text copied from a page, one paragraph per line, front matter or not;
        // Markdown joins the lines of a paragraph.
        let layout: ParagraphLayout = markdown ? .blankLineSeparated : .linePerParagraph
        let parsed = PlainTextParser.parse(textLines, layout: layout, knownTitle: frontMatter.title)

        var date = parsed.date?.iso
        if let written = frontMatter.date {
            if let given = DatelineParser.parseISO(written) ?? DatelineParser.parse(written[...]) {
                date = given.iso
            } else {
                result.warnings.append(ReadWarning(
                    path: path, line: frontMatter.dateLine,
                    message: "unreadable date \"\(written.prefix(40))\" in front matter; ignored"))
            }
        }
        var language: Language?
        if let written = frontMatter.language {
            language = Language(stated: written)
            if language == nil {
                result.warnings.append(ReadWarning(
                    path: path, line: frontMatter.languageLine,
                    message: "unknown language \"\(written.prefix(40))\" in front matter; detecting it from the text"))
            }
        }
        let title = frontMatter.title ?? parsed.title ?? ""
        guard !title.isEmpty || !parsed.paragraphs.isEmpty || !parsed.captions.isEmpty else {
            result.rejections.append(Rejection(path: path, reason: "no article text (only metadata or boilerplate)"))
            return
        }
        var article = Article(
            id: frontMatter.id ?? path,
            source: frontMatter.source ?? Self.folderSource(of: path),
            title: title,
            date: date,
            authors: frontMatter.authors.isEmpty ? parsed.authors : frontMatter.authors,
            url: frontMatter.url,
            paragraphs: parsed.paragraphs,
            captions: parsed.captions,
            tags: frontMatter.tags,
            path: path)
        article.language = language
        result.articles.append(article)
    }

    // MARK: - Paths

    /// The first folder of a path under the corpus root ("AFP/x.txt" → "AFP"), else "unknown".
    static func folderSource(of relativePath: String) -> String {
        let components = relativePath.split(separator: "/")
        return components.count >= 2 ? String(components[0]) : "unknown"
    }

    /// "/"-separated, without "./" or a leading "/", so ids are the same on every machine.
    static func normalizedRelativePath(_ path: String) -> String {
        let components = path.split(whereSeparator: { $0 == "/" || $0 == "\\" }).filter { $0 != "." }
        return components.isEmpty ? path : components.joined(separator: "/")
    }

    static func fileExtension(of path: String) -> String {
        let name = path.split(separator: "/").last ?? ""
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return "" }
        return name[name.index(after: dot)...].lowercased()
    }

    /// `url`'s path under `root` when it is inside it, else its file name.
    static func relativePath(of url: URL, under root: URL?) -> String {
        if let root, let relative = pathComponents(of: url, under: root) {
            return relative.joined(separator: "/")
        }
        return url.lastPathComponent
    }

    static func pathComponents(of url: URL, under root: URL) -> [String]? {
        let file = url.standardizedFileURL.pathComponents
        let base = root.standardizedFileURL.pathComponents
        guard file.count > base.count, Array(file.prefix(base.count)) == base else { return nil }
        return Array(file.dropFirst(base.count))
    }
}

/// Why a file could not be read, in words for the user.
private struct RejectionReason: Error {
    var text: String

    init(_ text: String) { self.text = text }

    init(errno code: Int32, verb: String) {
        text = "\(verb): \(String(cString: strerror(code)).lowercased())"
    }
}
