import Testing

@testable import Newsdex

struct GazetteerTests {
    let gazetteer = Gazetteer.shared

    @Test func countryFormsShareOneCanonicalName() {
        for name in ["South Korea", "Republic of Korea", "Korea, Republic of", "S. Korea", "South Korea's"] {
            #expect(gazetteer.canonicalName(of: name) == "South Korea", "\(name)")
        }
        #expect(gazetteer.canonicalName(of: "Russian Federation") == "Russia")
        #expect(gazetteer.canonicalName(of: "North Korea") == "North Korea")
        #expect(gazetteer.canonicalName(of: "DPRK") == "North Korea")
        #expect(gazetteer.canonicalName(of: "US") == "United States")
        #expect(gazetteer.canonicalName(of: "United States of America") == "United States")
        #expect(gazetteer.canonicalName(of: "UK") == "United Kingdom")
    }

    @Test func acronymsMatchOnlyInCapitals() {
        #expect(gazetteer.lookup("us") == nil)
        #expect(gazetteer.lookup("NIS") == GazetteerEntry(name: "National Intelligence Service", kind: .organization))
        #expect(gazetteer.lookup("AFP")?.name == "Agence France-Presse")
    }

    @Test func demonymsNameTheirCountry() {
        #expect(gazetteer.lookup("North Korean") == GazetteerEntry(name: "North Korea", kind: .demonym))
        #expect(gazetteer.lookup("Russians")?.name == "Russia")
        #expect(gazetteer.lookup("Ukrainian")?.type == .place)
    }

    @Test func citiesAreAsciiWithTheirGeoNamesSpellingAsAlias() {
        #expect(gazetteer.lookup("Hamhŭng")?.name == "Hamhung")
        #expect(gazetteer.lookup("Vladivostok")?.kind == .city)
        #expect(gazetteer.lookup("Kiev")?.name == "Kyiv")
    }

    @Test func parsesTheTSVItIsGiven() {
        let small = Gazetteer(tsv: "C\tAtlantis\tRepublic of Atlantis\nO\tAtlantis Navy\tAN\nX\tignored\n")
        #expect(small.canonicalName(of: "Republic of Atlantis") == "Atlantis")
        #expect(small.lookup("AN")?.type == .organization)
        #expect(small.lookup("ignored") == nil)
    }
}
