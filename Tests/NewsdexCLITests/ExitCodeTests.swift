// Every command maps every failure to the README's exit codes: 2 for what the user must fix in
// the command line, 4 for an index that cannot be used. Never 1, which scripts read as "no hits"
// (or, from check, "out of date").
import Foundation
import TestSupport
import Testing

@Suite struct ExitCodeTests {
    let ws: Workspace

    init() throws { ws = try Workspace().indexed() }

    /// Every command that opens an index, with arguments that would otherwise succeed.
    var commands: [[String]] {
        [["search", "troops"], ["facets", "troops"], ["show", Seeds.afpPath], ["stats"], ["check", ws.corpus],
         ["index", ws.corpus]]
    }

    func run(_ command: [String], db: String) throws -> RunResult {
        try runNewsdex([command[0], "--db", db] + command.dropFirst())
    }

    /// A copy of the index, broken by `breaking` (given the copy's current generation folder).
    func broken(_ name: String, _ breaking: (String) throws -> Void) throws -> String {
        let copy = ws.url.appendingPathComponent(name).path
        try FileManager.default.copyItem(atPath: ws.index, toPath: copy)
        try breaking(try Workspace.generation(ofIndex: copy))
        return copy
    }

    @Test func everyFailureOfEveryCommandExitsTwoOrFourNeverOne() throws {
        let failures: [(String, String, Int32)] = [
            ("missing", ws.url.appendingPathComponent("none").path, 4),
            ("garbage", try broken("garbage") { generation in
                for table in ["postlist", "termlist", "position"] {
                    try Data(repeating: 0x5A, count: 20000).write(to: URL(fileURLWithPath: "\(generation)/\(table).glass"))
                }
            }, 4),
            ("generation gone", try broken("gone") { try FileManager.default.removeItem(atPath: $0) }, 4),
            ("a stub newsdex cannot open", try broken("other") { generation in
                let index = URL(fileURLWithPath: generation).deletingLastPathComponent()
                try Data("remote :xapian-progsrv db\n".utf8).write(to: index.appendingPathComponent("XAPIANDB"))
            }, 4),
        ]
        for (failure, db, code) in failures {
            // `index` builds a missing index, and replaces a stub that names no generation.
            let writes = failure == "missing" || failure.hasPrefix("a stub")
            for command in commands where !(writes && command[0] == "index") {
                let result = try run(command, db: db)
                #expect(result.status == code, "\(failure), \(command[0]): exit \(result.status): \(result.stderr)")
                #expect(result.stderr.hasPrefix("newsdex: ") && result.stderr.split(separator: "\n").count <= 3,
                        "\(failure), \(command[0]): \(result.stderr)")
                #expect(!result.stderr.contains("Error.") && !result.stderr.contains("gen-"), "\(failure), \(command[0]): \(result.stderr)")
            }
        }
    }

    @Test func usageErrorsOfEveryCommandExitTwo() throws {
        for command in commands {
            let result = try run(command + ["--no-such-flag"], db: ws.index)
            #expect(result.status == 2, "\(command[0]): \(result.stderr)")
        }
        for command in [["index", "--force", ws.corpus], ["check", ws.corpus + "/NOPE"], ["index", ws.corpus + "/NOPE"]] {
            #expect(try run(command, db: ws.index).status == 2, "\(command)")
        }
    }
}
