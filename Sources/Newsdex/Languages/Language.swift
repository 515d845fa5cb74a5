// The language of a text as newsdex stores it: an ISO 639-1 code, or "und" (ISO 639-2's
// "undetermined") when it is not known.
import Foundation

/// A language: a two-letter ISO 639-1 code ("en", "es", "zh"), or `und` when undetermined.
public struct Language: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    /// The lowercase ISO 639-1 code, or "und".
    public let code: String

    public static let undetermined = Language(checked: "und")
    public static let english = Language(checked: "en")

    private init(checked code: String) {
        self.code = code
    }

    /// The language of an ISO 639-1 code in any case ("EN"); nil for anything else.
    public init?(code: String) {
        let lowered = code.lowercased()
        if lowered == "und" {
            self = .undetermined
            return
        }
        guard Self.isISO639_1(lowered) else { return nil }
        self.code = lowered
    }

    /// The language a document states, read as people and web pages write it: a code with
    /// region or script ("en-US", "pt_BR", "zh-Hant", og:locale's "fr_FR"), an ISO 639-2 code
    /// ("spa", "ger"), or an English name ("Spanish"). "und", "mul" (several) and "zxx" (no
    /// language) read as undetermined; nil when the value names no language.
    public init?(stated: String) {
        let value = stated.trimmingCharacters(in: .whitespacesAndNewlines).lowercased()
        let primary = value.split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        if ["und", "mul", "zxx", "mis"].contains(primary) {
            self = .undetermined
        } else if let retired = Self.retiredCodes[primary] {
            self.code = retired
        } else if Self.isISO639_1(primary) {
            self.code = primary
        } else if primary.count == 3, let code = Self.byThreeLetterCode[primary] {
            self.code = code
        } else if let code = Self.byName[value] {
            self.code = code
        } else {
            return nil
        }
    }

    public var isUndetermined: Bool { code == "und" }

    /// The English name, when newsdex knows one ("Spanish"); else the code.
    public var name: String { Self.names[code] ?? code }

    public var description: String { code }

    public static func < (lhs: Language, rhs: Language) -> Bool { lhs.code < rhs.code }

    public init(from decoder: any Decoder) throws {
        let code = try decoder.singleValueContainer().decode(String.self)
        self = Language(code: code) ?? .undetermined
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(code)
    }
}

extension Language {
    /// Whether `code` is an ISO 639-1 code, in lowercase. The list is searched rather than made a
    /// set: every search reads its index's languages through `Language(code:)`, and making a set
    /// of these 184 strings cost more instructions than Xapian's match of a rare word (issue 16).
    static func isISO639_1(_ code: String) -> Bool {
        var code = code, codes = iso639_1
        return code.withUTF8 { code in
            code.count == 2 && codes.withUTF8 { codes in
                stride(from: 0, to: codes.count - 1, by: 3).contains { codes[$0] == code[0] && codes[$0 + 1] == code[1] }
            }
        }
    }

    /// Every ISO 639-1 code, each followed by a space but the last.
    private static let iso639_1 = """
        aa ab ae af ak am an ar as av ay az ba be bg bh bi bm bn bo br bs ca ce ch co cr cs cu cv \
        cy da de dv dz ee el en eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr \
        ht hu hy hz ia id ie ig ii ik io is it iu ja jv ka kg ki kj kk kl km kn ko kr ks ku kv kw \
        ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb nd ne ng nl nn no nr nv \
        ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq sr \
        ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi \
        yo za zh zu
        """

    /// Codes ISO 639-1 withdrew that older software and CLD2 still write.
    static let retiredCodes = ["iw": "he", "in": "id", "ji": "yi", "jw": "jv", "mo": "ro", "sh": "sr"]

    /// The languages newsdex names: (ISO 639-1, English name, ISO 639-2 codes, other names).
    /// Every language Xapian stems is here, with Chinese, Japanese, Korean and the languages of
    /// most news sites; other codes are still valid, just shown as codes.
    private static let table: [(String, String, [String], [String])] = [
        ("af", "Afrikaans", ["afr"], []), ("ar", "Arabic", ["ara"], []),
        ("az", "Azerbaijani", ["aze"], []), ("be", "Belarusian", ["bel"], []),
        ("bg", "Bulgarian", ["bul"], []), ("bn", "Bengali", ["ben"], ["bangla"]),
        ("ca", "Catalan", ["cat"], []), ("cs", "Czech", ["ces", "cze"], []),
        ("cy", "Welsh", ["cym", "wel"], []), ("da", "Danish", ["dan"], []),
        ("de", "German", ["deu", "ger"], ["deutsch"]), ("el", "Greek", ["ell", "gre"], []),
        ("en", "English", ["eng"], []), ("es", "Spanish", ["spa"], ["español", "espanol", "castilian"]),
        ("et", "Estonian", ["est"], []), ("eu", "Basque", ["eus", "baq"], []),
        ("fa", "Persian", ["fas", "per"], ["farsi"]), ("fi", "Finnish", ["fin"], []),
        ("fr", "French", ["fra", "fre"], ["français", "francais"]), ("ga", "Irish", ["gle"], []),
        ("gl", "Galician", ["glg"], []), ("he", "Hebrew", ["heb"], []), ("hi", "Hindi", ["hin"], []),
        ("hr", "Croatian", ["hrv"], []), ("hu", "Hungarian", ["hun"], []),
        ("hy", "Armenian", ["hye", "arm"], []), ("id", "Indonesian", ["ind"], []),
        ("is", "Icelandic", ["isl", "ice"], []), ("it", "Italian", ["ita"], ["italiano"]),
        ("ja", "Japanese", ["jpn"], []), ("ka", "Georgian", ["kat", "geo"], []),
        ("kk", "Kazakh", ["kaz"], []), ("ko", "Korean", ["kor"], []),
        ("lt", "Lithuanian", ["lit"], []), ("lv", "Latvian", ["lav"], []),
        ("mk", "Macedonian", ["mkd", "mac"], []), ("ms", "Malay", ["msa", "may"], []),
        ("ne", "Nepali", ["nep"], ["nepalese"]), ("nl", "Dutch", ["nld", "dut"], ["flemish"]),
        ("no", "Norwegian", ["nor"], []), ("nb", "Norwegian Bokmål", ["nob"], ["bokmål", "bokmal"]),
        ("nn", "Norwegian Nynorsk", ["nno"], ["nynorsk"]), ("pl", "Polish", ["pol"], []),
        ("pt", "Portuguese", ["por"], ["português", "portugues"]), ("ro", "Romanian", ["ron", "rum"], []),
        ("ru", "Russian", ["rus"], ["русский"]), ("sk", "Slovak", ["slk", "slo"], []),
        ("sl", "Slovenian", ["slv"], ["slovene"]), ("sq", "Albanian", ["sqi", "alb"], []),
        ("sr", "Serbian", ["srp"], []), ("sv", "Swedish", ["swe"], []), ("sw", "Swahili", ["swa"], []),
        ("ta", "Tamil", ["tam"], []), ("th", "Thai", ["tha"], []),
        ("tl", "Tagalog", ["tgl", "fil"], ["filipino"]), ("tr", "Turkish", ["tur"], []),
        ("uk", "Ukrainian", ["ukr"], []), ("ur", "Urdu", ["urd"], []), ("uz", "Uzbek", ["uzb"], []),
        ("vi", "Vietnamese", ["vie"], []), ("zh", "Chinese", ["zho", "chi"], ["mandarin"]),
    ]

    static let names: [String: String] = Dictionary(uniqueKeysWithValues: table.map { ($0.0, $0.1) })

    static let byThreeLetterCode: [String: String] = Dictionary(
        uniqueKeysWithValues: table.flatMap { entry in entry.2.map { ($0, entry.0) } })

    static let byName: [String: String] = Dictionary(
        uniqueKeysWithValues: table.flatMap { entry in ([entry.1.lowercased()] + entry.3).map { ($0, entry.0) } })
}
