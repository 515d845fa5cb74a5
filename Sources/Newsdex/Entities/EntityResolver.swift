// Turns candidate names into entities: one canonical name per entity within a text, so that
// "Putin" is Vladimir Putin, "NIS" the National Intelligence Service and "Pacific Fleet" the
// Russian Pacific Fleet when the text has named them in full.

struct EntityResolver: Sendable {
    /// Last word of a full personal name -> the name; "" when two people share it.
    private var surnames: [String: String] = [:]
    /// Lowercased names the text has confirmed by context -> the entity.
    private var confirmed: [String: EntityKey] = [:]
    /// Acronyms the text defines or spells out -> organization name.
    private var acronyms: [String: String] = [:]
    /// Organization names of two words or more, for shortened mentions.
    private var organizations: [String] = []

    /// Learns the full names of `candidates` (a text's, or a caption's on top of its article's).
    mutating func learn(_ candidates: [EntityCandidate], definedAcronyms: [String: String]) {
        for candidate in candidates where candidate.evidence == .context {
            guard let type = candidate.type else { continue }
            let lower = candidate.surface.lowercased()
            let name = candidate.canonical ?? candidate.surface
            switch type {
            case .person where candidate.wordCount >= 2:
                let surname = String(lower.split(separator: " ").last!)
                if let known = surnames[surname], known != name {
                    if !known.lowercased().hasSuffix(lower) && !lower.hasSuffix(known.lowercased()) {
                        surnames[surname] = ""
                    }
                } else {
                    surnames[surname] = name
                }
            case .organization where candidate.wordCount >= 2:
                if !organizations.contains(name) { organizations.append(name) }
                let initials = Self.initials(of: candidate.surface)
                if initials.count >= 2 && acronyms[initials] == nil { acronyms[initials] = name }
            default:
                break
            }
            if confirmed[lower] == nil { confirmed[lower] = EntityKey(type: type, name: name) }
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

    /// The entity a candidate names, or nil when nothing confirms it.
    func resolve(_ candidate: EntityCandidate) -> EntityKey? {
        let lower = candidate.surface.lowercased()
        let person = candidate.wordCount == 1 ? surnames[lower].flatMap { $0.isEmpty ? nil : $0 } : nil
        switch candidate.evidence {
        case .gazetteer:
            return EntityKey(type: candidate.type!, name: candidate.canonical!)
        case .context:
            if let person, candidate.type != .organization { return EntityKey(type: .person, name: person) }
            if candidate.type == .organization, let longer = longerOrganization(candidate.surface) {
                return EntityKey(type: .organization, name: longer)
            }
            return EntityKey(type: candidate.type!, name: candidate.canonical ?? candidate.surface)
        case .unconfirmed:
            if let person { return EntityKey(type: .person, name: person) }
            if let known = confirmed[lower] { return known }
            if candidate.type == .organization, let longer = longerOrganization(candidate.surface) {
                return EntityKey(type: .organization, name: longer)
            }
            return nil
        case .acronym:
            return acronyms[candidate.surface].map { EntityKey(type: .organization, name: $0) }
        }
    }

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
            guard let key = resolve(candidate) else { continue }
            if let index = indexByKey[key] {
                entities[index].mentions.append(candidate.surface)
            } else {
                indexByKey[key] = entities.count
                entities.append(Entity(name: key.name, type: key.type, mentions: [candidate.surface]))
            }
        }
        return entities
    }
}
