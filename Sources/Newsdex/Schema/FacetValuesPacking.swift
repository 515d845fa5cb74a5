// The multi-valued facets' values of a document packed into one slot (`Slot.facetValues`), so
// that a local search counts them with one spy reading one value per document, where the runs
// of slots need a spy per slot (up to 64 for each of person, place and organization).
internal import Xapian

/// A document's credit and entity values, each tagged with its facet, as one slot's value.
struct FacetValuesPacking {
    private(set) var bytes: [UInt8] = []

    /// The facets whose values are packed, by their tag byte.
    static let facets: [Facet] = [.credit, .person, .place, .organization]

    /// Adds `value` of the facet whose run of slots starts at `firstSlot`.
    mutating func append(_ value: String, facet firstSlot: Slot) {
        let tag: UInt8
        switch firstSlot {
        case .credit: tag = 0
        case .person: tag = 1
        case .place: tag = 2
        case .organization: tag = 3
        default: return
        }
        MultiValueCountMatchSpy.pack([tag] + Array(value.utf8), into: &bytes)
    }

    /// Sets the slot of `document`, when there is anything to keep.
    func store(in document: Document) {
        if !bytes.isEmpty { document.setValue(bytes, slot: Slot.facetValues.number) }
    }

    /// A counted packed value: its facet and the value as stored; nil for a tag this schema
    /// does not know.
    static func unpack(_ bytes: UnsafeRawBufferPointer) -> (facet: Facet, value: String)? {
        guard let tag = bytes.first, Int(tag) < facets.count else { return nil }
        return (facets[Int(tag)], String(decoding: UnsafeRawBufferPointer(rebasing: bytes.dropFirst()), as: UTF8.self))
    }
}
