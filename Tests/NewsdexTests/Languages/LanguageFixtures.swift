// The multilingual fixture corpus (TestSupport's Fixtures/Languages), read as the indexer reads it.
import Foundation
import TestSupport
@testable import Newsdex

enum LanguageFixtures {
    static var corpusRoot: URL { LanguageCorpus.corpus }

    /// The language each fixture file is written in.
    static var expected: [String: String] { LanguageCorpus.expected }

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
