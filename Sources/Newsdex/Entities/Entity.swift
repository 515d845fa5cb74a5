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

    public init(name: String, type: EntityType, mentions: [String] = []) {
        self.name = name
        self.type = type
        self.mentions = mentions
    }
}
