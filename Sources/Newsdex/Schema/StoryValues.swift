// How an article's story is kept in its document: the cluster as a term and, once the story has
// another article, as the collapse slot; the body's content key as a term, and the id and
// fingerprint in a slot, read back by the next index run to find earlier copies and by
// searches to list a story's copies.
internal import Xapian

/// Which articles carry their story as Xapian's collapse key (`Slot.story`, and the story among
/// the packed facet values). Most stories have one article, and a collapse reads the key of
/// every match it looks at, a value read each: half of a search's match when every article has
/// one (bench/RESULTS.md, round six). Xapian never collapses documents without a key, so an
/// article is written without it when it founds its story, and the founder is given it
/// (`Document.addCollapseKey`, `ShardWriters.keyFounders`) in the run that gives its story
/// another article. A key on an article alone in its story changes nothing but speed.
enum StoryKey {
    /// Whether an article of `cluster` is written with the key: unless it founded the cluster.
    static func isWritten(cluster: String, id: String) -> Bool {
        cluster != StoryClusterer.clusterID(founder: id)
    }
}

extension Document {
    /// Adds an article's story: its cluster (a term, and the collapse slot with `collapseKey`),
    /// and its fingerprint, so that later copies can find it.
    func addStory(cluster: String, id: String, fingerprint: StoryFingerprint, collapseKey: Bool) {
        addBooleanTerm(Schema.term(Schema.story, cluster))
        if collapseKey { setValue(cluster, slot: Slot.story.number) }
        guard !fingerprint.isEmpty else { return }
        addBooleanTerm(Schema.term(Schema.bodyHash, fingerprint.contentKey))
        setValue(StoredFingerprint.encode(id: id, fingerprint), slot: Slot.storyFingerprint.number)
    }

    /// Gives an article written without its story's collapse key (`StoryKey`) the key, in its
    /// slot and among its packed facet values; false when it has it already.
    /// - Throws: `XapianError` when its values cannot be read.
    func addCollapseKey(_ cluster: String) throws -> Bool {
        guard try value(slot: Slot.story.number).isEmpty else { return false }
        setValue(cluster, slot: Slot.story.number)
        var packed = FacetValuesPacking(bytes: try value(slot: Slot.facetValues.number))
        packed.appendStory(cluster)
        packed.store(in: self)
        return true
    }
}

/// The story-fingerprint slot's value: the article id, a tab, the encoded fingerprint.
enum StoredFingerprint {
    static func encode(id: String, _ fingerprint: StoryFingerprint) -> String {
        id + "\t" + fingerprint.encoded
    }

    static func decode(_ value: String) -> (String, StoryFingerprint)? {
        guard let tab = value.lastIndex(of: "\t"),
            let fingerprint = StoryFingerprint(encoded: String(value[value.index(after: tab)...]))
        else { return nil }
        return (String(value[..<tab]), fingerprint)
    }
}
