// Feeds the reader random bytes and random article-like line structures: it must never crash,
// and what it returns must keep the reader's promises.
import CorpusGenerator
import Foundation
import Testing
@testable import Newsdex

@Suite struct ArticleReaderFuzzTests {
    /// Pieces of the things the parsers look for, so random files reach deep into them.
    private static let fragments = [
        "---", "...", "title: T", "id: x", "source: S", "date: 2024-10-18", "date: nonsense", "authors: [A B, C D]",
        "tags: a, b", "- item", " date 2024-10-18 Title", "date 2024-13-45", "18 October 2024, 14:30",
        "October 18, 2024 2:30 pm", "Friday", "By Ann Lee and Bo Park", "By ", "By 2030, x", "Picture: Alamy",
        "A caption of some words.", "A caption of some words. Picture: Alamy", "A caption of some words AFP",
        "Listen to this article", "Loading audio...", "Real Time Analytics", "# Heading", "**bold** _it_ *x",
        "[link](http://x) ![img](y) [broken](", "```", "> quote", "1. item", "{\"title\": \"T\", \"body\": \"B\"}",
        "{\"body\": [\"a\", \"b\"], \"captions\": [{\"text\": \"c\"}, 3]}", "{\"title\": ", "[1,2]", "null",
        "{\"id\": 1e400, \"title\": 5, \"date\": {}}", "", "", "   ", "\t", "é\u{301}", "👩‍👩‍👧", "\u{FEFF}", "\r", "\u{00A0}",
    ]

    private static let extensions = ["txt", "md", "jsonl", "markdown", "html", ""]

    private static func randomBytes(_ rng: inout SplitMix64) -> [UInt8] {
        let count = Int.random(in: 0...300, using: &rng)
        switch Int.random(in: 0..<3, using: &rng) {
        case 0: return (0..<count).map { _ in UInt8.random(in: 0...255, using: &rng) }
        case 1: return (0..<count).map { _ in UInt8.random(in: 0x09...0x7F, using: &rng) }  // mostly text
        default: return (0..<count).map { _ in [0x0A, 0x20, 0x41, 0xC3, 0xA9, 0xE2, 0x80, 0x9C, 0x3A, 0x2D][Int.random(in: 0..<10, using: &rng)] }
        }
    }

    private static func randomLines(_ rng: inout SplitMix64) -> [UInt8] {
        let count = Int.random(in: 0...25, using: &rng)
        var text = ""
        for _ in 0..<count {
            var line = fragments.randomElement(using: &rng)!
            if Bool.random(using: &rng) { line += " " + fragments.randomElement(using: &rng)! }
            if Int.random(in: 0..<8, using: &rng) == 0 { line = String(line.shuffled(using: &rng)) }
            text += line + (Bool.random(using: &rng) ? "\n" : "\r\n")
        }
        var bytes = Array(text.utf8)
        if !bytes.isEmpty, Int.random(in: 0..<10, using: &rng) == 0 {
            bytes[Int.random(in: 0..<bytes.count, using: &rng)] = UInt8.random(in: 0x80...0xFF, using: &rng)
        }
        return bytes
    }

    @Test func randomInputNeverCrashesAndKeepsTheReadersPromises() {
        var rng = SplitMix64(seed: 20_241_018)
        let reader = ArticleReader(options: .init(maxFileSize: 4096))
        let deadline = Date().addingTimeInterval(20)
        var cases = 0
        var articlesSeen = 0
        var rejectionsSeen = 0
        while cases < 2_000 && Date() < deadline {
            cases += 1
            let bytes = Bool.random(using: &rng) ? Self.randomBytes(&rng) : Self.randomLines(&rng)
            let folder = ["", "AFP/", "a/b/"].randomElement(using: &rng)!
            let ext = Self.extensions.randomElement(using: &rng)!
            let path = "\(folder)case\(cases)\(ext.isEmpty ? "" : ".")\(ext)"
            let result = reader.read(bytes: bytes, relativePath: path)

            let context = Comment(rawValue: "case \(cases): \(path) \(bytes)")
            #expect(!result.articles.isEmpty || !result.rejections.isEmpty, context)
            articlesSeen += result.articles.count
            rejectionsSeen += result.rejections.count
            // Ids are unique within a file (and so in the index, with the path in them).
            #expect(Set(result.articles.map(\.id)).count == result.articles.count, context)
            // Only JSON Lines holds several articles; every other file is one article or none.
            if ext != "jsonl" { #expect(result.articles.count <= 1, context) }
            // What no parser can read is rejected whole, with the reason.
            if bytes.contains(0) {
                #expect(result.articles.isEmpty && result.rejections.map(\.reason) == ["binary file (contains NUL bytes)"], context)
            } else if bytes.allSatisfy({ [0x09, 0x0A, 0x0B, 0x0C, 0x0D, 0x20].contains($0) }) {
                #expect(result.articles.isEmpty && result.rejections.map(\.reason) == ["empty file"], context)
            }
            for article in result.articles {
                #expect(!article.id.isEmpty && !article.source.isEmpty, context)
                #expect(article.path == path, context)
                #expect(!article.title.isEmpty || !article.paragraphs.isEmpty || !article.captions.isEmpty, context)
                #expect(article.paragraphs.allSatisfy { !$0.isEmpty && $0 == String($0.trimmedForParsing()) }, context)
                if let date = article.date {
                    #expect(DatelineParser.parseISO(date)?.iso == date, context)
                }
            }
            for rejection in result.rejections {
                #expect(rejection.path == path && !rejection.reason.isEmpty, context)
                if ext == "jsonl", rejection.line != nil { #expect(rejection.line! >= 1, context) }
            }
            #expect(result.warnings.allSatisfy { $0.path == path }, context)
        }
        #expect(cases >= 500)
        // The generator reaches both outcomes, so the promises above were tested on each.
        #expect(articlesSeen > cases / 4 && rejectionsSeen > cases / 20, "\(articlesSeen) articles, \(rejectionsSeen) rejections")
    }

    @Test func dateAndLineParsersSurviveRandomLines() {
        var rng = SplitMix64(seed: 7)
        let alphabet = Array("0123456789-:T .,apmAPMOctober18202414:30By Ann&and|()#*_[]!`\u{301}é")
        for _ in 0..<2_000 {
            let line = String((0..<Int.random(in: 0...40, using: &rng)).map { _ in alphabet.randomElement(using: &rng)! })
            _ = DatelineParser.parse(line[...])
            _ = DatelineParser.parseISO(line)
            _ = DatelineParser.parseHeader(line[...])
            _ = BylineParser.authors(in: line[...])
            _ = MarkdownText.inline(line[...])
            _ = CaptionPairing.credit(caption: line.prefix(10), creditLine: line[...])
        }
    }
}
