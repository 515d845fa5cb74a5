// Splits text into words for entity recognition, one pass over Unicode scalars, no regexes.

/// One word of a text, with what the extractor needs to know about it and its left context.
struct EntityToken: Sendable, Hashable {
    /// How a word is separated from the word before it.
    enum Gap: UInt8, Sendable, Hashable {
        /// Spaces only: the two words can belong to one name.
        case space
        /// A comma (and spaces).
        case comma
        /// An opening parenthesis: "(NIS)".
        case parenthesis
        /// Any other punctuation, a line break, or the start of the text.
        case other
    }

    /// The word as written, possessive "'s" removed, curly apostrophes made straight.
    let text: String
    let lower: String
    /// Starts with a capital, or is an Arabic name with its article: "al-Jaber", "el-Sisi".
    let isCapitalized: Bool
    let hasLowercaseInitialLetter: Bool
    /// Two or more letters, none lowercase: "NATO", "U.S.".
    let isAllCaps: Bool
    let isConnector: Bool
    /// The word ended in "'s" or "’s" ("Seoul's"): a name ends here.
    var isPossessive = false
    var gapBefore: Gap = .other
    /// First word of a sentence, a line or a quotation: its capital says nothing.
    var startsSentence = false
    var startsLine = false
    /// A ")" follows the word.
    var closesParenthesis = false
    /// A hashtag or handle ("#FedCut", "@nato"): never a name of the text.
    var isTag = false

    /// Computes the letter-case facts once: the scanner asks them many times per word.
    init(text: String) {
        self.text = text
        var letters = 0
        var anyLower = false
        var firstUpper = false, firstLower = false
        var first = true
        var ascii = true
        for byte in text.utf8 {
            guard byte < 0x80 else {
                ascii = false
                break
            }
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            if first {
                firstUpper = isUpper
                firstLower = isLower
                first = false
            }
            if isUpper || isLower { letters += 1 }
            if isLower { anyLower = true }
        }
        if ascii {
            lower = text.lowercased()
        } else {
            letters = 0
            anyLower = false
            first = true
            for scalar in text.unicodeScalars {
                let properties = scalar.properties
                let isLower = properties.isLowercase
                if first {
                    firstUpper = properties.isUppercase
                    firstLower = isLower
                    first = false
                }
                if properties.isAlphabetic { letters += 1 }
                if isLower { anyLower = true }
            }
            lower = text.lowercased()
        }
        hasLowercaseInitialLetter = firstLower
        isAllCaps = !anyLower && letters >= 2
        if firstUpper {
            isCapitalized = true
        } else if firstLower, lower.hasPrefix("al-") || lower.hasPrefix("el-") {
            isCapitalized = text.unicodeScalars.dropFirst(3).first?.properties.isUppercase ?? false
        } else {
            isCapitalized = false
        }
        isConnector = EntityLexicon.connectors.contains(lower)
    }
}

enum EntityTokenizer {
    /// The words of `text`, in order.
    static func tokenize(_ text: String) -> [EntityToken] {
        var tokens: [EntityToken] = []
        tokens.reserveCapacity(text.utf8.count / 5)
        let scalars = Array(text.unicodeScalars)
        var index = 0
        var sentenceBreak = true
        var lineBreak = true
        var sawComma = false, sawOther = false, sawParen = false, sawTag = false
        while index < scalars.count {
            let scalar = scalars[index]
            if isWordScalar(scalar) {
                var word = String.UnicodeScalarView()
                var segmentLength = 0
                var allSingleLetterSegments = true
                while index < scalars.count {
                    let s = scalars[index]
                    if isWordScalar(s) {
                        word.append(s)
                        segmentLength += 1
                        index += 1
                        continue
                    }
                    let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
                    let nextIsWord = next.map(isWordScalar) ?? false
                    if (s == "-" || s == "\u{2010}" || s == "\u{2011}") && nextIsWord {
                        word.append("-")
                    } else if s == "'" || s == "\u{2019}" {
                        if nextIsWord {
                            word.append("'")
                        } else if word.last == "s" {
                            // "Workers' Party": the plural possessive belongs to the name.
                            index += 1
                            break
                        } else {
                            break
                        }
                    } else if s == "." {
                        if !word.contains(".") && EntityLexicon.abbreviations.contains(String(word).lowercased()) {
                            // "Inc.", "Mr.": the period belongs to the word and ends no sentence.
                            index += 1
                            break
                        }
                        if segmentLength != 1 { allSingleLetterSegments = false }
                        // Initials and dotted acronyms: "N. Korea", "U.S.", "U.N.".
                        guard allSingleLetterSegments, word.first?.properties.isUppercase == true
                        else { break }
                        word.append(".")
                        segmentLength = 0
                        index += 1
                        if !nextIsWord { break }
                        continue
                    } else {
                        break
                    }
                    segmentLength = 0
                    if s != "-" && s != "\u{2010}" && s != "\u{2011}" { allSingleLetterSegments = false }
                    index += 1
                }
                var text = String(word)
                var possessive = false
                if text.hasSuffix("'s") && text.count > 2 {
                    text.removeLast(2)
                    possessive = true
                }
                var token = EntityToken(text: text)
                token.isPossessive = possessive
                token.gapBefore = lineBreak ? .other
                    : sawOther ? .other : sawParen ? .parenthesis : sawComma ? .comma : .space
                token.startsSentence = sentenceBreak
                token.startsLine = lineBreak
                token.isTag = sawTag
                tokens.append(token)
                sentenceBreak = false
                lineBreak = false
                sawComma = false; sawOther = false; sawParen = false; sawTag = false
                continue
            }
            switch scalar {
            case " ", "\t", "\u{00A0}":
                break
            case "\n", "\r", "\u{2028}", "\u{2029}":
                lineBreak = true
                sentenceBreak = true
            case ",":
                sawComma = true
            case "#", "@":
                let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
                sawTag = next.map(isWordScalar) ?? false
                sawOther = true
            case "(":
                sawParen = true
            case ")":
                if !tokens.isEmpty && !sawOther && !sawComma && !lineBreak {
                    tokens[tokens.count - 1].closesParenthesis = true
                }
                sawOther = true
            case ".", "!", "?", ":", ";":
                sentenceBreak = true
                sawOther = true
            case "\"", "\u{201C}", "\u{2018}", "\u{00AB}":
                // An opening quotation starts a sentence of its own.
                let next: Unicode.Scalar? = index + 1 < scalars.count ? scalars[index + 1] : nil
                if let next, isWordScalar(next) { sentenceBreak = true }
                sawOther = true
            default:
                sawOther = true
            }
            index += 1
        }
        return tokens
    }

    /// The words of a name, tokenized as in a text ("Korea, Republic of" -> Korea Republic of).
    static func words(of name: String) -> [EntityToken] { tokenize(name) }

    /// Letters, digits and "&" ("AT&T"; alone, a connector: "Bill & Melinda Gates Foundation").
    @inline(__always)
    static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            let v = scalar.value
            return (v >= 0x61 && v <= 0x7A) || (v >= 0x41 && v <= 0x5A) || (v >= 0x30 && v <= 0x39)
                || v == 0x26
        }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
