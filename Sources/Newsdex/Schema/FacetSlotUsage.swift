// How many value slots each multi-valued facet uses: the indexer records it in the index's
// metadata, and searches count only the slots that hold something.
import Foundation
internal import Xapian

/// A facet of several values a document: its field, its run of slots, and where
/// `FacetSlotUsage` counts the slots of the run that hold values.
struct MultiValuedFacet: Sendable {
    let facet: Facet
    let field: Field
    let slot: @Sendable (Int) -> Slot
    let used: WritableKeyPath<FacetSlotUsage, Int> & Sendable

    static let credit = MultiValuedFacet(facet: .credit, field: Schema.credit, slot: Slot.credit, used: \.credit)
    static let person = MultiValuedFacet(facet: .person, field: Schema.person, slot: Slot.person, used: \.person)
    static let place = MultiValuedFacet(facet: .place, field: Schema.place, slot: Slot.place, used: \.place)
    static let organization = MultiValuedFacet(
        facet: .organization, field: Schema.organization, slot: Slot.organization, used: \.organization)

    /// The multi-valued facet `facet` is; nil for a facet of one value a document.
    static func of(_ facet: Facet) -> MultiValuedFacet? {
        [credit, person, place, organization].first { $0.facet == facet }
    }
}

/// How many slots of each multi-valued facet hold values somewhere in an index.
public struct FacetSlotUsage: Sendable, Hashable, Codable {
    public var credit = 0
    public var person = 0
    public var place = 0
    public var organization = 0

    public init() {}

    /// What the index at `database` records (nothing used when it records nothing).
    /// - Throws: what reading its metadata throws; `DecodingError` for a record that does not
    ///   decode (a damaged index).
    static func read(from database: Database) throws -> FacetSlotUsage {
        let text = try database.metadata(IndexMetadata.facetSlots)
        guard !text.isEmpty else { return FacetSlotUsage() }
        return try FacetSlotUsage(encoded: text)
    }

    /// The form kept in the index's metadata: `credit 1 person 64 place 12 organization 9`.
    /// Not JSON (since schema 5): every search reads it, and a JSONDecoder's first use in a
    /// process costs a one-shot search conformance lookups it need not pay.
    var encoded: String {
        "credit \(credit) person \(person) place \(place) organization \(organization)"
    }

    /// Reads `encoded`.
    /// - Throws: `DecodingError.dataCorrupted` for anything but names and counts.
    init(encoded: String) throws {
        let words = encoded.split(separator: " ")
        guard words.count % 2 == 0 else { throw Self.damaged(encoded) }
        for i in stride(from: 0, to: words.count, by: 2) {
            guard let count = Int(words[i + 1]), count >= 0 else { throw Self.damaged(encoded) }
            switch words[i] {
            case "credit": credit = count
            case "person": person = count
            case "place": place = count
            case "organization": organization = count
            default: throw Self.damaged(encoded)
            }
        }
    }

    private static func damaged(_ encoded: String) -> DecodingError {
        .dataCorrupted(DecodingError.Context(codingPath: [], debugDescription: "facet slots: \(encoded.debugDescription)"))
    }

    /// The larger of two usages, field by field.
    public func union(_ other: FacetSlotUsage) -> FacetSlotUsage {
        var result = FacetSlotUsage()
        result.credit = max(credit, other.credit)
        result.person = max(person, other.person)
        result.place = max(place, other.place)
        result.organization = max(organization, other.organization)
        return result
    }
}
