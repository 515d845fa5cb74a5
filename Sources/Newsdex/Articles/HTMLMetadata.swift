// A page's metadata, in the order of trust the best extractors use: schema.org JSON-LD, then
// OpenGraph and other <meta> tags (article:*, citation_*, Dublin Core, Parse.ly), then the page
// itself (microdata, <h1>, <title> without the site's name, <time datetime>, a byline element).
// Each field takes the first source that has it.

struct HTMLMetadata: Sendable {
    var title: String?
    var date: Dateline?
    var authors: [String] = []
    /// The publisher's or site's name.
    var siteName: String?
    /// The canonical link, else og:url, else JSON-LD's url.
    var url: String?
    var description: String?
    var tags: [String] = []
    /// JSON-LD images with a caption.
    var images: [Caption] = []
    /// JSON-LD articleBody, for pages whose text is drawn by scripts.
    var articleBody: String?
    /// What the page says it is: an article (og:type article, a JSON-LD article), something
    /// else (og:type website, a JSON-LD page type only), or nothing.
    var declaresArticle: Bool?
    /// Where a <meta http-equiv="refresh"> sends the reader.
    var refreshTarget: String?
    /// JSON-LD blocks that could not be read.
    var unreadableLinkedData = 0

    /// JSON-LD and <meta> tags: what the page says about itself in its markup for machines.
    init(analysis: PageAnalysis) {
        let page = analysis.page
        var blocks: [String] = []
        var meta: [String: [String]] = [:]
        var canonical: String?
        var pageTitle: String?
        var htmlLang: String?
        var httpEquivLanguage: String?
        for node in 0..<page.count where page.isElement(node) {
            switch page.tag(node) {
            case .html:
                if htmlLang == nil { htmlLang = page.attribute(.lang, of: node) ?? page.attribute(.xmlLang, of: node) }
            case .script:
                guard let type = page.attribute(.type, of: node)?.lowercased(), type.contains("ld+json") else { continue }
                blocks.append(Self.rawText(of: node, page))
            case .meta:
                let key = (page.attribute(.property, of: node) ?? page.attribute(.name, of: node)
                    ?? page.attribute(.itemprop, of: node))?.lowercased()
                if let httpEquiv = page.attribute(.httpEquiv, of: node)?.lowercased(), httpEquiv == "refresh",
                    let content = page.attribute(.content, of: node)
                {
                    refreshTarget = Self.refreshURL(content)
                }
                if httpEquivLanguage == nil, page.attribute(.httpEquiv, of: node)?.lowercased() == "content-language" {
                    httpEquivLanguage = page.attribute(.content, of: node)
                }
                // "dc:date" and "DC.date" are the same Dublin Core field.
                guard var key, let content = page.attribute(.content, of: node) else { continue }
                for prefix in ["dc:", "dcterms:"] where key.hasPrefix(prefix) {
                    key = prefix.dropLast() + "." + key.dropFirst(prefix.count)
                }
                let value = HTMLText.plain(content)
                if !value.isEmpty { meta[key, default: []].append(value) }
            case .link:
                if canonical == nil, let rel = page.attribute(.rel, of: node)?.lowercased(),
                    rel.split(separator: " ").contains("canonical"), let href = page.attribute(.href, of: node),
                    !href.isEmpty
                {
                    canonical = href.trimmedForParsing().description
                }
            case .title:
                if pageTitle == nil, !analysis.isInside(node, furniture: [.structure]), page.ancestor(of: node, where: { page.tag($0) == .svg }) == nil {
                    pageTitle = page.text(of: node)
                }
            default:
                continue
            }
        }
        let linked = LinkedData(blocks: blocks)
        unreadableLinkedData = linked.unreadableBlocks
        func first(_ keys: String...) -> String? {
            for key in keys { if let value = meta[key]?.first { return value } }
            return nil
        }
        func all(_ keys: String...) -> [String] { keys.flatMap { meta[$0] ?? [] } }

        siteName = linked.publisher ?? first("og:site_name", "application-name", "citation_journal_title",
            "dc.publisher", "dcterms.publisher", "twitter:site").map(Self.siteNameCleaned)
        title = (linked.headline ?? first("og:title", "citation_title", "dc.title", "dcterms.title",
            "parsely-title", "sailthru.title", "twitter:title", "headline")).map { Self.withoutSiteName($0, siteName) }
        for value in [linked.datePublished] + all(
            "article:published_time", "og:published_time", "article:published", "citation_publication_date",
            "citation_date", "citation_online_date", "bepress_citation_date", "bepress_citation_online_date",
            "dc.date.issued", "dcterms.issued", "dc.date", "dcterms.created", "dcterms.date", "parsely-pub-date",
            "sailthru.date", "pubdate", "publishdate", "publish-date", "publish_date", "datepublished",
            "datecreated", "date", "og:article:published_time")
        {
            if let value, let date = Self.date(value) {
                self.date = date
                break
            }
        }
        // A company or the site itself given as author ("SPIEGEL ONLINE", "Süddeutsche.de
        // GmbH, Munich, Germany") is not one: kept, with the JSON-LD's organizations, for a
        // page that names no person.
        let fromMeta = all("author", "article:author", "byl", "citation_author", "dc.creator", "dcterms.creator",
            "parsely-author", "sailthru.author", "og:article:author")
        authors = Self.personNames(linked.authors.filter { !Self.isSite($0, siteName) })
        if authors.isEmpty { authors = Self.personNames(fromMeta.filter { !Self.isSite($0, siteName) }) }
        organizationAuthors = linked.organizationAuthors
            + Self.personNames((linked.authors + fromMeta).filter { Self.isSite($0, siteName) }).prefix(1)
        url = canonical ?? first("og:url") ?? linked.url
        // When the page was last changed: its date only when nothing says when it was published.
        modified = [linked.dateModified].compactMap { $0 }
            + all("article:modified_time", "og:updated_time", "last-modified", "dcterms.modified")
        description = first("description", "og:description", "twitter:description")
        tags = linked.keywords.isEmpty ? all("article:tag", "news_keywords") : linked.keywords
        if tags.count == 1, tags[0].contains(",") {
            tags = tags[0].split(separator: ",").map { String($0.trimmedForParsing()) }.filter { !$0.isEmpty }
        }
        images = linked.images
        articleBody = linked.articleBody
        let ogType = first("og:type")?.lowercased()
        if linked.hasArticle || ogType == "article" || ogType?.hasPrefix("article") == true {
            declaresArticle = true
        } else if ogType == "website" || !linked.types.isDisjoint(with: LinkedData.pageTypes) {
            declaresArticle = false
        }
        self.pageTitle = pageTitle.map(HTMLText.collapsed)
        // The article's own statement first, then the page's, then what the site's templates
        // say for every page (a locale is the site's, not the article's).
        let statements: [(LanguageStatement.Origin, String?)] = [
            (.linkedData, linked.inLanguage), (.htmlLang, htmlLang), (.httpEquiv, httpEquivLanguage),
            (.metaLanguage, first("language", "content-language", "dc.language", "dcterms.language")),
            (.openGraphLocale, first("og:locale")),
        ]
        languageStatements = statements.compactMap { origin, value in
            value.map { LanguageStatement(origin: origin, value: $0) }
        }
    }

    /// What the page says its language is, most trusted first, as written.
    var languageStatements: [LanguageStatement] = []

    /// The <title> element's text, kept for the page stage.
    var pageTitle: String?

    // MARK: - The page stage

    /// Fills what the markup for machines left empty from what the page shows: microdata,
    /// the <h1>, the <title> (without the site's name), <time datetime>, a byline element.
    /// `root` is the article text's container, where these are looked for first.
    mutating func complete(from analysis: PageAnalysis, root: Int?) {
        let page = analysis.page
        let region = analysis.articleRegion(root: root)
        // Headlines, dates and bylines sit in headers and meta blocks, not in comments or teasers.
        let usable: (Int) -> Bool = { node in
            !analysis.isInside(node, furniture: [.structure, .named, .invisible, .hidden])
                || analysis.readings[node].isByline
        }
        // A headline given with a suffix ("Title | DW | 19.01.2020") is the page's <h1> when it
        // begins with it.
        if let current = title,
            let h1 = page.elements(.h1, in: region).first(where: usable).map({ page.text(of: $0) }),
            h1.utf8.count >= 10, current.hasPrefix(h1), current != h1
        {
            title = h1
        }
        if title == nil {
            let h1 = page.elements(.h1, in: region).first(where: usable)
                ?? page.elements(.h1, in: analysis.body..<page.end(analysis.body)).first(where: usable)
            let h1Text = h1.map { page.text(of: $0) }.flatMap { $0.isEmpty ? nil : $0 }
            let itemHeadline = Self.itemprop("headline", in: region, analysis)
            title = itemHeadline ?? h1Text ?? pageTitle.map { Self.titleCleaned($0, siteName: siteName, h1: h1Text) }
            if let current = title, current.isEmpty { title = nil }
        }
        if date == nil {
            if let value = Self.itemprop("datePublished", in: region, analysis) ?? Self.itemprop("datePublished", in: 0..<page.count, analysis) {
                date = Self.date(value)
            }
        }
        if date == nil {
            let times = page.elements(.time, in: region).filter(usable) + page.elements(.time, in: analysis.body..<page.end(analysis.body)).filter(usable)
            for time in times {
                if let value = page.attribute(.datetime, of: time) ?? Optional(page.text(of: time)), let parsed = Self.date(value) {
                    date = parsed
                    break
                }
            }
        }
        if date == nil {
            date = modified.lazy.compactMap(Self.date).first
        }
        if authors.isEmpty {
            authors = Self.bylineAuthors(in: region, analysis) ?? Self.bylineAuthors(in: analysis.body..<page.end(analysis.body), analysis) ?? []
        }
        if authors.isEmpty || date == nil, let line = Self.bylineLine(in: region, analysis) {
            // An unnamed "By Jane Doe | 7 August 2025, 13:17" beside the text.
            if authors.isEmpty { authors = line.authors }
            if date == nil, let rest = line.rest { date = DatelineParser.parse(rest) }
        }
    }

    /// When the page was last changed, as written.
    var modified: [String] = []

    /// Authors that are organizations, for an article that names no person (`complete` and the
    /// text's byline come first).
    var organizationAuthors: [String] = []

    /// Whether an author value names the site itself ("SPIEGEL ONLINE", "futurezone.at",
    /// "Süddeutsche.de GmbH, Munich, Germany" on the site Süddeutsche.de).
    static func isSite(_ value: String, _ siteName: String?) -> Bool {
        guard let siteName, !siteName.isEmpty else { return false }
        let value = value.lowercased(), site = siteName.lowercased()
        return value == site || value.hasPrefix(site + " ") || value.hasPrefix(site + ",")
    }



    /// The first short block of `range` that reads as a byline ("By Jane Doe, Health Reporter").
    private static func bylineLine(in range: Range<Int>, _ analysis: PageAnalysis) -> (authors: [String], rest: Substring?)? {
        let page = analysis.page
        for node in range where page.isElement(node) && [.p, .div, .span, .td, .address].contains(page.tag(node)) {
            guard !analysis.hasBlockChild[node], !analysis.isInside(node, furniture: [.invisible, .structure, .named]) else { continue }
            let text = page.text(of: node)
            guard text.utf8.count < 160, text.hasPrefix("By ") || text.hasPrefix("BY ") else { continue }
            if let byline = BylineParser.byline(in: text[...]) { return byline }
        }
        return nil
    }

    /// The value of the first microdata property `name` in `range`: its content or datetime
    /// attribute, else its text.
    private static func itemprop(_ name: String, in range: Range<Int>, _ analysis: PageAnalysis) -> String? {
        let page = analysis.page
        for node in range where page.isElement(node) {
            guard let property = page.attribute(.itemprop, of: node),
                property.split(separator: " ").contains(where: { $0.lowercased() == name.lowercased() })
            else { continue }
            let value = page.attribute(.content, of: node) ?? page.attribute(.datetime, of: node) ?? page.text(of: node)
            let plain = HTMLText.plain(value)
            if !plain.isEmpty { return plain }
        }
        return nil
    }

    /// Author names from a byline element: microdata author, rel="author", or an element named
    /// byline or author.
    private static func bylineAuthors(in range: Range<Int>, _ analysis: PageAnalysis) -> [String]? {
        let page = analysis.page
        for node in range where page.isElement(node) {
            // Not a teaser's byline: in a figure, or in a link to another page.
            guard !analysis.isInside(node, furniture: [.invisible, .structure]),
                page.ancestor(of: node, where: { [.a, .figure, .figcaption].contains(page.tag($0)) }) == nil
            else { continue }
            let property = page.attribute(.itemprop, of: node)?.lowercased() ?? ""
            let rel = page.attribute(.rel, of: node)?.lowercased() ?? ""
            let named = analysis.readings[node].isByline && analysis.textLength[node] < 200
            guard property == "author" || rel == "author" || named else { continue }
            var text: String
            if property == "author", let name = itemprop("name", in: (node + 1)..<page.end(node), analysis) {
                text = name
            } else {
                text = page.attribute(.content, of: node) ?? page.text(of: node)
            }
            text = HTMLText.collapsed(text)
            let names = personNames([text]).filter(BylineParser.isPersonName)
            if !names.isEmpty { return names }
        }
        return nil
    }

    // MARK: - Values

    /// The date of a URL whose path holds one as news sites and blogs write it, year, month and
    /// day segments ("https://example.com/2017/08/30/title"); nil for any other URL.
    static func dateInURL(_ url: String) -> Dateline? {
        let path = url.split(separator: "?", maxSplits: 1).first ?? ""
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        guard segments.count >= 3 else { return nil }
        let digits = { (text: Substring) in text.allSatisfy { $0.isASCII && $0.isNumber } }
        for i in 0..<(segments.count - 2) {
            let (y, m, d) = (segments[i], segments[i + 1], segments[i + 2])
            guard y.count == 4, m.count == 2, d.count == 2, digits(y), digits(m), digits(d),
                let year = Int(y), let month = Int(m), let day = Int(d),
                (1990...2100).contains(year), let date = DatelineParser.isoDate(year: year, month: month, day: day)
            else { continue }
            return Dateline(date: date)
        }
        return nil
    }

    /// A date from a machine-readable or a written value.
    static func date(_ value: String) -> Dateline? {
        let trimmed = value.trimmedForParsing()
        if let iso = DatelineParser.parseISO(trimmed) { return iso }
        if let machine = machineDate(trimmed) { return machine }
        // "20241018" (some CMSs), "2024-10-18T14:30:00+0100" is covered above.
        if trimmed.utf8.count == 8, trimmed.allSatisfy(\.isNumber),
            let y = Int(trimmed.prefix(4)), let m = Int(trimmed.dropFirst(4).prefix(2)), let d = Int(trimmed.suffix(2)),
            let date = DatelineParser.isoDate(year: y, month: m, day: d)
        {
            return Dateline(date: date)
        }
        return DatelineParser.parse(trimmed)
    }

    /// Dates as servers and CMSs write them in metadata: "Tue Jan 28 15:28:56 CET 2020" (Java),
    /// "Fri, 17 May 2019 13:38:23 GMT" (HTTP), "28.01.2020-15:49" and "15.05.2019" (day first,
    /// with dots): a month (a name, or the middle of a dotted date), a day, a year, perhaps a
    /// time, in any order, and nothing else but a weekday or a zone.
    static func machineDate<S: StringProtocol>(_ value: S) -> Dateline? {
        var day: Int?, month: Int?, year: Int?, time: String?
        // "28.01.2020-15:49": a dotted date joined to its time.
        let tokens = value.split(whereSeparator: { $0 == " " || $0 == "," }).flatMap { token in
            token.contains(".") && token.contains(":") ? token.split(separator: "-") : [token]
        }
        for token in tokens {
            let lower = token.lowercased()
            let dotted = token.split(separator: ".", omittingEmptySubsequences: false)
            let clock = token.split(separator: ":", omittingEmptySubsequences: false)
            if dotted.count == 3, dotted.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }), dotted[2].count == 4 {
                guard day == nil, month == nil, year == nil else { return nil }
                (day, month, year) = (Int(dotted[0]), Int(dotted[1]), Int(dotted[2]))
            } else if let number = months[String(lower.prefix(3))], lower.allSatisfy(\.isLetter), lower.count >= 3 {
                guard month == nil else { return nil }
                month = number
            } else if !token.isEmpty, token.allSatisfy(\.isNumber), let number = Int(token) {
                if token.count == 4, year == nil {
                    year = number
                } else if token.count <= 2, day == nil {
                    day = number
                } else {
                    return nil
                }
            } else if (2...3).contains(clock.count), clock.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) }) {
                if let hour = Int(clock[0]), let minute = Int(clock[1]), hour < 24, minute < 60 {
                    time = (hour < 10 ? "0" : "") + "\(hour):" + (minute < 10 ? "0" : "") + "\(minute)"
                }
            } else if token.allSatisfy(\.isLetter) || token.first == "+" || token.first == "-" {
                continue  // a weekday ("Tue"), a zone ("CET", "+0100"), "Uhr"
            } else {
                return nil
            }
        }
        guard let day, let month, let year, let date = DatelineParser.isoDate(year: year, month: month, day: day) else {
            return nil
        }
        return Dateline(date: date, time: time)
    }

    private static let months: [String: Int] = [
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "may": 5, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "oct": 10,
        "nov": 11, "dec": 12, "mai": 5, "okt": 10, "dez": 12, "mär": 3,
    ]

    /// People's names from author values: "By Jane Doe and John Smith" → two names; profile
    /// URLs, e-mail addresses and empty values dropped; duplicates once.
    static func personNames(_ values: [String]) -> [String] {
        var names: [String] = []
        for value in values {
            var text = Substring(HTMLText.collapsed(value))
            if text.contains("://") || text.contains("@") || text.hasPrefix("www.") { continue }
            for prefix in ["By ", "by ", "BY ", "By: ", "Written by ", "Words by ", "Von ", "von ", "Par ", "par ", "Por "]
            where text.hasPrefix(prefix) {
                text = text.dropFirst(prefix.count).trimmedForParsing()
            }
            // "Jane Doe | Reuters", "Jane Doe - Political Editor": the name comes first.
            for separator in [" | ", " - ", " – ", " — "] {
                if let range = text.range(of: separator) { text = text[..<range.lowerBound] }
            }
            for name in BylineParser.splitNames(text) {
                // "Jane Doe, Political Editor": the names end where a job title begins.
                if BylineParser.isJobTitle(name) { break }
                let trimmed = name.trimmedForParsing()
                guard !trimmed.isEmpty, trimmed.utf8.count <= 80 else { continue }
                let name = String(trimmed)
                if !names.contains(name) { names.append(name) }
            }
        }
        return names
    }

    /// A title without the site's name before or after it ("Title | Site", "Site - Title").
    static func withoutSiteName(_ title: String, _ siteName: String?) -> String {
        let title = HTMLText.collapsed(title)
        guard let siteName, !siteName.isEmpty, title.count > siteName.count + 3 else { return title }
        for separator in [" | ", " - ", " – ", " — ", " :: ", " · ", " • ", ": "] {
            if title.hasSuffix(separator + siteName) {
                return String(title.dropLast(separator.count + siteName.count)).trimmedForParsing().description
            }
            if title.hasPrefix(siteName + separator) {
                return String(title.dropFirst(separator.count + siteName.count)).trimmedForParsing().description
            }
        }
        return title
    }

    /// The <title> as a headline: the <h1> when the title begins with it, else without the site's
    /// name, else without a short last part after a separator ("Headline | The Daily Planet").
    static func titleCleaned(_ title: String, siteName: String?, h1: String?) -> String {
        if let h1, !h1.isEmpty, title.hasPrefix(h1) { return h1 }
        let cleaned = withoutSiteName(title, siteName)
        if cleaned != title { return cleaned }
        for separator in [" | ", " — ", " – ", " - ", " :: ", " · ", " • "] {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let tail = title[range.upperBound...]
            let head = title[..<range.lowerBound]
            if tail.split(separator: " ").count <= 4, head.split(separator: " ").count >= 3 {
                return String(head.trimmedForParsing())
            }
        }
        return title
    }

    /// "@TheDailyPlanet" (twitter:site) → "TheDailyPlanet"; other names as they are.
    private static func siteNameCleaned(_ name: String) -> String {
        name.hasPrefix("@") ? String(name.dropFirst()) : name
    }

    /// "0; url=https://example.com/next" → "https://example.com/next".
    static func refreshURL(_ content: String) -> String? {
        for part in content.split(separator: ";") {
            let trimmed = part.trimmedForParsing()
            if trimmed.lowercased().hasPrefix("url=") {
                var url = trimmed.dropFirst(4).trimmedForParsing()
                if let first = url.first, first == "'" || first == "\"", url.last == first, url.count >= 2 {
                    url = url.dropFirst().dropLast()
                }
                return url.isEmpty ? nil : String(url)
            }
        }
        return nil
    }

    /// The text of a <script> as written (its character data, not collapsed).
    private static func rawText(of node: Int, _ page: HTMLPage) -> String {
        var text = ""
        for child in page.children(node) where page.isText(child) { text += page.rawText(child) }
        return text
    }
}
