// The schema version check every reader and writer makes on open.
internal import Xapian

enum SchemaCheck {
    /// Throws `.schemaMismatch` when `database` (the index `index`, or its `part`) was built with
    /// another schema version, with the version found (nil when it records none).
    static func verify(_ database: Database, index: String, part: String? = nil) throws {
        let found: String
        do {
            found = try database.metadata(IndexMetadata.schemaVersion)
        } catch {
            throw IndexError.from(error, index: index, part: part)
        }
        guard found == Schema.version else {
            throw IndexError(.schemaMismatch, index: index, part: part, detail: found.isEmpty ? nil : found)
        }
    }
}
