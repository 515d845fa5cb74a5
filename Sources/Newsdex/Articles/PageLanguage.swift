// The language a web page states: in its JSON-LD, its <html lang>, its meta tags, or (for a page
// in a web archive) the HTTP Content-Language header. A stated language wins over CLD2's guess,
// as front matter's does (ArticleLanguages); this chooses which statement to believe.

/// One place where a page states its language, with the value as written.
struct LanguageStatement: Sendable, Hashable {
    /// Where the statement is, most trusted first.
    enum Origin: Int, Sendable, Comparable, CustomStringConvertible {
        case linkedData, htmlLang, httpEquiv, metaLanguage, openGraphLocale, httpHeader

        static func < (lhs: Origin, rhs: Origin) -> Bool { lhs.rawValue < rhs.rawValue }

        var description: String {
            switch self {
            case .linkedData: return "JSON-LD inLanguage"
            case .htmlLang: return "<html lang>"
            case .httpEquiv: return "<meta http-equiv=\"content-language\">"
            case .metaLanguage: return "<meta name=\"language\">"
            case .openGraphLocale: return "og:locale"
            case .httpHeader: return "the HTTP Content-Language header"
            }
        }
    }

    /// What a statement says.
    enum Reading: Sendable, Hashable {
        /// One language.
        case language(Language)
        /// Nothing usable about this page: "und", "mul", or several languages ("de, en", as
        /// Content-Language names a site's audiences).
        case noLanguage
        /// A value that names no language ("xx", "default").
        case unknown
    }

    var origin: Origin
    var value: String

    var reading: Reading {
        let parts = value.split(separator: ",").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
        guard !parts.isEmpty else { return .noLanguage }
        var languages = Set<Language>()
        for part in parts {
            guard let language = Language(stated: part) else { return .unknown }
            languages.insert(language)
        }
        guard languages.count == 1, let language = languages.first, !language.isUndetermined else { return .noLanguage }
        return .language(language)
    }

    /// The language of the most trusted statement that names one, with where it is; else nil,
    /// with the first statement that names no known language (to warn of), if any.
    static func stated(by statements: [LanguageStatement]) -> (language: Language?, from: Origin?, unknown: LanguageStatement?) {
        var unknown: LanguageStatement?
        for statement in statements.sorted(by: { $0.origin < $1.origin }) {
            switch statement.reading {
            case .language(let language): return (language, statement.origin, nil)
            case .noLanguage: continue
            case .unknown: if unknown == nil { unknown = statement }
            }
        }
        return (nil, nil, unknown)
    }
}
