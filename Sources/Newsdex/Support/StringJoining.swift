// Strings joined without the standard library's generic `joined(separator:)`: its first call in
// a process looks up a protocol conformance at run time, a scan of every conformance record in
// the binary, a quarter of a million instructions (2% of a one-shot search at 10k; issue 16).
// Used where a search passes; elsewhere `joined(separator:)` reads as well and costs the same
// once it has been called.

extension Array where Element == String {
    /// The strings with `separator` between them, as `joined(separator:)` gives them.
    public func concatenated(separator: String) -> String {
        var result = ""
        result.reserveCapacity(reduce(separator.utf8.count * Swift.max(0, count - 1)) { $0 + $1.utf8.count })
        for (index, string) in enumerated() {
            if index > 0 { result += separator }
            result += string
        }
        return result
    }
}
