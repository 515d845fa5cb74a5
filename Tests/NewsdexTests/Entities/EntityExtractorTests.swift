import Foundation
import TestSupport
import Testing

@testable import Newsdex

struct EntityExtractorTests {
    let extractor = EntityExtractor()

    func entity(_ name: String, in entities: [Entity]) -> Entity? {
        entities.first { $0.name == name }
    }

    @Test func laterSurnameIsThePersonNamedInFull() {
        let entities = extractor.entities(in: """
            Russian President Vladimir Putin met Volodymyr Zelensky's envoys. Putin said the talks \
            were useful, and Zelensky agreed.
            """)
        #expect(entity("Vladimir Putin", in: entities)?.mentions == ["Vladimir Putin", "Putin"])
        #expect(entity("Volodymyr Zelensky", in: entities)?.mentions == ["Volodymyr Zelensky", "Zelensky"])
        #expect(entities.filter { $0.type == .person }.count == 2)
    }

    @Test func bareSurnameNeverIntroducedStaysAsWritten() {
        let entities = extractor.entities(in: "The talks failed, Peskov said on Friday.")
        #expect(entities == [Entity(name: "Peskov", type: .person, mentions: ["Peskov"])])
    }

    @Test func acronymAndLongFormAreOneEntity() {
        let fromGazetteer = extractor.entities(in: """
            The National Intelligence Service released images. The NIS said more would follow.
            """)
        #expect(fromGazetteer == [Entity(
            name: "National Intelligence Service", type: .organization,
            mentions: ["National Intelligence Service", "NIS"])])

        let defined = extractor.entities(in: """
            Researchers at the Korea Institute for Defense Analyses (KIDA) disagreed. KIDA expects \
            more launches.
            """)
        #expect(defined == [Entity(
            name: "Korea Institute for Defense Analyses", type: .organization,
            mentions: ["Korea Institute for Defense Analyses", "KIDA", "KIDA"])])
    }

    @Test func unknownAcronymAloneIsNotAnEntity() {
        #expect(extractor.entities(in: "Officials said XQZ was closed on Monday.").isEmpty)
        // An acronym that acts ("the XQZ", "XQZ said") is an organization.
        #expect(extractor.entities(in: "Officials at the XQZ met on Monday.").map(\.type) == [.organization])
    }

    @Test func possessivesAreStripped() {
        let entities = extractor.entities(in: "Seoul's spy agency and Russia’s navy watched Kim Jong Un's launch.")
        #expect(entities.map(\.name) == ["Seoul", "Russia", "Kim Jong Un"])
        #expect(entities.flatMap(\.mentions) == ["Seoul", "Russia", "Kim Jong Un"])
    }

    @Test func sentenceInitialAndHeadlineCapitalsAreNotEntities() {
        let entities = extractor.entities(in: """
            Satellite Images Show Troop Deployment Near Border of Russia

            Despite the cold, troops moved north. Earlier, Experts said the Troop figures were \
            low. Many analysts agree.
            """)
        #expect(entities.map(\.name) == ["Russia"])
    }

    @Test func demonymsCountAsTheirCountryOnlyWhereItIsNamed() {
        let entities = extractor.entities(in: """
            North Korean troops met Ukrainian drones and South Korean media. North Korea denied it.
            """)
        #expect(entities == [Entity(name: "North Korea", type: .place, mentions: ["North Korean", "North Korea"])])
    }

    @Test func countryNamesShareOneCanonicalName() {
        let entities = extractor.entities(in: """
            The Republic of Korea and the Russian Federation met; the US and UK watched. \
            South Korea, Russia, the United States and Britain agreed.
            """)
        #expect(entities.map(\.name) == ["South Korea", "Russia", "United States", "United Kingdom"])
    }

    @Test func contextTypesUnknownNames() {
        let entities = extractor.entities(in: """
            Kremlin spokesman Dmitry Peskov said ships of the Russian Pacific Fleet docked in \
            Ussuriysk, where the Pacific Fleet has a base, according to Lim Eul-chul, a professor.
            """)
        #expect(entity("Dmitry Peskov", in: entities)?.type == .person)
        #expect(entity("Russian Pacific Fleet", in: entities)?.mentions == ["Russian Pacific Fleet", "Pacific Fleet"])
        #expect(entity("Ussuriysk", in: entities)?.type == .place)
        #expect(entity("Lim Eul-chul", in: entities)?.type == .person)
        #expect(entity("Kremlin", in: entities)?.type == .organization)
    }

    @Test func officesAffiliationsAndTagsAreRead() {
        let entities = extractor.entities(in: """
            US Secretary of State Antony Blinken met Minister of Foreign Affairs Wang Yi. \
            "Rates will fall," said Sarah House, senior economist at Wells Fargo. The hashtag \
            #FedCut trended. Analysts at JPMorgan Chase and the Bill & Melinda Gates Foundation \
            agreed, as did King Charles III, Sultan al-Jaber and Imperial College London.
            """)
        func type(_ name: String) -> EntityType? { entity(name, in: entities)?.type }
        #expect(type("Antony Blinken") == .person)
        #expect(type("Wang Yi") == .person)
        #expect(type("Sarah House") == .person)
        #expect(type("Wells Fargo") == .organization)
        #expect(type("JPMorgan Chase") == .organization)
        #expect(type("Bill & Melinda Gates Foundation") == .organization)
        #expect(type("Charles III") == .person)
        #expect(type("Sultan al-Jaber") == .person)
        #expect(type("Imperial College") == .organization)
        #expect(type("London") == .place)
        #expect(entity("FedCut", in: entities) == nil)
        #expect(!entities.contains { $0.name.hasPrefix("State") })
    }

    @Test func eventsAreNotEntities() {
        let entities = extractor.entities(in: "He served in the Vietnam War and studied World War II and the Yom Kippur War.")
        #expect(entities.isEmpty)
    }

    @Test func captionsResolveAgainstTheArticleAndSkipCredits() {
        let article = Article(
            id: "a", source: "test", title: "Putin visits Pyongyang",
            paragraphs: ["Russian President Vladimir Putin arrived in Pyongyang on Wednesday."],
            captions: [Caption(
                text: "Putin waves in Moscow.", credit: "South Korea's National Intelligence Service")])
        let result = extractor.entities(of: article)
        #expect(result.text.map(\.name) == ["Vladimir Putin", "Pyongyang"])  // "Russian" alone names no place
        #expect(result.text[0].mentions == ["Putin", "Vladimir Putin"])
        #expect(result.captions == [[
            Entity(name: "Vladimir Putin", type: .person, mentions: ["Putin"]),
            Entity(name: "Moscow", type: .place, mentions: ["Moscow"]),
        ]])
    }

    @Test func extractionIsDeterministic() throws {
        let text = try String(
            contentsOf: Seeds.corpus.appendingPathComponent(Seeds.afpPath),
            encoding: .utf8)
        let first = extractor.entities(in: text)
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        for _ in 0..<3 {
            #expect(try encoder.encode(EntityExtractor(gazetteer: Gazetteer.shared).entities(in: text))
                == encoder.encode(first))
        }
        #expect(!first.isEmpty)
    }

    /// A newspaper named for its city or its people is an organization, not the place: the
    /// "Wales" of "New South Wales" again, as "Sydney" of "Sydney Morning Herald".
    @Test(arguments: [
        ("The Sydney Morning Herald reported the decision on Monday.", "Sydney Morning Herald", "Sydney"),
        ("Officials told the Chicago Tribune that the plan had stalled.", "Chicago Tribune", "Chicago"),
        ("The Irish Independent said the talks had failed.", "Irish Independent", "Ireland"),
        ("An editorial in the New Zealand Herald backed the plan.", "New Zealand Herald", "New Zealand"),
    ])
    func newspapersNamedForAPlaceAreOrganizations(text: String, newspaper: String, place: String) {
        let entities = EntityExtractor().entities(in: text)
        #expect(entities.contains { $0.name == newspaper && $0.type == .organization }, "\(entities)")
        #expect(!entities.contains { $0.name == place }, "\(entities)")
    }

    /// The same last words after other words name other things: no organization there.
    @Test func newspapersLastWordsAfterOtherWordsNameNoNewspaper() {
        let entities = EntityExtractor().entities(in: "She won a Golden Globe in Los Angeles last year.")
        #expect(!entities.contains { $0.type == .organization }, "\(entities)")
        #expect(entities.contains { $0.name == "Los Angeles" && $0.type == .place })
    }

    /// A team named for its city is an organization, not the city: "Brisbane Broncos" names no
    /// place, as "New South Wales" names no Wales.
    @Test(arguments: [
        ("The Brisbane Broncos beat Penrith on Friday night.", "Brisbane Broncos", "Brisbane"),
        ("He signed with the New York Yankees in 2019.", "New York Yankees", "New York"),
        ("The Chennai Super Kings won the final.", "Chennai Super Kings", "Chennai"),
    ])
    func teamsNamedForAPlaceAreOrganizations(text: String, team: String, place: String) {
        let entities = EntityExtractor().entities(in: text)
        #expect(entities.contains { $0.name == team && $0.type == .organization }, "\(entities)")
        #expect(!entities.contains { $0.name == place }, "\(entities)")
    }

    /// A place and a plural that make no team: a place's own plural, a second place, a surname.
    @Test(arguments: [
        ("Divers explored the Florida Keys in June.", "Florida Keys", EntityType.place),
        ("Goats roam the Caribbean West Indies, the survey found.", "West Indies", EntityType.place),
        ("Sydney Thomas, a nurse, said the ward was full.", "Sydney Thomas", EntityType.person),
    ])
    func placesBeforeOtherPluralsMakeNoTeam(text: String, name: String, type: EntityType) {
        let entities = EntityExtractor().entities(in: text)
        #expect(entities.contains { $0.name == name && $0.type == type }, "\(entities)")
        #expect(!entities.contains { $0.type == .organization }, "\(entities)")
    }

    /// A place that is also a given name, before one more name, opens a person's name: no
    /// place "Jordan" in "Jordan Williams". A place's own word after it still makes a place.
    @Test(arguments: [
        ("Jordan Williams scored twice in the second half.", "Jordan Williams", EntityType.person, "Jordan"),
        ("Paris Hilton said she would attend the launch.", "Paris Hilton", EntityType.person, "Paris"),
        ("Ferries crossed Sydney Harbour at dawn.", "Sydney Harbour", EntityType.place, "Sydney"),
        ("The crowd at Adelaide Oval was the largest this season.", "Adelaide Oval", EntityType.place, "Adelaide"),
    ])
    func placesThatAreGivenNamesOpenPersonsNames(text: String, name: String, type: EntityType, place: String) {
        let entities = EntityExtractor().entities(in: text)
        #expect(entities.contains { $0.name == name && $0.type == type }, "\(entities)")
        #expect(!entities.contains { $0.name == place }, "\(entities)")
    }

    @Test func partiesNamedByTheirMembersAreOrganizations() {
        let entities = EntityExtractor().entities(in: "The Liberal Democrats said the vote was lost.")
        #expect(entities.contains { $0.name == "Liberal Democrats" && $0.type == .organization })
        #expect(!entities.contains { $0.type == .person })
    }
}
