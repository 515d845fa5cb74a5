// A content fingerprint for incremental indexing: two 64-bit FNV-1a hashes with different
// offsets, so a file is indexed again exactly when its bytes change. Not cryptographic: it
// detects edits, it does not resist an adversary who controls the corpus.

public struct ContentHash: Sendable, Hashable, CustomStringConvertible {
    public let high: UInt64
    public let low: UInt64

    public init(bytes: [UInt8]) {
        var a: UInt64 = 0xcbf2_9ce4_8422_2325
        var b: UInt64 = 0x8422_2325_cbf2_9ce4 ^ UInt64(bytes.count)
        bytes.withUnsafeBufferPointer { buffer in
            for byte in buffer {
                a = (a ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
                b = (b ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 0x9e37_79b9
            }
        }
        high = a
        low = b
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
