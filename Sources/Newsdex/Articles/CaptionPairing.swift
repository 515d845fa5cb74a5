// Copied pages render each image caption twice: once alone, then again with the photo credit
// appended ("... in Russia." / "... in Russia. Picture: Alamy"). The pair is one caption. Other
// sites print a caption once with its credit ("… Photograph: Ben Birchall/PA", "… (AP
// Photo/Evan Vucci)"), or a source line and a caption line ("Image source, Getty Images" /
// "Image caption, …", BBC).

enum CaptionPairing {
    /// The credit when `second` is `first` followed by a photo credit, or nil when they are not a
    /// caption pair. The credit is labelled ("Picture: Alamy", "Photo:", "Image:", "Credit:") or
    /// bare ("AFP", "Getty Images"); a bare one needs a caption of some length, so that a short
    /// heading followed by a longer line is not mistaken for a pair.
    static func credit(caption first: Substring, creditLine second: Substring) -> String? {
        // Byte for byte: the page printed the same text twice (`hasPrefix` compares Unicode
        // canonically, ~15 k instructions a line).
        guard !first.isEmpty, second.utf8.count > first.utf8.count, second.utf8.starts(with: first.utf8) else {
            return nil
        }
        let tail = Substring(second.utf8.dropFirst(first.utf8.count))
        guard let separator = tail.first, separator.isWhitespace || separator == "(" || separator == "|"
        else { return nil }
        var remainder = tail.trimmedForParsing()
        if remainder.first == "|" { remainder = remainder.dropFirst().trimmedForParsing() }
        if remainder.first == "(" && remainder.last == ")" {
            remainder = remainder.dropFirst().dropLast().trimmedForParsing()
        }
        if let labelled = labelledCredit(remainder) { return labelled }
        return isBareCredit(remainder) && first.split(separator: " ").count >= 4
            ? String(remainder) : nil
    }

    /// A line BBC pages print around an image: its source or its caption.
    enum LabelledLine: Equatable {
        case source(String)
        case caption(String)
    }

    /// The source or the caption a line "Image source, X" or "Image caption, X" gives; nil for
    /// any other line.
    static func labelledLine(_ line: Substring) -> LabelledLine? {
        for (label, isSource) in lineLabels where line.utf8.starts(with: label.utf8) {
            let value = line.dropFirst(label.count).trimmedForParsing()
            guard !value.isEmpty else { return nil }
            return isSource ? .source(String(value)) : .caption(String(value))
        }
        return nil
    }

    /// The BBC's labels, ASCII, each with whether it gives the source.
    private static let lineLabels = [("Image source, ", true), ("Image caption, ", false)]

    /// The longest line read as a caption with its credit, in bytes: a body paragraph is longer.
    static let maxCaptionLineBytes = 400

    /// A line that is an image caption carrying its credit ("… Photograph: Ben Birchall/PA",
    /// "… (AP Photo/Evan Vucci)", "… 2024. REUTERS/Evelyn Hockstein"); nil for any other line.
    /// Only a credit no body sentence ends with counts: one a label introduces ("Photo:",
    /// "Photograph:", "©") or a photographer's with an agency ("AP Photo/…", "…/AFP"); a
    /// sentence ending "(Reuters)" stays body.
    static func captionWithCredit(_ line: Substring) -> Caption? {
        // A credit ends with its name, a body sentence with its punctuation: most lines stop here.
        // Then a label's colon, a photographer's slash or a "©" (0xC2 0xA9) must be near the end.
        let bytes = line.utf8
        guard let last = line.last, !".\"?!”".contains(last), bytes.count <= maxCaptionLineBytes,
            bytes.suffix(120).contains(where: { $0 == UInt8(ascii: ":") || $0 == UInt8(ascii: "/") || $0 == 0xC2 })
        else { return nil }
        let (text, credit) = CaptionCredit.split(String(line))
        guard let credit, credit.contains(where: { $0.isLetter }), text.utf8.lazy.filter({ $0 == 0x20 }).count >= 2
        else { return nil }
        // A page's copyright footer ("Copyright © 2019 … All rights reserved") is no caption.
        let lower = line.lowercased()
        guard !lower.hasPrefix("copyright"), !footerWords.contains(where: { lower.contains($0) }) else { return nil }
        let tail = String(decoding: line.utf8.dropFirst(min(line.utf8.count, text.utf8.count)), as: UTF8.self).lowercased()
        let labelled = creditLabels.contains { tail.contains($0) }
        let byAgency = credit.contains("/") && CaptionCredit.isCreditPhrase(credit)
        return labelled || byAgency ? Caption(text: text, credit: credit) : nil
    }

    /// Words of a copyright footer.
    private static let footerWords = ["rights reserved", "rechte vorbehalten", "droits réservés", "derechos reservados"]

    /// What marks the end of a line as a photo's credit: a label of a caption pair's credit line
    /// (`labels`; a video's is no photo's), the same in German and French, a "by" or "©".
    private static let creditLabels = labels.filter { $0 != "video:" } + [
        "photo credit", "image credit", "photo by", "photograph by", "picture by", "©", "foto:", "fotos:",
        "bild:", "crédit",
    ]

    /// Labels that introduce a credit, lower case, with their colon.
    static let labels = [
        "picture:", "pictures:", "photo:", "photos:", "photograph:", "image:", "images:", "credit:",
        "photo credit:", "image credit:", "pic:", "illustration:", "video:",
    ]

    private static func labelledCredit(_ text: Substring) -> String? {
        let lower = text.prefix(16).lowercased()
        for label in labels where lower.hasPrefix(label) {
            let credit = text.dropFirst(label.count).trimmedForParsing()
            return credit.isEmpty ? nil : String(credit)
        }
        return nil
    }

    /// A few words that read as an agency or photographer: "AFP", "Getty Images via AFP",
    /// "AP Photo/Ahn Young-joon". Not a sentence: it starts with a capital and does not end with
    /// sentence punctuation.
    private static func isBareCredit(_ text: Substring) -> Bool {
        guard let first = text.first, first.isUppercase || first.isNumber,
            text.utf8.count <= 60, let last = text.last, !".!?:;,".contains(last)
        else { return false }
        return (1...6).contains(text.split(separator: " ").count)
    }
}
