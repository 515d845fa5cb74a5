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
    /// documents have that form, and how many have any form.
    private struct Group {
        var hash: UInt64
        var key: Range<Int>
        var display: Range<Int>
        var displayCount: Int
        var count: Int
    }

    /// The groups' normalized keys, back to back.
    private var keys: [UInt8] = []
    /// The forms shown, back to back (a form replaced is left where it was).
    private var displays: [UInt8] = []
    private var groups: [Group] = []
    /// Open addressing over `groups` by the hash of their key: -1 where there is none.
    private var table = [Int32](repeating: -1, count: 64)

    init() {}

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
        let start = keys.count
        Schema.appendNormalizedValue(utf8: utf8, to: &keys)
        let key = start..<keys.count
        let hash = keys.withUnsafeBufferPointer { FNV1a.hash(UnsafeBufferPointer(rebasing: $0[key])) }
        let mask = table.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while table[slot] >= 0 {
            let index = Int(table[slot])
            if groups[index].hash == hash, Self.equal(keys, groups[index].key, key) {
                keys.removeLast(key.count)
                merge(utf8, count: count, into: index)
                return
            }
            slot = (slot + 1) & mask
        }
        table[slot] = Int32(groups.count)
        let display = displays.count..<displays.count + utf8.count
        displays.append(contentsOf: utf8.assumingMemoryBound(to: UInt8.self))
        groups.append(Group(hash: hash, key: key, display: display, displayCount: count, count: count))
        if groups.count * 2 > table.count { grow() }
    }

    /// Adds a variant to the group at `index`: the form of most documents is shown; of forms as
    /// common, the first in order.
    private mutating func merge(_ utf8: UnsafeRawBufferPointer, count: Int, into index: Int) {
        groups[index].count += count
        let shown = groups[index]
        guard count > shown.displayCount || (count == shown.displayCount && Self.precedes(utf8, displays[shown.display])) else {
            return
        }
        groups[index].display = displays.count..<displays.count + utf8.count
        groups[index].displayCount = count
        displays.append(contentsOf: utf8.assumingMemoryBound(to: UInt8.self))
    }

    /// Whether the bytes of `bytes` in ranges `a` and `b` are the same.
    private static func equal(_ bytes: [UInt8], _ a: Range<Int>, _ b: Range<Int>) -> Bool {
        guard a.count == b.count else { return false }
        return bytes.withUnsafeBufferPointer { buffer in
            for i in 0..<a.count where buffer[a.lowerBound + i] != buffer[b.lowerBound + i] { return false }
            return true
        }
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
