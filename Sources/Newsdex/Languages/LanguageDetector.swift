// Guessing the language of a text with the Compact Language Detector 2 (Debian's libcld2); why
// CLD2 and not libexttextcat is measured in the README.
internal import CCLD2

/// What the detector makes of a text.
public struct LanguageGuess: Sendable, Hashable {
    /// The most likely language; undetermined when CLD2 names none with an ISO 639-1 code.
    public var language: Language
    /// CLD2's own judgement: enough text, and the language clearly ahead of the next one.
    public var isReliable: Bool
    /// The share of the text's letters in `language`, 0...100.
    public var percent: Int
}

/// Guesses languages with CLD2: offline, deterministic, thread-safe (its tables are static data).
public enum LanguageDetector {
    /// How much of a text is looked at: a couple of paragraphs decide the language of a news
    /// article, and CLD2's time grows with the text (about 20 MB/s here).
    public static let byteLimit = 2048

    /// The language of `text` (plain text), looking at its first `byteLimit` bytes.
    public static func guess(_ text: String) -> LanguageGuess {
        var head = prefix(of: text, bytes: byteLimit)
        var codes: [UnsafePointer<CChar>?] = [nil, nil, nil]
        var percents: [Int32] = [0, 0, 0]
        var reliable: Int32 = 0
        var scored: Int32 = 0
        let status = head.withUTF8 { bytes in
            bytes.withMemoryRebound(to: CChar.self) { chars in
                codes.withUnsafeMutableBufferPointer { codes in
                    cld_detect(chars.baseAddress, chars.count, codes.baseAddress, &percents, &reliable, &scored)
                }
            }
        }
        // A Swift String is valid UTF-8 and 2 KiB is far below CLD2's limit, so only running out
        // of memory can fail here; it then says nothing about the text. (Or libcld2 missing:
        // every run that reads articles has loaded it first, `ArticleReader.loadLibraries`.)
        guard status == CLD_OK, let first = codes[0] else {
            return LanguageGuess(language: .undetermined, isReliable: false, percent: 0)
        }
        let language = Language(stated: String(cString: first)) ?? .undetermined
        return LanguageGuess(
            language: language, isReliable: reliable != 0 && !language.isUndetermined,
            percent: Int(percents[0]))
    }

    /// The detector's version, for reports; "" when libcld2 cannot be loaded.
    public static var version: String { String(cString: cld_version()) }

    /// At most `bytes` bytes of `text`, cut at a character boundary.
    static func prefix(of text: String, bytes: Int) -> String {
        let utf8 = text.utf8
        guard utf8.count > bytes else { return text }
        var cut = utf8.index(utf8.startIndex, offsetBy: bytes)
        // Back off continuation bytes (10xxxxxx) to the start of the character being cut.
        while cut > utf8.startIndex && utf8[cut] & 0xC0 == 0x80 { cut = utf8.index(before: cut) }
        return String(decoding: utf8[..<cut], as: UTF8.self)
    }
}
