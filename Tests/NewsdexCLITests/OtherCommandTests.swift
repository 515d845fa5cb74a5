import Foundation
import Testing

@Suite struct StatsCheckShowFacetsTests {
    let ws: Workspace

    init() throws { ws = try Workspace().indexed() }

    @Test func statsCountsDocumentsSourcesAndDates() throws {
        let result = try runNewsdex(["stats", "--db", ws.index, "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["articles"] as? Int == 2 && json["captions"] as? Int == 6)
        let sources = try #require(json["sources"] as? [[String: Any]])
        #expect(Set(sources.compactMap { $0["value"] as? String }) == ["AFP", "LBC"])
        #expect(json["first_date"] as? String == "2024-10-18")
        #expect((json["size_on_disk"] as? Int ?? 0) > 0)
        let text = try runNewsdex(["stats", "--db", ws.index])
        #expect(text.stdout.contains("2 articles, 6 pictures"))
    }

    @Test func checkPassesOnAFreshIndexAndListsEveryDifference() throws {
        let clean = try runNewsdex(["check", ws.corpus, "--db", ws.index])
        #expect(clean.status == 0)
        #expect(clean.stdout.isEmpty)

        let afp = try FileManager.default.contentsOfDirectory(atPath: ws.corpus + "/AFP")[0]
        try FileManager.default.removeItem(atPath: ws.corpus + "/AFP/" + afp)
        ws.write("corpus/BBC/new.txt", Array("A new story\n\nIt happened.\n".utf8))
        let lbc = try FileManager.default.contentsOfDirectory(atPath: ws.corpus + "/LBC")[0]
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: ws.corpus + "/LBC/" + lbc))
        handle.seekToEndOfFile()
        handle.write(Data("\nOne more line.\n".utf8))
        try handle.close()

        let dirty = try runNewsdex(["check", ws.corpus, "--db", ws.index])
        #expect(dirty.status == 1)
        #expect(dirty.stdout.contains("AFP/\(afp): orphaned"))
        #expect(dirty.stdout.contains("BBC/new.txt: not indexed"))
        #expect(dirty.stdout.contains("LBC/\(lbc): stale"))
        #expect(dirty.stderr.contains("newsdex index"))
    }

    @Test func showPrintsAnArticleWithCaptionsCreditsAndEntities() throws {
        let id = try runNewsdex(["search", "--db", ws.index, "--format", "ids", "parade"]).stdout
            .split(separator: "\n")[0]
        let result = try runNewsdex(["show", String(id), "--db", ws.index])
        #expect(result.status == 0)
        #expect(result.stdout.contains("[picture] The moment North Korean troops board Russian naval ships"))
        #expect(result.stdout.contains("— Alamy"))
        #expect(result.stdout.contains("person: "))
        #expect(result.stdout.contains("Vladimir Putin"))
        let json = try runNewsdex(["show", String(id), "--db", ws.index, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["captions"] as? [Any])?.count == 5)
        #expect(try runNewsdex(["show", "no/such/id", "--db", ws.index]).status == 1)
    }

    @Test func facetsPrintsOnlyTheCounts() throws {
        let result = try runNewsdex(["facets", "--db", ws.index, "troops"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("2 matching documents"))
        #expect(result.stdout.contains("person"))
        #expect(!result.stdout.contains("Satellite images show"))
        let limited = try runNewsdex(["facets", "--db", ws.index, "--format", "json", "--facet-limit", "1", "troops"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(limited.stdout.utf8)) as? [String: Any])
        let facets = try #require(json["facets"] as? [String: [[String: Any]]])
        #expect(facets["place"]?.count == 1)
    }

    @Test func aMistypedFacetValueGetsASuggestion() throws {
        let result = try runNewsdex(["search", "--db", ws.index, "--person", "vladimir putn", "troops"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean \"Vladimir Putin\"?"))
    }

    @Test func captionsListPicturesWithCreditsAndArticle() throws {
        let result = try runNewsdex(["search", "--db", ws.index, "--kind", "caption", "--credit", "alamy", "--format", "json"])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let hits = try #require(json["results"] as? [[String: Any]])
        #expect(hits.count == 2)
        for hit in hits {
            #expect(hit["kind"] as? String == "caption")
            #expect(((hit["captions"] as? [[String: Any]])?.first?["credit"] as? String) == "Alamy")
            #expect((hit["article"] as? String)?.hasPrefix("LBC/") == true)
        }
    }

    @Test func pagingAndSorting() throws {
        let first = try runNewsdex(["search", "--db", ws.index, "--format", "ids", "--limit", "1", "--sort", "oldest", "--kind", "all", "troops"])
        let second = try runNewsdex(["search", "--db", ws.index, "--format", "ids", "--limit", "1", "--offset", "1", "--sort", "oldest", "--kind", "all", "troops"])
        #expect(first.stdout != second.stdout)
        #expect(first.stdout.split(separator: "\n").count == 1)
    }

    @Test func completionsOfferFacetValuesFromTheIndex() throws {
        let result = try runNewsdex(["---completion", "search", "--", "--person", "6", "3", "newsdex", "search", "--db", ws.index, "--person", "vla"])
        #expect(result.stdout.split(separator: "\n").contains("Vladimir Putin"))
        #expect(!result.stdout.contains("Mark Rutte"))
    }
}

@Suite struct TerminalOutputTests {
    /// Runs a command line under `script`, which gives it a pseudo-terminal.
    func onTerminal(_ command: String, environment: [String: String] = [:]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", command, "/dev/null"]
        var env = ProcessInfo.processInfo.environment
        env.removeValue(forKey: "NO_COLOR")
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    @Test func colourAndProgressOnlyOnATerminal() throws {
        let ws = Workspace()
        let bin = newsdexExecutable().path
        let indexing = try onTerminal("\(bin) index \(ws.corpus) --db \(ws.index)")
        #expect(indexing.contains("articles; switching to the new index"))
        let colored = try onTerminal("\(bin) search --db \(ws.index) troops")
        #expect(colored.contains("\u{1B}[1m"))
        let noColor = try onTerminal("\(bin) search --db \(ws.index) troops", environment: ["NO_COLOR": "1"])
        #expect(!noColor.contains("\u{1B}[1m") && noColor.contains("troops"))
        let flag = try onTerminal("\(bin) search --db \(ws.index) --no-color troops")
        #expect(!flag.contains("\u{1B}[1m"))
        let quiet = try onTerminal("\(bin) index \(ws.corpus) --db \(ws.index) --rebuild --quiet")
        #expect(!quiet.contains("articles") && !quiet.contains("\r\u{1B}[K"))
    }
}

@Suite struct SearchOptionTests {
    let ws: Workspace

    init() throws { ws = try Workspace().indexed() }

    func ids(_ arguments: [String]) throws -> (status: Int32, ids: Set<Substring>, stderr: String) {
        let result = try runNewsdex(["search", "--db", ws.index, "--format", "ids"] + arguments)
        return (result.status, Set(result.stdout.split(separator: "\n")), result.stderr)
    }

    @Test func entityFiltersByTypeAndOfAnyType() throws {
        let both = try ids(["--place", "vladivostok", "troops"])
        #expect(both.status == 0 && both.ids.count == 2)
        let lbcOnly = try ids(["--org", "Russian Pacific Fleet", "troops"])
        #expect(lbcOnly.ids.count == 1 && lbcOnly.ids.first!.hasPrefix("LBC/"))
        let afpOnly = try ids(["--entity", "mark rutte"])
        #expect(afpOnly.ids.count == 1 && afpOnly.ids.first!.hasPrefix("AFP/"))
        // Values of one flag are ORed.
        #expect(try ids(["--entity", "mark rutte", "--entity", "Russian Pacific Fleet"]).ids.count == 2)
    }

    @Test func dateBoundsAsFlags() throws {
        #expect(try ids(["--from", "2024-10-01", "--to", "2024-10-31", "troops"]).ids.count == 1)
        #expect(try ids(["--from", "2025", "troops"]).status == 1)
        let bad = try runNewsdex(["search", "--db", ws.index, "--from", "yesterday", "troops"])
        #expect(bad.status == 2 && bad.stderr.contains("--from"))
    }

    @Test func exactAndCorrect() throws {
        #expect(try ids(["deployments"]).ids.count == 2)
        #expect(try ids(["--exact", "deployments"]).status == 1)
        let misspelt = try ids(["satelite"])
        #expect(misspelt.status == 1 && misspelt.stderr.contains("did you mean: satellite"))
        #expect(try ids(["--correct", "satelite"]).ids.count == 2)
    }

    @Test func checkOfAMissingIndexExitsFour() throws {
        let result = try runNewsdex(["check", ws.corpus, "--db", ws.url.appendingPathComponent("none").path])
        #expect(result.status == 4 && result.stderr.contains("make index"))
    }
}
