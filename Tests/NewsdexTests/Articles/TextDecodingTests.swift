import Testing
@testable import Newsdex

@Suite struct TextDecodingTests {
    @Test func validUTF8IsReadAsIs() {
        let (text, fallback) = TextDecoding.decode(Array("Café “quoted”".utf8))
        #expect(text == "Café “quoted”")
        #expect(!fallback)
    }

    @Test func invalidUTF8IsReadAsWindows1252() {
        let (text, fallback) = TextDecoding.decode([0x43, 0x61, 0x66, 0xE9, 0x20, 0x93, 0x80, 0x94, 0x81])
        #expect(text == "Café “€”\u{81}")
        #expect(fallback)
    }

    @Test func byteOrderMarksAndLineEndsAreNormalized() {
        #expect(TextDecoding.decode([0xEF, 0xBB, 0xBF, 0x41, 0x0D, 0x0A, 0x42, 0x0D, 0x43]).text == "A\nB\nC")
        #expect(TextDecoding.decode([0xFF, 0xFE, 0x41, 0x00, 0x0A, 0x00, 0xE9, 0x00]).text == "A\né")
        #expect(!TextDecoding.isBinary([0xFF, 0xFE, 0x41, 0x00]))
        #expect(TextDecoding.isBinary([0x41, 0x00]))
    }

    @Test func splitsLinesWithoutAFinalEmptyOne() {
        #expect(splitLines("a\n\nb\n") == ["a", "", "b"])
        #expect(splitLines("") == [])
        #expect(splitLines("e\u{301}\nx") == ["e\u{301}", "x"])
    }
}
