// A web page as libxml2's HTML parser (through CHTML) gives it: the nodes in document order,
// each element's tag and attributes, and the text. What the page means is decided elsewhere
// (HTMLMetadata, MainTextExtractor, HTMLCaptions); this is the DOM they walk.
internal import CHTML

/// The tags the reader knows by name; any other is `.other` (its name is still readable).
enum HTMLTag: UInt8, Sendable {
    case a, address, amp_img, article, aside, audio, b, blockquote, body, br, button, canvas, caption
    case cite, dd, details, dialog, div, dl, dt, em, embed, fieldset, figcaption, figure, footer
    case form, h1, h2, h3, h4, h5, h6, head, header, hr, html, i, iframe, img, input, label, li
    case link, main, map, math, meta, nav, noscript, object, ol, option, p, picture, pre, script
    case section, select, small, source, span, strong, style, summary, svg, table, tbody, td
    case template, textarea, th, time, title, tr, ul, video, other

    /// Lower case, as libxml2 gives tag names.
    static let byName: [String: HTMLTag] = {
        var names: [String: HTMLTag] = [:]
        for raw in 0..<HTMLTag.other.rawValue {
            let tag = HTMLTag(rawValue: raw)!
            names["\(tag)".replacingOccurrences(of: "_", with: "-")] = tag
        }
        return names
    }()

    /// Elements that start a new line of text when a page is read as text.
    var isBlock: Bool { Self.blocks.contains(self) }

    private static let blocks: Set<HTMLTag> = [
        .address, .article, .aside, .blockquote, .body, .br, .caption, .dd, .details, .dialog, .div,
        .dl, .dt, .fieldset, .figcaption, .figure, .footer, .form, .h1, .h2, .h3, .h4, .h5, .h6,
        .header, .hr, .html, .li, .main, .nav, .ol, .p, .pre, .section, .summary, .table, .tbody,
        .td, .th, .tr, .ul,
    ]

    /// h1 to h6.
    var isHeading: Bool { (HTMLTag.h1.rawValue...HTMLTag.h6.rawValue).contains(rawValue) }
}

/// The attributes the reader looks at.
enum HTMLAttribute: Int, CaseIterable, Sendable {
    case `class`, id, itemprop, itemtype, property, name, content, href, rel, datetime, type
    case charset, httpEquiv, role, hidden, ariaHidden, style, src, title, lang, xmlLang, alt

    var name: String {
        switch self {
        case .httpEquiv: return "http-equiv"
        case .xmlLang: return "xml:lang"
        case .ariaHidden: return "aria-hidden"
        default: return "\(self)"
        }
    }
}

/// Why a page could not be parsed at all (malformed markup never is a reason: libxml2 repairs it).
enum HTMLParseError: Error, Sendable, Equatable {
    case unknownEncoding(String)
    case tooLarge
    case empty
    case outOfMemory
    /// libxml2 could not be loaded (`ArticleReader.loadLibraries` reports it before any work).
    case noLibrary(LibraryLoadError)
}

/// A parsed page. Node indexes run in document order; a node's descendants are the indexes
/// from `index + 1` to `end(index)`. Not thread-safe: one page is read by one thread.
final class HTMLPage {
    private let handle: OpaquePointer
    private let nodes: UnsafeBufferPointer<ch_node>
    private let attributes: UnsafeBufferPointer<ch_attribute>
    private let bytes: UnsafeBufferPointer<UInt8>
    /// Each name of the name table as a tag.
    private let tags: [HTMLTag]
    /// Each name of the name table as text.
    private let names: [String]
    /// For each `HTMLAttribute`, its index in the name table, or nil when no element has it.
    private let attributeNames: [UInt32?]

    /// The encoding the page declared, when libxml2 was left to read the declaration.
    let declaredEncoding: String?
    /// Whether some bytes were not valid in the encoding the page was read in.
    let hadEncodingErrors: Bool

    var count: Int { nodes.count }

    /// Parses `bytes`, read in `encoding` (nil: as the page declares, else UTF-8).
    /// - Throws: `HTMLParseError`.
    init(_ input: [UInt8], encoding: String?) throws {
        var document: OpaquePointer?
        let status = input.withUnsafeBytes { buffer in
            let base = buffer.baseAddress?.assumingMemoryBound(to: CChar.self)
            return ch_document_parse(base, buffer.count, encoding, &document)
        }
        switch status {
        case CH_OK: break
        case CH_UNKNOWN_ENCODING: throw HTMLParseError.unknownEncoding(encoding ?? "")
        case CH_TOO_LARGE: throw HTMLParseError.tooLarge
        case CH_NOT_PARSED: throw HTMLParseError.empty
        case CH_NO_LIBRARY:
            do { try Self.loadLibrary() } catch { throw HTMLParseError.noLibrary(error) }
            throw HTMLParseError.outOfMemory
        default: throw HTMLParseError.outOfMemory
        }
        guard let document else { throw HTMLParseError.outOfMemory }
        handle = document
        var count = 0
        nodes = UnsafeBufferPointer(start: ch_document_nodes(document, &count), count: count)
        attributes = UnsafeBufferPointer(start: ch_document_attributes(document, &count), count: count)
        let start = ch_document_bytes(document, &count)
        bytes = UnsafeBufferPointer(start: UnsafeRawPointer(start)?.assumingMemoryBound(to: UInt8.self), count: count)
        let table = UnsafeBufferPointer(start: ch_document_names(document, &count), count: count)
        var names: [String] = []
        names.reserveCapacity(table.count)
        for name in table {
            names.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(name.offset)..<Int(name.offset + name.length)]), as: UTF8.self))
        }
        self.names = names
        tags = names.map { HTMLTag.byName[$0] ?? .other }
        var attributeNames = [UInt32?](repeating: nil, count: HTMLAttribute.allCases.count)
        for attribute in HTMLAttribute.allCases {
            attributeNames[attribute.rawValue] = names.firstIndex(of: attribute.name).map(UInt32.init)
        }
        self.attributeNames = attributeNames
        declaredEncoding = ch_document_declared_encoding(document).map { String(cString: $0) }
        hadEncodingErrors = ch_document_had_encoding_errors(document) != 0
    }

    deinit { ch_document_free(handle) }

    // MARK: - Nodes

    func isElement(_ node: Int) -> Bool { nodes[node].kind == CH_ELEMENT.rawValue }

    func isText(_ node: Int) -> Bool { nodes[node].kind == CH_TEXT.rawValue }

    /// An element's tag; `.other` for a text node.
    func tag(_ node: Int) -> HTMLTag {
        isElement(node) ? tags[Int(nodes[node].name)] : .other
    }

    /// An element's name as the page spells it, lower case ("rss", "amp-img").
    func tagName(_ node: Int) -> String {
        isElement(node) ? names[Int(nodes[node].name)] : ""
    }

    func parent(_ node: Int) -> Int? {
        let parent = nodes[node].parent
        return parent == CH_NONE ? nil : Int(parent)
    }

    /// One past the node's last descendant.
    func end(_ node: Int) -> Int { Int(nodes[node].end) }

    /// The node's children, in order.
    func children(_ node: Int) -> Children { Children(page: self, parent: node) }

    struct Children: Sequence, IteratorProtocol {
        let page: HTMLPage
        var upcoming: Int
        let end: Int

        init(page: HTMLPage, parent: Int) {
            self.page = page
            upcoming = parent + 1
            end = page.end(parent)
        }

        mutating func next() -> Int? {
            guard upcoming < end else { return nil }
            defer { upcoming = page.end(upcoming) }
            return upcoming
        }
    }

    /// The nearest ancestor (not the node itself) for which `matches` holds.
    func ancestor(of node: Int, where matches: (Int) -> Bool) -> Int? {
        var current = parent(node)
        while let ancestor = current {
            if matches(ancestor) { return ancestor }
            current = parent(ancestor)
        }
        return nil
    }

    /// Whether `node` is `ancestor` or one of its descendants.
    func isInside(_ node: Int, _ ancestor: Int) -> Bool { node >= ancestor && node < end(ancestor) }

    /// The elements with `tag`, in document order.
    func elements(_ tag: HTMLTag, in range: Range<Int>? = nil) -> [Int] {
        (range ?? 0..<count).filter { isElement($0) && self.tag($0) == tag }
    }

    // MARK: - Attributes

    /// The value of an element's attribute, entities decoded; nil when it has none.
    func attribute(_ attribute: HTMLAttribute, of node: Int) -> String? {
        guard let name = attributeNames[attribute.rawValue], isElement(node) else { return nil }
        let element = nodes[node]
        var index = Int(element.first_attribute)
        let end = index + Int(element.attribute_count)
        while index < end {
            let candidate = attributes[index]
            if candidate.name == name { return string(candidate.value_offset, candidate.value_length) }
            index += 1
        }
        return nil
    }

    /// Whether an element has the attribute, with any value.
    func hasAttribute(_ attribute: HTMLAttribute, _ node: Int) -> Bool {
        self.attribute(attribute, of: node) != nil
    }

    /// The value of the attribute named `name` (any attribute, not only `HTMLAttribute`'s).
    func attribute(named name: String, of node: Int) -> String? {
        guard isElement(node), let index = names.firstIndex(of: name) else { return nil }
        let element = nodes[node]
        for i in Int(element.first_attribute)..<Int(element.first_attribute + element.attribute_count)
        where attributes[i].name == UInt32(index) {
            return string(attributes[i].value_offset, attributes[i].value_length)
        }
        return nil
    }

    /// The class and id of an element, lower case, space-separated: what boilerplate and body
    /// markers are recognised by.
    func classAndID(_ node: Int) -> String {
        let classes = attribute(.class, of: node)
        let id = attribute(.id, of: node)
        switch (classes, id) {
        case (nil, nil): return ""
        case (let c?, nil): return c.lowercased()
        case (nil, let i?): return i.lowercased()
        case (let c?, let i?): return (c + " " + i).lowercased()
        }
    }

    // MARK: - Text

    /// A text node's content, as the page has it (whitespace not collapsed).
    func rawText(_ node: Int) -> String {
        let text = nodes[node]
        return string(text.text_offset, text.text_length)
    }

    /// A text node's UTF-8 bytes, without copying.
    func textBytes(_ node: Int) -> UnsafeBufferPointer<UInt8> {
        let text = nodes[node]
        return UnsafeBufferPointer(rebasing: bytes[Int(text.text_offset)..<Int(text.text_offset + text.text_length)])
    }

    /// The text of a node and its descendants, whitespace collapsed and trimmed, blocks separated
    /// by a space; subtrees for which `skip` holds are left out.
    func text(of node: Int, skip: ((Int) -> Bool)? = nil) -> String {
        var collector = TextCollector()
        appendText(of: node, to: &collector, skip: skip)
        return collector.text
    }

    /// Appends the text of `node` and its descendants to `collector`.
    func appendText(of node: Int, to collector: inout TextCollector, skip: ((Int) -> Bool)? = nil) {
        var index = node
        let end = self.end(node)
        while index < end {
            if let skip, skip(index) {
                index = self.end(index)
                continue
            }
            if isText(index) {
                collector.append(textBytes(index))
            } else if tag(index).isBlock {
                collector.breakWord()
            }
            index += 1
        }
    }

    private func string(_ offset: UInt32, _ length: UInt32) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: bytes[Int(offset)..<Int(offset + length)]), as: UTF8.self)
    }
}

/// Builds text from pieces, collapsing every run of whitespace (HTML's, and no-break spaces) into
/// one space, dropping zero-width spaces and soft hyphens, and trimming both ends.
struct TextCollector {
    private(set) var bytes: [UInt8] = []
    private var pendingSpace = false

    init() { bytes.reserveCapacity(256) }

    var text: String { String(decoding: bytes, as: UTF8.self) }
    var isEmpty: Bool { bytes.isEmpty }

    /// Separates what comes next from what came before by a space (a block boundary, <br>).
    mutating func breakWord() { pendingSpace = !bytes.isEmpty }

    mutating func append(_ piece: UnsafeBufferPointer<UInt8>) {
        var index = 0
        let count = piece.count
        while index < count {
            let byte = piece[index]
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D, 0x0C:
                pendingSpace = !bytes.isEmpty
                index += 1
                continue
            case 0xC2 where index + 1 < count && piece[index + 1] == 0xA0:  // U+00A0 no-break space
                pendingSpace = !bytes.isEmpty
                index += 2
                continue
            case 0xC2 where index + 1 < count && piece[index + 1] == 0xAD:  // U+00AD soft hyphen
                index += 2
                continue
            case 0xC2 where index + 1 < count && (0x80...0x9F).contains(piece[index + 1]):
                // A C1 control is never text: it is a Windows-1252 character written as a
                // numeric reference ("&#150;"), which browsers read as Windows-1252, as here.
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append(contentsOf: HTMLCharset.windows1252UTF8(piece[index + 1]))
                index += 2
                continue
            case 0xE2 where index + 2 < count && piece[index + 1] == 0x80
                && (piece[index + 2] == 0x8B || piece[index + 2] == 0xAF):  // U+200B, U+202F
                if piece[index + 2] == 0xAF { pendingSpace = !bytes.isEmpty }
                index += 3
                continue
            case 0xEF where index + 2 < count && piece[index + 1] == 0xBB && piece[index + 2] == 0xBF:  // U+FEFF
                index += 3
                continue
            default:
                if pendingSpace {
                    bytes.append(0x20)
                    pendingSpace = false
                }
                bytes.append(byte)
                index += 1
            }
        }
    }

    mutating func append(_ string: String) {
        var string = string
        string.withUTF8 { append($0) }
    }
}
