// Every integer option has a range, checked in each command's validate(): a value beyond it is a
// usage error (exit 2) naming the flag, never an overflow or a trap later on. The README lists them.
import ArgumentParser
import Newsdex

enum OptionRanges {
    /// Hits shown per page: as Elasticsearch's default max_result_window, enough to page through
    /// any result a person reads, and a bound on the work of one search.
    static let limit = 0...10_000
    /// Hits skipped: any number; past the last hit the search exits 1 and says how many there are.
    static let offset = 0...Int.max
    /// Values listed per facet (`--facet-limit`, `stats --top`): every value is counted anyway,
    /// so this bounds only the output; a million lists all of any index.
    static let facetValues = 0...1_000_000
    static let jobs = 1...256
    static let shards = 1...256
    static let batchSize = 1...1_000_000
    /// Bytes of the largest file read: up to 1 GiB (the default is 16 MiB).
    static let maxFileSize = 1...(1 << 30)

    /// Throws a ValidationError naming `flag` when `value` is outside `range`.
    static func check(_ value: Int, _ range: ClosedRange<Int>, _ flag: String) throws {
        guard !range.contains(value) else { return }
        let bound = range.upperBound == Int.max ? "\(range.lowerBound) or more" : "from \(range.lowerBound) to \(range.upperBound)"
        throw ValidationError("\(flag) must be \(bound), not \(value)")
    }
}
