// Text normalisation and stable hashing shared by fingerprints and diffs.
import Foundation

/// Splits text into normalised words: lowercased, accents folded, punctuation dropped.
///
/// Apostrophes join ("don't" → "dont"); any other non-letter, non-digit separates words.
enum StoryText {
    /// Calls `body` with the UTF-8 bytes of each normalised word, in order.
    ///
    /// Works on Unicode scalars without building a String per word: it runs on every article
    /// at index time.
    static func forEachWord(in text: String, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var word: [UInt8] = []
        word.reserveCapacity(64)
        func flush() {
            if !word.isEmpty {
                word.withUnsafeBufferPointer(body)
                word.removeAll(keepingCapacity: true)
            }
        }
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if v < 0x80 {
                switch v {
                case 0x61...0x7A, 0x30...0x39: word.append(UInt8(v))
                case 0x41...0x5A: word.append(UInt8(v + 0x20))
                case 0x27: continue
                default: flush()
                }
            } else if v == 0x2019 || v == 0x2018 || scalar.properties.generalCategory == .nonspacingMark {
                continue
            } else if let folded = fold(scalar) {
                word.append(contentsOf: folded)
            } else {
                flush()
            }
        }
        flush()
    }

    /// The normalised words of `text`.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        forEachWord(in: text) { words.append(String(decoding: $0, as: UTF8.self)) }
        return words
    }

    /// `text` normalised to words separated by single spaces, for comparing paragraphs and titles.
    static func normalized(_ text: String) -> String {
        words(text).joined(separator: " ")
    }

    /// Folded UTF-8 of a non-ASCII letter or digit, nil for anything else (a separator).
    private static func fold(_ scalar: Unicode.Scalar) -> [UInt8]? {
        let v = Int(scalar.value)
        if v < latinFolds.count { return latinFolds[v] }
        return computeFold(scalar)
    }

    /// Folds of U+0000..U+024F (Latin-1 and Latin Extended), precomputed because they are
    /// frequent in European news; other scripts are folded on the fly.
    private static let latinFolds: [[UInt8]?] = (0..<0x250).map { v in
        Unicode.Scalar(UInt32(v)).flatMap(computeFold)
    }

    private static func computeFold(_ scalar: Unicode.Scalar) -> [UInt8]? {
        let properties = scalar.properties
        guard properties.isAlphabetic || properties.numericType != nil else { return nil }
        let folded = String(Character(scalar)).lowercased()
            .folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil)
        var bytes: [UInt8] = []
        for s in folded.unicodeScalars
        where s.properties.isAlphabetic || s.properties.numericType != nil {
            bytes.append(contentsOf: String(s).utf8)
        }
        return bytes.isEmpty ? nil : bytes
    }
}

/// Hashes that are the same on every machine and run (unlike `Hasher`), since they end up in
/// the index: shingle hashes (FNV-1a, Schema/FNV1a.swift), band keys, cluster ids.
enum StoryHashing {
    static let maxPermutations = 1024

    /// The SplitMix64 finaliser: spreads every input bit over every output bit.
    @inline(__always)
    static func mix(_ x: UInt64) -> UInt64 {
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Multipliers (odd) and offsets of the permutations h ↦ a·h + b mod 2^64, from a fixed seed
    /// so fingerprints stored in an index stay comparable across runs and versions.
    static let permutations: (a: [UInt64], b: [UInt64]) = {
        var state: UInt64 = 0x6E65_7773_6465_7821  // "newsdex!"
        func next() -> UInt64 {
            state = state &+ 0x9E37_79B9_7F4A_7C15
            return mix(state)
        }
        var a: [UInt64] = [], b: [UInt64] = []
        for _ in 0..<maxPermutations {
            a.append(next() | 1)
            b.append(next())
        }
        return (a, b)
    }()

    static func hex(_ value: UInt64, digits: Int) -> String {
        let s = String(value, radix: 16)
        return String(repeating: "0", count: max(0, digits - s.count)) + s
    }
}
