// Every facet value of a document, and its story, packed into one slot (`Slot.facetValues`), so
// that a local search counts them all with one spy reading one value per document, where the
// slots of the single-valued facets, the story's and the runs of the multi-valued facets (up to
// 64 each for person, place and organization) would need a read each. A read costs about as much
// as counting all the values it holds (bench/RESULTS.md, round five).
internal import Xapian

/// A document's facet values, each tagged with its facet, and its story, as one slot's value.
struct FacetValuesPacking {
    private(set) var bytes: [UInt8]

    /// The values packed in `bytes`, as a document's slot holds them; none by default.
    init(bytes: [UInt8] = []) {
        self.bytes = bytes
    }

    /// The facets whose values are packed, by their tag byte.
    static let facets: [Facet] = [.credit, .person, .place, .organization, .source, .year, .language]
    /// The story's tag: after the facets'.
    static let storyTag = UInt8(facets.count)

    /// The tag byte of `facet`'s values.
    static func tag(of facet: Facet) -> UInt8? {
        facets.firstIndex(of: facet).map { UInt8($0) }
    }

    /// Adds `value` of `facet`.
    mutating func append(_ value: String, facet: Facet) {
        guard let tag = Self.tag(of: facet) else { return }
        MultiValueCountMatchSpy.pack([tag] + Array(value.utf8), into: &bytes)
    }

    /// Adds the story cluster of an article.
    mutating func appendStory(_ cluster: String) {
        MultiValueCountMatchSpy.pack([Self.storyTag] + Array(cluster.utf8), into: &bytes)
    }

    /// Sets the slot of `document`, when there is anything to keep.
    func store(in document: Document) {
        if !bytes.isEmpty { document.setValue(bytes, slot: Slot.facetValues.number) }
    }

    /// What a counted packed value is.
    enum Unpacked {
        /// A value of the facet `facets[tag]`, its UTF-8 bytes lent as the packed value is.
        case facet(tag: Int, UnsafeRawBufferPointer)
        case story
        /// A tag this schema does not know.
        case unknown
    }

    /// A counted packed value: a facet's value as stored, or a story.
    static func unpack(_ bytes: UnsafeRawBufferPointer) -> Unpacked {
        guard let tag = bytes.first else { return .unknown }
        if tag == storyTag { return .story }
        guard Int(tag) < facets.count else { return .unknown }
        return .facet(tag: Int(tag), UnsafeRawBufferPointer(rebasing: bytes.dropFirst()))
    }
}
