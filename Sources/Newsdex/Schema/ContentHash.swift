// A content fingerprint for incremental indexing, 128 bits: FNV-1a (64) and a second 64-bit hash
// of FNV-1a's form with another start (mixed with the length) and a constant added at each step,
// so a file is indexed again exactly when its bytes change. Not cryptographic: it detects edits,
// it does not resist an adversary who controls the corpus. Stored in file records and in long
// identifier terms: changing either half changes indexes.

public struct ContentHash: Sendable, Hashable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(bytes: [UInt8]) {
        // Not FNV-1a: the added constant makes it a different function of the bytes than `high`.
        var b: UInt64 = 0x8422_2325_cbf2_9ce4 ^ UInt64(bytes.count)
        high = bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                b = (b ^ UInt64(byte)) &* FNV1a.prime &+ 0x9e37_79b9
            }
            return FNV1a.hash(buffer)
        }
        low = b
    }

    init(high: UInt64, low: UInt64) {
        self.high = high
        self.low = low
    }

    /// The hash of bytes given in pieces (a file read as it streams), the same as `init(bytes:)`
    /// of them all; `count`, their total, is known beforehand (a file's size).
    struct Builder {
        private var high = FNV1a.offsetBasis
        private var low: UInt64

        init(count: Int) {
            low = 0x8422_2325_cbf2_9ce4 ^ UInt64(count)
        }

        mutating func add(_ bytes: UnsafeRawBufferPointer) {
            let buffer = bytes.bindMemory(to: UInt8.self)
            for byte in buffer {
                low = (low ^ UInt64(byte)) &* FNV1a.prime &+ 0x9e37_79b9
            }
            high = FNV1a.hash(buffer, seed: high)
        }

        var hash: ContentHash { ContentHash(high: high, low: low) }
    }

    public init?(hex: String) {
        guard hex.utf8.count == 32,
            let high = UInt64(hex.prefix(16), radix: 16), let low = UInt64(hex.suffix(16), radix: 16)
        else { return nil }
        self.high = high
        self.low = low
    }

    /// 32 lowercase hex digits.
    public var hex: String {
        func h(_ v: UInt64) -> String {
            let s = String(v, radix: 16)
            return String(repeating: "0", count: 16 - s.count) + s
        }
        return h(high) + h(low)
    }

    public var description: String { hex }
}
