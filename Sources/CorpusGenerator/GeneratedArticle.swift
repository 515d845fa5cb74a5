// A generated article together with its ground truth: what the text says, and what an indexer
// should find in it (source, date, entities, credits, the story a near-duplicate copies).

/// Where in an article a planted entity mention sits.
public enum MentionLocation: Sendable, Hashable {
    case title
    case paragraph(Int)
    case caption(Int)
}

/// One planted mention of a named entity: its canonical name and the words written.
public struct EntityMention: Sendable, Hashable {
    /// The canonical name ("Vladimir Putin"), the same in every article.
    public var name: String
    public var kind: PlantedEntityKind
    /// The text as written: the full name, or the short form after a first full mention ("Putin").
    public var written: String
    public var location: MentionLocation
}

/// An image caption, where it appears, and its credit.
public struct GeneratedCaption: Sendable, Hashable {
    public var text: String
    public var credit: String
    /// The paragraph it follows; -1 puts it before the byline, as the lead picture.
    public var afterParagraph: Int
}

/// The edits that turned an original into a near-duplicate (a syndicated copy).
public struct DuplicateEdits: Sendable, Hashable {
    /// The index of the article this is a copy of.
    public var original: Int
    public var retitled: Bool
    /// The index, in the original, of the paragraph left out; nil when none was.
    public var droppedParagraph: Int?
    /// How many body words were replaced (about one in ten).
    public var changedWords: Int
    /// Whether the captions appear in the reverse order of the original's.
    public var captionsSwapped: Bool
}

/// One article of a generated corpus, with the ground truth tests need.
public struct GeneratedArticle: Sendable, Hashable {
    /// The position in the corpus, 0-based; also the number in the file name.
    public var index: Int
    /// Identifies the story: an original's own index, and a near-duplicate's original's index.
    public var storyID: Int
    public var source: String
    public var title: String
    /// "YYYY-MM-DD".
    public var date: String
    /// "HH:MM".
    public var time: String
    public var author: String
    public var paragraphs: [String]
    public var captions: [GeneratedCaption]
    public var mentions: [EntityMention]
    /// Set when this article is a near-duplicate of an earlier one.
    public var duplicate: DuplicateEdits?

    /// The seven-digit number used in the file name and as the JSON Lines id.
    public var id: String { zeroPadded(index, width: 7) }

    /// The file name slug: the title, lowercased, non-alphanumerics collapsed to '-', at most 80 bytes.
    public var slug: String { makeSlug(title) }

    /// The file's path relative to the corpus root: "SOURCE/nnnnnnn_slug.txt".
    public var path: String { "\(source)/\(id)_\(slug).txt" }

    public var url: String { "https://www.\(source.lowercased()).example/news/\(id)/\(slug)" }

    /// Every distinct canonical name of a kind, in order of first mention anywhere in the article.
    public func entities(_ kind: PlantedEntityKind) -> [String] {
        var seen = Set<String>()
        var names: [String] = []
        for mention in orderedMentions() where mention.kind == kind && seen.insert(mention.name).inserted {
            names.append(mention.name)
        }
        return names
    }

    public var persons: [String] { entities(.person) }
    public var places: [String] { entities(.place) }
    public var organizations: [String] { entities(.organization) }

    /// The distinct photo credits, in caption order.
    public var credits: [String] {
        var seen = Set<String>()
        return captions.map(\.credit).filter { seen.insert($0).inserted }
    }

    /// The mentions in reading order (title, lead caption, then paragraphs with their captions).
    private func orderedMentions() -> [EntityMention] {
        func rank(_ location: MentionLocation) -> (Int, Int) {
            switch location {
            case .title: return (-2, 0)
            case .caption(let k):
                let after = captions.indices.contains(k) ? captions[k].afterParagraph : -1
                return (after < 0 ? -1 : after, 1)
            case .paragraph(let k): return (k, 0)
            }
        }
        return mentions.enumerated().sorted { lhs, rhs in
            let (a, b) = (rank(lhs.element.location), rank(rhs.element.location))
            return a != b ? a < b : lhs.offset < rhs.offset
        }.map(\.element)
    }

    /// The dateline as the seed corpus writes it: "18 October 2024, 14:30".
    public var dateline: String {
        let parts = date.split(separator: "-")
        let month = Int(parts[1])!
        let day = Int(parts[2])!
        return "\(day) \(monthNames[month - 1]) \(parts[0]), \(time)"
    }

    /// The file text, in the layout of the seed corpus (corpus/LBC): a " date YYYY-MM-DD Title"
    /// line, the dateline, a lead caption, "By NAME", paragraphs and captions separated by blank lines.
    public func renderText() -> String {
        var out = ""
        out.reserveCapacity(5200)
        out += " date "
        out += date
        out += " "
        out += title
        out += "\n\n"
        out += dateline
        out += "\n\n"
        for caption in captions where caption.afterParagraph < 0 { appendCaption(caption, to: &out) }
        out += "By "
        out += author
        out += "\n"
        for (k, paragraph) in paragraphs.enumerated() {
            out += "\n"
            out += paragraph
            out += "\n"
            for caption in captions where caption.afterParagraph == k {
                out += "\n"
                appendCaption(caption, to: &out)
                out.removeLast()
            }
        }
        return out
    }

    private func appendCaption(_ caption: GeneratedCaption, to out: inout String) {
        out += caption.text
        out += "\n"
        out += caption.text
        out += " Picture: "
        out += caption.credit
        out += "\n\n"
    }

    /// One JSON Lines record: id, source, title, date, author, url, body (paragraphs), captions.
    public func renderJSONLine() -> String {
        var out = "{\"id\":"
        out.reserveCapacity(5600)
        appendJSONString(id, to: &out)
        out += ",\"source\":"
        appendJSONString(source, to: &out)
        out += ",\"title\":"
        appendJSONString(title, to: &out)
        out += ",\"date\":"
        appendJSONString("\(date)T\(time)", to: &out)
        out += ",\"author\":"
        appendJSONString(author, to: &out)
        out += ",\"url\":"
        appendJSONString(url, to: &out)
        out += ",\"body\":["
        for (k, paragraph) in paragraphs.enumerated() {
            if k > 0 { out += "," }
            appendJSONString(paragraph, to: &out)
        }
        out += "],\"captions\":["
        for (k, caption) in captions.enumerated() {
            if k > 0 { out += "," }
            out += "{\"text\":"
            appendJSONString(caption.text, to: &out)
            out += ",\"credit\":"
            appendJSONString(caption.credit, to: &out)
            out += "}"
        }
        out += "]}\n"
        return out
    }
}

let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
    "November", "December",
]

func zeroPadded(_ value: Int, width: Int) -> String {
    let digits = String(value)
    return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
}

func makeSlug(_ title: String) -> String {
    var bytes: [UInt8] = []
    bytes.reserveCapacity(80)
    var pendingDash = false
    for byte in title.utf8 {
        let lower = (byte >= 0x41 && byte <= 0x5A) ? byte + 32 : byte
        let alphanumeric = (lower >= 0x61 && lower <= 0x7A) || (lower >= 0x30 && lower <= 0x39)
        if alphanumeric {
            if pendingDash && !bytes.isEmpty { bytes.append(0x2D) }
            pendingDash = false
            if bytes.count >= 80 { break }
            bytes.append(lower)
        } else {
            pendingDash = true
        }
    }
    return bytes.isEmpty ? "untitled" : String(decoding: bytes, as: UTF8.self)
}

/// The generated text is ASCII, so only quotes, backslashes and control bytes need escaping.
func appendJSONString(_ value: String, to out: inout String) {
    out += "\""
    var needsEscape = false
    for byte in value.utf8 where byte == 0x22 || byte == 0x5C || byte < 0x20 {
        needsEscape = true
        break
    }
    if !needsEscape {
        out += value
    } else {
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }
    out += "\""
}
