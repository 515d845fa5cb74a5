@testable import Newsdex
import Testing

@Suite struct StringSplittingTests {
    @Test(arguments: ["", "a", "a\nb", "\n", "a\n\nb\n", "über\r\nstraße\n", "\r\n\r\n", "伊拉克\n克"])
    func partsAreTheUTF8SplitKeepingEmptyOnes(_ text: String) {
        let expected = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { String(decoding: $0, as: UTF8.self) }
        #expect(text.parts(separatedBy: UInt8(ascii: "\n")) == expected)
    }

    @Test func aCarriageReturnStaysInItsLine() {
        // As Characters "\r\n" is one: split there, a Windows file would be a single line.
        #expect("auto a\r\nauto b".parts(separatedBy: UInt8(ascii: "\n")) == ["auto a\r", "auto b"])
    }
}
