// What the readers of a page need to know of every node, computed in a few passes over the
// nodes: what each element's class and id say, which subtrees are furniture (and why), how much
// text and link text each subtree holds.

/// Why a subtree is not article text.
enum Furniture: UInt8, Sendable {
    case none
    /// Never visible text: scripts, styles, forms' controls, embedded media, <head>.
    case invisible
    /// Hidden by an attribute, a style or a class.
    case hidden
    /// <nav>, <aside>, <footer>, a furniture role.
    case structure
    /// <header>: the page's or the article's; its figures keep their captions.
    case header
    /// A class or id of page furniture (comments, related links, share bars, ads, …).
    case named
    /// A figure, caption or credit: read as a caption, never as body text.
    case figure
}

final class PageAnalysis {
    let page: HTMLPage
    /// The <body> element (or the root when the page has none).
    let body: Int
    /// What each element's class and id say (`.init()` for text and unnamed elements).
    private(set) var readings: [HTMLBoilerplate.Reading]
    /// Where a furniture subtree starts, and why; `.none` elsewhere.
    private(set) var furniture: [Furniture]
    /// Bytes of visible text (whitespace aside) in each subtree, furniture left out.
    private(set) var textLength: [Int32]
    /// The part of `textLength` inside links.
    private(set) var linkLength: [Int32]
    /// Commas in each subtree's visible text.
    private(set) var commas: [Int32]
    /// Whether an element has a block-level element among its children.
    private(set) var hasBlockChild: [Bool]

    init(page: HTMLPage) {
        self.page = page
        let count = page.count
        body = (0..<count).first { page.isElement($0) && page.tag($0) == .body } ?? 0
        readings = Array(repeating: .init(), count: count)
        furniture = Array(repeating: .none, count: count)
        textLength = Array(repeating: 0, count: count)
        linkLength = Array(repeating: 0, count: count)
        commas = Array(repeating: 0, count: count)
        hasBlockChild = Array(repeating: false, count: count)
        readElements()
        measure()
    }

    // MARK: - Elements

    private func readElements() {
        var cache: [String: HTMLBoilerplate.Reading] = [:]
        // Text per subtree before any furniture is known, for "holds most of the page".
        var rawText = [Int32](repeating: 0, count: page.count)
        var isAnchor = [Bool](repeating: false, count: page.count)
        for node in 0..<page.count {
            if page.isText(node) {
                rawText[node] = Int32(Self.visibleBytes(page.textBytes(node)))
                continue
            }
            let classes = page.attribute(.class, of: node)
            let id = page.attribute(.id, of: node)
            if classes != nil || id != nil {
                let key = (classes ?? "") + "\u{1}" + (id ?? "")
                if let cached = cache[key] {
                    readings[node] = cached
                } else {
                    let reading = HTMLBoilerplate.read(class: classes, id: id)
                    cache[key] = reading
                    readings[node] = reading
                }
            }
            if let itemprop = page.attribute(.itemprop, of: node), itemprop.lowercased().contains("articlebody") {
                readings[node].isBody = true
                readings[node].strength = .none
            }
            let tag = page.tag(node)
            isAnchor[node] = readings[node].isBody || tag == .h1
            if tag.isBlock, let parent = page.parent(node) { hasBlockChild[parent] = true }
        }
        for node in stride(from: page.count - 1, through: 0, by: -1) {
            if page.isElement(node), Self.invisibleTags.contains(page.tag(node)) { rawText[node] = 0 }
            if let parent = page.parent(node) {
                rawText[parent] += rawText[node]
                if isAnchor[node] { isAnchor[parent] = true }
            }
        }
        let pageText = max(1, rawText[body])
        for node in 0..<page.count where page.isElement(node) {
            furniture[node] = classify(node, holdsAnchor: isAnchor[node], share: Double(rawText[node]) / Double(pageText))
        }
    }

    static let invisibleTags: Set<HTMLTag> = [
        .script, .style, .noscript, .template, .svg, .math, .iframe, .object, .embed, .canvas, .video,
        .audio, .button, .select, .option, .textarea, .input, .map, .head, .title, .meta, .link, .dialog,
        .label,
    ]

    private func classify(_ node: Int, holdsAnchor: Bool, share: Double) -> Furniture {
        let tag = page.tag(node)
        if Self.invisibleTags.contains(tag) { return .invisible }
        if tag == .html || tag == .body { return .none }
        if page.hasAttribute(.hidden, node) || page.attribute(.ariaHidden, of: node) == "true"
            || page.attribute(.style, of: node).map(Self.hidesElement) == true
        {
            return .hidden
        }
        let reading = readings[node]
        if reading.isScreenReaderOnly { return .hidden }
        switch tag {
        case .nav, .aside, .footer: return .structure
        case .header: return .header
        case .figure, .figcaption, .picture, .img, .amp_img: return .figure
        default: break
        }
        if let role = page.attribute(.role, of: node)?.lowercased(), HTMLBoilerplate.furnitureRoles.contains(role) {
            return holdsAnchor ? .none : .structure
        }
        if reading.isBody || tag == .main || tag == .article { return .none }
        if reading.isCaption || (reading.isCredit && !holdsAnchor && share < 0.05) { return .figure }
        switch reading.strength {
        case .strong where !holdsAnchor: return .named
        case .weak where !holdsAnchor && share < 0.5: return .named
        default: return .none
        }
    }

    /// An inline style that hides its element ("display: none", "visibility:hidden").
    static func hidesElement(_ style: String) -> Bool {
        let compact = style.lowercased().filter { !$0.isWhitespace }
        return compact.contains("display:none") || compact.contains("visibility:hidden")
    }

    // MARK: - Text measures

    private func measure() {
        // Forward: each text node's own measures, furniture subtrees skipped.
        var node = 0
        var linkEnd = 0
        while node < page.count {
            if furniture[node] != .none {
                node = page.end(node)
                continue
            }
            if page.isText(node) {
                let bytes = page.textBytes(node)
                let visible = Int32(Self.visibleBytes(bytes))
                textLength[node] = visible
                if node < linkEnd { linkLength[node] = visible }
                commas[node] = Int32(bytes.reduce(0) { $0 + ($1 == UInt8(ascii: ",") ? 1 : 0) })
            } else if page.tag(node) == .a {
                linkEnd = max(linkEnd, page.end(node))
            }
            node += 1
        }
        // Backward: each subtree's sums.
        for node in stride(from: page.count - 1, through: 0, by: -1) {
            guard let parent = page.parent(node) else { continue }
            textLength[parent] += textLength[node]
            linkLength[parent] += linkLength[node]
            commas[parent] += commas[node]
        }
    }

    /// Bytes that are not ASCII whitespace.
    static func visibleBytes(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte != 0x20 && byte != 0x0A && byte != 0x09 && byte != 0x0D && byte != 0x0C {
            count += 1
        }
        return count
    }

    // MARK: - Queries

    /// The share of a subtree's text that is link text (0 when it has no text).
    func linkDensity(_ node: Int) -> Double {
        textLength[node] > 0 ? Double(linkLength[node]) / Double(textLength[node]) : 0
    }

    /// Whether `node` lies in a subtree whose furniture is one of `kinds` (the node itself included).
    func isInside(_ node: Int, furniture kinds: Set<Furniture>) -> Bool {
        var current: Int? = node
        while let candidate = current {
            if kinds.contains(furniture[candidate]) { return true }
            current = page.parent(candidate)
        }
        return false
    }

    /// The nodes of `range` with no furniture of `kinds` above them, as a mask over the page.
    func mask(excluding kinds: Set<Furniture>) -> [Bool] {
        var masked = [Bool](repeating: false, count: page.count)
        var node = 0
        while node < page.count {
            if kinds.contains(furniture[node]) {
                let end = page.end(node)
                for inner in node..<end { masked[inner] = true }
                node = end
            } else {
                node += 1
            }
        }
        return masked
    }
}
