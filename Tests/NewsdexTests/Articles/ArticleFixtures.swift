// Where the article tests find their inputs: fixture files in the bundle, and the seeds.
import Foundation
import TestSupport
@testable import Newsdex

enum ArticleFixtures {
    /// Tests/NewsdexTests/Fixtures/Articles/<name>, as copied into the test bundle.
    static func url(_ name: String) -> URL {
        fixturesRoot.appendingPathComponent("Articles").appendingPathComponent(name)
    }

    /// Tests/NewsdexTests/Fixtures/HTML/<name>: saved pages written in the shapes real sites use.
    static func page(_ name: String) -> URL {
        fixturesRoot.appendingPathComponent("HTML").appendingPathComponent(name)
    }

    /// Reads the saved page `name` as the file `path` under a corpus root.
    static func readPage(_ name: String, as path: String? = nil) throws -> ReadResult {
        let bytes = [UInt8](try Data(contentsOf: page(name)))
        return ArticleReader().read(bytes: bytes, relativePath: path ?? name)
    }

    /// Reads inline HTML as the page file `path`.
    static func readHTML(_ html: String, as path: String = "page.html") -> ReadResult {
        ArticleReader().read(bytes: Array(html.utf8), relativePath: path)
    }

    /// Tests/NewsdexTests/Fixtures/WARC/<name>: web archives written by
    /// Scripts/testdata/make-warc-fixtures.py.
    static func archive(_ name: String) -> URL {
        fixturesRoot.appendingPathComponent("WARC").appendingPathComponent(name)
    }

    static var fixturesRoot: URL {
        Bundle.module.resourceURL!.appendingPathComponent("Fixtures")
    }

    /// The seed articles' folder (TestSupport's fixtures).
    static var corpusRoot: URL { Seeds.corpus }

    static let lbcSeedPath = Seeds.lbcPath
    static let afpSeedPath = Seeds.afpPath

    /// Reads text given inline, as a file at `path` under a corpus root.
    static func read(_ text: String, as path: String = "Wire/article.txt") -> ReadResult {
        ArticleReader().read(bytes: Array(text.utf8), relativePath: path)
    }

    /// The one article of inline text; fails the test's expectations when there is none.
    static func article(_ text: String, as path: String = "Wire/article.txt") -> Article? {
        read(text, as: path).articles.first
    }
}
