import Testing
import Xapian

@Suite struct MatchSetTests {
    @Test func hitsCarryWeightsAndDocuments() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            let enquire = Enquire(database: db)
            enquire.query = try newsParser(db).parse("heavy rain")
            let matches = try enquire.matchSet(limit: 10)
            #expect(matches.count == 2)
            #expect(matches.lowerBound <= matches.estimatedTotal && matches.estimatedTotal <= matches.upperBound)
            for (index, hit) in matches.enumerated() {
                #expect(hit.rank == index)
                #expect(hit.weight > 0)
                #expect(hit.percent > 0 && hit.percent <= 100)
                #expect(try hit.document().id == hit.id)
            }
        }
    }

    @Test func matchSetKeepsDatabaseAlive() throws {
        let matches: MatchSet = try withTemporaryDirectory { dir in
            try makeNewsDatabase(at: dir + "/db").close()
            let enquire = Enquire(database: try Database(path: dir + "/db"))
            enquire.query = .matchAll
            return try enquire.matchSet(limit: 10)
        }
        // The files are gone, but the open database (held by the enquire) still reads documents.
        #expect(matches.count == 4)
        #expect(try matches[0].document().data.isEmpty == false)
    }

    @Test func snippetHighlightsMatches() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            let stem = try Stem(language: "english")
            let enquire = Enquire(database: db)
            enquire.query = try newsParser(db).parse("budget")
            let matches = try enquire.matchSet(limit: 10)
            let text = articles[0].text
            let snippet = try matches.snippet(text, length: 100, stemmer: stem)
            #expect(snippet.contains("<b>budget</b>"))
            let custom = try matches.snippet(text, stemmer: stem, highlightStart: "[", highlightEnd: "]")
            #expect(custom.contains("[budget]"))
            #expect(try matches.snippet("nothing relevant here", stemmer: stem, flags: [.emptyWithoutMatch]) == "")
        }
    }

    @Test func aSnippetNeedingTheDatabaseThrowsWhenItIsGone() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            let enquire = Enquire(database: db)
            enquire.query = try newsParser(db).parse("budget")
            let matches = try enquire.matchSet(limit: 10)
            try db.close()
            // The background model weighs fragments by term frequencies, read from the database.
            #expect {
                try matches.snippet(articles[0].text, length: 100, stemmer: try Stem(language: "english"), flags: [.backgroundModel])
            } throws: { ($0 as? XapianError)?.code == .database }
        }
    }
}
