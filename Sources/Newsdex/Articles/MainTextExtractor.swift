// Finds a page's article text, as Readability and trafilatura do: the container the page marks
// as the article body (itemprop="articleBody", "entry-content", …), else the one <article> that
// holds most of the page's text, else the block that scores best by text density (paragraphs
// of some length, commas) and link density (a block of links is navigation); then its
// paragraphs, headings, lists and quotes in order, without the furniture inside it.

/// One block of article text.
struct TextBlock: Sendable, Equatable {
    enum Kind: Sendable, Equatable { case paragraph, heading, listItem, quote, preformatted }
    var text: String
    var kind: Kind
}

/// The article text of a page and how its container was found.
struct MainText: Sendable {
    enum FoundBy: Sendable, Equatable {
        /// A container the page names as the article body.
        case bodyMarker
        /// The page's one <article>.
        case articleElement
        /// The best-scoring block (and its siblings).
        case score
        /// No block stood out: the whole page's paragraphs.
        case wholePage
    }
    var blocks: [TextBlock]
    /// The container the text was taken from.
    var root: Int?
    var foundBy: FoundBy

    var characterCount: Int { blocks.reduce(0) { $0 + $1.text.utf8.count } }
}

struct MainTextExtractor {
    let analysis: PageAnalysis
    private var page: HTMLPage { analysis.page }

    /// Paragraphs shorter than this (in bytes) do not count when scoring containers.
    static let minimumParagraph: Int32 = 25
    /// A block with more link text than this share is navigation, not prose.
    static let maximumLinkDensity = 0.5

    init(analysis: PageAnalysis) {
        self.analysis = analysis
    }

    /// - Parameter title: the headline the metadata gives, if any: of several articles on one
    ///   page (a dossier, a live page), the one under that headline is the page's.
    func extract(title: String? = nil) -> MainText {
        let mask = analysis.mask(excluding: [.invisible, .hidden, .structure, .header, .named, .layout, .figure])
        if let marked = markedBody(mask: mask) {
            let text = MainText(blocks: blocks(of: [marked], mask: mask), root: marked, foundBy: .bodyMarker)
            if text.characterCount >= 200 { return text }
        }
        if let article = dominantArticle(title: title) {
            let text = MainText(blocks: blocks(of: [article], mask: mask), root: article, foundBy: .articleElement)
            if text.characterCount >= 200 { return text }
        }
        if let (top, nodes) = bestScoring() {
            let text = MainText(blocks: blocks(of: nodes, mask: mask), root: top, foundBy: .score)
            if !text.blocks.isEmpty { return text }
        }
        return MainText(blocks: blocks(of: [analysis.body], mask: mask), root: nil, foundBy: .wholePage)
    }

    // MARK: - Finding the container

    /// The body-marked element holding the most text (of nested markers, the outermost: it
    /// holds the lead paragraph an inner "field-body" leaves out, and furniture inside it is
    /// left out anyway).
    private func markedBody(mask: [Bool]) -> Int? {
        func prose(_ node: Int) -> Int32 { analysis.textLength[node] - analysis.linkLength[node] }
        // A teaser's "entry-content" in a sidebar is not the article's.
        let marked = (analysis.body..<page.end(analysis.body)).filter {
            page.isElement($0) && analysis.readings[$0].isBody && !mask[$0] && prose($0) > 0
        }
        return marked.max(by: { prose($0) < prose($1) || (prose($0) == prose($1) && $0 > $1) })
    }

    /// The <article> holding most of the text in <article>s, when one does (a front page's
    /// many teasers have none that dominates), or the one headed by the page's title.
    private func dominantArticle(title: String?) -> Int? {
        let articles = page.elements(.article, in: analysis.body..<page.end(analysis.body)).filter {
            analysis.furniture[$0] == .none && !analysis.isInside($0, furniture: [.named, .layout, .structure, .hidden])
        }
        // Only outermost articles compete: an article nested in another is part of it.
        let outer = articles.filter { node in !articles.contains { $0 != node && page.isInside(node, $0) } }
        func prose(_ node: Int) -> Int32 { analysis.textLength[node] - analysis.linkLength[node] }
        guard let best = outer.max(by: { prose($0) < prose($1) }), prose(best) >= 200 else { return nil }
        let total = outer.reduce(Int32(0)) { $0 + prose($1) }
        if Double(prose(best)) >= 0.6 * Double(total) { return best }
        guard let title, outer.count > 1 else { return nil }
        let wanted = PlainTextParser.normalized(title)
        return outer.first { article in
            prose(article) >= 200 && (article..<page.end(article)).contains { node in
                page.isElement(node) && [.h1, .h2, .h3].contains(page.tag(node))
                    && PlainTextParser.normalized(page.text(of: node)) == wanted
            }
        }
    }

    /// The best container by Readability's score, with the siblings that belong with it.
    private func bestScoring() -> (Int, [Int])? {
        // What paragraphs give each container; its tag and its name add to that (`final`).
        var scores: [Int: Double] = [:]
        func initialScore(_ node: Int) -> Double {
            var score = 0.0
            switch page.tag(node) {
            case .div: score += 5
            case .article, .main: score += 10
            case .pre, .td, .blockquote: score += 3
            case .address, .ol, .ul, .dl, .dd, .dt, .li, .form: score -= 3
            case .h1, .h2, .h3, .h4, .h5, .h6, .th: score -= 5
            default: break
            }
            return score
        }
        let range = analysis.body..<page.end(analysis.body)
        var node = range.lowerBound
        while node < range.upperBound {
            guard analysis.furniture[node] == .none else {
                node = page.end(node)
                continue
            }
            defer { node += 1 }
            guard page.isElement(node), isParagraphLike(node) else { continue }
            let length = analysis.textLength[node]
            guard length >= Self.minimumParagraph else { continue }
            let score = 1 + Double(analysis.commas[node]) + min(Double(length / 100), 3)
            var ancestor = page.parent(node)
            for divider in [1.0, 2.0, 4.0] {
                guard let current = ancestor, current >= analysis.body else { break }
                scores[current, default: 0] += score / divider
                ancestor = page.parent(current)
            }
        }
        func final(_ node: Int) -> Double {
            let paragraphs = scores[node] ?? 0
            // A name that says "content" lifts a container with text of its own, not a far
            // wrapper that a short paragraph or two reach (Readability's weight, made to count
            // only where there is something to weigh); a name that says furniture always counts.
            var name = Double(analysis.readings[node].score)
            if name > 0 && paragraphs < 10 { name = 0 }
            return (initialScore(node) + paragraphs + name) * (1 - analysis.linkDensity(node))
        }
        guard var top = scores.keys.max(by: { final($0) < final($1) || (final($0) == final($1) && $0 > $1) }),
            final(top) > 0
        else { return nil }
        // A container that is its parent's only child with text stands for its parent.
        while let parent = page.parent(top), parent > analysis.body,
            page.children(parent).filter({ analysis.textLength[$0] > 0 }).count == 1
        {
            top = parent
        }
        let topScore = final(top)
        let threshold = max(10, topScore * 0.2)
        guard let parent = page.parent(top) else { return (top, [top]) }
        var nodes: [Int] = []
        for sibling in page.children(parent) where analysis.furniture[sibling] == .none {
            if sibling == top || (scores[sibling] != nil && final(sibling) >= threshold) {
                nodes.append(sibling)
            } else if page.isElement(sibling), page.tag(sibling) == .p || isParagraphLike(sibling) {
                let length = analysis.textLength[sibling], density = analysis.linkDensity(sibling)
                if (length > 80 && density < 0.25) || (length > 0 && density == 0 && endsSentence(sibling)) {
                    nodes.append(sibling)
                }
            }
        }
        return (top, nodes)
    }

    /// Paragraphs, and divs that hold text but no blocks (pages that write paragraphs as divs).
    private func isParagraphLike(_ node: Int) -> Bool {
        switch page.tag(node) {
        case .p, .pre, .td, .blockquote: return true
        case .div, .section, .span: return !analysis.hasBlockChild[node]
        default: return false
        }
    }

    private func endsSentence(_ node: Int) -> Bool {
        let text = page.text(of: node)
        return text.hasSuffix(".") || text.hasSuffix("!") || text.hasSuffix("?") || text.hasSuffix("”")
    }

    // MARK: - Reading the blocks

    /// The text blocks of `roots`, in document order, furniture (per `mask`) left out.
    func blocks(of roots: [Int], mask: [Bool]) -> [TextBlock] {
        var reader = BlockReader(page: page, mask: mask)
        for root in roots { reader.read(root) }
        reader.flush()
        var blocks = reader.blocks
        // A heading with nothing after it introduces what was left out (related links, comments),
        // and a few words without a sentence's end are a label ("Topics", "Weitere Informationen").
        while let last = blocks.last, last.kind == .heading || (last.kind != .listItem && Self.isLabel(last.text)) {
            blocks.removeLast()
        }
        return blocks
    }

    /// A short line that is not a sentence: fewer than six words, not ending as a sentence or a
    /// quotation does, or ending with a colon.
    static func isLabel(_ text: String) -> Bool {
        guard let last = text.last else { return true }
        if last == ":" { return true }
        return text.split(separator: " ").count < 6 && !".!?\"”»)…'’".contains(last)
    }
}

/// Walks a subtree and cuts its text into blocks: each block element and each <br> starts one,
/// inline elements flow into the block around them.
private struct BlockReader {
    let page: HTMLPage
    let mask: [Bool]
    var blocks: [TextBlock] = []
    private var current = TextCollector()
    private var currentLink = 0
    private var currentTotal = 0
    private var currentKind: TextBlock.Kind = .paragraph
    private var blockTags: [HTMLTag] = []
    private var linkEnd = 0

    init(page: HTMLPage, mask: [Bool]) {
        self.page = page
        self.mask = mask
    }

    mutating func read(_ node: Int) {
        if mask[node] { return }
        if page.isText(node) {
            let bytes = page.textBytes(node)
            let visible = PageAnalysis.visibleBytes(bytes)
            guard visible > 0 else {
                if !bytes.isEmpty { current.append(bytes) }
                return
            }
            if current.isEmpty { currentKind = Self.kind(of: blockTags.last) }
            current.append(bytes)
            currentTotal += visible
            if node < linkEnd { currentLink += visible }
            return
        }
        let tag = page.tag(node)
        if tag == .br {
            // A line break ends a block: pages written before CSS set headlines, bylines and
            // paragraphs apart with <br>, and the text reader reads each line by itself too.
            flush()
            return
        }
        if tag == .a { linkEnd = max(linkEnd, page.end(node)) }
        let isBlock = tag.isBlock
        if isBlock {
            flush()
            blockTags.append(tag)
        }
        for child in page.children(node) { read(child) }
        if isBlock {
            flush()
            blockTags.removeLast()
        }
    }

    mutating func flush() {
        defer {
            current = TextCollector()
            currentLink = 0
            currentTotal = 0
        }
        guard !current.isEmpty, currentTotal > 0 else { return }
        if blockTags.last == .h1 { return }  // the title, read as metadata
        let density = Double(currentLink) / Double(currentTotal)
        let text = current.text
        if density > MainTextExtractor.maximumLinkDensity || Self.isTeaser(text, hasLink: currentLink > 0) {
            // A heading that introduces only links ("Related posts") goes with them.
            if blocks.last?.kind == .heading { blocks.removeLast() }
            return
        }
        blocks.append(TextBlock(text: text, kind: currentKind))
    }

    private static func kind(of tag: HTMLTag?) -> TextBlock.Kind {
        switch tag {
        case .h2?, .h3?, .h4?, .h5?, .h6?: return .heading
        case .li?, .dd?, .dt?: return .listItem
        case .blockquote?: return .quote
        case .pre?: return .preformatted
        default: return .paragraph
        }
    }

    /// "Read more: …", "Sign up to our newsletter": a prompt, when short or carrying a link.
    static func isTeaser(_ text: String, hasLink: Bool) -> Bool {
        guard hasLink || text.utf8.count < 160 else { return false }
        return BlockReaderRules.isPrompt(text)
    }
}

enum BlockReaderRules {
    /// Whether a text opens as a prompt or teaser does ("Read more", "Sign up", "©").
    static func isPrompt(_ text: String) -> Bool {
        let head = text.prefix(40).lowercased()
        return HTMLBoilerplate.teaserOpenings.contains { head.hasPrefix($0) }
    }
}
