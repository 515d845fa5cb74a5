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
        #expect(reports[0].entities == [
            .init(name: "Vladimir Putin", type: "person", mentions: ["Putin", "Vladimir Putin", "Putin"]),
            .init(name: "Pyongyang", type: "place", mentions: ["Pyongyang", "Pyongyang"]),
            .init(name: "Russia", type: "place", mentions: ["Russian"]),
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

    @Test func unreadableFileIsReportedAndExitsThree() throws {
        let result = try runNewsdex(["entities", "/nonexistent/article.txt"])
        #expect(result.status == 3)
        #expect(result.stderr.contains("/nonexistent/article.txt"))
        #expect(result.stdout == "[]\n" || result.stdout.isEmpty)
    }
}
