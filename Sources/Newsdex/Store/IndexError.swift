// Store/ is the index as files on disk: its directory of generations and lock, stub files and
// remote shards, opening it for reading, the schema check every opener makes, and the errors of
// all of these. Indexing (which writes it) and searching (which reads it) both need this and
// neither owns it, so it sits beside Schema/ and Index/ and Search/ each use it.
import Xapian

/// Why an index cannot be used; the CLI exits 4 for all of these.
public struct IndexError: Error, CustomStringConvertible, Sendable {
    public enum Code: Sendable, Hashable {
        case missing, locked, corrupt, schemaMismatch, unwritable, unreachable, other
    }
    public let code: Code
    public let message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }

    /// Classifies a Xapian error met while opening or writing the index at `path`.
    static func from(_ error: any Error, path: String) -> IndexError {
        guard let error = error as? XapianError else {
            if let error = error as? IndexError { return error }
            return IndexError(.other, "\(path): \(error)")
        }
        switch error.code {
        case .databaseNotFound:
            return IndexError(
                .missing, "no index at \(path): build it with `make index` or `newsdex index --db \(path)`")
        case .databaseLocked:
            return IndexError(
                .locked, "the index at \(path) is locked: another `newsdex index` is running; wait for it to finish")
        case .databaseCorrupt, .databaseVersion, .database:
            return IndexError(
                .corrupt,
                "the index at \(path) is damaged (\(error.message)): rebuild it with `newsdex index --rebuild --db \(path)`")
        case .network, .networkTimeout:
            return IndexError(.unreachable, "cannot reach a shard of \(path): \(error.message)")
        default:
            return IndexError(.other, "cannot open the index at \(path): \(error.message)")
        }
    }
}
