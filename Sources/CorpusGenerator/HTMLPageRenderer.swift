// A generated article as a saved news page, in one of three layouts real sites use (a WordPress
// theme, a JSON-LD-heavy publisher, a table layout from before CSS), with the boilerplate that
// comes with them: cookie banner, menus, share bars, ads, a newsletter box, related links,
// comments, footers and inline scripts. The article's own text and captions are exactly the
// generated ones, so a reader's output can be checked against them.
import Foundation

extension GeneratedArticle {
    /// The layouts, by `index % 3`.
    public enum PageLayout: Int, Sendable, CaseIterable {
        case wordpress, publisher, table
    }

    public var pageLayout: PageLayout { PageLayout(rawValue: index % 3)! }

    /// The page's path relative to the corpus root: "SOURCE/nnnnnnn_slug.html".
    public var pagePath: String { "\(source)/\(id)_\(slug).html" }

    /// How each caption's credit is written, by caption: an element of its own, "Photo:" in the
    /// caption's words, or <small>.
    private func creditMarkup(_ caption: GeneratedCaption, number: Int) -> String {
        switch (number + index) % 3 {
        case 0: return "\(escaped(caption.text)) <span class=\"credit\">\(escaped(caption.credit))</span>"
        case 1: return "\(escaped(caption.text)) Photo: \(escaped(caption.credit))"
        default: return "\(escaped(caption.text)) <small>\(escaped(caption.credit))</small>"
        }
    }

    /// The page's HTML.
    public func renderHTML() -> String {
        var out = ""
        out.reserveCapacity(40_000)
        switch pageLayout {
        case .wordpress: renderWordPress(into: &out)
        case .publisher: renderPublisher(into: &out)
        case .table: renderTable(into: &out)
        }
        return out
    }

    // MARK: - Layouts

    private func renderWordPress(into out: inout String) {
        out += "<!DOCTYPE html>\n<html lang=\"en-GB\">\n<head>\n<meta charset=\"UTF-8\">\n"
        out += "<title>\(escaped(title)) | \(source)</title>\n"
        out += "<link rel=\"canonical\" href=\"\(url)\">\n"
        out += "<meta property=\"og:type\" content=\"article\">\n<meta property=\"og:title\" content=\"\(escaped(title))\">\n"
        out += "<meta property=\"og:site_name\" content=\"\(source)\">\n"
        out += "<meta property=\"article:published_time\" content=\"\(date)T\(time):00+00:00\">\n"
        out += "<meta name=\"author\" content=\"\(escaped(author))\">\n"
        out += "<script type=\"application/ld+json\" class=\"yoast-schema-graph\">{\"@context\":\"https://schema.org\",\"@graph\":["
        out += "{\"@type\":\"Article\",\"@id\":\"\(url)#article\",\"headline\":\(json(title)),\"datePublished\":\"\(date)T\(time):00+00:00\","
        out += "\"author\":{\"@id\":\"\(url)#author\"},\"publisher\":{\"@id\":\"\(url)#org\"},\"image\":{\"@id\":\"\(url)#primaryimage\"}},"
        out += "{\"@type\":\"Person\",\"@id\":\"\(url)#author\",\"name\":\(json(author))},"
        out += "{\"@type\":\"Organization\",\"@id\":\"\(url)#org\",\"name\":\"\(source)\",\"logo\":{\"@type\":\"ImageObject\",\"url\":\"https://\(host)/logo.png\",\"caption\":\"\(source)\"}},"
        out += "{\"@type\":\"ImageObject\",\"@id\":\"\(url)#primaryimage\",\"url\":\"https://\(host)/uploads/\(id)-lead.jpg\"}]}</script>\n"
        out += Boilerplate.styles
        out += Boilerplate.scripts(seed: index)
        out += "</head>\n<body class=\"post-template-default single single-post postid-\(index) single-format-standard has-sidebar\">\n"
        out += "<div id=\"page\" class=\"site\"><a class=\"skip-link screen-reader-text\" href=\"#content\">Skip to content</a>\n"
        out += "<header id=\"masthead\" class=\"site-header\"><p class=\"site-title\"><a href=\"/\">\(source)</a></p>\n"
        out += Boilerplate.navigation
        out += "</header>\n<div id=\"content\" class=\"site-content\"><main id=\"main\" class=\"site-main\">\n"
        out += "<article id=\"post-\(index)\" class=\"post-\(index) post type-post status-publish hentry\">\n"
        out += "<header class=\"entry-header\"><h1 class=\"entry-title\">\(escaped(title))</h1>\n"
        out += "<div class=\"entry-meta\"><span class=\"posted-on\"><time class=\"entry-date published\" datetime=\"\(date)T\(time):00+00:00\">\(dateline)</time></span>"
        out += "<span class=\"byline\"> by <span class=\"author vcard\"><a href=\"/author/\(id)\">\(escaped(author))</a></span></span></div></header>\n"
        for (number, caption) in captions.enumerated() where caption.afterParagraph < 0 {
            out += "<figure class=\"wp-block-image size-large\"><img src=\"/uploads/\(id)-\(number).jpg\" alt=\"\"><figcaption>\(creditMarkup(caption, number: number))</figcaption></figure>\n"
        }
        out += "<div class=\"entry-content\">\n"
        appendParagraphs(into: &out, ad: "<div class=\"ad-slot\"><span>Advertisement</span></div>\n")
        out += Boilerplate.shareBar
        out += "<div id=\"jp-relatedposts\" class=\"jp-relatedposts\"><h3 class=\"jp-relatedposts-headline\">Related</h3>"
        out += Boilerplate.relatedLinks(seed: index, tag: "p")
        out += "</div>\n</div>\n<footer class=\"entry-footer\"><span class=\"tags-links\">Tagged <a href=\"/tag/news\">news</a></span></footer>\n</article>\n"
        out += Boilerplate.comments(seed: index)
        out += "</main>\n<aside id=\"secondary\" class=\"widget-area\"><section class=\"widget\"><h2 class=\"widget-title\">Most read</h2><ul>"
        out += Boilerplate.relatedLinks(seed: index + 7, tag: "li")
        out += "</ul></section></aside>\n</div>\n"
        out += Boilerplate.footer(source)
        out += Boilerplate.cookieBanner
        out += "</div>\n</body>\n</html>\n"
    }

    private func renderPublisher(into out: inout String) {
        out += "<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<title>\(escaped(title)) - \(source)</title>\n"
        out += "<meta property=\"og:title\" content=\"\(escaped(title))\">\n<meta property=\"og:site_name\" content=\"\(source)\">\n"
        out += "<link rel=\"canonical\" href=\"\(url)\">\n"
        out += "<script type=\"application/ld+json\">[{\"@context\":\"https://schema.org\",\"@type\":\"NewsArticle\",\"headline\":\(json(title)),"
        out += "\"datePublished\":\"\(date)T\(time):00.000Z\",\"author\":[{\"@type\":\"Person\",\"name\":\(json(author))}],"
        out += "\"publisher\":{\"@type\":\"NewsMediaOrganization\",\"name\":\"\(source)\"},\"image\":["
        var first = true
        for caption in captions where caption.afterParagraph < 0 {
            if !first { out += "," }
            first = false
            out += "{\"@type\":\"ImageObject\",\"url\":\"https://img.\(host)/\(id).jpg\",\"caption\":\(json(caption.text)),\"creditText\":\(json(caption.credit))}"
        }
        out += "]},{\"@context\":\"https://schema.org\",\"@type\":\"BreadcrumbList\",\"itemListElement\":[{\"@type\":\"ListItem\",\"position\":1,\"name\":\"World\"}]}]</script>\n"
        out += Boilerplate.scripts(seed: index)
        out += Boilerplate.styles
        out += "</head>\n<body>\n<div id=\"__next\">\n"
        out += Boilerplate.cookieBanner
        out += "<header class=\"SiteHeader_root__9f\"><a class=\"SiteHeader_logo__3\" href=\"/\">\(source)</a>"
        out += Boilerplate.navigation
        out += "</header>\n<div class=\"Leaderboard_ad__1 ad-slot\"><span>Advertisement</span></div>\n<main class=\"Layout_main__4\">\n"
        out += "<div class=\"ArticleHeader_root__1\"><h1 class=\"ArticleHeader_headline__2\">\(escaped(title))</h1>\n"
        out += "<div class=\"ArticleHeader_byline__6\">By <a href=\"/authors/\(id)\">\(escaped(author))</a></div>"
        out += "<time class=\"ArticleHeader_date__3\" datetime=\"\(date)T\(time):00.000Z\">\(dateline)</time></div>\n"
        for caption in captions where caption.afterParagraph < 0 {
            // The lead picture's credit is in the JSON-LD only.
            out += "<figure class=\"LeadImage_root__0\"><img src=\"https://img.\(host)/\(id).jpg\" alt=\"\"><figcaption class=\"LeadImage_caption__1\">\(escaped(caption.text))</figcaption></figure>\n"
        }
        out += "<div class=\"ArticleBody_body__2\" data-testid=\"article-body\">\n"
        appendParagraphs(into: &out, ad: "<div class=\"InlineAd_root__3 ad-container\"><div>Advertisement · Scroll to continue</div></div>\n")
        out += "<div class=\"NewsletterSignup_root__2\"><h3>Sign up for the Morning Briefing</h3><p>Our editors' pick of the day's most important stories, in your inbox every weekday at 6am.</p><form><input type=\"email\"><button>Sign up</button></form></div>\n"
        out += "</div>\n<section class=\"MoreFrom_root__6\"><h2>More from \(source)</h2><ul>"
        out += Boilerplate.relatedLinks(seed: index, tag: "li")
        out += "</ul></section>\n</main>\n"
        out += Boilerplate.footer(source)
        out += "</div>\n<script id=\"__NEXT_DATA__\" type=\"application/json\">{\"props\":{\"pageProps\":{\"id\":\"\(id)\"}}}</script>\n</body>\n</html>\n"
    }

    private func renderTable(into out: inout String) {
        out += "<!DOCTYPE HTML PUBLIC \"-//W3C//DTD HTML 4.01 Transitional//EN\">\n<html>\n<head>\n"
        out += "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=utf-8\">\n"
        out += "<title>\(escaped(title)) - \(source) Online</title>\n"
        out += "<meta property=\"og:title\" content=\"\(escaped(title))\">\n<meta property=\"og:url\" content=\"\(url)\">\n"
        out += "<meta name=\"date\" content=\"\(date)T\(time)\">\n"
        out += Boilerplate.scripts(seed: index)
        out += "</head>\n<body bgcolor=\"#ffffff\">\n<table width=\"960\" border=\"0\" cellpadding=\"0\" cellspacing=\"0\">\n"
        out += "<tr><td colspan=\"2\"><img src=\"/img/banner.gif\" alt=\"\(source)\"></td></tr>\n<tr>\n<td width=\"200\" valign=\"top\" class=\"menu\">"
        for (k, item) in Boilerplate.menu.enumerated() { out += "<a href=\"/\(k).html\">\(item)</a><br>" }
        out += "<div class=\"box\"><b>Latest</b><br>"
        out += Boilerplate.relatedLinks(seed: index + 3, tag: "div")
        out += "</div></td>\n<td width=\"760\" valign=\"top\"><div class=\"story\">\n"
        out += "<h1>\(escaped(title))</h1>\n<div class=\"storyinfo\">By \(escaped(author)) | \(dateline)</div>\n"
        for (number, caption) in captions.enumerated() where caption.afterParagraph < 0 {
            out += "<div class=\"picBox\"><img src=\"/img/\(id)-\(number).jpg\" alt=\"\"><p>\(creditMarkup(caption, number: number))</p></div>\n"
        }
        out += "<div class=\"txt\">\n"
        appendParagraphs(into: &out, ad: "")
        out += "</div>\n<div class=\"sharebox\">Share: <a href=\"#\">Facebook</a> <a href=\"#\">X</a> <a href=\"#\">Email</a></div>\n"
        out += "<div class=\"relatedstories\"><h3>Related stories</h3>"
        out += Boilerplate.relatedLinks(seed: index, tag: "p")
        out += "</div>\n"
        out += Boilerplate.comments(seed: index)
        out += "</div></td></tr>\n<tr><td colspan=\"2\" class=\"footer\"><font size=\"1\">&copy; \(source) Online. All rights reserved. "
        out += "<a href=\"/terms.html\">Terms</a> | <a href=\"/privacy.html\">Privacy</a></font></td></tr>\n</table>\n</body>\n</html>\n"
    }

    /// The body: each paragraph, the figures that follow it, an ad after the second and a
    /// "Read more" teaser after the fourth.
    private func appendParagraphs(into out: inout String, ad: String) {
        for (k, paragraph) in paragraphs.enumerated() {
            out += "<p>\(escaped(paragraph))</p>\n"
            for (number, caption) in captions.enumerated() where caption.afterParagraph == k {
                out += "<figure><img src=\"/img/\(id)-\(number).jpg\" alt=\"\"><figcaption>\(creditMarkup(caption, number: number))</figcaption></figure>\n"
            }
            if k == 1 { out += ad }
            if k == 3 { out += "<p>Read more: <a href=\"/news/\(index + 1)\">\(Boilerplate.headline(index + 1))</a></p>\n" }
        }
    }

    private var host: String { "www.\(source.lowercased()).example" }

    private func json(_ text: String) -> String {
        var out = ""
        appendJSONString(text, to: &out)
        return out
    }
}

/// HTML's special characters escaped (the generated text is ASCII).
private func escaped(_ text: String) -> String {
    guard text.utf8.contains(where: { $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 }) else { return text }
    var out = ""
    out.reserveCapacity(text.utf8.count + 16)
    for character in text {
        switch character {
        case "&": out += "&amp;"
        case "<": out += "&lt;"
        case ">": out += "&gt;"
        case "\"": out += "&quot;"
        default: out.append(character)
        }
    }
    return out
}

/// The furniture pages carry around their articles, the same on every page of a corpus (as a
/// site's templates are), with a little that varies by page.
private enum Boilerplate {
    static let menu = [
        "Home", "News", "World", "Politics", "Business", "Markets", "Technology", "Science", "Health",
        "Sport", "Culture", "Opinion", "Travel", "Weather", "Video", "Podcasts",
    ]

    static let navigation: String = {
        var out = "<nav class=\"main-navigation\" aria-label=\"Primary\"><button class=\"menu-toggle\">Menu</button><ul class=\"menu\">"
        for item in menu { out += "<li class=\"menu-item\"><a href=\"/\(item.lowercased())/\">\(item)</a></li>" }
        return out + "</ul></nav>\n"
    }()

    static let shareBar = "<div class=\"sharedaddy sd-sharing-enabled\"><h3 class=\"sd-title\">Share this:</h3><ul><li class=\"share-facebook\"><a href=\"?share=facebook\">Facebook</a></li><li class=\"share-x\"><a href=\"?share=x\">X</a></li><li class=\"share-email\"><a href=\"?share=email\">Email</a></li></ul></div>\n"

    static let cookieBanner = "<div id=\"cookie-notice\" role=\"dialog\" class=\"cookie-notice\"><p>We and our 842 partners store and access information on your device, such as cookies, to show you personalised advertising and content, measure how our pages are used and remember your preferences. You can change your choice at any time.</p><button>Accept all</button><button>Manage preferences</button></div>\n"

    static let styles = "<style>" + String(repeating: ".c{margin:0 auto;max-width:1200px;padding:0 16px}.h{display:flex;align-items:center}.n a{color:#222;text-decoration:none;font-weight:600}", count: 30) + "</style>\n"

    static func scripts(seed: Int) -> String {
        var out = "<script>window.dataLayer=window.dataLayer||[];function gtag(){dataLayer.push(arguments)}gtag('js',new Date());gtag('config','G-\(seed % 9973)');</script>\n<script>"
        // A minified bundle's worth of inline code, as CMS pages carry.
        for k in 0..<120 { out += "var a\(k)=function(e,t){return e&&t?e[t]||null:void 0};" }
        return out + "</script>\n"
    }

    static func headline(_ seed: Int) -> String {
        let subjects = ["Council", "Ministers", "Union leaders", "Regulators", "Investors", "Scientists", "Residents", "Police"]
        let verbs = ["reject", "back", "question", "delay", "approve", "study", "criticise", "welcome"]
        let objects = ["new port plan", "budget cuts", "rail strike deal", "water charges", "housing targets", "energy tariff", "school reforms", "bridge repairs"]
        return "\(subjects[seed % 8]) \(verbs[(seed / 8) % 8]) \(objects[(seed / 64) % 8])"
    }

    static func relatedLinks(seed: Int, tag: String) -> String {
        var out = ""
        for k in 1...6 { out += "<\(tag)><a href=\"/news/\(seed + k * 31)\">\(headline(seed + k * 31))</a></\(tag)>" }
        return out
    }

    static func comments(seed: Int) -> String {
        let lines = [
            "About time too. Nobody from the council could tell us what was going on for weeks and the whole town has been talking about nothing else since the spring.",
            "I have lived here for forty years and I have never seen anything like it. The people responsible should explain themselves at the next public meeting.",
            "Credit where it is due, they listened in the end. Let us see whether the promises made this week are still standing by the end of the year.",
        ]
        var out = "<div id=\"comments\" class=\"comments-area\"><h2 class=\"comments-title\">\(lines.count) comments</h2><ol class=\"comment-list\">"
        for (k, line) in lines.enumerated() {
            out += "<li class=\"comment\"><div class=\"comment-author\"><b>reader\(seed % 100 + k)</b> says:</div><div class=\"comment-content\"><p>\(line)</p></div></li>"
        }
        return out + "</ol><div id=\"respond\"><h3>Leave a Reply</h3><form><textarea></textarea></form></div></div>\n"
    }

    static func footer(_ source: String) -> String {
        var out = "<footer class=\"site-footer\"><div class=\"footer-links\">"
        for item in menu + ["About us", "Contact", "Careers", "Advertise", "Terms of use", "Privacy policy", "Cookie settings"] {
            out += "<a href=\"/\(item.lowercased().replacingOccurrences(of: " ", with: "-"))\">\(item)</a> "
        }
        return out + "</div><p>&copy; \(source). All rights reserved.</p></footer>\n"
    }
}
