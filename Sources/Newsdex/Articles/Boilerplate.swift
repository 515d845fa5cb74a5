// The one list of site boilerplate that copied articles carry: audio players, footers, ads.
// To drop another line, add a rule here (and a test line in BoilerplateTests).

/// A line that is page furniture, not article content.
struct BoilerplateRule: Sendable {
    /// Where in the file such a line is dropped.
    enum Placement: Sendable {
        /// On any line: the text is never written by a journalist as a whole line.
        case anywhere
        /// Only among the last lines of the file (with blank lines and other trailing rules):
        /// the words could be content elsewhere.
        case trailing
    }

    enum Pattern: Sendable {
        /// The whole line, ignoring case and surrounding whitespace.
        case exact(String)
        /// The line begins with this text, ignoring case.
        case prefix(String)
    }

    var pattern: Pattern
    var placement: Placement

    func matches(_ line: Substring) -> Bool {
        switch pattern {
        case .exact(let text):
            return line.count == text.count && line.lowercased() == text
        case .prefix(let text):
            return line.count >= text.count && line.prefix(text.count).lowercased() == text
        }
    }
}

enum Boilerplate {
    /// Patterns are written in lower case; matching ignores case.
    static let rules: [BoilerplateRule] = [
        // Audio players (LBC and others).
        .init(pattern: .exact("listen to this article"), placement: .anywhere),
        .init(pattern: .exact("loading audio..."), placement: .anywhere),
        .init(pattern: .exact("loading audio…"), placement: .anywhere),
        .init(pattern: .exact("loading audio"), placement: .anywhere),
        // Ad slots.
        .init(pattern: .exact("advertisement"), placement: .anywhere),
        .init(pattern: .exact("advertisement - scroll to continue"), placement: .anywhere),
        .init(pattern: .exact("story continues below advertisement"), placement: .anywhere),
        // Footers that page scrapers pick up after the article (AFP seed: an analytics widget).
        .init(pattern: .exact("real time analytics"), placement: .trailing),
        .init(pattern: .exact("share this article"), placement: .trailing),
        .init(pattern: .exact("related articles"), placement: .trailing),
        .init(pattern: .prefix("copyright ©"), placement: .trailing),
        .init(pattern: .prefix("© copyright"), placement: .trailing),
    ]

    /// The indexes of `lines` (trimmed) that are boilerplate under `rules`.
    static func lineIndexes(in lines: [Substring], rules: [BoilerplateRule] = rules) -> Set<Int> {
        var dropped = Set<Int>()
        for (index, line) in lines.enumerated() where !line.isEmpty {
            if rules.contains(where: { $0.placement == .anywhere && $0.matches(line) }) {
                dropped.insert(index)
            }
        }
        // Walk up from the end over blank lines and trailing (or anywhere) boilerplate.
        var index = lines.count - 1
        while index >= 0 {
            let line = lines[index]
            if line.isEmpty || dropped.contains(index) {
                index -= 1
                continue
            }
            guard rules.contains(where: { $0.placement == .trailing && $0.matches(line) }) else { break }
            dropped.insert(index)
            index -= 1
        }
        return dropped
    }
}
