// Finds the article files under the paths a user names, each with the path the corpus knows it by.
import Foundation

/// An article file and its path under the corpus root ("AFP/x.txt"), which gives its id and source.
public struct CorpusFile: Sendable, Hashable {
    public var url: URL
    public var relativePath: String

    public init(url: URL, relativePath: String) {
        self.url = url
        self.relativePath = relativePath
    }
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
        // Each file with its standardized path, computed once: it is the sort key and the
        // identity, and standardizing a URL is costly in a corpus of 100k files.
        var files: [(path: String, file: CorpusFile)] = []
        var missing: [URL] = []
        var seen = Set<String>()
        func add(_ url: URL, _ relativePath: String) {
            let path = url.standardizedFileURL.path
            if seen.insert(path).inserted {
                files.append((path, CorpusFile(url: url, relativePath: relativePath)))
            }
        }
        let fileManager = FileManager.default
        for given in paths {
            // A corpus folder may be a symbolic link: list what it points to (the enumerator
            // does not descend into a link).
            let path = given.resolvingSymlinksInPath()
            var isDirectory: ObjCBool = false
            guard fileManager.fileExists(atPath: path.path, isDirectory: &isDirectory) else {
                missing.append(given)
                continue
            }
            let insideRoot = corpusRoot.map { isSame(path, $0) || pathComponents(of: path, under: $0) != nil } ?? false
            guard isDirectory.boolValue else {
                add(path, insideRoot ? relativePath(of: path, under: corpusRoot) : path.lastPathComponent)
                continue
            }
            let root = insideRoot ? corpusRoot! : path
            for url in filesBelow(path) {
                let relative = relativePath(of: url, under: root)
                guard isArticleFile(relative), relative.lowercased() != "readme.md"
                else { continue }
                add(url, relative)
            }
        }
        files.sort { $0.path < $1.path }
        return (files.map(\.file), missing)
    }

    private static func isSame(_ a: URL, _ b: URL) -> Bool {
        a.standardizedFileURL.pathComponents == b.standardizedFileURL.pathComponents
    }

    /// Regular files below `directory`, hidden files and folders left out.
    private static func filesBelow(_ directory: URL) -> [URL] {
        guard let enumerator = FileManager.default.enumerator(
            at: directory, includingPropertiesForKeys: [.isRegularFileKey],
            options: [.skipsHiddenFiles], errorHandler: { _, _ in true })
        else { return [] }
        var urls: [URL] = []
        for case let url as URL in enumerator {
            if (try? url.resourceValues(forKeys: [.isRegularFileKey]))?.isRegularFile == true {
                urls.append(url)
            }
        }
        return urls
    }
}
