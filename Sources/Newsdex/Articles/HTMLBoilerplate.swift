// The words by which pages name their furniture and their article body, in class and id
// attributes. The one list for HTML, as Boilerplate.swift is for text lines: to drop another
// kind of block, add its word here (and a fixture line that shows it).
//
// Names are read as words: "related-articles", "relatedArticles" and "related_articles" are the
// words "related" and "articles". A word is checked in a set, and each pair of adjacent words
// too ("read more", "entry content"), so a page's hundreds of class names cost a few hash lookups
// each, and "commentary" is never "comment".

enum HTMLBoilerplate {
    /// How strongly a class or id says "not the article".
    enum Strength: Sendable, Equatable {
        case none
        /// Page structure (a sidebar, a menu, a header): dropped unless it holds most of the page.
        case weak
        /// Never article text (comments, cookie banners, related links, share bars, captions).
        case strong
    }

    /// What a class and id say about an element.
    struct Reading: Sendable, Equatable {
        var strength: Strength = .none
        /// It names the article's body ("entry-content", "article-body", itemprop aside).
        var isBody = false
        /// It is a photo credit ("credit", "copyright", "photographer").
        var isCredit = false
        /// It is a caption ("caption", "wp-caption-text").
        var isCaption = false
        /// It is text only for screen readers ("sr-only", "visually-hidden").
        var isScreenReaderOnly = false
        /// It is a comment section ("comments", "disqus", "replies"), which may hold more text
        /// than the article and is still never article text.
        var isComments = false
        /// It is a byline ("byline", "author-name").
        var isByline = false
        /// It names a picture ("picbox", "photo", "image-wrapper"): with an image inside, a figure.
        var isPicture = false
        /// Its words, for scoring (positive and negative names).
        var score = 0
    }

    static let strong: Set<String> = [
        "comment", "comments", "commentlist", "disqus", "cookie", "cookies", "consent", "gdpr",
        "newsletter", "newsletters", "subscribe", "subscription", "signup", "social", "share", "shares",
        "sharing", "sharebar", "sharetools", "related", "recommended", "recommendations", "recirc",
        "recirculation", "popular", "trending", "outbrain", "taboola", "promo", "promotion", "promoted",
        "sponsor", "sponsored", "advert", "adverts", "advertisement", "advertising", "ad", "ads",
        "adslot", "adunit", "adcontainer", "dfp", "breadcrumb", "breadcrumbs", "pagination", "pager",
        "byline", "caption", "captions", "credit", "credits", "modal", "popup", "overlay", "donate",
        "donation", "readmore", "teaser", "teasers", "dateline", "timestamp",
    ]

    /// Stems that mark furniture inside a longer word written without separators
    /// ("relatedstories", "sharebox", "commentlist"); "commentary" is an article, not comments.
    static let strongStems = [
        "related", "comment", "cookie", "share", "social", "newsletter", "promo", "advert", "sponsor",
        "outbrain", "taboola", "disqus", "recommend", "breadcrumb", "subscribe", "popular", "trending",
    ]
    static let stemExceptions = ["commentary", "commentator", "shareholder"]

    static let strongPairs: Set<String> = [
        "read more", "see also", "also read", "most read", "more stories", "more news", "sign up",
        "author bio", "about author", "about the", "post meta", "entry meta", "article meta",
        "article footer", "article tags", "post tags", "entry footer", "skip link", "skip to",
        "in article", "inline ad", "wp caption", "image credit", "photo credit",
    ]

    static let weak: Set<String> = [
        "sidebar", "aside", "menu", "nav", "navbar", "navigation", "header", "footer", "masthead",
        "banner", "widget", "widgets", "meta", "toolbar", "tags", "tag", "topics", "login", "rating",
        "skip", "print", "hero", "briefing",
    ]

    static let bodyWords: Set<String> = [
        "articlebody", "articletext", "articlecontent", "storybody", "storytext", "storycontent",
        "bodytext", "postcontent", "postbody", "entrycontent", "posttext", "itemfulltext",
    ]

    static let bodyPairs: Set<String> = [
        "article body", "article content", "article text", "article copy", "entry content",
        "post content", "post body", "post text", "story body", "story content", "story text",
        "body text", "text body", "body copy", "field body", "item fulltext", "content body",
    ]

    static let creditWords: Set<String> = [
        "credit", "credits", "copyright", "photographer", "attribution", "courtesy", "source",
        "byline", "author", "photocredit",
    ]

    static let captionWords: Set<String> = ["caption", "captions", "figcaption", "legend"]

    static let commentWords: Set<String> = [
        "comment", "comments", "commentlist", "disqus", "replies", "respond", "discussion", "talkback",
    ]

    static let pictureWords: Set<String> = [
        "pic", "picture", "photo", "image", "img", "figure", "foto", "bild", "media", "picbox",
        "imagebox", "photobox",
    ]

    static let screenReaderTokens: Set<String> = [
        "sr-only", "sr-only-focusable", "visually-hidden", "visuallyhidden", "screen-reader-text",
        "screen-reader-only", "screenreader", "u-vh", "a11y-hidden", "offscreen", "element-invisible",
    ]

    static let hiddenTokens: Set<String> = ["hidden", "is-hidden", "d-none", "u-hidden", "hide", "js-hidden"]

    static let bylineWords: Set<String> = ["byline", "author", "authors", "writer", "contributor"]

    /// Words that make a block likelier (Readability's positive and negative class names).
    static let positiveWords: Set<String> = [
        "article", "body", "content", "entry", "hentry", "main", "page", "post", "text", "blog", "story",
    ]
    static let negativeWords: Set<String> = [
        "hidden", "banner", "combx", "comment", "comments", "contact", "foot", "footer", "footnote",
        "masthead", "media", "meta", "outbrain", "promo", "related", "scroll", "share", "shoutbox",
        "sidebar", "skyscraper", "sponsor", "shopping", "tags", "tool", "widget", "ad", "ads",
    ]

    /// What a class attribute and id attribute (as written) say.
    static func read(class classes: String?, id: String?) -> Reading {
        var reading = Reading()
        var words: [Substring] = []
        for attribute in [classes, id] {
            guard let attribute else { continue }
            for token in attribute.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }) {
                let lower = token.lowercased()
                if screenReaderTokens.contains(lower) { reading.isScreenReaderOnly = true }
                if hiddenTokens.contains(lower) { reading.strength = .strong }
                // A BEM modifier ("Section--ads", "page--has-comments") says what a block holds
                // or how it looks, not what it is: its words do not make furniture or a body,
                // though they may say what a small element is ("contributors--author").
                let block = ByteSearch.first([0x2D, 0x2D], in: token.utf8).map { token.utf8.prefix($0) }
                    .map { Substring($0) } ?? token
                words.append(contentsOf: splitWords(block).map { Substring($0) })
                words.append("")  // tokens are not pairs across their boundary
                if block.count < token.count {
                    for word in splitWords(token[block.endIndex...]) { readRole(word, into: &reading) }
                }
            }
        }
        var previous: Substring = ""
        for word in words {
            defer { previous = word }
            guard !word.isEmpty else { continue }
            let text = String(word)
            let pair = previous.isEmpty ? "" : previous + " " + text
            if bodyWords.contains(text) || bodyPairs.contains(pair) { reading.isBody = true }
            if strong.contains(text) || strongPairs.contains(pair) || hasStrongStem(text) {
                reading.strength = .strong
            } else if weak.contains(text), reading.strength == .none {
                reading.strength = .weak
            }
            if pair == "image source" || pair == "photo source" { reading.isCredit = true }
            readRole(text, into: &reading)
            if commentWords.contains(text)
                || (text.containsBytes("comment") && !stemExceptions.contains { text.containsBytes($0) })
            {
                reading.isComments = true
            }
            if positiveWords.contains(text) { reading.score += 25 }
            if negativeWords.contains(text) { reading.score -= 25 }
        }
        if reading.isBody { reading.strength = .none }
        return reading
    }

    /// What one word says an element is: a credit, a caption, a picture, a byline.
    private static func readRole(_ word: String, into reading: inout Reading) {
        if creditWords.contains(word) { reading.isCredit = true }
        if captionWords.contains(word) { reading.isCaption = true }
        if pictureWords.contains(word) { reading.isPicture = true }
        if bylineWords.contains(word) { reading.isByline = true }
    }

    private static func hasStrongStem(_ word: String) -> Bool {
        guard word.utf8.count > 5, strongStems.contains(where: { word.containsBytes($0) }) else { return false }
        return !stemExceptions.contains { word.containsBytes($0) }
    }

    /// "relatedArticles__list-item" → ["related", "articles", "list", "item"].
    static func splitWords<S: StringProtocol>(_ token: S) -> [String] {
        var words: [String] = []
        var current: [UInt8] = []
        var previousWasLower = false
        for byte in token.utf8 {
            let isUpper = byte >= 0x41 && byte <= 0x5A
            let isLower = byte >= 0x61 && byte <= 0x7A
            let isDigit = byte >= 0x30 && byte <= 0x39
            if isUpper || isLower || isDigit || byte >= 0x80 {
                if isUpper && previousWasLower && !current.isEmpty {
                    words.append(String(decoding: current, as: UTF8.self))
                    current.removeAll(keepingCapacity: true)
                }
                current.append(isUpper ? byte + 0x20 : byte)
                previousWasLower = isLower || isDigit
            } else {
                if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
                current.removeAll(keepingCapacity: true)
                previousWasLower = false
            }
        }
        if !current.isEmpty { words.append(String(decoding: current, as: UTF8.self)) }
        return words
    }

    /// ARIA roles of page furniture.
    static let furnitureRoles: Set<String> = [
        "navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog",
        "alertdialog", "toolbar", "tablist", "alert",
    ]

    /// How teaser and prompt paragraphs begin ("Read more: …", "Sign up for …"), lower case.
    /// Such a paragraph is dropped when it is short or mostly a link.
    static let teaserOpenings = [
        "read more", "read also", "also read", "read next", "read:", "related:", "related stories",
        "related articles", "related content", "see also", "more:", "more on this", "watch:", "listen:",
        "click here", "sign up", "subscribe", "follow us", "share this", "recommended:", "most read",
        "continue reading", "story continues", "you may also like", "we recommend", "advertisement",
        "want more", "get the latest", "download the app", "support our", "this content is",
        "enable javascript", "please enable", "your browser", "cookies", "we use cookies", "©",
        "copyright", "all rights reserved",
        // The same prompts on German, French and Spanish pages.
        "lesen sie auch", "lesen sie mehr", "weiterlesen", "mehr zum thema", "auch interessant", "zum thema:",
        "lire aussi", "à lire aussi", "a lire aussi", "lire la suite", "voir aussi", "lea también", "leer más",
    ]
}
