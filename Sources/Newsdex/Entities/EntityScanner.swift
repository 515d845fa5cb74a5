// Finds candidate names in one text: runs of capitalized words, split at gazetteer names and
// titles, each typed by the first rule that holds, in the order EntityRule lists them. The word
// lists behind every cue are in EntityLexicon.

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

    /// What a rule decided about a phrase: its type (nil: a name only if confirmed elsewhere),
    /// the cue as written, and how sure it is.
    private struct Decision {
        var rule: EntityRule
        var type: EntityType?
        var cue: String
        var evidence: EntityCandidate.Evidence = .context
    }

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

    /// A line is a headline when it capitalizes common words ("Satellite Images Show Deployment
    /// of North Korean Special Forces in Russia") and leaves few in lowercase.
    private static func headlineFlags(_ tokens: [EntityToken], lowercaseWords: Set<String>) -> [Bool] {
        var flags = [Bool](repeating: false, count: tokens.count)
        var start = 0
        while start < tokens.count {
            var end = start + 1
            while end < tokens.count && !tokens[end].startsLine { end += 1 }
            // A headline is short; a long paragraph dense with offices ("Dr X as Minister of
            // Industry, Trade and Investment; Y as Minister of ...") is prose.
            if end - start > EntityLexicon.headlineMaxWords {
                start = end
                continue
            }
            var capitalizedCommon = 0, lowercase = 0
            for token in tokens[start..<end]
            where !token.isConnector && !EntityLexicon.headlineMinorWords.contains(token.lower) {
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
            let token = tokens[index]
            let particleLed = opensParticleName(at: index)
            guard (token.isCapitalized && !token.isTag) || particleLed else {
                index += 1
                continue
            }
            let end = runEnd(from: index)
            scanRun(index...end, particleLed: particleLed)
            index = end + 1
        }
    }

    /// "bin Laden", "von der Leyen": a lowercase particle, not inside a run, before a capital.
    private func opensParticleName(at index: Int) -> Bool {
        // Cheap tests first: this runs on every word of every article.
        guard tokens[index].isConnector, index + 1 < tokens.count, !tokens[index].isCapitalized,
            EntityLexicon.leadingNameParticles.contains(tokens[index].lower)
        else { return false }
        var next = index + 1
        while next < tokens.count, tokens[next].gapBefore == .space,
            EntityLexicon.leadingNameParticles.contains(tokens[next].lower)
        {
            next += 1
        }
        return next < tokens.count && tokens[next].gapBefore == .space && tokens[next].isCapitalized
            && !tokens[next].isAllCaps
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
            guard token.isConnector, connectorAllowed(runStart: start, after: last, connector: next) else { break }
            var probe = next + 1
            while probe < tokens.count, tokens[probe].gapBefore == .space,
                tokens[probe].lower == "the" || EntityLexicon.nameParticles.contains(tokens[probe].lower)
            {
                probe += 1
            }
            // "the West Bank on Monday": a connector never joins a day or a month to a name.
            guard probe < tokens.count, tokens[probe].isCapitalized, tokens[probe].gapBefore == .space,
                !EntityLexicon.never.contains(tokens[probe].lower)
            else { break }
            last = probe
            next = probe + 1
        }
        return last
    }

    private func connectorAllowed(runStart: Int, after last: Int, connector: Int) -> Bool {
        let word = tokens[connector].lower
        let previous = tokens[last].lower
        if word == "&" || EntityLexicon.nameParticles.contains(word) { return true }
        if word == "and" { return gazetteer.connectorPrefixes.contains(previous + " " + word) }
        if EntityLexicon.headsBeforeConnector.contains(previous) { return true }
        // "People for the Ethical Treatment of Animals": once opened by "X for", the name goes on.
        let opener = tokens[runStart].lower
        if EntityLexicon.headsBeforeFor.contains(opener) {
            if last == runStart { return word == "for" }
            return tokens[runStart + 1].lower == "for"
        }
        return gazetteer.connectorPrefixes.contains(previous + " " + word)
    }

    private func isCommon(_ token: EntityToken) -> Bool {
        EntityLexicon.common.contains(token.lower) || EntityLexicon.never.contains(token.lower)
            || lowercaseWords.contains(token.lower)
    }

    /// A title that goes before a person's name and never opens another name: "Mr", "Senator".
    private func isPersonalTitle(_ token: EntityToken) -> Bool {
        let word = token.lower.trimmingSuffix(".")
        return !token.isAllCaps && EntityLexicon.titles.contains(word)
            && !EntityLexicon.titlesOpeningNames.contains(word)
    }

    private func isGivenName(_ token: EntityToken) -> Bool {
        EntityLexicon.givenNames.contains(token.lower) && !lowercaseWords.contains(token.lower)
    }

    /// Whether `range` is a newspaper's name: a place or a people, then words ending with a
    /// newspaper's last word ("Sydney Morning Herald", "Irish Independent").
    private func isNewspaper(_ range: ClosedRange<Int>) -> Bool {
        guard range.count >= 2, EntityLexicon.newspaperHeads.contains(tokens[range.upperBound].lower),
            let opening = gazetteerMatch(at: range.lowerBound, through: range.upperBound - 1)
        else { return false }
        return [.country, .region, .city, .demonym].contains(opening.entry.kind)
    }

    /// Whether `range` is a team's name: a place, then capitalized words ending with a plural
    /// ("Brisbane Broncos", "New York Yankees", "Chennai Super Kings") that is no place's
    /// ("Florida Keys", "Blue Mountains"), no surname ("Sydney Thomas" is a person) and no
    /// other place ("Caribbean West Indies" is two).
    private func isTeam(_ range: ClosedRange<Int>) -> Bool {
        let last = tokens[range.upperBound]
        guard range.count >= 2, last.lower.count > 3, last.lower.hasSuffix("s"), !last.lower.hasSuffix("ss"),
            last.isCapitalized, !last.isAllCaps, !last.isPossessive,
            !EntityLexicon.placeHeads.contains(last.lower), !isSurname(last),
            let opening = gazetteerMatch(at: range.lowerBound, through: range.upperBound - 1),
            [.country, .region, .city].contains(opening.entry.kind),
            gazetteerMatch(at: opening.end + 1, through: range.upperBound) == nil
        else { return false }
        return ((opening.end + 1)...range.upperBound).allSatisfy { tokens[$0].isCapitalized && !tokens[$0].isConnector }
    }

    private func isSurname(_ token: EntityToken) -> Bool {
        EntityLexicon.surnames.contains(token.lower) && !lowercaseWords.contains(token.lower)
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

    private mutating func emit(_ range: ClosedRange<Int>, _ decision: Decision, canonical: String? = nil) {
        var decision = decision
        if inHeadline[range.lowerBound] && decision.evidence == .context {
            // Capitals in a headline prove nothing: keep the name only if the text confirms it.
            decision.evidence = .unconfirmed
        }
        candidates.append(EntityCandidate(
            surface: surface(range), type: decision.type, canonical: canonical, evidence: decision.evidence,
            rule: decision.rule, cue: decision.cue, wordCount: range.count, position: range.lowerBound))
        if decision.type == .place { lastPlaceEnd = range.upperBound + 1 }
        // "Long Form (LF)": the acronym in parentheses names the same organization.
        let after = range.upperBound + 1
        if decision.type == .organization, after < tokens.count, tokens[after].gapBefore == .parenthesis,
            tokens[after].isAllCaps, tokens[after].closesParenthesis
        {
            definedAcronyms[tokens[after].text] = canonical ?? surface(range)
        }
    }

    /// An organization named by its head word; "Apple Inc" is Apple.
    private mutating func emitOrganization(_ range: ClosedRange<Int>, _ decision: Decision) {
        var canonical: String?
        if range.count >= 2 && EntityLexicon.corporateSuffixes.contains(tokens[range.upperBound].lower) {
            let name = range.lowerBound...(range.upperBound - 1)
            canonical = gazetteer.entry(for: tokens[name])?.name ?? surface(name)
        }
        emit(range, decision, canonical: canonical)
    }

    private mutating func emitGazetteer(_ range: ClosedRange<Int>, _ entry: GazetteerEntry) {
        let rule: EntityRule = entry.kind == .demonym ? .nationality : .gazetteer
        candidates.append(EntityCandidate(
            surface: surface(range), type: entry.type, canonical: entry.name, evidence: .gazetteer,
            rule: rule, cue: entry.name, wordCount: range.count, position: range.lowerBound))
        if entry.type == .place { lastPlaceEnd = range.upperBound + 1 }
    }

    // MARK: Run rules

    private mutating func scanRun(_ run: ClosedRange<Int>, particleLed: Bool) {
        var start = run.lowerBound
        let last = run.upperBound
        // A capitalized common word opening a sentence or a headline word is just a word.
        var skippedBy = false
        // "the Northern Alliance", "Western Australia Police": a compass word opening a name
        // that ends with an organization or place word is part of it.
        let headed = last > start && (EntityLexicon.organizationHeads.contains(tokens[last].lower)
            || EntityLexicon.placeHeads.contains(tokens[last].lower))
        while start <= last && !(particleLed && start == run.lowerBound) {
            let token = tokens[start]
            if headed && start < last && EntityLexicon.compassWords.contains(token.lower) { break }
            // "People for the Ethical Treatment of Animals" opening a sentence is still a name.
            let opensName = start < last && tokens[start + 1].isConnector
                && (EntityLexicon.headsBeforeFor.contains(token.lower) || EntityLexicon.headsBeforeConnector.contains(token.lower))
            let skippable = (token.startsSentence || inHeadline[start]) && isCommon(token) && !opensName
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
            while holder <= last && (isCommon(tokens[holder]) || tokens[holder].isConnector) { holder += 1 }
            // "Minister of Labour": the office alone, no name ("Labour" is no party here).
            if holder > last { return }
            if holder > start {
                // "Minister of Labour & Employment": one last word that opens no name is still
                // the office; the holder has a name of two words or a given name.
                guard holder < last || isGivenName(tokens[holder]) else { return }
                start = holder
                officeHolder = true
            }
        }
        let whole = start...last
        // "America's Cup", "Melbourne's Boxing Day Test": a name owning an event names none.
        if tokens[last].isPossessive, last + 1 < tokens.count, tokens[last + 1].isCapitalized {
            let eventEnd = runEnd(from: last + 1)
            if EntityLexicon.eventHeads.contains(tokens[eventEnd].lower) { return }
        }

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
        // "Senator Hill", "Defence Minister Robert Hill": a title inside the run makes the words
        // after it a person, whatever their last word.
        let titled = whole.dropLast().contains { isPersonalTitle(tokens[$0]) }
        if !titled, let decision = runRule(whole) {
            if decision.type == .organization { emitOrganization(whole, decision) } else { emit(whole, decision) }
            return
        }
        // Cues before the name look past skipped words: "In Tel Aviv", "By Katy Ronkin".
        segment(whole, runStart: start, afterBy: skippedBy || officeHolder)
    }

    /// The first of the run rules (organizationHead, placeHead, headBeforeConnector) that holds.
    private func runRule(_ whole: ClosedRange<Int>) -> Decision? {
        let first = tokens[whole.lowerBound], last = tokens[whole.upperBound]
        if whole.count >= 2 && (EntityLexicon.organizationHeads.contains(last.lower) || isNewspaper(whole))
            && !last.isAllCaps
        {
            return Decision(rule: .organizationHead, type: .organization, cue: last.text)
        }
        if isTeam(whole) {
            return Decision(rule: .organizationHead, type: .organization, cue: last.text)
        }
        if whole.count >= 2 && EntityLexicon.organizationOpeners.contains(first.lower)
            && !whole.dropFirst().contains(where: { isPersonalTitle(tokens[$0]) })
        {
            return Decision(rule: .organizationHead, type: .organization, cue: first.text)
        }
        let personLike = whole.count <= 3 && isGivenName(first)
            && !EntityLexicon.unambiguousPlaceHeads.contains(last.lower)
        if whole.count >= 2 && !personLike && EntityLexicon.placeHeads.contains(last.lower) {
            return Decision(rule: .placeHead, type: .place, cue: last.text)
        }
        if whole.count >= 2 && EntityLexicon.placeOpeners.contains(first.lower) {
            return Decision(rule: .placeHead, type: .place, cue: first.text)
        }
        if whole.count >= 3 {
            for index in whole.dropLast() where tokens[index + 1].isConnector {
                let word = tokens[index].lower
                let opens = EntityLexicon.headsBeforeConnector.contains(word)
                    || (EntityLexicon.headsBeforeFor.contains(word) && tokens[index + 1].lower == "for")
                guard opens else { continue }
                let type: EntityType = EntityLexicon.placeHeadsBeforeConnector.contains(word) ? .place : .organization
                return Decision(rule: .headBeforeConnector, type: type, cue: tokens[index].text)
            }
        }
        return nil
    }

    /// Splits a run into gazetteer names, titles and unknown names ("Russian | President |
    /// Vladimir Putin") and types each unknown name by its context.
    private mutating func segment(_ run: ClosedRange<Int>, runStart: Int, afterBy: Bool) {
        var personCue: String? = afterBy ? "By" : nil
        var chunkStart: Int?
        var chunkCue: String?
        var position = run.lowerBound
        while position <= run.upperBound {
            let token = tokens[position]
            if let match = gazetteerMatch(at: position, through: run.upperBound),
                !surnameLikePlace(match, at: position, chunkStart: chunkStart),
                !givenNameLikePlace(match, at: position, run: run)
            {
                if let begin = chunkStart {
                    chunk(begin...(position - 1), runStart: runStart, titleCue: chunkCue, atRunEnd: false)
                    chunkStart = nil
                }
                emitGazetteer(position...match.end, match.entry)
                position = match.end + 1
                personCue = nil
                continue
            }
            let isTitle = EntityLexicon.titles.contains(token.lower.trimmingSuffix(".")) && !token.isAllCaps
            if isTitle || EntityLexicon.never.contains(token.lower) {
                // Words before a title modify it ("Foreign Affairs Minister"): not a name.
                chunkStart = nil
                // "the King's Speech": a title owning a noun names no person after it.
                personCue = isTitle && !token.isPossessive ? token.text : nil
                position += 1
                continue
            }
            if chunkStart == nil {
                chunkStart = position
                chunkCue = personCue
                personCue = nil
            }
            position += 1
        }
        if let begin = chunkStart {
            chunk(begin...run.upperBound, runStart: runStart, titleCue: chunkCue, atRunEnd: true)
        }
    }

    /// "Jordan Williams", "Paris Hilton": a one-word place that is also a given name, then one
    /// last word of the run that is no place, title or common word, name a person, not the
    /// place; the two are typed as any unknown name is, by their cues.
    private func givenNameLikePlace(_ match: (end: Int, entry: GazetteerEntry), at position: Int, run: ClosedRange<Int>) -> Bool {
        guard match.end == position, position + 1 == run.upperBound,
            [.city, .region, .country].contains(match.entry.kind), !tokens[position].isAllCaps,
            EntityLexicon.placesThatAreGivenNames.contains(tokens[position].lower)
        else { return false }
        let next = tokens[position + 1]
        return next.gapBefore == .space && next.isCapitalized && !next.isAllCaps
            && gazetteerMatch(at: position + 1, through: run.upperBound) == nil
            && !EntityLexicon.titles.contains(next.lower.trimmingSuffix(".")) && !isCommon(next)
    }

    /// "Natsuo Yamaguchi", "Jack London": a one-word city or region right after a given name
    /// is that person's surname, not a place.
    private func surnameLikePlace(_ match: (end: Int, entry: GazetteerEntry), at position: Int, chunkStart: Int?) -> Bool {
        guard match.end == position, let begin = chunkStart, position - begin <= 2,
            match.entry.kind == .city || match.entry.kind == .region, !tokens[position].isAllCaps
        else { return false }
        return isGivenName(tokens[begin])
    }

    // MARK: Chunk rules

    private mutating func chunk(_ range: ClosedRange<Int>, runStart: Int, titleCue: String?, atRunEnd: Bool) {
        if range.count == 1 && tokens[range.lowerBound].text.contains("-"), !tokens[range.lowerBound].isAllCaps {
            let next = range.upperBound + 1
            if next < tokens.count, tokens[next].gapBefore == .space, EntityLexicon.eventNounsAfter.contains(tokens[next].lower) {
                return  // "the Sydney-Hobart race": an event
            }
            if emitCompound(range.lowerBound) { return }
        }
        guard let decision = chunkRule(range, runStart: runStart, titleCue: titleCue, atRunEnd: atRunEnd) else {
            return
        }
        if decision.type == .organization { emitOrganization(range, decision) } else { emit(range, decision) }
    }

    /// "US-led", "Russian-made": the countries inside one hyphenated word (compound rule).
    private mutating func emitCompound(_ index: Int) -> Bool {
        var emitted = false
        for part in tokens[index].text.split(separator: "-") {
            guard let entry = gazetteer.lookup(String(part)), entry.type == .place else { continue }
            candidates.append(EntityCandidate(
                surface: String(part), type: entry.type, canonical: entry.name, evidence: .gazetteer,
                rule: entry.kind == .demonym ? .nationality : .compound, cue: tokens[index].text,
                wordCount: 1, position: index))
            emitted = true
        }
        return emitted
    }

    /// The first chunk rule that holds for `range`, in EntityRule's order; nil: no entity.
    private func chunkRule(_ range: ClosedRange<Int>, runStart: Int, titleCue: String?, atRunEnd: Bool) -> Decision? {
        let first = tokens[range.lowerBound]
        let next = range.upperBound + 1
        let nextWord: EntityToken? = next < tokens.count && tokens[next].gapBefore == .space ? tokens[next] : nil
        if range.count == 1 && first.isAllCaps {
            return acronymRule(range, runStart: runStart, atRunEnd: atRunEnd)
        }
        if range.count == 1 && (Self.isPluralAcronym(first.text) || first.text.utf8.contains(where: { $0 >= 0x30 && $0 <= 0x39 })) {
            return nil  // "MPs", "NGOs", "SUVs": common nouns; "Q3", "F-16": no names
        }
        if range.count == 1 && first.startsSentence && first.lower.hasSuffix("ly") && !isGivenName(first)
            && next < tokens.count && tokens[next].gapBefore == .comma
        {
            return nil  // "Separately, the director said": an adverb opening a sentence
        }
        if range.count == 1 && (isCommon(first) || EntityLexicon.organizationHeads.contains(first.lower)
            || EntityLexicon.placeHeads.contains(first.lower))
        {
            // "World leaders", "Experts said": a common word, unless the text names it elsewhere.
            return Decision(rule: .confirmed, type: nil, cue: "", evidence: .unconfirmed)
        }
        let last = tokens[range.upperBound]
        if range.count >= 2 && (EntityLexicon.organizationHeads.contains(last.lower) || isNewspaper(range)) {
            return Decision(rule: .organizationHead, type: .organization, cue: last.text)  // "Imperial College"
        }
        if range.count >= 2 && titleCue == nil && EntityLexicon.placeHeads.contains(last.lower)
            && (!isGivenName(first) || EntityLexicon.unambiguousPlaceHeads.contains(last.lower))
        {
            return Decision(rule: .placeHead, type: .place, cue: last.text)
        }
        // "Mohammed BadaruAbubakar": words run together after a given name are a typo, not a brand.
        if !(range.count >= 2 && isGivenName(first)), let brand = range.first(where: { Self.isCamelCase(tokens[$0].text) }) {
            return Decision(rule: .brandCapitals, type: .organization, cue: tokens[brand].text)
        }
        if let particle = range.first(where: { index in
            let token = tokens[index]
            return !token.isCapitalized && EntityLexicon.nameParticles.contains(token.lower) && index < range.upperBound
        }) {
            return Decision(rule: .nameParticle, type: .person, cue: tokens[particle].text)
        }
        if range.count >= 2, last.hasLowercaseInitialLetter, last.lower.hasPrefix("al-") || last.lower.hasPrefix("el-") {
            return Decision(rule: .nameParticle, type: .person, cue: last.text)  // "Sultan al-Jaber"
        }
        if let titleCue {
            return Decision(rule: .personCueBefore, type: .person, cue: titleCue)
        }
        if range.lowerBound == runStart, let cue = personCueBefore(runStart) {
            return Decision(rule: .personCueBefore, type: .person, cue: cue)
        }
        if atRunEnd, let cue = personCueAfter(range.upperBound) {
            return Decision(rule: .personCueAfter, type: .person, cue: cue)
        }
        if atRunEnd, range.count >= 2, !range.contains(where: { isCommon(tokens[$0]) }),
            let cue = appositionAfter(range.upperBound)
        {
            return Decision(rule: .personCueAfter, type: .person, cue: cue)
        }
        if atRunEnd, let nextWord, nextWord.hasLowercaseInitialLetter {
            if EntityLexicon.organizationNounsAfter.contains(nextWord.lower) {
                return Decision(rule: .organizationCueAfter, type: .organization, cue: nextWord.text)
            }
            if EntityLexicon.placeNounsAfter.contains(nextWord.lower) {
                return Decision(rule: .placeCueAfter, type: .place, cue: nextWord.text)
            }
        }
        if range.lowerBound == runStart && runStart >= 2 && tokens[runStart].gapBefore == .space
            && EntityLexicon.affiliationPrepositions.contains(tokens[runStart - 1].lower)
            && EntityLexicon.roles.contains(tokens[runStart - 2].lower)
            && tokens[runStart - 2].hasLowercaseInitialLetter
        {
            // "senior economist at Wells Fargo", "a professor at Yonsei University".
            return Decision(rule: .affiliation, type: .organization, cue: tokens[runStart - 2].text)
        }
        let plainWords = !range.contains { isCommon(tokens[$0]) }
        if range.lowerBound == runStart && runStart >= 2 && range.count >= 2 && range.count <= 4 && plainWords
            && tokens[runStart].gapBefore == .space && tokens[runStart - 1].lower == "to"
            && tokens[runStart - 2].lower == EntityLexicon.sourcePhrase
        {
            return Decision(rule: .personCueBefore, type: .person, cue: "according to")  // "according to Hakeem X"
        }
        if range.count >= 2 && range.count <= 4 && plainWords && isGivenName(first) {
            return Decision(rule: .givenName, type: .person, cue: first.text)
        }
        if let cue = placeCue(range, runStart: runStart, atRunEnd: atRunEnd) {
            return Decision(rule: .placeCue, type: .place, cue: cue)
        }
        if range.count >= 2 && range.count <= 3 && plainWords && isSurname(last) && !first.isAllCaps
            && !EntityLexicon.placeOpeners.contains(first.lower) && !EntityLexicon.organizationOpeners.contains(first.lower)
        {
            return Decision(rule: .knownSurname, type: .person, cue: last.text)
        }
        if range.count >= 2 && range.count <= 4 && plainWords {
            // Capitalized words with no cue and no given name ("Islamic Jihad", "Federal
            // Government", "Amazing Grace"): a person only if the text confirms it elsewhere.
            return Decision(rule: .confirmed, type: .person, cue: "", evidence: .unconfirmed)
        }
        if plainWords {
            return Decision(rule: .confirmed, type: nil, cue: "", evidence: .unconfirmed)
        }
        return nil
    }

    /// Capitals not in the gazetteer: an organization when they speak ("KIDA said"), employ
    /// ("UNRWA chief") or take an article ("the ASIO"); otherwise only if the text spells them out.
    private func acronymRule(_ range: ClosedRange<Int>, runStart: Int, atRunEnd: Bool) -> Decision? {
        let token = tokens[range.lowerBound]
        let letters = token.text.filter { $0 != "." }
        guard letters.count <= 6, !letters.contains(where: \.isNumber),
            !EntityLexicon.nonOrganizationAcronyms.contains(letters.uppercased()),
            !lowercaseWords.contains(token.lower), !EntityLexicon.common.contains(token.lower)
        else { return nil }
        let next = range.upperBound + 1
        if atRunEnd, next < tokens.count, tokens[next].gapBefore == .space,
            EntityLexicon.organizationNounsAfter.contains(tokens[next].lower)
        {
            return Decision(rule: .acronymCue, type: .organization, cue: tokens[next].text)
        }
        if atRunEnd, let cue = personCueAfter(range.upperBound) {
            return Decision(rule: .acronymCue, type: .organization, cue: cue)
        }
        if range.lowerBound == runStart, runStart > 0, token.gapBefore == .space,
            EntityLexicon.acronymCuesBefore.contains(tokens[runStart - 1].lower)
        {
            return Decision(rule: .acronymCue, type: .organization, cue: tokens[runStart - 1].text)
        }
        return Decision(rule: .acronymDefined, type: .organization, cue: "", evidence: .acronym)
    }

    /// "Kremlin spokesman X", "said X": the cue word, or nil.
    private func personCueBefore(_ start: Int) -> String? {
        // "the King's Speech": a role owning the name is no cue ("Kremlin spokesman X" is).
        guard start > 0, tokens[start].gapBefore == .space, !tokens[start - 1].isPossessive else { return nil }
        let previous = tokens[start - 1]
        if EntityLexicon.roles.contains(previous.lower) || EntityLexicon.speechBefore.contains(previous.lower) {
            return previous.text
        }
        // "leg-spinner Mitchell X", "co-founder Y", "ex-minister Z": a role after a hyphen.
        if previous.hasLowercaseInitialLetter, let hyphen = previous.lower.lastIndex(of: "-"),
            EntityLexicon.roles.contains(String(previous.lower[previous.lower.index(after: hyphen)...]))
        {
            return previous.text
        }
        return nil
    }

    /// "X said", "X, a professor", "X, who": the cue word, or nil.
    private func personCueAfter(_ end: Int) -> String? {
        let next = end + 1
        guard next < tokens.count else { return nil }
        if tokens[next].gapBefore == .space {
            return EntityLexicon.speech.contains(tokens[next].lower) ? tokens[next].text : nil
        }
        guard tokens[next].gapBefore == .comma else { return nil }
        if tokens[next].lower == "who" { return tokens[next].text }
        guard EntityLexicon.appositionArticles.contains(tokens[next].lower) else { return nil }
        for index in (next + 1)..<min(next + 4, tokens.count) where tokens[index].gapBefore == .space {
            if EntityLexicon.roles.contains(tokens[index].lower) { return tokens[index].text }
        }
        return nil
    }

    /// "X, 52,", "X, Minister of State", "X – Minister of State", "X (Minister of State)",
    /// "X as Minister of State", "X, ex-Executive Secretary": an age or an office after the
    /// name; the cue, or nil.
    private func appositionAfter(_ end: Int) -> String? {
        var next = end + 1
        guard next < tokens.count else { return nil }
        if tokens[next].gapBefore == .comma, let age = Int(tokens[next].text), age > 0, age < 110,
            next + 1 < tokens.count, tokens[next + 1].gapBefore == .comma || tokens[next + 1].lower == "years"
        {
            return tokens[next].text
        }
        if tokens[next].gapBefore == .space && tokens[next].lower == "as" && next + 1 < tokens.count
            && tokens[next + 1].gapBefore == .space
        {
            next += 1
        } else if tokens[next].gapBefore == .space {
            return nil
        }
        let word = tokens[next]
        // A title opening the next sentence or line says nothing of the name before it.
        guard !word.startsSentence, !word.startsLine else { return nil }
        guard word.isCapitalized || word.lower.hasPrefix("ex-") else { return nil }
        var title = word.lower
        if title.hasPrefix("ex-") { title.removeFirst(3) }
        if title == "former", next + 1 < tokens.count, tokens[next + 1].gapBefore == .space {
            title = tokens[next + 1].lower
        }
        // Not "Mr", "Dr": they open the next name of a list ("A, Dr B and C").
        guard EntityLexicon.titles.contains(title) || EntityLexicon.roles.contains(title),
            !EntityLexicon.abbreviations.contains(title), !["ms", "dr", "sir", "dame"].contains(title)
        else { return nil }
        return word.text
    }

    /// "in X", "the village of X", "A, B and X", "X, North Korea": the cue, or nil.
    private func placeCue(_ range: ClosedRange<Int>, runStart: Int, atRunEnd: Bool) -> String? {
        let start = range.lowerBound
        if start == runStart && start > 0 {
            let previous = tokens[start - 1]
            if tokens[start].gapBefore == .space && EntityLexicon.placePrepositions.contains(previous.lower)
                && !(previous.lower == "to" && start >= 2 && EntityLexicon.notPlaceBeforeTo.contains(tokens[start - 2].lower))
            {
                return previous.text
            }
            if previous.lower == "of" && start >= 2 && tokens[start - 1].gapBefore == .space
                && EntityLexicon.placeNounsAfter.contains(tokens[start - 2].lower)
            {
                return tokens[start - 2].text + " of"
            }
            if tokens[start].gapBefore == .comma && lastPlaceEnd == start { return "," }
            if previous.lower == "and" && tokens[start].gapBefore == .space && lastPlaceEnd == start - 1 {
                return "and"
            }
        }
        let next = range.upperBound + 1
        if atRunEnd, next < tokens.count, tokens[next].gapBefore == .comma,
            let match = gazetteerMatch(at: next, through: min(tokens.count - 1, next + gazetteer.maxWords)),
            match.entry.kind == .country || match.entry.kind == .region
        {
            return ", " + match.entry.name
        }
        return nil
    }

    /// Capitals then one "s": the plural of an acronym ("MPs", "NGOs").
    static func isPluralAcronym(_ word: String) -> Bool {
        let utf8 = word.utf8
        guard utf8.count >= 3, utf8.last == UInt8(ascii: "s") else { return false }
        return utf8.dropLast().allSatisfy { $0 >= 0x41 && $0 <= 0x5A }
    }

    /// A capital after a lowercase letter, or capitals then lowercase ("PayPal", "JPMorgan"), but
    /// not a surname prefix ("McDonald", "DeSantis", "MacArthur").
    static func isCamelCase(_ word: String) -> Bool {
        var sawLower = false
        var leadingCapitals = 0
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII, most words: bytes, no Unicode property lookups.
            for byte in word.utf8 {
                let upper = byte >= 0x41 && byte <= 0x5A, lower = byte >= 0x61 && byte <= 0x7A
                if upper {
                    if sawLower { return !EntityLexicon.surnamePrefixes.contains { word.hasPrefix($0) } }
                    leadingCapitals += 1
                } else if lower {
                    if leadingCapitals >= 2 { return !EntityLexicon.surnamePrefixes.contains { word.hasPrefix($0) } }
                    sawLower = true
                } else {
                    return false
                }
            }
            return false
        }
        for prefix in EntityLexicon.surnamePrefixes where word.hasPrefix(prefix) {
            return false
        }
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
}

extension String {
    fileprivate func trimmingSuffix(_ suffix: String) -> String {
        hasSuffix(suffix) ? String(dropLast(suffix.count)) : self
    }
}
