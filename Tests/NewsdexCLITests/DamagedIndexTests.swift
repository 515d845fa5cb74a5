// A damaged index is an error on every command, never a silent partial answer: each table of a
// generated index cut to half its size, and a stored record that is not a stored document, make
// every command either exit 4 with "the index at … is damaged … rebuild it with …", or answer
// exactly as the undamaged index does (where Xapian does not need what was lost). `check --deep`
// finds each, and the rebuild the message gives mends it.
import Foundation
import Testing
import Xapian

/// One index of a generated corpus, built once for the suite, and what each command prints on it.
final class DamageFixture: Sendable {
    static let shared = DamageFixture()

    let ws: Workspace
    /// Each command (its name, then its arguments but --db), and what it gives on the undamaged
    /// index.
    let commands: [[String]]
    let answers: [RunResult]

    private init() {
        ws = Workspace(seeds: false)
        try! generateCorpus(into: ws.corpus, articles: 200, seed: 7)
        let index = try! runNewsdex(["index", ws.corpus, "--db", ws.index, "--quiet"])
        precondition(index.status == 0, index.stderr)
        let id = try! runNewsdex(["search", "--db", ws.index, "--format", "ids", "--limit", "1", "minister"])
            .stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        precondition(!id.isEmpty)
        commands = [
            ["search", "minister"], ["search", "--format", "json", "\"north korea\""], ["search", "minist*"],
            ["search", "minstier"], ["search", "--facets", "--kind", "all", "--format", "json", "minister"],
            ["facets", "--format", "json", "minister"], ["show", id], ["show", "--format", "json", id],
            ["stats", "--format", "json"], ["check", ws.corpus],
        ]
        let db = ws.index
        answers = commands.map { try! runNewsdex(Self.arguments($0, db: db)) }
    }

    static func arguments(_ command: [String], db: String) -> [String] {
        [command[0], "--db", db] + command.dropFirst()
    }

    /// A copy of the index to damage, in a folder of its own.
    func copy(named name: String) throws -> String {
        let copy = ws.url.appendingPathComponent("damaged-\(name)-\(UUID().uuidString)").path
        try FileManager.default.copyItem(atPath: ws.index, toPath: copy)
        return copy
    }

}

@Suite(.serialized) struct DamagedIndexTests {
    let fixture = DamageFixture.shared

    /// What `stats --format json` says, without what differs between two folders: their path
    /// and size.
    func statsWithoutPathAndSize(_ stdout: String) throws -> NSDictionary {
        var json = try #require(try JSONSerialization.jsonObject(with: Data(stdout.utf8)) as? [String: Any])
        json["path"] = nil
        json["size_on_disk"] = nil
        return json as NSDictionary
    }

    /// Every document a query matches, in no order: what any build of the corpus must agree on
    /// (the order of equal scores follows document ids, which a parallel build assigns in any order).
    func matches(_ query: String, db: String) throws -> [String] {
        let result = try runNewsdex(["search", "--db", db, "--format", "ids", "--all-copies", "--kind", "all", "--limit", "10000", query])
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init).sorted()
    }

    /// Either exit 4 with the damage message naming the index as given, or the undamaged answer.
    func expectDamagedOrSame(_ command: [String], _ result: RunResult, _ good: RunResult, db: String, _ context: String)
        throws
    {
        if result.status == 4 {
            #expect(result.stderr.hasPrefix("newsdex: the index at \(db) "), "\(context): \(result.stderr)")
            #expect(result.stderr.contains(" is damaged"), "\(context): \(result.stderr)")
            #expect(result.stderr.contains("rebuild it with `newsdex index --rebuild --db \(db)"), "\(context): \(result.stderr)")
            #expect(!result.stderr.contains("gen-") && !result.stderr.contains("Error."), "\(context): \(result.stderr)")
            #expect(result.stdout.isEmpty, "\(context): a partial answer on stdout")
            return
        }
        #expect(result.status == good.status, "\(context): exit \(result.status): \(result.stderr)")
        if command[0] == "stats" {
            #expect(try statsWithoutPathAndSize(result.stdout).isEqual(statsWithoutPathAndSize(good.stdout)), "\(context)")
        } else {
            #expect(result.stdout == good.stdout, "\(context): a different answer")
        }
    }

    // No docdata table: documents keep their record in a value, which the postlist table holds.
    @Test(arguments: ["postlist", "termlist", "position", "spelling"])
    func aTableCutToHalfIsDamageOnEveryCommandAndTheRebuildMendsIt(_ table: String) throws {
        let db = try fixture.copy(named: table)
        let file = try Workspace.generation(ofIndex: db) + "/\(table).glass"
        let size = try #require(try FileManager.default.attributesOfItem(atPath: file)[.size] as? Int)
        #expect(size >= 4 * 8192, "\(table) is too small to damage meaningfully")
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file))
        try handle.truncate(atOffset: UInt64(size / 2))
        try handle.close()

        var rebuild: String?
        for (command, good) in zip(fixture.commands, fixture.answers) {
            let result = try runNewsdex(DamageFixture.arguments(command, db: db))
            try expectDamagedOrSame(command, result, good, db: db, "\(table), \(command.joined(separator: " "))")
            if result.status == 4, let range = result.stderr.range(of: #"`newsdex index --rebuild[^`]*`"#, options: .regularExpression) {
                rebuild = String(result.stderr[range].dropFirst().dropLast())
            }
        }
        // Xapian's own check reads every table: it finds the damage whatever the table.
        let deep = try runNewsdex(["check", "--deep", fixture.ws.corpus, "--db", db])
        #expect(deep.status == 4, "\(table): check --deep exited \(deep.status): \(deep.stderr)")
        #expect(deep.stderr.contains("is damaged") && deep.stdout.isEmpty)
        // An incremental run either finds the damage or, reading nothing it lost, changes nothing.
        let index = try runNewsdex(["index", fixture.ws.corpus, "--db", db])
        #expect(index.status == 4 || (index.status == 0 && index.stderr.contains("0 added, 0 updated, 200 unchanged")),
                "\(table): \(index.stderr)")

        // The remedy the messages give names the corpus the index is of (the stub says it, when
        // the index's own tables cannot) and works as printed; a rebuild is the same for every
        // table, so two of them are rebuilt (each takes a while).
        let remedy = try #require(rebuild ?? deep.stderr.range(of: #"`newsdex index --rebuild[^`]*`"#, options: .regularExpression)
            .map { String(deep.stderr[$0].dropFirst().dropLast()) })
        #expect(remedy.hasSuffix(" " + fixture.ws.corpus), "\(remedy)")
        guard table == "postlist" || table == "spelling" else { return try FileManager.default.removeItem(atPath: db) }
        #expect(try runNewsdex(remedy.split(separator: " ").dropFirst().map(String.init) + ["--quiet"]).status == 0)
        #expect(try runNewsdex(["check", "--deep", fixture.ws.corpus, "--db", db]).status == 0)
        for query in ["minister", "\"north korea\"", "minist*"] {
            #expect(try matches(query, db: db) == matches(query, db: fixture.ws.index))
        }
        try FileManager.default.removeItem(atPath: db)
    }

    @Test func aStoredRecordThatIsNotADocumentIsDamageNotADecodingError() throws {
        let db = try fixture.copy(named: "record")
        let id = fixture.commands.first { $0[0] == "show" }![1]
        let writer = try WritableDatabase(path: try Workspace.generation(ofIndex: db), mode: .open)
        let docid = try #require(try writer.postings("Q" + id).first)
        let document = try writer.document(docid)
        document.setValue("{\"kind\": \"article\", \"id\": ", slot: 9)  // the record's slot (README, Schema)
        try writer.replace(docid, with: document)
        try writer.close()

        for command in [["show", id], ["search", "minister"], ["search", "--format", "ids", "minister"]] {
            let result = try runNewsdex(DamageFixture.arguments(command, db: db))
            #expect(result.status == 4, "\(command): \(result.stderr)")
            #expect(result.stderr.contains("is damaged (") && result.stderr.contains("stored data"), "\(result.stderr)")
            #expect(!result.stderr.contains("DecodingError") && result.stdout.isEmpty)
        }
        let deep = try runNewsdex(["check", "--deep", fixture.ws.corpus, "--db", db])
        #expect(deep.status == 4 && deep.stderr.contains("stored data"), "\(deep.stderr)")
        try FileManager.default.removeItem(atPath: db)
    }

    @Test func aStubNamingAGenerationThatIsGoneSaysToRebuildAndTheRebuildWorks() throws {
        let db = try fixture.copy(named: "gone")
        try FileManager.default.removeItem(atPath: try Workspace.generation(ofIndex: db))
        for command in [["search", "minister"], ["stats"], ["index", fixture.ws.corpus]] {
            let result = try runNewsdex(DamageFixture.arguments(command, db: db))
            #expect(result.status == 4, "\(command): \(result.stderr)")
            #expect(result.stderr == "newsdex: the index at \(db) is broken: the database its XAPIANDB file names is gone: "
                + "rebuild it with `newsdex index --rebuild --db \(db) \(fixture.ws.corpus)`\n")
        }
        #expect(try runNewsdex(["index", "--rebuild", "--db", db, fixture.ws.corpus, "--quiet"]).status == 0)
        #expect(try runNewsdex(DamageFixture.arguments(["search", "minister"], db: db)).status == 0)
        try FileManager.default.removeItem(atPath: db)
    }
}
