// A first line too long for a headline: data sets often store a whole story on one line, and
// the reader took it all for the title. It is cut at a sentence's end and the rest is body.

enum Headline {
    /// The longest a headline may be, in characters; longer titles are cut.
    static let maxLength = 200

    /// Abbreviations after which a full stop ends no sentence ("Mr. Arafat", "U.S. troops").
    private static let abbreviations: Set<String> = [
        "mr", "mrs", "ms", "dr", "prof", "st", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt",
        "maj", "cmdr", "adm", "rev", "hon", "jr", "sr", "inc", "co", "corp", "ltd", "no", "vs", "etc",
        "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "approx",
    ]

    /// `line` as a title and the rest of it as body. A line of at most `maxLength` characters is
    /// all title. A longer one is cut after its first sentence, the lead, as a headline sums up
    /// the story; when that sentence is longer than `maxLength`, the title is its words up to
    /// `maxLength` with "…", and the whole line stays body, so that no sentence is split.
    static func split(_ line: String) -> (title: String, body: String?) {
        guard line.count > maxLength else { return (line, nil) }
        let characters = Array(line)
        if let cut = (0..<maxLength).lazy.compactMap({ sentenceEnd(in: characters, at: $0) }).first,
            cut <= maxLength + 1
        {
            let title = String(characters[..<cut]).trimmingWhitespace
            let body = String(characters[cut...]).trimmingWhitespace
            return (title, body.isEmpty ? nil : body)
        }
        var words = ""
        for word in line.split(whereSeparator: \.isWhitespace) {
            if words.count + word.count + 2 > maxLength { break }
            words += (words.isEmpty ? "" : " ") + word
        }
        return ((words.isEmpty ? String(characters[..<(maxLength - 1)]) : words) + "…", line)
    }

    /// When a sentence ends at `i` (a ".", "!" or "?", and any closing quotes after it, then a
    /// space and a capital, digit or opening quote), where the next begins; else nil.
    private static func sentenceEnd(in characters: [Character], at i: Int) -> Int? {
        let mark = characters[i]
        guard mark == "." || mark == "!" || mark == "?" else { return nil }
        var end = i + 1
        while end < characters.count, "\"'”’)".contains(characters[end]) { end += 1 }
        guard end + 1 < characters.count, characters[end].isWhitespace else { return nil }
        let next = characters[end + 1]
        guard next.isUppercase || next.isNumber || "\"'“‘".contains(next) else { return nil }
        if mark == "." {
            // The word before the full stop: an abbreviation or an initial ends no sentence.
            var start = i
            while start > 0, characters[start - 1].isLetter || characters[start - 1] == "." { start -= 1 }
            let word = String(characters[start..<i])
            if word.count == 1 && word.first!.isUppercase { return nil }
            if word.contains(".") || abbreviations.contains(word.lowercased()) { return nil }
        }
        return end + 1
    }
}

extension String {
    fileprivate var trimmingWhitespace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
