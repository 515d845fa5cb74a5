// Reads a `---` block of `key: value` lines at the top of a text or Markdown file: the metadata
// a person wrote on purpose, which wins over anything the text suggests.

/// The article fields a front matter block gives; nil or empty when it does not give them.
struct FrontMatter: Sendable, Hashable {
    var id: String?
    var title: String?
    var source: String?
    /// The value as written; the reader checks and normalizes it.
    var date: String?
    var dateLine: Int?
    var authors: [String] = []
    var url: String?
    var tags: [String] = []
    /// The language as written (`lang` or `language`); the reader checks and normalizes it.
    var language: String?
    var languageLine: Int?
}

enum FrontMatterParser {
    /// The front matter of `lines` and the index of the first body line, or nil when the text
    /// does not open with a closed `---` block. A subset of YAML: scalars (quoted or not),
    /// `[a, b]` lists and `- item` lists; unknown keys are ignored.
    static func parse(_ lines: [Substring]) -> (frontMatter: FrontMatter, bodyStart: Int)? {
        guard let first = lines.first, first.trimmedForParsing() == "---" else { return nil }
        guard let close = lines.indices.dropFirst().first(where: {
            let line = lines[$0].trimmedForParsing()
            return line == "---" || line == "..."
        }) else { return nil }

        var values: [(key: String, line: Int, items: [String])] = []
        for index in 1..<close {
            let line = lines[index].trimmedForParsing()
            if line.isEmpty || line.first == "#" { continue }
            if line.hasPrefix("- ") || line == "-", !values.isEmpty {
                let item = unquoted(line.dropFirst().trimmedForParsing())
                if !item.isEmpty { values[values.count - 1].items.append(item) }
                continue
            }
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmedForParsing().lowercased()
            let value = line[line.index(after: colon)...].trimmedForParsing()
            values.append((key, index + 1, value.isEmpty ? [] : [String(value)]))
        }

        var matter = FrontMatter()
        for (key, lineNumber, items) in values {
            // A single scalar may still be a list ("[a, b]") or, for names and tags, "a, b".
            let scalar = items.count == 1 ? items[0] : nil
            switch key {
            case "id": matter.id = scalar.map(unquoted).flatMap(nonEmpty)
            case "title": matter.title = scalar.map(unquoted).flatMap(nonEmpty)
            case "source", "publisher": matter.source = scalar.map(unquoted).flatMap(nonEmpty)
            case "date", "published":
                matter.date = scalar.map(unquoted).flatMap(nonEmpty)
                matter.dateLine = lineNumber
            case "author", "authors", "byline":
                let names = list(items).flatMap { BylineParser.splitNames($0) }
                if !names.isEmpty { matter.authors = names }
            case "url", "link": matter.url = scalar.map(unquoted).flatMap(nonEmpty)
            case "tags", "keywords":
                let tags = list(items).flatMap { $0.split(separator: ",").map { unquoted($0.trimmedForParsing()) } }
                    .filter { !$0.isEmpty }
                if !tags.isEmpty { matter.tags = tags }
            case "lang", "language":
                matter.language = scalar.map(unquoted).flatMap(nonEmpty)
                matter.languageLine = lineNumber
            default: continue
            }
        }
        return (matter, close + 1)
    }

    /// The items of a value: a `- item` list, a `[a, b]` list, or one scalar.
    private static func list(_ items: [String]) -> [String] {
        guard items.count == 1 else { return items.map { unquoted($0[...]) } }
        let value = items[0]
        if value.hasPrefix("["), value.hasSuffix("]") {
            return value.dropFirst().dropLast().split(separator: ",")
                .map { unquoted($0.trimmedForParsing()) }
                .filter { !$0.isEmpty }
        }
        return [unquoted(value[...])]
    }

    private static func unquoted<S: StringProtocol>(_ text: S) -> String {
        let trimmed = text.trimmedForParsing()
        if trimmed.count >= 2, let first = trimmed.first, first == "\"" || first == "'", trimmed.last == first {
            return String(trimmed.dropFirst().dropLast())
        }
        return String(trimmed)
    }

    private static func nonEmpty(_ text: String) -> String? { text.isEmpty ? nil : text }
}
