// The layout of an index on disk, which is what makes rebuilds atomic:
//
//   index/XAPIANDB      a Xapian stub file naming the current generation ("auto gen-000003")
//   index/gen-000003/   the current generation: a Xapian database (or shards and their stub)
//   index/gen-000002/   the previous one, kept for readers that opened it a moment ago
//   index/.lock         held by the one `newsdex index` running
//
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
        guard let text = try? String(contentsOf: stubURL, encoding: .utf8) else { return nil }
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: " ", maxSplits: 1)
            if parts.count == 2, parts[0] == "auto" {
                return String(parts[1]).trimmingCharacters(in: .whitespaces)
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

    /// Points the stub at `generation` with one atomic rename, then removes every generation but
    /// it and the one before, which a reader may still be opening.
    func switchTo(generation: String) throws {
        let previous = currentGeneration()
        let temporary = url.appendingPathComponent("XAPIANDB.tmp")
        do {
            try Data("auto \(generation)\n".utf8).write(to: temporary)
        } catch {
            throw IndexError(.unwritable, index: url.path, part: temporary.path, detail: error.localizedDescription)
        }
        guard rename(temporary.path, stubURL.path) == 0 else {
            throw IndexError(.unwritable, index: url.path, part: stubURL.path, detail: String(cString: strerror(errno)))
        }
        removeGenerations(keeping: [generation, previous].compactMap { $0 })
    }

    /// Removes generation folders not in `keeping`, and half-built ones left by a killed run.
    func removeGenerations(keeping: [String]) {
        let existing = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        for name in existing where name.hasPrefix("gen-") && !keeping.contains(name) {
            try? FileManager.default.removeItem(at: url.appendingPathComponent(name))
        }
    }

    /// Takes the index's writer lock, or fails at once if another process holds it.
    func lock() throws -> IndexLock {
        do {
            try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        } catch {
            throw IndexError(.unwritable, index: url.path, detail: error.localizedDescription)
        }
        let fd = open(lockURL.path, O_RDWR | O_CREAT | O_CLOEXEC, 0o644)
        guard fd >= 0 else {
            throw IndexError(.unwritable, index: url.path, part: lockURL.path, detail: String(cString: strerror(errno)))
        }
        guard flock(fd, LOCK_EX | LOCK_NB) == 0 else {
            close(fd)
            throw IndexError(.locked, index: url.path)
        }
        return IndexLock(fd: fd)
    }
}

/// The writer lock of an index directory; released when this is deinitialized.
final class IndexLock {
    private let fd: Int32
    init(fd: Int32) { self.fd = fd }
    deinit { close(fd) }
}
