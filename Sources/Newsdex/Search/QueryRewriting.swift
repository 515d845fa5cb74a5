// What the query language means that Xapian's QueryParser reads otherwise, rewritten before it
// parses, each in one pass over the text:
//
// - `date:` ranges are checked and written as Xapian reads them: `date:2024-13-45..` is an error
//   naming the value (Xapian would read it as the day 20241345 and match from there); a month or
//   year stands for its days (`date:2024-10..2024-11`, `date:2024`); `-date:…` excludes.
// - A query of only excluded words (`-troops`) means every document but those: Xapian meets a
//   syntax error there and reparses without its operators, so `-troops` found exactly the
//   documents that contain "troops". Each `-word` is then written `NOT word`.

extension QueryLanguage {
    /// The query as the parser should read it.
    /// - Throws: `SearchError.invalidDate` for a `date:` value that is not a date.
    static func rewrite(_ query: String, original: String) throws -> String {
        excludingOnly(try dateRanges(query, original: original))
    }

    /// One top-level word of a query (outside quotes and brackets), with where it lies.
    struct Word {
        var range: Range<String.Index>
        var depth: Int
    }

    /// The query's words: runs of characters between whitespace, a quoted phrase counting as
    /// part of the word it is in, with the bracket depth at its start.
    static func words(of query: String) -> [Word] {
        var words: [Word] = []
        var inQuotes = false
        var depth = 0
        var start: String.Index?
        var startDepth = 0
        var index = query.startIndex
        while index < query.endIndex {
            let character = query[index]
            if character.isWhitespace && !inQuotes {
                if let s = start { words.append(Word(range: s..<index, depth: startDepth)) }
                start = nil
            } else {
                if start == nil {
                    start = index
                    startDepth = depth
                }
                if character == "\"" {
                    inQuotes.toggle()
                } else if !inQuotes && character == "(" {
                    depth += 1
                } else if !inQuotes && character == ")" {
                    depth = max(0, depth - 1)
                }
            }
            index = query.index(after: index)
        }
        if let s = start { words.append(Word(range: s..<query.endIndex, depth: startDepth)) }
        return words
    }

    /// `date:` values checked, and written as days (YYYYMMDD..YYYYMMDD).
    static func dateRanges(_ query: String, original: String) throws -> String {
        let name = Schema.dateRangeQueryName + ":"
        guard query.range(of: name, options: .caseInsensitive) != nil else { return query }
        var result = ""
        var last = query.startIndex
        for word in words(of: query) {
            var text = query[word.range]
            while text.first == "(" { text = text.dropFirst() }
            var sign = ""
            if text.first == "-" || text.first == "+" {
                sign = String(text.first!)
                text = text.dropFirst()
            }
            guard text.count > name.count, text.prefix(name.count).lowercased() == name else { continue }
            var value = text.dropFirst(name.count)
            while value.last == ")" { value = value.dropLast() }
            let replacement = try Self.days(String(value), query: original)
            result += query[last..<text.startIndex]
            if sign == "-" {
                // Xapian has no `-` for a range: `NOT` says the same.
                result.removeLast()
                result += "NOT "
            } else if sign == "+" {
                result.removeLast()
            }
            result += name + replacement
            last = value.endIndex
        }
        return result + query[last...]
    }

    /// A `date:` value as a range of days, "YYYYMMDD..YYYYMMDD" with either end open; one date
    /// is its own range (a month or year its days).
    static func days(_ value: String, query: String) throws -> String {
        let invalid = SearchError.invalidDate(query: query, value: Schema.dateRangeQueryName + ":" + value)
        let ends: (from: String, to: String)
        if let dots = value.range(of: "..") {
            ends = (String(value[..<dots.lowerBound]), String(value[dots.upperBound...]))
            guard !ends.from.isEmpty || !ends.to.isEmpty else { throw invalid }
        } else {
            ends = (value, value)
        }
        var from = "", to = ""
        if !ends.from.isEmpty {
            guard let date = PublicationDate(userInput: ends.from) else { throw invalid }
            from = date.yyyymmdd
        }
        if !ends.to.isEmpty {
            guard let date = PublicationDate(userInput: ends.to, roundingUp: true) else { throw invalid }
            to = date.yyyymmdd
        }
        return from + ".." + to
    }

    /// The words Xapian reads as boolean operators (with FLAG_BOOLEAN_ANY_CASE, in any case).
    static let operators: Set<String> = ["and", "or", "not", "xor", "near", "adj"]

    /// A query whose top-level words are all exclusions (`-troops -"parade ground"`), with each
    /// `-word` written `NOT word`; any other query unchanged.
    static func excludingOnly(_ query: String) -> String {
        guard query.contains("-") else { return query }
        var exclusions: [Word] = []
        for word in words(of: query) where word.depth == 0 {
            let text = query[word.range]
            if text.hasPrefix("-") && text.count > 1 && !text.hasPrefix("--") {
                exclusions.append(word)
            } else if !operators.contains(text.lowercased()) {
                return query  // something to match: Xapian's own `-` excludes from it
            }
        }
        guard !exclusions.isEmpty else { return query }
        var result = ""
        var last = query.startIndex
        for word in exclusions {
            result += query[last..<word.range.lowerBound] + "NOT " + query[query.index(after: word.range.lowerBound)..<word.range.upperBound]
            last = word.range.upperBound
        }
        return result + query[last...]
    }
}
