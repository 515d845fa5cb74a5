// Strings split at an ASCII byte, without the standard library's generic `split`: called on a
// String's views, it ran unspecialized (each element through a protocol witness, the first call
// looking up conformances at run time), 340 k instructions to split a one-line stub file in a
// one-shot search (issue 16).

extension String {
    /// The parts of the string between each `separator` byte (an ASCII character), empty ones
    /// included, as `split(separator:omittingEmptySubsequences: false)` over its UTF-8 gives
    /// them. Splitting at an ASCII byte never splits a character's bytes, so every part is the
    /// text as it was; "\r\n" is two bytes here, where as Characters it is one.
    func parts(separatedBy separator: UInt8) -> [String] {
        precondition(separator < 0x80, "an ASCII byte")
        var parts: [String] = []
        var text = self
        text.withUTF8 { bytes in
            var start = 0
            for end in 0...bytes.count where end == bytes.count || bytes[end] == separator {
                parts.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<end]), as: UTF8.self))
                start = end + 1
            }
        }
        return parts
    }
}
