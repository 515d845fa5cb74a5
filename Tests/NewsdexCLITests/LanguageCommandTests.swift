import Foundation
import TestSupport
import Testing

/// The multilingual fixtures (Tests/NewsdexTests/Fixtures/Languages) indexed beside the seeds,
/// searched through the binary.
@Suite struct LanguageCommandTests {
    let ws: Workspace

    init() throws {
        ws = Workspace()
        try FileManager.default.copyItem(
            at: LanguageCorpus.world, to: URL(fileURLWithPath: ws.corpus).appendingPathComponent("World"))
        _ = try ws.indexed()
    }

    func search(_ arguments: [String]) throws -> RunResult {
        try runNewsdex(["search", "--db", ws.index] + arguments)
    }

    @Test func anInflectedSpanishFormFindsTheArticleAndSaysItsLanguage() throws {
        let result = try search(["perfilar"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("World/es-oposicion.txt"))
        #expect(result.stdout.contains("· es ·"))
        #expect(result.stdout.contains("perfilando"))
        let json = try search(["--format", "json", "perfilar"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let hits = try #require(object["results"] as? [[String: Any]])
        #expect(hits.map { $0["language"] as? String } == ["es"])
    }

    @Test func langFlagAndFieldFilterAndChooseTheStemmer() throws {
        #expect(try search(["--format", "ids", "--lang", "es", "perfilar"]).stdout == "World/es-oposicion.txt\n")
        #expect(try search(["--format", "ids", "perfilar", "lang:es"]).stdout == "World/es-oposicion.txt\n")
        let german = try search(["--format", "ids", "--lang", "de", "perfilar"])
        #expect(german.status == 1 && german.stdout.isEmpty)
        let cjk = try search(["--format", "ids", "--lang", "zh", "--lang", "ja", "地震"])
        #expect(Set(cjk.stdout.split(separator: "\n")) == ["World/zh-dizhen.txt", "World/ja-jishin.txt"])
        #expect(try search(["--format", "ids", "--lang", "Japanese", "地震"]).stdout == "World/ja-jishin.txt\n")
    }

    @Test func anUnknownLanguageIsAUsageError() throws {
        let result = try search(["--lang", "elvish", "troops"])
        #expect(result.status == 2)
        #expect(result.stderr.contains("--lang \"elvish\" is not a language"))
    }

    @Test func theLanguageFacetCountsEveryLanguage() throws {
        let result = try runNewsdex(["facets", "--db", ws.index, "--facet-limit", "20", "--format", "json"])
        #expect(result.status == 0)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let facets = try #require(object["facets"] as? [String: [[String: Any]]])
        let languages = Dictionary(uniqueKeysWithValues: (facets["language"] ?? []).map {
            ($0["value"] as? String ?? "", $0["count"] as? Int ?? 0)
        })
        #expect(languages == ["en": 3, "es": 1, "fr": 1, "de": 1, "ru": 1, "ar": 1, "zh": 2, "ja": 1, "ko": 1, "pt": 1])
        let text = try runNewsdex(["facets", "--db", ws.index, "--lang", "zh"])
        #expect(text.stdout.contains("language"))
    }

    @Test func parseShowsTheLanguageStatedOrDetected() throws {
        let folder = LanguageCorpus.world
        let detected = try runNewsdex(["parse", folder.appendingPathComponent("ru-obrashchenie.txt").path])
        #expect(detected.stdout.contains("language:   ru (detected)"))
        let stated = try runNewsdex(["parse", folder.appendingPathComponent("pt-seguranca.md").path])
        #expect(stated.stdout.contains("language:   pt (stated)"))
    }
}
