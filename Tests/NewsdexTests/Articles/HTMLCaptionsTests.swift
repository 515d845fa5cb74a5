// Credits in the words of captions and credit elements.
import Testing
@testable import Newsdex

@Suite struct HTMLCaptionsTests {
    @Test(arguments: [
        ("Troops march in Pyongyang. Photo: Jane Doe/AFP", "Troops march in Pyongyang.", "Jane Doe/AFP"),
        ("Troops march in Pyongyang (Reuters)", "Troops march in Pyongyang", "Reuters"),
        ("Troops march in Pyongyang (AP Photo/Ahn Young-joon)", "Troops march in Pyongyang", "AP Photo/Ahn Young-joon"),
        ("Troops march in Pyongyang. Getty Images", "Troops march in Pyongyang.", "Getty Images"),
        ("Troops march in Pyongyang | KCNA via Reuters", "Troops march in Pyongyang", "KCNA via Reuters"),
        ("Troops march in Pyongyang. Picture: Alamy", "Troops march in Pyongyang.", "Alamy"),
        ("Troops march in Pyongyang. Photograph: Jane Doe/Reuters", "Troops march in Pyongyang.", "Jane Doe/Reuters"),
        ("Troops march in Pyongyang. Photo by Jane Doe", "Troops march in Pyongyang.", "Jane Doe"),
        ("Troops march in Pyongyang © AFP", "Troops march in Pyongyang", "AFP"),
        ("Défilé à Pyongyang. Crédits : Getty", "Défilé à Pyongyang.", "Getty"),
        ("Parade in Pjöngjang (Foto: dpa)", "Parade in Pjöngjang", "dpa"),
        ("The toast test shows the heat is highest in the middle Foto: CHIP", "The toast test shows the heat is highest in the middle", "CHIP"),
    ])
    func creditsInTheWords(caption: String, text: String, credit: String) {
        let split = CaptionCredit.split(caption)
        #expect(split.text == text)
        #expect(split.credit == credit)
    }

    @Test(arguments: [
        "Troops march in Pyongyang.",
        "A photo: the moment the troops arrived in the capital city after days of travel.",
        "Slideshow (14 Images)",
        "Kim Jong Un and Vladimir Putin shake hands. The two leaders met in Vladivostok",
    ])
    func captionsWithoutCredits(caption: String) {
        #expect(CaptionCredit.split(caption).credit == nil)
    }

    @Test(arguments: [
        ("Photo: Jane Doe/AFP", "Jane Doe/AFP"),
        ("© Reuters", "Reuters"),
        ("Credit...Doug Mills/The New York Times", "Doug Mills/The New York Times"),
        ("Image source, Getty Images", "Getty Images"),
        ("(Picture: Alamy)", "Alamy"),
        ("picture-alliance/dpa", "picture-alliance/dpa"),
        ("Photo:", nil),
    ])
    func creditElementsLoseTheirLabels(raw: String, credit: String?) {
        #expect(CaptionCredit.cleaned(raw) == credit)
    }

    @Test func controlLabelsAreNotCaptions() {
        #expect(HTMLCaptions.isControlLabel("Slideshow"))
        #expect(HTMLCaptions.isControlLabel("Video 03:26"))
        #expect(!HTMLCaptions.isControlLabel("Video shows the moment the bridge fell"))
    }

    @Test func captionsOfFiguresAndPictureBoxes() throws {
        let html = """
            <article><p>Text.</p>
            <figure><img src=a><figcaption>A harbour at dawn. <span class="credit">Jane Doe</span></figcaption></figure>
            <div class="picBox"><a href=big><img src=b title="Tahir Della (picture-alliance/dpa/L. Schwedes)"></a><p>Tahir Della helped organize the initiative</p></div>
            <figure><a href="/other"><img src=c></a><figcaption><a href="/other">Another story's teaser</a></figcaption></figure>
            <div class="wp-caption"><img src=d><p class="wp-caption-text">Lorries queue at the terminal (Picture: Harbour Link)</p></div>
            </article>
            """
        let analysis = PageAnalysis(page: try HTMLPage(Array(html.utf8), encoding: "UTF-8"))
        #expect(HTMLCaptions.captions(in: analysis, region: 0..<analysis.page.count) == [
            Caption(text: "A harbour at dawn.", credit: "Jane Doe"),
            Caption(text: "Tahir Della helped organize the initiative", credit: "picture-alliance/dpa/L. Schwedes"),
            Caption(text: "Lorries queue at the terminal", credit: "Harbour Link"),
        ])
    }
}
