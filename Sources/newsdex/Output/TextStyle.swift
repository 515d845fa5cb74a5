// ANSI styling for text output, or none at all when colour is off.

struct TextStyle {
    let color: Bool

    func bold(_ s: String) -> String { color ? "\u{1B}[1m\(s)\u{1B}[0m" : s }
    func dim(_ s: String) -> String { color ? "\u{1B}[2m\(s)\u{1B}[0m" : s }
    func match(_ s: String) -> String { color ? "\u{1B}[1;31m\(s)\u{1B}[0m" : s }
    func heading(_ s: String) -> String { color ? "\u{1B}[1;32m\(s)\u{1B}[0m" : s }
}
