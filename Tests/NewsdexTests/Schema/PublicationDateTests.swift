import Testing
@testable import Newsdex

@Suite struct PublicationDateTests {
    @Test func readsISODatesWithAndWithoutTime() throws {
        let withTime = try #require(PublicationDate(iso: "2024-10-18T14:30"))
        #expect(withTime.yyyymmdd == "20241018" && withTime.sortable == "2024-10-18T14:30")
        #expect(PublicationDate(iso: "2024-10-18")?.sortable == "2024-10-18")
        #expect(PublicationDate(iso: "2024-13-01") == nil)
        #expect(PublicationDate(iso: "Friday") == nil)
    }

    @Test func aMonthOrYearTypedByAUserStartsOnItsFirstDay() {
        #expect(PublicationDate(userInput: "2024-10-18")?.yyyymmdd == "20241018")
        #expect(PublicationDate(userInput: "20241018")?.yyyymmdd == "20241018")
        #expect(PublicationDate(userInput: "2024-10")?.yyyymmdd == "20241001")
        #expect(PublicationDate(userInput: "2024")?.yyyymmdd == "20240101")
        #expect(PublicationDate(userInput: "yesterday") == nil)
        #expect(PublicationDate(userInput: "2024-1") == nil)
        #expect(PublicationDate(userInput: "2024-13") == nil)
    }

    @Test(arguments: [
        ("2024", "20241231"), ("2024-10", "20241031"), ("2024-11", "20241130"),
        ("2024-02", "20240229"), ("2023-02", "20230228"), ("1900-02", "19000228"), ("2000-02", "20000229"),
        ("2024-10-18", "20241018"),
    ])
    func roundingUpRunsToTheEndOfTheMonthOrYear(input: String, expected: String) {
        #expect(PublicationDate(userInput: input, roundingUp: true)?.yyyymmdd == expected)
    }
}
