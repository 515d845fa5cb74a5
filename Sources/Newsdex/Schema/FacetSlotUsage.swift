// How many value slots each multi-valued facet uses: the indexer records it in the index's
// metadata, and searches count only the slots that hold something.
import Foundation
internal import Xapian

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
        return try JSONDecoder().decode(FacetSlotUsage.self, from: Data(text.utf8))
    }

    /// The form kept in the index's metadata.
    var encoded: String {
        (try? JSONEncoder().encode(self)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
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
