// Xapian opens a stub file by opening what each of its lines names, recursively and without any
// limit: a stub that names itself, or a cycle of stubs, recurses until the stack overflows
// (SIGSEGV), and a FIFO given as the index (or as its XAPIANDB) blocks the reader forever. So
// before Xapian opens an index, the stubs it leads through are read here, each without blocking,
// and a cycle, a nesting too deep, too many databases or a special file is an IndexError naming
// the file.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

enum StubGraph {
    /// Stubs nested deeper than this are refused. An index directory nests two (its XAPIANDB names
    /// a generation, whose own stub names its shards); a stub of remote shards adds one.
    static let maxDepth = 8
    /// Databases and stubs one index may lead to, in all.
    static let maxNodes = 4096
    /// A stub file is a few lines; a larger file is a database (Xapian's single-file format).
    static let maxStubBytes = 1 << 20

    /// What Xapian finds at a path.
    enum Node: Equatable {
        /// Nothing: Xapian says so when it tries.
        case missing
        /// A database (a folder of tables, or a single-file database).
        case database
        /// A stub file and its text.
        case stub(file: String, text: String)
    }

    /// What is at `path`, read without blocking.
    /// - Throws: `IndexError` `.notAFile` for a FIFO, a socket or a device where a database or
    ///   a stub should be.
    static func node(at path: String, index: String) throws -> Node {
        let part = path == index ? nil : path
        switch FileKind(path: path) {
        case .missing:
            return .missing
        case .directory:
            let stub = FilePaths.appending("XAPIANDB", to: path)
            switch FileKind(path: stub) {
            case .missing: return .database
            case .regular: return try node(at: stub, index: index)
            case let kind: throw IndexError(.notAFile(kind), index: index, part: stub)
            }
        case .regular:
            switch RegularFile.read(path, maxBytes: maxStubBytes) {
            case .success(let contents):
                guard !contents.bytes.contains(0), let text = String(validating: contents.bytes, as: UTF8.self) else {
                    return .database
                }
                return .stub(file: path, text: text)
            case .failure(.tooLarge):
                return .database
            case .failure(.notRegular(let kind)):  // swapped since it was looked at
                throw IndexError(.notAFile(kind), index: index, part: part)
            case .failure(.system):
                // Unreadable: Xapian meets the same refusal when it opens it, and says which.
                return .database
            }
        case let kind:
            throw IndexError(.notAFile(kind), index: index, part: part)
        }
    }

    /// Reads every stub reachable from `path` (the index `index` as its user named it).
    /// - Returns: what is at each path visited, so that opening the index reads no stub again.
    /// - Throws: `IndexError` `.stubNesting` for a cycle, a nesting deeper than `maxDepth` or
    ///   more than `maxNodes` databases; `.notAFile` for a special file; stub errors for a line
    ///   that cannot be read.
    @discardableResult
    static func validate(_ path: String, index: String) throws -> [String: Node] {
        var visits = 0
        var found: [String: Node] = [:]
        try visit(path, index: index, chain: [], visits: &visits, found: &found)
        return found
    }

    private static func visit(
        _ path: String, index: String, chain: [String], visits: inout Int, found: inout [String: Node]
    ) throws {
        visits += 1
        guard visits <= maxNodes else {
            throw IndexError(.stubNesting(.tooMany(maxNodes)), index: index, part: chain.last)
        }
        let node = try found[path] ?? node(at: path, index: index)
        found[path] = node
        guard case .stub(let file, let text) = node else { return }
        let identity = canonical(file)
        if let start = chain.firstIndex(of: identity) {
            throw IndexError(.stubNesting(.cycle(Array(chain[start...]) + [identity])), index: index, part: file)
        }
        guard chain.count < maxDepth else {
            throw IndexError(.stubNesting(.tooDeep(maxDepth)), index: index, part: file)
        }
        let stub = try StubFile(path: file, index: index, text: text)
        for (_, entry) in stub.entries {
            if case .local(let target) = entry {
                try visit(target, index: index, chain: chain + [identity], visits: &visits, found: &found)
            }
        }
    }

    /// The file's path with every symbolic link and `..` resolved, so that one file reached by
    /// two names is seen as one.
    static func canonical(_ path: String) -> String {
        guard let resolved = realpath(path, nil) else { return URL(fileURLWithPath: path).standardizedFileURL.path }
        defer { free(resolved) }
        return String(cString: resolved)
    }
}
