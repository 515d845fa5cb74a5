// The layout of an index on disk, which is what makes rebuilds atomic:
//
//   index/XAPIANDB      a Xapian stub file naming the current generation ("auto gen-000003")
//   index/gen-000003/   the current generation: a Xapian database (or shards and their stub)
//   index/gen-000004/   while `newsdex index` runs, the generation it builds (and, for a full
//                       build, each thread's part folders gen-000004.part-N and .pictures-N)
//   index/.lock         held by the one `newsdex index` running, with its PID
//
// Every generation but the current one is removed when a run switches to a new one, when a run
// fails, and when the next run takes the lock (what a killed run left): after any number of
// killed runs and one that succeeds, the folder holds one generation.
// Xapian opens a directory that holds a XAPIANDB stub as the database the stub names, so readers
// just open index/. A new generation is built beside the live one and switched over with one
// rename of the stub: a reader sees the old index or the new one, never a mix.
import Foundation
internal import Xapian

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// An index directory: its generations, its stub and its lock.
public struct IndexDirectory: Sendable {
    public let url: URL

    public init(url: URL) {
        self.url = url.standardizedFileURL
    }

    var stubURL: URL { url.appendingPathComponent("XAPIANDB") }
    var lockURL: URL { url.appendingPathComponent(".lock") }

    /// The generation the stub names, if any.
    public func currentGeneration() -> String? {
        Self.generation(namedIn: stubURL.path)
    }

    /// What `currentGeneration()` of the index directory at `path` says, from `node`, its stub
    /// as `StubGraph` read it (nil when `node` is not the stub of a folder at `path`): a search
    /// reads no stub again.
    static func currentGeneration(of node: StubGraph.Node, inFolder path: String) -> String? {
        guard case .stub(let file, let text) = node, file == FilePaths.appending("XAPIANDB", to: path) else {
            return nil
        }
        return generation(namedBy: text)
    }

    /// The generation the stub file at `stub` names, if any.
    private static func generation(namedIn stub: String) -> String? {
        // Read without blocking: the index folder is the user's, and a FIFO there must not hang us.
        guard let text = RegularFile.text(stub, maxBytes: StubGraph.maxStubBytes) else { return nil }
        return generation(namedBy: text)
    }

    /// The generation a stub's text names on its first `auto` line, if any. Its lines are what
    /// Xapian reads, up to each "\n" byte (as Characters, "\r\n" is one).
    private static func generation(namedBy text: String) -> String? {
        for line in text.parts(separatedBy: UInt8(ascii: "\n")) {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0] == "auto" {
                // Trimmed as a Character is white space: Foundation's trimmingCharacters cost a
                // one-shot search 5% of its instructions on its first use (issue 16).
                let name = parts[1].drop(while: \.isWhitespace)
                return String(name.dropLast(name.reversed().prefix(while: \.isWhitespace).count))
            }
        }
        return nil
    }

    /// The on-disk folder of a generation.
    func generationURL(_ name: String) -> URL { url.appendingPathComponent(name) }

    /// A fresh generation name, after every one on disk.
    func nextGenerationName() -> String {
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        let numbers = existing.compactMap { name -> Int? in
            guard name.hasPrefix("gen-") else { return nil }
            return Int(name.dropFirst(4).prefix { $0.isNumber })
        }
        let next = (numbers.max() ?? 0) + 1
        let digits = String(next)
        return "gen-" + String(repeating: "0", count: max(0, 6 - digits.count)) + digits
    }

    /// The start of the stub's comment line that names the corpus root (as the index's metadata
    /// records it), so that it can be read, for the command that rebuilds the index, when the
    /// generation cannot be opened. Xapian skips comment lines of stubs.
    static let corpusRootComment = "# newsdex corpus root: "

    /// The corpus root the stub's comment names, if it names one.
    public func corpusRootComment() -> String? {
        guard let text = try? String(contentsOf: stubURL, encoding: .utf8) else { return nil }
        return text.split(separator: "\n").first { $0.hasPrefix(Self.corpusRootComment) }
            .map { String($0.dropFirst(Self.corpusRootComment.count)) }
    }

    /// Points the stub at `generation` with one atomic rename, then removes every other
    /// generation. A reader that opened the old one keeps its open files (and so its index) until
    /// it is done; one that read the old stub but had not yet opened the generation reads the
    /// stub again (IndexOpener), so nothing is kept for it.
    /// - Parameter corpusRoot: the corpus root the generation records, for the stub's comment.
    func switchTo(generation: String, corpusRoot: String? = nil) throws {
        let temporary = url.appendingPathComponent("XAPIANDB.tmp")
        let comment = corpusRoot.flatMap { $0.contains("\n") ? nil : Self.corpusRootComment + $0 + "\n" } ?? ""
        do {
            try Data((comment + "auto \(generation)\n").utf8).write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw IndexError.from(error, index: url.path)
        }
        guard rename(temporary.path, stubURL.path) == 0 else {
            let failure = errno
            try? FileManager.default.removeItem(at: temporary)
            throw IndexError.fromSystem(failure, index: url.path, part: stubURL.path)
        }
        removeLeftovers(keeping: generation)
    }

    /// Removes every generation folder but `keeping` (by default the current one): half-built
    /// generations and part folders of runs that were killed or failed, and generations a switch
    /// left behind. Only the holder of the writer lock may call this: another writer's
    /// generation in progress would go too.
    func removeLeftovers(keeping: String? = nil) {
        let keep = keeping ?? currentGeneration()
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in existing where (name.hasPrefix("gen-") && name != keep) || name == "XAPIANDB.tmp" {
            try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
        }
    }

    /// Bytes free for this user on the index's file system, nil when it cannot be told.
    func availableBytes() -> Int64? {
        var info = statvfs()
        guard statvfs(url.path, &info) == 0 else { return nil }
        return Int64(info.f_bavail) * Int64(info.f_frsize)
    }

    /// Bytes of the files of generation `name` (0 when there is none).
    func size(ofGeneration name: String) -> Int64 {
        IndexDirectory.bytes(under: generationURL(name))
    }

    /// Bytes of the files under `folder`.
    static func bytes(under folder: URL) -> Int64 {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: [.fileSizeKey]) else {
            return 0
        }
        var total: Int64 = 0
        for case let file as URL in walker {
            total += Int64((try? file.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0) ?? 0)
        }
        return total
    }

    /// Takes the index's writer lock, or fails at once if another process holds it. The lock is
    /// a flock(2) on `.lock`, which the system releases when its process ends however it ends:
    /// a `.lock` left by a killed run never blocks the next. The holder writes its PID into the
    /// file, so that a second writer can say who holds it.
    func lock() throws -> IndexLock {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw IndexError.from(error, index: url.path)
        }
        let fd = open(lockURL.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw IndexError.fromSystem(errno, index: url.path, part: lockURL.path)
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            let holder = Self.pid(in: fd)
            close(fd)
            throw IndexError(.locked(pid: holder), index: url.path)
        }
        let pid = Array("\(getpid())\n".utf8)
        if ftruncate(fd, 0) == 0 {
            _ = pid.withUnsafeBytes { pwrite(fd, $0.baseAddress, $0.count, 0) }
        }
        return IndexLock(fd: fd)
    }

    /// The PID a lock holder wrote into the lock file, if that process is alive.
    private static func pid(in fd: Int32) -> Int32? {
        var buffer = [UInt8](repeating: 0, count: 32)
        let count = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, 0) }
        guard count > 0,
            let pid = Int32(String(decoding: buffer.prefix(count), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)),
            pid > 0, kill(pid, 0) == 0 || errno == EPERM
        else { return nil }
        return pid
    }
}

/// A generation's files as they were before an update in place, to undo what a failed one left.
///
/// A Xapian transaction that fails (on a full disk, most often) leaves the blocks it wrote at the
/// ends of the table files; the revision the generation still reads does not use them, but on a
/// full disk they are what keeps it full, and every later run, a rebuild included, would fail.
/// They are cut off again, only while the generation is still at the revision it was at.
struct GenerationFiles {
    let folder: URL
    let revision: UInt64
    let sizes: [String: Int64]

    /// - Throws: what reading the revision of `database` (the generation at `folder`) throws.
    init(folder: URL, database: Database) throws {
        self.folder = folder
        revision = try database.revision
        var sizes: [String: Int64] = [:]
        for name in (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [] {
            var info = stat()
            if stat(folder.appendingPathComponent(name).path, &info) == 0, (info.st_mode & S_IFMT) == S_IFREG {
                sizes[name] = Int64(info.st_size)
            }
        }
        self.sizes = sizes
    }

    /// Cuts each file back to the size it had, if the generation still reads the same revision
    /// (the update did not commit); nothing otherwise.
    func cutBackIfUncommitted() {
        guard let now = try? Database(path: folder.path).revision, now == revision else { return }
        for (name, size) in sizes {
            _ = truncate(folder.appendingPathComponent(name).path, off_t(size))
        }
    }
}

/// The writer lock of an index directory; released when this is deinitialized.
final class IndexLock {
    private let fd: Int32
    init(fd: Int32) { self.fd = fd }
    deinit {
        // A PID left in the file would name a process that no longer holds the lock.
        _ = ftruncate(fd, 0)
        close(fd)
    }
}
