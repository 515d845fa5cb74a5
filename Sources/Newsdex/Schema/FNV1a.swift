// FNV-1a, 64 bits (Fowler, Noll and Vo): the one hash whose values end up on disk, where Swift's
// `Hasher` (seeded per process) cannot be used. It decides which shard an article goes to
// (ShardKey), file content hashes (ContentHash), story shingles and cluster ids (Stories/), so
// changing it changes indexes: bump `Schema.version` if it ever does.
enum FNV1a {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of `bytes`, starting from `seed` (the offset basis, for FNV-1a itself).
    @inline(__always)
    static func hash(_ bytes: UnsafeBufferPointer<UInt8>, seed: UInt64 = offsetBasis) -> UInt64 {
        var h = seed
        for byte in bytes {
            h ^= UInt64(byte)
            h = h &* prime
        }
        return h
    }

    /// The hash of a string's UTF-8 bytes.
    static func hash(_ string: String) -> UInt64 {
        var s = string
        return s.withUTF8 { hash($0) }
    }

    /// The hash of a byte array.
    static func hash(_ bytes: [UInt8]) -> UInt64 {
        bytes.withUnsafeBufferPointer { hash($0) }
    }
}
