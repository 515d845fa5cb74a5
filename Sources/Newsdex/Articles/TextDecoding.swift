// Turns a file's bytes into text the parsers can trust: UTF-8 when it is valid, Windows-1252
// when it is not (the usual encoding of text pasted on Windows), never a crash.

enum TextDecoding {
    /// The text of `bytes` and whether it had to be read as Windows-1252 because it is not UTF-8.
    /// A UTF-8 byte order mark is dropped; a UTF-16 one is honoured. Line ends become "\n".
    static func decode(_ bytes: [UInt8]) -> (text: String, isWindows1252: Bool) {
        var body = bytes[...]
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body = body.dropFirst(3) }
        if let utf16 = decodeUTF16(body) { return (normalizingLineEnds(utf16), false) }
        if isValidUTF8(body) {
            return (normalizingLineEnds(String(decoding: body, as: UTF8.self)), false)
        }
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(body.count)
        for byte in body { scalars.append(windows1252Scalar(byte)) }
        return (normalizingLineEnds(String(scalars)), true)
    }

    /// Whether `bytes` look like a binary file: a NUL byte never occurs in text (UTF-16 with a
    /// byte order mark aside, which `decode` reads).
    static func isBinary(_ bytes: [UInt8]) -> Bool {
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) { return false }
        return bytes.contains(0)
    }

    /// Whether the bytes hold nothing but whitespace (ASCII, or any Unicode whitespace once decoded).
    static func isBlank(_ text: String) -> Bool {
        text.unicodeScalars.allSatisfy { $0.properties.isWhitespace || $0 == "\u{FEFF}" }
    }

    static func isValidUTF8(_ bytes: ArraySlice<UInt8>) -> Bool {
        // Most news text is ASCII: skip the decoder for it.
        if bytes.allSatisfy({ $0 < 0x80 }) { return true }
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue: continue
            case .emptyInput: return true
            case .error: return false
            }
        }
    }

    private static func decodeUTF16(_ bytes: ArraySlice<UInt8>) -> String? {
        let littleEndian: Bool
        if bytes.starts(with: [0xFF, 0xFE]) {
            littleEndian = true
        } else if bytes.starts(with: [0xFE, 0xFF]) {
            littleEndian = false
        } else {
            return nil
        }
        var units: [UInt16] = []
        units.reserveCapacity(bytes.count / 2)
        var index = bytes.startIndex + 2
        while index + 1 < bytes.endIndex {
            let a = UInt16(bytes[index]), b = UInt16(bytes[index + 1])
            units.append(littleEndian ? a | b << 8 : a << 8 | b)
            index += 2
        }
        return String(decoding: units, as: UTF16.self)
    }

    /// "\r\n" and a lone "\r" become "\n", so that lines split the same whatever system wrote them.
    private static func normalizingLineEnds(_ text: String) -> String {
        guard text.utf8.contains(UInt8(ascii: "\r")) else { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var previousWasCR = false
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") {
                out.append(UInt8(ascii: "\n"))
                previousWasCR = true
                continue
            }
            if !(byte == UInt8(ascii: "\n") && previousWasCR) { out.append(byte) }
            previousWasCR = false
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Windows-1252 is Latin-1 except for 0x80–0x9F; the five bytes it leaves undefined map to
    /// the C1 controls of the same value, as the WHATWG Encoding Standard does.
    static func windows1252Scalar(_ byte: UInt8) -> Unicode.Scalar {
        guard (0x80...0x9F).contains(byte) else { return Unicode.Scalar(byte) }
        let value = windows1252High[Int(byte) - 0x80]
        return Unicode.Scalar(value) ?? Unicode.Scalar(byte)
    }

    private static let windows1252High: [UInt32] = [
        0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
        0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
    ]
}

/// Splits text into lines on "\n" (after `TextDecoding` normalized line ends). A final newline
/// does not make an extra empty line.
func splitLines(_ text: String) -> [Substring] {
    var lines: [Substring] = []
    var start = text.utf8.startIndex
    var index = start
    let end = text.utf8.endIndex
    while index < end {
        if text.utf8[index] == UInt8(ascii: "\n") {
            lines.append(text[start..<index])
            start = text.utf8.index(after: index)
        }
        index = text.utf8.index(after: index)
    }
    if start < end { lines.append(text[start..<end]) }
    return lines
}

extension StringProtocol {
    /// The text without leading and trailing whitespace, no-break spaces and zero-width marks included.
    func trimmedForParsing() -> SubSequence {
        func isSpace(_ c: Character) -> Bool {
            c.isWhitespace || c == "\u{FEFF}" || c == "\u{200B}"
        }
        guard let first = firstIndex(where: { !isSpace($0) }) else { return self[endIndex...] }
        let last = lastIndex(where: { !isSpace($0) })!
        return self[first...last]
    }
}
