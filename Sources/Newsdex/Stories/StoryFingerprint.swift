// A MinHash fingerprint of an article's body, to find copies of one wire story among outlets.

/// A locality-sensitive fingerprint of an article body: MinHash over word shingles.
///
/// The body (paragraphs only: not the title, captions or credits) is normalised (see
/// `StoryOptions`), cut into overlapping shingles of `shingleSize` words, and each shingle hashed
/// once to 64 bits. Permutation `i` maps a shingle hash `h` to `a[i]·h + b[i] mod 2^64` with fixed
/// seeded constants, and the fingerprint keeps, per permutation, the high 32 bits of the minimum.
/// Two fingerprints agree on a permutation with probability equal to the Jaccard similarity of
/// their shingle sets.
public struct StoryFingerprint: Sendable, Hashable {
    /// Words per shingle it was built with.
    public let shingleSize: Int
    /// LSH bands and rows per band it was built with (they define `bandHashes`).
    public let bands: Int
    public let rows: Int
    /// A 64-bit hash of the whole normalised body, to detect exact duplicates; 0 for an empty body.
    public let contentHash: UInt64
    /// One minimum per permutation.
    public let minHashes: [UInt32]

    /// Fingerprints the body of `article`.
    public init(article: Article, options: StoryOptions = .init()) {
        self.init(paragraphs: article.paragraphs, options: options)
    }

    /// Fingerprints a body given as paragraphs (shingles run across paragraph breaks).
    public init(paragraphs: [String], options: StoryOptions = .init()) {
        shingleSize = options.shingleSize
        bands = options.bands
        rows = options.rows
        let k = options.shingleSize
        let count = options.permutations
        var mins = [UInt64](repeating: .max, count: count)
        var window = [UInt64](repeating: 0, count: k)  // ring of the last k word hashes
        var words = 0
        var content: UInt64 = 0xCBF2_9CE4_8422_2325
        StoryHashing.permutations.a.withUnsafeBufferPointer { a in
            StoryHashing.permutations.b.withUnsafeBufferPointer { b in
                mins.withUnsafeMutableBufferPointer { mins in
                    func add(_ shingle: UInt64) {
                        for i in 0..<count {
                            let v = a[i] &* shingle &+ b[i]
                            if v < mins[i] { mins[i] = v }
                        }
                    }
                    func shingle(endingAt end: Int, length: Int) -> UInt64 {
                        // FNV-1a's step over the words' hashes (not bytes), from a start of its own.
                        var h: UInt64 = 0x243F_6A88_85A3_08D3
                        for j in 0..<length {
                            h = (h ^ window[(end - length + 1 + j + k) % k]) &* FNV1a.prime
                        }
                        return StoryHashing.mix(h)
                    }
                    for paragraph in paragraphs {
                        StoryText.forEachWord(in: paragraph) { bytes in
                            let w = FNV1a.hash(bytes)
                            content = StoryHashing.mix(content ^ w)
                            let slot = words % k
                            window[slot] = w
                            words += 1
                            if words >= k { add(shingle(endingAt: slot, length: k)) }
                        }
                    }
                    // A body shorter than one shingle is one shingle of all its words.
                    if words > 0 && words < k { add(shingle(endingAt: words - 1, length: words)) }
                }
            }
        }
        contentHash = words == 0 ? 0 : (content == 0 ? 1 : content)
        minHashes = mins.map { UInt32(truncatingIfNeeded: $0 >> 32) }
    }

    init(shingleSize: Int, bands: Int, rows: Int, contentHash: UInt64, minHashes: [UInt32]) {
        self.shingleSize = shingleSize
        self.bands = bands
        self.rows = rows
        self.contentHash = contentHash
        self.minHashes = minHashes
    }

    /// Whether the body had no words: such an article is never a copy of anything.
    public var isEmpty: Bool { contentHash == 0 }

    /// Whether two fingerprints were built with the same shingle size and permutations, so
    /// that comparing them means something.
    public func isComparable(to other: StoryFingerprint) -> Bool {
        shingleSize == other.shingleSize && minHashes.count == other.minHashes.count
    }

    /// The estimated Jaccard similarity of the two bodies' shingle sets, 0...1; 0 when either
    /// body is empty or the fingerprints are not comparable.
    public func similarity(to other: StoryFingerprint) -> Double {
        guard isComparable(to: other), !isEmpty, !other.isEmpty, !minHashes.isEmpty else { return 0 }
        var same = 0
        for i in minHashes.indices where minHashes[i] == other.minHashes[i] { same += 1 }
        return Double(same) / Double(minHashes.count)
    }

    /// The 48-bit hash of each band's rows (LSH keys: articles sharing any are candidate
    /// copies); band `j` uses permutations `j*rows ..< (j+1)*rows`. Empty for an empty body.
    var bandHashes: [UInt64] {
        guard !isEmpty else { return [] }
        return (0..<bands).map { band in
            var h = StoryHashing.mix(0x6261_6E64 ^ UInt64(band) ^ UInt64(rows) << 32)
            for row in 0..<rows {
                h = StoryHashing.mix(h ^ UInt64(minHashes[band * rows + row]))
            }
            return h & 0xFFFF_FFFF_FFFF
        }
    }

    /// "x" + 16 hex digits of `contentHash`: an index term for finding exact duplicates.
    public var contentKey: String { "x" + StoryHashing.hex(contentHash, digits: 16) }

    private static let formatVersion: UInt8 = 1

    /// A compact serialisation to store in the index: base64 of a 10-byte header (format version,
    /// shingle size, bands, rows, permutation count, content hash) and 4 bytes per permutation
    /// (about 700 characters with the defaults).
    public var encoded: String {
        var bytes: [UInt8] = [Self.formatVersion, UInt8(shingleSize), UInt8(bands), UInt8(rows)]
        bytes.reserveCapacity(14 + 4 * minHashes.count)
        withUnsafeBytes(of: UInt16(minHashes.count).littleEndian) { bytes.append(contentsOf: $0) }
        withUnsafeBytes(of: contentHash.littleEndian) { bytes.append(contentsOf: $0) }
        for value in minHashes {
            withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
        }
        return Base64.encode(bytes)
    }

    /// Reads `encoded`; nil if it is not a fingerprint of a known format.
    public init?(encoded: String) {
        guard let bytes = Base64.decode(encoded), bytes.count >= 14, bytes[0] == Self.formatVersion
        else { return nil }
        func load<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T {
            var value: T = 0
            for i in 0..<MemoryLayout<T>.size { value |= T(bytes[offset + i]) << (8 * i) }
            return value
        }
        let shingleSize = Int(bytes[1]), bands = Int(bytes[2]), rows = Int(bytes[3])
        let count = Int(load(UInt16.self, at: 4))
        guard shingleSize >= 1, bands >= 1, rows >= 1, bands * rows <= count,
              bytes.count == 14 + 4 * count
        else { return nil }
        self.init(shingleSize: shingleSize, bands: bands, rows: rows,
                  contentHash: load(UInt64.self, at: 6),
                  minHashes: (0..<count).map { load(UInt32.self, at: 14 + 4 * $0) })
    }
}

/// Standard base64 without Foundation's Data round trip, as the fingerprint codec needs nothing more.
enum Base64 {
    private static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)
    private static let reverse: [UInt8] = {
        var table = [UInt8](repeating: 0xFF, count: 256)
        for (i, c) in alphabet.enumerated() { table[Int(c)] = UInt8(i) }
        return table
    }()

    static func encode(_ bytes: [UInt8]) -> String {
        var out: [UInt8] = []
        out.reserveCapacity((bytes.count + 2) / 3 * 4)
        var i = 0
        while i < bytes.count {
            let n = min(3, bytes.count - i)
            let b0 = UInt32(bytes[i])
            let b1 = n > 1 ? UInt32(bytes[i + 1]) : 0
            let b2 = n > 2 ? UInt32(bytes[i + 2]) : 0
            let v = b0 << 16 | b1 << 8 | b2
            out.append(alphabet[Int(v >> 18 & 63)])
            out.append(alphabet[Int(v >> 12 & 63)])
            out.append(n > 1 ? alphabet[Int(v >> 6 & 63)] : UInt8(ascii: "="))
            out.append(n > 2 ? alphabet[Int(v & 63)] : UInt8(ascii: "="))
            i += 3
        }
        return String(decoding: out, as: UTF8.self)
    }

    static func decode(_ string: String) -> [UInt8]? {
        let chars = Array(string.utf8)
        guard chars.count % 4 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(chars.count / 4 * 3)
        var i = 0
        while i < chars.count {
            var v: UInt32 = 0
            var padding = 0
            for j in 0..<4 {
                let c = chars[i + j]
                if c == UInt8(ascii: "=") && i + 4 == chars.count && j >= 2 {
                    padding += 1
                    v <<= 6
                    continue
                }
                let d = reverse[Int(c)]
                guard d != 0xFF, padding == 0 else { return nil }
                v = v << 6 | UInt32(d)
            }
            out.append(UInt8(v >> 16 & 0xFF))
            if padding < 2 { out.append(UInt8(v >> 8 & 0xFF)) }
            if padding < 1 { out.append(UInt8(v & 0xFF)) }
            i += 4
        }
        return out
    }
}
