/// The entities of one article: those of its title and body, and those of each caption.
public struct ArticleEntities: Sendable, Hashable, Codable {
    /// Entities of the title and body paragraphs, by first appearance.
    public var text: [Entity]
    /// Entities of each caption's text (never its credit), in caption order.
    public var captions: [[Entity]]

    public init(text: [Entity] = [], captions: [[Entity]] = []) {
        self.text = text
        self.captions = captions
    }

    /// Every entity of the article once, text first then captions, mentions merged.
    public var all: [Entity] {
        var order: [EntityKey] = []
        var merged: [EntityKey: Entity] = [:]
        for entity in text + captions.joined() {
            let key = EntityKey(type: entity.type, name: entity.name)
            if merged[key] == nil {
                order.append(key)
                merged[key] = entity
            } else {
                merged[key]!.mentions += entity.mentions
                merged[key]!.evidence += entity.evidence
            }
        }
        return order.map { merged[$0]! }
    }
}

/// What makes two entities one: the facet and the canonical name.
struct EntityKey: Hashable {
    var type: EntityType
    var name: String
}
