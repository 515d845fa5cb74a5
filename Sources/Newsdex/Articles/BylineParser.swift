// Finds the authors in a byline ("By Katy Ronkin", "By A, B and C") and splits author lists
// given as metadata ("A, B and C", "A & B").

enum BylineParser {
    /// The authors of a line that is a byline, or nil when the line is anything else (a body
    /// sentence such as "By 2030, ..." or "By contrast, ..." is not: every name must look like one).
    static func authors(in line: Substring) -> [String]? {
        byline(in: line)?.authors
    }

    /// A byline's authors and what follows them after a separator ("By Jane Doe | 2 June 2022"
    /// → ["Jane Doe"], "2 June 2022"). Job titles after the names ("Jane Doe, Health Reporter")
    /// and places ("Jane Doe in Kyiv") are dropped.
    static func byline(in line: Substring) -> (authors: [String], rest: Substring?)? {
        guard line.utf8.count <= 160 else { return nil }
        // "By", and the German "Von", French "Par", Spanish "Por" that open bylines on pages in
        // those languages; every name must still look like one ("Von den 500 Mitarbeitern" is not).
        guard let opening = Self.openings.first(where: { line.hasPrefix($0) }) else { return nil }
        var rest = line.dropFirst(opening.count)
        rest = rest.trimmedForParsing()
        var after: Substring?
        for separator in [" | ", " · ", " • ", " — ", " – ", " - "] {
            if let range = rest.range(of: separator) {
                after = rest[range.upperBound...].trimmedForParsing()
                rest = rest[..<range.lowerBound]
            }
        }
        var names: [String] = []
        for var name in splitNames(rest) {
            if let place = name.range(of: " in ") { name = String(name[..<place.lowerBound]) }
            // "By political reporter Jane Doe" (ABC): the name after the role.
            if names.isEmpty, let named = nameAfterRole(name) { name = named }
            // "Jane Doe, Health Reporter", "Jane Doe, CNN": a role or the outlet ends the names.
            if isJobTitle(name) || (!names.isEmpty && outlets.contains(name.lowercased())) {
                if names.isEmpty { return nil }
                break
            }
            guard isPersonName(name) else { return nil }
            names.append(capitalizedIfShouted(name))
        }
        return names.isEmpty ? nil : (names, after)
    }

    static let openings = [
        "By: ", "By ", "BY ", "Written by ", "Words by ", "Story by ", "Von ", "VON ", "Par ", "PAR ", "Por ",
    ]

    /// News outlets and agencies a byline names after its authors ("Jane Doe, CNN"): no author.
    static let outlets: Set<String> = [
        "cnn", "ap", "afp", "reuters", "associated press", "the associated press", "bloomberg", "bbc",
        "bbc news", "agencies", "agence france-presse", "aap", "pa", "pa media", "dpa", "xinhua",
        "fox news", "nbc news", "abc news", "cbs news", "al jazeera", "sky news", "the guardian",
        "the new york times", "the washington post", "cnbc", "npr", "politico", "axios",
    ]

    /// The name after a role that opens a byline ("political reporter Jane Doe", "Europe
    /// correspondent Jane Doe"), or nil when there is no role or no name of two words after it.
    private static func nameAfterRole(_ text: String) -> String? {
        let words = text.split(separator: " ")
        guard let role = words.lastIndex(where: { jobTitleWords.contains($0.lowercased()) }),
            words.count - role - 1 >= 2
        else { return nil }
        return words[(role + 1)...].joined(separator: " ")
    }

    /// "ZEKE MILLER" (AP prints bylines in capitals) → "Zeke Miller"; other names as written,
    /// and one word too: "By AFP" names the agency, whose letters are its name.
    private static func capitalizedIfShouted(_ name: String) -> String {
        let letters = name.filter { $0.isLetter }
        guard name.contains(" "), letters.allSatisfy({ $0.isUppercase }) else { return name }
        var result = ""
        var startsWord = true
        for character in name {
            result += startsWord ? String(character) : character.lowercased()
            startsWord = !character.isLetter
        }
        return result
    }

    /// Words of the job titles bylines carry after the name.
    static let jobTitleWords: Set<String> = [
        "reporter", "editor", "correspondent", "writer", "columnist", "contributor", "producer",
        "analyst", "staff", "chief", "senior", "deputy", "associate", "managing", "bureau", "desk",
        "journalist", "photographer", "presenter", "critic", "commentator", "team", "agencies", "agency",
    ]

    static func isJobTitle(_ text: String) -> Bool {
        text.split(separator: " ").contains { jobTitleWords.contains($0.lowercased()) }
    }

    /// "A, B and C" → ["A", "B", "C"]; also "A & B", "A, B, and C", "A; B".
    static func splitNames<S: StringProtocol>(_ text: S) -> [String] {
        var names: [String] = []
        let text = String(text)
        for part in text.split(whereSeparator: { $0 == "," || $0 == ";" }) {
            var piece = part.trimmedForParsing()
            if piece.hasPrefix("and ") { piece = piece.dropFirst(4) }
            if piece.hasPrefix("& ") { piece = piece.dropFirst(2) }
            for name in splitOnConjunction(piece) {
                let trimmed = name.trimmedForParsing()
                if !trimmed.isEmpty { names.append(String(trimmed)) }
            }
        }
        return names
    }

    private static func splitOnConjunction(_ text: Substring) -> [Substring] {
        var pieces: [Substring] = []
        var rest = text
        while let range = rest.range(of: " and ") ?? rest.range(of: " & ") {
            pieces.append(rest[..<range.lowerBound])
            rest = rest[range.upperBound...]
        }
        pieces.append(rest)
        return pieces
    }

    /// One to five words, no digits, each word capitalized ("Katy", "O'Brien", "J.") or a
    /// name particle ("de", "van", "bin"), at least one capitalized.
    static func isPersonName(_ name: String) -> Bool {
        let words = name.split(separator: " ")
        guard (1...5).contains(words.count), !name.contains(where: { $0.isNumber }) else { return false }
        var capitalized = 0
        for word in words {
            if let first = word.first, first.isUppercase {
                guard word.allSatisfy({ $0.isLetter || $0 == "'" || $0 == "’" || $0 == "-" || $0 == "." })
                else { return false }
                capitalized += 1
            } else if !nameParticles.contains(String(word)) {
                return false
            }
        }
        return capitalized > 0
    }

    private static let nameParticles: Set<String> = [
        "de", "da", "di", "del", "della", "der", "den", "van", "von", "du", "la", "le", "bin", "bint",
        "al", "el", "ibn", "y", "dos", "das", "ten", "ter",
    ]
}
