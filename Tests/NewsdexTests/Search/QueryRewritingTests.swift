import Testing
@testable import Newsdex

@Suite struct QueryRewritingTests {
    @Test(arguments: [
        ("date:2024-10-01..2024-10-31", "date:20241001..20241031"),
        ("troops date:2024-10..", "troops date:20241001.."),
        ("date:..2024-02", "date:..20240229"),
        ("date:2024", "date:20240101..20241231"),
        ("(date:2024-10-18..2024-10-20) troops", "(date:20241018..20241020) troops"),
        ("troops -date:2024-10-01..", "troops NOT date:20241001.."),
        ("+DATE:20241018..", "date:20241018.."),
        ("\"date:2024-13-45\" is quoted", "\"date:2024-13-45\" is quoted"),
        ("update:2024 nodate", "update:2024 nodate"),
    ])
    func dateRangesAreCheckedAndWrittenAsDays(query: String, expected: String) throws {
        #expect(try QueryLanguage.dateRanges(query, original: query) == expected)
    }

    @Test(arguments: ["date:2024-13-45..", "date:2024-02-30..2024-03-01", "date:..", "date:x..y", "a date:2024-10-1x b"])
    func aDateThatIsNotOneIsAnErrorNamingIt(query: String) {
        #expect { try QueryLanguage.dateRanges(query, original: query) } throws: { error in
            guard case .invalidDate(let original, let value) = error as? SearchError else { return false }
            return original == query && query.contains(value)
        }
    }

    @Test(arguments: [
        ("-troops", "NOT troops"),
        ("-troops -hamas", "NOT troops NOT hamas"),
        ("-\"parade ground\"", "NOT \"parade ground\""),
        ("-(a OR b)", "NOT (a OR b)"),
        ("-source:afp", "NOT source:afp"),
        ("-a OR -b", "NOT a OR NOT b"),
        // Something to match: Xapian's own `-` excludes from it.
        ("troops -hamas", "troops -hamas"),
        ("-troops source:afp", "-troops source:afp"),
        ("(-a b)", "(-a b)"),
        ("--troops", "--troops"),
        ("-", "-"),
        ("north-korea", "north-korea"),
    ])
    func onlyExcludedWordsMeanEveryDocumentButThose(query: String, expected: String) {
        #expect(QueryLanguage.excludingOnly(query) == expected)
    }
}
