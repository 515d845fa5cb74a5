// Finds candidate names in one text: runs of capitalized words, split by gazetteer names and
// titles, typed by the words around them.

struct EntityScanner {
    let gazetteer: Gazetteer
    let tokens: [EntityToken]
    /// Words the text also writes in lowercase: capitalized, they are only sentence starts.
    private let lowercaseWords: Set<String>
    /// Per token: whether its line is a title-case headline, where capitals say nothing.
    private let inHeadline: [Bool]
    private(set) var candidates: [EntityCandidate] = []
    /// Acronyms the text defines: "National Intelligence Service (NIS)".
    private(set) var definedAcronyms: [String: String] = [:]
    /// Index past the last word of the last emitted place, for lists: "Chongjin, Hamhung, and X".
    private var lastPlaceEnd = -10

    init(text: String, gazetteer: Gazetteer) {
        self.gazetteer = gazetteer
        let tokens = EntityTokenizer.tokenize(text)
        self.tokens = tokens
        var lowercaseWords: Set<String> = []
        for token in tokens where token.hasLowercaseInitialLetter && !token.isCapitalized {
            lowercaseWords.insert(token.lower)
        }
        self.lowercaseWords = lowercaseWords
        self.inHeadline = Self.headlineFlags(tokens, lowercaseWords: lowercaseWords)
    }

    /// Short words title case leaves in lowercase ("Troops Deployed in Russia").
    private static let minorWords: Set<String> = [
        "a", "an", "in", "at", "to", "by", "with", "as", "is", "are", "from", "or",
    ]

    /// A line is a headline when it capitalizes common words ("Satellite Images Show Deployment
    /// of North Korean Special Forces in Russia") and leaves few in lowercase.
    private static func headlineFlags(_ tokens: [EntityToken], lowercaseWords: Set<String>) -> [Bool] {
        var flags = [Bool](repeating: false, count: tokens.count)
        var start = 0
        while start < tokens.count {
            var end = start + 1
            while end < tokens.count && !tokens[end].startsLine { end += 1 }
            var capitalizedCommon = 0, lowercase = 0
            for token in tokens[start..<end] where !token.isConnector && !Self.minorWords.contains(token.lower) {
                if token.hasLowercaseInitialLetter && !token.isCapitalized {
                    lowercase += 1
                } else if token.isCapitalized && !token.startsSentence && !EntityLexicon.titles.contains(token.lower)
                    && (EntityLexicon.common.contains(token.lower) || lowercaseWords.contains(token.lower))
                {
                    capitalizedCommon += 1
                }
            }
            // Title case leaves almost nothing in lowercase; a sentence dense with titles and
            // offices ("Minister of Foreign Affairs Wang Yi met ...") still has its verbs.
            if capitalizedCommon >= 2 && lowercase * 6 <= capitalizedCommon {
                for index in start..<end { flags[index] = true }
            }
            start = end
        }
        return flags
    }

    mutating func scan() {
        var index = 0
        while index < tokens.count {
            guard tokens[index].isCapitalized, !tokens[index].isTag else {
                index += 1
                continue
            }
            let end = runEnd(from: index)
            scanRun(index...end)
            index = end + 1
        }
    }

    /// The last word of the run of capitalized words starting at `start`.
    private func runEnd(from start: Int) -> Int {
        var last = start
        var next = start + 1
        while next < tokens.count, !tokens[last].isPossessive {
            let token = tokens[next]
            guard token.gapBefore == .space else { break }
            if token.isCapitalized {
                last = next
                next += 1
                continue
            }
            // A lowercase connector continues the name only before another capitalized word, and
            // only where a name can have one: "Institute for", "Republic of the", "bin".
            guard token.isConnector, connectorAllowed(after: last, connector: next) else { break }
            var probe = next + 1
            if probe < tokens.count, tokens[probe].lower == "the", tokens[probe].gapBefore == .space {
                probe += 1
            }
            guard probe < tokens.count, tokens[probe].isCapitalized, tokens[probe].gapBefore == .space
            else { break }
            last = probe
            next = probe + 1
        }
        return last
    }

    private func connectorAllowed(after last: Int, connector: Int) -> Bool {
        let word = tokens[connector].lower
        let previous = tokens[last].lower
        return word == "&" || EntityLexicon.nameParticles.contains(word)
            || (word != "and" && EntityLexicon.headsBeforeConnector.contains(previous))
            || gazetteer.connectorPrefixes.contains(previous + " " + word)
    }

    private func isCommon(_ token: EntityToken) -> Bool {
        EntityLexicon.common.contains(token.lower) || EntityLexicon.never.contains(token.lower)
            || lowercaseWords.contains(token.lower)
    }

    /// The longest gazetteer name starting at `start` and ending by `last`.
    private func gazetteerMatch(at start: Int, through last: Int) -> (end: Int, entry: GazetteerEntry)? {
        gazetteer.longestEntry(startingWith: tokens[start...last])
    }

    private func surface(_ range: ClosedRange<Int>) -> String {
        var text = ""
        for index in range {
            if !text.isEmpty { text += " " }
            text += tokens[index].text
        }
        return text
    }

    private mutating func emit(
        _ range: ClosedRange<Int>, type: EntityType?, canonical: String? = nil,
        evidence: EntityCandidate.Evidence
    ) {
        if inHeadline[range.lowerBound] && evidence == .context { 
            // Capitals in a headline prove nothing: keep the name only if the text confirms it.
            emit(range, type: type, canonical: canonical, evidence: .unconfirmed)
            return
        }
        candidates.append(EntityCandidate(
            surface: surface(range), type: type, canonical: canonical, evidence: evidence,
            wordCount: range.count, position: range.lowerBound))
        if type == .place { lastPlaceEnd = range.upperBound + 1 }
        // "Long Form (LF)": the acronym in parentheses names the same organization.
        let after = range.upperBound + 1
        if type == .organization, after < tokens.count, tokens[after].gapBefore == .parenthesis,
            tokens[after].isAllCaps, tokens[after].closesParenthesis
        {
            definedAcronyms[tokens[after].text] = canonical ?? surface(range)
        }
    }

    /// An organization named by its head word; "Apple Inc" is Apple.
    private mutating func emitOrganization(_ range: ClosedRange<Int>) {
        var canonical: String?
        if range.count >= 2 && EntityLexicon.corporateSuffixes.contains(tokens[range.upperBound].lower) {
            let name = range.lowerBound...(range.upperBound - 1)
            canonical = gazetteer.entry(for: tokens[name])?.name ?? surface(name)
        }
        emit(range, type: .organization, canonical: canonical, evidence: .context)
    }

    private mutating func emitGazetteer(_ range: ClosedRange<Int>, _ entry: GazetteerEntry) {
        emit(range, type: entry.type, canonical: entry.name, evidence: .gazetteer)
    }

    private mutating func scanRun(_ run: ClosedRange<Int>) {
        var start = run.lowerBound
        let last = run.upperBound
        // A capitalized common word opening a sentence or a headline word is just a word.
        var skippedBy = false
        while start <= last {
            let token = tokens[start]
            let skippable = (token.startsSentence || inHeadline[start]) && isCommon(token)
            guard EntityLexicon.never.contains(token.lower) || token.isConnector || skippable,
                gazetteerMatch(at: start, through: last) == nil
            else { break }
            if token.lower == "by" && token.startsLine { skippedBy = true }
            start += 1
        }
        guard start <= last else { return }
        // "Secretary of State Antony Blinken", "Minister of Foreign Affairs Wang Yi": the office
        // ends at its last common word; a name after it is the office holder.
        var officeHolder = false
        if start >= 2, tokens[start].gapBefore == .space, tokens[start - 1].lower == "of",
            tokens[start - 2].isCapitalized, EntityLexicon.titles.contains(tokens[start - 2].lower)
        {
            var holder = start
            while holder < last && isCommon(tokens[holder]) { holder += 1 }
            if holder > start {
                start = holder
                officeHolder = true
            }
        }
        let whole = start...last

        if let entry = gazetteer.entry(for: tokens[whole]) {
            emitGazetteer(whole, entry)
            return
        }
        let lastWord = tokens[last].lower
        if whole.count >= 2 && (EntityLexicon.eventHeads.contains(lastWord)
            || whole.contains { tokens[$0].lower == "war" })
        {
            return  // "Yom Kippur War", "World War II": events are not a facet
        }
        if whole.count >= 2 && EntityLexicon.organizationHeads.contains(lastWord) && !tokens[last].isAllCaps {
            emitOrganization(whole)
            return
        }
        if whole.count >= 2 && (EntityLexicon.placeHeads.contains(lastWord)
            || ["mount", "mt", "lake", "port", "fort", "cape"].contains(tokens[start].lower))
        {
            emit(whole, type: .place, evidence: .context)
            return
        }
        if whole.count >= 3 {
            for index in whole.dropLast() where tokens[index + 1].isConnector
                && EntityLexicon.headsBeforeConnector.contains(tokens[index].lower)
            {
                let placeHeads: Set<String> = [
                    "republic", "kingdom", "state", "states", "sea", "gulf", "strait", "bay", "isle",
                    "island", "islands",
                ]
                let type: EntityType = placeHeads.contains(tokens[index].lower) ? .place : .organization
                emit(whole, type: type, evidence: .context)
                return
            }
        }
        // Cues before the name look past skipped words: "In Tel Aviv", "By Katy Ronkin".
        segment(whole, runStart: start, afterBy: skippedBy || officeHolder)
    }

    /// Splits a run into gazetteer names, titles and unknown names ("Russian | President |
    /// Vladimir Putin") and types each unknown name by its context.
    private mutating func segment(_ run: ClosedRange<Int>, runStart: Int, afterBy: Bool) {
        var personCue = afterBy || hasPersonCueBefore(runStart)
        var chunkStart: Int?
        var chunkCue = false
        var position = run.lowerBound
        while position <= run.upperBound {
            let token = tokens[position]
            if let match = gazetteerMatch(at: position, through: run.upperBound) {
                if let begin = chunkStart {
                    chunk(begin...(position - 1), runStart: runStart, personCue: chunkCue, atRunEnd: false)
                    chunkStart = nil
                }
                emitGazetteer(position...match.end, match.entry)
                position = match.end + 1
                personCue = false
                continue
            }
            if EntityLexicon.titles.contains(token.lower.trimmingSuffix(".")) && !token.isAllCaps
                || EntityLexicon.never.contains(token.lower)
            {
                // Words before a title modify it ("Foreign Affairs Minister"): not a name.
                chunkStart = nil
                personCue = EntityLexicon.titles.contains(token.lower.trimmingSuffix("."))
                position += 1
                continue
            }
            if chunkStart == nil {
                chunkStart = position
                chunkCue = personCue
                personCue = false
            }
            position += 1
        }
        if let begin = chunkStart {
            chunk(begin...run.upperBound, runStart: runStart, personCue: chunkCue, atRunEnd: true)
        }
    }

    /// "Kremlin spokesman X", "said X", "By X" at the start of a line.
    private func hasPersonCueBefore(_ start: Int) -> Bool {
        guard start > 0, tokens[start].gapBefore == .space else { return false }
        let previous = tokens[start - 1]
        return EntityLexicon.roles.contains(previous.lower) || EntityLexicon.speech.contains(previous.lower)
    }

    /// "X said", "X, a professor", "X, who".
    private func hasPersonCueAfter(_ end: Int) -> Bool {
        let next = end + 1
        guard next < tokens.count else { return false }
        if tokens[next].gapBefore == .space {
            return EntityLexicon.speech.contains(tokens[next].lower)
        }
        guard tokens[next].gapBefore == .comma else { return false }
        if tokens[next].lower == "who" { return true }
        guard ["a", "an", "the"].contains(tokens[next].lower) else { return false }
        for index in (next + 1)..<min(next + 4, tokens.count) where tokens[index].gapBefore == .space {
            if EntityLexicon.roles.contains(tokens[index].lower) { return true }
        }
        return false
    }

    private func hasPlaceCue(_ range: ClosedRange<Int>, runStart: Int, atRunEnd: Bool) -> Bool {
        let start = range.lowerBound
        if start == runStart && start > 0 {
            let previous = tokens[start - 1]
            if tokens[start].gapBefore == .space && EntityLexicon.placePrepositions.contains(previous.lower)
                && !(previous.lower == "to" && start >= 2 && ["according", "due", "thanks"].contains(tokens[start - 2].lower))
            {
                return true
            }
            // "the village of Novoselivka", "the city of Kharkiv".
            if previous.lower == "of" && start >= 2 && tokens[start - 1].gapBefore == .space
                && EntityLexicon.placeNounsAfter.contains(tokens[start - 2].lower)
            {
                return true
            }
            // Lists of places: "Chongjin, Hamhung, and Musudan".
            if tokens[start].gapBefore == .comma && lastPlaceEnd == start { return true }
            if previous.lower == "and" && tokens[start].gapBefore == .space && lastPlaceEnd == start - 1 {
                return true
            }
        }
        // "Musudan, North Korea".
        let next = range.upperBound + 1
        if atRunEnd, next < tokens.count, tokens[next].gapBefore == .comma,
            let match = gazetteerMatch(at: next, through: min(tokens.count - 1, next + gazetteer.maxWords)),
            match.entry.kind == .country || match.entry.kind == .region
        {
            return true
        }
        return false
    }

    /// A capital after a lowercase letter, or capitals then lowercase ("PayPal", "JPMorgan"), but
    /// not a surname prefix ("McDonald", "DeSantis", "MacArthur").
    static func isCamelCase(_ word: String) -> Bool {
        for prefix in ["Mc", "Mac", "De", "Di", "Da", "Le", "La", "Du", "Van", "Von", "Fitz", "St"]
        where word.hasPrefix(prefix) {
            return false
        }
        var sawLower = false
        var leadingCapitals = 0
        for scalar in word.unicodeScalars {
            if scalar.properties.isUppercase {
                if sawLower { return true }
                leadingCapitals += 1
            } else if scalar.properties.isLowercase {
                if leadingCapitals >= 2 { return true }
                sawLower = true
            } else {
                return false  // hyphens, apostrophes, digits: "Lim Eul-chul", "O'Brien"
            }
        }
        return false
    }

    private mutating func chunk(_ range: ClosedRange<Int>, runStart: Int, personCue: Bool, atRunEnd: Bool) {
        let first = tokens[range.lowerBound]
        if range.count == 1 && first.isAllCaps {
            // Capitals not in the gazetteer are an organization when they speak ("KIDA said") or
            // employ ("UNRWA chief"); otherwise only if the text spells them out.
            let next = range.upperBound + 1
            let employs = atRunEnd && next < tokens.count && tokens[next].gapBefore == .space
                && EntityLexicon.organizationNounsAfter.contains(tokens[next].lower)
            let spoke = atRunEnd && hasPersonCueAfter(range.upperBound)
            emit(range, type: .organization, evidence: spoke || employs ? .context : .acronym)
            return
        }
        if range.count == 1 && isCommon(first) {
            // "World leaders", "Experts said": a common word, unless the text names it elsewhere.
            emit(range, type: nil, evidence: .unconfirmed)
            return
        }
        let lastWord = tokens[range.upperBound].lower
        if range.count >= 2 && EntityLexicon.organizationHeads.contains(lastWord) {
            emitOrganization(range)  // "Imperial College" (London)
            return
        }
        if range.count >= 2 && EntityLexicon.placeHeads.contains(lastWord) {
            emit(range, type: .place, evidence: .context)
            return
        }
        if range.contains(where: { Self.isCamelCase(tokens[$0].text) }) {
            // "JPMorgan Chase", "PayPal": brand capitals inside a word.
            emit(range, type: .organization, evidence: .context)
            return
        }
        if personCue || (range.lowerBound == runStart && hasPersonCueBefore(runStart))
            || (atRunEnd && hasPersonCueAfter(range.upperBound))
        {
            emit(range, type: .person, evidence: .context)
            return
        }
        let next = range.upperBound + 1
        if atRunEnd, next < tokens.count, tokens[next].gapBefore == .space, tokens[next].hasLowercaseInitialLetter {
            if EntityLexicon.organizationNounsAfter.contains(tokens[next].lower) {
                emit(range, type: .organization, evidence: .context)
                return
            }
            if EntityLexicon.placeNounsAfter.contains(tokens[next].lower) {
                emit(range, type: .place, evidence: .context)
                return
            }
        }
        if range.lowerBound == runStart && runStart >= 2 && tokens[runStart].gapBefore == .space
            && ["at", "of", "with", "for"].contains(tokens[runStart - 1].lower)
            && EntityLexicon.roles.contains(tokens[runStart - 2].lower)
            && tokens[runStart - 2].hasLowercaseInitialLetter
        {
            // "senior economist at Wells Fargo", "a professor at Yonsei University".
            emit(range, type: .organization, evidence: .context)
            return
        }
        if hasPlaceCue(range, runStart: runStart, atRunEnd: atRunEnd) {
            emit(range, type: .place, evidence: .context)
            return
        }
        if range.count == 1 && first.text.contains("-") {
            // "Russian-made", "US-led": the country in a compound.
            var emitted = false
            for part in first.text.split(separator: "-") {
                if let entry = gazetteer.lookup(String(part)) {
                    candidates.append(EntityCandidate(
                        surface: String(part), type: entry.type, canonical: entry.name,
                        evidence: .gazetteer, wordCount: 1, position: range.lowerBound))
                    emitted = true
                }
            }
            if emitted { return }
        }
        if range.count >= 2 && range.count <= 4 && !range.contains(where: { isCommon(tokens[$0]) }) {
            // Two to four unknown capitalized words with no other cue: most often a person.
            emit(range, type: .person, evidence: .context)
            return
        }
        if range.allSatisfy({ !isCommon(tokens[$0]) }) {
            emit(range, type: nil, evidence: .unconfirmed)
        }
    }
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
