// Ids and paths in line-oriented output (`search --format ids`, `check`, the text formats, the
// messages on stderr) stay on one line whatever a file name holds: a newline in a name must not
// turn one id into two. The README documents the escapes; `show` accepts an id in either form.

enum LineEscaping {
    /// `text` on one line: a backslash is written `\\`, a newline `\n`, a carriage return `\r`,
    /// a tab `\t`, and any other control character `\xHH` (or `\u{HHHH}` beyond one byte); every
    /// other character is itself. Text without any of these comes back unchanged.
    static func escape(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var result = ""
        result.reserveCapacity(text.utf8.count + 8)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            case _ where needsEscape(scalar):
                let hex = String(scalar.value, radix: 16, uppercase: true)
                result += scalar.value <= 0xFF
                    ? "\\x" + (hex.count == 1 ? "0" + hex : hex) : "\\u{" + hex + "}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    /// The text `escape` wrote, or nil when `text` holds no escape or a malformed one.
    static func unescape(_ text: String) -> String? {
        guard text.contains("\\") else { return nil }
        var result = String.UnicodeScalarView()
        var scalars = text.unicodeScalars[...]
        while let scalar = scalars.popFirst() {
            guard scalar == "\\" else {
                result.append(scalar)
                continue
            }
            switch scalars.popFirst() {
            case "\\": result.append("\\")
            case "n": result.append("\n")
            case "r": result.append("\r")
            case "t": result.append("\t")
            case "x":
                let digits = String(String.UnicodeScalarView(scalars.prefix(2)))
                guard digits.count == 2, let value = UInt32(digits, radix: 16), let decoded = Unicode.Scalar(value) else {
                    return nil
                }
                result.append(decoded)
                scalars = scalars.dropFirst(2)
            case "u":
                guard scalars.first == "{", let close = scalars.firstIndex(of: "}") else { return nil }
                let digits = String(String.UnicodeScalarView(scalars[scalars.index(after: scalars.startIndex)..<close]))
                guard let value = UInt32(digits, radix: 16), let decoded = Unicode.Scalar(value) else { return nil }
                result.append(decoded)
                scalars = scalars[scalars.index(after: close)...]
            default: return nil
            }
        }
        return String(result)
    }

    /// C0 and C1 control characters, DEL, and the Unicode line and paragraph separators, which
    /// some tools read as line ends.
    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "\\" || scalar.value < 0x20 || (0x7F...0x9F).contains(scalar.value)
            || scalar.value == 0x2028 || scalar.value == 0x2029
    }
}
