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
}
