// Writing a compacted copy of a database, for publishing a read-mostly index.
internal import CXapian

extension Database {
    /// Writes a compacted copy of this database to `path` (a new directory, or a file when
    /// `singleFile`).
    ///
    /// `multipass` merges postlists in several passes, which is faster for many shards.
    /// - Throws: `XapianError` `.database` when `path` cannot be created, `.invalidOperation`
    ///   for databases that cannot be compacted (e.g. remote ones).
    ///
    /// Wraps `Xapian::Database::compact(path, flags)` with `DBCOMPACT_SINGLE_FILE` / `DBCOMPACT_MULTIPASS`.
    public func compact(to path: String, singleFile: Bool = false, multipass: Bool = false) throws {
        var flags: UInt32 = 0
        if singleFile { flags |= UInt32(CX_COMPACT_SINGLE_FILE) }
        if multipass { flags |= UInt32(CX_COMPACT_MULTIPASS) }
        try withBytes(path) { p, n in try check { cx_database_compact(handle, p, n, flags, $0) } }
    }
}
