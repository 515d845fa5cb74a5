// Search on wire copy with possessives and curly apostrophes, through the CLI: names in any case
// and with any possessive, in words and phrases; "did you mean" only for a word with no match;
// what a search found, in English. Expected hits come from a brute-force scan of the parsed articles.
import Foundation
import Testing

@Suite struct WireSearchTests {
    let corpus: WireCorpus

    init() throws {
        corpus = try WireCorpus()
    }

    @Test(arguments: [
        ("putin", ["Putin", "putin", "PUTIN", "Putin's", "Putin’s", "PUTIN'S", "Putins'"]),
        ("arafat", ["Arafat", "arafat", "ARAFAT", "Arafat's", "Arafat’s"]),
        ("israel", ["Israel", "ISRAEL", "Israel's"]),
        ("trump", ["Trump", "trump", "Trump’s"]),
    ])
    func aWordFindsTheSameArticlesInAnyCaseAndWithAnyPossessive(word: String, forms: [String]) throws {
        let expected = corpus.bruteForce(WireCorpus.word(word))
        #expect(!expected.isEmpty, "the fixtures should name \(word)")
        for form in forms {
            #expect(try corpus.ids(form) == expected, "\(form)")
        }
    }

    @Test func everyFreeTextFieldFoldsCaseAndPossessives() throws {
        let titles = corpus.bruteForce(WireCorpus.word("putin")) { [$0.title] }
        #expect(!titles.isEmpty)
        for form in ["title:putin", "title:PUTIN'S", "title:Putin’s"] {
            #expect(try corpus.ids(form) == titles, "\(form)")
        }
        let captions = corpus.bruteForce(WireCorpus.word("arafat"), in: \.captions)
        #expect(!captions.isEmpty)
        for form in ["caption:Arafat", "caption:ARAFAT’S", "caption:arafat's"] {
            #expect(try corpus.ids(form) == captions, "\(form)")
        }
        let authors = corpus.bruteForce(WireCorpus.word("petrova"), in: \.authors)
        #expect(!authors.isEmpty)
        for form in ["author:Petrova", "author:PETROVA", "author:petrova’s"] {
            #expect(try corpus.ids(form) == authors, "\(form)")
        }
    }

    @Test func captionsAsPicturesFoldToo() throws {
        let articles = corpus.bruteForce(WireCorpus.word("arafat"), in: \.captions)
        let pictures = try corpus.ids("ARAFAT’S", ["--kind", "caption"])
        #expect(Set(pictures.map { String($0.split(separator: "#").first!) }) == articles)
    }

    @Test(arguments: [
        (["Yasser", "Arafat"], ["\"Yasser Arafat\"", "\"yasser arafat\"", "\"YASSER ARAFAT\"", "\"Yasser Arafat’s\""]),
        (["Donald", "Trump"], ["\"Donald Trump\"", "\"donald trump's\""]),
        (["Ariel", "Sharon"], ["\"Ariel Sharon\""]),
    ])
    func aPhraseFindsThePhraseWhenItsLastWordIsPossessive(words: [String], forms: [String]) throws {
        let expected = corpus.bruteForce(WireCorpus.phrase(words))
        #expect(!expected.isEmpty)
        for form in forms {
            #expect(try corpus.ids(form) == expected, "\(form)")
        }
        // Only a possessive makes the phrase: "Donald Trump’s" is in a title, never "Donald Trump".
        if words == ["Donald", "Trump"] {
            let plain = corpus.bruteForce(#"donald\s+trump(?![\w'’])"#)
            #expect(plain.isEmpty && expected.count == 1)
        }
    }

    @Test func phrasesKeepTheirWordOrder() throws {
        #expect(corpus.bruteForce(WireCorpus.phrase(["Arafat", "Yasser"])).isEmpty)
        let result = try corpus.run(["search", "\"Arafat Yasser\""])
        #expect(result.status == 1)
    }

    @Test func snippetsMarkPossessiveFormsAndKeepTheirApostrophes() throws {
        for query in ["\"Yasser Arafat\"", "Arafat"] {
            let result = try corpus.run(["search", "--format", "json", "--all-copies", "--limit", "all", query])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let hits = try #require(json["results"] as? [[String: Any]])
            // Some snippet marks a name that a possessive follows, apostrophe as printed.
            let marked = hits.contains { hit in
                let snippet = hit["snippet"] as? String ?? ""
                return (hit["highlights"] as? [String] ?? []).contains { word in
                    word.lowercased().hasSuffix("arafat") && (snippet.contains(word + "’S") || snippet.contains(word + "’s"))
                }
            }
            #expect(marked, "\(query): \(hits.map { $0["snippet"] ?? "" })")
        }
    }

    @Test func exactMatchesWordsAsWrittenCaseAndPossessivesAside() throws {
        let troops = corpus.bruteForce(#"(?<!\w)troops(?!\w)"#)
        #expect(!troops.isEmpty)
        #expect(try corpus.ids("troops", ["--exact"]) == troops)
        #expect(try corpus.ids("TROOPS", ["--exact"]) == troops)
        let troop = try corpus.run(["search", "--exact", "troop"])
        #expect(troop.status == 1)
        #expect(try corpus.ids("troop") == troops)
        let exactPutin = corpus.bruteForce(#"(?<![\w'’])putin(?:['’]s)?(?![\w'’])"#)
        #expect(try corpus.ids("Putin’s", ["--exact"]) == exactPutin)
        #expect(try corpus.ids("PUTIN", ["--exact"]) == exactPutin)
        let putins = corpus.bruteForce(#"(?<![\w'’])putins['’]?(?![\w'’])"#)
        #expect(!putins.isEmpty)
        #expect(try corpus.ids("Putins", ["--exact"]) == putins)
        #expect(try corpus.ids("Putins") == corpus.bruteForce(WireCorpus.word("putin")))
    }

    @Test(arguments: ["Israel", "Ariel Sharon", "\"Ariel Sharon\"", "Al Qaeda", "Hayden", "handed"])
    func aWordThatMatchesIsNeverCorrected(query: String) throws {
        let result = try corpus.run(["search", "--format", "json", query])
        #expect(result.status == 0)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["suggestion"] is NSNull)
        #expect(!result.stderr.contains("did you mean"))
        let corrected = try corpus.run(["search", "--format", "json", "--correct", query])
        let again = try #require(try JSONSerialization.jsonObject(with: Data(corrected.stdout.utf8)) as? [String: Any])
        #expect(again["corrected_query"] is NSNull)
        #expect(again["total"] as? Int == json["total"] as? Int)
        #expect(!corrected.stderr.contains("searched for"))
    }

    @Test func aMisspeltNameGetsTheName() throws {
        let result = try corpus.run(["search", "Arafatt"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean: arafat"))
        let corrected = try corpus.run(["search", "--correct", "--format", "ids", "--limit", "all", "--all-copies", "Arafatt"])
        #expect(corrected.status == 0)
        #expect(corrected.stderr.contains("searched for \"arafat\" instead"))
        #expect(Set(corrected.stdout.split(separator: "\n").map(String.init)) == corpus.bruteForce(WireCorpus.word("arafat")))
        // Only the word that matches nothing is replaced, in a phrase too.
        let phrase = try corpus.run(["search", "--format", "json", "\"Yaser Arafat\""])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(phrase.stdout.utf8)) as? [String: Any])
        #expect(json["suggestion"] as? String == "\"yasser Arafat\"")
    }

    @Test func aCorrectionThatWouldFindNothingIsNotOffered() throws {
        // "arafat" and "handed" are in no article together.
        #expect(corpus.bruteForce(WireCorpus.word("arafat")).isDisjoint(with: corpus.bruteForce(WireCorpus.word("handed"))))
        let result = try corpus.run(["search", "--correct", "Arafatt handed"])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("did you mean") && !result.stderr.contains("searched for"))
    }

    @Test func aNameTwoEditsFromAnotherIsNotCorrectedIntoIt() throws {
        // "Hansen" is in no article; "Hayden" is, two edits away: another name, not a typo.
        let result = try corpus.run(["search", "--correct", "Hansen"])
        #expect(result.status == 1)
        #expect(!result.stderr.contains("did you mean"))
        #expect(!result.stderr.contains("searched for"))
    }

    @Test func correctChangesNothingWhenTheQueryHasHits() throws {
        let result = try corpus.run(["search", "--format", "json", "--correct", "Arafat OR Arafatt"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json["corrected_query"] is NSNull)
        #expect(json["total"] as? Int == (try corpus.ids("Arafat")).count - 1)  // one story, two copies
    }

    @Test func facetValueSuggestionsKeepTheValuesCase() throws {
        let result = try corpus.run(["search", "--person", "ariel sharn", "troops"])
        #expect(result.status == 1)
        #expect(result.stderr.contains("did you mean \"Ariel Sharon\"?"))
    }

    @Test func theSummarySaysWhatWasFoundInEnglish() throws {
        let one = try corpus.run(["search", "Geneva"])
        #expect(corpus.bruteForce(WireCorpus.word("geneva")).count == 1)
        #expect(one.stdout.hasPrefix("1 hit\n"))
        let arafat = corpus.bruteForce(WireCorpus.word("arafat")).count - 1  // one story, two copies
        let all = try corpus.run(["search", "Arafat"])
        #expect(all.stdout.hasPrefix("\(arafat) hits\n"))
        let paged = try corpus.run(["search", "--limit", "1", "--offset", "1", "Arafat"])
        #expect(paged.stdout.hasPrefix("2–2 of \(arafat) hits\n"))
        let none = try corpus.run(["search", "--limit", "0", "Arafat"])
        #expect(none.status == 0)
        #expect(none.stdout == "\(arafat) hits (none shown with --limit 0)\n")
        let past = try corpus.run(["search", "--offset", "50", "Arafat"])
        #expect(past.status == 1)
        #expect(past.stdout.hasPrefix("\(arafat) hits; --offset 50 is past the last"))
        let filtersOnly = try corpus.run(["search", "--source", "NOPE"])
        #expect(filtersOnly.status == 1)
        #expect(filtersOnly.stdout == "no articles match --source NOPE\n")
        let pictures = try corpus.run(["search", "--kind", "caption", "--person", "Nobody Known"])
        #expect(pictures.stdout == "no pictures match --person \"Nobody Known\"\n")
        let both = try corpus.run(["search", "--source", "DW", "Arafat"])
        #expect(both.stdout == "no hits for \"Arafat\" with --source DW\n")
    }

    @Test func idsAndLinesArePagedAndLimitAllPrintsEveryHit() throws {
        let expected = corpus.bruteForce(WireCorpus.word("arafat"))
        let page = try corpus.run(["search", "--format", "ids", "--all-copies", "--limit", "1", "Arafat"])
        #expect(page.stdout.split(separator: "\n").count == 1)
        #expect(page.stderr.contains("printed 1 of \(expected.count) hits; --limit all prints every one"))
        let all = try corpus.run(["search", "--format", "jsonl", "--all-copies", "--limit", "all", "Arafat"])
        #expect(all.stdout.split(separator: "\n").count == expected.count)
        #expect(!all.stderr.contains("printed"))
    }

    @Test func jsonGivesTheBoundsOfAnExactTotal() throws {
        let result = try corpus.run(["search", "--format", "json", "--all-copies", "Arafat"])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let total = corpus.bruteForce(WireCorpus.word("arafat")).count
        #expect(json["total"] as? Int == total)
        #expect(json["total_is_exact"] as? Bool == true)
        #expect(json["total_lower_bound"] as? Int == total && json["total_upper_bound"] as? Int == total)
    }

    @Test func aStoryOnOneLineIsCutAfterItsLead() throws {
        let article = try #require(corpus.articles.first { $0.id == "ABC/one-line-story.txt" })
        #expect(article.title.hasPrefix("Israel has rejected") && article.title.hasSuffix("early today."))
        #expect(article.paragraphs.first?.hasPrefix("The cabinet said Mr Arafat") == true)
        // Words of its body are no longer words of its title.
        #expect(corpus.bruteForce(WireCorpus.word("militants")) == ["ABC/one-line-story.txt"])
        #expect(try corpus.ids("militants") == ["ABC/one-line-story.txt"])
        #expect(try corpus.ids("title:militants").isEmpty)
    }

    @Test func anIndexOfTheSchemaBeforePossessivesAsksForARebuild() throws {
        // An index written before possessives were folded: it says version 2.
        let generation = try #require(
            try FileManager.default.contentsOfDirectory(atPath: corpus.ws.index).first { $0.hasPrefix("gen-") })
        let tool = Process()
        tool.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        tool.arguments = ["xapian-metadata", "set", corpus.ws.index + "/" + generation, "newsdex.schema", "2"]
        try tool.run()
        tool.waitUntilExit()
        try #require(tool.terminationStatus == 0, "xapian-metadata (xapian-tools) is needed")
        let result = try corpus.run(["search", "Arafat"])
        #expect(result.status == 4)
        #expect(result.stderr.contains("schema version 2"))
        #expect(result.stderr.contains("newsdex index --rebuild --db \(corpus.ws.index)"))
    }
}
