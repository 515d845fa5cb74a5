import Testing
@testable import Newsdex

@Suite struct DatelineParserTests {
    @Test(arguments: [
        ("18 October 2024, 14:30", "2024-10-18T14:30"),
        ("18 October 2024", "2024-10-18"),
        ("October 18, 2024", "2024-10-18"),
        ("October 18, 2024 2:30 pm", "2024-10-18T14:30"),
        ("Oct 18, 2024, 9:05am BST", "2024-10-18T09:05"),
        ("18 Oct 2024", "2024-10-18"),
        ("18 Oct. 2024 at 07:00 GMT", "2024-10-18T07:00"),
        ("Friday 18 October 2024", "2024-10-18"),
        ("Fri, 18th Oct 2024 | 12.30am", "2024-10-18T00:30"),
        ("Published: 1 Sept 2024", "2024-09-01"),
        ("Updated 29 February 2024, 23:59 UTC+1", "2024-02-29T23:59"),
        ("2024-10-18", "2024-10-18"),
        ("2024-10-18T14:30", "2024-10-18T14:30"),
        ("2024-10-18T14:30:00Z", "2024-10-18T14:30"),
        ("2024-10-18 14:30", "2024-10-18T14:30"),
        ("Published 18 October 2024, 14:30 | Updated 19 October 2024, 09:00", "2024-10-18T14:30"),
        ("Fri 5 Jan 2024 10.12 GMT", "2024-01-05T10:12"),  // the Guardian
        ("Updated 3:14 PM EST, March 2, 2024", "2024-03-02T15:14"),  // AP: the time first
        ("Published 10:30, 5 January 2024", "2024-01-05T10:30"),
        ("March 5, 2024 10:14 AM GMT+1 Updated 2 hours ago", "2024-03-05T10:14"),  // Reuters
        ("Mar 5, 2024 / 10:14 AM / CBS News", "2024-03-05T10:14"),
        // Sites in other languages.
        ("Veröffentlicht am 18. Oktober 2024, 14:30 Uhr", "2024-10-18T14:30"),
        ("Freitag, 18.10.2024, 14.30 Uhr", "2024-10-18T14:30"),
        ("Publié le 1er octobre 2024 à 14h30", "2024-10-01T14:30"),
        ("18 de octubre de 2024", "2024-10-18"),
        ("venerdì 18 ottobre 2024 alle 14:30", "2024-10-18T14:30"),
        ("18 de março de 2024", "2024-03-18"),
        ("vrijdag 18 oktober 2024", "2024-10-18"),
    ])
    func readsDatelines(line: String, iso: String) {
        #expect(DatelineParser.parse(line[...])?.iso == iso)
    }

    @Test(arguments: [
        "Friday",  // relative words never make a date
        "said Friday",
        "Last Friday at 14:30",
        "October 2024",
        "18 October",
        "30 February 2024",
        "29 February 2023",
        "2024-13-01",
        "18 October 2024, 25:00 and some words",
        "By Katy Ronkin",
        "North Korea has 1.2 million troops, one of the largest militaries in the world.",
        "May 2024 was a hot month",
        "3:14 PM EST",  // a time alone
        "3:14 PM 4:15 PM March 2, 2024",  // two times
        "32.10.2024",
        "18.10.2024 19.10.2024",  // two dates
        "Le président a parlé",
        "Updated 2 hours ago",
        "CBS News / Mar 5, 2024",  // a label before the date is no dateline
        "",
    ])
    func rejectsLinesThatAreNotDatelines(line: String) {
        #expect(DatelineParser.parse(line[...]) == nil)
    }

    @Test func readsTheScraperHeader() throws {
        let header = try #require(DatelineParser.parseHeader(" date 2024-10-18 Satellite images show"[...]))
        #expect(header.date == Dateline(date: "2024-10-18"))
        #expect(header.title == "Satellite images show")
        #expect(DatelineParser.parseHeader("date of birth: unknown, said the man"[...]) == nil)
        #expect(DatelineParser.parseHeader("Dates 2024-10-18 are fine"[...]) == nil)
    }
}
