// Every error the user can meet, in words, with what to do next and the exit code: the library
// reports what happened (IndexError, SearchError), and only the CLI knows its command names.
import ArgumentParser
import Newsdex

enum ErrorMessages {
    /// The lines to print for `error` (without the "newsdex: " prefix) and the exit code.
    /// - Parameter database: the index path the user gave (`--db`), when the command opens one;
    ///   messages name it rather than the index's internal folders.
    static func describe(_ error: any Error, database: String?) -> (lines: [String], code: ExitCode) {
        switch error {
        case let error as IndexError:
            return ([sentence(for: error, database: database ?? error.index)], .indexUnavailable)
        case let error as SearchError:
            return (lines(for: error), .usage)
        default:
            // Nothing else is expected here; never 1, which scripts read as "no hits".
            let index = database.map { " (index \($0))" } ?? ""
            return (["unexpected error\(index): \(error)"], .indexUnavailable)
        }
    }

    static func sentence(for error: IndexError, database db: String) -> String {
        let rebuild = "rebuild it with `newsdex index --rebuild --db \(db)`"
        let detail = error.detail.map { " (\($0))" } ?? ""
        let part = error.part ?? db
        switch error.code {
        case .missing:
            if let inner = error.part {
                return "the index at \(db) names \(inner), which does not exist\(detail)"
            }
            return "no index at \(db): build it with `make index` or `newsdex index --db \(db)`"
        case .locked:
            return "the index at \(db) is locked: another `newsdex index` is running; wait for it to finish"
        case .corrupt:
            let which = error.part.map { " (\($0))" } ?? ""
            return "the index at \(db)\(which) is damaged\(detail): \(rebuild)"
        case .schemaMismatch:
            let which = error.part.map { "the shard \($0) of the index at \(db)" } ?? "the index at \(db)"
            let what = error.detail.map { "was built with schema version \($0)" }
                ?? "is not a newsdex index (no schema version)"
            return "\(which) \(what); this newsdex uses version \(Schema.version): \(rebuild)"
        case .unwritable:
            return "cannot write the index at \(db)" + (error.part.map { ": \($0)" } ?? "")
                + (error.detail.map { ": \($0)" } ?? "")
        case .unreachable:
            let where_ = error.stub.map { stub in " (\(stub)" + (error.line.map { " line \($0)" } ?? "") + ")" } ?? ""
            if let shard = error.part {
                return "cannot reach the shard at \(shard)\(where_): \(error.detail ?? "no answer"); is its xapian-tcpsrv running?"
            }
            return "cannot reach a shard of \(db): \(error.detail ?? "no answer")"
        case .unreadableStubLine(let problem):
            let location = "\(part)" + (error.line.map { ":\($0)" } ?? "")
            return "\(location): cannot read \((error.detail ?? "").debugDescription): \(explanation(of: problem))"
        case .incompleteStub(let missing, let count):
            let what = missing.isEmpty
                ? "lists a shard twice" : "misses shard \(missing.map(String.init).joined(separator: ", "))"
            return "\(part) \(what) of an index of \(count) shards: list each shard once"
        case .shardOutOfPlace(let expected, let count):
            return "the index at \(db): \(part) is not shard \(expected) of \(count): \(rebuild)"
        case .unreadableDocument:
            return "the stored data of \(part) in the index at \(db) cannot be read\(detail): \(rebuild)"
        case .other:
            let which = error.part.map { " (\($0))" } ?? ""
            return "cannot use the index at \(db)\(which)\(detail)"
        }
    }

    static func explanation(of problem: IndexError.StubProblem) -> String {
        switch problem {
        case .noPath: return "no path"
        case .remoteProgram:
            return "newsdex opens remote shards over TCP only: serve it with xapian-tcpsrv and write `remote HOST:PORT`"
        case .remoteTCPForm: return "Xapian 1.4 stubs have no `remote tcp` form: write `remote HOST:PORT`"
        case .badRemote: return "expected `remote HOST:PORT`"
        case .unknownType: return "a stub line starts with auto, glass, chert or remote"
        }
    }

    /// A query that does not parse, with a caret under the word where it goes wrong, as
    /// compilers point at an error.
    static func lines(for error: SearchError) -> [String] {
        switch error {
        case .query(let query, let message, let location):
            var lines = ["cannot parse the query \(query.debugDescription): \(message)"]
            if let location {
                lines.append("  \(query)")
                lines.append("  " + String(repeating: " ", count: location.lowerBound)
                    + String(repeating: "^", count: max(1, location.count)))
            }
            return lines
        }
    }
}
