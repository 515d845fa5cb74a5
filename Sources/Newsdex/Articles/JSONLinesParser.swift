// Reads a JSON Lines file: one article per line. A bad line is rejected alone, with its number.
import Foundation

enum JSONLinesParser {
    /// Adds the article of every good line to `result`, and a rejection or warning naming the
    /// line for the others. Blank lines are skipped.
    static func parse(_ lines: [Substring], relativePath: String, into result: inout ReadResult) {
        for (offset, rawLine) in lines.enumerated() {
            let lineNumber = offset + 1
            let line = rawLine.trimmedForParsing()
            if line.isEmpty { continue }
            switch article(from: line, relativePath: relativePath, lineNumber: lineNumber) {
            case .success(let (article, warnings)):
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
            for item in list {
                if let text = item as? String, !text.isEmpty {
                    captions.append(Caption(text: text))
                } else if let caption = item as? [String: Any], let text = string(caption["text"]), !text.isEmpty {
                    captions.append(Caption(text: text, credit: string(caption["credit"]).flatMap(nonEmpty)))
                } else {
                    warnings.append("a caption without text was skipped")
                }
            }
        }

        let id = string(record["id"]).flatMap(nonEmpty) ?? "\(relativePath)#\(lineNumber)"
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

    private static func kind(of value: Any) -> String {
        switch value {
        case is [Any]: return "an array"
        case is String: return "a string"
        case is NSNull: return "null"
        default: return "a \(value is Bool ? "boolean" : "number")"
        }
    }

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
