// Store/ is the index as files on disk: its directory of generations and lock, stub files and
// remote shards, opening it for reading, the schema check every opener makes, and the errors of
// all of these. Indexing (which writes it) and searching (which reads it) both need this and
// neither owns it, so it sits beside Schema/ and Index/ and Search/ each use it.
import Foundation
internal import Xapian

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Why an index cannot be used. It carries what a message needs, not the message: the CLI words
/// it (and says what to do) in Sources/newsdex/Output/ErrorMessages.swift, and exits 4 for all.
public struct IndexError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// Nothing at the path (or at `part`, a database a stub names).
        case missing
        /// The index directory's stub names a generation that is not there (removed by hand, or
        /// copied without it): only a rebuild recovers.
        case missingGeneration
        /// Another writer holds the index: `pid`, the process that holds it, when it can be told.
        case locked(pid: Int32?)
        /// The index (or `part`) is damaged, or written by another Xapian; `detail` says how.
        case corrupt
        /// The index changed under a reader twice in a row (a writer committing while it read):
        /// reading again will see the new index.
        case modified
        /// The disk of the index is full: about `needed` bytes more were wanted, `available`
        /// were free (each nil when unknown). What was being written has been removed.
        case noSpace(needed: Int64?, available: Int64?)
        /// The system refused to read or write `part` (or the index): permissions, a read-only
        /// file system; `detail` says which.
        case permissionDenied
        /// Built with another schema version: `detail` is the version found, nil when the
        /// database has none (it is not a newsdex index).
        case schemaMismatch
        /// A file or folder of the index cannot be written: `part`, and the system's `detail`.
        case unwritable
        /// The remote shard `part` (host:port) does not answer; `line` is its line in the stub
        /// file `stub`.
        case unreachable
        /// Line `line` of the stub file `part` cannot be read; `detail` is the line.
        case unreadableStubLine(StubProblem)
        /// The stub file `part` lists some shards of an index of `count` but not all (`missing`;
        /// none when it lists one twice).
        case incompleteStub(missing: [Int], count: Int)
        /// The database `part` is not shard `expected` of `count`, where the generation's stub
        /// lists it.
        case shardOutOfPlace(expected: Int, count: Int)
        /// The stored data of the document `part` cannot be read; `detail` says why.
        case unreadableDocument
        /// `part` (the index itself when nil) is a FIFO, a socket or a device, where a database
        /// or a stub file should be: never opened, since opening it could block forever.
        case notAFile(FileKind)
        /// The stubs leading from the index nest wrongly; `part` is the stub file concerned.
        case stubNesting(StubNesting)
        /// Anything else; `detail` is the underlying message.
        case other
    }

    /// How stub files nest wrongly (Xapian would recurse until it crashes).
    public enum StubNesting: Sendable, Hashable {
        /// A stub names itself, or one that leads back to it: the stub files of the cycle, the
        /// first repeated at the end.
        case cycle([String])
        /// Stubs nest deeper than this limit.
        case tooDeep(Int)
        /// The stubs name more databases than this limit.
        case tooMany(Int)
    }

    /// What is wrong with a line of a stub file.
    public enum StubProblem: Sendable, Hashable {
        /// An `auto`, `glass` or `chert` line with no path.
        case noPath
        /// `remote :PROGRAM`: a shard run as a local program; only TCP is supported.
        case remoteProgram
        /// `remote tcp …`: not a form Xapian 1.4 reads.
        case remoteTCPForm
        /// A `remote` line that is not `remote HOST:PORT`.
        case badRemote
        /// A line of another type.
        case unknownType
        /// A line holding a carriage return (a stub saved on Windows ends each line in "\r\n"),
        /// which Xapian would read as part of the line.
        case carriageReturn
    }

    public let code: Code
    /// The index as the caller named it.
    public let index: String
    /// The part of the index concerned, when it is not the whole: a shard (its path or
    /// host:port), a stub file, a document id.
    public let part: String?
    /// A line of the stub file concerned.
    public let line: Int?
    /// The stub file that names `part`, for an unreachable shard.
    public let stub: String?
    /// The underlying message (Xapian's, the system's) or value found.
    public let detail: String?

    public init(
        _ code: Code, index: String, part: String? = nil, line: Int? = nil, stub: String? = nil,
        detail: String? = nil
    ) {
        self.code = code
        self.index = index
        self.part = part
        self.line = line
        self.stub = stub
        self.detail = detail
    }

    /// A plain account for logs and library callers; the CLI words its own messages.
    public var description: String {
        var text = "IndexError.\(code) (index \(index)"
        if let part { text += ", \(part)" }
        if let line { text += ", line \(line)" }
        if let stub { text += ", in \(stub)" }
        text += ")"
        if let detail { text += ": \(detail)" }
        return text
    }

    /// Classifies an error met while opening, reading or writing the index `index` (or its
    /// `part`): Xapian's, the file system's (Foundation's or errno), or a stored record that does
    /// not decode. An IndexError passes unchanged.
    static func from(_ error: any Error, index: String, part: String? = nil) -> IndexError {
        if let error = error as? IndexError { return error }
        if let error = error as? StoredDocumentError {
            return IndexError(.unreadableDocument, index: index, part: error.document, detail: error.detail)
        }
        if error is DecodingError {
            return IndexError(.unreadableDocument, index: index, part: part, detail: "\(error)")
        }
        guard let error = error as? XapianError else {
            if let errno = systemError(of: error) {
                return fromSystem(errno, index: index, part: part, detail: (error as NSError).localizedDescription)
            }
            return IndexError(.other, index: index, part: part, detail: "\(error)")
        }
        // A system error under Xapian's (a full disk, a folder it may not write) says more than
        // the Xapian class it came in, which for a failed write is only "DatabaseError".
        if let errno = error.systemError, let classified = classify(errno) {
            return IndexError(classified, index: index, part: part, detail: error.message)
        }
        let code: Code
        switch error.code {
        case .databaseNotFound: code = .missing
        case .databaseLocked: code = .locked(pid: nil)
        case .databaseModified: code = .modified
        case .databaseCorrupt, .databaseVersion, .database: code = .corrupt
        case .network, .networkTimeout:
            // Xapian's context names the remote database that failed: "remote:tcp(HOST:PORT)".
            return IndexError(.unreachable, index: index, part: remoteName(in: error.context) ?? part, detail: error.message)
        default: code = .other
        }
        return IndexError(code, index: index, part: part, detail: error.message)
    }

    /// An error of the system call `errno` on the index `index` (or its `part`).
    static func fromSystem(_ errno: Int32, index: String, part: String? = nil, detail: String? = nil) -> IndexError {
        IndexError(classify(errno) ?? .unwritable, index: index, part: part, detail: detail ?? String(cString: strerror(errno)))
    }

    /// The codes that a system error decides whatever call met it.
    private static func classify(_ errno: Int32) -> Code? {
        switch errno {
        case ENOSPC, EDQUOT: return .noSpace(needed: nil, available: nil)
        case EACCES, EPERM, EROFS: return .permissionDenied
        default: return nil
        }
    }

    /// The errno behind a Foundation error (CocoaError and NSError carry it as a POSIX error,
    /// themselves or underneath).
    private static func systemError(of error: any Error) -> Int32? {
        if let error = error as? POSIXError { return error.code.rawValue }
        let ns = error as NSError
        if ns.domain == NSPOSIXErrorDomain { return Int32(ns.code) }
        if let underlying = ns.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain {
            return Int32(underlying.code)
        }
        // Foundation reports some file errors by its own codes alone.
        switch ns.code {
        case CocoaError.fileWriteOutOfSpace.rawValue: return ENOSPC
        case CocoaError.fileWriteNoPermission.rawValue, CocoaError.fileReadNoPermission.rawValue: return EACCES
        case CocoaError.fileWriteVolumeReadOnly.rawValue: return EROFS
        default: return nil
        }
    }

    /// "HOST:PORT" of Xapian's context for a remote database, "remote:tcp(HOST:PORT)".
    static func remoteName(in context: String) -> String? {
        guard context.hasPrefix("remote:tcp("), context.hasSuffix(")") else { return nil }
        return String(context.dropFirst("remote:tcp(".count).dropLast())
    }

    /// This error with the space a write wanted and the space the disk had, for a full disk.
    func withSpace(needed: Int64?, available: Int64?) -> IndexError {
        guard case .noSpace = code else { return self }
        return IndexError(.noSpace(needed: needed, available: available), index: index, part: part, detail: detail)
    }
}
