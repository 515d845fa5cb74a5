// Hits as shown: a match's stored document, its snippet with the query's words marked, the
// captions that match, and the other copies of its story.
internal import Xapian

/// Builds the hits of one match set.
struct HitBuilder {
    let database: Database
    /// The match set whose query marks snippets: one with the query's words as an article's text
    /// holds them (Xapian marks a word of a text only where the query has it unprefixed, and a
    /// search of pictures reads its words under the caption field's prefix).
    let marking: MatchSet
    /// The stemmer of each hit's language, so a snippet marks the forms its language's parse
    /// matched.
    let stemmers: SnippetStemmers
    /// Whether hits show a snippet: a caller that shows only ids reads no body.
    let snippets: Bool
    /// Mark the query's matches in snippets and keep only matching captions; false without a
    /// query, or without snippets.
    let highlight: Bool
    let snippetLength: Int
    /// The part of each text a marked snippet is made from, and whether the text may match at
    /// all; nil where nothing is marked (`highlight` is false).
    let window: SnippetWindow?
    /// Whether any story of the index has several articles; when none has, no hit's copies are
    /// looked up.
    let storiesHaveCopies: Bool
    /// Each story's members in date order, read once per search: with `--all-copies`, every hit
    /// of a story of thousands of copies would otherwise read all of them again.
    let storyMembers = StoryMembers()
    /// The English stemmer of this query's snippets, which stems only the words that may stem
    /// to a term of the query (see `SnippetWindow.englishStemmer`); nil: `stemmers`' own.
    private let englishStemmer: Stem?

    init(
        database: Database, marking: MatchSet, storiesHaveCopies: Bool, stemmers: SnippetStemmers, snippets: Bool,
        highlight: Bool, snippetLength: Int, window: SnippetWindow?
    ) {
        (self.database, self.marking, self.stemmers) = (database, marking, stemmers)
        (self.snippets, self.highlight) = (snippets, highlight)
        self.storiesHaveCopies = storiesHaveCopies
        (self.snippetLength, self.window) = (snippetLength, window)
        englishStemmer = window?.englishStemmer
    }

    /// A hit as shown: with `highlight`, the snippet and captions mark the query's matches.
    func hit(_ hit: MatchSet.Hit) throws -> SearchHit {
        let document = try hit.document()
        let stored = try StoredDocument(of: document, body: snippets)
        let snippet: Snippet
        let captions: [CaptionHit]
        if highlight, let window {
            // A stemmer for the hit's language only where something is marked: a page of ids,
            // or of a search without a query, needs none.
            let stemmerName = stemmers.name(for: stored.language)
            let stemmer = (stemmerName == "english" ? englishStemmer : nil) ?? stemmers.stemmer(for: stored.language)
            snippet = try markedSnippet(of: stored, window: window, stemmer: stemmer, stemmerName: stemmerName)
            captions = try markedCaptions(of: stored, stemmer: stemmer, stemmerName: stemmerName)
        } else {
            snippet = snippets ? start(of: stored) : Snippet(segments: [])
            captions = stored.captions.map { CaptionHit(caption: $0, highlighted: nil) }
        }
        let (copies, copyCount) = try otherCopies(of: stored, limit: SearchHit.copiesListed)
        return SearchHit(
            id: stored.id, kind: stored.kind, rank: hit.rank + 1, score: hit.weight, percent: hit.percent,
            title: stored.title, source: stored.source, date: stored.date, authors: stored.authors,
            url: stored.url, path: stored.path, snippet: snippet, captions: captions,
            entities: stored.entities, article: stored.article, story: stored.story, copies: copies,
            copyCount: copyCount, language: stored.language ?? .undetermined)
    }

    /// The snippet of `stored`'s text (a caption document's caption), the query's matches
    /// marked. Where nothing in it matches (the query matched the title or a caption), its
    /// start, as without a query: Xapian would give its last lines, having read all of it, and
    /// is not asked where the window sees no word the query may match.
    private func markedSnippet(
        of stored: StoredDocument, window: SnippetWindow, stemmer: Stem, stemmerName: String?
    ) throws -> Snippet {
        let make = { (marked: String) in
            try marking.snippet(marked, length: snippetLength, stemmer: stemmer, flags: [.cjkNgram])
        }
        // The part to read is found in the text as stored (see SnippetWindow), and only it is
        // marked.
        let html = try window.snippet(of: stored.snippetSource, stemmer: stemmerName, length: snippetLength, make)
        let snippet = html.map { Snippet(xapianHTML: Schema.unmarkPossessives($0)) }
        if let snippet, !snippet.matches.isEmpty { return snippet }
        return start(of: stored)
    }

    /// The start of `stored`'s text, unmarked: as many of its words as fit in `snippetLength`
    /// characters, then "..." where it goes on, as Xapian ends a snippet (a text without spaces
    /// where they would fit, Chinese or Japanese, is cut at the length).
    private func start(of stored: StoredDocument) -> Snippet {
        // A character more than fits says whether the text goes on, and whether a word ends there.
        let prefix = stored.snippetSourcePrefix(snippetLength + 1)
        guard let next = prefix.last, prefix.count > snippetLength else {
            return Snippet(segments: [SnippetSegment(text: prefix, isMatch: false)])
        }
        var kept = prefix.dropLast()
        if !next.isWhitespace, let space = kept.lastIndex(where: \.isWhitespace),
            kept.distance(from: kept.startIndex, to: space) >= snippetLength / 2
        {
            kept = kept[..<space]
        }
        while let last = kept.last, last.isWhitespace { kept = kept.dropLast() }
        return Snippet(segments: [SnippetSegment(text: String(kept) + "...", isMatch: false)])
    }

    /// The captions of `stored` that match, marked; a caption document's own caption, marked
    /// where it matches (a picture found by `caption:` words alone may show none).
    private func markedCaptions(of stored: StoredDocument, stemmer: Stem, stemmerName: String?) throws -> [CaptionHit] {
        guard stored.kind == .article else {
            return try stored.captions.map { CaptionHit(caption: $0, highlighted: try marked(caption: $0, stemmer: stemmer)) }
        }
        return try stored.captions.compactMap { caption in
            // Marked only where a word of the query may be: elsewhere Xapian finds nothing to mark.
            if let window, !window.mayMatch(caption.text, stemmer: stemmerName) { return nil }
            return try marked(caption: caption, stemmer: stemmer).map { CaptionHit(caption: caption, highlighted: $0) }
        }
    }

    /// A caption's whole text, the query's matches marked; nil when nothing in it matches. Its
    /// possessives are read as the indexer read them ("Arafat’s" as "Arafat", see
    /// `Schema.markPossessives`), so a phrase that ends in one is marked too.
    private func marked(caption: Caption, stemmer: Stem) throws -> Snippet? {
        let html = Schema.unmarkPossessives(try marking.snippet(
            Schema.markPossessives(caption.text), length: caption.text.utf8.count + 16, stemmer: stemmer,
            flags: [.exhaustive, .emptyWithoutMatch, .cjkNgram]))
        return html.isEmpty ? nil : Snippet(xapianHTML: html)
    }

    /// The other copies of a document's story, oldest first (the wire original usually ran
    /// first), and how many there are.
    private func otherCopies(of stored: StoredDocument, limit: Int) throws -> ([StoryCopy], Int) {
        guard storiesHaveCopies, let story = stored.story else { return ([], 0) }
        let members = try storyMembers.inDateOrder(story, in: database)
        guard members.count > 1 else { return ([], 0) }
        // Decode the stored data of only the copies listed.
        var copies: [StoryCopy] = []
        for docid in members where copies.count < limit {
            let other = try StoredDocument(of: database.document(docid), body: false)
            if other.id != stored.id {
                copies.append(StoryCopy(id: other.id, source: other.source, date: other.date, title: other.title))
            }
        }
        return (copies, members.count - 1)
    }
}

/// The members of stories, in date order (the wire original usually ran first), read once.
final class StoryMembers {
    private var byStory: [String: [DocumentID]] = [:]

    func inDateOrder(_ story: String, in database: Database) throws -> [DocumentID] {
        if let members = byStory[story] { return members }
        // Copies of one date in an order of their own, not by document number: shards built
        // apart number them otherwise, and a stub of them must list what one index lists. The
        // story fingerprint's value (the id, then the MinHash) is that order: read, not decoded.
        let postings = try database.postings(Schema.term(Schema.story, story))
        // Most stories have one article: nothing to order, nothing to read.
        guard postings.count > 1 else {
            byStory[story] = postings
            return postings
        }
        var dated: [(date: String, tie: String, docid: DocumentID)] = []
        for docid in postings {
            let document = try database.document(docid)
            let date = try document.stringValue(slot: Slot.sortableDate.number)
            dated.append((date.isEmpty ? "~" : date, try document.stringValue(slot: Slot.storyFingerprint.number), docid))
        }
        let members = dated.sorted { $0.date != $1.date ? $0.date < $1.date : $0.tie < $1.tie }.map(\.docid)
        byStory[story] = members
        return members
    }
}

extension Snippet {
    /// Reads Xapian's snippet: HTML-escaped text with <b>…</b> around matches. Read as bytes:
    /// Foundation's `range(of:)` and `replacingOccurrences` cost a one-shot search their first
    /// use and a bridge per call.
    init(xapianHTML html: String) {
        let bytes = Array(html.utf8)
        var segments: [SnippetSegment] = []
        var position = 0
        while let open = Self.find(Self.openTag, in: bytes, from: position) {
            let adjacent = open == position
            if open > position {
                segments.append(SnippetSegment(text: Self.unescape(bytes[position..<open]), isMatch: false))
            }
            let start = open + Self.openTag.count
            let close = Self.find(Self.closeTag, in: bytes, from: start) ?? bytes.count
            let text = Self.unescape(bytes[start..<close])
            // CJK text is marked character by character ("<b>余</b><b>震</b>"): one match.
            if adjacent, let last = segments.last, last.isMatch {
                segments[segments.count - 1].text += text
            } else {
                segments.append(SnippetSegment(text: text, isMatch: true))
            }
            position = min(close + Self.closeTag.count, bytes.count)
        }
        if position < bytes.count {
            segments.append(SnippetSegment(text: Self.unescape(bytes[position...]), isMatch: false))
        }
        self.init(segments: segments)
    }

    private static let openTag = Array("<b>".utf8)
    private static let closeTag = Array("</b>".utf8)

    /// Where `needle` first occurs in `bytes` at or after `from`.
    private static func find(_ needle: [UInt8], in bytes: [UInt8], from: Int) -> Int? {
        var i = from
        while i + needle.count <= bytes.count {
            if bytes[i] == needle[0] && bytes[i..<i + needle.count].elementsEqual(needle) { return i }
            i += 1
        }
        return nil
    }

    /// The entities Xapian escapes, and what they stand for.
    private static let entities: [(name: [UInt8], byte: UInt8)] = [
        (Array("&lt;".utf8), 0x3C), (Array("&gt;".utf8), 0x3E), (Array("&quot;".utf8), 0x22),
        (Array("&#39;".utf8), 0x27), (Array("&amp;".utf8), 0x26),
    ]

    private static func unescape(_ text: ArraySlice<UInt8>) -> String {
        guard text.contains(0x26) else { return String(decoding: text, as: UTF8.self) }
        var out: [UInt8] = []
        out.reserveCapacity(text.count)
        var i = text.startIndex
        outer: while i < text.endIndex {
            if text[i] == 0x26 {
                for entity in entities where text[i...].starts(with: entity.name) {
                    out.append(entity.byte)
                    i += entity.name.count
                    continue outer
                }
            }
            out.append(text[i])
            i += 1
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Stemmers for snippets, one per language, made when first needed.
final class SnippetStemmers {
    private var byName: [String: Stem] = [:]
    private let none = Stem.none

    /// The Snowball name of the stemmer of `language`; nil when it has none.
    func name(for language: Language?) -> String? {
        language.flatMap { TextAnalysis($0).stemmer }
    }

    /// The stemmer of `language`; one that leaves words alone when it has none.
    func stemmer(for language: Language?) -> Stem {
        guard let name = name(for: language) else { return none }
        if let stemmer = byName[name] { return stemmer }
        // Memoized: a page of snippets stems the same words again and again (issue 16). A
        // language's words, a few hundred thousand at most, bounded all the same.
        let stemmer = (try? Stem(language: name, memoizingUpTo: 200_000)) ?? none
        byName[name] = stemmer
        return stemmer
    }
}
