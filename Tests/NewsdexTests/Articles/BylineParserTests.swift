import Testing
@testable import Newsdex

@Suite struct BylineParserTests {
    @Test(arguments: [
        ("By Katy Ronkin", ["Katy Ronkin"]),
        ("By Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By Ann Lee, Bo Park and Cy Dee", ["Ann Lee", "Bo Park", "Cy Dee"]),
        ("By Ann Lee, Bo Park, and Cy Dee", ["Ann Lee", "Bo Park", "Cy Dee"]),
        ("BY Ann Lee & Bo Park", ["Ann Lee", "Bo Park"]),
        ("By Ludwig van Beethoven", ["Ludwig van Beethoven"]),
        ("By Seán O'Brien-Smith", ["Seán O'Brien-Smith"]),
        ("By J. R. Hartley", ["J. R. Hartley"]),
        ("By Priya Natarajan, Health Reporter | Thursday, June 2, 2022", ["Priya Natarajan"]),
        ("By Jane Doe in Kyiv and John Roe in Moscow", ["Jane Doe", "John Roe"]),
        ("Von Gregory Lipinski", ["Gregory Lipinski"]),
        ("Par Renée Fauchon", ["Renée Fauchon"]),
        ("By political reporter Jane Doe", ["Jane Doe"]),  // ABC
        ("By Europe correspondent Jane Doe and John Roe", ["Jane Doe", "John Roe"]),
        ("By Jane Doe, CNN", ["Jane Doe"]),
        ("By Jane Doe and John Roe, Associated Press", ["Jane Doe", "John Roe"]),
        ("By ZEKE MILLER", ["Zeke Miller"]),  // AP
        ("By SEÁN O'BRIEN-SMITH and JOHN ROE", ["Seán O'Brien-Smith", "John Roe"]),
        ("Written by Jane Doe", ["Jane Doe"]),
        ("By Reuters", ["Reuters"]),  // a wire story's byline names the agency
        ("By AFP", ["AFP"]),
    ])
    func readsBylines(line: String, authors: [String]) {
        #expect(BylineParser.authors(in: line[...]) == authors)
    }

    @Test(arguments: [
        "By 2030, the fleet will double.",
        "By contrast, the North lacks experience.",
        "By the time troops arrived, it was over",
        "Bye bye",
        "By ",
        "Katy Ronkin",
        "By Political Editor",
        "By political reporters",
        "Written by hand, the letter was signed.",
        "Von den 500 Mitarbeitern blieben 20.",
    ])
    func rejectsSentences(line: String) {
        #expect(BylineParser.authors(in: line[...]) == nil)
    }

    @Test func theRestOfABylineIsKept() {
        let byline = BylineParser.byline(in: "By Ann Lee | 7 August 2025, 13:17")
        #expect(byline?.authors == ["Ann Lee"])
        #expect(byline?.rest == "7 August 2025, 13:17")
    }

    @Test func splitsAuthorLists() {
        #expect(BylineParser.splitNames("Ann Lee and Bo Park") == ["Ann Lee", "Bo Park"])
        #expect(BylineParser.splitNames("Ann Lee, Bo Park") == ["Ann Lee", "Bo Park"])
        #expect(BylineParser.splitNames("Ann Lee") == ["Ann Lee"])
        #expect(BylineParser.splitNames("  ") == [])
    }
}
