import Testing
@testable import Newsdex

@Suite struct TextFoldingTests {
    /// ASCII values take a byte-wise path; it must normalize as the general one does.
    @Test(arguments: [
        ("  Vladimir PUTIN\t", "vladimir putin"),
        ("\n\r\u{0B}\u{0C} AFP", "afp"),
        ("O'Brien-Smith & Co.", "o'brien-smith & co."),
        (" \t\n ", ""),
        ("", ""),
        ("Zelenskyý ", "zelenskyy"),
        ("\u{00A0}Müller\u{00A0}", "muller"),
    ])
    func normalizedValueIgnoresCaseAccentsAndSurroundingSpace(value: String, normalized: String) {
        #expect(Schema.normalizedValue(value) == normalized)
    }

    /// The word-wise lowercasing must agree with the byte-wise one on every ASCII byte, in every
    /// place of a word, whatever its neighbours (a carry would spill into the next byte).
    @Test func eightASCIIBytesAreLowercasedAsEachIsAlone() {
        var random = UInt64(0x5EED)
        for byte in UInt8(0)..<0x80 {
            for place in 0..<8 {
                random = random &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                var bytes = (0..<8).map { UInt8(truncatingIfNeeded: random >> (8 * $0)) & 0x7F }
                bytes[place] = byte
                let word = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
                let lowered = withUnsafeBytes(of: Schema.lowercasedASCII(word: word)) { Array($0) }
                #expect(lowered == bytes.map(Schema.lowercasedASCII), "byte \(byte) at \(place)")
            }
        }
        #expect(Schema.lowercasedASCII(UInt8(ascii: "A")) == UInt8(ascii: "a"))
        #expect(Schema.lowercasedASCII(UInt8(ascii: "Z")) == UInt8(ascii: "z"))
        #expect(Schema.lowercasedASCII(UInt8(ascii: "[")) == UInt8(ascii: "["))
        #expect(Schema.lowercasedASCII(UInt8(ascii: "@")) == UInt8(ascii: "@"))
    }

    static let possessiveCases: [(String, String)] = [
        // Straight, curly (as news sites print it), modifier-letter and fullwidth apostrophes.
        ("Yasser Arafat's bid", "Yasser Arafat bid"),
        ("Yasser Arafat’s bid", "Yasser Arafat bid"),
        ("Yasser Arafatʼs bid", "Yasser Arafat bid"),
        ("Arafat＇s", "Arafat"),
        ("EXCLUSIVE-PUTIN'S ALLIES", "EXCLUSIVE-PUTIN ALLIES"),
        // Before punctuation and at the end of the text.
        ("the Kremlin’s, the envoy’s.", "the Kremlin, the envoy."),
        ("\"Sharon's\"", "\"Sharon\""),
        ("a source close to the Putins' family", "a source close to the Putins family"),
        ("the veterans’", "the veterans"),
        // Contractions with 's fold the same way; other apostrophes inside words stay.
        ("it's time", "it time"),
        ("O'Brien don't rock'n'roll Qur’an", "O'Brien don't rock'n'roll Qur’an"),
        // Not after a word, or not ending one: left alone.
        ("'s-Hertogenbosch", "'s-Hertogenbosch"),
        ("the 'quoted' word", "the 'quoted word"),
        ("Arafat'sx", "Arafat'sx"),
        ("1990's", "1990"),
        // After a letter beyond ASCII, and after punctuation beyond it.
        ("Müller’s team, Ерёменко’s aide", "Müller team, Ерёменко aide"),
        ("«Arafat»'s", "«Arafat»'s"),
        ("no apostrophe at all", "no apostrophe at all"),
        ("", ""),
    ]

    @Test(arguments: possessiveCases)
    func possessiveEndingsDrop(text: String, expected: String) {
        #expect(Schema.foldPossessives(text) == expected)
    }

    /// Eight bytes at a time are passed over where none may begin an apostrophe: each case
    /// above, at each offset of such a word in a longer text, folds as it does alone.
    @Test func possessiveEndingsDropAtEveryOffsetOfALongText() {
        let after = " " + String(repeating: "plain words, and more of them; ", count: 3)
        for (text, expected) in Self.possessiveCases {
            for offset in 0..<16 {
                let before = String(repeating: "x", count: offset) + " "
                #expect(Schema.foldPossessives(before + text + after) == before + expected + after, "\(offset): \(text)")
            }
        }
    }

    @Test func foldTextFoldsAccentsAndPossessivesAlike() {
        #expect(Schema.foldText("Zelenskýy’s aide") == "Zelenskyy aide")
    }

    @Test func snippetMarksSplitTheWordAndComeBackAsTheApostrophes() {
        let text = "Yasser Arafat’s bid, PUTIN'S allies and the Putins' home"
        let marked = Schema.markPossessives(text)
        #expect(marked != text)
        #expect(!marked.contains("’") && !marked.contains("'"))
        #expect(marked.count == text.count)
        #expect(Schema.unmarkPossessives(marked) == text)
        #expect(Schema.unmarkPossessives("plain text") == "plain text")
    }

    @Test func textThatHoldsTheMarksIsLeftAlone() {
        let text = "odd \u{E000} text with Arafat's"
        #expect(Schema.markPossessives(text) == text)
        #expect(Schema.markPossessives(text, in: 8..<text.utf8.count) == "text with Arafat's")
        // A mark anywhere, and a character whose UTF-8 begins as a mark's does (U+E100: EE 84 80).
        for offset in 0..<16 {
            let before = String(repeating: "x", count: offset)
            for mark in 0xE000...0xE004 {
                let marked = before + " \(Unicode.Scalar(mark)!) Arafat's"
                #expect(Schema.markPossessives(marked) == marked)
            }
            #expect(Schema.markPossessives(before + " \u{E100} Arafat's") != before + " \u{E100} Arafat's")
        }
    }

    @Test func markingFromAWordStartToAWordEndMarksAsMarkingTheWholeText() {
        let text = "Yasser Arafat’s bid, PUTIN'S allies, ’s and the Putins' home, O’Brien’s ’tis"
        let whole = Schema.markPossessives(text)
        let bytes = Array(text.utf8)
        let starts = [0] + bytes.indices.filter { bytes[$0] == UInt8(ascii: " ") }.map { $0 + 1 }
        let ends = bytes.indices.filter { bytes[$0] == UInt8(ascii: " ") } + [bytes.count]
        for start in starts {
            let marked = Schema.markPossessives(text, in: start..<bytes.count)
            #expect(whole.utf8.suffix(marked.utf8.count).elementsEqual(marked.utf8), "from \(start)")
            for end in ends where end > start {
                let part = Schema.markPossessives(text, in: start..<end)
                #expect(Schema.unmarkPossessives(part) == String(decoding: bytes[start..<end], as: UTF8.self))
                // The part marked is the whole marked, cut where the part's words are.
                let wholePrefix = Schema.markPossessives(String(decoding: bytes[..<end], as: UTF8.self))
                #expect(wholePrefix.utf8.suffix(part.utf8.count).elementsEqual(part.utf8), "\(start)..<\(end)")
                #expect(whole.utf8.starts(with: wholePrefix.utf8), "..<\(end)")
            }
        }
    }
}
