// Turns candidate names into entities: one canonical name per entity within a text, so that
// "Putin" is Vladimir Putin, "bin Laden" Osama bin Laden, "NIS" the National Intelligence Service
// and "Pacific Fleet" the Russian Pacific Fleet when the text has named them in full.

struct EntityResolver: Sendable {
    /// Last word of a full personal name -> the name; "" when two people share it.
    private var surnames: [String: String] = [:]
    /// Canonical full names of the persons the text names (two words or more).
    private var persons: [String] = []
    /// Lowercased names the text has confirmed by context -> the entity.
    private var confirmed: [String: EntityKey] = [:]
    /// Acronyms the text defines or spells out -> organization name.
    private var acronyms: [String: String] = [:]
    /// Organization names of two words or more, for shortened mentions.
    private var organizations: [String] = []
    /// Names in `confirmed` typed only by a weak rule so far.
    private var weakConfirmations: Set<String> = []
    /// Countries the text names itself, not only by a nationality word.
    private var namedCountries: Set<String> = []

    /// Learns the full names of `candidates` (a text's, or a caption's on top of its article's).
    mutating func learn(_ candidates: [EntityCandidate], definedAcronyms: [String: String]) {
        for candidate in candidates where candidate.evidence == .gazetteer && candidate.rule != .nationality {
            namedCountries.insert(candidate.canonical!)
        }
        for candidate in candidates where candidate.evidence == .context {
            guard let type = candidate.type else { continue }
            let lower = candidate.surface.lowercased()
            var name = candidate.canonical ?? candidate.surface
            switch type {
            case .person where candidate.wordCount >= 2:
                name = Self.personName(candidate.surface)
                let surname = String(lower.split(separator: " ").last!)
                if let known = surnames[surname], known != name {
                    if !known.lowercased().hasSuffix(lower) && !lower.hasSuffix(known.lowercased()) {
                        surnames[surname] = ""
                    }
                } else {
                    surnames[surname] = name
                }
                if !persons.contains(name) { persons.append(name) }
            case .organization where candidate.wordCount >= 2:
                if !organizations.contains(name) { organizations.append(name) }
                let initials = Self.initials(of: candidate.surface)
                if initials.count >= 2 && acronyms[initials] == nil { acronyms[initials] = name }
            default:
                break
            }
            // A strong cue beats a weak one: "Mitsubishi sources" over "to Mitsubishi".
            if confirmed[lower] == nil || (weakConfirmations.contains(lower) && !Self.weakRules.contains(candidate.rule)) {
                confirmed[lower] = EntityKey(type: type, name: name)
                if Self.weakRules.contains(candidate.rule) {
                    weakConfirmations.insert(lower)
                } else {
                    weakConfirmations.remove(lower)
                }
            }
        }
        for (acronym, name) in definedAcronyms { acronyms[acronym] = name }
    }

    /// "National Intelligence Service" -> "NIS"; connectors do not count.
    static func initials(of name: String) -> String {
        var initials = ""
        for word in name.split(separator: " ") {
            guard let first = word.unicodeScalars.first, first.properties.isUppercase else { continue }
            initials.unicodeScalars.append(first)
        }
        return initials
    }

    /// The canonical form of a personal name: initials without dots, middle initials dropped
    /// ("George W. Bush" and "George W Bush" are "George Bush"; "J. K. Rowling" is "J K Rowling").
    static func personName(_ surface: String) -> String {
        var words = surface.split(separator: " ").map { word -> Substring in
            word.count == 2 && word.hasSuffix(".") && word.first!.isUppercase ? word.dropLast() : word
        }
        if words.count >= 3, words.first!.count > 1 {
            words = [words.first!] + words.dropFirst().dropLast().filter { $0.count > 1 } + [words.last!]
        }
        return words.joined(separator: " ")
    }

    /// The person named in full whose name `surface` shortens: "Bush", "bin Laden", "Mr Hill".
    private func fullPerson(_ surface: String, wordCount: Int) -> String? {
        let lower = surface.lowercased()
        if wordCount == 1, let name = surnames[lower] { return name.isEmpty ? nil : name }
        let suffix = " " + lower
        let longer = persons.filter { $0.lowercased().hasSuffix(suffix) }
        if longer.count == 1 { return longer[0] }
        // "Osama", "Kieren": a given name alone is the one person of the text who has it.
        guard wordCount == 1, EntityLexicon.givenNames.contains(lower) else { return nil }
        let prefix = lower + " "
        let named = persons.filter { $0.lowercased().hasPrefix(prefix) }
        return named.count == 1 ? named[0] : nil
    }

    /// The entity a candidate names and the rule that made it, or nil when nothing confirms it.
    func resolve(_ candidate: EntityCandidate) -> (key: EntityKey, rule: EntityRule, cue: String)? {
        let lower = candidate.surface.lowercased()
        let person = candidate.type == .organization && candidate.evidence == .context
            ? nil : fullPerson(candidate.surface, wordCount: candidate.wordCount)
        switch candidate.evidence {
        case .gazetteer:
            if candidate.rule == .nationality && !namedCountries.contains(candidate.canonical!) { return nil }
            return (EntityKey(type: candidate.type!, name: candidate.canonical!), candidate.rule, candidate.cue)
        case .context:
            if let person, candidate.type == .person || Self.weakRules.contains(candidate.rule) {
                return (EntityKey(type: .person, name: person), .surname, person)
            }
            if Self.weakRules.contains(candidate.rule), let known = confirmed[lower], known.type != candidate.type {
                return (known, .confirmed, known.name)  // "Robert Hill" is the person named so elsewhere
            }
            if candidate.type == .organization, let longer = longerOrganization(candidate.surface) {
                return (EntityKey(type: .organization, name: longer), .shortOrganization, longer)
            }
            let name = candidate.type == .person
                ? Self.personName(candidate.surface) : candidate.canonical ?? candidate.surface
            return (EntityKey(type: candidate.type!, name: name), candidate.rule, candidate.cue)
        case .unconfirmed:
            if let person { return (EntityKey(type: .person, name: person), .surname, person) }
            if let known = confirmed[lower] { return (known, .confirmed, known.name) }
            if candidate.type == .organization, let longer = longerOrganization(candidate.surface) {
                return (EntityKey(type: .organization, name: longer), .shortOrganization, longer)
            }
            return nil
        case .acronym:
            return acronyms[candidate.surface].map {
                (EntityKey(type: .organization, name: $0), .acronymDefined, $0)
            }
        }
    }

    /// Place and organization cues a person's name can meet by chance: "Robert Hill" (a place
    /// word), "to Tony Blair" (a preposition).
    private static let weakRules: Set<EntityRule> = [.placeCue, .placeHead, .placeCueAfter]

    /// "Pacific Fleet" -> "Russian Pacific Fleet" when the text named the longer one.
    private func longerOrganization(_ name: String) -> String? {
        let suffix = " " + name.lowercased()
        return organizations.first { $0.lowercased().hasSuffix(suffix) }
    }

    /// The entities of `candidates`, each once, by first appearance, with every mention.
    func entities(of candidates: [EntityCandidate]) -> [Entity] {
        var entities: [Entity] = []
        var indexByKey: [EntityKey: Int] = [:]
        for candidate in candidates.sorted(by: { $0.position < $1.position }) {
            guard let (key, rule, cue) = resolve(candidate) else { continue }
            let evidence = EntityEvidence(rule: rule, cue: cue, mention: candidate.surface)
            if let index = indexByKey[key] {
                entities[index].mentions.append(candidate.surface)
                entities[index].evidence.append(evidence)
            } else {
                indexByKey[key] = entities.count
                entities.append(Entity(name: key.name, type: key.type, mentions: [candidate.surface], evidence: [evidence]))
            }
        }
        return entities
    }
}
