import Foundation
import Testing

/// Copies of one wire story, through the CLI: one hit with "also in", `--all-copies`, `show`.
@Suite struct StoryCommandTests {
    let ws: Workspace

    static let paragraphs = [
        "Seoul's spy agency said on Friday that the first contingent of special forces had been moved by sea to the port of Vladivostok.",
        "The agency released satellite images it said showed landing ships and escort vessels taking the troops from three northern harbours.",
        "Analysts said the deployment would give the army its first real combat experience in decades, and raise the stakes for the region.",
        "A second transport was expected soon, according to a statement published on the government website late on Thursday evening.",
    ]

    init() throws {
        ws = Workspace(seeds: false)
        func line(_ id: String, _ source: String, _ title: String, _ date: String, _ body: [String]) throws -> [UInt8] {
            let object: [String: Any] = ["id": id, "source": source, "title": title, "date": date, "body": body]
            return Array(try JSONSerialization.data(withJSONObject: object)) + [10]
        }
        ws.write("corpus/AFP/wire.jsonl", try line("afp-1", "AFP", "Troops moved by sea", "2024-10-18", Self.paragraphs))
        ws.write("corpus/BBC/copy.jsonl", try line(
            "bbc-1", "BBC", "Spy agency says troops sent", "2024-10-19", Array(Self.paragraphs.dropLast())))
        ws.write("corpus/DW/other.jsonl", try line(
            "dw-1", "DW", "Harbour reopens", "2024-10-20",
            ["The harbour reopened on Saturday after a week of storms kept the fishing fleet in port."]))
        let index = try runNewsdex(["index", ws.corpus, "--db", ws.index, "--quiet"])
        precondition(index.status == 0, index.stderr)
    }

    @Test func oneHitPerStoryWithWhereElseItRan() throws {
        let text = try runNewsdex(["search", "--db", ws.index, "troops"])
        #expect(text.status == 0)
        #expect(text.stdout.hasPrefix("1 hit\n"))
        #expect(text.stdout.contains("also in: "))
        #expect(text.stdout.contains("(1 other copy)"))
        let json = try runNewsdex(["search", "--db", ws.index, "--format", "json", "troops"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let hit = try #require((object["results"] as? [[String: Any]])?.first)
        #expect((hit["story"] as? String)?.isEmpty == false)
        #expect((hit["copies"] as? [String])?.count == 1)
        #expect(hit["copy_count"] as? Int == 1)
        let all = try runNewsdex(["search", "--db", ws.index, "--format", "ids", "--all-copies", "troops"])
        #expect(Set(all.stdout.split(separator: "\n")) == ["afp-1", "bbc-1"])
    }

    @Test func showListsTheOtherCopiesAndHowTheyDiffer() throws {
        let result = try runNewsdex(["show", "bbc-1", "--db", ws.index])
        #expect(result.status == 0)
        #expect(result.stdout.contains("other copies of this story (1)"))
        #expect(result.stdout.contains("AFP 2024-10-18 · afp-1"))
        #expect(result.stdout.contains("headline: \"Troops moved by sea\""))
        #expect(result.stdout.contains("+ paragraph 4: A second transport"))
        let json = try runNewsdex(["show", "bbc-1", "--db", ws.index, "--format", "json"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((object["copies"] as? [[String: Any]])?.first?["id"] as? String == "afp-1")
    }
}
