// `newsdex count` against a brute-force count over the parsed wire articles, and `count --batch`.
import Foundation
import Testing

@Suite struct CountCommandTests {
    let corpus: WireCorpus

    init() throws {
        corpus = try WireCorpus()
    }

    func count(_ arguments: [String]) throws -> (Int?, Int32) {
        let result = try corpus.run(["count"] + arguments)
        return (Int(result.stdout.trimmingCharacters(in: .newlines)), result.status)
    }

    @Test func countsEveryMatchingArticleExactly() throws {
        #expect(try count([]) == (corpus.articles.count, 0))
        for (query, pattern) in [
            ("Putin’s", WireCorpus.word("putin")), ("ISRAEL", WireCorpus.word("israel")),
            ("\"Yasser Arafat\"", WireCorpus.phrase(["Yasser", "Arafat"])), ("all", WireCorpus.word("all")),
        ] {
            let expected = corpus.bruteForce(pattern).count
            #expect(try count([query]) == (expected, 0), "\(query)")
        }
        let afp = corpus.bruteForce(WireCorpus.word("said")).filter { $0.hasPrefix("AFP/") }.count
        #expect(afp > 0)
        #expect(try count(["said", "--source", "afp"]) == (afp, 0))
    }

    @Test func countsPicturesWithKindCaption() throws {
        let captions = corpus.articles.flatMap { article in article.captions }
        let regex = try NSRegularExpression(pattern: WireCorpus.word("arafat"), options: .caseInsensitive)
        let expected = captions.filter { regex.firstMatch(in: $0, range: NSRange($0.startIndex..., in: $0)) != nil }.count
        #expect(expected > 0)
        #expect(try count(["--kind", "caption", "ARAFAT’S"]) == (expected, 0))
        #expect(try count(["--kind", "caption"]) == (captions.count, 0))
    }

    @Test func noMatchPrintsZeroAndExitsOneAsGrepC() throws {
        #expect(try count(["Zanzibar"]) == (0, 1))
    }

    @Test func storiesCountTheCopiesOfAStoryOnce() throws {
        let matching = corpus.bruteForce(WireCorpus.word("arafat"))
        var stories = Set<String>()
        for id in matching {
            let show = try corpus.run(["show", "--format", "json", id])
            let json = try #require(try JSONSerialization.jsonObject(with: Data(show.stdout.utf8)) as? [String: Any])
            stories.insert(json["story"] as? String ?? id)
        }
        #expect(stories.count < matching.count, "the fixtures have two copies of one story")
        #expect(try count(["--stories", "Arafat"]) == (stories.count, 0))
        #expect(try count(["Arafat"]) == (matching.count, 0))
    }

    @Test func batchPrintsOneCountPerLineInOrder() throws {
        let queries = ["Putin", "", "\"Yasser Arafat\"", "harbour AND", "Zanzibar", "source:DW"]
        let result = try corpus.run(["count", "--batch"], stdin: queries.joined(separator: "\n") + "\n")
        var expected: [String] = []
        for query in queries {
            let single = try corpus.run(["count", "--", query].filter { !$0.isEmpty })
            expected.append(single.status == 2 ? "" : single.stdout.trimmingCharacters(in: .newlines))
        }
        #expect(result.stdout == expected.joined(separator: "\n") + "\n")
        #expect(expected[1] == String(corpus.articles.count) && expected[3] == "" && expected[4] == "0")
        // A line that cannot be parsed: its error, with its number, and exit 2 once all are counted.
        #expect(result.stderr.contains("line 4: cannot parse the query \"harbour AND\""))
        #expect(result.status == 2)
        let good = try corpus.run(["count", "--batch"], stdin: "Putin\nZanzibar\n")
        #expect(good.status == 0)
    }

    @Test func batchTakesNoQueryOnTheCommandLine() throws {
        let result = try corpus.run(["count", "--batch", "Putin"], stdin: "")
        #expect(result.status == 2)
        #expect(result.stderr.contains("--batch reads its queries from standard input"))
        let stories = try corpus.run(["count", "--stories", "--kind", "caption"])
        #expect(stories.status == 2)
    }
}

/// An archive where two words are together in more articles than a page and a thousand: `search`
/// estimates the total, says so, and `count` gives the exact number.
@Suite struct EstimatedTotalTests {
    @Test func searchSaysAboutAndCountIsExact() throws {
        let ws = Workspace(seeds: false)
        var lines: [String] = []
        var expected = 0
        for i in 0..<1500 {
            var words = ["officials said on day \(i)"]
            if i % 10 != 0 { words.append("the harbour closed") }
            if i % 7 != 0 { words.append("a storm came") }
            if i % 10 != 0 && i % 7 != 0 { expected += 1 }
            let article: [String: Any] = ["id": "a\(i)", "source": "WIRE", "title": "Report \(i)", "body": words.joined(separator: ". ") + "."]
            lines.append(String(decoding: try JSONSerialization.data(withJSONObject: article), as: UTF8.self))
        }
        ws.write("corpus/WIRE/all.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))
        let index = try runNewsdex(["index", ws.corpus, "--db", ws.index, "--quiet", "--no-stories"])
        #expect(index.status == 0)

        let json = try runNewsdex(["search", "--db", ws.index, "--format", "json", "--limit", "1", "harbour storm"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        let total = try #require(object["total"] as? Int)
        let lower = try #require(object["total_lower_bound"] as? Int)
        let upper = try #require(object["total_upper_bound"] as? Int)
        try #require(object["total_is_exact"] as? Bool == false)
        #expect(lower <= total && total <= upper)
        #expect(lower <= expected && expected <= upper && lower < upper)
        let text = try runNewsdex(["search", "--db", ws.index, "--limit", "1", "harbour storm"])
        #expect(text.stdout.hasPrefix("1–1 of about \(total) hits\n"))

        let count = try runNewsdex(["count", "--db", ws.index, "harbour storm"])
        #expect(count.stdout == "\(expected)\n")
        #expect(count.status == 0)
    }
}
