// What a page's schema.org JSON-LD (<script type="application/ld+json">) says about its article:
// the most trusted metadata a news page carries, because publishers write it for search engines.
// Blocks are read with Foundation's JSON parser; a block broken in the ways CMSs break them (raw
// line breaks inside strings, trailing commas, two objects back to back) is repaired first.
import Foundation

struct LinkedData: Sendable {
    var headline: String?
    var datePublished: String?
    var dateModified: String?
    /// The article's authors that are people (or plain names).
    var authors: [String] = []
    /// Its authors that are organizations ("National Geographic", "Reuters"): an article's
    /// author only when the page names no person.
    var organizationAuthors: [String] = []
    var publisher: String?
    var url: String?
    /// ImageObjects with a caption, each with its credit (creditText, copyrightHolder, author).
    var images: [Caption] = []
    var keywords: [String] = []
    var articleBody: String?
    /// The language the article is in (inLanguage), as written: "fr-FR", or a Language's name
    /// or alternateName; else the language of the web page that holds it.
    var inLanguage: String?
    /// Every @type met, without its schema.org prefix.
    var types: Set<String> = []
    /// Whether one of the objects is an article (NewsArticle, Article, ReportageNewsArticle, …).
    var hasArticle = false
    /// Blocks that could not be read even after repair.
    var unreadableBlocks = 0

    /// The schema.org types read as a news article.
    static let articleTypes: Set<String> = [
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "BackgroundNewsArticle", "ReviewNewsArticle", "AskPublicNewsArticle", "SatiricalArticle",
        "BlogPosting", "LiveBlogPosting", "Report", "ScholarlyArticle", "TechArticle", "SocialMediaPosting",
    ]

    static let organizationTypes: Set<String> = [
        "Organization", "NewsMediaOrganization", "Corporation", "GovernmentOrganization", "NGO",
        "EducationalOrganization", "WebSite",
    ]

    /// Types that say the page is something other than an article (a front page, a list, a profile).
    static let pageTypes: Set<String> = [
        "WebSite", "CollectionPage", "ItemList", "SearchResultsPage", "ProfilePage", "AboutPage",
        "ContactPage", "FAQPage",
    ]

    /// Reads every JSON-LD block's text.
    init(blocks: [String]) {
        var objects: [[String: Any]] = []
        for block in blocks {
            guard let value = Self.parse(block) else {
                unreadableBlocks += 1
                continue
            }
            Self.collectObjects(value, into: &objects)
        }
        var byID: [String: [String: Any]] = [:]
        for object in objects {
            if let id = object["@id"] as? String, object.count > 1 { byID[id] = object }
            types.formUnion(Self.types(of: object))
        }
        let articles = objects.filter { !Self.types(of: $0).isDisjoint(with: Self.articleTypes) }
        hasArticle = !articles.isEmpty
        if let article = articles.first(where: { Self.string($0["headline"]) != nil }) ?? articles.first {
            read(article: article, byID: byID)
        } else if let work = objects.first(where: { object in
            Self.types(of: object).isDisjoint(with: Self.pageTypes)
                && Self.string(object["headline"]) != nil && Self.string(object["datePublished"]) != nil
        }) {
            // Not an article by type (a RadioEpisode, a VideoObject), but a dated, headlined work.
            read(article: work, byID: byID)
        }
        // A WordPress @graph states the language on the WebPage and WebSite, not the Article.
        if inLanguage == nil {
            let pages = objects.filter { !Self.types(of: $0).isDisjoint(with: ["WebPage", "ItemPage", "WebSite"]) }
            inLanguage = pages.lazy.compactMap { Self.language($0["inLanguage"]) }.first
        }
        // Captioned images anywhere (a WordPress @graph keeps its "primaryimage" apart), but not
        // logos and portraits: the image of a person or an organization, or captioned with a name.
        var portraitIDs = Set<String>()
        var names = Set<String>()
        for object in objects {
            let types = Self.types(of: object)
            let isParty = !types.isDisjoint(with: ["Person", "Organization", "NewsMediaOrganization", "WebSite"])
            if isParty, let name = Self.string(object["name"]) { names.insert(name) }
            for key in ["logo"] + (isParty ? ["image"] : []) {
                for image in Self.values(object[key]) {
                    if let id = (image as? [String: Any])?["@id"] as? String { portraitIDs.insert(id) }
                }
            }
        }
        for object in objects where Self.types(of: object).contains("ImageObject") {
            if let id = object["@id"] as? String, portraitIDs.contains(id) { continue }
            if let caption = Self.caption(of: object, byID: byID), !names.contains(caption.text),
                !images.contains(caption)
            {
                images.append(caption)
            }
        }
    }

    private mutating func read(article: [String: Any], byID: [String: [String: Any]]) {
        headline = Self.string(article["headline"]) ?? Self.string(article["name"])
        datePublished = Self.string(article["datePublished"]) ?? Self.string(article["dateCreated"])
        dateModified = Self.string(article["dateModified"])
        for value in Self.values(article["author"]) + Self.values(article["creator"]) {
            let resolved = Self.resolve(value, byID: byID)
            let isOrganization = (resolved as? [String: Any]).map { !Self.types(of: $0).isDisjoint(with: Self.organizationTypes) } ?? false
            if isOrganization {
                organizationAuthors += Self.names(resolved, byID: byID)
            } else {
                authors += Self.names(resolved, byID: byID)
            }
        }
        publisher = Self.names(article["publisher"], byID: byID).first
            ?? Self.names(article["sourceOrganization"], byID: byID).first
        url = Self.string(article["url"])
            ?? Self.string(article["mainEntityOfPage"])
            ?? (article["mainEntityOfPage"] as? [String: Any]).flatMap { Self.string($0["@id"]) ?? Self.string($0["url"]) }
        inLanguage = Self.language(article["inLanguage"])
        // Its line breaks separate paragraphs: kept, not collapsed.
        articleBody = (article["articleBody"] as? String).flatMap { $0.contains("<") ? Self.string($0) : $0 }
        if let keywords = article["keywords"] as? String {
            self.keywords = keywords.split(separator: ",").map { String($0.trimmedForParsing()) }.filter { !$0.isEmpty }
        } else if let keywords = article["keywords"] as? [Any] {
            self.keywords = keywords.compactMap(Self.string)
        }
        for image in Self.values(article["image"]) + Self.values(article["associatedMedia"]) {
            let resolved = Self.resolve(image, byID: byID)
            if let object = resolved as? [String: Any], let caption = Self.caption(of: object, byID: byID),
                !images.contains(caption)
            {
                images.append(caption)
            }
        }
    }

    // MARK: - Values

    /// A value as a list: an array's elements, or the value alone.
    private static func values(_ value: Any?) -> [Any] {
        switch value {
        case nil: return []
        case let array as [Any]: return array
        case let value?: return [value]
        }
    }

    /// An object given only by its @id, looked up; anything else as it is.
    private static func resolve(_ value: Any, byID: [String: [String: Any]]) -> Any {
        if let object = value as? [String: Any], object.count == 1, let id = object["@id"] as? String {
            return byID[id] ?? object
        }
        return value
    }

    /// A string value, trimmed, without markup; nil when empty or not a string.
    static func string(_ value: Any?) -> String? {
        var text: String?
        switch value {
        case let string as String: text = string
        case let array as [Any]: text = array.first as? String
        case let number as NSNumber: text = number.stringValue
        default: text = nil
        }
        guard let text else { return nil }
        let plain = HTMLText.plain(text)
        return plain.isEmpty ? nil : plain
    }

    /// The names of people or organizations given as strings, objects, @id references or lists.
    private static func names(_ value: Any?, byID: [String: [String: Any]]) -> [String] {
        var names: [String] = []
        for item in values(value) {
            let resolved = resolve(item, byID: byID)
            if let object = resolved as? [String: Any] {
                if let name = string(object["name"]) {
                    names.append(name)
                } else if let given = string(object["givenName"]) {
                    names.append([given, string(object["familyName"])].compactMap { $0 }.joined(separator: " "))
                }
            } else if let name = string(resolved) {
                names.append(name)
            }
        }
        return names
    }

    /// An inLanguage value: a code ("fr-FR"), or a schema.org Language object, whose
    /// alternateName is its code and name its name; the first of a list.
    private static func language(_ value: Any?) -> String? {
        for item in values(value) {
            if let object = item as? [String: Any] {
                if let code = string(object["alternateName"]) ?? string(object["name"]) { return code }
            } else if let code = string(item) {
                return code
            }
        }
        return nil
    }

    private static func caption(of image: [String: Any], byID: [String: [String: Any]]) -> Caption? {
        guard let text = string(image["caption"]) ?? string(image["description"]) else { return nil }
        let credit = string(image["creditText"])
            ?? names(image["copyrightHolder"], byID: byID).first
            ?? names(image["author"], byID: byID).first
            ?? names(image["creator"], byID: byID).first
        return Caption(text: text, credit: credit.flatMap(CaptionCredit.cleaned))
    }

    /// The @types of an object, without a schema.org prefix ("http://schema.org/NewsArticle").
    private static func types(of object: [String: Any]) -> Set<String> {
        Set(values(object["@type"]).compactMap { $0 as? String }.map { type in
            String(type.split(whereSeparator: { $0 == "/" || $0 == ":" || $0 == "#" }).last ?? "")
        })
    }

    /// Every object in a value: itself, the elements of arrays, an @graph's, and nested objects.
    private static func collectObjects(_ value: Any, into objects: inout [[String: Any]], depth: Int = 0) {
        guard depth < 12 else { return }
        if let array = value as? [Any] {
            for element in array { collectObjects(element, into: &objects, depth: depth + 1) }
        } else if let object = value as? [String: Any] {
            objects.append(object)
            for (key, nested) in object where key != "@context" {
                if nested is [Any] || nested is [String: Any] {
                    collectObjects(nested, into: &objects, depth: depth + 1)
                }
            }
        }
    }

    // MARK: - Reading a block

    /// The JSON value of a block's text, repaired when it must be; nil when it cannot be read.
    static func parse(_ block: String) -> Any? {
        var text = Substring(block).trimmedForParsing()
        for (opening, closing) in [("<!--", "-->"), ("//<![CDATA[", "//]]>"), ("<![CDATA[", "]]>")] {
            if text.hasPrefix(opening) { text = text.dropFirst(opening.count) }
            if text.hasSuffix(closing) { text = text.dropLast(closing.count) }
        }
        text = text.trimmedForParsing()
        while text.last == ";" { text = text.dropLast().trimmedForParsing() }
        guard !text.isEmpty else { return nil }
        if let value = try? JSONSerialization.jsonObject(with: Data(text.utf8), options: [.fragmentsAllowed]) {
            return value
        }
        return try? JSONSerialization.jsonObject(with: Data(repaired(text)), options: [.fragmentsAllowed])
    }

    /// The block with control characters in strings replaced by spaces, trailing commas dropped
    /// and objects written back to back made an array: the usual ways a CMS breaks JSON-LD.
    static func repaired<S: StringProtocol>(_ text: S) -> [UInt8] {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + 2)
        var inString = false
        var escaped = false
        var depth = 0
        var topLevelValues = 0
        for (index, byte) in bytes.enumerated() {
            if inString {
                if escaped {
                    escaped = false
                } else if byte == UInt8(ascii: "\\") {
                    escaped = true
                } else if byte == UInt8(ascii: "\"") {
                    inString = false
                }
                out.append(byte < 0x20 ? UInt8(ascii: " ") : byte)
                continue
            }
            switch byte {
            case UInt8(ascii: "\""):
                inString = true
            case UInt8(ascii: "{"), UInt8(ascii: "["):
                if depth == 0 {
                    topLevelValues += 1
                    if topLevelValues > 1 { out.append(UInt8(ascii: ",")) }
                }
                depth += 1
            case UInt8(ascii: "}"), UInt8(ascii: "]"):
                depth = max(0, depth - 1)
            case UInt8(ascii: ","):
                // A comma before a closing bracket is dropped.
                var next = index + 1
                while next < bytes.count, bytes[next] == 0x20 || bytes[next] == 0x0A || bytes[next] == 0x0D || bytes[next] == 0x09 {
                    next += 1
                }
                if next < bytes.count, bytes[next] == UInt8(ascii: "}") || bytes[next] == UInt8(ascii: "]") { continue }
            default:
                break
            }
            out.append(byte)
        }
        if topLevelValues > 1 { return [UInt8(ascii: "[")] + out + [UInt8(ascii: "]")] }
        return out
    }
}
