import Testing
import Xapian

@Suite struct QueryParserTests {
    @Test func stemmedTextAndPhraseQueriesFindDocuments() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            let parser = try newsParser(db)
            let enquire = Enquire(database: db)
            enquire.query = try parser.parse("budgets")
            #expect(Set(ids(try enquire.matchSet(limit: 10))) == [1, 3])
            enquire.query = try parser.parse("\"heavy rain\"")
            #expect(Set(ids(try enquire.matchSet(limit: 10))) == [2, 4])
            enquire.query = try parser.parse("\"rain heavy\"")
            #expect(try enquire.matchSet(limit: 10).isEmpty)
        }
    }

    @Test func cjkNgramFlagSplitsAWordIntoTheTermsTheIndexHas() throws {
        let parser = QueryParser()
        let query = try parser.parse("地震", flags: [.cjkNgram])
        #expect(Set(query.terms()) == ["地", "地震", "震"])
        #expect(try parser.parse("地震").terms() == ["地震"])
    }

    @Test func booleanPrefixBecomesFilterTerm() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            let parser = try newsParser(db)
            let query = try parser.parse("budget source:AFP")
            // Xapian adds ':' between a multi-letter prefix and a value starting with a capital.
            #expect(query.terms().contains("XS:AFP"))
            let enquire = Enquire(database: db)
            enquire.query = try parser.parse("rain source:AP")
            #expect(ids(try enquire.matchSet(limit: 10)) == [4])
        }
    }

    @Test func dateAndNumberRanges() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            let parser = try newsParser(db)
            let enquire = Enquire(database: db)
            enquire.query = try parser.parse("date:2024-02-01..2024-03-10")
            #expect(Set(ids(try enquire.matchSet(limit: 10))) == [2, 3])
            enquire.query = try parser.parse("100..400words")
            #expect(Set(ids(try enquire.matchSet(limit: 10))) == [1, 2])
        }
    }

    @Test func defaultOperatorAndPrefix() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            let parser = try newsParser(db)
            parser.defaultOperator = .and
            #expect(parser.defaultOperator == .and)
            let enquire = Enquire(database: db)
            enquire.query = try parser.parse("heavy minister")
            #expect(ids(try enquire.matchSet(limit: 10)) == [4])
            parser.addPrefix("title", "S")
            #expect(try parser.parse("title:budget").terms().allSatisfy { $0.hasPrefix("S") || $0.hasPrefix("ZS") })
        }
    }

    @Test func malformedQueryThrowsQueryParserError() throws {
        let parser = QueryParser()
        #expect { try parser.parse("foo AND") } throws: { ($0 as? XapianError)?.code == .queryParser }
        #expect { try parser.parse("AND foo", flags: [.boolean]) } throws: { ($0 as? XapianError)?.code == .queryParser }
        // Xapian 1.4 is lenient with unbalanced brackets: "(" parses to the empty query.
        #expect(try parser.parse("(", flags: [.boolean]).isEmpty)
    }

    @Test func spellingCorrection() throws {
        try withTemporaryDirectory { dir in
            let db = try WritableDatabase(path: dir + "/db")
            try db.addSpelling("minister")
            try db.commit()
            let parser = QueryParser()
            parser.database = db
            _ = try parser.parse("ministr", flags: [.default, .spellingCorrection])
            #expect(try parser.correctedQuery == "minister")
            _ = try parser.parse("minister", flags: [.default, .spellingCorrection])
            #expect(try parser.correctedQuery == "")
        }
    }

    @Test func wildcardNeedsDatabase() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            let parser = QueryParser()
            parser.database = db
            let enquire = Enquire(database: db)
            enquire.query = try parser.parse("flood*", flags: [.default, .wildcard])
            #expect(ids(try enquire.matchSet(limit: 10)) == [2])
        }
    }
}
