// Reads a saved web page (or a web archive record's HTML) into an Article: charset, metadata,
// main text, captions; or rejects it with the reason when it is not an article (a feed, a
// redirect stub, a page with no text).

/// What the container of a page knows about it: its file, and for a web archive record its
/// URL, crawl time, HTTP charset and place in the file.
struct PageContext: Sendable {
    /// The article id: the path under the corpus for a page file, the URL for a record.
    var id: String
    /// The file, relative to the corpus root, named in rejections and warnings.
    var path: String
    /// The first folder under the corpus root, if any: the source when the page names none.
    var folderSource: String?
    var url: String?
    /// WARC-Date, as ISO ("2024-10-18T14:30").
    var crawled: String?
    /// The charset of the HTTP Content-Type header.
    var transportCharset: String?
    /// The HTTP Content-Language header, as written.
    var transportLanguage: String? = nil
    /// The record's byte offset in its file.
    var offset: Int?
}

enum HTMLReader {
    /// A page's article, or why it is not one. Never throws, never crashes on bad input.
    static func read(_ bytes: [UInt8], context: PageContext) -> ReadResult {
        var result = ReadResult()
        func reject(_ reason: String) -> ReadResult {
            result.rejections.append(Rejection(path: context.path, offset: context.offset, reason: reason))
            return result
        }
        func warn(_ message: String) {
            result.warnings.append(ReadWarning(path: context.path, offset: context.offset, message: message))
        }
        let page: HTMLPage
        do {
            let parsed = try HTMLCharset.parse(bytes, transportCharset: context.transportCharset)
            page = parsed.page
            switch parsed.outcome {
            case .asDeclared: break
            case .windows1252Fallback: warn("not valid UTF-8 and no charset declared; decoded as Windows-1252")
            case .unknownCharset(let name): warn("unknown charset \"\(name.prefix(40))\"; decoded as UTF-8 or Windows-1252")
            }
        } catch HTMLParseError.unknownEncoding(let name) {
            return reject("the page's charset \"\(name.prefix(40))\" is unknown")
        } catch HTMLParseError.empty {
            return reject("empty page")
        } catch HTMLParseError.tooLarge {
            return reject("page too large to parse")
        } catch HTMLParseError.noLibrary(let error) {
            return reject("the page could not be parsed: \(error.library) could not be loaded (\(error.reason))")
        } catch {
            return reject("the page could not be parsed (out of memory)")
        }
        if let kind = nonPageKind(page) { return reject("\(kind), not a web page") }

        let analysis = PageAnalysis(page: page)
        var metadata = HTMLMetadata(analysis: analysis)
        let main = MainTextExtractor(analysis: analysis).extract(title: metadata.title)
        metadata.complete(from: analysis, root: main.root)
        if metadata.unreadableLinkedData > 0 {
            warn("unreadable JSON-LD ignored; metadata taken from the page's meta tags and text")
        }

        var captions = HTMLCaptions.captions(in: analysis, region: analysis.articleRegion(root: main.root))
        for image in metadata.images {
            let key = PlainTextParser.normalized(image.text)
            if let index = captions.firstIndex(where: { PlainTextParser.normalized($0.text) == key }) {
                if captions[index].credit == nil { captions[index].credit = image.credit }
            } else {
                captions.append(image)
            }
        }
        let captionTexts = Set(captions.map { PlainTextParser.normalized($0.text) })
        var paragraphs = main.blocks.map(\.text).filter { !captionTexts.contains(PlainTextParser.normalized($0)) }

        let characters = paragraphs.reduce(0) { $0 + $1.utf8.count }
        if let target = metadata.refreshTarget, characters < 200 {
            return reject("a redirect to \(target.prefix(200)), not an article")
        }
        var isPage = false
        // Sites mislabel articles as "website" often enough that the label alone is not trusted:
        // the page must also look like a list (several <article>s, or no block that stands out).
        let articleCount = page.elements(.article).count
        if metadata.declaresArticle == false && main.foundBy != .bodyMarker
            && (articleCount >= 3 || main.foundBy == .wholePage || main.blocks.isEmpty)
        {
            // A front page or a list: its "text" would be teasers. Index it by what it says it is.
            isPage = true
            paragraphs = metadata.description.map { [$0] } ?? []
            warn("not an article (the page says it is a website or a list); indexed as a page with its title and description")
        } else if characters < 200, let body = metadata.articleBody, body.utf8.count > characters {
            paragraphs = body.split(whereSeparator: \.isNewline).map { HTMLText.collapsed(String($0)) }.filter { !$0.isEmpty }
        }

        // The text's head may still hold a dateline and a byline, and its paragraphs the
        // boilerplate lines the text reader knows: read them as the text reader does.
        // A first paragraph that repeats the title is dropped; with no title, it is the title.
        var lines: [TextLine] = []
        for (index, paragraph) in paragraphs.enumerated() {
            lines.append(TextLine(number: index + 1, text: Substring(paragraph)))
        }
        let parsed = isPage
            ? ParsedText(title: metadata.title, paragraphs: paragraphs)
            : PlainTextParser.parse(lines, layout: .linePerParagraph, knownTitle: metadata.title)
        let title = metadata.title ?? parsed.title ?? ""
        let body = parsed.paragraphs
        captions += parsed.captions.filter { caption in !captions.contains { $0.text == caption.text } }
        guard !title.isEmpty || !body.isEmpty || !captions.isEmpty else {
            return reject("no article text found (no title, no paragraphs, no captions)")
        }
        if body.isEmpty && !isPage {
            warn("no article text found; indexed with its title\(captions.isEmpty ? "" : " and captions") only")
        }

        // Last, the date a news URL's path holds ("/2017/08/30/…"): a day, with no time.
        let pageDate = metadata.date ?? parsed.date ?? (context.url ?? metadata.url).flatMap(HTMLMetadata.dateInURL)
        var authors = metadata.authors.isEmpty ? parsed.authors : metadata.authors
        if authors.isEmpty { authors = metadata.organizationAuthors }
        let source = metadata.siteName ?? context.folderSource ?? host(of: metadata.url ?? context.url) ?? "unknown"
        var statements = metadata.languageStatements
        if let header = context.transportLanguage { statements.append(LanguageStatement(origin: .httpHeader, value: header)) }
        let stated = LanguageStatement.stated(by: statements)
        if let unknown = stated.unknown {
            warn("unknown language \"\(unknown.value.prefix(40))\" in \(unknown.origin); detecting it from the text")
        }
        var article = Article(
            id: context.id, source: source, title: title,
            date: pageDate?.iso ?? context.crawled, authors: authors,
            url: context.url ?? metadata.url, paragraphs: body, captions: captions, tags: metadata.tags,
            path: context.path, crawled: context.crawled,
            dateIsCrawlDate: pageDate == nil && context.crawled != nil)
        article.language = stated.language
        article.languageIsFromPageMarkup = stated.language != nil
        result.articles.append(article)
        return result
    }

    /// What a document that is not a web page is ("an RSS feed"), from its first element.
    private static func nonPageKind(_ page: HTMLPage) -> String? {
        for node in 0..<min(page.count, 8) where page.isElement(node) {
            switch page.tagName(node) {
            case "html", "body", "head": continue
            case "rss", "rdf:rdf", "rdf": return "an RSS feed"
            case "feed": return "an Atom feed"
            case "urlset", "sitemapindex": return "a sitemap"
            default: return nil
            }
        }
        return nil
    }

    /// "https://www.example.com/a" → "example.com".
    static func host(of url: String?) -> String? {
        guard let url, let schemeEnd = url.range(of: "://") else { return nil }
        var host = url[schemeEnd.upperBound...].prefix { $0 != "/" && $0 != "?" && $0 != "#" && $0 != ":" }
        if let at = host.lastIndex(of: "@") { host = host[host.index(after: at)...] }
        if host.hasPrefix("www.") { host = host.dropFirst(4) }
        return host.isEmpty ? nil : host.lowercased()
    }
}
