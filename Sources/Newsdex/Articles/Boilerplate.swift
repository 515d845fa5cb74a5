// The one list of site boilerplate that copied articles carry: audio players, footers, ads.
// To drop another line, add a rule here (and a test line in BoilerplateTests).

/// A line that is page furniture, not article content.
struct BoilerplateRule: Sendable {
    /// Where in the file such a line is dropped.
    enum Placement: Sendable {
        /// On any line: the text is never written by a journalist as a whole line. Only short
        /// lines (`Boilerplate.headLength` bytes at most) are checked, so body paragraphs cost nothing.
        case anywhere
        /// Only among the last lines of the file (with blank lines and other trailing rules):
        /// the words could be content elsewhere.
        case trailing
        /// Only among the first lines of the file, before anything else (with blank lines and
        /// other leading rules): a page copied whole opens with its skip links and notices.
        case leading
    }

    enum Pattern: Sendable {
        /// The whole line, ignoring case and surrounding whitespace.
        case exact(String)
        /// The line begins with this text, ignoring case.
        case prefix(String)
    }

    var pattern: Pattern
    var placement: Placement

    /// - Parameter head: the line's first `Boilerplate.headLength` characters, lower case.
    func matches(_ line: Substring, head: String) -> Bool {
        switch pattern {
        case .exact(let text): return line.utf8.count == text.utf8.count && head == text
        case .prefix(let text): return head.hasPrefix(text)
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
        // Skip links and script notices that open a page copied whole (real saved pages).
        .init(pattern: .prefix("skip to "), placement: .leading),
        .init(pattern: .prefix("jump to "), placement: .leading),
        .init(pattern: .exact("skip navigation"), placement: .leading),
        .init(pattern: .prefix("aller au contenu"), placement: .leading),
        .init(pattern: .prefix("aller au menu"), placement: .leading),
        .init(pattern: .prefix("direkt zum inhalt"), placement: .leading),
        .init(pattern: .prefix("zum inhalt springen"), placement: .leading),
        .init(pattern: .prefix("zum hauptinhalt"), placement: .leading),
        .init(pattern: .prefix("saltar al contenido"), placement: .leading),
        .init(pattern: .prefix("ir al contenido"), placement: .leading),
        .init(pattern: .prefix("vai al contenuto"), placement: .leading),
        .init(pattern: .prefix("salta al contenuto"), placement: .leading),
        .init(pattern: .prefix("naar de inhoud"), placement: .leading),
        .init(pattern: .prefix("ga naar de inhoud"), placement: .leading),
        .init(pattern: .prefix("pular para o conteúdo"), placement: .leading),
        .init(pattern: .prefix("ir para o conteúdo"), placement: .leading),
        .init(pattern: .prefix("please enable javascript"), placement: .leading),
        .init(pattern: .prefix("please activate javascript"), placement: .leading),
        .init(pattern: .prefix("you need to enable javascript"), placement: .leading),
        .init(pattern: .prefix("javascript is disabled"), placement: .leading),
        .init(pattern: .prefix("javascript scheint"), placement: .leading),
        .init(pattern: .prefix("bitte aktivieren sie ihr javascript"), placement: .leading),
        .init(pattern: .prefix("bitte aktivieren sie javascript"), placement: .leading),
        .init(pattern: .prefix("veuillez activer javascript"), placement: .leading),
    ]

    /// Longer than any pattern: a line is lowercased only this far, once, however many rules.
    static let headLength = 48

    /// The indexes of `lines` (trimmed) that are boilerplate under `rules`.
    static func lineIndexes(in lines: [Substring], rules: [BoilerplateRule] = rules) -> Set<Int> {
        var dropped = Set<Int>()
        func head(_ line: Substring) -> String { line.prefix(headLength).lowercased() }
        for (index, line) in lines.enumerated() where !line.isEmpty && line.utf8.count <= headLength {
            let head = head(line)
            if rules.contains(where: { $0.placement == .anywhere && $0.matches(line, head: head) }) {
                dropped.insert(index)
            }
        }
        // From each end, over blank lines and leading or trailing (or anywhere) boilerplate, as
        // far as the first line of neither.
        func walk(_ indexes: some Sequence<Int>, over placement: BoilerplateRule.Placement) {
            for index in indexes {
                let line = lines[index]
                if line.isEmpty || dropped.contains(index) { continue }
                let head = head(line)
                guard rules.contains(where: { $0.placement == placement && $0.matches(line, head: head) }) else { return }
                dropped.insert(index)
            }
        }
        walk(lines.indices, over: .leading)
        walk(lines.indices.reversed(), over: .trailing)
        return dropped
    }
}
