import Testing
@testable import Newsdex

@Suite struct CaptionPairingTests {
    @Test(arguments: [
        ("Troops on parade.", "Troops on parade. Picture: Alamy", "Alamy"),
        ("Troops on parade.", "Troops on parade. Photo: Getty Images/AFP", "Getty Images/AFP"),
        ("Troops on parade.", "Troops on parade. Image: NIS", "NIS"),
        ("Troops on parade.", "Troops on parade. Credit: Jane Doe", "Jane Doe"),
        ("Troops on parade.", "Troops on parade. (Picture: Alamy)", "Alamy"),
        ("Troops seen on a parade ground", "Troops seen on a parade ground AFP", "AFP"),
        ("Troops seen on a parade ground", "Troops seen on a parade ground Getty Images via AFP", "Getty Images via AFP"),
    ])
    func pairsACaptionWithItsCredit(caption: String, creditLine: String, credit: String) {
        #expect(CaptionPairing.credit(caption: caption[...], creditLine: creditLine[...]) == credit)
    }

    @Test(arguments: [
        ("Troops on parade.", "Troops on parade."),  // the same line twice has no credit
        ("Troops on parade.", "Troops on parade. They marched for hours and then went home."),
        ("Ukraine", "Ukraine War Latest"),  // a short heading, then a longer one
        ("Troops", "Troopships sailed"),
        ("", "Picture: Alamy"),
        ("Troops seen on a parade ground", "Troops seen on a parade ground: the reason"),
    ])
    func leavesOtherLinesAlone(first: String, second: String) {
        #expect(CaptionPairing.credit(caption: first[...], creditLine: second[...]) == nil)
    }

    /// Captions printed once with their credit, as the Guardian, AP, Reuters and most sites do.
    @Test(arguments: [
        ("Waves crash over the sea wall in Porthcawl, south Wales. Photograph: Ben Birchall/PA",
         "Waves crash over the sea wall in Porthcawl, south Wales.", "Ben Birchall/PA"),
        ("President Joe Biden speaks in Columbus, Ohio, on Friday. (AP Photo/Evan Vucci)",
         "President Joe Biden speaks in Columbus, Ohio, on Friday.", "AP Photo/Evan Vucci"),
        ("U.S. President Joe Biden speaks in Washington, U.S., March 2, 2024. REUTERS/Evelyn Hockstein",
         "U.S. President Joe Biden speaks in Washington, U.S., March 2, 2024.", "REUTERS/Evelyn Hockstein"),
        ("A trader works on the floor of the stock exchange. © AFP",
         "A trader works on the floor of the stock exchange.", "AFP"),
    ])
    func readsACaptionWithItsCreditOnOneLine(line: String, text: String, credit: String) {
        #expect(CaptionPairing.captionWithCredit(line[...]) == Caption(text: text, credit: credit))
    }

    /// Body sentences that end like a credit, and footers, stay what they are.
    @Test(arguments: [
        "President Joe Biden said on Saturday the economy was strong (Reuters).",
        "WASHINGTON, March 2 (Reuters) - President Joe Biden said the economy was strong",
        "The minister said the plan would be published (Reuters)",
        "Copyright © 2019 NetMediaEurope Deutschland GmbH und © 2019 CBS Interactive. All rights reserved.",
        "Reporting by Jeff Mason; Editing by Sandra Maler",
        "Photo: AFP",  // a credit with no caption
    ])
    func leavesOtherSingleLinesAlone(line: String) {
        #expect(CaptionPairing.captionWithCredit(line[...]) == nil)
    }

    @Test func readsTheBBCsSourceAndCaptionLines() {
        #expect(CaptionPairing.labelledLine("Image source, Getty Images") == .source("Getty Images"))
        #expect(CaptionPairing.labelledLine("Image caption, Rishi Sunak in Downing Street") == .caption("Rishi Sunak in Downing Street"))
        #expect(CaptionPairing.labelledLine("Image source, ") == nil)
        #expect(CaptionPairing.labelledLine("The image source was unclear") == nil)
    }
}
