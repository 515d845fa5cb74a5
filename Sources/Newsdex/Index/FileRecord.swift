// What the index remembers of each corpus file, in its metadata, to know what changed since.
import Foundation
internal import Xapian

/// The state of one corpus file when it was indexed.
struct FileRecord: Sendable, Hashable {
    var hash: ContentHash
    var size: Int
    /// Modification time in nanoseconds: when size and time are unchanged the file is not even
    /// read again, as make and git do.
    var modified: Int64

    var encoded: String { "\(hash.hex) \(size) \(modified)" }

    /// The record the index keeps for the file at `path`, if any.
    /// - Throws: what reading the index's metadata throws.
    static func read(from database: Database, path: String) throws -> FileRecord? {
        FileRecord(encoded: try database.metadata(IndexMetadata.fileRecordKey(path: path)))
    }

    init(hash: ContentHash, size: Int, modified: Int64) {
        self.hash = hash
        self.size = size
        self.modified = modified
    }

    init?(encoded: String) {
        let parts = encoded.split(separator: " ")
        guard parts.count == 3, let hash = ContentHash(hex: String(parts[0])),
            let size = Int(parts[1]), let modified = Int64(parts[2])
        else { return nil }
        self.init(hash: hash, size: size, modified: modified)
    }
}

/// Size and modification time of a file, from one stat(2) call.
struct FileStatus: Sendable, Hashable {
    var size: Int
    var modified: Int64

    init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        size = Int(info.st_size)
        #if canImport(Darwin)
            modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
            modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
    }
}
