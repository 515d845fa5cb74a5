// Opening an index for reading: an index directory, a Xapian database, or a stub file.
//
// Xapian reads stub files itself, but a stub's `remote HOST:PORT` lines cannot say how long to
// wait, and Xapian's default for them is 10 s per exchange and 10 s to connect. So a stub with
// remote lines is read here, line by line as Xapian would, and each line opened with Xapian's own
// remote backend (`Xapian::Remote::open`, with timeouts), local lines with `Database(path:)`, and
// all combined with `Database(shards:)`. A shard that cannot be reached is then named in the error.
import Foundation
internal import Xapian

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// How long a reader waits for a remote shard.
public struct RemoteTimeouts: Sendable, Hashable {
    /// Seconds an exchange with a connected shard may take.
    public var active: Double
    /// Seconds connecting to a shard may take.
    public var connect: Double

    public init(active: Double = 10, connect: Double = 3) {
        self.active = active
        self.connect = connect
    }

    /// The seconds a timeout may be: from 10 ms (Xapian counts whole milliseconds, and 0 would
    /// mean no timeout at all, so a silent server would hang the search) to an hour.
    public static let allowedSeconds: ClosedRange<Double> = 0.01...3600

    /// The environment variables read (the man page's ENVIRONMENT lists them).
    public static let activeVariable = "NEWSDEX_REMOTE_TIMEOUT"
    public static let connectVariable = "NEWSDEX_REMOTE_CONNECT_TIMEOUT"

    /// The defaults, or `NEWSDEX_REMOTE_TIMEOUT` and `NEWSDEX_REMOTE_CONNECT_TIMEOUT` (seconds)
    /// when set and not empty. Read here rather than by the CLI so that every command that opens
    /// an index (search, facets, show, stats) waits alike.
    /// - Throws: `SettingError` for a value that is not a number of seconds in `allowedSeconds`
    ///   (`0`, `-1`, `abc`, `nan`, `inf` and `1e-9` are all refused, never ignored).
    public static func fromEnvironment() throws -> RemoteTimeouts {
        // Each variable read alone: ProcessInfo's `environment` copies the whole environment
        // first, a few per cent of a one-shot search (issue 16).
        var environment: [String: String] = [:]
        for name in [activeVariable, connectVariable] {
            environment[name] = getenv(name).map { String(cString: $0) }
        }
        return try fromEnvironment(environment)
    }

    /// The timeouts `environment` sets, read as `fromEnvironment()` reads the process's.
    /// - Throws: `SettingError` as `fromEnvironment()` does.
    public static func fromEnvironment(_ environment: [String: String]) throws -> RemoteTimeouts {
        var timeouts = RemoteTimeouts()
        if let value = try seconds(environment["NEWSDEX_REMOTE_TIMEOUT"], named: activeVariable) {
            timeouts.active = value
        }
        if let value = try seconds(environment["NEWSDEX_REMOTE_CONNECT_TIMEOUT"], named: connectVariable) {
            timeouts.connect = value
        }
        return timeouts
    }

    private static func seconds(_ text: String?, named name: String) throws -> Double? {
        guard let text, !text.isEmpty else { return nil }
        guard let value = Double(text), allowedSeconds.contains(value) else {
            throw SettingError(name: name, value: text, allowed: allowedSeconds)
        }
        return value
    }
}

/// A setting in the environment whose value cannot be used. The CLI words it and exits 2.
public struct SettingError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The environment variable.
    public var name: String
    /// The value found, as given.
    public var value: String
    /// The seconds it may be.
    public var allowed: ClosedRange<Double>

    public var description: String { "SettingError(\(name)=\(value.debugDescription), allowed \(allowed))" }
}

/// One database a stub file names.
enum StubEntry: Sendable, Hashable {
    /// An `auto`, `glass` or `chert` line: a path, resolved against the stub's folder.
    case local(String)
    /// A `remote HOST:PORT` line: a database served by `xapian-tcpsrv`.
    case remote(host: String, port: Int)

    var name: String {
        switch self {
        case .local(let path): return path
        case .remote(let host, let port): return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
        }
    }
}

/// A Xapian stub file, read as Xapian 1.4 reads one.
struct StubFile: Sendable {
    let path: String
    let entries: [(line: Int, entry: StubEntry)]

    /// The stub at `path`, a stub file or a folder holding one (XAPIANDB); nil when `path` is
    /// neither, or when the stub names no remote database (Xapian then opens it alone).
    /// - Throws: `IndexError` for a line that cannot be read.
    static func withRemoteLines(at path: String, index: String) throws -> StubFile? {
        // A database file or directory is not text; only read what looks like a stub, and
        // without blocking (see StubGraph).
        try withRemoteLines(in: StubGraph.node(at: path, index: index), index: index)
    }

    /// The stub `node` holds (as `StubGraph` found it); nil as for `withRemoteLines(at:index:)`.
    /// - Throws: `IndexError` for a line that cannot be read.
    static func withRemoteLines(in node: StubGraph.Node, index: String) throws -> StubFile? {
        guard case .stub(let file, let text) = node, lines(of: text).contains(where: { $0.hasPrefix("remote ") })
        else { return nil }
        return try StubFile(path: file, index: index, text: text)
    }

    /// The lines of a stub as Xapian reads them, up to each "\n". Split by bytes: as
    /// Characters "\r\n" is one, and a stub saved on Windows would read as a single line.
    private static func lines(of text: String) -> [String] {
        text.parts(separatedBy: UInt8(ascii: "\n"))
    }

    /// - Parameter index: the index as the caller named it, for errors.
    init(path: String, index: String, text: String) throws {
        self.path = path
        var entries: [(Int, StubEntry)] = []
        for (offset, line) in Self.lines(of: text).enumerated() {
            if line.isEmpty || line.hasPrefix("#") { continue }
            let number = offset + 1
            // Xapian keeps a "\r" before the "\n" as part of the path: a stub saved with
            // Windows line ends names paths that are not there.
            if line.unicodeScalars.contains("\r") {
                throw IndexError(
                    .unreadableStubLine(.carriageReturn), index: index, part: path, line: number,
                    detail: line.filter { $0 != "\r" })
            }
            let type = line.prefix { $0 != " " }
            let rest = String(line.dropFirst(type.count + 1))
            func fail(_ problem: IndexError.StubProblem) -> IndexError {
                IndexError(.unreadableStubLine(problem), index: index, part: path, line: number, detail: line)
            }
            switch type {
            case "auto", "glass", "chert":
                guard !rest.isEmpty else { throw fail(.noPath) }
                let resolved = rest.hasPrefix("/") ? rest : FilePaths.sibling(rest, of: path)
                entries.append((number, .local(resolved)))
            case "remote":
                if rest.hasPrefix(":") { throw fail(.remoteProgram) }
                if rest.hasPrefix("tcp ") { throw fail(.remoteTCPForm) }
                guard let colon = rest.lastIndex(of: ":"), let port = Int(rest[rest.index(after: colon)...]),
                    (1...65535).contains(port)
                else { throw fail(.badRemote) }
                var host = String(rest[..<colon])
                if host.hasPrefix("[") && host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
                guard !host.isEmpty, !host.contains(" ") else { throw fail(.badRemote) }
                entries.append((number, .remote(host: host, port: port)))
            default:
                throw fail(.unknownType)
            }
        }
        self.entries = entries
    }
}

/// Opens indexes for reading.
enum IndexOpener {
    /// The facet slots a database records.
    /// - Throws: `IndexError` when its metadata cannot be read or does not decode.
    private static func slotUsage(of database: Database, index: String, part: String?) throws -> FacetSlotUsage {
        do {
            return try FacetSlotUsage.read(from: database)
        } catch {
            throw IndexError.from(error, index: index, part: part)
        }
    }

    /// Opens the index at `path`: an index directory, a database, or a stub file whose
    /// `remote HOST:PORT` lines are opened with `timeouts`.
    /// - Throws: `IndexError`: `.unreachable` naming the shard (host:port) that cannot be reached,
    ///   `.missing`, `.corrupt`, `.schemaMismatch` for a shard of another schema, stub errors.
    ///   `.stubNesting` for stubs that name themselves or nest too deep, `.notAFile` for a FIFO
    ///   or a device; `SettingError` when `timeouts` is nil and the environment's are not valid.
    static func open(_ path: String, timeouts: RemoteTimeouts? = nil) throws -> Database {
        try openWithShards(path, timeouts: timeouts).database
    }

    /// Opens the index as `open` does, and says whether any of its shards is remote (where only
    /// Xapian's own match spies can run), with the facet slots its databases use: a combined
    /// database reads metadata from its first shard only, and shards built on separate machines
    /// (`--shard I/N`) each know only their own.
    static func openWithShards(_ path: String, timeouts: RemoteTimeouts? = nil) throws
        -> (database: Database, hasRemoteShards: Bool, slots: FacetSlotUsage)
    {
        let timeouts = try timeouts ?? .fromEnvironment()
        // Before Xapian reads any stub: it would recurse without end on a cycle. What was read
        // then is what the index is opened by: each stub is read once.
        let found = try StubGraph.validate(path, index: path)
        var remote = false
        let (database, slots) = try open(path, index: path, found: found, timeouts: timeouts, remote: &remote)
        return (database, remote, slots)
    }

    /// Opens `path`, a part of the index `index` (the index itself at the top), with the facet
    /// slots its databases use; sets `remote` when a shard is remote. `found` is what
    /// `StubGraph.validate` found at each path.
    private static func open(
        _ path: String, index: String, found: [String: StubGraph.Node], timeouts: RemoteTimeouts, remote: inout Bool
    ) throws
        -> (database: Database, slots: FacetSlotUsage)
    {
        let part = path == index ? nil : path
        let node = try found[path] ?? StubGraph.node(at: path, index: index)
        guard let stub = try StubFile.withRemoteLines(in: node, index: index) else {
            let database = try openLocal(path, index: index, part: part, node: node)
            return (database, try slotUsage(of: database, index: index, part: part))
        }
        var opened: [(entry: StubEntry, database: Database)] = []
        var slots = FacetSlotUsage()
        for (line, entry) in stub.entries {
            let database: Database
            switch entry {
            case .local(let local):
                let (local, localSlots) = try open(local, index: index, found: found, timeouts: timeouts, remote: &remote)
                database = local
                slots = slots.union(localSlots)
            case .remote(let host, let port):
                remote = true
                do {
                    database = try Database.remote(
                        host: host, port: port, timeout: timeouts.active, connectTimeout: timeouts.connect)
                } catch let error as XapianError where error.code == .network || error.code == .networkTimeout {
                    throw IndexError(
                        .unreachable, index: index, part: entry.name, line: line, stub: stub.path,
                        detail: error.message)
                } catch {
                    throw IndexError.from(error, index: index, part: entry.name)
                }
            }
            // Each shard says its schema version and its place, so a wrong or stale server is
            // named here rather than mixed silently into results.
            try SchemaCheck.verify(database, index: index, part: entry.name)
            if case .remote = entry { slots = slots.union(try slotUsage(of: database, index: index, part: entry.name)) }
            opened.append((entry, database))
        }
        let ordered = try inShardOrder(opened, stub: stub.path, index: index)
        do {
            return (try Database(shards: ordered), slots)
        } catch {
            throw IndexError.from(error, index: index, part: part)
        }
    }

    /// Opens a local database, stub file or index directory (`node`, as `StubGraph` found it).
    /// An index directory whose stub was switched to a new generation while Xapian was opening
    /// the old one (which the switch then removed) is opened again at the new one; a stub
    /// naming a generation that is not there is `.missingGeneration`, which only a rebuild mends.
    private static func openLocal(_ path: String, index: String, part: String?, node: StubGraph.Node) throws -> Database {
        var attempts = 0
        // The generation the stub named when it was read, before Xapian opens it; after a
        // failure, the one it names then.
        var generation = IndexDirectory.currentGeneration(of: node, inFolder: path)
        while true {
            do {
                return try Database(path: path)
            } catch {
                let directory = IndexDirectory(url: URL(fileURLWithPath: path))
                // Xapian says "not found" for a folder it may not read: say what it is.
                if let denied = unreadable([path, directory.stubURL.path] + (generation.map { [directory.generationURL($0).path] } ?? [])) {
                    throw IndexError(.permissionDenied, index: index, part: part, detail: denied)
                }
                attempts += 1
                let now = directory.currentGeneration()
                if let now, now != generation, attempts < 5 {
                    generation = now
                    continue
                }
                if let now, !FileManager.default.fileExists(atPath: directory.generationURL(now).path) {
                    throw IndexError(.missingGeneration, index: index, part: part, detail: now)
                }
                throw IndexError.from(error, index: index, part: part)
            }
        }
    }

    /// The databases the index at `path` is made of, as files on this machine: `local` each with
    /// the name errors give it ("" for the index itself, "shard-1" for a shard of an index
    /// directory, the path a stub file lists) and its folder; `remote` the host:port of each
    /// remote shard. Follows stubs (an index directory's, a generation's, a stub file's lines).
    /// - Throws: `IndexError` `.missing`, `.missingGeneration`, stub errors.
    static func databases(of path: String) throws -> (local: [(name: String, path: String)], remote: [String]) {
        var local: [(String, String)] = []
        var remote: [String] = []
        func visit(_ location: String, name: String, depth: Int) throws {
            guard depth < 8 else {
                throw IndexError(.unreadableStubLine(.unknownType), index: path, part: location, detail: "stubs nested too deep")
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: location, isDirectory: &isDirectory) else {
                throw IndexError(depth == 1 && name.isEmpty ? .missingGeneration : .missing, index: path,
                                 part: name.isEmpty ? nil : name)
            }
            let stubPath = isDirectory.boolValue ? URL(fileURLWithPath: location).appendingPathComponent("XAPIANDB").path : location
            guard FileManager.default.fileExists(atPath: stubPath),
                let text = try? String(contentsOfFile: stubPath, encoding: .utf8)
            else {
                local.append((name, location))
                return
            }
            let stub = try StubFile(path: stubPath, index: path, text: text)
            for (_, entry) in stub.entries {
                switch entry {
                case .remote: remote.append(entry.name)
                case .local(let target):
                    // A generation keeps the index's own name; a shard is named as its folder.
                    let targetName = URL(fileURLWithPath: target).lastPathComponent
                    let child = targetName.hasPrefix("gen-") && depth == 0 ? name
                        : targetName.hasPrefix("shard-") ? targetName : target
                    try visit(target, name: child, depth: depth + 1)
                }
            }
        }
        try visit(path, name: "", depth: 0)
        return (local, remote)
    }

    /// What the system says of the first of `paths` that exists but this user may not read.
    private static func unreadable(_ paths: [String]) -> String? {
        for path in paths where access(path, R_OK) != 0 && (errno == EACCES || errno == EPERM) {
            return "\(path): \(String(cString: strerror(errno)))"
        }
        return nil
    }

    /// The remote shard of the stub at `path` that does not answer now, for naming the shard
    /// behind a network error that Xapian could not attribute; nil when all answer.
    static func unreachableShard(of path: String, index: String, timeouts: RemoteTimeouts) -> IndexError? {
        guard let stub = try? StubFile.withRemoteLines(at: path, index: index) else { return nil }
        for (line, entry) in stub.entries {
            guard case .remote(let host, let port) = entry else { continue }
            do {
                let database = try Database.remote(
                    host: host, port: port, timeout: timeouts.active, connectTimeout: timeouts.connect)
                _ = try database.documentCount
            } catch {
                return IndexError(
                    .unreachable, index: index, part: entry.name, line: line, stub: stub.path,
                    detail: (error as? XapianError)?.message ?? "\(error)")
            }
        }
        return nil
    }

    /// The databases with shard 0 first, where a combined database reads its metadata; fails
    /// when the stub lists some shards of a sharded index but not all, which would silently
    /// leave their documents out of every search.
    private static func inShardOrder(
        _ opened: [(entry: StubEntry, database: Database)], stub: String, index: String
    ) throws
        -> [Database]
    {
        let places = try opened.map { item -> (index: Int, count: Int)? in
            do {
                guard let count = Int(try item.database.metadata(IndexMetadata.shardCount)),
                    let index = Int(try item.database.metadata(IndexMetadata.shardIndex)), count > 1
                else { return nil }
                return (index, count)
            } catch {
                throw IndexError.from(error, index: index, part: item.entry.name)
            }
        }
        // Databases that are not shards of one index (several indexes combined) keep their order.
        guard let first = places.first ?? nil, places.allSatisfy({ $0?.count == first.count }) else {
            return opened.map(\.database)
        }
        let indexes = places.map { $0!.index }
        let missing = Set(0..<first.count).subtracting(indexes).sorted()
        guard missing.isEmpty, indexes.count == first.count else {
            throw IndexError(.incompleteStub(missing: missing, count: first.count), index: index, part: stub)
        }
        return zip(indexes, opened).sorted { $0.0 < $1.0 }.map(\.1.database)
    }
}
