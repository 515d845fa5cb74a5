// Strips the Markdown an article body is likely to use (headings, emphasis, links, lists,
// quotes, rules), so that paragraphs hold the words a reader sees. Not a full CommonMark parser.

enum MarkdownText {
    /// The lines with block markup removed and inline markup stripped. Headings and list items
    /// become standalone lines; rules, fences and link definitions become blank lines.
    static func plainLines(_ raw: ArraySlice<Substring>, firstLineNumber: Int) -> [TextLine] {
        var lines: [TextLine] = []
        lines.reserveCapacity(raw.count)
        var inFence = false
        var number = firstLineNumber
        for rawLine in raw {
            defer { number += 1 }
            var text = rawLine.trimmedForParsing()
            if text.hasPrefix("```") || text.hasPrefix("~~~") {
                inFence.toggle()
                lines.append(TextLine(number: number, text: ""))
                continue
            }
            if inFence {
                lines.append(TextLine(number: number, text: text, standalone: true))
                continue
            }
            if isRule(text) || isLinkDefinition(text) || (text.hasPrefix("<!--") && text.hasSuffix("-->")) {
                lines.append(TextLine(number: number, text: ""))
                continue
            }
            var standalone = false
            while text.first == ">" { text = text.dropFirst().trimmedForParsing() }
            if let heading = headingText(text) {
                text = heading
                standalone = true
            } else if let item = listItemText(text) {
                text = item
                standalone = true
            }
            let plain = inline(text)
            lines.append(TextLine(number: number, text: plain[...].trimmedForParsing(), standalone: standalone))
        }
        return lines
    }

    /// Inline markup removed: emphasis markers, code ticks, links (their text kept) and images
    /// (dropped: their alt text is not prose).
    static func inline(_ text: Substring) -> String {
        guard text.contains(where: { "*_`[!~\\".contains($0) }) else { return String(text) }
        let chars = Array(text)
        var out = ""
        out.reserveCapacity(chars.count)
        var i = 0
        func isBoundary(_ index: Int) -> Bool {
            index < 0 || index >= chars.count || chars[index].isWhitespace
                || (chars[index].isPunctuation && chars[index] != "*" && chars[index] != "_")
        }
        while i < chars.count {
            let c = chars[i]
            switch c {
            case "\\" where i + 1 < chars.count && chars[i + 1].isPunctuation:
                out.append(chars[i + 1])
                i += 2
            case "`":
                i += 1
            case "~" where i + 1 < chars.count && chars[i + 1] == "~":
                i += 2
            case "*", "_":
                var run = 1
                while i + run < chars.count && chars[i + run] == c { run += 1 }
                let opens = isBoundary(i - 1) && !isBoundary(i + run)
                let closes = !isBoundary(i - 1) && isBoundary(i + run)
                // An underscore inside a word (snake_case) or a lone star in "2 * 3" is text.
                if opens || closes || (c == "*" && run >= 2) {
                    i += run
                } else {
                    out.append(contentsOf: String(repeating: c, count: run))
                    i += run
                }
            case "!" where i + 1 < chars.count && chars[i + 1] == "[":
                if let (_, end) = link(in: chars, at: i + 1) {
                    i = end
                } else {
                    out.append(c)
                    i += 1
                }
            case "[":
                if let (label, end) = link(in: chars, at: i) {
                    out += inline(Substring(label))
                    i = end
                } else {
                    out.append(c)
                    i += 1
                }
            default:
                out.append(c)
                i += 1
            }
        }
        // A dropped image leaves two spaces where it stood.
        guard out.contains("  ") else { return out }
        return out.split(separator: " ", omittingEmptySubsequences: true).joined(separator: " ")
    }

    /// A link `[label](target)` or `[label][ref]` starting at `start` ("["): its label and the
    /// index after it.
    private static func link(in chars: [Character], at start: Int) -> (String, Int)? {
        var depth = 0
        var close: Int?
        var i = start
        while i < chars.count {
            if chars[i] == "[" { depth += 1 }
            if chars[i] == "]" {
                depth -= 1
                if depth == 0 { close = i; break }
            }
            i += 1
        }
        guard let close, close + 1 < chars.count else { return nil }
        let opener = chars[close + 1]
        guard opener == "(" || opener == "[" else { return nil }
        let closer: Character = opener == "(" ? ")" : "]"
        guard let end = chars[(close + 2)...].firstIndex(of: closer) else { return nil }
        return (String(chars[(start + 1)..<close]), end + 1)
    }

    private static func headingText(_ text: Substring) -> Substring? {
        let hashes = text.prefix(while: { $0 == "#" })
        guard (1...6).contains(hashes.count) else { return nil }
        let rest = text.dropFirst(hashes.count)
        guard rest.isEmpty || rest.first!.isWhitespace else { return nil }
        var heading = rest.trimmedForParsing()
        while heading.last == "#" { heading = heading.dropLast() }
        return heading.trimmedForParsing()
    }

    private static func listItemText(_ text: Substring) -> Substring? {
        if let first = text.first, "-*+•".contains(first), text.dropFirst().first == " " {
            return text.dropFirst(2).trimmedForParsing()
        }
        let digits = text.prefix(while: { $0.isASCII && $0.isNumber })
        guard (1...3).contains(digits.count) else { return nil }
        let rest = text.dropFirst(digits.count)
        guard let marker = rest.first, marker == "." || marker == ")", rest.dropFirst().first == " " else {
            return nil
        }
        return rest.dropFirst(2).trimmedForParsing()
    }

    /// "---", "***", "___", "===" (also setext underlines): three or more of one mark, spaces allowed.
    private static func isRule(_ text: Substring) -> Bool {
        guard let mark = text.first, "-*_=".contains(mark) else { return false }
        var count = 0
        for c in text {
            if c == mark { count += 1 } else if c != " " { return false }
        }
        return count >= 3
    }

    /// "[1]: https://example.com"
    private static func isLinkDefinition(_ text: Substring) -> Bool {
        guard text.first == "[", let close = text.firstIndex(of: "]") else { return false }
        return text[close...].hasPrefix("]:")
    }
}
