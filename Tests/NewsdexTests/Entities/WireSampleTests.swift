// Regression checks on wire-style stories beyond the seed corpus (Fixtures/Entities/).
import Foundation
import Testing

@testable import Newsdex

struct WireSampleTests {
    struct Expectation: Sendable {
        var file: String
        var present: [(EntityType, String)]
        var absent: [String]
    }

    static let samples: [Expectation] = [
        Expectation(
            file: "fed-rates",
            present: [
                (.organization, "Federal Reserve"), (.person, "Jerome Powell"), (.person, "Janet Yellen"),
                (.organization, "Goldman Sachs"), (.organization, "European Central Bank"),
                (.person, "Christine Lagarde"), (.place, "Frankfurt"), (.organization, "Bank of England"),
                (.person, "Donald Trump"), (.person, "Elizabeth Warren"), (.place, "Massachusetts"),
                (.organization, "JPMorgan Chase"), (.place, "Beijing"), (.organization, "Reuters"),
            ],
            absent: ["Chair Jerome Powell", "Fed Holds Rates Steady", "Treasury Secretary Janet Yellen",
                     "Stocks", "Meanwhile", "Analysts"]),
        Expectation(
            file: "kharkiv-drones",
            present: [
                (.place, "Kharkiv"), (.place, "Kyiv"), (.organization, "Associated Press"),
                (.person, "Volodymyr Zelenskyy"), (.person, "Oleh Syniehubov"), (.place, "Kursk"),
                (.place, "Crimea"), (.organization, "Russian Defense Ministry"), (.place, "Novoselivka"),
                (.person, "Olaf Scholz"), (.person, "Jens Stoltenberg"), (.person, "Dmitry Peskov"),
                (.person, "Vladimir Putin"), (.organization, "International Atomic Energy Agency"),
                (.person, "Rafael Grossi"), (.place, "Zaporizhzhia"),
            ],
            absent: ["Gov. Oleh Syniehubov", "Speaking", "Western", "Every"]),
        Expectation(
            file: "gaza-talks",
            present: [
                (.place, "Gaza"), (.place, "Cairo"), (.organization, "Hamas"),
                (.person, "Benjamin Netanyahu"), (.person, "Antony Blinken"),
                (.organization, "State Department"), (.person, "Osama Hamdan"), (.place, "Beirut"),
                (.organization, "World Health Organization"), (.organization, "UNRWA"),
                (.person, "Philippe Lazzarini"), (.place, "Kerem Shalom"), (.place, "Tel Aviv"),
                (.person, "Yael Cohen"),
            ],
            absent: ["State Antony Blinken", "Prime Minister Benjamin Netanyahu", "Bring"]),
        Expectation(
            file: "climate-summit",
            present: [
                (.place, "Dubai"), (.person, "Antonio Guterres"), (.person, "Sultan al-Jaber"),
                (.organization, "Abu Dhabi National Oil Company"), (.organization, "Greenpeace"),
                (.person, "Charles III"), (.person, "Rishi Sunak"), (.person, "Emmanuel Macron"),
                (.person, "Joe Biden"), (.person, "Kamala Harris"), (.person, "Mia Mottley"),
                (.place, "Barbados"), (.organization, "World Meteorological Organization"),
                (.organization, "Imperial College"), (.organization, "University of Oxford"),
                (.organization, "Bill & Melinda Gates Foundation"),
            ],
            absent: ["World", "Critics", "King Charles III", "Scientists"]),
    ]

    @Test(arguments: samples.map(\.file))
    func findsWhatAReaderWould(file: String) throws {
        let sample = try #require(Self.samples.first { $0.file == file })
        let url = try #require(Bundle.module.url(
            forResource: file, withExtension: "txt", subdirectory: "Fixtures/Entities"))
        let text = try String(contentsOf: url, encoding: .utf8)
        let entities = EntityExtractor().entities(in: text)
        for (type, name) in sample.present {
            #expect(entities.first { $0.name == name }?.type == type, "\(name)")
        }
        for name in sample.absent {
            #expect(!entities.contains { $0.name == name }, "\(name)")
        }
    }
}
