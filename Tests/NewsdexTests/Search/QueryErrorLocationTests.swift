import Foundation
import Testing
@testable import Newsdex
@testable import Xapian

@Suite struct QueryErrorLocationTests {
    /// A parser as searches make it, over an empty database.
    static func parser() throws -> (QueryParser, TemporaryDirectory) {
        let directory = try TemporaryDirectory()
        let database = try WritableDatabase(path: directory.path("db").path, mode: .createOrOverwrite)
        return (try QueryLanguage.parser(for: database, analysis: TextAnalysis(.english)), directory)
    }

    /// The text under the caret for `query`, as the CLI shows it.
    static func culprit(_ query: String) throws -> String? {
        let (parser, directory) = try parser()
        defer { withExtendedLifetime(directory) {} }
        do {
            _ = try QueryLanguage.parse(query, with: parser)
            return nil
        } catch SearchError.query(_, _, let location?) {
            return String(Array(query)[location])
        }
    }

    @Test(arguments: [
        ("troops AND", "AND"), ("AND troops", "AND"), ("troops OR OR russia", "OR"), ("a (OR b)", "OR"),
        ("a AND ()", "AND"), ("NOT NOT a", "NOT"), ("a OR NOT", "NOT"), ("x OR AND y", "AND"), ("a AND)", "AND"),
        ("a AND NOT", "NOT"), (", AND b", "AND"), ("a XOR", "XOR"),
    ])
    func theCaretIsUnderTheOperatorMissingAnOperand(query: String, expected: String) throws {
        #expect(try Self.culprit(query) == expected)
    }

    @Test func anErrorBeforeThousandsOfWordsIsFoundInOnePass() throws {
        let query = "AND " + (0..<2_000).map { "w\($0)" }.joined(separator: " ")
        #expect(query.utf8.count > SearchLimits.maxQueryBytes)
        // The locator alone, past the query limit: the operator pass finds it, no reparse needed.
        let (parser, directory) = try Self.parser()
        defer { withExtendedLifetime(directory) {} }
        #expect(QueryLanguage.errorLocation(in: query, message: "Syntax: <expression> AND <expression>", parser: parser) == 0..<3)
        let words = QueryLanguage.characterWords(of: query)
        #expect(QueryLanguage.operatorMissingOperand(words, message: "")?.range == 0..<3)
    }

    @Test func offsetsCountCharactersNotBytes() throws {
        #expect(try Self.culprit("é北京 troops AND") == "AND")
    }
}
