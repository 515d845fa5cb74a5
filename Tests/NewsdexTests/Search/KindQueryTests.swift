import Testing
import Xapian
@testable import Newsdex

@Suite struct KindQueryTests {
    let scratch: TemporaryDirectory
    let parser: MultilingualQueryParser

    init() throws {
        scratch = try TemporaryDirectory()
        let database = try WritableDatabase(path: scratch.path("db").path, mode: .createOrOverwrite)
        parser = try MultilingualQueryParser(languages: [], documents: [.english: 1], exact: false) {
            try QueryLanguage.parser(for: database, analysis: $0)
        }
    }

    @Test(arguments: [
        ("troops", true), ("\"parade ground\"", true), ("title:harbour", true), ("author:lee", true),
        ("troops source:afp", true), ("ships -troops", true), ("troops OR ships", true), ("story:0a1b", true),
        ("troops date:2024-01-01..2024-02-01", true),
        // Pictures hold these too, or may.
        ("caption:troops", false), ("troops OR caption:troops", false), ("source:afp", false),
        ("NOT troops", false), ("troop*", false), ("date:2024-01-01..2024-02-01", false),
        ("person:\"vladimir putin\"", false),
    ])
    func aQueryMatchesOnlyArticlesWhenEveryMatchHoldsAnArticlesOwnTerm(_ text: String, _ onlyArticles: Bool) throws {
        let query = try #require(try parser.parse(text, for: .article))
        #expect(KindQuery.matchesOnlyArticles(query) == onlyArticles, "\(query)")
    }

    @Test func picturesAreSearchedInTheirCaptionsWords() throws {
        let pictures = try #require(try parser.parse("troops", for: .caption))
        #expect(pictures.terms() == ["ZXCAPTIONtroop"])
        #expect(!KindQuery.matchesOnlyArticles(pictures))
        let both = try #require(try parser.parse("troops", for: .all))
        #expect(Set(both.terms()) == ["Ztroop", "ZXCAPTIONtroop", "XKINDarticle", "XKINDcaption"])
        // A query without words reads alike for both kinds, and needs no kind of its own.
        #expect(try parser.parse("source:afp", for: .all)?.terms() == ["XSOURCEafp"])
    }
}
