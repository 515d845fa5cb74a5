// "Did you mean": Xapian's QueryParser proposes a correction when a word is not in the index but
// close to one that is (from the spelling data the indexer writes). The correction is offered,
// or with `correctSpelling` searched instead.
internal import Xapian

/// A user's query, parsed, with the spelling correction offered or applied.
struct SpelledQuery {
    /// The query to run; nil for an empty one.
    var query: Query?
    /// A correction to offer, when one was found and not applied.
    var suggestion: String?
    /// The text actually searched, when the correction was applied.
    var corrected: String?

    /// Parses `text`, and when `correct` and there is a correction, parses that instead.
    /// - Throws: `SearchError.query` when the text cannot be parsed.
    init(_ text: String, parser: QueryParser, correct: Bool) throws {
        query = try QueryLanguage.parse(text, with: parser)
        let correction = parser.correctedQuery
        suggestion = correction.isEmpty ? nil : correction
        if correct, let fix = suggestion {
            query = try QueryLanguage.parse(fix, with: parser)
            corrected = fix
            suggestion = nil
        }
    }
}
