import Testing
@testable import Newsdex

@Suite struct QueryLanguageTests {
    @Test(arguments: [
        // Boolean fields' values are lowercased, quoted or not, so they name the indexed term.
        ("source:AFP troops", "source:afp troops"),
        ("person:\"Vladimir Putin\" said", "person:\"vladimir putin\" said"),
        ("ENTITY:NATO OR org:UN", "ENTITY:nato OR org:un"),
        ("(source:AFP)", "(source:afp)"),
        ("year:2024 kind:Caption", "year:2024 kind:caption"),
        // Free-text fields and words keep their case (the parser handles it, and AND/OR must stay).
        ("title:Satellite AND Troops", "title:Satellite AND Troops"),
        ("caption:Parade", "caption:Parade"),
        // Accents fold everywhere, inside boolean values too.
        ("Zelenskyý person:\"Volodymyr Zelenskýy\"", "Zelenskyy person:\"volodymyr zelenskyy\""),
        // Not a field: a time, a URL-like word, an unknown name.
        ("at 14:30 http://x.org foo:Bar", "at 14:30 http://x.org foo:Bar"),
        // An unclosed quote runs to the end.
        ("person:\"Vladimir Putin", "person:\"vladimir putin"),
        ("", ""),
    ])
    func normalizeLowercasesBooleanValuesAndFoldsAccents(query: String, expected: String) {
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
