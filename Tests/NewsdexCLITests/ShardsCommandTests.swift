import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.timeLimit(.minutes(5))) struct ShardsCommandTests {
    let ws = Workspace()

    func index(_ extra: [String], db: String) throws -> RunResult {
        try runNewsdex(["index", ws.corpus, "--db", db, "--quiet", "--format", "json"] + extra)
    }

    func ids(_ db: String, _ query: String) throws -> Set<String> {
        let result = try runNewsdex(["search", "--db", db, "--format", "ids", "--kind", "all", query])
        #expect(result.status == 0, "\(result.stderr)")
        return Set(result.stdout.split(separator: "\n").map(String.init))
    }

    var sharded: String { ws.url.appendingPathComponent("sharded").path }

    func shardPaths() throws -> [String] {
        let generation = try Workspace.generation(ofIndex: sharded)
        return (0..<3).map { "\(generation)/shard-\($0)" }
    }

    @Test func shardsAreRememberedAndSearchedAndCheckedAsOneIndex() throws {
        #expect(try index([], db: ws.index).status == 0)
        let first = try index(["--shards", "3"], db: sharded)
        #expect(first.status == 0 && first.stdout.contains("\"shards\" : 3") && first.stdout.contains("\"rebuilt\" : true"))
        for query in ["troops", "\"parade ground\"", "korea source:AFP"] {
            #expect(try ids(sharded, query) == ids(ws.index, query))
        }
        let again = try index([], db: sharded)
        #expect(again.stdout.contains("\"shards\" : 3") && again.stdout.contains("\"documents_written\" : 0"))
        #expect(try runNewsdex(["check", ws.corpus, "--db", sharded]).status == 0)
        let two = try index(["--shards", "2"], db: sharded)
        #expect(two.stdout.contains("\"shards\" : 2") && two.stdout.contains("\"rebuilt\" : true"))
        #expect(try index(["--shards", "0"], db: sharded).status == 2)
    }

    @Test func aRemoteStubSearchesLikeTheIndexAndADownShardExitsFourNamingIt() throws {
        #expect(try index([], db: ws.index).status == 0)
        #expect(try index(["--shards", "3"], db: sharded).status == 0)
        let servers = try XapianTCPServers(serving: try shardPaths())
        defer { servers.stopAll() }
        let stub = ws.url.appendingPathComponent("cluster.stub")
        try Data(servers.stubText.utf8).write(to: stub)
        #expect(try ids(stub.path, "troops") == ids(ws.index, "troops"))
        let facets = try runNewsdex(["facets", "--db", stub.path, "--format", "json", "troops"])
        let local = try runNewsdex(["facets", "--db", ws.index, "--format", "json", "troops"])
        #expect(facets.status == 0 && facets.stdout == local.stdout)

        servers.stop(2)
        let start = Date()
        let down = try runNewsdex(
            ["search", "--db", stub.path, "troops"], environment: ["NEWSDEX_REMOTE_CONNECT_TIMEOUT": "2"])
        #expect(down.status == 4)
        #expect(down.stderr.contains("127.0.0.1:\(servers.ports[2])"))
        #expect(down.stdout.isEmpty)
        #expect(Date().timeIntervalSince(start) < 5)
    }
}
