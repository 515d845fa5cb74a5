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
///
/// A corpus of a million files is listed before it is indexed, and its list kept for the whole
/// run: a file found in a folder listing is 16 bytes, a reference to its folder and where its
/// name lies in the folder's one buffer of names (about 100 bytes a file with an 80-byte name,
/// not 200 with a string of its own, nor 450 with a URL and a relative path). Its URL and
/// relative path are made when asked for.
public struct CorpusFile: Sendable, Hashable {
    private enum Location: Sendable {
        /// In a folder listing: the folder, and the file's name at `offset` in its names.
        case listed(ListedFolder, offset: UInt32, length: UInt32)
        case given(GivenFile)
    }

    private let location: Location

    public var url: URL {
        switch location {
        case .listed(let folder, let offset, let length):
            return URL(fileURLWithPath: folder.path + "/" + folder.name(at: offset, length: length))
        case .given(let file): return file.url
        }
    }

    public var relativePath: String {
        switch location {
        case .listed(let folder, let offset, let length):
            let name = folder.name(at: offset, length: length)
            return folder.relativePath.isEmpty ? name : folder.relativePath + "/" + name
        case .given(let file): return file.relativePath
        }
    }

    public init(url: URL, relativePath: String) {
        location = .given(GivenFile(url: url, relativePath: relativePath))
    }

    /// The file whose name is `length` bytes at `offset` in `folder`'s names.
    fileprivate init(folder: ListedFolder, offset: UInt32, length: UInt32) {
        location = .listed(folder, offset: offset, length: length)
    }

    /// The standardized absolute path, by which a listing sorts and tells files apart.
    var standardizedPath: String {
        switch location {
        case .listed(let folder, let offset, let length): return folder.path + "/" + folder.name(at: offset, length: length)
        case .given(let file): return file.url.standardizedFileURL.path
        }
    }

    /// Whether `a`'s standardized path sorts before (-1), with (0) or after (1) `b`'s: as the
    /// paths compare, without making them for two files of one folder.
    static func comparePaths(_ a: CorpusFile, _ b: CorpusFile) -> Int {
        if case .listed(let folderA, let offsetA, let lengthA) = a.location,
            case .listed(let folderB, let offsetB, let lengthB) = b.location,
            folderA === folderB || folderA.path == folderB.path
        {
            // The folder's path ends at a "/", which nothing after it composes with.
            return ListedFolder.compareNames(folderA, offsetA, lengthA, folderB, offsetB, lengthB)
        }
        let pathA = a.standardizedPath, pathB = b.standardizedPath
        return pathA == pathB ? 0 : pathA < pathB ? -1 : 1
    }

    public static func == (a: CorpusFile, b: CorpusFile) -> Bool {
        a.relativePath == b.relativePath && a.url.path == b.url.path
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(relativePath) }
}

/// A listed folder: its absolute path, its path under the corpus root ("" at the root), and the
/// names of its article files, end to end in one buffer of UTF-8.
private final class ListedFolder: Sendable {
    let path: String
    let relativePath: String
    let names: [UInt8]
    /// Whether every name is ASCII, where bytes sort as Strings do (found once, not per comparison).
    let namesAreASCII: Bool

    init(path: String, relativePath: String, names: [UInt8]) {
        self.path = path
        self.relativePath = relativePath
        self.names = names
        namesAreASCII = names.allSatisfy { $0 < 0x80 }
    }

    func name(at offset: UInt32, length: UInt32) -> String {
        String(decoding: names[Int(offset)..<Int(offset + length)], as: UTF8.self)
    }

    /// Two names compared as Strings compare: byte by byte when both folders' names are ASCII
    /// (where the orders agree), as Strings otherwise.
    static func compareNames(
        _ a: ListedFolder, _ offsetA: UInt32, _ lengthA: UInt32, _ b: ListedFolder, _ offsetB: UInt32, _ lengthB: UInt32
    ) -> Int {
        let bytesA = a.names[Int(offsetA)..<Int(offsetA + lengthA)]
        let bytesB = b.names[Int(offsetB)..<Int(offsetB + lengthB)]
        if a.namesAreASCII && b.namesAreASCII {
            for (x, y) in zip(bytesA, bytesB) where x != y { return x < y ? -1 : 1 }
            return bytesA.count == bytesB.count ? 0 : bytesA.count < bytesB.count ? -1 : 1
        }
        let nameA = a.name(at: offsetA, length: lengthA), nameB = b.name(at: offsetB, length: lengthB)
        return nameA == nameB ? 0 : nameA < nameB ? -1 : 1
    }
}

/// A file named as a path of its own, with its path under the corpus root.
private final class GivenFile: Sendable {
    let url: URL
    let relativePath: String

    init(url: URL, relativePath: String) {
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
        // Files listed in folders keep no path of their own (see CorpusFile): a listing of a
        // million files is kept for a whole index run.
        var files: [CorpusFile] = []
        var result = CorpusListing()
        func add(_ file: CorpusFile) { files.append(file) }
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
                add(CorpusFile(url: path, relativePath: insideRoot ? relativePath(of: path, under: corpusRoot) : path.lastPathComponent))
                continue
            }
            let root = insideRoot ? corpusRoot! : path
            let base = pathComponents(of: path, under: root) ?? []
            let folder = path.standardizedFileURL.path
            CorpusWalk(add: add, skip: { result.skipped.append($0) }).walk(folder, relative: base)
        }
        // By path; of a path listed twice (a file named twice, or in two folders named) the one
        // found first stays.
        var order = Array(files.indices)
        order.sort { a, b in
            let comparison = CorpusFile.comparePaths(files[a], files[b])
            return comparison != 0 ? comparison < 0 : a < b
        }
        result.files.reserveCapacity(files.count)
        for (n, index) in order.enumerated() where n == 0 || CorpusFile.comparePaths(files[order[n - 1]], files[index]) != 0 {
            result.files.append(files[index])
        }
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
    let add: (CorpusFile) -> Void
    let skip: (SkippedFile) -> Void

    func walk(_ folder: String, relative: [String]) {
        guard let directory = opendir(folder) else {
            if !relative.isEmpty {
                skip(SkippedFile(path: relative.joined(separator: "/"), reason: .unreadableFolder(errno)))
            }
            return
        }
        defer { closedir(directory) }
        // The names of the folder's article files, in one buffer for them all (see CorpusFile).
        var names: [UInt8] = []
        var articles: [(offset: UInt32, length: UInt32)] = []
        func found(_ name: String) {
            articles.append((UInt32(names.count), UInt32(name.utf8.count)))
            names.append(contentsOf: name.utf8)
        }
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
                if isArticle { found(name) }
            case .symbolicLink:
                switch FileKind(path: path, followingLinks: true) {
                case .regular:
                    if isArticle { found(name) }
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
        if !articles.isEmpty {
            // A copy, to keep no spare capacity for the whole run.
            let listed = ListedFolder(path: folder, relativePath: relative.joined(separator: "/"), names: Array(names[...]))
            for (offset, length) in articles { add(CorpusFile(folder: listed, offset: offset, length: length)) }
        }
        for (path, components) in folders { walk(path, relative: components) }
    }

    static func isArticleName(_ name: String) -> Bool {
        ArticleReader.isArticleFile(name)
    }
}
