// Which corpus an index is of, and which part of it a run covers.
//
// An index remembers its corpus root: the folder given at its first build (or `--rebuild`), or
// the folder the paths given have in common. Ids and file records are paths under that root
// ("AFP/x.txt"), whichever part of the corpus a later run names: `newsdex index corpus/AFP`
// reads AFP's files under the same ids as `newsdex index corpus`, and removes indexed files that
// are gone only under corpus/AFP. A path outside the root is refused, never a reason to delete.
//
// The root is kept in the index's metadata as a path relative to the index directory
// ("../corpus"), so that a checkout holding both (a CI cache, a moved repository) keeps working.
import Foundation
internal import Xapian

/// Why the paths given cannot be indexed or checked as asked. The CLI words it (with the
/// commands that would work) and exits 2.
public enum CorpusError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A path that does not exist, as the caller gave it. Nothing was read or removed.
    case missingPath(String)
    /// A path outside the corpus root the index recorded (`root`); `containsRoot` when it is a
    /// folder around the root (a wider corpus: only a rebuild can take it).
    case outsideCorpus(path: String, root: String, containsRoot: Bool)
    /// A rebuild from `paths` would drop `count` indexed files that are not under them (the
    /// first few are `examples`, as ids); the whole corpus is `root`.
    case rebuildDropsFiles(paths: [String], root: String, count: Int, examples: [String])

    /// A plain account for logs and library callers; the CLI words its own messages.
    public var description: String {
        switch self {
        case .missingPath(let path): return "CorpusError.missingPath(\(path))"
        case .outsideCorpus(let path, let root, _): return "CorpusError.outsideCorpus(\(path), root \(root))"
        case .rebuildDropsFiles(let paths, _, let count, _):
            return "CorpusError.rebuildDropsFiles(\(paths.joined(separator: " ")): \(count) files)"
        }
    }
}

extension Indexer {
    /// The corpus root the index at `path` (an index directory) recorded, if it can be read; for
    /// messages that give the command which rebuilds it. Read from the index's stub when it
    /// names it there, which needs no table of the index (one may be damaged), else from the
    /// index's metadata.
    public static func recordedCorpusRoot(ofIndex path: String) -> URL? {
        let url = URL(fileURLWithPath: path)
        // Xapian recurses without end through a stub that names itself: opened only when sound.
        let opens = (try? StubGraph.validate(path, index: path)) != nil
        let stored = IndexDirectory(url: url).corpusRootComment()
            ?? (opens ? try? Database(path: path) : nil).flatMap { try? $0.metadata(IndexMetadata.corpusRoot) }
        return stored.flatMap { CorpusScope.recordedRoot($0, index: url) }
    }
}

/// The corpus root of a run and the parts of the corpus the paths it was given cover.
struct CorpusScope: Sendable {
    /// What one path given covers, relative to the root.
    enum Part: Sendable, Hashable {
        case everything
        /// A folder under the root ("AFP", "2024/10").
        case folder(String)
        /// A file under the root ("AFP/x.txt").
        case file(String)
    }

    /// The corpus root, absolute, with symbolic links resolved: paths and ids are relative to it.
    let root: URL
    /// The paths given, absolute with links resolved.
    let inputs: [URL]
    let parts: [Part]

    /// Whether the paths given include the whole corpus.
    var isWholeCorpus: Bool { parts.contains(.everything) }

    /// Whether the corpus file at `relativePath` (under the root) is under a path given.
    func covers(relativePath path: String) -> Bool {
        parts.contains { part in
            switch part {
            case .everything: return true
            case .folder(let folder): return path.hasPrefix(folder + "/")
            case .file(let file): return path == file
            }
        }
    }

    /// Whether the indexed file of `term` (a `Schema.file` term: its path, shortened when long,
    /// as `Schema.identifierTerm` does) is under a path given.
    func covers(fileTerm term: String) -> Bool {
        let path = String(term.dropFirst(Schema.file.prefix.count))
        return parts.contains { part in
            switch part {
            case .everything: return true
            // A shortened path keeps its head, so a folder's prefix still shows.
            case .folder(let folder): return path.hasPrefix(folder + "/")
            case .file(let file): return term == Schema.identifierTerm(Schema.file, file)
            }
        }
    }

    /// Where `relativePath` under the root of another run was: whether a path given covers it.
    func covers(path relativePath: String, under otherRoot: URL) -> Bool {
        let absolute = Self.components(of: otherRoot.appendingPathComponent(relativePath))
        return inputs.contains { input in
            let given = Self.components(of: input)
            return absolute.count >= given.count && Array(absolute.prefix(given.count)) == given
        }
    }

    /// The scope of `inputs` in a corpus whose root is `recorded` (nil when the index records
    /// none: a first build). A run that is not a rebuild keeps the recorded root, so every path
    /// must be under it; a rebuild keeps it when every path is under it, else takes the folder
    /// the paths have in common (the caller then checks what that would drop).
    /// - Throws: `CorpusError.missingPath` for a path that does not exist (checked first, for
    ///   every path, so that nothing is done), `.outsideCorpus`.
    static func resolve(inputs: [URL], recorded: URL?, rebuild: Bool) throws -> CorpusScope {
        var resolved: [(given: URL, url: URL, isDirectory: Bool)] = []
        for given in inputs {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: given.path, isDirectory: &isDirectory) else {
                throw CorpusError.missingPath(given.relativePath)
            }
            resolved.append((given, canonical(given), isDirectory.boolValue))
        }
        let folders = resolved.map { $0.isDirectory ? $0.url : $0.url.deletingLastPathComponent() }
        let common = commonFolder(of: folders)
        let root: URL
        if let recorded, !rebuild || resolved.allSatisfy({ isInside($0.url, recorded) }) {
            root = recorded
            for item in resolved where !isInside(item.url, recorded) {
                throw CorpusError.outsideCorpus(
                    path: item.given.relativePath, root: recorded.path, containsRoot: isInside(recorded, item.url))
            }
        } else {
            root = common
        }
        let parts = resolved.map { item -> Part in
            let relative = Array(components(of: item.url).dropFirst(components(of: root).count)).joined(separator: "/")
            if relative.isEmpty { return .everything }
            return item.isDirectory ? .folder(relative) : .file(relative)
        }
        return CorpusScope(root: root, inputs: resolved.map(\.url), parts: parts)
    }

    /// The root `stored` in an index's metadata (relative to the index directory), resolved.
    static func recordedRoot(_ stored: String, index: URL) -> URL? {
        guard !stored.isEmpty else { return nil }
        let base = URL(fileURLWithPath: canonical(index).path, isDirectory: true)
        return URL(fileURLWithPath: stored, relativeTo: base).standardizedFileURL
    }

    /// The form of `root` kept in the metadata of the index at `index`: relative to it.
    static func storedRoot(_ root: URL, index: URL) -> String {
        let from = components(of: canonical(index))
        let to = components(of: root)
        var shared = 0
        while shared < min(from.count, to.count) && from[shared] == to[shared] { shared += 1 }
        let path = Array(repeating: "..", count: from.count - shared) + to.dropFirst(shared)
        return path.isEmpty ? "." : path.joined(separator: "/")
    }

    /// `url` absolute, with symbolic links resolved and `.` and `..` gone.
    static func canonical(_ url: URL) -> URL {
        url.standardizedFileURL.resolvingSymlinksInPath().standardizedFileURL
    }

    static func components(of url: URL) -> [String] {
        url.standardizedFileURL.pathComponents.filter { $0 != "/" }
    }

    /// Whether `url` is `folder` or under it.
    static func isInside(_ url: URL, _ folder: URL) -> Bool {
        let path = components(of: url), base = components(of: folder)
        return path.count >= base.count && Array(path.prefix(base.count)) == base
    }

    /// The deepest folder that holds all of `folders`.
    static func commonFolder(of folders: [URL]) -> URL {
        var shared = folders.first.map(components(of:)) ?? []
        for folder in folders.dropFirst() {
            let other = components(of: folder)
            var count = 0
            while count < min(shared.count, other.count) && shared[count] == other[count] { count += 1 }
            shared = Array(shared.prefix(count))
        }
        return URL(fileURLWithPath: "/" + shared.joined(separator: "/"), isDirectory: true)
    }
}
