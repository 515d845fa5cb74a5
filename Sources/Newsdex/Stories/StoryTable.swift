// The table a StoryClusterer looks earlier articles up in: per member its id, its cluster and its
// 8-bit sketch; per band key the members that have it, the latest first; per content hash the
// first member with it. Two stores keep it, with the same answers: arrays in memory, or files
// read and written with pread and pwrite, so that a first build of millions of articles holds
// none of it in memory (the page cache holds what is read often, and it is not the process's).
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// One member of a story table, as a candidate copy is checked.
struct StoryTableMember {
    var id: String
    /// Its cluster, as the 64-bit number its 16 hex digits spell (see StoryClusterer.clusterCode).
    var clusterCode: UInt64
    /// The low 8 bits of each MinHash value.
    var sketch: [UInt8]
}

/// The members a StoryClusterer has assigned, numbered from 0 in the order they were added.
/// Member m's band entries are numbered m * bands ..< (m + 1) * bands, one per band.
/// Not thread-safe: the clusterer uses it under its lock.
protocol StoryTable: AnyObject {
    var count: Int { get }
    func member(_ m: Int) throws -> StoryTableMember
    /// The entries with band key `key`, the latest first, at most `limit`.
    func entries(withBandKey key: UInt32, limit: Int) throws -> [Int]
    /// The first member added with `contentHash`.
    func firstMember(withContent contentHash: UInt64) throws -> Int?
    /// Adds member `count`, with one band key per band.
    func append(id: String, clusterCode: UInt64, sketch: [UInt8], bandKeys: [UInt32], contentHash: UInt64) throws
}

/// A story table in flat arrays: per member 12 to 16 bytes per band, 1 byte per permutation and
/// the id's bytes (about 0.8 KB with the default options).
final class MemoryStoryTable: StoryTable {
    private let permutations: Int
    /// All ids' UTF-8, back to back; member m's id ends at `idEnds[m]`.
    private var idBytes: [UInt8] = []
    private var idEnds: [UInt32] = []
    private var clusterCodes: [UInt64] = []
    /// `permutations` sketch bytes per member.
    private var sketches: [UInt8] = []
    /// A chained hash table of band keys: `bandHeads[bucket]` and `bandNext[e]` hold entry + 1
    /// (0 ends a chain); a chain holds the entries of several keys, the latest first.
    private var bandKeys32: [UInt32] = []
    private var bandNext: [UInt32] = []
    private var bandHeads: [UInt32] = Array(repeating: 0, count: 1 << 12)
    private var firstWithContent: [UInt64: UInt32] = [:]

    init(permutations: Int) { self.permutations = permutations }

    var count: Int { idEnds.count }

    func member(_ m: Int) -> StoryTableMember {
        let start = m == 0 ? 0 : Int(idEnds[m - 1])
        return StoryTableMember(
            id: String(decoding: idBytes[start..<Int(idEnds[m])], as: UTF8.self), clusterCode: clusterCodes[m],
            sketch: Array(sketches[m * permutations..<(m + 1) * permutations]))
    }

    func entries(withBandKey key: UInt32, limit: Int) -> [Int] {
        var found: [Int] = []
        var entry = bandHeads[Int(key & UInt32(bandHeads.count - 1))]
        while entry != 0 && found.count < limit {
            let e = Int(entry - 1)
            if bandKeys32[e] == key { found.append(e) }
            entry = bandNext[e]
        }
        return found
    }

    func firstMember(withContent contentHash: UInt64) -> Int? { firstWithContent[contentHash].map(Int.init) }

    func append(id: String, clusterCode: UInt64, sketch: [UInt8], bandKeys: [UInt32], contentHash: UInt64) {
        let m = idEnds.count
        idBytes.append(contentsOf: id.utf8)
        idEnds.append(UInt32(idBytes.count))
        clusterCodes.append(clusterCode)
        sketches.append(contentsOf: sketch)
        if firstWithContent[contentHash] == nil { firstWithContent[contentHash] = UInt32(m) }
        if bandKeys32.count + bandKeys.count > bandHeads.count { growBandTable(adding: bandKeys.count) }
        let mask = UInt32(bandHeads.count - 1)
        for key in bandKeys {
            bandKeys32.append(key)
            bandNext.append(bandHeads[Int(key & mask)])
            bandHeads[Int(key & mask)] = UInt32(bandKeys32.count)
        }
    }

    /// Doubles the buckets (keeping about one entry per bucket) and relinks every entry.
    private func growBandTable(adding: Int) {
        var size = bandHeads.count
        while size < 2 * (bandKeys32.count + adding) { size *= 2 }
        bandHeads = Array(repeating: 0, count: size)
        let mask = UInt32(size - 1)
        for e in bandKeys32.indices {
            let bucket = Int(bandKeys32[e] & mask)
            bandNext[e] = bandHeads[bucket]
            bandHeads[bucket] = UInt32(e + 1)
        }
    }
}

/// A story table in files of one folder, which it creates and `remove()` deletes:
/// - `members`: per member its cluster code, where its id is in `ids`, and its sketch;
/// - `ids`: the ids' UTF-8, back to back;
/// - `entries`: per band entry the entry before it with the same key, + 1 (0: none);
/// - `keys`: an open-addressing hash table from band key to its latest entry + 1;
/// - `contents`: an open-addressing hash table from content hash to its first member + 1.
/// The first three only grow at their end; the two tables are sized for the articles expected,
/// and rebuilt twice as large when more come. Nothing is kept in memory but offsets and counts.
/// A failed read or write throws the system's error (`POSIXError`: ENOSPC for a full disk).
final class FileStoryTable: StoryTable {
    let folder: URL
    private let bands: Int
    private let permutations: Int
    private let members: StoryFile
    private let ids: StoryFile
    private let entryLinks: StoryFile
    private var keys: FileHashTable
    private var contents: FileHashTable
    private var idLength: UInt64 = 0
    private(set) var count = 0

    /// Member records: cluster code (8 bytes), id offset (8), id length (4), sketch.
    private var recordSize: Int { 20 + permutations }

    /// Creates the folder and its empty files, sized for `expected` members.
    init(folder: URL, bands: Int, permutations: Int, expected: Int) throws {
        self.folder = folder
        self.bands = bands
        self.permutations = permutations
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        } catch {
            throw StoryFile.posixError(of: error)
        }
        members = try StoryFile(folder.appendingPathComponent("members"))
        ids = try StoryFile(folder.appendingPathComponent("ids"))
        entryLinks = try StoryFile(folder.appendingPathComponent("entries"))
        keys = try FileHashTable(folder.appendingPathComponent("keys"), keyBytes: 4, expected: expected * bands)
        contents = try FileHashTable(folder.appendingPathComponent("contents"), keyBytes: 8, expected: expected)
    }

    /// Closes and deletes the folder and its files.
    func remove() {
        for file in [members, ids, entryLinks, keys.file, contents.file] { file.closeFile() }
        try? FileManager.default.removeItem(at: folder)
    }

    func member(_ m: Int) throws -> StoryTableMember {
        let record = try members.read(count: recordSize, at: m * recordSize)
        let clusterCode = record.load(UInt64.self, at: 0)
        let idOffset = record.load(UInt64.self, at: 8)
        let length = record.load(UInt32.self, at: 16)
        let id = try ids.read(count: Int(length), at: Int(idOffset))
        return StoryTableMember(
            id: String(decoding: id, as: UTF8.self), clusterCode: clusterCode, sketch: Array(record[20...]))
    }

    func entries(withBandKey key: UInt32, limit: Int) throws -> [Int] {
        var found: [Int] = []
        var entry = try keys.value(of: UInt64(key))
        while entry != 0 && found.count < limit {
            let e = Int(entry - 1)
            found.append(e)
            entry = try entryLinks.read(count: 4, at: e * 4).load(UInt32.self, at: 0)
        }
        return found
    }

    func firstMember(withContent contentHash: UInt64) throws -> Int? {
        let value = try contents.value(of: contentHash)
        return value == 0 ? nil : Int(value - 1)
    }

    func append(id: String, clusterCode: UInt64, sketch: [UInt8], bandKeys: [UInt32], contentHash: UInt64) throws {
        let m = count
        let idBytes = Array(id.utf8)
        var record: [UInt8] = []
        record.reserveCapacity(recordSize)
        record.append(littleEndian: clusterCode)
        record.append(littleEndian: idLength)
        record.append(littleEndian: UInt32(idBytes.count))
        record += sketch
        try ids.write(idBytes, at: Int(idLength))
        try members.write(record, at: m * recordSize)
        idLength += UInt64(idBytes.count)
        try contents.setIfAbsent(contentHash, to: UInt32(m + 1))
        var links: [UInt8] = []
        links.reserveCapacity(4 * bandKeys.count)
        for (band, key) in bandKeys.enumerated() {
            // The entry before it with this key (0 for none) is linked from it.
            links.append(littleEndian: try keys.set(UInt64(key), to: UInt32(m * bands + band + 1)))
        }
        try entryLinks.write(links, at: m * bands * 4)
        count += 1
    }
}

/// An open-addressing hash table (linear probing) in a file, from keys of 4 or 8 bytes to
/// nonzero 32-bit values; a slot is its key then its value, 0 in an empty slot. Sized to stay
/// at most 70% full, and rebuilt twice as large, slot by slot, into a new file when fuller.
struct FileHashTable {
    private(set) var file: StoryFile
    private let keyBytes: Int
    private var capacity: Int
    private var used = 0
    private var slotSize: Int { keyBytes + 4 }
    /// Slots read at once while probing: most probes end within them.
    private static let probeBlock = 8

    init(_ url: URL, keyBytes: Int, expected: Int) throws {
        self.keyBytes = keyBytes
        capacity = Self.capacity(for: expected)
        file = try StoryFile(url)
        try file.resize(to: capacity * slotSize)
    }

    private static func capacity(for count: Int) -> Int {
        var capacity = 1 << 12
        while count * 10 > capacity * 7 { capacity *= 2 }
        return capacity
    }

    private func home(of key: UInt64) -> Int {
        Int(truncatingIfNeeded: StoryHashing.mix(key) & UInt64(capacity - 1))
    }

    /// The slot of `key`, or the empty slot where it would go, and the value there.
    private func find(_ key: UInt64) throws -> (slot: Int, value: UInt32) {
        var slot = home(of: key)
        while true {
            let count = min(Self.probeBlock, capacity - slot)
            let block = try file.read(count: count * slotSize, at: slot * slotSize)
            for i in 0..<count {
                let base = i * slotSize
                let value = block.load(UInt32.self, at: base + keyBytes)
                let stored = keyBytes == 8 ? block.load(UInt64.self, at: base) : UInt64(block.load(UInt32.self, at: base))
                if value == 0 || stored == key { return (slot + i, value) }
            }
            slot = (slot + count) & (capacity - 1)
        }
    }

    /// The value of `key`; 0 when it has none.
    func value(of key: UInt64) throws -> UInt32 { try find(key).value }

    /// Sets the value of `key` (nonzero) and returns the one it had (0 for none): one probe,
    /// where a read and then a write would probe twice.
    @discardableResult
    mutating func set(_ key: UInt64, to value: UInt32) throws -> UInt32 {
        let (slot, old) = try find(key)
        try write(key, value, at: slot, in: file)
        guard old == 0 else { return old }
        used += 1
        if used * 10 > capacity * 7 { try grow() }
        return old
    }

    /// Sets the value of `key` (nonzero) unless it has one.
    mutating func setIfAbsent(_ key: UInt64, to value: UInt32) throws {
        let (slot, old) = try find(key)
        guard old == 0 else { return }
        try write(key, value, at: slot, in: file)
        used += 1
        if used * 10 > capacity * 7 { try grow() }
    }

    private func write(_ key: UInt64, _ value: UInt32, at slot: Int, in file: StoryFile) throws {
        var bytes: [UInt8] = []
        if keyBytes == 8 { bytes.append(littleEndian: key) } else { bytes.append(littleEndian: UInt32(truncatingIfNeeded: key)) }
        bytes.append(littleEndian: value)
        try file.write(bytes, at: slot * slotSize)
    }

    /// Moves every slot into a table twice as large, in a new file that replaces this one.
    private mutating func grow() throws {
        let old = file
        let oldCapacity = capacity
        let url = old.url.appendingPathExtension("new")
        var larger = self
        larger.capacity = oldCapacity * 2
        larger.file = try StoryFile(url)
        try larger.file.resize(to: larger.capacity * slotSize)
        larger.used = 0
        let chunk = 4096
        var start = 0
        while start < oldCapacity {
            let count = min(chunk, oldCapacity - start)
            let block = try old.read(count: count * slotSize, at: start * slotSize)
            for i in 0..<count {
                let base = i * slotSize
                let value = block.load(UInt32.self, at: base + keyBytes)
                guard value != 0 else { continue }
                let key = keyBytes == 8 ? block.load(UInt64.self, at: base) : UInt64(block.load(UInt32.self, at: base))
                let (slot, _) = try larger.find(key)
                try larger.write(key, value, at: slot, in: larger.file)
                larger.used += 1
            }
            start += count
        }
        try larger.file.move(to: old.url)
        old.closeFile()
        self = larger
    }
}

/// A file read and written at offsets, with errors thrown as `POSIXError`.
final class StoryFile {
    private(set) var url: URL
    private var descriptor: Int32

    init(_ url: URL) throws {
        self.url = url
        descriptor = open(url.path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw Self.lastError() }
    }

    deinit { closeFile() }

    func closeFile() {
        if descriptor >= 0 { _ = close(descriptor) }
        descriptor = -1
    }

    /// Sets the file's length (a longer file reads as zeros, and takes no disk until written).
    func resize(to length: Int) throws {
        guard ftruncate(descriptor, off_t(length)) == 0 else { throw Self.lastError() }
    }

    /// `count` bytes at `offset`; zeros past the end of the file.
    func read(count: Int, at offset: Int) throws -> [UInt8] {
        var bytes = [UInt8](repeating: 0, count: count)
        var done = 0
        while done < count {
            let n = bytes.withUnsafeMutableBytes { buffer in
                pread(descriptor, buffer.baseAddress! + done, count - done, off_t(offset + done))
            }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { throw Self.lastError() }
            if n == 0 { break }
            done += n
        }
        return bytes
    }

    func write(_ bytes: [UInt8], at offset: Int) throws {
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { buffer in
                pwrite(descriptor, buffer.baseAddress! + done, bytes.count - done, off_t(offset + done))
            }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw n == 0 ? POSIXError(.EIO) : Self.lastError() }
            done += n
        }
    }

    /// Renames the file, which stays open.
    func move(to destination: URL) throws {
        guard rename(url.path, destination.path) == 0 else { throw Self.lastError() }
        url = destination
    }

    static func lastError() -> POSIXError { POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }

    /// The POSIX error under a Foundation error, EIO when it has none.
    static func posixError(of error: any Error) -> POSIXError {
        if let error = error as? POSIXError { return error }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain, let code = POSIXErrorCode(rawValue: Int32(ns.code)) { return POSIXError(code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return POSIXError(code)
        }
        return POSIXError(.EIO)
    }
}

extension [UInt8] {
    fileprivate mutating func append<T: FixedWidthInteger>(littleEndian value: T) {
        Swift.withUnsafeBytes(of: value.littleEndian) { append(contentsOf: $0) }
    }

    fileprivate func load<T: FixedWidthInteger>(_ type: T.Type, at offset: Int) -> T {
        T(littleEndian: withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) })
    }
}
