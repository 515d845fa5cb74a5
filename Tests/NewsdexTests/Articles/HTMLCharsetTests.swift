// The order of trust for a page's character set: BOM, HTTP header, valid UTF-8, declaration,
// Windows-1252.
import Testing
@testable import Newsdex

@Suite struct HTMLCharsetTests {
    private func text(_ bytes: [UInt8], header: String? = nil) throws -> (String, HTMLCharset.Outcome) {
        let (page, outcome) = try HTMLCharset.parse(bytes, transportCharset: header)
        let p = try #require(page.elements(.p).first)
        return (page.text(of: p), outcome)
    }

    private let cafe1252: [UInt8] = Array("<p>caf".utf8) + [0xE9, 0x20, 0x93, 0x71, 0x94] + Array("</p>".utf8)

    @Test func validUTF8IsUTF8WhateverThePageDeclares() throws {
        let bytes = Array(#"<meta charset="windows-1252"><p>café “q”</p>"#.utf8)
        #expect(try text(bytes) == ("café “q”", .asDeclared))
    }

    @Test func windows1252DeclaredOrNot() throws {
        #expect(try text(Array(#"<meta charset="iso-8859-1">"#.utf8) + cafe1252) == ("café “q”", .asDeclared))
        #expect(try text(Array(#"<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">"#.utf8) + cafe1252)
            == ("café “q”", .asDeclared))
        #expect(try text(cafe1252) == ("café “q”", .windows1252Fallback))
    }

    @Test func theFiveUndefinedWindows1252BytesDoNotLoseText() throws {
        let bytes: [UInt8] = Array("<p>a".utf8) + [0x81] + Array("b</p>".utf8)
        #expect(try text(bytes).0 == "a\u{81}b")
    }

    @Test func otherDeclaredCharsetsAreDecodedByLibxml2() throws {
        let bytes = Array(#"<meta charset="koi8-r"><p>"#.utf8) + [0xD0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4] + Array("</p>".utf8)
        #expect(try text(bytes) == ("привет", .asDeclared))
    }

    @Test func theHTTPHeaderWinsOverTheBytes() throws {
        // Valid UTF-8 ("Ã©") read as the header says: Latin-1 (that is, Windows-1252).
        let bytes = Array("<p>Ã©</p>".utf8)
        #expect(try text(bytes, header: "ISO-8859-1").0 == "ÃƒÂ©")
        #expect(try text(cafe1252, header: "windows-1252").0 == "café “q”")
    }

    @Test func aByteOrderMarkWinsOverEverything() throws {
        #expect(try text([0xEF, 0xBB, 0xBF] + Array("<p>é</p>".utf8), header: "windows-1252").0 == "é")
        let utf16: [UInt8] = [0xFF, 0xFE] + "<p>é</p>".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        #expect(try text(utf16).0 == "é")
    }

    @Test func anUnknownHeaderCharsetFallsBack() throws {
        #expect(try text(Array("<p>é</p>".utf8), header: "x-martian") == ("é", .unknownCharset("x-martian")))
    }

    @Test(arguments: [
        ("text/html; charset=ISO-8859-1", "ISO-8859-1"),
        ("text/html;charset=\"utf-8\"", "utf-8"),
        ("text/html; boundary=x; CHARSET=koi8-r", "koi8-r"),
        ("text/html", nil),
        ("text/html; charset=", nil),
    ])
    func charsetOfAContentType(value: String, charset: String?) {
        #expect(HTMLCharset.charset(ofContentType: value) == charset)
    }
}
