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
