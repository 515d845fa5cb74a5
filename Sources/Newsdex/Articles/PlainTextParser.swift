// Reads the structure of an article as copied from a news site: title, scraper header, dateline,
// byline, caption pairs, boilerplate and body, one decision per line.

/// One line of text, trimmed, with its 1-based line number in the file.
struct TextLine: Sendable {
    var number: Int
    var text: Substring
    /// A line that is a paragraph by itself even where lines are joined (a Markdown heading or
    /// list item).
    var standalone = false
}

/// How the lines of a body make paragraphs.
enum ParagraphLayout: Sendable {
    /// Every non-empty line is a paragraph: text copied from a web page.
    case linePerParagraph
    /// Paragraphs are separated by blank lines and their lines joined: Markdown, hand-written text.
    case blankLineSeparated
}

/// What the text says about its article; metadata given elsewhere (front matter) may override it.
struct ParsedText: Sendable {
    var title: String?
    var date: Dateline?
    var authors: [String] = []
    var paragraphs: [String] = []
    var captions: [Caption] = []
}

enum PlainTextParser {
    /// How many lines after the title may hold the dateline and the byline: deep in the body a
    /// line "By Royal Appointment" or "October 18, 2024" is content.
    static let headLineCount = 8

    /// - Parameter knownTitle: the title given by front matter; the first line is then the title
    ///   only when it repeats it, and body otherwise.
    static func parse(
        _ lines: [TextLine], layout: ParagraphLayout, knownTitle: String? = nil
    ) -> ParsedText {
        var result = ParsedText()
        var consumed = Boilerplate.lineIndexes(in: lines.map(\.text))
        /// Whether line `index` is a paragraph alone where lines are joined: blank lines around it.
        func isParagraphByItself(_ index: Int) -> Bool {
            (index == 0 || lines[index - 1].text.isEmpty) && (index + 1 == lines.count || lines[index + 1].text.isEmpty)
        }
        func nextOpen(after index: Int) -> Int? {
            var i = index + 1
            while i < lines.count {
                if !consumed.contains(i) && !lines[i].text.isEmpty { return i }
                i += 1
            }
            return nil
        }

        // Title, after a scraper header " date 2024-10-18 <title>" when there is one. A line
        // with neither a letter nor a digit ("*", "|" of a page copied whole) is no title, and
        // no content either.
        var headerDate: Dateline?
        var firstOpen = nextOpen(after: -1)
        while let i = firstOpen, !lines[i].text.contains(where: { $0.isLetter || $0.isNumber }) {
            consumed.insert(i)
            firstOpen = nextOpen(after: i)
        }
        if let first = firstOpen {
            var titleIndex: Int? = first
            var title = lines[first].text
            if let header = DatelineParser.parseHeader(lines[first].text) {
                headerDate = header.date
                consumed.insert(first)
                if header.title.isEmpty {
                    titleIndex = nextOpen(after: first)
                    title = titleIndex.map { lines[$0].text } ?? ""
                } else {
                    titleIndex = nil
                    title = header.title
                }
            }
            if let knownTitle {
                if let titleIndex, normalized(title) == normalized(knownTitle) {
                    consumed.insert(titleIndex)
                }
            } else {
                result.title = title.isEmpty ? nil : String(title)
                if let titleIndex { consumed.insert(titleIndex) }
            }
        }

        // Captions, anywhere in the page: a caption line and the same with its credit (LBC), a
        // source line and a caption line (BBC), or one line with its credit (most others).
        var cursor = nextOpen(after: -1)
        while let i = cursor {
            let j = nextOpen(after: i)
            if let j, let credit = CaptionPairing.credit(caption: lines[i].text, creditLine: lines[j].text) {
                result.captions.append(Caption(text: String(lines[i].text), credit: credit))
                consumed.formUnion([i, j])
                cursor = nextOpen(after: j)
                continue
            }
            if let labelled = CaptionPairing.labelledLine(lines[i].text) {
                // "Image source, Getty Images" then "Image caption, …": one caption.
                if case .source(let credit) = labelled, let j, case .caption(let text) = CaptionPairing.labelledLine(lines[j].text) {
                    result.captions.append(Caption(text: text, credit: credit))
                    consumed.formUnion([i, j])
                    cursor = nextOpen(after: j)
                    continue
                }
                // A caption alone has no credit; a source alone names no picture: neither is body.
                if case .caption(let text) = labelled { result.captions.append(Caption(text: text)) }
                consumed.insert(i)
            } else if layout == .linePerParagraph || isParagraphByItself(i),
                let caption = CaptionPairing.captionWithCredit(lines[i].text)
            {
                result.captions.append(caption)
                consumed.insert(i)
            }
            cursor = j
        }

        // Dateline and byline, near the top.
        var dateline: Dateline?
        cursor = nextOpen(after: -1)
        var seen = 0
        while let i = cursor, seen < headLineCount {
            let text = lines[i].text
            if dateline == nil, let parsed = DatelineParser.parse(text) {
                dateline = parsed
                consumed.insert(i)
            } else if result.authors.isEmpty, let byline = BylineParser.byline(in: text) {
                result.authors = byline.authors
                consumed.insert(i)
                // "By Jane Doe | 2 June 2022, 5:45 pm": the date shares the byline's line.
                if dateline == nil, let rest = byline.rest, let parsed = DatelineParser.parse(rest) {
                    dateline = parsed
                }
            }
            seen += 1
            cursor = nextOpen(after: i)
        }
        if var date = headerDate {
            // The dateline's time belongs to the header's day only when both name the same day.
            if date.time == nil, let dateline, dateline.date == date.date { date.time = dateline.time }
            result.date = date
        } else {
            result.date = dateline
        }

        result.paragraphs = paragraphs(of: lines, skipping: consumed, layout: layout)
        // A story stored on one line is no headline: its lead is the title, the rest its body.
        if let title = result.title {
            let (headline, body) = Headline.split(title)
            result.title = headline
            if let body { result.paragraphs.insert(body, at: 0) }
        }
        return result
    }

    private static func paragraphs(
        of lines: [TextLine], skipping consumed: Set<Int>, layout: ParagraphLayout
    ) -> [String] {
        var paragraphs: [String] = []
        var pending: [Substring] = []
        func flush() {
            if !pending.isEmpty { paragraphs.append(pending.joined(separator: " ")) }
            pending.removeAll(keepingCapacity: true)
        }
        for (index, line) in lines.enumerated() {
            if consumed.contains(index) || line.text.isEmpty {
                flush()
                continue
            }
            switch layout {
            case .linePerParagraph:
                paragraphs.append(String(line.text))
            case .blankLineSeparated:
                if line.standalone {
                    flush()
                    paragraphs.append(String(line.text))
                } else {
                    pending.append(line.text)
                }
            }
        }
        flush()
        return paragraphs
    }

    /// Lower case, whitespace collapsed: how two spellings of a title are compared.
    static func normalized<S: StringProtocol>(_ text: S) -> String {
        // ASCII, as most text is, on bytes: Character's whitespace test is costly per call.
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        var pendingSpace = false
        for byte in text.utf8 {
            if byte >= 0x80 {
                return text.lowercased().split(whereSeparator: \.isWhitespace).joined(separator: " ")
            }
            if byte == 0x20 || (0x09...0x0D).contains(byte) {
                pendingSpace = !out.isEmpty
                continue
            }
            if pendingSpace { out.append(0x20) }
            pendingSpace = false
            out.append(byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Raw lines, trimmed and numbered from `firstLineNumber`.
    static func textLines(_ raw: ArraySlice<Substring>, firstLineNumber: Int) -> [TextLine] {
        var number = firstLineNumber
        return raw.map { line in
            defer { number += 1 }
            return TextLine(number: number, text: line.trimmedForParsing())
        }
    }
}
