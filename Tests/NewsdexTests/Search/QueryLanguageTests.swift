import Testing
@testable import Newsdex

@Suite struct QueryLanguageTests {
    @Test func aQuerysStopperHoldsEveryWordOfItsLanguagesList() throws {
        // Each list is handed over as its text, folded when generated: each word is found, and
        // only the list's words.
        for language in Stopwords.languages {
            let words = try #require(Stopwords.words(for: language))
            let stopper = try #require(QueryLanguage.stopper(for: language))
            #expect(words.allSatisfy(stopper.contains), "\(language.code)")
            #expect(!stopper.contains("parliament") && !stopper.contains(""), "\(language.code)")
        }
        #expect(QueryLanguage.stopper(for: try #require(Language(code: "pl"))) == nil)
    }

    @Test(arguments: [
        // Boolean fields' values are lowercased, quoted or not, so they name the indexed term.
        ("source:AFP troops", "source:afp troops"),
        ("person:\"Vladimir Putin\" said", "person:\"vladimir putin\" said"),
        ("ENTITY:NATO OR org:UN", "entity:nato OR org:un"),
        ("(source:AFP)", "(source:afp)"),
        ("year:2024 kind:Caption", "year:2024 kind:caption"),
        // Free text is lowercased, so the parser stems every word (it leaves capitalised words
        // alone); operators and acronyms keep their capitals.
        ("title:Satellite AND Troops", "title:satellite AND troops"),
        ("caption:Parade", "caption:parade"),
        ("U.S. Troops NEAR Kursk", "U.S. troops NEAR kursk"),
        // Possessive endings drop, as the indexer drops them; boolean values keep theirs.
        ("Putin’s PUTIN'S Putins' org:\"McDonald's\"", "putin putin putins org:\"mcdonald's\""),
        ("\"Yasser Arafat's\" O'Brien", "\"yasser arafat\" o'brien"),
        // Accents fold everywhere, inside boolean values too.
        ("Zelenskyý person:\"Volodymyr Zelenskýy\"", "zelenskyy person:\"volodymyr zelenskyy\""),
        // Not a field: a time, a URL-like word, an unknown name.
        ("at 14:30 http://x.org foo:Bar", "at 14:30 http://x.org foo:bar"),
        // An unclosed quote runs to the end.
        ("person:\"Vladimir Putin", "person:\"vladimir putin"),
        ("", ""),
    ])
    func normalizeFoldsAsTheIndexerDoes(query: String, expected: String) {
        #expect(QueryLanguage.normalize(query) == expected)
    }

    @Test func everyQueryNameOfTheSchemaIsKnownToTheParser() {
        for field in Schema.fields {
            guard let name = field.queryName else { continue }
            switch field.indexing {
            case .boolean: #expect(QueryLanguage.booleanFields[name] == [field], "\(name)")
            case .freeText: #expect(QueryLanguage.freeTextFields[name] == field, "\(name)")
            }
        }
        #expect(QueryLanguage.booleanFields["entity"] == [Schema.person, Schema.place, Schema.organization])
        #expect(QueryLanguage.booleanFields.count + QueryLanguage.freeTextFields.count
            == Schema.fields.compactMap(\.queryName).count + Schema.queryAliases.count)
    }
}
