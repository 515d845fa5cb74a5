// Copied pages render each image caption twice: once alone, then again with the photo credit
// appended ("... in Russia." / "... in Russia. Picture: Alamy"). The pair is one caption.

enum CaptionPairing {
    /// The credit when `second` is `first` followed by a photo credit, or nil when they are not a
    /// caption pair. The credit is labelled ("Picture: Alamy", "Photo:", "Image:", "Credit:") or
    /// bare ("AFP", "Getty Images"); a bare one needs a caption of some length, so that a short
    /// heading followed by a longer line is not mistaken for a pair.
    static func credit(caption first: Substring, creditLine second: Substring) -> String? {
        guard !first.isEmpty, second.utf8.count > first.utf8.count, second.hasPrefix(first) else {
            return nil
        }
        let tail = second.dropFirst(first.count)
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
