import Testing
@testable import Newsdex

@Suite struct HeadlineTests {
    static let lead = "Hundreds of people have been forced to leave their homes in the Southern Highlands as strong winds today pushed a huge bushfire towards the town of Hill Top."
    static let rest = "A new blaze near Goulburn has forced the closure of the Hume Highway. Mr. Smith of the U.S. Forest Service said crews were on their way."

    @Test func aShortLineIsAllTitle() {
        let line = "Harbour reopens after a week of storms"
        #expect(Headline.split(line) == (line, nil))
    }

    @Test func aLongLineIsCutAfterItsLead() {
        let (title, body) = Headline.split(Self.lead + " " + Self.rest)
        #expect(title == Self.lead)
        #expect(body == Self.rest)
    }

    @Test func abbreviationsAndInitialsEndNoSentence() {
        let lead = "Mr. Smith and Dr. J. Jones of the U.S. Forest Service said on Monday that crews from three states had been sent to fight the fire, which has burnt more than forty thousand hectares so far."
        let (title, body) = Headline.split(lead + " Rain is not expected before the weekend, forecasters said.")
        #expect(title == lead)
        #expect(body == "Rain is not expected before the weekend, forecasters said.")
    }

    @Test func aQuoteClosingTheLeadStaysWithIt() {
        let lead = "\"We will not give up,\" the minister told reporters in Canberra on Tuesday, as the fire crews of three states prepared for a long night on the ridges above the town of Hill Top."
        let (title, body) = Headline.split(lead + " " + Self.rest)
        #expect(title == lead)
        #expect(body == Self.rest)
    }

    @Test func aLeadLongerThanAHeadlineGivesItsWordsAndKeepsTheWholeLineAsBody() {
        let line = String(repeating: "word ", count: 60) + "end. " + Self.rest
        let (title, body) = Headline.split(line)
        #expect(title.hasSuffix("…"))
        #expect(title.count <= Headline.maxLength)
        #expect(body == line)
    }
}
