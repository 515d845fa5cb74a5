// How an article's story is kept in its document: the cluster as a term and as the collapse
// slot, the body's content key as a term, and the id and fingerprint in a slot, read back by
// the next index run to find earlier copies and by searches to list a story's copies.
internal import Xapian

extension Document {
    /// Adds an article's story: its cluster (term and collapse slot), and its fingerprint, so
    /// that later copies can find it.
    func addStory(cluster: String, id: String, fingerprint: StoryFingerprint) {
        addBooleanTerm(Schema.term(Schema.story, cluster))
        setValue(cluster, slot: Slot.story.number)
        guard !fingerprint.isEmpty else { return }
        addBooleanTerm(Schema.term(Schema.bodyHash, fingerprint.contentKey))
        setValue(StoredFingerprint.encode(id: id, fingerprint), slot: Slot.storyFingerprint.number)
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
