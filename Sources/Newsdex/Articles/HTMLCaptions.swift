// A page's photo captions with their credits: each <figure>'s <figcaption> (or the caption of a
// WordPress "wp-caption" block, or an element named as a caption next to an image), the credit
// taken from an element inside the figure that names itself a credit (by class or itemprop:
// credit, copyright, source, byline, photographer; or <small>, <cite> in the caption), else
// from the caption's own words ("Photo: Jane Doe/AFP", "(Reuters)", "Getty Images").

enum HTMLCaptions {
    /// The captions of the figures in `region` (the article's part of the page), in document
    /// order, outside furniture such as related links and comments (a figure in a header, the
    /// lead photo, is read).
    static func captions(in analysis: PageAnalysis, region: Range<Int>) -> [Caption] {
        let page = analysis.page
        let mask = analysis.mask(excluding: [.invisible, .structure, .named])
        var captions: [Caption] = []
        var node = region.lowerBound
        let end = region.upperBound
        while node < end {
            guard !mask[node], page.isElement(node) else {
                node += 1
                continue
            }
            if isFigure(node, analysis), let caption = caption(ofFigure: node, analysis) {
                if !captions.contains(where: { $0.text == caption.text }) { captions.append(caption) }
                node = page.end(node)
            } else if analysis.readings[node].isCaption, hasText(node, analysis),
                analysis.furniture[node] != .hidden
            {
                // A caption outside any figure: its container is the nearest block with an image.
                let container = imageContainer(of: node, analysis) ?? node
                if let caption = caption(text: node, in: container, analysis),
                    !captions.contains(where: { $0.text == caption.text })
                {
                    captions.append(caption)
                }
                node = page.end(node)
            } else {
                node += 1
            }
        }
        return captions
    }

    private static func isFigure(_ node: Int, _ analysis: PageAnalysis) -> Bool {
        if analysis.page.tag(node) == .figure || analysis.isPictureBox(node) { return true }
        let classes = analysis.page.attribute(.class, of: node)?.lowercased() ?? ""
        return classes.split(separator: " ").contains("wp-caption")
    }

    private static func hasText(_ node: Int, _ analysis: PageAnalysis) -> Bool {
        !analysis.page.text(of: node).isEmpty
    }

    /// The caption of a figure: its <figcaption>, else an element inside it named as a caption.
    private static func caption(ofFigure figure: Int, _ analysis: PageAnalysis) -> Caption? {
        let page = analysis.page
        let inside = (figure + 1)..<page.end(figure)
        let captionNode = inside.first { page.isElement($0) && page.tag($0) == .figcaption }
            ?? inside.first { page.isElement($0) && analysis.readings[$0].isCaption && page.tag($0) != .figure }
        // A picture box without a caption element: its text is the caption, when it reads as
        // one (a few words, not a button's label).
        if captionNode == nil, page.tag(figure) != .figure {
            guard let caption = caption(text: figure, in: figure, analysis),
                caption.text.split(separator: " ").count >= 3,
                !BlockReaderRules.isPrompt(caption.text)
            else { return nil }
            return caption
        }
        guard let captionNode else { return nil }
        return caption(text: captionNode, in: figure, analysis)
    }

    /// The caption whose text is `captionNode`'s and whose credit is in `container`.
    private static func caption(text captionNode: Int, in container: Int, _ analysis: PageAnalysis) -> Caption? {
        let page = analysis.page
        let credits = creditNodes(in: container, caption: captionNode, analysis)
        let skip: (Int) -> Bool = { node in
            page.isElement(node)
                && (credits.contains(node) || analysis.furniture[node] == .hidden
                    || analysis.furniture[node] == .invisible)
        }
        // A caption that is a link is a teaser for another page, not a photo's caption.
        if linkShare(of: captionNode, page) > 0.5 { return nil }
        var text = page.text(of: captionNode, skip: skip)
        var credit: String?
        for node in credits {
            let words = page.text(of: node, skip: { page.isElement($0) && analysis.furniture[$0] == .hidden })
            if let cleaned = CaptionCredit.cleaned(words) {
                credit = credit.map { $0.contains(cleaned) ? $0 : "\($0); \(cleaned)" } ?? cleaned
            }
        }
        if credit == nil {
            let split = CaptionCredit.split(text)
            text = split.text
            credit = split.credit
        } else {
            text = CaptionCredit.split(text).text
        }
        if credit == nil { credit = imageCredit(in: container, analysis) }
        text = String(text.trimmedForParsing())
        guard !text.isEmpty, !isControlLabel(text) else { return nil }
        return Caption(text: text, credit: credit)
    }

    /// Words a gallery or player shows where a caption would be: "Slideshow", "Zoom", "Video 03:26".
    static func isControlLabel(_ text: String) -> Bool {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        guard let first = words.first, words.count <= 2 else { return false }
        return controlWords.contains(String(first))
    }

    static let controlWords: Set<String> = [
        "slideshow", "gallery", "zoom", "enlarge", "expand", "play", "video", "audio", "advertisement",
        "anzeige", "image", "photo", "fotos", "bilder", "galerie", "vergrößern", "open", "close",
    ]

    /// The elements inside `container` that hold a photo credit: named so by class, id or
    /// itemprop, or a <small> or <cite> inside the caption. Nested credit elements count once.
    private static func creditNodes(in container: Int, caption: Int, _ analysis: PageAnalysis) -> [Int] {
        let page = analysis.page
        var found: [Int] = []
        var node = container + 1
        let end = page.end(container)
        while node < end {
            guard page.isElement(node) else {
                node += 1
                continue
            }
            let itemprop = page.attribute(.itemprop, of: node)?.lowercased() ?? ""
            let named = analysis.readings[node].isCredit || itemprop.contains("copyright")
                || itemprop.contains("credit") || itemprop == "author" || itemprop == "creator"
            let tag = page.tag(node)
            let inCaption = page.isInside(node, caption)
            if (named && !analysis.readings[node].isCaption) || (inCaption && (tag == .small || tag == .cite))
                || hasCreditLabel(node, analysis)
            {
                found.append(node)
                node = page.end(node)
            } else {
                node += 1
            }
        }
        return found
    }

    /// The share of a subtree's text inside links (figures are furniture for the page's
    /// measures, so they are measured here).
    private static func linkShare(of node: Int, _ page: HTMLPage) -> Double {
        var total = 0, linked = 0, linkEnd = 0
        for index in node..<page.end(node) {
            if page.isElement(index), page.tag(index) == .a { linkEnd = max(linkEnd, page.end(index)) }
            guard page.isText(index) else { continue }
            let visible = PageAnalysis.visibleBytes(page.textBytes(index))
            total += visible
            if index < linkEnd { linked += visible }
        }
        return total > 0 ? Double(linked) / Double(total) : 0
    }

    /// A credit at the end of the image's title or alt text ("Tahir Della (picture-alliance/dpa)"),
    /// where some sites keep it.
    private static func imageCredit(in container: Int, _ analysis: PageAnalysis) -> String? {
        let page = analysis.page
        for node in container..<page.end(container) where page.isElement(node) {
            guard [.img, .amp_img].contains(page.tag(node)) else { continue }
            for attribute in [HTMLAttribute.title, .alt] {
                guard let value = page.attribute(attribute, of: node), !value.isEmpty else { continue }
                if let credit = CaptionCredit.split(HTMLText.collapsed(value)).credit { return credit }
            }
        }
        return nil
    }

    /// Whether an element opens with a label for screen readers that names it a credit
    /// (`<span><span class="visually-hidden">Credit...</span>Jane Doe/AFP</span>`).
    private static func hasCreditLabel(_ node: Int, _ analysis: PageAnalysis) -> Bool {
        let page = analysis.page
        guard let first = page.children(node).first(where: { page.isElement($0) || !page.text(of: $0).isEmpty }),
            page.isElement(first), analysis.furniture[first] == .hidden
        else { return false }
        let label = page.text(of: first).lowercased()
        guard !label.contains("caption") else { return false }
        return CaptionCredit.labels.contains { label.hasPrefix($0) && $0 != "source" } || label.hasPrefix("image source")
    }

    /// The nearest ancestor (up to three levels up) that holds an image.
    private static func imageContainer(of node: Int, _ analysis: PageAnalysis) -> Int? {
        let page = analysis.page
        var current = page.parent(node)
        for _ in 0..<3 {
            guard let candidate = current, candidate > analysis.body else { return nil }
            let range = (candidate + 1)..<page.end(candidate)
            if range.contains(where: { page.isElement($0) && [.img, .picture, .amp_img].contains(page.tag($0)) }) {
                return candidate
            }
            current = page.parent(candidate)
        }
        return nil
    }
}

/// Credits in the words of a caption or a credit element.
enum CaptionCredit {
    /// A credit element's text without its label: "Photo: Jane Doe/AFP" → "Jane Doe/AFP",
    /// "© Reuters" → "Reuters", "Credit...Doug Mills/The New York Times" → "Doug Mills/The New
    /// York Times", "Image source, Getty Images" → "Getty Images". Nil when nothing is left.
    static func cleaned(_ raw: String) -> String? {
        var text = Substring(HTMLText.collapsed(raw))
        if text.hasPrefix("(") && text.hasSuffix(")") { text = text.dropFirst().dropLast().trimmedForParsing() }
        var changed = true
        while changed {
            changed = false
            let lower = text.prefix(24).lowercased()
            for label in labels where lower.hasPrefix(label) {
                // A label is a word of its own: "Picture: X", not "picture-alliance".
                let after = text.dropFirst(label.count).first
                if let after, after.isLetter || after == "-" || after == "/" { continue }
                text = text.dropFirst(label.count).trimmedForParsing()
                changed = true
                break
            }
            while let first = text.first, ":,.|–—-…".contains(first) {
                text = text.dropFirst().trimmedForParsing()
                changed = true
            }
        }
        if text.hasPrefix("(") && text.hasSuffix(")") { text = text.dropFirst().dropLast().trimmedForParsing() }
        while let last = text.last, last == "." || last == "," || last == ";" { text = text.dropLast() }
        let credit = String(text.trimmedForParsing())
        return credit.isEmpty ? nil : credit
    }

    /// Labels that introduce a credit, lower case; longer first where one begins another.
    static let labels = [
        "photo credit", "image credit", "picture credit", "image source", "photo source",
        "photographs by", "photograph by", "photographs", "photograph", "photos by", "photo by",
        "pictures by", "picture by", "images by", "image by", "pictures", "picture", "photos", "photo",
        "images", "image", "crédits", "crédit", "credits", "credit", "illustration", "pic", "fotos", "foto",
        "bild", "source", "quelle", "copyright",
        "©", "(c)", "courtesy of", "courtesy",
    ].sorted { $0.count > $1.count }

    /// Words that make a short phrase a credit when it trails a caption without a label.
    static let agencyWords: Set<String> = [
        "afp", "ap", "reuters", "epa", "epa-efe", "efe", "getty", "images", "alamy", "shutterstock",
        "pa", "wire", "bloomberg", "xinhua", "kcna", "yonhap", "ansa", "dpa", "anadolu", "sipa", "rex",
        "istock", "istockphoto", "pool", "nurphoto", "zuma", "associated", "press", "unsplash", "handout",
        "supplied", "photo", "photos", "ria", "novosti", "tass", "sputnik", "abaca", "aap", "imago",
        "picture-alliance", "corbis", "wireimage", "afp/getty", "ap/shutterstock", "wikimedia", "commons",
    ]

    /// A caption's text and the credit its words carry: a labelled credit at its end ("… Photo:
    /// Jane Doe/AFP"), a credit in parentheses ("… (Reuters)"), after a bar ("… | Getty Images"),
    /// or a short agency phrase after the last sentence ("… on Monday. Getty Images").
    static func split(_ caption: String) -> (text: String, credit: String?) {
        let text = Substring(caption.trimmedForParsing())
        // A label after a sentence or a separator.
        if let labelled = lastLabelled(text) { return labelled }
        // "(Reuters)", "(AP Photo/Ahn Young-joon)" at the end.
        if text.hasSuffix(")"), let open = text.lastIndex(of: "(") {
            let inner = text[text.index(after: open)..<text.index(before: text.endIndex)].trimmedForParsing()
            let before = text[..<open].trimmedForParsing()
            if !before.isEmpty, let credit = cleaned(String(inner)), isCreditPhrase(Substring(credit)) || startsWithLabel(inner) {
                return (String(before), credit)
            }
        }
        // "… | Getty Images", "… / AFP", "… — Reuters".
        let bytes = Array(text.utf8)
        for separator in [" | ", " / ", " — ", " – ", " - "] {
            if let start = ByteSearch.last(Array(separator.utf8), in: bytes) {
                let tail = Substring(String(decoding: bytes[(start + separator.utf8.count)...], as: UTF8.self)).trimmedForParsing()
                let before = Substring(String(decoding: bytes[..<start], as: UTF8.self)).trimmedForParsing()
                if !before.isEmpty, isCreditPhrase(tail) || startsWithLabel(tail), let credit = cleaned(String(tail)) {
                    return (String(before), credit)
                }
            }
        }
        // "… on Monday. Getty Images" / "… on Monday. © AFP".
        if let end = text.lastIndex(where: { $0 == "." || $0 == "!" || $0 == "?" || $0 == "”" }),
            end < text.index(before: text.endIndex)
        {
            let tail = text[text.index(after: end)...].trimmedForParsing()
            let before = text[...end].trimmedForParsing()
            if !tail.isEmpty, isCreditPhrase(tail) || tail.hasPrefix("©"), let credit = cleaned(String(tail)) {
                return (String(before), credit)
            }
        }
        return (String(text), nil)
    }

    /// "… Photo: X", "… Picture: X", "… Credit: X", "… Photograph: X/Y", "… Photo by X",
    /// "… Crédits : X", "… Foto: X": the last label in the caption; it must follow a sentence end
    /// or a separator, or (a label with a colon) introduce a few words only.
    private static func lastLabelled(_ text: Substring) -> (text: String, credit: String?)? {
        // On bytes, ASCII lower-cased (so offsets stay): captions are many, and short.
        let bytes = Array(text.utf8)
        let lower = ByteSearch.asciiLowercased(bytes)
        var best: (start: Int, end: Int, colon: Bool)?
        for label in creditLabelBytes {
            var searchEnd = lower.count
            while let start = ByteSearch.last(label, in: lower, endingBy: searchEnd) {
                searchEnd = start + label.count - 1
                // A word of its own, followed by a colon (French style may put a space before it),
                // or "by"/"©" forms that need none.
                if start > 0, Self.isWordByte(lower[start - 1]) { continue }
                var after = start + label.count
                while after < lower.count, lower[after] == 0x20 { after += 1 }
                if after + 1 < lower.count, lower[after] == 0xC2, lower[after + 1] == 0xA0 { after += 2 }
                let colon = after < lower.count && lower[after] == UInt8(ascii: ":")
                guard colon || label.suffix(3).elementsEqual(" by".utf8) || label == Array("©".utf8) else { continue }
                let end = colon ? after + 1 : start + label.count
                if best.map({ start > $0.start }) ?? true { best = (start, end, colon) }
                break
            }
        }
        guard let best else { return nil }
        var before = Substring(String(decoding: bytes[0..<best.start], as: UTF8.self)).trimmedForParsing()
        var creditWords = String(decoding: bytes[best.end...], as: UTF8.self)
        if before.last == "(", creditWords.hasSuffix(")") {
            // "… (Photo: Jane Doe)"
            before = before.dropLast().trimmedForParsing()
            creditWords.removeLast()
        }
        guard let credit = cleaned(creditWords) else { return nil }
        let afterSentence = before.last.map { ".!?”)|–—-,;•".contains($0) } ?? true
        guard afterSentence || bytes[best.start...].starts(with: "©".utf8)
            || (best.colon && credit.split(separator: " ").count <= 8)
        else { return nil }
        var beforeText = before
        while let last = beforeText.last, "|–—-,;•".contains(last) { beforeText = beforeText.dropLast().trimmedForParsing() }
        return (String(beforeText), credit)
    }

    /// A byte that belongs to a word: an ASCII letter or digit, or part of a non-ASCII letter.
    private static func isWordByte(_ byte: UInt8) -> Bool {
        (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte >= 0x80
    }

    private static let creditLabelBytes = creditLabelWords.map { Array($0.utf8) }

    /// Words that label a credit inside a caption, lower case.
    static let creditLabelWords = [
        "photo credit", "image credit", "photographs", "photograph", "photos by", "photo by", "pictures",
        "picture", "photos", "photo", "images", "image", "credits", "credit", "crédits", "crédit", "pic",
        "illustration", "fotos", "foto", "bild", "image source", "source", "quelle", "©",
    ]

    private static func startsWithLabel<S: StringProtocol>(_ text: S) -> Bool {
        let lower = text.prefix(20).lowercased()
        return labels.contains { lower.hasPrefix($0) && lower.count > $0.count }
    }

    /// A short phrase (up to six words, capitalized, not a sentence) with an agency's word:
    /// "Getty Images", "KCNA via Reuters", "AP Photo/Ahn Young-joon", "Jane Doe/AFP".
    static func isCreditPhrase<S: StringProtocol>(_ text: S) -> Bool {
        guard let first = text.first, first.isUppercase || first == "©",
            text.utf8.count <= 80, let last = text.last, !"!?:;,".contains(last)
        else { return false }
        let words = text.split(whereSeparator: { $0 == " " || $0 == "/" })
        guard (1...8).contains(words.count) else { return false }
        return words.contains { word in
            agencyWords.contains(String(word.lowercased().filter { !".,()".contains($0) }))
        }
    }
}
