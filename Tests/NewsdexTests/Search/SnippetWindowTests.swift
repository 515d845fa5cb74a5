// A snippet read from where SnippetWindow says it may start must be the snippet of the whole
// text, for any query: checked with Xapian's own snippets over real articles (the seeds) and the
// wire fixtures, with words that Xapian's tokenizer reads otherwise than they are written put
// deep into them.
import CorpusGenerator
import Foundation
import Testing
import TestSupport
import Xapian
@testable import Newsdex

@Suite struct SnippetWindowTests {
    /// Words Xapian reads otherwise than they are written: an acronym's dots, a curly apostrophe,
    /// the two characters that lowercase to ASCII, a soft hyphen, a possessive, CJK, a number.
    static let trickyWords = [
        "U.S.A.", "don’t", "İstanbul", "\u{212A}elvin", "gov\u{AD}ernment", "Arafat’s", "伊拉克战争", "3.14",
        "C++", "e-mail", "NATO’s", "Müller", "naïve", "ISTANBUL", "rock’n’roll",
    ]

    /// The seeds and the wire fixtures, each once as it is and once with tricky words put in far
    /// from its start.
    static func texts() throws -> [String] {
        var files: [URL] = []
        for folder in [Seeds.corpus, Wire.corpus] {
            let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil)
            while let url = walker?.nextObject() as? URL {
                if url.pathExtension == "txt" { files.append(url) }
            }
        }
        var texts: [String] = []
        for (number, file) in files.sorted(by: { $0.path < $1.path }).enumerated() {
            let text = try String(contentsOf: file, encoding: .utf8)
            texts.append(text)
            var words = text.split(separator: " ").map(String.init)
            // Each text its own few of them, so that most texts have neither İ nor K in them.
            for (offset, word) in trickyWords.enumerated() where !words.isEmpty && (number + offset) % 3 == 0 {
                words.insert(word, at: (number * 37 + offset * 53) % words.count)
            }
            texts.append(words.joined(separator: " "))
        }
        return texts
    }

    @Test func theWindowKeepsEverySnippetAsOverTheWholeText() throws {
        let texts = try Self.texts()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snippet-window-\(getpid())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let database = try WritableDatabase(path: folder.path)
        let english = try Stem(language: "english")
        let generator = TermGenerator()
        generator.stemmer = english
        generator.cjkNgrams = true
        for text in texts {
            let document = Document()
            generator.document = document
            generator.indexText(text)
            _ = try database.add(document)
        }
        try database.commit()
        let parser = QueryParser()
        parser.stemmer = english
        parser.database = database

        // Queries of words from the texts: as written, capitalised, plural, phrases of two,
        // prefixes with a wildcard, and the tricky words.
        var random = SplitMix64(seed: 7)
        var words: [String] = []
        for text in texts { words += text.split(whereSeparator: { $0.isWhitespace }).map(String.init).filter { $0.count > 4 } }
        var compared = 0
        var shortened = 0
        var cutShort = 0
        var filteredCompared = 0
        var unmatchedCaptions = 0
        for _ in 0..<300 {
            var query: [String] = []
            for _ in 0...Int.random(in: 0...1, using: &random) {
                let index = Int.random(in: 0..<words.count - 1, using: &random)
                let word = words[index]
                switch Int.random(in: 0..<10, using: &random) {
                case 0: query.append("\"\(word) \(words[index + 1])\"")
                case 1: query.append(word.uppercased())
                case 2: query.append(word + "s")
                case 3: query.append(String(word.prefix(4)) + "*")
                case 4: query.append(Self.trickyWords.randomElement(using: &random)!)
                default: query.append(word)
                }
            }
            // Words of the texts may be operators ("AND" at the end of a query): such a query
            // is not a query.
            guard let parsed = try? parser.parse(
                query.joined(separator: " OR "), flags: [.boolean, .phrase, .loveHate, .wildcard, .cjkNgram])
            else { continue }
            let enquire = Enquire(database: database)
            enquire.query = parsed
            let mset = try enquire.matchSet(limit: texts.count)
            let window = SnippetWindow(query: parsed)
            for hit in mset {
                let text = texts[Int(hit.id) - 1]
                // As HitBuilder reads them: possessives marked, over the part the window allows.
                let whole = try mset.snippet(Schema.markPossessives(text), length: 240, stemmer: english, flags: [.cjkNgram])
                // What the window gives: the same snippet, or nothing where nothing is marked.
                let expected = whole.contains("<b>") ? whole : nil
                for stemmer in ["english", "german", nil] {
                    let range = window.part(in: text, stemmer: stemmer, length: 240) ?? 0..<0
                    if stemmer != "english" && parsed.terms().contains(where: { $0.hasPrefix("Z") }) {
                        #expect(range == 0..<text.utf8.count, "a stem of another language has no probe")
                    }
                    guard stemmer == "english" else { continue }
                    let windowed = try window.snippet(of: text, stemmer: stemmer, length: 240) {
                        try mset.snippet($0, length: 240, stemmer: english, flags: [.cjkNgram])
                    }
                    #expect(windowed == expected, "\(query)")
                    compared += 1
                    if range.lowerBound > 0 { shortened += 1 }
                    if range.upperBound < text.utf8.count && !range.isEmpty { cutShort += 1 }
                    // And with the stemmer that stems only what may match, as HitBuilder reads
                    // them: the body through the window, a caption whole and exhaustively.
                    if let filtered = window.englishStemmer {
                        let windowedFiltered = try window.snippet(of: text, stemmer: stemmer, length: 240) {
                            try mset.snippet($0, length: 240, stemmer: filtered, flags: [.cjkNgram])
                        }
                        #expect(windowedFiltered == expected, "\(query)")
                        let caption = String(text.prefix(300))
                        let flags: SnippetFlags = [.exhaustive, .emptyWithoutMatch, .cjkNgram]
                        #expect(
                            try mset.snippet(Schema.markPossessives(caption), length: 316, stemmer: filtered, flags: flags)
                                == mset.snippet(Schema.markPossessives(caption), length: 316, stemmer: english, flags: flags),
                            "\(query)")
                        filteredCompared += 1
                    }
                }
            }
            // A caption in which the window sees no word of the query is one Xapian marks nothing in.
            let flags: SnippetFlags = [.exhaustive, .emptyWithoutMatch, .cjkNgram]
            for text in texts {
                let words = text.split(separator: " ")
                for caption in [words.prefix(40), words.dropFirst(words.count / 2).prefix(40)].map({ $0.joined(separator: " ") })
                where !window.mayMatch(caption, stemmer: "english") {
                    let length = caption.utf8.count + 16
                    #expect(try mset.snippet(Schema.markPossessives(caption), length: length, stemmer: english, flags: flags) == "",
                            "\(query): \(caption)")
                    unmatchedCaptions += 1
                }
            }
        }
        // The comparison means something only when texts were shortened, often.
        #expect(compared > 1000 && shortened > compared / 10, "\(shortened) of \(compared)")
        #expect(cutShort > compared / 10, "\(cutShort) of \(compared) cut short")
        #expect(filteredCompared > compared / 2, "\(filteredCompared) of \(compared)")
        #expect(unmatchedCaptions > 1000, "\(unmatchedCaptions)")
    }

    @Test func startsAFewWordsBeforeTheMatchUnlessTheTextEndsSoonAfter() throws {
        let parser = QueryParser()
        parser.stemmer = try Stem(language: "english")
        let window = SnippetWindow(query: try parser.parse("istanbul"))
        let filler = String(repeating: "The council met again on Tuesday. ", count: 40)
        let text = filler + "Officials said the talks in Istanbul would go on. " + filler
        let match = try #require(text.utf8.firstRange(of: "Istanbul".utf8)).lowerBound
        let offset = text.utf8.distance(from: text.utf8.startIndex, to: match)
        // A few words back, at a word's start, where before it started `length` and more back.
        let start = try #require(window.part(in: text, stemmer: "english", length: 240)).lowerBound
        #expect(start < offset && start > offset - 40, "\(start) for a match at \(offset)")
        #expect(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: start - 1)] == UInt8(ascii: " "))
        // Where the text ends within `length` of the match, the window may begin before it.
        let ending = filler + "Officials said the talks in Istanbul would go on."
        #expect(try #require(window.part(in: ending, stemmer: "english", length: 240)).lowerBound < offset - 240)

        // It ends at the end of a word, a little over `length` past the last match Xapian
        // weighs: one that follows within twice that is weighed.
        let end = try #require(window.part(in: text, stemmer: "english", length: 240)).upperBound
        #expect(end > offset + 241 && end < offset + 241 + 40, "\(end) for a match at \(offset)")
        #expect(text.utf8[text.utf8.index(text.utf8.startIndex, offsetBy: end)] == UInt8(ascii: " "))
        let second = filler + "Officials said the talks in Istanbul would go on. "
            + String(repeating: "Officials met. ", count: 30) + "Istanbul again. " + filler
        let again = second.utf8.distance(from: second.utf8.startIndex, to: try #require(second.utf8.ranges(of: "Istanbul".utf8).last).lowerBound)
        #expect(try #require(window.part(in: second, stemmer: "english", length: 240)).upperBound > again + 241)
        // A probe in a word that is not a match ("lea" of the stem "learn" in "released") is
        // passed over, and one in a word that is, is not.
        let learns = SnippetWindow(query: try parser.parse("learns"))
        let early = "Officials released a statement. " + filler + "Officials said she learned fast. " + filler
        let learned = early.utf8.distance(from: early.utf8.startIndex, to: try #require(early.utf8.firstRange(of: "learned".utf8)).lowerBound)
        #expect(try #require(learns.part(in: early, stemmer: "english", length: 240)).lowerBound > learned - 40)
        let matches = "Officials learned a lesson. " + filler + "Officials said she learned fast. " + filler
        #expect(try #require(learns.part(in: matches, stemmer: "english", length: 240)).lowerBound == 0)
        // Where no word may match ("released" holds the probe but stems to "releas"), there is
        // no part: Xapian is not asked.
        #expect(learns.part(in: "Officials released a statement. " + filler, stemmer: "english", length: 240) == nil)
        #expect(!learns.mayMatch("Officials released a statement. " + filler, stemmer: "english"))
        // A query of fields alone matches no text.
        parser.addPrefix("title", "S")
        let fields = SnippetWindow(query: try parser.parse("title:istanbul title:talks"))
        #expect(fields.part(in: text, stemmer: "english", length: 240) == nil && !fields.mayMatch(text, stemmer: "english"))
        // Unless a word the probes cannot see follows: then it is read to its end.
        let unseen = filler + "Officials said the talks in Istanbul would go on. The council met. İstanbul " + filler
        #expect(try #require(window.part(in: unseen, stemmer: "english", length: 240)).upperBound == unseen.utf8.count)
    }

    @Test func readsTheWholeTextWhenAWordMayMatchUnseen() throws {
        let parser = QueryParser()
        parser.stemmer = try Stem(language: "english")
        let filler = String(repeating: "The council met again on Tuesday. ", count: 40)
        // "İstanbul" is the term "istanbul": the probe would not see it.
        let text = filler + "İstanbul " + filler + "istanbul"
        let window = SnippetWindow(query: try parser.parse("istanbul"))
        #expect(try #require(window.part(in: text, stemmer: "english", length: 240)).lowerBound == 0)
        #expect(try #require(window.part(in: filler + filler + "istanbul", stemmer: "english", length: 240)).lowerBound > 0)
        // A wildcard's terms are not in the query: no probe.
        let wildcard = SnippetWindow(query: try parser.parse("istan*", flags: [.wildcard]))
        #expect(try #require(wildcard.part(in: filler + filler + "istanbul", stemmer: "english", length: 240)).lowerBound == 0)
    }
}
