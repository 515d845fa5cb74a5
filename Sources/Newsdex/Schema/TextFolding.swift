// How text is folded before it becomes a term: the indexer folds what it writes and the query
// language folds what users type, so both must fold alike; hence here, in the schema.
import Foundation

extension Schema {
    /// Folds accents ("Zelenskyý" → "Zelenskyy"), so they do not matter to a search; ASCII text,
    /// most of any English corpus, is returned as it is at no cost. Cyrillic is left as written
    /// but for ё → е: й is a letter of its own, not и with a mark, and Snowball's Russian
    /// stemmer needs it ("новый" and "новых" share a stem, "новыи" does not).
    public static func foldDiacritics(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) { return text }
        guard text.unicodeScalars.contains(where: isCyrillic) else {
            return text.folding(options: .diacriticInsensitive, locale: nil)
        }
        var result = ""
        var other = String.UnicodeScalarView()
        var afterCyrillic = false
        for scalar in text.unicodeScalars {
            // A combining mark belongs to the letter before it (й written as и + U+0306).
            let cyrillic = isCyrillic(scalar) || (afterCyrillic && (0x300...0x36F).contains(scalar.value))
            if cyrillic {
                if !other.isEmpty {
                    result += String(other).folding(options: .diacriticInsensitive, locale: nil)
                    other.removeAll()
                }
                switch scalar {
                case "ё": result += "е"
                case "Ё": result += "Е"
                default: result.unicodeScalars.append(scalar)
                }
            } else {
                other.append(scalar)
            }
            afterCyrillic = cyrillic
        }
        if !other.isEmpty { result += String(other).folding(options: .diacriticInsensitive, locale: nil) }
        return result
    }

    private static func isCyrillic(_ scalar: Unicode.Scalar) -> Bool {
        (0x400...0x52F).contains(scalar.value)
    }

    /// Free text as its words become terms, at index time and in queries alike: accents folded
    /// and possessive endings dropped. Case is left to Xapian, which lowercases every term.
    public static func foldText(_ text: String) -> String {
        foldPossessives(foldDiacritics(text))
    }

    /// The form in which boolean values are compared: case, accents and surrounding space do not
    /// matter.
    public static func normalizedValue(_ value: String) -> String {
        var value = value
        var normalized: [UInt8] = []
        value.withUTF8 { appendNormalizedValue(utf8: UnsafeRawBufferPointer($0), to: &normalized) }
        return String(decoding: normalized, as: UTF8.self)
    }

    /// Appends the UTF-8 bytes of `normalizedValue` of a value given as its UTF-8 bytes
    /// (invalid ones read as U+FFFD).
    static func appendNormalizedValue(utf8 bytes: UnsafeRawBufferPointer, to normalized: inout [UInt8]) {
        // ASCII, most values, copied then lowercased in place: facet counting normalizes every
        // distinct value of a match set (thousands of names at 100k), and the general path goes
        // through Foundation's trimming, folding and Unicode lowercasing for each.
        let ascii = bytes.assumingMemoryBound(to: UInt8.self)
        guard let kept = normalizedASCIIRange(of: ascii) else {
            let value = String(decoding: bytes, as: UTF8.self)
            normalized.append(contentsOf: foldDiacritics(value.trimmingCharacters(in: .whitespacesAndNewlines)).lowercased().utf8)
            return
        }
        let from = normalized.count
        normalized.append(contentsOf: UnsafeBufferPointer(rebasing: ascii[kept]))
        normalized.withUnsafeMutableBufferPointer { appended in
            for i in from..<appended.count { appended[i] = lowercasedASCII(appended[i]) }
        }
    }

    /// For a value of ASCII bytes, the range `normalizedValue` keeps of it (each byte then
    /// lowercased with `lowercasedASCII`): all but the space `trimmingCharacters(in:
    /// .whitespacesAndNewlines)` trims of ASCII (space, tab to CR). Nil when a byte is not ASCII.
    @inline(__always)
    static func normalizedASCIIRange(of bytes: UnsafeBufferPointer<UInt8>) -> Range<Int>? {
        var allBits: UInt8 = 0
        for byte in bytes { allBits |= byte }
        guard allBits < 0x80 else { return nil }
        let isSpace = { (byte: UInt8) in byte == 0x20 || byte &- 0x09 < 5 }
        var (start, end) = (0, bytes.count)
        while start < end && isSpace(bytes[start]) { start += 1 }
        while end > start && isSpace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// An ASCII byte as `normalizedValue` has it: A to Z lowercased.
    @inline(__always)
    static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte &- 0x41 < 26 ? byte | 0x20 : byte
    }

    /// Eight ASCII bytes (each under 0x80) as `lowercasedASCII` has each, at once: a byte's
    /// top bit is set by adding 0x3F from A on, and by adding 0x25 from after Z on.
    @inline(__always)
    static func lowercasedASCII(word: UInt64) -> UInt64 {
        let fromA = word &+ 0x3F3F_3F3F_3F3F_3F3F
        let afterZ = word &+ 0x2525_2525_2525_2525
        return word | ((fromA & ~afterZ & 0x8080_8080_8080_8080) >> 2)
    }
}

// MARK: - Possessives

extension Schema {
    /// The characters written as an apostrophe: ASCII, U+2019 (as news sites print it), U+02BC
    /// (the modifier letter, which Xapian takes for a letter), U+201B and the fullwidth one.
    static let apostrophes: [Unicode.Scalar] = ["'", "\u{2019}", "\u{02BC}", "\u{201B}", "\u{FF07}"]

    /// Drops possessive endings, the same in every language: "Arafat's", "Arafat’s" and
    /// "ARAFAT'S" become "Arafat", "Putins'" becomes "Putins", and so do contractions with 's
    /// ("it's" → "it"). Xapian keeps "arafat's" as one word, so without this the phrase
    /// "Yasser Arafat" could not find "Yasser Arafat's"; its stemmer would drop the 's, but
    /// phrases match words as written. Apostrophes inside a word ("O'Brien", "don't") stay.
    public static func foldPossessives(_ text: String) -> String {
        rewritePossessives(text) { _ in nil }
    }

    /// Text for Xapian's snippet highlighter: the apostrophe of each possessive ending replaced
    /// by a private-use character that ends a word, so that "Arafat’s" is read as the word
    /// "Arafat", as it was indexed, and highlighted for a phrase as for a stem.
    /// `unmarkPossessives` puts the apostrophes back.
    static func markPossessives(_ text: String) -> String {
        // Text that already holds the marks is left alone: unmarking could not tell them apart.
        guard !containsPossessiveMarks(text) else { return text }
        return withMarks(text)
    }

    /// The bytes `part` of `text` (from a word's start to a word's end before a space), marked
    /// as `markPossessives(text)` marks them: marking looks no further back than the word an
    /// apostrophe ends, and no further on than the letter after it.
    static func markPossessives(_ text: String, in part: Range<Int>) -> String {
        guard part.count < text.utf8.count else { return markPossessives(text) }
        var text = text
        let slice = text.withUTF8 { String(decoding: UnsafeBufferPointer(rebasing: $0[part]), as: UTF8.self) }
        guard !containsPossessiveMarks(text) else { return slice }
        return withMarks(slice)
    }

    /// `text` with the apostrophe of each possessive ending replaced by its mark.
    private static func withMarks(_ text: String) -> String {
        rewritePossessives(text) { Array(String(possessiveMarks[$0.kind]).utf8) }
    }

    /// Puts back the apostrophes `markPossessives` replaced.
    static func unmarkPossessives(_ text: String) -> String {
        guard containsPossessiveMarks(text) else { return text }
        // Byte by byte: each mark is EE 80 80+k, which no other character's UTF-8 holds.
        let bytes = Array(text.utf8)
        var result: [UInt8] = []
        result.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            if i + 2 < bytes.count && bytes[i] == 0xEE && bytes[i + 1] == 0x80 && (0x80...0x84).contains(bytes[i + 2]) {
                result += apostropheBytes[Int(bytes[i + 2] - 0x80)]
                i += 3
            } else {
                result.append(bytes[i])
                i += 1
            }
        }
        return String(decoding: result, as: UTF8.self)
    }

    /// Whether `text` holds one of `possessiveMarks` (U+E000–U+E004, UTF-8 EE 80 80–84), read as
    /// one buffer of bytes, from one EE byte to the next: snippets check every hit's whole body.
    private static func containsPossessiveMarks(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return false }
            var i = 0
            while i + 2 < bytes.count, let found = memchr(base + i, 0xEE, bytes.count - 2 - i) {
                i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                if bytes[i + 1] == 0x80 && (0x80...0x84).contains(bytes[i + 2]) { return true }
                i += 1
            }
            return false
        }
    }

    /// One private-use character for each apostrophe, in the same order.
    private static let possessiveMarks: [Unicode.Scalar] = (0..<5).map { Unicode.Scalar(0xE000 + $0)! }

    /// The apostrophes as UTF-8, in the order of `apostrophes`.
    private static let apostropheBytes: [[UInt8]] = apostrophes.map { Array(String($0).utf8) }

    /// A possessive ending: an apostrophe after a letter or digit that ends the word, alone
    /// ("Putins'") or with an s ("Arafat's"). Offsets are in UTF-8 bytes.
    private struct PossessiveEnding {
        var apostrophe: Range<Int>
        /// Which of `apostrophes`.
        var kind: Int
        var withS: Bool
    }

    /// `text` with each possessive ending rewritten: `replacement` gives the bytes that take the
    /// apostrophe's place (the s is then kept), or nil to drop the whole ending.
    private static func rewritePossessives(
        _ text: String, _ replacement: (PossessiveEnding) -> [UInt8]?
    ) -> String {
        var contiguous = text
        return contiguous.withUTF8 { bytes in
            var result: [UInt8] = []
            var copied = 0
            var i = 0
            while i < bytes.count {
                // Most bytes begin no apostrophe: eight at a time are passed over when none of
                // them is a byte that may (read one at a time, through `apostrophe(in:at:)`, the
                // bodies of ten hits cost 0.4 M instructions of a one-shot search at 10k).
                if i + 8 <= bytes.count,
                    !mayBeginAnApostrophe(UnsafeRawPointer(bytes.baseAddress! + i).loadUnaligned(as: UInt64.self))
                {
                    i += 8
                    continue
                }
                guard let (kind, length) = apostrophe(in: bytes, at: i) else {
                    i += 1
                    continue
                }
                let after = i + length
                defer { i = after }
                guard i > 0, isWordCharacter(scalarEnding(at: i, in: bytes)) else { continue }
                let ending: PossessiveEnding
                if after < bytes.count, bytes[after] == UInt8(ascii: "s") || bytes[after] == UInt8(ascii: "S"),
                    after + 1 == bytes.count || !isWordCharacter(scalarStarting(at: after + 1, in: bytes))
                {
                    ending = PossessiveEnding(apostrophe: i..<after, kind: kind, withS: true)
                } else if after == bytes.count || !isWordCharacter(scalarStarting(at: after, in: bytes)) {
                    ending = PossessiveEnding(apostrophe: i..<after, kind: kind, withS: false)
                } else {
                    continue
                }
                if result.isEmpty { result.reserveCapacity(bytes.count) }
                result += bytes[copied..<i]
                if let bytes = replacement(ending) {
                    result += bytes
                    copied = after
                } else {
                    copied = after + (ending.withS ? 1 : 0)
                }
            }
            guard copied > 0 else { return text }
            result += bytes[copied...]
            return String(decoding: result, as: UTF8.self)
        }
    }

    /// Whether one of the eight bytes of `word` is the first byte of an apostrophe's UTF-8 (27,
    /// E2, CA or EF): for each, whether `word` XOR that byte in every lane has a zero byte.
    private static func mayBeginAnApostrophe(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        func hasByte(_ byte: UInt64) -> Bool {
            let x = word ^ (byte &* ones)
            return (x &- ones) & ~x & (ones &* 0x80) != 0
        }
        return hasByte(0x27) || hasByte(0xE2) || hasByte(0xCA) || hasByte(0xEF)
    }

    /// The apostrophe starting at byte `i`, if one does: its index in `apostrophes` and length.
    private static func apostrophe(in bytes: UnsafeBufferPointer<UInt8>, at i: Int) -> (Int, Int)? {
        let byte = bytes[i]
        if byte == 0x27 { return (0, 1) }
        guard byte == 0xE2 || byte == 0xCA || byte == 0xEF else { return nil }
        for (kind, pattern) in apostropheBytes.enumerated() where pattern.count > 1 && pattern[0] == byte {
            if i + pattern.count <= bytes.count && bytes[i..<(i + pattern.count)].elementsEqual(pattern) {
                return (kind, pattern.count)
            }
        }
        return nil
    }

    /// The scalar whose UTF-8 starts at byte `i` (of valid UTF-8, as a String's bytes are).
    private static func scalarStarting(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        let lead = bytes[i]
        if lead < 0x80 { return Unicode.Scalar(lead) }
        let length = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2
        var value = UInt32(lead) & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07)
        for j in (i + 1)..<min(i + length, bytes.count) { value = value << 6 | UInt32(bytes[j] & 0x3F) }
        return Unicode.Scalar(value) ?? "\u{FFFD}"
    }

    /// The scalar whose UTF-8 ends just before byte `i`.
    private static func scalarEnding(at i: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Unicode.Scalar {
        var start = i - 1
        while start > 0 && bytes[start] & 0xC0 == 0x80 { start -= 1 }
        return scalarStarting(at: start, in: bytes)
    }

    /// Letters, marks and digits: what Xapian takes for the inside of a word.
    private static func isWordCharacter(_ scalar: Unicode.Scalar) -> Bool {
        if scalar.isASCII {
            return ("a"..."z").contains(scalar) || ("A"..."Z").contains(scalar) || ("0"..."9").contains(scalar)
        }
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter,
            .nonspacingMark, .spacingMark, .enclosingMark, .decimalNumber, .letterNumber, .otherNumber:
            // U+02BC is a modifier letter, but here an apostrophe.
            return !apostrophes.contains(scalar)
        default:
            return false
        }
    }
}
