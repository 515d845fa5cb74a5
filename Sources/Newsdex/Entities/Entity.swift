// The named-entity model: what the extractor finds and the index stores for faceting.

/// The kinds of named entity newsdex extracts and facets on.
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
    case person
    case place
    case organization
}

/// A named entity of one text, resolved to its canonical name.
public struct Entity: Sendable, Hashable, Codable {
    /// The one name this entity has across the corpus ("Vladimir Putin", "North Korea").
    public var name: String
    public var type: EntityType
    /// Every mention in the text, as written ("Putin", "Vladimir Putin"), in order of appearance.
    public var mentions: [String]
    /// Why each mention counts, for `--explain`; not part of the encoded entity.
    public var evidence: [EntityEvidence]

    public init(name: String, type: EntityType, mentions: [String] = [], evidence: [EntityEvidence] = []) {
        self.name = name
        self.type = type
        self.mentions = mentions
        self.evidence = evidence
    }

    private enum CodingKeys: String, CodingKey {
        case name, type, mentions
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(
            name: try container.decode(String.self, forKey: .name),
            type: try container.decode(EntityType.self, forKey: .type),
            mentions: try container.decode([String].self, forKey: .mentions))
    }

    /// Two entities are equal when name, type and mentions are: evidence only explains them.
    public static func == (lhs: Entity, rhs: Entity) -> Bool {
        lhs.name == rhs.name && lhs.type == rhs.type && lhs.mentions == rhs.mentions
    }

    public func hash(into hasher: inout Hasher) {
        hasher.combine(name)
        hasher.combine(type)
        hasher.combine(mentions)
    }
}
