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
    /// A class or id of page layout (a sidebar, a menu, a header or meta block): not article
    /// text, but where a headline, byline or date may sit.
    case layout
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
    /// How many images (<img>, <picture>, <amp-img>) a subtree holds.
    private(set) var images: [Int32]

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
        images = Array(repeating: 0, count: count)
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
            if tag == .img || tag == .amp_img || (tag == .picture) { images[node] = 1 }
            if tag.isBlock, let parent = page.parent(node) { hasBlockChild[parent] = true }
        }
        for node in stride(from: page.count - 1, through: 0, by: -1) {
            if page.isElement(node), Self.invisibleTags.contains(page.tag(node)) { rawText[node] = 0 }
            if let parent = page.parent(node) {
                rawText[parent] += rawText[node]
                if isAnchor[node] { isAnchor[parent] = true }
                // A <picture> counts once, not once more for its <img>.
                if page.tag(parent) != .picture { images[parent] += images[node] }
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
        // A page that wraps its article in <header> (it happens) keeps it: a structural element
        // around most of the page's text is a wrapper.
        case .nav, .aside, .footer: return share >= 0.5 ? .none : .structure
        case .header: return share >= 0.5 ? .none : .header
        case .figure, .figcaption, .picture, .img, .amp_img: return .figure
        default: break
        }
        if let role = page.attribute(.role, of: node)?.lowercased(), HTMLBoilerplate.furnitureRoles.contains(role) {
            return holdsAnchor ? .none : .structure
        }
        if reading.isBody || tag == .main || tag == .article { return .none }
        if reading.isCaption || (reading.isCredit && !holdsAnchor && share < 0.05) { return .figure }
        if isPictureBox(node) { return .figure }
        // Furniture never holds the article: a named element around the headline or the body,
        // or around most of the page's text, is a wrapper with an unlucky name ("share-zone"),
        // unless it is the comments, which can outgrow a short article.
        guard !holdsAnchor, reading.strength != .none else { return .none }
        guard share < 0.5 || reading.isComments else { return .none }
        return reading.strength == .strong ? .named : .layout
    }

    /// An element named as a picture that holds one image and a little text (its caption):
    /// a figure written without <figure> (`<div class="picBox"><img><p>Caption</p></div>`).
    func isPictureBox(_ node: Int) -> Bool {
        readings[node].isPicture && images[node] == 1 && !page.tag(node).isHeading
            && (page.tag(node) == .div || page.tag(node) == .span || page.tag(node) == .section || page.tag(node) == .p)
            && rawTextBelow(node, limit: 400)
    }

    /// Whether a subtree's text is at most `limit` bytes (scripts and styles aside).
    private func rawTextBelow(_ node: Int, limit: Int) -> Bool {
        var total = 0
        var index = node
        let end = page.end(node)
        while index < end {
            if page.isElement(index), Self.invisibleTags.contains(page.tag(index)) {
                index = page.end(index)
                continue
            }
            if page.isText(index) {
                total += Self.visibleBytes(page.textBytes(index))
                if total > limit { return false }
            }
            index += 1
        }
        return true
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

    /// The part of the page that holds the article whose text is in `root`: the <article> around
    /// it, else its grandparent (where the headline, byline and lead photo sit beside the
    /// text), else the body.
    func articleRegion(root: Int?) -> Range<Int> {
        guard let root else { return body..<page.end(body) }
        if page.tag(root) == .article { return root..<page.end(root) }
        if let article = page.ancestor(of: root, where: { page.tag($0) == .article }) {
            return article..<page.end(article)
        }
        var region = root
        for _ in 0..<2 { if let parent = page.parent(region), parent > body { region = parent } }
        return region..<page.end(region)
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

    /// Which nodes lie in furniture of `kinds` (themselves or under it): true where they do.
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
