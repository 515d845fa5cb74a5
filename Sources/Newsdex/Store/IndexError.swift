// Store/ is the index as files on disk: its directory of generations and lock, stub files and
// remote shards, opening it for reading, the schema check every opener makes, and the errors of
// all of these. Indexing (which writes it) and searching (which reads it) both need this and
// neither owns it, so it sits beside Schema/ and Index/ and Search/ each use it.
internal import Xapian

/// Why an index cannot be used. It carries what a message needs, not the message: the CLI words
/// it (and says what to do) in Sources/newsdex/Output/ErrorMessages.swift, and exits 4 for all.
public struct IndexError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        /// Nothing at the path (or at `part`, a database a stub names).
        case missing
        /// Another writer holds the index.
        case locked
        /// The index (or `part`) is damaged, or written by another Xapian; `detail` says how.
        case corrupt
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
        /// Anything else; `detail` is the underlying message.
        case other
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
    /// `part`); an IndexError passes unchanged.
    static func from(_ error: any Error, index: String, part: String? = nil) -> IndexError {
        if let error = error as? IndexError { return error }
        guard let error = error as? XapianError else {
            return IndexError(.other, index: index, part: part, detail: "\(error)")
        }
        let code: Code
        switch error.code {
        case .databaseNotFound: code = .missing
        case .databaseLocked: code = .locked
        case .databaseCorrupt, .databaseVersion, .database: code = .corrupt
        case .network, .networkTimeout: code = .unreachable
        default: code = .other
        }
        return IndexError(code, index: index, part: part, detail: error.message)
    }
}
