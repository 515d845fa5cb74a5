// Every failure in the Xapian binding: a code to match on and Xapian's message.
internal import CXapian

/// An error thrown by Xapian, classified by the C++ exception type it came from.
///
/// Match on the code: `catch XapianError.databaseLocked { ... }`, or inspect `code`. The message
/// is Xapian's and is meant for people; do not match on it.
public struct XapianError: Error, CustomStringConvertible, Equatable, Sendable {
    /// The kind of failure, one per Xapian exception class.
    public enum Code: Sendable, Hashable {
        /// `Xapian::DatabaseNotFoundError`: no database at the path.
        case databaseNotFound
        /// `Xapian::DatabaseLockError`: another writer holds the lock.
        case databaseLocked
        /// `Xapian::DatabaseModifiedError`: the revision being read was overwritten; reopen and retry.
        case databaseModified
        /// `Xapian::DatabaseCorruptError`.
        case databaseCorrupt
        /// `Xapian::DatabaseOpeningError` other than not-found, lock and version.
        case databaseOpening
        /// `Xapian::DatabaseVersionError`: an unsupported format.
        case databaseVersion
        /// Any other `Xapian::DatabaseError` (including create and closed errors).
        case database
        /// `Xapian::QueryParserError`: the query text does not parse.
        case queryParser
        /// `Xapian::InvalidArgumentError`.
        case invalidArgument
        /// `Xapian::InvalidOperationError`.
        case invalidOperation
        /// `Xapian::UnimplementedError`.
        case unimplemented
        /// `Xapian::DocNotFoundError`.
        case documentNotFound
        /// `Xapian::RangeError`.
        case range
        /// `Xapian::NetworkTimeoutError`.
        case networkTimeout
        /// Any other `Xapian::NetworkError` (e.g. connection refused).
        case network
        /// `std::bad_alloc`.
        case outOfMemory
        /// Any other exception.
        case other
    }

    public let code: Code
    public let message: String
    /// Xapian's context: for a remote database, the one that failed (`remote:tcp(HOST:PORT)`);
    /// "" when none.
    public let context: String
    /// The system error behind the failure (`errno`: `ENOSPC` for a block that could not be
    /// written, `EACCES`, …), nil when there is none.
    public let systemError: Int32?

    public init(code: Code, message: String, context: String = "", systemError: Int32? = nil) {
        self.code = code
        self.message = message
        self.context = context
        self.systemError = systemError
    }

    init(status: cx_status, message: String, context: String, systemError: Int32) {
        let code: Code
        switch status {
        case CX_DATABASE_NOT_FOUND: code = .databaseNotFound
        case CX_DATABASE_LOCKED: code = .databaseLocked
        case CX_DATABASE_MODIFIED: code = .databaseModified
        case CX_DATABASE_CORRUPT: code = .databaseCorrupt
        case CX_DATABASE_OPENING: code = .databaseOpening
        case CX_DATABASE_VERSION: code = .databaseVersion
        case CX_DATABASE: code = .database
        case CX_QUERY_PARSER: code = .queryParser
        case CX_INVALID_ARGUMENT: code = .invalidArgument
        case CX_INVALID_OPERATION: code = .invalidOperation
        case CX_UNIMPLEMENTED: code = .unimplemented
        case CX_DOC_NOT_FOUND: code = .documentNotFound
        case CX_RANGE: code = .range
        case CX_NETWORK_TIMEOUT: code = .networkTimeout
        case CX_NETWORK: code = .network
        case CX_NO_MEMORY: code = .outOfMemory
        default: code = .other
        }
        self.init(code: code, message: message, context: context, systemError: systemError == 0 ? nil : systemError)
    }

    public var description: String { "XapianError.\(code): \(message)" }

    public static var databaseNotFound: Code { .databaseNotFound }
    public static var databaseLocked: Code { .databaseLocked }
    public static var databaseModified: Code { .databaseModified }
    public static var databaseCorrupt: Code { .databaseCorrupt }
    public static var databaseOpening: Code { .databaseOpening }
    public static var databaseVersion: Code { .databaseVersion }
    public static var database: Code { .database }
    public static var queryParser: Code { .queryParser }
    public static var invalidArgument: Code { .invalidArgument }
    public static var invalidOperation: Code { .invalidOperation }
    public static var unimplemented: Code { .unimplemented }
    public static var documentNotFound: Code { .documentNotFound }
    public static var range: Code { .range }
    public static var networkTimeout: Code { .networkTimeout }
    public static var network: Code { .network }
    public static var outOfMemory: Code { .outOfMemory }
    public static var other: Code { .other }
}

extension XapianError.Code {
    /// Lets `catch XapianError.databaseLocked` match a thrown `XapianError` with that code.
    ///
    /// (Swift requires a member operator to take its own type, so this lives on `Code`.)
    public static func ~= (pattern: XapianError.Code, error: any Error) -> Bool {
        (error as? XapianError)?.code == pattern
    }
}
