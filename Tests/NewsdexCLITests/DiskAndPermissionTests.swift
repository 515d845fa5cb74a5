// A full disk and a folder the user may not write are said as such, naming the index and what to
// do: never "damaged", never an internal folder. On a full disk the old index keeps serving and
// what the run wrote is gone at once. These need root (to mount a small tmpfs, to become nobody);
// as another user they are skipped, with the reason.
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Whether this process may mount a tmpfs (root, with the capability to mount): tried once.
let canMountTmpfs: Bool = {
    guard getuid() == 0 else { return false }
    let probe = FileManager.default.temporaryDirectory.appendingPathComponent("newsdex-mount-probe-\(UUID().uuidString)")
    try? FileManager.default.createDirectory(at: probe, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: probe) }
    guard (try? run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe.path])) == 0 else { return false }
    return (try? run("/bin/umount", [probe.path])) == 0
}()

/// Whether the tests may run newsdex as the unprivileged user nobody.
let canBecomeNobody: Bool = getuid() == 0 && FileManager.default.isExecutableFile(atPath: "/usr/bin/setpriv")

@discardableResult
func run(_ executable: String, _ arguments: [String]) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: executable)
    process.arguments = arguments
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}

@Suite(.enabled(if: canMountTmpfs, "needs root and a tmpfs mount: the full-disk tests are skipped"))
struct FullDiskTests {
    /// A corpus of the seeds and, under BIG/, 100 generated articles (about 400 KB of text),
    /// with the index on a 1 MB tmpfs: the seeds' index fits (twice), the whole one does not.
    let ws: Workspace
    let disk: URL
    var db: String { disk.appendingPathComponent("index").path }

    init() throws {
        ws = Workspace()
        try generateCorpus(into: ws.corpus + "/BIG", articles: 100, seed: 3)
        disk = ws.url.appendingPathComponent("disk")
        try FileManager.default.createDirectory(at: disk, withIntermediateDirectories: true)
        #expect(try run("/bin/mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.path]) == 0)
    }

    func unmount() throws { #expect(try run("/bin/umount", [disk.path]) == 0) }

    /// What the index folder holds besides its stub and lock.
    func leftovers() throws -> [String] {
        guard FileManager.default.fileExists(atPath: db) else { return [] }
        return try FileManager.default.contentsOfDirectory(atPath: db).filter { $0 != "XAPIANDB" && $0 != ".lock" }
    }

    func expectNoSpaceMessage(_ result: RunResult) {
        #expect(result.status == 4)
        #expect(result.stderr.hasPrefix("newsdex: no space left on the disk of the index at \(db); it needs about "), "\(result.stderr)")
        #expect(result.stderr.contains(" free: the index is as it was before this run;"), "\(result.stderr)")
        #expect(!result.stderr.contains("damaged") && !result.stderr.contains("gen-") && !result.stderr.contains(".part-"))
    }

    @Test func aBuildThatDoesNotFitSaysSoAndLeavesNothingBehind() throws {
        defer { try? unmount() }
        for jobs in ["1", "2"] {
            let result = try runNewsdex(["index", ws.corpus, "--db", db, "--jobs", jobs])
            expectNoSpaceMessage(result)
            let left = try leftovers()
            #expect(left.isEmpty, "jobs \(jobs): \(left)")
        }
        // Nothing was switched to: there is still no index.
        #expect(try runNewsdex(["search", "--db", db, "troops"]).status == 4)
    }

    @Test func theOldIndexKeepsServingAndTheNextRunThatFitsSucceeds() throws {
        defer { try? unmount() }
        let big = ws.corpus + "/BIG"
        try FileManager.default.moveItem(atPath: big, toPath: ws.url.appendingPathComponent("BIG").path)
        #expect(try runNewsdex(["index", ws.corpus, "--db", db, "--quiet"]).status == 0)
        let before = try runNewsdex(["search", "--db", db, "--format", "ids", "troops"])
        #expect(before.status == 0)
        try FileManager.default.moveItem(atPath: ws.url.appendingPathComponent("BIG").path, toPath: big)

        // An update (in place, one transaction) and a rebuild (a new generation) both fail alike.
        for extra in [[], ["--rebuild"], ["--rebuild", "--jobs", "2"]] {
            expectNoSpaceMessage(try runNewsdex(["index", ws.corpus, "--db", db] + extra))
            let left = try leftovers()
            #expect(left.count == 1, "\(extra): \(left)")
            let after = try runNewsdex(["search", "--db", db, "--format", "ids", "troops"])
            #expect(after.status == 0 && after.stdout == before.stdout, "\(extra): \(after.stderr)")
            #expect(try runNewsdex(["check", "--deep", ws.corpus + "/LBC", "--db", db]).status == 0)
        }
        // With the space the run needs, the same commands succeed: nothing is left to fill it.
        try FileManager.default.removeItem(atPath: big)
        #expect(try runNewsdex(["index", ws.corpus, "--db", db, "--quiet"]).status == 0)
        #expect(try runNewsdex(["index", "--rebuild", ws.corpus, "--db", db, "--quiet"]).status == 0)
        #expect(try leftovers().count == 1)
    }
}

@Suite(.enabled(if: canBecomeNobody, "needs root and setpriv to run newsdex as nobody: the permission tests are skipped"))
struct PermissionTests {
    let ws: Workspace

    init() throws { ws = try Workspace().indexed() }

    /// Runs newsdex as the unprivileged user nobody.
    func asNobody(_ arguments: [String]) throws -> RunResult {
        try runNewsdex(arguments, wrapper: ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"])
    }

    @Test func aReadOnlyIndexSearchesButIsNotWrittenAndSaysWhy() throws {
        let search = try asNobody(["search", "--db", ws.index, "--format", "ids", "troops"])
        #expect(search.status == 0 && search.stdout.split(separator: "\n").count == 2, "\(search.stderr)")
        #expect(try asNobody(["check", ws.corpus, "--db", ws.index]).status == 0)
        let index = try asNobody(["index", ws.corpus, "--db", ws.index])
        #expect(index.status == 4)
        #expect(index.stderr.hasPrefix("newsdex: no permission to use the index at \(ws.index) ("), "\(index.stderr)")
        #expect(index.stderr.hasSuffix(": run as a user who may write it, or give a --db you may write\n"))
        // A --db in a folder nobody may create is the same, from Foundation's error.
        let elsewhere = try asNobody(["index", ws.corpus, "--db", ws.url.appendingPathComponent("new/index").path])
        #expect(elsewhere.status == 4 && elsewhere.stderr.contains("no permission to use the index at"), "\(elsewhere.stderr)")
    }

    @Test func anIndexTheUserMayNotReadIsSaidSoNotMissingOrDamaged() throws {
        #expect(chmod(ws.index, 0o700) == 0)
        for command in [["search", "troops"], ["stats"], ["show", "AFP/x.txt"], ["facets"]] {
            let result = try asNobody([command[0], "--db", ws.index] + command.dropFirst())
            #expect(result.status == 4, "\(command): \(result.stderr)")
            #expect(result.stderr.hasPrefix("newsdex: no permission to use the index at \(ws.index)"), "\(command): \(result.stderr)")
        }
    }
}
