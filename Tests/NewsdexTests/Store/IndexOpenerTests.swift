import Foundation
import TestSupport
import Testing
import Xapian
@testable import Newsdex

@Suite struct StubFileTests {
    @Test func readsLinesAsXapianDoes() throws {
        let stub = try StubFile(path: "/srv/cluster.stub", index: "/srv/cluster.stub", text: """
            # the cluster
            remote 10.0.0.1:7331
            remote [::1]:7332

            auto shard-2
            glass /data/shard-3
            """)
        #expect(stub.entries.map(\.entry) == [
            .remote(host: "10.0.0.1", port: 7331), .remote(host: "::1", port: 7332),
            .local("/srv/shard-2"), .local("/data/shard-3"),
        ])
        #expect(stub.entries.map(\.line) == [2, 3, 5, 6])
        #expect(stub.entries[1].entry.name == "[::1]:7332")
    }

    @Test(arguments: [
        ("remote tcp 127.0.0.1:7331", IndexError.StubProblem.remoteTCPForm), ("remote :xapian-progsrv db", .remoteProgram),
        ("remote host", .badRemote), ("remote host:0", .badRemote), ("inmemory", .unknownType), ("auto", .noPath),
    ])
    func refusesWhatItCannotOpenNamingTheLine(_ line: String, problem: IndexError.StubProblem) {
        #expect { try StubFile(path: "c.stub", index: "idx", text: "remote 127.0.0.1:7331\n\(line)\n") } throws: {
            guard let error = $0 as? IndexError else { return false }
            return error.code == .unreadableStubLine(problem) && error.part == "c.stub" && error.line == 2
                && error.detail == line && error.index == "idx"
        }
    }

    @Test func refusesWindowsLineEndsNamingTheFirstLineWithOne() throws {
        // As Characters "\r\n" is one, so a stub saved on Windows once read as a single line,
        // and Xapian then failed on a path ending in "\r" with "no index".
        #expect { try StubFile(path: "w.stub", index: "idx", text: "# shards\r\nauto /srv/a\nauto /srv/b\r\n") } throws: {
            guard let error = $0 as? IndexError else { return false }
            return error.code == .unreadableStubLine(.carriageReturn) && error.part == "w.stub" && error.line == 3
                && error.detail == "auto /srv/b"
        }
        #expect { try StubFile(path: "w.stub", index: "idx", text: "auto /srv/a\r") } throws: {
            ($0 as? IndexError)?.line == 1
        }
        // A comment may end as it likes: Xapian skips it.
        let stub = try StubFile(path: "w.stub", index: "idx", text: "# from Windows\r\nremote 10.0.0.1:7331\n")
        #expect(stub.entries.map(\.line) == [2])
    }

    @Test func timeoutsComeFromTheEnvironment() throws {
        #expect(try RemoteTimeouts.fromEnvironment([:]) == RemoteTimeouts(active: 10, connect: 3))
        #expect(try RemoteTimeouts.fromEnvironment(["NEWSDEX_REMOTE_TIMEOUT": "2.5", "NEWSDEX_REMOTE_CONNECT_TIMEOUT": "1"])
            == RemoteTimeouts(active: 2.5, connect: 1))
        // Empty is unset, as for NEWSDEX_DB.
        #expect(try RemoteTimeouts.fromEnvironment(["NEWSDEX_REMOTE_TIMEOUT": ""]).active == 10)
    }

    /// Each of these once trapped (inf, 1e308), was ignored (0, -1, abc, nan) or became no
    /// timeout at all (1e-9 rounded to 0 ms): each is now refused, naming the variable.
    @Test(arguments: ["inf", "1e308", "0", "-1", "abc", "nan", "1e-9", "soon", "3601", " 5"])
    func aTimeoutThatIsNotASaneNumberOfSecondsIsRefused(_ value: String) {
        for name in [RemoteTimeouts.activeVariable, RemoteTimeouts.connectVariable] {
            #expect { try RemoteTimeouts.fromEnvironment([name: value]) } throws: {
                ($0 as? SettingError) == SettingError(name: name, value: value, allowed: RemoteTimeouts.allowedSeconds)
            }
        }
    }
}

/// Shards served by stock xapian-tcpsrv on 127.0.0.1, searched through a stub of remote lines.
@Suite(.timeLimit(.minutes(5))) struct RemoteShardTests {
    let fixture: ShardedCorpus

    init() throws { fixture = try ShardedCorpus() }

    var shardPaths: [String] {
        let directory = IndexDirectory(url: fixture.sharded)
        let generation = directory.generationURL(directory.currentGeneration()!)
        return (0..<3).map { generation.appendingPathComponent("shard-\($0)").path }
    }

    @Test func remoteShardsSearchAsOneLocalDatabaseAndADownShardIsNamed() throws {
        let servers = try XapianTCPServers(serving: shardPaths)
        defer { servers.stopAll() }
        let stub = fixture.scratch.write("cluster.stub", "# three shards\n" + servers.stubText)
        let timeouts = RemoteTimeouts(active: 5, connect: 2)
        do {
            let remote = try Searcher(path: stub.path, remoteTimeouts: timeouts)
            #expect(try remote.documentCount == 44)
            try ShardedCorpus.expectSameResults(Searcher(path: fixture.single.path), remote)
            #expect(try remote.document(id: "BBC/extra-3.txt")?.title == "Harbour report 3")
        }

        // Listed out of order, the shards are put back in order: shard 0 holds the metadata.
        let shuffled = fixture.scratch.write("shuffled.stub", servers.ports.reversed().map { "remote 127.0.0.1:\($0)\n" }.joined())
        try ShardedCorpus.expectSameResults(
            Searcher(path: fixture.single.path), Searcher(path: shuffled.path, remoteTimeouts: timeouts))
        // Listing two of three would silently drop documents: refused.
        let partial = fixture.scratch.write("partial.stub", servers.ports.prefix(2).map { "remote 127.0.0.1:\($0)\n" }.joined())
        #expect { try Searcher(path: partial.path, remoteTimeouts: timeouts) } throws: {
            ($0 as? IndexError)?.code == .incompleteStub(missing: [2], count: 3)
        }

        servers.stop(1)
        let start = Date()
        #expect { try Searcher(path: stub.path, remoteTimeouts: timeouts) } throws: {
            guard let error = $0 as? IndexError else { return false }
            return error.code == .unreachable && error.part == "127.0.0.1:\(servers.ports[1])" && error.line == 3
                && error.stub == stub.path
        }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    @Test func stoppingOneServerLeavesTheOthersServing() throws {
        let servers = try XapianTCPServers(serving: shardPaths)
        defer { servers.stopAll() }
        // SIGTERM, as `make cluster-stop` sends it: the server signals its process group, which
        // is its own (a session of its own, as setsid gives it), not the others' or ours.
        servers.stop(1)
        #expect(!servers.isRunning(1))
        #expect(servers.isRunning(0) && servers.isRunning(2))
        #expect(XapianTCPServers.accepts(port: servers.ports[0]) && XapianTCPServers.accepts(port: servers.ports[2]))
    }

    @Test func aShardThatFailsDuringASearchIsNamedNotCountedAsNothing() throws {
        let servers = try XapianTCPServers(serving: shardPaths)
        defer { servers.stopAll() }
        let stub = fixture.scratch.write("cluster.stub", servers.stubText)
        let searcher = try Searcher(path: stub.path, remoteTimeouts: RemoteTimeouts(active: 5, connect: 2))
        #expect(try searcher.search(SearchRequest(query: "harbour")).total > 0)
        // The server and the child serving this searcher's connection die at once.
        servers.crash(1)
        for request in [SearchRequest(query: "harbour"), SearchRequest(query: "troops", facets: true)] {
            #expect { try searcher.search(request) } throws: {
                guard let error = $0 as? IndexError else { return false }
                return error.code == .unreachable && error.part == "127.0.0.1:\(servers.ports[1])"
            }
        }
    }
}
