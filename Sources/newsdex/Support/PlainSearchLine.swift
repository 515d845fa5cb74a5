// A plain `newsdex search` line, read without ArgumentParser (issue 16). ArgumentParser builds a
// command's arguments by reflection, and each generic type it meets costs a scan of the binary's
// ~6,000 protocol conformance records: 22 M of the 50 M instructions of a one-shot search, more
// than Xapian's match and the snippets together. So a line that names only search's own options,
// each once, with plain values, is read here into the values ArgumentParser's reading gives
// (SearchRun: plain values, not the command's property wrappers, whose making alone cost 200 k
// instructions and 23 page faults); anything else (help, a typo, a repeated flag, a value that
// starts with "-", a value out of range) is declined, and ArgumentParser reads it as before, with
// its messages. A test parses generated lines both ways and compares the values, and checks that
// this table names every option that `search` declares.
import ArgumentParser
import Newsdex

enum PlainSearchLine {
    /// How an option takes its value.
    enum Arity: Equatable {
        /// `--exact`
        case flag
        /// `--from DATE`: once.
        case single
        /// `--source NAME`: repeatable, in order.
        case repeating
    }

    /// Every option of `search`, by long name, and how it takes its value. A list of literals,
    /// searched in turn, not a dictionary: hashing it together at the first line read cost a
    /// one-shot search 50 k instructions, for some twenty string comparisons.
    static let options: [(name: String, arity: Arity)] = [
        ("source", .repeating), ("person", .repeating), ("place", .repeating), ("org", .repeating),
        ("entity", .repeating), ("credit", .repeating), ("lang", .repeating),
        ("from", .single), ("to", .single), ("kind", .single), ("db", .single), ("limit", .single),
        ("offset", .single), ("sort", .single), ("format", .single), ("facet-limit", .single),
        ("exact", .flag), ("correct", .flag), ("facets", .flag), ("all-copies", .flag), ("no-color", .flag),
    ]

    /// The short names of options, and the long name each stands for.
    static let shortNames: [(short: String, long: String)] = [("-l", "limit")]

    /// How the option `name` (a long name) takes its value; nil for no option of `search`.
    static func arity(of name: String) -> Arity? {
        options.first { $0.name == name }?.arity
    }

    /// The `search` that `arguments` (without the program name) ask for, validated; nil when
    /// the line is not plain or not valid, for ArgumentParser to read (and word its error).
    static func command(_ arguments: [String]) -> SearchRun? {
        guard arguments.first == "search", let line = read(arguments.dropFirst()) else { return nil }
        return line.command()
    }

    /// The words of a line: query words, each option's values and the flags given.
    private struct Line {
        var query: [String] = []
        var values: [String: [String]] = [:]
        var flags: Set<String> = []

        func list(_ name: String) -> [String] { values[name] ?? [] }
        func single(_ name: String) -> String? { values[name]?.first }
        func parsed<T: ExpressibleByArgument>(_ name: String, default value: T) -> T? {
            guard let text = single(name) else { return value }
            return T(argument: text)
        }

        func command() -> SearchRun? {
            var run = SearchRun()
            run.options.query = query
            run.options.sources = list("source")
            run.options.persons = list("person")
            run.options.places = list("place")
            run.options.organizations = list("org")
            run.options.entities = list("entity")
            run.options.credits = list("credit")
            run.options.languages = list("lang")
            run.options.from = single("from")
            run.options.to = single("to")
            run.options.exact = flags.contains("exact")
            run.options.correct = flags.contains("correct")
            run.db = single("db")
            run.allCopies = flags.contains("all-copies")
            run.facets = flags.contains("facets")
            run.noColor = flags.contains("no-color")
            guard let kind = parsed("kind", default: KindFilter.article),
                let limit = parsed("limit", default: HitLimit.count(10)),
                let offset = parsed("offset", default: 0),
                let format = parsed("format", default: SearchFormat.text),
                let facetLimit = parsed("facet-limit", default: 10)
            else { return nil }
            run.options.kind = kind
            (run.limit, run.offset, run.format, run.facetLimit) = (limit, offset, format, facetLimit)
            if let sort = single("sort") {
                guard let order = HitOrder(argument: sort) else { return nil }
                run.sort = order
            }
            do {
                try run.validate()
            } catch {
                return nil
            }
            return run
        }
    }

    private static func read(_ arguments: ArraySlice<String>) -> Line? {
        var line = Line()
        var rest = arguments
        var optionsEnded = false
        while let argument = rest.popFirst() {
            if argument.isEmpty { return nil }
            if optionsEnded || !argument.hasPrefix("-") || QueryWords.isExclusion(argument) {
                line.query.append(argument)
                continue
            }
            if argument == "--" {
                optionsEnded = true
                continue
            }
            var name: String
            var value: String?
            if let short = shortNames.first(where: { $0.short == argument }) {
                name = short.long
            } else {
                guard argument.hasPrefix("--") else { return nil }
                name = String(argument.dropFirst(2))
                if let equals = name.firstIndex(of: "=") {
                    value = String(name[name.index(after: equals)...])
                    name = String(name[..<equals])
                }
            }
            guard let arity = arity(of: name) else { return nil }
            if arity == .flag {
                guard value == nil, line.flags.insert(name).inserted else { return nil }
                continue
            }
            if value == nil { value = rest.popFirst() }
            guard let value, !value.isEmpty, !value.hasPrefix("-") else { return nil }
            if arity == .single && line.values[name] != nil { return nil }
            line.values[name, default: []].append(value)
        }
        return line
    }
}
