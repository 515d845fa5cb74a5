// One facet's counts as they are gathered from spies: each value as stored comes once with its
// count, and values that are one term in the index (which differ only in case, accents or
// surrounding space) are merged as they come, under the form most documents have.
//
// A facet search at 100k hands over some ten thousand distinct names; making a string of each,
// normalizing it and merging through a dictionary of strings was a third of the search
// (bench/RESULTS.md, round seven). Here values stay bytes: each normalized key is hashed into
// a table of its own, and only the values shown become strings.

/// The merged counts of one facet's values.
struct FacetTally {
    /// A value and its variants: where its normalized key and the form shown are kept, how many
    /// documents have that form, and how many have any form. 32 bytes, where ranges of Int took
    /// 56: the ten thousand names of a facet search at 100k are fewer pages to fill.
    private struct Group {
        var keyStart: UInt32
        var keyLength: UInt32
        var displayStart: UInt32
        var displayLength: UInt32
        /// The key's hash, its low 32 bits (the table's slots are its lowest bits).
        var hash: UInt32
        var displayCount: UInt32
        var count: Int

        var key: Range<Int> { Int(keyStart)..<Int(keyStart) + Int(keyLength) }
        var display: Range<Int> { Int(displayStart)..<Int(displayStart) + Int(displayLength) }
    }

    /// The groups' normalized keys, back to back.
    private var keys: [UInt8] = []
    /// The forms shown, back to back (a form replaced is left where it was).
    private var displays: [UInt8] = []
    private var groups: [Group] = []
    /// Open addressing over `groups` by the hash of their key: -1 where there is none.
    private var table = [Int32](repeating: -1, count: 64)

    init() {}

    /// An empty tally with room for `count` values (of `bytes` bytes each on average) before it
    /// grows: each growth copies what it holds into new pages. The room is only reserved: what
    /// is never filled costs no page.
    init(reservingCapacity count: Int, bytes: Int = 24) {
        groups.reserveCapacity(count)
        keys.reserveCapacity(count * bytes)
        displays.reserveCapacity(count * bytes)
    }

    /// A tally of `values`, as stored, each once with its count.
    init(_ values: [(value: String, count: Int)]) {
        for (value, count) in values {
            var value = value
            value.withUTF8 { add(UnsafeRawBufferPointer($0), count: count) }
        }
    }

    /// Whether no value was counted.
    var isEmpty: Bool { groups.isEmpty }

    /// Counts `count` documents with the value whose UTF-8 bytes are `utf8`; the empty value
    /// (no value) is not counted.
    mutating func add(_ utf8: UnsafeRawBufferPointer, count: Int) {
        guard !utf8.isEmpty else { return }
        let value = utf8.assumingMemoryBound(to: UInt8.self)
        // An ASCII value, most of them, is read as its key in place (trimmed, each byte
        // lowercased as it is read): normalizing it into a buffer first, then hashing and
        // comparing the buffer, was most of a facet search's tallying.
        if let kept = Schema.normalizedASCIIRange(of: value) {
            add(key: UnsafeBufferPointer(rebasing: value[kept]), lowercasing: true, value: value, count: count)
        } else {
            var key: [UInt8] = []
            Schema.appendNormalizedValue(utf8: utf8, to: &key)
            key.withUnsafeBufferPointer { add(key: $0, lowercasing: false, value: value, count: count) }
        }
    }

    /// Counts `value` under `key`, its normalized form (once each byte is lowercased with
    /// `Schema.lowercasedASCII` when `lowercasing`). The key is hashed and compared eight bytes
    /// at a time, lowercased a word at a time: byte by byte, that was nine instructions a byte.
    @inline(__always)
    private mutating func add(key: UnsafeBufferPointer<UInt8>, lowercasing: Bool, value: UnsafeBufferPointer<UInt8>, count: Int) {
        let keyWord = { (offset: Int) in
            let word = Self.word(of: key, at: offset)
            return lowercasing ? Schema.lowercasedASCII(word: word) : word
        }
        var hash64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(key.count)
        for offset in stride(from: 0, to: key.count, by: 8) {
            hash64 = (hash64 ^ keyWord(offset)) &* 0xFF51_AFD7_ED55_8CCD
            hash64 ^= hash64 >> 32
        }
        let hash = UInt32(truncatingIfNeeded: hash64)
        let mask = table.count - 1
        var slot = Int(hash) & mask
        while table[slot] >= 0 {
            let index = Int(table[slot])
            let group = groups[index]
            if group.hash == hash, Int(group.keyLength) == key.count {
                let same = keys.withUnsafeBufferPointer { stored in
                    let storedKey = UnsafeBufferPointer(rebasing: stored[group.key])
                    for offset in stride(from: 0, to: key.count, by: 8)
                    where Self.word(of: storedKey, at: offset) != keyWord(offset) {
                        return false
                    }
                    return true
                }
                if same {
                    merge(value, count: count, into: index)
                    return
                }
            }
            slot = (slot + 1) & mask
        }
        table[slot] = Int32(groups.count)
        let keyStart = keys.count
        keys.append(contentsOf: key)
        if lowercasing {
            keys.withUnsafeMutableBytes { stored in
                let lowercase = { (offset: Int) in
                    let word = stored.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
                    stored.storeBytes(of: Schema.lowercasedASCII(word: word), toByteOffset: offset, as: UInt64.self)
                }
                guard key.count >= 8 else {
                    for i in keyStart..<stored.count { stored[i] = Schema.lowercasedASCII(stored[i]) }
                    return
                }
                // The last word overlaps the one before: lowercasing twice changes nothing.
                for offset in stride(from: keyStart, to: stored.count - 8, by: 8) { lowercase(offset) }
                lowercase(stored.count - 8)
            }
        }
        let displayStart = displays.count
        displays.append(contentsOf: value)
        groups.append(Group(
            keyStart: UInt32(keyStart), keyLength: UInt32(key.count), displayStart: UInt32(displayStart),
            displayLength: UInt32(value.count), hash: hash, displayCount: UInt32(count), count: count))
        if groups.count * 2 > table.count { grow() }
    }

    /// The eight bytes of `bytes` from `offset` as a word, those past the end zero; the last
    /// of eight or more bytes read as the word ending at the end, shifted.
    @inline(__always)
    private static func word(of bytes: UnsafeBufferPointer<UInt8>, at offset: Int) -> UInt64 {
        let rest = bytes.count - offset
        let load = { (at: Int) in UnsafeRawPointer(bytes.baseAddress! + at).loadUnaligned(as: UInt64.self) }
        if rest >= 8 { return load(offset) }
        if bytes.count >= 8 { return load(bytes.count - 8) >> (8 * (8 - rest)) }
        var word: UInt64 = 0
        for i in 0..<rest { word |= UInt64(bytes[offset + i]) << (8 * i) }
        return word
    }

    /// Adds a variant to the group at `index`: the form of most documents is shown; of forms as
    /// common, the first in order.
    private mutating func merge(_ value: UnsafeBufferPointer<UInt8>, count: Int, into index: Int) {
        groups[index].count += count
        let shown = groups[index]
        guard count > shown.displayCount || (count == shown.displayCount && Self.precedes(value, displays[shown.display])) else {
            return
        }
        groups[index].displayStart = UInt32(displays.count)
        groups[index].displayLength = UInt32(value.count)
        groups[index].displayCount = UInt32(count)
        displays.append(contentsOf: value)
    }

    private mutating func grow() {
        table = [Int32](repeating: -1, count: table.count * 2)
        let mask = table.count - 1
        for (index, group) in groups.enumerated() {
            var slot = Int(truncatingIfNeeded: group.hash) & mask
            while table[slot] >= 0 { slot = (slot + 1) & mask }
            table[slot] = Int32(index)
        }
    }

    /// The `limit` values counted in most documents, biggest first, then by value.
    func top(_ limit: Int) -> [FacetValue] {
        guard limit > 0 else { return [] }
        let ordered = { (a: Group, b: Group) in
            a.count != b.count ? a.count > b.count : Self.precedes(displays[a.display], displays[b.display])
        }
        let top = limit < groups.count / 4 ? Self.first(limit, of: groups, by: ordered) : Array(groups.sorted(by: ordered).prefix(limit))
        return top.map { FacetValue(value: String(decoding: displays[$0.display], as: UTF8.self), count: $0.count) }
    }

    /// Whether the value `a` comes before `b` as strings order them: byte by byte for ASCII.
    private static func precedes(_ a: some Collection<UInt8>, _ b: some Collection<UInt8>) -> Bool {
        if a.allSatisfy({ $0 < 0x80 }) && b.allSatisfy({ $0 < 0x80 }) { return a.lexicographicallyPrecedes(b) }
        return String(decoding: a, as: UTF8.self) < String(decoding: b, as: UTF8.self)
    }

    /// The first `n` elements in `order`, without sorting them all.
    private static func first<T>(_ n: Int, of items: [T], by order: (T, T) -> Bool) -> [T] {
        var best: [T] = []
        best.reserveCapacity(n + 1)
        for item in items {
            if best.count == n, !order(item, best[n - 1]) { continue }
            let position = best.firstIndex { order(item, $0) } ?? best.count
            best.insert(item, at: position)
            if best.count > n { best.removeLast() }
        }
        return best
    }
}
