// Text values that may hold markup or character references (a JSON-LD headline "Tom &amp; Jerry",
// a description with <p> tags): read with the same HTML parser as pages, never by pattern.

enum HTMLText {
    /// The text of a value: markup and character references read by libxml2 when there are any,
    /// whitespace collapsed, trimmed.
    static func plain(_ value: String) -> String {
        if value.utf8.contains(where: { $0 == UInt8(ascii: "<") || $0 == UInt8(ascii: "&") }),
            let page = try? HTMLPage(Array(value.utf8), encoding: "UTF-8")
        {
            var collector = TextCollector()
            var node = 0
            while node < page.count {
                page.appendText(of: node, to: &collector)
                collector.breakWord()
                node = page.end(node)
            }
            return collector.text
        }
        return collapsed(value)
    }

    /// Whitespace runs (no-break spaces included) as one space, trimmed.
    static func collapsed(_ value: String) -> String {
        var collector = TextCollector()
        collector.append(value)
        return collector.text
    }
}

/// Substring search on UTF-8 bytes: what reading a page asks of short texts thousands of times,
/// where Foundation's `range(of:)` goes through NSString.
enum ByteSearch {
    /// The offset of the last occurrence of `needle` in `haystack` that ends at or before `end`.
    static func last(_ needle: [UInt8], in haystack: [UInt8], endingBy end: Int? = nil) -> Int? {
        let limit = min(end ?? haystack.count, haystack.count)
        guard !needle.isEmpty, needle.count <= limit else { return nil }
        var start = limit - needle.count
        while start >= 0 {
            if haystack[start] == needle[0] {
                var matched = true
                for k in 1..<needle.count where haystack[start + k] != needle[k] {
                    matched = false
                    break
                }
                if matched { return start }
            }
            start -= 1
        }
        return nil
    }

    /// The offset of the first occurrence of `needle` in `haystack`.
    static func first(_ needle: [UInt8], in haystack: some Collection<UInt8>) -> Int? {
        let bytes = Array(haystack)
        guard !needle.isEmpty, needle.count <= bytes.count else { return nil }
        for start in 0...(bytes.count - needle.count) where bytes[start] == needle[0] {
            if bytes[start..<(start + needle.count)].elementsEqual(needle) { return start }
        }
        return nil
    }

    /// The bytes with ASCII capitals made small (other bytes as they are, so offsets stay).
    static func asciiLowercased(_ bytes: [UInt8]) -> [UInt8] {
        bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
    }
}

extension StringProtocol {
    /// Whether the text's UTF-8 holds `needle`'s.
    func containsBytes(_ needle: String) -> Bool {
        ByteSearch.first(Array(needle.utf8), in: utf8) != nil
    }
}
