// Issue 20, searches: every query, flag and value gets a result or a clear error, in bounded
// time and memory. Each test is one case of the issue, through the CLI.
import Foundation
import Testing

/// The seeds plus two articles that do not say "troops", one of which says "Hamas".
private func hostileWorkspace() throws -> Workspace {
    let ws = Workspace()
    ws.write("corpus/BBC/harbour.txt", Array("Harbour report\nThe harbour reopened on Monday after the storm.\n".utf8))
    ws.write("corpus/BBC/gaza.txt", Array("Ceasefire talks\nHamas negotiators met mediators in Cairo on Monday.\n".utf8))
    return try ws.indexed()
}

@Suite(.timeLimit(.minutes(5))) struct HostileQueryTests {
    let ws: Workspace

    init() throws { ws = try hostileWorkspace() }

    func search(_ arguments: [String], environment: [String: String] = [:]) throws -> BoundedResult {
        let result = try runBounded(["search", "--db", ws.index] + arguments, environment: environment)
        #expect(!result.timedOut && result.peakMemory < Bounds.memory, "\(arguments.joined(separator: " ").prefix(80)): \(result.summary)")
        return result
    }

    @Test func aLimitBeyondItsRangeIsAUsageErrorNotATrap() throws {
        for limit in ["9223372036854775807", "10001", "-1"] {
            let result = try search(["--limit=\(limit)", "troops"])
            #expect(result.status == 2, "\(result.summary)")
            #expect(result.stderr.contains("--limit must be from 0 to 10000"))
        }
        #expect(try search(["--limit", "all", "troops"]).status == 0)
        #expect(try search(["--limit", "10000", "troops"]).status == 0)
    }

    @Test func anOffsetPastTheLastHitExitsOneWithTheTotal() throws {
        for offset in ["9223372036854775807", "99999999999", "2"] {
            let result = try search(["--offset", offset, "troops", "--all-copies"])
            #expect(result.status == 1, "\(result.summary)")
            #expect(result.stdout.hasPrefix("2 hits; --offset \(offset) is past the last"), "\(result.stdout)")
            let ids = try search(["--offset", offset, "--format", "ids", "troops", "--all-copies"])
            #expect(ids.status == 1)
            #expect(ids.stderr.contains("--offset \(offset) is past the last hit: the search has 2 hits"), "\(ids.stderr)")
        }
        let json = try search(["--offset", "9223372036854775807", "--format", "json", "troops", "--all-copies"])
        #expect(json.status == 1)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(object["total"] as? Int == 2 && (object["results"] as? [Any])?.isEmpty == true)
    }

    @Test func everyIntegerOptionHasARange() throws {
        let cases: [[String]] = [
            ["search", "--db", ws.index, "--facet-limit=-1", "troops"],
            ["facets", "--db", ws.index, "--facet-limit", "1000001"],
            ["stats", "--db", ws.index, "--top=-5"],
            ["index", ws.corpus, "--db", ws.index, "--jobs", "0"],
            ["index", ws.corpus, "--db", ws.index, "--jobs", "100000"],
            ["index", ws.corpus, "--db", ws.index, "--shards", "0"],
            ["index", ws.corpus, "--db", ws.index, "--batch-size", "0"],
            ["index", ws.corpus, "--db", ws.index, "--max-file-size", "9223372036854775807"],
            ["index", ws.corpus, "--db", ws.index, "--story-threshold", "nan"],
        ]
        for arguments in cases {
            let result = try runBounded(arguments)
            #expect(result.status == 2, "\(arguments): \(result.summary)")
            #expect(result.stderr.contains("must be"), "\(arguments): \(result.stderr)")
        }
    }

    @Test func aLeadingDashExcludesTheWord() throws {
        let excluded = try search(["--format", "ids", "--", "-troops"])
        #expect(excluded.status == 0, "\(excluded.summary)")
        #expect(Set(excluded.stdout.split(separator: "\n")) == ["BBC/harbour.txt", "BBC/gaza.txt"])
        let both = try search(["--format", "ids", "--", "-troops", "-hamas"])
        #expect(both.stdout == "BBC/harbour.txt\n")
        // NOT says the same.
        #expect(try search(["--format", "ids", "NOT", "troops"]).stdout.split(separator: "\n").count == 2)
    }

    @Test func aQueryWordStartingWithADashIsPartOfTheQueryNotAnOption() throws {
        let result = try search(["--format", "ids", "monday", "-hamas"])
        #expect(result.status == 0, "\(result.summary)")
        #expect(result.stdout == "BBC/harbour.txt\n")
        #expect(!result.stdout.contains("OVERVIEW"))
        // Before the options, and as -h would be read: still a query word.
        #expect(try search(["-hamas", "monday", "--format", "ids"]).stdout == "BBC/harbour.txt\n")
        // As the value of an option, it cannot be a query word: the error says to use --.
        let taken = try search(["--source", "-hamas", "monday"])
        #expect(taken.status == 2)
        #expect(taken.stderr.contains("put the query after --"), "\(taken.stderr)")
    }

    @Test func invalidDatesAreUsageErrorsNamingTheValue() throws {
        for query in ["date:2024-13-45..", "troops date:2024-02-30..2024-03-01", "date:..2024-1x", "date:.."] {
            let result = try search([query])
            #expect(result.status == 2, "\(query): \(result.summary)")
            #expect(result.stderr.contains("is not a date range"), "\(result.stderr)")
        }
        let named = try search(["date:2024-13-45.."])
        #expect(named.stderr.contains("\"date:2024-13-45..\""))
        for flag in ["--from", "--to"] {
            let result = try search([flag, "2024-02-30", "troops"])
            #expect(result.status == 2)
            #expect(result.stderr.contains("\(flag) \"2024-02-30\" is not a date"), "\(result.stderr)")
        }
        // Valid ranges, with months and open ends, still work.
        #expect(try search(["troops", "date:2024-10..2024-10", "--format", "ids"]).status == 0)
        #expect(try search(["troops", "date:2024-02-29..", "--format", "ids"]).status == 0)
    }

    @Test func wildcardsBeyondTheLimitAreAnErrorNamingThePattern() throws {
        let letters = "abcdefghijklmnopq".map { "\($0)*" }
        let sixteen = try search(["--format", "ids", letters.prefix(16).joined(separator: " OR ")])
        #expect(sixteen.status == 0, "\(sixteen.summary)")
        let seventeen = try search([letters.joined(separator: " OR ")])
        #expect(seventeen.status == 2)
        #expect(seventeen.stderr.contains("more than 16 wildcards (\"q*\" is one too many)"), "\(seventeen.stderr)")
        // The issue's attack: 26 × 16 wildcards, refused at once.
        let attack = (0..<16).flatMap { _ in "abcdefghijklmnopqrstuvwxyz".map { "\($0)*" } }.joined(separator: " OR ")
        #expect(try search([attack]).status == 2)
    }

    @Test func anEarlySyntaxErrorIsLocatedWithoutParsingEveryPrefix() throws {
        // The issue's case: AND and 400 words took 20 s when every prefix was parsed again.
        let words = (0..<400).map { "word\($0)" }.joined(separator: " ")
        let result = try search(["AND " + words])
        #expect(result.status == 2, "\(result.summary)")
        let lines = result.stderr.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count >= 3 && lines[2] == "  ^^^", "\(result.stderr.prefix(300))")
        // An error at the end, and one in the middle.
        #expect(try search(["troops AND"]).stderr.contains("\n  troops AND\n         ^^^\n"))
        let middle = try search(["troops OR OR russia"])
        #expect(middle.stderr.contains("\n  troops OR OR russia\n            ^^\n"), "\(middle.stderr)")
    }

    @Test func aQueryOrFilterValueBeyondItsLengthIsAUsageError() throws {
        let query = String(repeating: "troops ", count: 15_000)  // 105 KB
        let long = try search([query])
        #expect(long.status == 2)
        #expect(long.stderr.contains("bytes long; a query is at most 4096 bytes"), "\(long.stderr.prefix(200))")
        #expect(try search([String(repeating: "troops ", count: 585)]).status == 0)  // 4095 bytes

        let value = String(repeating: "p", count: 100_000)
        let person = try search(["--person", value])
        #expect(person.status == 2)
        #expect(person.stderr.contains("the --person value \"pppp"), "\(person.stderr.prefix(200))")
        #expect(person.stderr.contains("is 100000 bytes long; a filter value is at most 256 bytes"))

        let many = (0..<65).flatMap { ["--source", "S\($0)"] }
        let tooMany = try search(many + ["troops"])
        #expect(tooMany.status == 2)
        #expect(tooMany.stderr.contains("65 filter values given; a search takes at most 64"), "\(tooMany.stderr)")
    }

    @Test func anIdBeyondItsLengthIsAUsageErrorForShow() throws {
        for length in [30_000, 100_000] {
            let result = try runBounded(["show", "--db", ws.index, String(repeating: "x", count: length)])
            #expect(result.status == 2, "\(result.summary)")
            #expect(result.stderr.contains("the id is \(length) bytes long; an id is at most 1024 bytes"))
        }
        let unknown = try runBounded(["show", "--db", ws.index, String(repeating: "x", count: 1024)])
        #expect(unknown.status == 1, "\(unknown.summary)")
    }
}
