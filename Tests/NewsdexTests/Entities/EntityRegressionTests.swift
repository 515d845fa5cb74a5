// One wire-style story per class of error found on real news (issue 15), each asserting the
// entities a reader expects: Fixtures/Entities/<name>.txt, written for these tests.
import Foundation
import Testing

@testable import Newsdex

struct EntityRegressionTests {
    func entities(of fixture: String) throws -> [Entity] {
        let url = try #require(Bundle.module.url(
            forResource: fixture, withExtension: "txt", subdirectory: "Fixtures/Entities"))
        return EntityExtractor().entities(in: try String(contentsOf: url, encoding: .utf8))
    }

    func type(_ name: String, in entities: [Entity]) -> EntityType? {
        entities.first { $0.name == name }?.type
    }

    @Test func possessivesBelongToTheNameBeforeThem() throws {
        let entities = try entities(of: "possessives")
        let arafat = try #require(entities.first { $0.name == "Yasser Arafat" })
        #expect(arafat.type == .person)
        #expect(arafat.mentions.filter { $0 == "Arafat" }.count == 2)
        #expect(type("Ariel Sharon", in: entities) == .person)
        #expect(type("Ramallah", in: entities) == .place)
        #expect(type("Jerusalem", in: entities) == .place)
        #expect(!entities.contains { $0.name.hasSuffix("'s") || $0.name.hasSuffix("’s") || $0.name == "Arafat" })
    }

    @Test func aPlaceInsideALongerPlaceIsNotAlsoAnEntity() throws {
        let entities = try entities(of: "new-south-wales")
        #expect(type("New South Wales", in: entities) == .place)
        #expect(type("Queensland", in: entities) == .place)
        #expect(type("New South Wales Rural Fire Service", in: entities) == .organization)
        #expect(!entities.contains { $0.name == "Wales" })
    }

    @Test func binLadenIsOnePersonWithOrWithoutHisGivenName() throws {
        let entities = try entities(of: "bin-laden")
        let osama = try #require(entities.first { $0.name == "Osama bin Laden" })
        #expect(osama.type == .person)
        #expect(osama.mentions.count == 4)  // "Osama bin Laden", "bin Laden" twice, "Laden" after "Bin"
        #expect(!entities.contains { $0.name != "Osama bin Laden" && $0.name.contains("Laden") })
        #expect(type("Donald Rumsfeld", in: entities) == .person)
        #expect(type("Pakistan", in: entities) == .place)
    }

    @Test func initialsAndTitlesGiveOneCanonicalName() throws {
        let entities = try entities(of: "initials")
        let bush = try #require(entities.first { $0.name == "George Bush" })
        #expect(bush.type == .person)
        #expect(Set(bush.mentions) == ["George W. Bush", "George W Bush", "Bush"])
        #expect(bush.mentions.count == 5)
        #expect(entities.first { $0.name == "Hillary Clinton" }?.mentions == ["Hillary Clinton", "Clinton"])
        #expect(entities.filter { $0.type == .person }.count == 2)
    }

    @Test func titlesAndRolesAreNotPartOfTheName() throws {
        let entities = try entities(of: "titles")
        #expect(type("Daryl Williams", in: entities) == .person)
        #expect(entities.first { $0.name == "Robert Hill" }?.mentions == ["Robert Hill", "Hill"])
        #expect(type("Robert Hill", in: entities) == .person)
        #expect(type("John Howard", in: entities) == .person)
        #expect(!entities.contains { ["Senator Hill", "Minister Robert Hill", "Hill", "Williams"].contains($0.name) })
        #expect(!entities.contains { $0.name.hasPrefix("Attorney") || $0.name.hasPrefix("Senator") })
    }

    @Test func acronymsActingAsOrganizationsAreOrganizations() throws {
        let entities = try entities(of: "acronyms")
        for name in ["Food and Drug Administration", "Transportation Security Administration",
                     "Consumer Financial Protection Bureau", "NBC", "National Public Radio", "KGB", "ACCC"] {
            #expect(type(name, in: entities) == .organization, "\(name)")
        }
        #expect(!entities.contains { ["GST", "AEDT"].contains($0.name) })
    }

    @Test func anOrganizationNamedWithConnectorsIsOneOrganization() throws {
        let entities = try entities(of: "peta")
        let peta = try #require(entities.first { $0.name == "People for the Ethical Treatment of Animals" })
        #expect(peta.type == .organization)
        #expect(peta.mentions.contains("PETA"))
        #expect(!entities.contains { ["Ethical Treatment", "Animals", "People", "PETA"].contains($0.name) })
    }

    /// Nationality words are a mention of their country only when the article names the country.
    @Test func nationalityWordsDoNotNameACountryAlone() throws {
        let entities = try entities(of: "nationality")
        let israel = try #require(entities.first { $0.name == "Israel" })
        #expect(israel.type == .place)
        #expect(israel.mentions.contains("Israeli") && israel.mentions.contains("Israel"))
        #expect(type("Palestinian Authority", in: entities) == .organization)
        #expect(!entities.contains { $0.name == "Palestine" })
    }

    @Test func everyMentionSaysWhichRuleMadeIt() throws {
        let entities = try entities(of: "titles")
        let hill = try #require(entities.first { $0.name == "Robert Hill" })
        #expect(hill.evidence.map(\.rule) == [.personCueBefore, .surname])
        #expect(hill.evidence.first?.cue == "Minister")
        #expect(hill.evidence.last?.cue == "Robert Hill")
    }

    // MARK: International English news (round two)

    func rules(of name: String, in entities: [Entity]) -> [EntityRule] {
        entities.first { $0.name == name }?.evidence.map(\.rule) ?? []
    }

    /// Offices, ages and sources around a name nobody's list knows make it a person; an office
    /// alone ("Minister of Labour & Employment") names nobody, and is no party.
    @Test func officesAndAgesAfterAnUnknownNameMakeItAPerson() throws {
        let entities = try entities(of: "cabinet-list")
        for name in ["Temitope Oyelaran", "Danladi Olatokunbo", "Gbenga Ugochukwu", "Obiora Nwankwo", "Dipo Akpan"] {
            #expect(type(name, in: entities) == .person, "\(name)")
            #expect(rules(of: name, in: entities) == [.personCueAfter], "\(name)")
        }
        #expect(entities.first { $0.name == "Temitope Oyelaran" }?.evidence.first?.cue == "ex-Executive")
        #expect(entities.first { $0.name == "Dipo Akpan" }?.evidence.first?.cue == "52")
        #expect(type("Folasade Mbah", in: entities) == .person)
        #expect(type("Export Promotion Council", in: entities) == .organization)
        #expect(!entities.contains { $0.name.contains("Employment") || $0.name.hasPrefix("Labour") })
        #expect(!entities.contains { ["MPs", "NGOs", "Minister"].contains($0.name) })
    }

    /// States, provinces and counties of other countries are places; a city after a given name
    /// is a surname.
    @Test func subdivisionsOfOtherCountriesArePlaces() throws {
        let entities = try entities(of: "subdivisions")
        for name in ["Uttar Pradesh", "Bihar", "Sindh", "Gauteng", "Kildare"] {
            #expect(type(name, in: entities) == .place, "\(name)")
            #expect(rules(of: name, in: entities) == [.gazetteer], "\(name)")
        }
        #expect(entities.first { $0.name == "Kildare" }?.mentions == ["Co Kildare"])
        #expect(type("Ibrahim Kano", in: entities) == .person)
        #expect(!entities.contains { $0.name == "Kano" || $0.name == "Co" })
    }

    /// Legislatures, cabinets, police forces and clubs are organizations, named alone or with
    /// their head word; a role owning a noun names no person ("the King's Speech").
    @Test func legislaturesPoliceAndClubsAreOrganizations() throws {
        let entities = try entities(of: "legislatures")
        for name in ["Rajya Sabha", "Lok Sabha", "Cabinet", "Parliament", "Garda", "Newcastle United", "Premier League", "Arsenal"] {
            #expect(type(name, in: entities) == .organization, "\(name)")
        }
        #expect(entities.first { $0.name == "Garda" }?.mentions == ["Gardaí"])
        #expect(type("Marco Bellini", in: entities) == .person)
        #expect(!entities.contains { $0.name == "Speech" || $0.name == "King" })
    }

    /// Known surnames and given names beyond the US census make persons with no cue; place
    /// heads no person has make places even after a given name.
    @Test func namesBeyondTheUSCensusArePersons() throws {
        let entities = try entities(of: "international-names")
        for name in ["Anil Tiwari", "Sunil Shukla", "Kiran Mishra"] {
            #expect(type(name, in: entities) == .person, "\(name)")
            #expect(rules(of: name, in: entities) == [.knownSurname], "\(name)")
        }
        #expect(rules(of: "Chinedu Obiora", in: entities) == [.givenName])
        #expect(type("Adaeze Nwankwo", in: entities) == .person)
        #expect(type("Bruce Highway", in: entities) == .place)
        #expect(type("Kiran Plaza", in: entities) == .place)
        #expect(!entities.contains { ["Separately", "Q3"].contains($0.name) })
    }
}
