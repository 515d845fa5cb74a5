// The multilingual fixture corpus (Fixtures/Languages, see its README), read as the indexer reads it.
import Foundation
@testable import Newsdex

enum LanguageFixtures {
    /// Fixtures/Languages as copied into the test bundle: a corpus root whose source is World/.
    static var corpusRoot: URL {
        ArticleFixtures.fixturesRoot.appendingPathComponent("Languages")
    }

    /// The language each fixture file is written in.
    static let expected: [String: String] = [
        "World/en-border.txt": "en", "World/es-oposicion.txt": "es", "World/fr-incendie.txt": "fr",
        "World/de-unfall.txt": "de", "World/ru-obrashchenie.txt": "ru", "World/ar-hukuma.txt": "ar",
        "World/zh-dizhen.txt": "zh", "World/zh-jingji.txt": "zh", "World/ja-jishin.txt": "ja",
        "World/ko-jutaek.txt": "ko", "World/pt-seguranca.md": "pt",
    ]

    /// Every fixture article, by path.
    static func articles() -> [String: Article] {
        let reader = ArticleReader()
        let (files, _) = ArticleReader.articleFiles(under: [corpusRoot], corpusRoot: corpusRoot)
        var result: [String: Article] = [:]
        for file in files {
            for article in reader.read(file).articles { result[article.id] = article }
        }
        return result
    }
}
