// Paths joined as Foundation's URL joins them, without building a URL where a path is plain:
// the first URL(fileURLWithPath:) of a process costs 0.65 M instructions (its first use scans
// the runtime's conformance records), a tenth of a one-shot search over real pages (issue 16).
import Foundation

enum FilePaths {
    /// `URL(fileURLWithPath: path).appendingPathComponent(name).path`.
    static func appending(_ name: String, to path: String) -> String {
        plainAppending(name, to: path) ?? URL(fileURLWithPath: path).appendingPathComponent(name).path
    }

    /// The same when `path` and `name` are plain (see `isPlain`), which URL would also leave as
    /// they are when standardizing them; nil otherwise.
    static func plainAppending(_ name: String, to path: String) -> String? {
        guard isPlain(name, relative: true), let absolute = absolute(path) else { return nil }
        return absolute == "/" ? "/" + name : absolute + "/" + name
    }

    /// `URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(name).path`:
    /// `name` beside the file `path`.
    static func sibling(_ name: String, of path: String) -> String {
        guard isPlain(name, relative: true), let absolute = absolute(path),
            let slash = absolute.utf8.lastIndex(of: UInt8(ascii: "/"))
        else {
            return URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(name).path
        }
        let folder = absolute[..<slash]
        return folder.isEmpty ? "/" + name : String(folder) + "/" + name
    }

    /// `path` made absolute as URL makes it, when it is plain; nil otherwise.
    private static func absolute(_ path: String) -> String? {
        if path.hasPrefix("/") { return isPlain(String(path.dropFirst()), relative: false) ? path : nil }
        guard isPlain(path, relative: true) else { return nil }
        let directory = FileManager.default.currentDirectoryPath
        guard directory.hasPrefix("/"), isPlain(String(directory.dropFirst()), relative: false) || directory == "/" else {
            return nil
        }
        return directory == "/" ? "/" + path : directory + "/" + path
    }

    /// Whether `path` (without a leading "/") is names joined by single slashes, none of them
    /// "." or "..", nor beginning with "~" when relative: a path URL takes as it is.
    private static func isPlain(_ path: String, relative: Bool) -> Bool {
        guard !path.isEmpty, !(relative && path.hasPrefix("~")) else { return false }
        for name in path.utf8.split(separator: UInt8(ascii: "/"), omittingEmptySubsequences: false) {
            if name.isEmpty || name.elementsEqual(".".utf8) || name.elementsEqual("..".utf8) { return false }
        }
        return true
    }
}
