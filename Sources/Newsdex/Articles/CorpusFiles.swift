// Finds the article files under the paths a user names, each with the path the corpus knows it by.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// An article file and its path under the corpus root ("AFP/x.txt"), which gives its id and source.
public struct CorpusFile: Sendable, Hashable {
    public var url: URL
    public var relativePath: String

    public init(url: URL, relativePath: String) {
        self.url = url
        self.relativePath = relativePath
    }
}

/// A path in a corpus folder that is named like an article file (or may hold some) but is not
/// read: each is reported, so that nothing is left out without a word.
public struct SkippedFile: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable, Codable {
        /// A FIFO, a socket or a device named like an article.
        case notRegular(FileKind)
        /// A symbolic link to nothing.
        case brokenLink
        /// A symbolic link to a folder: not followed (a link could lead back up the tree).
        case linkToFolder
        /// A name that is not UTF-8, which no id could keep; `path` shows each byte that is not
        /// UTF-8 as U+FFFD.
        case nameNotUTF8
        /// A folder that cannot be listed; the system's errno.
        case unreadableFolder(Int32)
        /// A folder named like an article file: its files are read as in any folder, but it is
        /// not an article.
        case folderNamedLikeArticle
    }

    /// The path under the corpus root, as ids are ("AFP/x.txt").
    public var path: String
    public var reason: Reason

    public init(path: String, reason: Reason) {
        self.path = path
        self.reason = reason
    }

    /// Whether the skipped path is an input that is lost (a rejection), rather than a note.
    public var isRejection: Bool { reason != .folderNamedLikeArticle }

    /// Why, in words.
    public var explanation: String {
        switch reason {
        case .notRegular(let kind): return "not a regular file (\(kind.description)); not read"
        case .brokenLink: return "a symbolic link to nothing; not read"
        case .linkToFolder: return "a symbolic link to a folder; links to folders are not followed"
        case .nameNotUTF8: return "the name is not valid UTF-8; rename the file to index it"
        case .unreadableFolder(let code):
            return "cannot list the folder: \(String(cString: strerror(code)).lowercased())"
        case .folderNamedLikeArticle: return "a folder named like an article file; the files in it are read"
        }
    }

    public var description: String { "\(path): \(explanation)" }
}

/// What is under the paths given to the indexer: the article files, the paths that do not
/// exist, and what was seen but not read.
public struct CorpusListing: Sendable {
    public var files: [CorpusFile] = []
    public var missing: [URL] = []
    public var skipped: [SkippedFile] = []
}

extension ArticleReader {
    /// The article files (*.txt, *.md, *.jsonl, *.html, *.htm, *.warc, *.warc.gz; skipping hidden files/dirs and README.md at the
    /// corpus root) under each path (a file or a directory), sorted by path. A directory is its
    /// own corpus root; a named file's root is its folder, so its relative path is its name (a
    /// named file is read whatever its extension: the user asked for it). Nonexistent paths are
    /// reported, not fatal.
    public static func articleFiles(under paths: [URL]) -> (files: [CorpusFile], missing: [URL]) {
        articleFiles(under: paths, corpusRoot: nil)
    }

    /// As `articleFiles(under:)`, but a path inside `corpusRoot` (a file, or a folder such as
    /// `corpus/AFP`) is named relative to `corpusRoot`, so ids and sources do not depend on which
    /// part of the corpus was named.
    public static func articleFiles(
        under paths: [URL], corpusRoot: URL?
    ) -> (files: [CorpusFile], missing: [URL]) {
        let found = listing(under: paths, corpusRoot: corpusRoot)
        return (found.files, found.missing)
    }

    /// As `articleFiles(under:corpusRoot:)`, with what was seen but not read: special files,
    /// broken links and links to folders named like articles, names that are not UTF-8, folders
    /// named like articles. A symbolic link to a file is read as the file, under the link's name.
    public static func listing(under paths: [URL], corpusRoot: URL? = nil) -> CorpusListing {
        // Each file with its standardized path, computed once: it is the sort key and the
        // identity, and standardizing a URL is costly in a corpus of 100k files.
        var files: [(path: String, file: CorpusFile)] = []
        var result = CorpusListing()
        var seen = Set<String>()
        func add(_ path: String, _ url: URL, _ relativePath: String) {
            if seen.insert(path).inserted {
                files.append((path, CorpusFile(url: url, relativePath: relativePath)))
            }
        }
        for given in paths {
            // A corpus folder may be a symbolic link: list what it points to.
            let path = given.resolvingSymlinksInPath()
            let kind = FileKind(path: path.path)
            guard kind != .missing else {
                result.missing.append(given)
                continue
            }
            let insideRoot = corpusRoot.map { isSame(path, $0) || pathComponents(of: path, under: $0) != nil } ?? false
            guard kind == .directory else {
                // A named file is read whatever it is; the reader rejects what is not a file.
                add(path.standardizedFileURL.path, path, insideRoot ? relativePath(of: path, under: corpusRoot) : path.lastPathComponent)
                continue
            }
            let root = insideRoot ? corpusRoot! : path
            let base = pathComponents(of: path, under: root) ?? []
            let folder = path.standardizedFileURL.path
            CorpusWalk(add: add, skip: { result.skipped.append($0) }).walk(folder, relative: base)
        }
        files.sort { $0.path < $1.path }
        result.files = files.map(\.file)
        result.skipped.sort { $0.path < $1.path }
        return result
    }

    private static func isSame(_ a: URL, _ b: URL) -> Bool {
        a.standardizedFileURL.pathComponents == b.standardizedFileURL.pathComponents
    }
}

/// Lists a folder tree with readdir, so that every name is seen as the bytes it is (Foundation
/// cannot name a file whose name is not UTF-8) and every special file is told apart.
private struct CorpusWalk {
    let add: (String, URL, String) -> Void
    let skip: (SkippedFile) -> Void

    func walk(_ folder: String, relative: [String]) {
        guard let directory = opendir(folder) else {
            if !relative.isEmpty {
                skip(SkippedFile(path: relative.joined(separator: "/"), reason: .unreadableFolder(errno)))
            }
            return
        }
        defer { closedir(directory) }
        var folders: [(String, [String])] = []
        while let entry = readdir(directory) {
            let nameBytes: [UInt8] = withUnsafeBytes(of: entry.pointee.d_name) { raw in Array(raw.prefix { $0 != 0 }) }
            let type = entry.pointee.d_type
            // Hidden files and folders, and . and .., are not part of the corpus.
            if nameBytes.first == UInt8(ascii: ".") { continue }
            guard let name = String(validating: nameBytes, as: UTF8.self) else {
                let shown = String(decoding: nameBytes, as: UTF8.self)
                var isFolder = Int32(type) == Int32(DT_DIR)
                if Int32(type) == Int32(DT_UNKNOWN) {
                    var info = stat()
                    let raw = Array(folder.utf8) + [UInt8(ascii: "/")] + nameBytes + [0]
                    isFolder = raw.withUnsafeBufferPointer { bytes in
                        bytes.withMemoryRebound(to: CChar.self) { lstat($0.baseAddress!, &info) == 0 }
                    } && FileKind(mode: info.st_mode) == .directory
                }
                if isFolder || Self.isArticleName(shown) {
                    skip(SkippedFile(path: (relative + [shown]).joined(separator: "/"), reason: .nameNotUTF8))
                }
                continue
            }
            let path = folder + "/" + name
            let components = relative + [name]
            let kind: FileKind
            switch Int32(type) {
            case Int32(DT_REG): kind = .regular
            case Int32(DT_DIR): kind = .directory
            case Int32(DT_LNK): kind = .symbolicLink
            default: kind = FileKind(path: path, followingLinks: false)
            }
            let relativePath = components.joined(separator: "/")
            let isArticle = Self.isArticleName(name) && relativePath.lowercased() != "readme.md"
            switch kind {
            case .directory:
                if Self.isArticleName(name) {
                    skip(SkippedFile(path: relativePath, reason: .folderNamedLikeArticle))
                }
                folders.append((path, components))
            case .regular:
                if isArticle { add(path, URL(fileURLWithPath: path), relativePath) }
            case .symbolicLink:
                switch FileKind(path: path, followingLinks: true) {
                case .regular:
                    if isArticle { add(path, URL(fileURLWithPath: path), relativePath) }
                case .directory:
                    skip(SkippedFile(path: relativePath, reason: .linkToFolder))
                case .missing:
                    if isArticle { skip(SkippedFile(path: relativePath, reason: .brokenLink)) }
                case let target:
                    if isArticle { skip(SkippedFile(path: relativePath, reason: .notRegular(target))) }
                }
            default:
                if isArticle { skip(SkippedFile(path: relativePath, reason: .notRegular(kind))) }
            }
        }
        for (path, components) in folders { walk(path, relative: components) }
    }

    static func isArticleName(_ name: String) -> Bool {
        ArticleReader.isArticleFile(name)
    }
}
