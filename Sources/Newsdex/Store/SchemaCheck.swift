// The schema version check every reader and writer makes on open.
import Xapian

enum SchemaCheck {
    /// Throws when the index was built with another schema version, saying how to rebuild.
    static func verify(_ database: Database, path: String) throws {
        let found: String
        do {
            found = try database.metadata(IndexMetadata.schemaVersion)
        } catch {
            throw IndexError.from(error, path: path)
        }
        guard found == Schema.version else {
            let what = found.isEmpty ? "is not a newsdex index (no schema version)" : "was built with schema version \(found)"
            throw IndexError(
                .schemaMismatch,
                "the index at \(path) \(what); this newsdex uses version \(Schema.version): rebuild it with `newsdex index --rebuild --db \(path)`")
        }
    }
}
