// Where a query that Xapian cannot parse goes wrong, to put a caret under it.
//
// Xapian's QueryParser says what is wrong ("Syntax: <expression> AND <expression>") but not
// where. Its syntax errors are boolean operators missing an operand, so one pass over the words
// finds the operator that lacks one. Only when that pass finds none are prefixes of the query
// parsed again, from the end, a bounded number of times and without spelling correction (which
// reads the spelling table for every word): locating the error of `AND` followed by 1,000 words
// took over 100 s when every prefix was parsed with it.
internal import Xapian

extension QueryLanguage {
    /// Prefixes parsed again, at most, when the operator pass finds nothing.
    static let maxLocatingParses = 16

    /// Where the query goes wrong, as character offsets: the operator missing an operand, else
    /// the word from which every longer start of the query fails to parse too (in "troops AND",
    /// the "AND"), else nil.
    static func errorLocation(in query: String, message: String, parser: QueryParser) -> Range<Int>? {
        let words = characterWords(of: query)
        if let culprit = operatorMissingOperand(words, message: message) { return culprit.range }
        var culprit: Range<Int>?
        let flags = Self.flags.subtracting(.spellingCorrection)
        for (count, word) in words.reversed().enumerated() {
            guard count < maxLocatingParses else { return nil }
            let prefix = String(query.prefix(word.range.upperBound))
            guard let prepared = try? rewrite(normalize(prefix), original: prefix),
                (try? parser.parse(prepared, flags: flags)) == nil
            else { break }
            culprit = word.range
        }
        return culprit
    }

    /// A word, its text without the brackets around it, and the character offsets of that text.
    struct CharacterWord {
        var text: Substring
        var range: Range<Int>
        var opens: Int
        var closes: Int

        /// The boolean operator it is, lowercased ("AND," is AND); nil for any other word.
        var operatorName: String? {
            guard !text.contains("\"") else { return nil }
            var core = text
            while let last = core.last, ",.;:!?".contains(last) { core = core.dropLast() }
            let name = core.lowercased()
            return ["and", "or", "xor", "not"].contains(name) ? name : nil
        }

        /// Whether Xapian reads something to match in it: a letter or a digit.
        var isTerm: Bool { text.contains { $0.isLetter || $0.isNumber } }
    }

    /// The whitespace-separated words of `query` (a quoted phrase is one), in one pass.
    static func characterWords(of query: String) -> [CharacterWord] {
        var result: [CharacterWord] = []
        var offset = 0
        var position = query.startIndex
        for word in words(of: query) {
            let start = offset + query[position..<word.range.lowerBound].count
            let length = query[word.range].count
            offset = start + length
            position = word.range.upperBound
            var text = query[word.range]
            var opens = 0, closes = 0
            while text.first == "(" { text = text.dropFirst(); opens += 1 }
            while text.last == ")" { text = text.dropLast(); closes += 1 }
            // The range of the word without its brackets: the caret goes under the operator.
            result.append(CharacterWord(
                text: text, range: (start + opens)..<(start + length - closes), opens: opens, closes: closes))
        }
        return result
    }

    /// The boolean operators with no operand on one side: at the start, after an opening
    /// bracket or another operator (but `NOT` may start an expression, Xapian's FLAG_PURE_NOT,
    /// once), or with nothing to match after them before a closing bracket or the end. The one
    /// named in Xapian's `message` is preferred, else the first.
    static func operatorMissingOperand(_ words: [CharacterWord], message: String) -> CharacterWord? {
        var found: [CharacterWord] = []
        var needOperand = true
        var previousOperator: String?
        /// The operator still waiting for its right operand.
        var pending: CharacterWord?
        for word in words {
            if word.opens > 0 {
                needOperand = true
                previousOperator = nil
            }
            if let name = word.operatorName {
                if needOperand && !(name == "not" && previousOperator != "not") {
                    found.append(word)
                }
                needOperand = true
                previousOperator = name
                pending = word
            } else if word.isTerm {
                needOperand = false
                previousOperator = nil
                pending = nil
            }
            if word.closes > 0 {
                if let waiting = pending { found.append(waiting) }
                pending = nil
                needOperand = false
                previousOperator = nil
            }
        }
        if let waiting = pending { found.append(waiting) }
        guard !found.isEmpty else { return nil }
        let named = " " + message.uppercased() + " "
        return found.first { word in named.contains(" \(word.operatorName!.uppercased()) ") } ?? found.first
    }
}
