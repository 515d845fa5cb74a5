// Reads a JSON Lines file: one article per line. A bad line is rejected alone, with its number.
import Foundation

enum JSONLinesParser {
    /// Adds the article of every good line to `result`, and a rejection or warning naming the
    /// line for the others. Blank lines are skipped.
    /// Two lines with one id: the first is indexed, the later ones rejected, naming it.
    static func parse(_ lines: [Substring], relativePath: String, into result: inout ReadResult) {
        var lineOfID: [String: Int] = [:]
        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.trimmedForParsing()
            if line.isEmpty { continue }
            switch article(from: line, relativePath: relativePath, lineNumber: lineNumber) {
            case .success(let (article, warnings)):
                if let first = lineOfID[article.id] {
                    result.rejections.append(Rejection(
                        path: relativePath, line: lineNumber,
                        reason: "duplicate id \(article.id.debugDescription): line \(first) has it and is indexed; this line is not"))
                    continue
                }
                lineOfID[article.id] = lineNumber
                result.articles.append(article)
                result.warnings += warnings.map {
                    ReadWarning(path: relativePath, line: lineNumber, message: $0)
                }
            case .failure(let rejection):
                result.rejections.append(rejection)
            }
        }
    }

    private static func article(
        from line: Substring, relativePath: String, lineNumber: Int
    ) -> Result<(Article, [String]), Rejection> {
        func reject(_ reason: String) -> Result<(Article, [String]), Rejection> {
            .failure(Rejection(path: relativePath, line: lineNumber, reason: reason))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(line.utf8), options: [.fragmentsAllowed])
        } catch {
            return reject("malformed JSON: \(jsonErrorSummary(error))")
        }
        guard let record = object as? [String: Any] else {
            return reject("expected a JSON object, found \(kind(of: object))")
        }

        // A field of the wrong type is a rejection naming it: silently dropping `captions:
        // "string"` would lose what the writer meant.
        for (field, allowed) in fieldTypes {
            if let value = record[field], !(value is NSNull), !allowed.contains(JSONType(value)) {
                let names = allowed.map(\.name).joined(separator: " or ")
                return reject("field \"\(field)\" must be \(names), not \(kind(of: value))")
            }
        }
        var warnings: [String] = []
        let title = string(record["title"]).map { String($0.trimmedForParsing()) } ?? ""
        let paragraphs: [String]
        switch record["body"] ?? record["paragraphs"] {
        case nil, is NSNull:
            paragraphs = []
        case let text as String:
            paragraphs = paragraphsOf(text)
        case let array as [Any]:
            let strings = array.compactMap { $0 as? String }
            guard strings.count == array.count else {
                return reject("body must be a string or an array of strings")
            }
            paragraphs = strings.map { String($0.trimmedForParsing()) }.filter { !$0.isEmpty }
        default:
            return reject("body must be a string or an array of strings")
        }
        guard !title.isEmpty || !paragraphs.isEmpty else {
            return reject("neither title nor body")
        }

        var date: String?
        if let value = record["date"], !(value is NSNull) {
            if let text = string(value), let parsed = DatelineParser.parseISO(text.trimmedForParsing())
                ?? DatelineParser.parse(text.trimmedForParsing())
            {
                date = parsed.iso
            } else {
                warnings.append("unreadable date \(describe(value)); the article has no date")
            }
        }

        var captions: [Caption] = []
        if let list = record["captions"] as? [Any] {
            for (index, item) in list.enumerated() {
                if let text = item as? String {
                    if text.isEmpty { warnings.append("an empty caption was skipped") } else { captions.append(Caption(text: text)) }
                } else if let caption = item as? [String: Any] {
                    for field in ["text", "credit"] {
                        if let value = caption[field], !(value is NSNull), !(value is String) {
                            return reject("field \"captions[\(index)].\(field)\" must be a string, not \(kind(of: value))")
                        }
                    }
                    if let text = string(caption["text"]), !text.isEmpty {
                        captions.append(Caption(text: text, credit: string(caption["credit"]).flatMap(nonEmpty)))
                    } else {
                        warnings.append("a caption without text was skipped")
                    }
                } else {
                    return reject("field \"captions[\(index)]\" must be a string or an object with a text, not \(kind(of: item))")
                }
            }
        }
        for field in ["author", "authors"] {
            if let list = record[field] as? [Any],
                let (index, item) = list.enumerated().first(where: { !($0.element is String || $0.element is [String: Any]) })
            {
                return reject("field \"\(field)[\(index)]\" must be a string or an object with a name, not \(kind(of: item))")
            }
        }
        if let list = record["tags"] as? [Any], let (index, item) = list.enumerated().first(where: { !($0.element is String) }) {
            return reject("field \"tags[\(index)]\" must be a string, not \(kind(of: item))")
        }

        let id = string(record["id"]).flatMap(nonEmpty) ?? "\(relativePath)#\(lineNumber)"
        if id.utf8.count > Article.maxIDBytes {
            return reject("the id is \(id.utf8.count) bytes long; an id is at most \(Article.maxIDBytes) bytes")
        }
        let source = string(record["source"]).flatMap(nonEmpty) ?? ArticleReader.folderSource(of: relativePath)
        var article = Article(
            id: id, source: source, title: title, date: date,
            authors: names(record["author"] ?? record["authors"]),
            url: string(record["url"]).flatMap(nonEmpty),
            paragraphs: paragraphs, captions: captions, tags: tags(record["tags"]),
            path: relativePath)
        if let value = record["language"] ?? record["lang"], !(value is NSNull) {
            article.language = string(value).flatMap { Language(stated: $0) }
            if article.language == nil {
                warnings.append("unknown language \(describe(value)); detecting it from the text")
            }
        }
        return .success((article, warnings))
    }

    /// A body string's paragraphs: blank lines separate them, other line breaks are spaces.
    static func paragraphsOf(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var pending: [Substring] = []
        for line in splitLines(text.contains("\r") ? text.replacingOccurrences(of: "\r\n", with: "\n") : text) {
            let trimmed = line.trimmedForParsing()
            if trimmed.isEmpty {
                if !pending.isEmpty { paragraphs.append(pending.joined(separator: " ")) }
                pending.removeAll()
            } else {
                pending.append(trimmed)
            }
        }
        if !pending.isEmpty { paragraphs.append(pending.joined(separator: " ")) }
        return paragraphs
    }

    private static func names(_ value: Any?) -> [String] {
        switch value {
        case let text as String:
            return BylineParser.splitNames(text)
        case let list as [Any]:
            return list.compactMap { item -> String? in
                if let name = item as? String { return name }
                if let person = item as? [String: Any] { return string(person["name"]) }
                return nil
            }.map { String($0.trimmedForParsing()) }.filter { !$0.isEmpty }
        default:
            return []
        }
    }

    private static func tags(_ value: Any?) -> [String] {
        let raw: [String]
        switch value {
        case let text as String: raw = text.split(separator: ",").map(String.init)
        case let list as [Any]: raw = list.compactMap { string($0) }
        default: raw = []
        }
        return raw.map { String($0.trimmedForParsing()) }.filter { !$0.isEmpty }
    }

    /// A string, or a number written as one (ids are often numbers).
    private static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: return text
        case let number as Int: return String(number)
        case let number as Double where number.rounded() == number && abs(number) < 1e15:
            return String(Int(number))
        default: return nil
        }
    }

    private static func nonEmpty(_ text: String) -> String? {
        let trimmed = text.trimmedForParsing()
        return trimmed.isEmpty ? nil : String(trimmed)
    }

    /// The JSON types a field may have, as JSONSerialization gives them.
    private enum JSONType: Equatable {
        case string, number, boolean, array, object, null

        init(_ value: Any) {
            switch value {
            case is NSNull: self = .null
            case is String: self = .string
            case is [Any]: self = .array
            case is [String: Any]: self = .object
            case let number as NSNumber: self = Self.isBoolean(number) ? .boolean : .number
            default: self = .null
            }
        }

        /// JSONSerialization gives booleans as NSNumber too, of the C type char, which no JSON
        /// number is.
        private static func isBoolean(_ number: NSNumber) -> Bool {
            String(cString: number.objCType) == "c"
        }

        var name: String {
            switch self {
            case .string: return "a string"
            case .number: return "a number"
            case .boolean: return "a boolean"
            case .array: return "an array"
            case .object: return "an object"
            case .null: return "null"
            }
        }
    }

    /// The types each known field may have (null always means absent). Numbers are read as
    /// text where a value is text (ids are often numbers).
    /// `body` checks its own, with its elements.
    private static let fieldTypes: [(String, [JSONType])] = [
        ("id", [.string, .number]), ("title", [.string, .number]), ("source", [.string]),
        ("date", [.string]), ("author", [.string, .array]), ("authors", [.string, .array]), ("url", [.string]),
        ("captions", [.array]), ("tags", [.string, .array]),
    ]

    private static func kind(of value: Any) -> String { JSONType(value).name }

    private static func describe(_ value: Any) -> String {
        if let text = value as? String { return "\"\(text.prefix(40))\"" }
        return String(describing: value).prefix(40).description
    }

    /// Foundation's own message for the error, without the generic preamble where it can.
    private static func jsonErrorSummary(_ error: Error) -> String {
        let nsError = error as NSError
        if let detail = nsError.userInfo[NSDebugDescriptionErrorKey] as? String { return detail }
        return nsError.localizedDescription
    }
}
