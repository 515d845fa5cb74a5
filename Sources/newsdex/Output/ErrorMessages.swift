// Every error the user can meet, in words, with what to do next and the exit code: the library
// reports what happened (IndexError, SearchError), and only the CLI knows its command names.
import ArgumentParser
import Foundation
import Newsdex

enum ErrorMessages {
    /// The lines to print for `error` (without the "newsdex: " prefix) and the exit code.
    /// - Parameters:
    ///   - database: the index path the user gave (`--db`), when the command opens one;
    ///     messages name it rather than the index's internal folders.
    ///   - corpus: the index's corpus root, when it can be read, for the rebuild command.
    static func describe(_ error: any Error, database: String?, corpus: String? = nil) -> (lines: [String], code: ExitCode) {
        switch error {
        case let error as IndexError:
            return ([sentence(for: error, database: database ?? error.index, corpus: corpus)], .indexUnavailable)
        case let error as SearchError:
            return (lines(for: error), .usage)
        case let error as SettingError:
            return ([sentence(for: error)], .usage)
        case let error as OutputError:
            return ([sentence(for: error)], .usage)
        case let error as CorpusError:
            return ([sentence(for: error, database: database)], .usage)
        case let error as LibraryLoadError:
            return ([sentence(for: error)], .indexUnavailable)
        default:
            // Nothing else is expected here; never 1, which scripts read as "no hits".
            let index = database.map { " (index \($0))" } ?? ""
            return (["unexpected error\(index): \(error)"], .indexUnavailable)
        }
    }

    /// The command that builds the index `db` afresh, naming its corpus when known.
    static func rebuildCommand(_ db: String, corpus: String?) -> String {
        "`newsdex index --rebuild --db \(db)" + (corpus.map { " \(shellQuoted($0))" } ?? "") + "`"
    }

    static func sentence(for error: IndexError, database db: String, corpus: String? = nil) -> String {
        let rebuild = "rebuild it with \(rebuildCommand(db, corpus: corpus))"
        let detail = error.detail.map { " (\(withoutInternalFolders($0)))" } ?? ""
        let part = error.part ?? db
        switch error.code {
        case .missing:
            if let inner = error.part {
                return "the index at \(db) names \(inner), which does not exist\(detail)"
            }
            return "no index at \(db): build it with `make index` or `newsdex index --db \(db)`"
        case .missingGeneration:
            return "the index at \(db) is broken: the database its XAPIANDB file names is gone: \(rebuild)"
        case .locked(let pid):
            let who = pid.map { "another `newsdex index` (process \($0)) is running" } ?? "another `newsdex index` is running"
            return "the index at \(db) is locked: \(who); wait for it to finish"
        case .corrupt, .unreadableDocument:
            let which = error.part.map { " (\($0))" } ?? ""
            return "the index at \(db)\(which) is damaged\(detail): \(rebuild)"
        case .modified:
            return "the index at \(db) changed twice while it was read (a `newsdex index` is writing it): run the command again"
        case .noSpace(let needed, let available):
            var space = ""
            if let needed { space += "; it needs about \(bytes(needed))" }
            if let available { space += (needed == nil ? "; " : ", ") + "\(bytes(available)) free" }
            return "no space left on the disk of the index at \(db)\(space): the index is as it was before this run; "
                + "free some space, or index into a --db on another disk"
        case .permissionDenied:
            let what = error.part.map { " (\(withoutInternalFolders($0)))" } ?? ""
            return "no permission to use the index at \(db)\(what)\(detail): run as a user who may write it, "
                + "or give a --db you may write"
        case .schemaMismatch:
            let which = error.part.map { "the shard \($0) of the index at \(db)" } ?? "the index at \(db)"
            let what = error.detail.map { "was built with schema version \($0)" }
                ?? "is not a newsdex index (no schema version)"
            return "\(which) \(what); this newsdex uses version \(Schema.version): \(rebuild)"
        case .unwritable:
            return "cannot write the index at \(db)\(detail): check the disk and the folder's permissions"
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
        case .other:
            let which = error.part.map { " (\($0))" } ?? ""
            return "cannot use the index at \(db)\(which)\(detail)"
        case .notAFile(let kind):
            return "\(part) is \(kind.description), not an index or a stub file: give --db a folder, a database or a stub file"
        case .stubNesting(.cycle(let files)):
            let chain = files.count <= 2
                ? "names itself" : "leads back to itself (\(files.joined(separator: " -> ")))"
            return "the stub file \(part) \(chain): a stub must name databases, or stubs that do not lead back to it"
        case .stubNesting(.tooDeep(let limit)):
            return "the stub files of \(db) nest more than \(limit) deep, at \(part): name the databases directly"
        case .stubNesting(.tooMany(let limit)):
            return "the stub files of \(db) name more than \(limit) databases: list fewer shards"
        }
    }

    /// An environment variable that cannot be used; never ignored, since a timeout of 0 would
    /// let a silent shard hang every search.
    static func sentence(for error: SettingError) -> String {
        "\(error.name)=\(error.value.debugDescription) is not a number of seconds from "
            + "\(seconds(error.allowed.lowerBound)) to \(seconds(error.allowed.upperBound)): "
            + "set it to one (e.g. \(error.name)=5), or unset it for the default"
    }

    private static func seconds(_ value: Double) -> String {
        value == value.rounded() ? String(Int(value)) : String(value)
    }

    /// Results that could not be written to stdout (a full disk): named, so nothing is lost quietly.
    static func sentence(for error: OutputError) -> String {
        "cannot write the results to standard output: \(error.reason); nothing more was written"
    }

    /// A library the readers open on first use that is not there: nothing was read or written.
    static func sentence(for error: LibraryLoadError) -> String {
        "cannot read articles: \(error.library) could not be loaded (\(error.reason)); nothing was read or written. "
            + "newsdex reads pages with libxml2 and languages with libcld2: install them "
            + "(Debian: `apt-get install libxml2-dev libcld2-dev`, as `make deps` does)"
    }

    /// Paths given that cannot be indexed or checked as asked.
    static func sentence(for error: CorpusError, database: String?) -> String {
        let db = database.map { " --db \($0)" } ?? ""
        switch error {
        case .missingPath(let path):
            return "\(path): no such file or folder; nothing was indexed or removed"
        case .outsideCorpus(let path, let root, let containsRoot):
            let remedy = containsRoot
                ? "to make \(path) the corpus, rebuild: `newsdex index --rebuild\(db) \(shellQuoted(path))`"
                : "give a path under it, or index \(path) into another index (--db)"
            return "\(path) is outside the corpus of this index, \(root): \(remedy)"
        case .rebuildDropsFiles(let paths, let root, let count, let examples):
            let some = examples.joined(separator: ", ") + (count > examples.count ? ", …" : "")
            return "a rebuild from \(paths.joined(separator: " ")) would drop the \(count) indexed file(s) outside it (\(some)): "
                + "rebuild the whole corpus with `newsdex index --rebuild\(db) \(shellQuoted(root))`, "
                + "or add --force to keep only what is under \(paths.joined(separator: " "))"
        }
    }

    /// A byte count as people read it.
    static func bytes(_ count: Int64) -> String {
        ByteCountFormatter.string(fromByteCount: count, countStyle: .file)
    }

    /// `text` with paths inside an index's generations ("…/index/gen-000004/postlist.glass",
    /// "…/gen-000005.part-1") cut to what a user can act on: the table's file name, or nothing.
    static func withoutInternalFolders(_ text: String) -> String {
        guard text.contains("gen-") else { return text }
        var result = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            guard let range = word.range(of: #"[^ '"(]*gen-[0-9]+[^ '")]*"#, options: .regularExpression) else {
                result += (result.isEmpty ? "" : " ") + word
                continue
            }
            let path = word[range]
            let last = path.split(separator: "/").last.map(String.init) ?? ""
            let replacement = last.hasPrefix("gen-") ? "the index" : last
            result += (result.isEmpty ? "" : " ") + word.replacingCharacters(in: range, with: replacement)
        }
        return result
    }

    /// `path` as a shell word: quoted when it holds anything but safe characters.
    static func shellQuoted(_ path: String) -> String {
        let safe = path.allSatisfy { $0.isLetter || $0.isNumber || "/._-+:@%".contains($0) }
        return safe && !path.isEmpty ? path : "'" + path.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    static func explanation(of problem: IndexError.StubProblem) -> String {
        switch problem {
        case .noPath: return "no path"
        case .remoteProgram:
            return "newsdex opens remote shards over TCP only: serve it with xapian-tcpsrv and write `remote HOST:PORT`"
        case .remoteTCPForm: return "Xapian 1.4 stubs have no `remote tcp` form: write `remote HOST:PORT`"
        case .badRemote: return "expected `remote HOST:PORT`"
        case .unknownType: return "a stub line starts with auto, glass, chert or remote"
        case .carriageReturn:
            return "it holds a carriage return (a Windows line end), which Xapian reads as part of the line: save the stub with Unix line ends (dos2unix)"
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
        case .invalidDate(let query, let value):
            return ["\(value.debugDescription) in the query \(query.debugDescription) is not a date range: "
                + "write date:YYYY-MM-DD..YYYY-MM-DD (either end may be left open; YYYY-MM and YYYY also work)"]
        case .queryTooLong(let bytes, let limit):
            return ["the query is \(bytes) bytes long; a query is at most \(limit) bytes: shorten it, or use filters such as --source"]
        case .filterValueTooLong(let facet, let prefix, let bytes, let limit):
            return ["the \(flag(for: facet)) value \((prefix + "…").debugDescription) is \(bytes) bytes long; "
                + "a filter value is at most \(limit) bytes"]
        case .tooManyFilterValues(let count, let limit):
            return ["\(count) filter values given; a search takes at most \(limit): search in several steps"]
        case .tooManyWildcards(_, let pattern, let limit):
            return ["the query has more than \(limit) wildcards (\(pattern.debugDescription) is one too many): "
                + "use fewer, or longer ones"]
        }
    }

    /// The flag that filters a facet (`--entity` for an entity of any type).
    static func flag(for facet: Facet?) -> String {
        switch facet {
        case .source: return "--source"
        case .person: return "--person"
        case .place: return "--place"
        case .organization: return "--org"
        case .credit: return "--credit"
        case .year: return "--from/--to"
        case .language: return "--lang"
        case nil: return "--entity"
        }
    }
}
