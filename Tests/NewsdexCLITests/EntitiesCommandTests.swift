import Foundation
import Testing

struct EntitiesCommandTests {
    func articleFile(_ text: String) throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("newsdex-entities-\(UUID().uuidString).txt")
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url
    }

    let article = """
        Putin visits Pyongyang

        Russian President Vladimir Putin arrived in Pyongyang, the NIS said.

        Putin waves in Moscow.
        Putin waves in Moscow. Picture: South Korea's National Intelligence Service
        """

    @Test func printsEntitiesAsJSON() throws {
        let file = try articleFile(article)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try runNewsdex(["entities", file.path, "--format", "json"])
        #expect(result.status == 0)
        #expect(result.stderr.isEmpty)
        struct Report: Decodable {
            struct Item: Decodable, Equatable { var name: String; var type: String; var mentions: [String] }
            var path: String
            var entities: [Item]
        }
        let reports = try JSONDecoder().decode([Report].self, from: Data(result.stdout.utf8))
        #expect(reports.count == 1)
        #expect(reports[0].path == file.path)
        // "Russian" alone names no place: the article never names Russia.
        #expect(reports[0].entities == [
            .init(name: "Vladimir Putin", type: "person", mentions: ["Putin", "Vladimir Putin", "Putin"]),
            .init(name: "Pyongyang", type: "place", mentions: ["Pyongyang", "Pyongyang"]),
            .init(name: "National Intelligence Service", type: "organization", mentions: ["NIS"]),
            .init(name: "Moscow", type: "place", mentions: ["Moscow"]),
        ])
    }

    @Test func printsEntitiesAsText() throws {
        let file = try articleFile(article)
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try runNewsdex(["entities", file.path])
        #expect(result.status == 0)
        #expect(result.stdout.contains("person\tVladimir Putin\tPutin | Vladimir Putin | Putin\n"))
        #expect(result.stdout.hasPrefix("\(file.path):\n"))
    }

    @Test func explainsTheRuleAndCueOfEachMention() throws {
        let file = try articleFile(article)
        defer { try? FileManager.default.removeItem(at: file) }
        let text = try runNewsdex(["entities", "--explain", file.path])
        #expect(text.status == 0)
        #expect(text.stdout.contains("person\tVladimir Putin\tPutin | Vladimir Putin | Putin\n"))
        #expect(text.stdout.contains(
            "\t\"Vladimir Putin\": personCueBefore (a title, role or speech verb before it; cue \"President\")\n"))
        #expect(text.stdout.contains("\t\"Putin\": surname (a shortened name of a person named in full; cue \"Vladimir Putin\")\n"))

        let json = try runNewsdex(["entities", "--explain", "--format", "json", file.path])
        struct Report: Decodable {
            struct Item: Decodable {
                struct Evidence: Decodable, Equatable { var mention: String; var rule: String; var cue: String }
                var name: String
                var evidence: [Evidence]
            }
            var entities: [Item]
        }
        let reports = try JSONDecoder().decode([Report].self, from: Data(json.stdout.utf8))
        let pyongyang = try #require(reports.first?.entities.first { $0.name == "Pyongyang" })
        #expect(pyongyang.evidence.first == .init(mention: "Pyongyang", rule: "gazetteer", cue: "Pyongyang"))
        let plain = try runNewsdex(["entities", "--format", "json", file.path])
        #expect(!plain.stdout.contains("evidence"))
    }

    @Test func unreadableFileIsReportedAndExitsThree() throws {
        let result = try runNewsdex(["entities", "/nonexistent/article.txt"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("/nonexistent/article.txt"))
        #expect(result.stdout == "[]\n" || result.stdout.isEmpty)
    }
}
