// The wire-copy fixtures (TestSupport's Wire), indexed, with the articles as `newsdex parse`
// reads them: counts are checked against a brute-force count over those, never hard-coded.
import Foundation
import TestSupport

/// One article as `newsdex parse` reads it.
struct ParsedArticle {
    var id: String
    var source: String
    var title: String
    var paragraphs: [String]
    var captions: [String]
    var authors: [String]

    /// The free text a word without a field may be in: title, body and captions.
    var text: [String] { [title] + paragraphs + captions }
}

final class WireCorpus {
    let ws = Workspace(seeds: false)
    let articles: [ParsedArticle]

    init() throws {
        try FileManager.default.copyItem(at: Wire.corpus, to: URL(fileURLWithPath: ws.corpus))
        let index = try runNewsdex(["index", ws.corpus, "--db", ws.index, "--quiet"])
        precondition(index.status == 0, index.stderr)
        let parse = try runNewsdex(["parse", ws.corpus, "--corpus", ws.corpus, "--format", "json"])
        let report = try JSONSerialization.jsonObject(with: Data(parse.stdout.utf8)) as! [String: Any]
        articles = (report["articles"] as! [[String: Any]]).map { article in
            ParsedArticle(
                id: article["id"] as! String, source: article["source"] as! String,
                title: article["title"] as? String ?? "", paragraphs: article["paragraphs"] as? [String] ?? [],
                captions: (article["captions"] as? [[String: Any]] ?? []).compactMap { $0["text"] as? String },
                authors: article["authors"] as? [String] ?? [])
        }
    }

    /// Runs `newsdex COMMAND --db INDEX ARGS…`: `--db` before the arguments, which may end
    /// with `-- QUERY`.
    func run(_ arguments: [String], stdin: String? = nil) throws -> RunResult {
        try runNewsdex([arguments[0], "--db", ws.index] + arguments.dropFirst(), stdin: stdin)
    }

    /// The ids `search` prints for `query`, every copy, every hit.
    func ids(_ query: String, _ options: [String] = []) throws -> Set<String> {
        let result = try run(["search", "--format", "ids", "--limit", "all", "--all-copies"] + options + ["--", query])
        precondition(result.status <= 1, result.stderr)
        return Set(result.stdout.split(separator: "\n").map(String.init))
    }

    /// The ids of the articles where `pattern` (a regular expression, case aside) matches one of
    /// the strings `fields` gives.
    func bruteForce(_ pattern: String, in fields: (ParsedArticle) -> [String] = \.text) -> Set<String> {
        let regex = try! NSRegularExpression(pattern: pattern, options: [.caseInsensitive])
        return Set(articles.filter { article in
            fields(article).contains { text in
                regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            }
        }.map(\.id))
    }

    /// A pattern for a word in every form the index must treat as the word: any case, with a
    /// possessive ('s, ’s) or the plural's (s', s’) or a plural s (the stem is the same).
    static func word(_ word: String) -> String {
        #"(?<![\w'’])"# + NSRegularExpression.escapedPattern(for: word) + #"(?:['’]s|s['’]?)?(?![\w])"#
    }

    /// A pattern for a phrase, its last word possibly possessive.
    static func phrase(_ words: [String]) -> String {
        #"(?<![\w'’])"# + words.map(NSRegularExpression.escapedPattern(for:)).joined(separator: #"\s+"#)
            + #"(?:['’]s)?(?![\w])"#
    }
}
