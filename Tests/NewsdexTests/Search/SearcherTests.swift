import Foundation
import Testing
import Xapian
@testable import Newsdex

@Suite struct SearcherTests {
    let scratch: TemporaryDirectory
    let searcher: Searcher
    let corpus: URL

    init() throws {
        scratch = try TemporaryDirectory()
        corpus = Repository.copySeeds(into: scratch)
        let sources = ["BBC", "AFP", "Reuters"]
        let people = ["Vladimir Putin", "Volodymyr Zelensky", "Mark Rutte"]
        for i in 0..<9 {
            scratch.write("corpus/\(sources[i % 3])/extra-\(i).txt", plainArticle(
                title: "Harbour report \(i)", date: "2023-0\(1 + i % 9)-1\(i)", author: "Ann Lee",
                paragraphs: [
                    "President \(people[i % 3]) spoke in Brussels about the harbour.",
                    "\(people[i % 3].split(separator: " ").last!) said the ships would sail.",
                    distinctParagraph(seed: UInt64(i)),
                ],
                captions: i % 2 == 0 ? [("Ships in the harbour at dawn.", i % 4 == 0 ? "Alamy" : "Reuters")] : []))
        }
        _ = try Indexer(options: IndexOptions(inputs: [corpus], database: scratch.path("index"), jobs: 1)).run()
        searcher = try Searcher(path: scratch.path("index").path)
    }

    func ids(_ request: SearchRequest) throws -> [String] {
        try searcher.search(request).hits.map(\.id)
    }

    @Test func phraseFindsTheLBCArticle() throws {
        let hits = try ids(SearchRequest(query: "\"parade ground\""))
        #expect(hits.count == 1 && hits[0].hasPrefix("LBC/"))
    }

    @Test func phraseWithStopwordsMatches() throws {
        let hits = try ids(SearchRequest(query: "\"the moment North Korean troops\""))
        #expect(hits.first?.hasPrefix("LBC/") == true)
    }

    @Test func stopwordsAreDroppedFromQueriesOutsidePhrases() throws {
        // "yourselves" is on English's list and in no article here: dropped, it leaves the nine
        // of "sailing"; a word not on the list, and as absent, is kept and matches nothing.
        #expect(try searcher.search(SearchRequest(query: "sailing")).total == 9)
        #expect(try searcher.search(SearchRequest(query: "yourselves sailing")).total == 9)
        #expect(try searcher.search(SearchRequest(query: "yourselfs sailing")).total == 0)
    }

    @Test func wordsAreStemmedUnlessExact() throws {
        // The corpus says "sail": stemming finds it for "sailing", --exact does not.
        #expect(try searcher.search(SearchRequest(query: "sailing")).total == 9)
        #expect(try searcher.search(SearchRequest(query: "sailing", exact: true)).total == 0)
        #expect(try searcher.search(SearchRequest(query: "sail", exact: true)).total == 9)
    }

    @Test func booleanOperatorsAndFieldPrefixes() throws {
        let afp = try searcher.search(SearchRequest(query: "troops source:afp", limit: 50))
        #expect(afp.hits.allSatisfy { $0.source == "AFP" } && afp.total >= 1)
        let notAFP = try searcher.search(SearchRequest(query: "troops NOT source:AFP", limit: 50))
        #expect(notAFP.hits.allSatisfy { $0.source != "AFP" } && notAFP.total >= 1)
        #expect(try searcher.search(SearchRequest(query: "title:harbour")).total == 9)
        #expect(try searcher.search(SearchRequest(query: "troop*")).total == 2)
    }

    @Test func filtersOfOneFlagAreOredAndOfDifferentFlagsAnded() throws {
        let two = try searcher.search(SearchRequest(query: "harbour", filters: FacetFilters(sources: ["bbc", "AFP"])))
        #expect(two.total == 6)
        let both = try searcher.search(SearchRequest(
            query: "harbour", filters: FacetFilters(sources: ["bbc"], credits: ["ALAMY"])))
        #expect(both.hits.allSatisfy { $0.source == "BBC" })
        let inQuery = try searcher.search(SearchRequest(query: "harbour source:bbc credit:alamy"))
        #expect(both.total == inQuery.total)
    }

    @Test func emptyQueryWithAFilterBrowsesNewestFirst() throws {
        let response = try searcher.search(SearchRequest(filters: FacetFilters(sources: ["BBC"]), limit: 10))
        let dates = response.hits.compactMap(\.date)
        #expect(response.total == 3 && dates == dates.sorted(by: >))
    }

    @Test func captionsAreSearchableAsPicturesWithTheirCredits() throws {
        let response = try searcher.search(SearchRequest(query: "parade ground", kind: .caption))
        #expect(response.total == 1)
        let hit = try #require(response.hits.first)
        #expect(hit.kind == .caption && hit.article?.hasPrefix("LBC/") == true)
        #expect(hit.captions.first?.caption.credit == "South Korea's National Intelligence Service")
    }

    @Test func eachKindIsSearchedInItsOwnDocumentsWords() throws {
        // Five of the nine harbour reports have a picture of "ships in the harbour".
        let articles = try searcher.search(SearchRequest(query: "harbour"))
        #expect(articles.total == 9 && articles.hits.allSatisfy { $0.kind == .article })
        let pictures = try searcher.search(SearchRequest(query: "harbour", kind: .caption, limit: 20))
        #expect(pictures.total == 5 && pictures.hits.allSatisfy { $0.kind == .caption })
        // A picture's words are marked, though it holds them under the caption field's prefix.
        #expect(pictures.hits.allSatisfy { $0.snippet.matches.map { $0.lowercased() } == ["harbour"] })
        // And its caption, as the text output shows it.
        #expect(pictures.hits.allSatisfy { $0.captions.first?.highlighted?.matches.map { $0.lowercased() } == ["harbour"] })
        let both = try searcher.search(SearchRequest(query: "harbour", kind: .all, limit: 20))
        #expect(both.total == 14 && Set(both.hits.map(\.id)) == Set(articles.hits.map(\.id) + pictures.hits.map(\.id)))
        // A query that pictures also match (a caption's words, a filter) still finds articles only.
        for query in ["caption:harbour", "caption:harbour OR harbour", "harbour*", "NOT parade"] {
            let hits = try searcher.search(SearchRequest(query: query, limit: 50)).hits
            #expect(!hits.isEmpty && hits.allSatisfy { $0.kind == .article }, "\(query)")
        }
        #expect(try searcher.search(SearchRequest(query: "caption:harbour")).total == 5)
    }

    @Test func dateRangesInQueryAndFlags() throws {
        let inQuery = try searcher.search(SearchRequest(query: "date:2024-10-01..2024-10-31"))
        #expect(inQuery.total == 1)
        let flags = try searcher.search(SearchRequest(
            filters: FacetFilters(sources: ["BBC", "AFP", "Reuters", "LBC"]),
            from: PublicationDate(userInput: "2023-01-01"), to: PublicationDate(userInput: "2023-12-31")))
        #expect(flags.total == 9)
        let open = try searcher.search(SearchRequest(query: "date:2024-01-01.."))
        #expect(open.total == 1)
    }

    @Test func aMalformedQueryIsAQueryError() throws {
        #expect { try searcher.search(SearchRequest(query: "harbour AND")) } throws: {
            if case .query = $0 as? SearchError { return true }
            return false
        }
    }

    @Test func unknownWordsGetASpellingSuggestion() throws {
        let response = try searcher.search(SearchRequest(query: "harbuor"))
        #expect(response.total == 0)
        #expect(response.suggestion == "harbour")
        let corrected = try searcher.search(SearchRequest(query: "harbuor", correctSpelling: true))
        #expect(corrected.total == 9 && corrected.correctedQuery == "harbour")
    }

    @Test func snippetsMarkTheMatchedWords() throws {
        let hit = try #require(try searcher.search(SearchRequest(query: "parade ground")).hits.first)
        #expect(hit.snippet.matches.map { $0.lowercased() }.contains("parade") || hit.captions.contains { $0.highlighted != nil })
    }

    @Test func aBodyThatDoesNotMatchShowsItsStartAndTheCaptionThatDoes() throws {
        // "parade ground" is in the LBC seed's picture captions, not in its body.
        let hit = try #require(try searcher.search(SearchRequest(query: "\"parade ground\"")).hits.first { $0.source == "LBC" })
        let whole = try #require(try searcher.document(id: hit.id))
        #expect(!whole.paragraphs.joined(separator: " ").lowercased().contains("parade ground"))
        #expect(hit.snippet.matches.isEmpty)
        #expect(Self.isTheStart(hit.snippet.text, of: whole.paragraphs.joined(separator: " ")))
        #expect(hit.captions.contains { caption in caption.highlighted?.matches.contains { $0.lowercased() == "parade ground" } == true })
        // A body that matches is marked where it does.
        let troops = try #require(try searcher.search(SearchRequest(query: "\"special forces\"")).hits.first { $0.source == "LBC" })
        #expect(troops.snippet.matches.map { $0.lowercased() }.contains("special forces"))
    }

    @Test func snippetsCanBeLeftOutForCallersThatShowOnlyIds() throws {
        let plain = try #require(try searcher.search(SearchRequest(query: "troops", snippets: false)).hits.first)
        #expect(plain.snippet.segments.isEmpty)
        let marked = try #require(try searcher.search(SearchRequest(query: "troops")).hits.first)
        #expect(!marked.snippet.matches.isEmpty)
        #expect(plain.id == marked.id && plain.title == marked.title && plain.captions.count >= marked.captions.count)
    }

    @Test func withoutAQueryTheSnippetIsTheBodysStart() throws {
        let hits = try searcher.search(SearchRequest(query: "", filters: FacetFilters(sources: ["LBC"]))).hits
        let hit = try #require(hits.first { $0.kind == .article })
        #expect(hit.snippet.matches.isEmpty)
        // Unmarked, the snippet is the body's start, cut from only the paragraphs it needs.
        let whole = try #require(try searcher.document(id: hit.id))
        #expect(!hit.snippet.text.isEmpty)
        #expect(Self.isTheStart(hit.snippet.text, of: whole.paragraphs.joined(separator: " ")))
    }

    /// Whether `snippet` is the start of a longer `body` as a snippet shows it: the words that
    /// fit in 240 characters, more than half of them, cut where a word ends, then "...".
    static func isTheStart(_ snippet: String, of body: String) -> Bool {
        guard body.count > 240, snippet.hasSuffix("...") else { return false }
        let shown = snippet.dropLast(3)
        return body.hasPrefix(shown) && (120...240).contains(shown.count) && shown.last?.isWhitespace == false
            && body.dropFirst(shown.count).first?.isWhitespace == true
    }

    @Test func anEstimatedTotalFindsTheSameHitsAndSaysWhetherItIsExact() throws {
        let checked = try searcher.search(SearchRequest(query: "harbour", limit: 2))
        let estimated = try searcher.search(SearchRequest(query: "harbour", limit: 2, estimatedTotal: true))
        #expect(estimated.hits.map(\.id) == checked.hits.map(\.id))
        #expect(checked.total == 9 && checked.totalIsExact)
        #expect(estimated.totalIsExact ? estimated.total == 9 : estimated.totalBounds.contains(9))
        // An exact total wins over an estimated one.
        let both = try searcher.search(SearchRequest(query: "harbour", limit: 2, exactTotal: true, estimatedTotal: true))
        #expect(both.total == 9 && both.totalIsExact)
    }

    @Test func mistypedFacetValuesGetTheNearestValues() throws {
        let response = try searcher.search(SearchRequest(query: "harbour", filters: FacetFilters(sources: ["Reuter"])))
        let unknown = try #require(response.unknownFilterValues.first)
        #expect(unknown.facet == .source && unknown.suggestions.contains("Reuters"))
    }

    /// Facet counts against a brute-force count over the parsed articles of the corpus.
    @Test func facetCountsAreExactAndMultiSelect() throws {
        let reader = ArticleReader()
        let extractor = EntityExtractor()
        var articles: [(Article, ArticleEntities)] = []
        for file in ArticleReader.articleFiles(under: [corpus]).files {
            for article in reader.read(fileAt: file.url, corpusRoot: corpus).articles {
                articles.append((article, extractor.entities(of: article)))
            }
        }
        func expected(_ facet: Facet, where keep: (Article, ArticleEntities) -> Bool) -> [String: Int] {
            var counts: [String: Int] = [:]
            for (article, entities) in articles where keep(article, entities) {
                var values = Set<String>()
                switch facet {
                case .source: values = [article.source]
                case .year: if let date = article.date { values = [String(date.prefix(4))] }
                case .credit: values = Set(article.captions.compactMap(\.credit))
                case .language: values = [ArticleLanguages(of: article).article.code]
                case .person, .place, .organization:
                    let type: EntityType = facet == .person ? .person : facet == .place ? .place : .organization
                    values = Set((entities.text + entities.captions.flatMap { $0 }).filter { $0.type == type }.map(\.name))
                }
                for value in values { counts[value, default: 0] += 1 }
            }
            return counts
        }
        func actual(_ response: SearchResponse, _ facet: Facet) -> [String: Int] {
            Dictionary(uniqueKeysWithValues: response.facets.first { $0.facet == facet }!.values.map { ($0.value, $0.count) })
        }

        let all = try searcher.search(SearchRequest(
            filters: FacetFilters(sources: ["BBC", "AFP", "Reuters", "LBC"]), facets: true, facetLimit: 1000))
        for facet in Facet.allCases {
            #expect(actual(all, facet) == expected(facet) { _, _ in true }, "facet \(facet)")
        }
        // Filtered by source: other facets count only BBC, the source facet still shows all.
        let bbc = try searcher.search(SearchRequest(
            filters: FacetFilters(sources: ["BBC"]), facets: true, facetLimit: 1000))
        #expect(actual(bbc, .source) == expected(.source) { _, _ in true })
        #expect(actual(bbc, .person) == expected(.person) { a, _ in a.source == "BBC" })
        #expect(actual(bbc, .credit) == expected(.credit) { a, _ in a.source == "BBC" })
    }
}

/// A search reads the index again, once, when a writer overwrote the revision it was reading;
/// a second time, or any other failure, is an IndexError.
@Suite struct SearcherRetryTests {
    struct Thrown: Error {}

    func classify(_ error: any Error) -> IndexError { IndexError.from(error, index: "idx") }

    @Test func aModifiedRevisionIsReadAgainOnceAndASecondTimeIsAnIndexError() throws {
        var calls = 0, reopens = 0
        let value = try Searcher.retryingOnceIfModified({
            calls += 1
            if calls == 1 { throw XapianError(code: .databaseModified, message: "") }
            return 7
        }, reopen: { reopens += 1 }, classify: classify)
        #expect(value == 7 && calls == 2 && reopens == 1)

        calls = 0
        #expect {
            try Searcher.retryingOnceIfModified({ () throws -> Int in
                calls += 1
                throw XapianError(code: .databaseModified, message: "again")
            }, reopen: {}, classify: classify)
        } throws: { ($0 as? IndexError)?.code == .modified && ($0 as? IndexError)?.detail == "again" }
        #expect(calls == 2)

        // Anything else fails at once, classified; a query error passes as it is.
        reopens = 0
        #expect {
            try Searcher.retryingOnceIfModified({ () throws -> Int in throw XapianError(code: .databaseCorrupt, message: "") },
                                                reopen: { reopens += 1 }, classify: classify)
        } throws: { ($0 as? IndexError)?.code == .corrupt }
        #expect(reopens == 0)
        #expect {
            try Searcher.retryingOnceIfModified({ () throws -> Int in throw SearchError.query("a AND", "syntax", nil) },
                                                reopen: {}, classify: classify)
        } throws: { $0 is SearchError }
        // A reopen that fails is classified too.
        #expect {
            try Searcher.retryingOnceIfModified({ () throws -> Int in throw XapianError(code: .databaseModified, message: "") },
                                                reopen: { throw XapianError(code: .databaseNotFound, message: "") }, classify: classify)
        } throws: { ($0 as? IndexError)?.code == .missing }
    }

    @Test func aSearchWhileAWriterCommitsSeesTheNewRevision() throws {
        let scratch = try TemporaryDirectory()
        let corpus = Repository.copySeeds(into: scratch)
        for i in 0..<40 {
            scratch.write("corpus/BBC/extra-\(i).txt", plainArticle(
                title: "Harbour report \(i)", date: "2023-01-1\(i % 10)", author: "Ann Lee",
                paragraphs: ["The harbour, report \(i).", distinctParagraph(seed: UInt64(i))]))
        }
        let index = scratch.path("index")
        _ = try Indexer(options: IndexOptions(inputs: [corpus], database: index, jobs: 1)).run()
        let searcher = try Searcher(path: index.path)
        let reader = try Database(path: index.path)
        #expect(try searcher.search(SearchRequest(query: "harbour")).total == 40)

        // A writer rewrites every document three times, and adds filler documents (no kind:
        // searches never see them), committing each time, as an update in place of a large
        // change does: the blocks of the revision the readers hold are reused.
        let generation = IndexDirectory(url: index).currentGeneration()!
        let writer = try WritableDatabase(path: index.appendingPathComponent(generation).path, mode: .open)
        let last = try writer.lastDocumentID
        for round in 0..<3 {
            for docid in 1...last {
                let document = try writer.document(docid)
                document.addBooleanTerm("XROUND\(round)")
                try writer.replace(docid, with: document)
            }
            for filler in 0..<1500 {
                let document = Document()
                document.setData(String(repeating: "filler ", count: 30))
                for term in 0..<30 { document.addTerm("filler\((filler * 7 + term + round) % 4000)") }
                document.addTerm("Zharbour")
                try writer.add(document)
            }
            try writer.commit()
        }
        try writer.close()

        // The reader opened before finds its revision gone; the searcher reads the new one.
        let enquire = Enquire(database: reader)
        enquire.query = Query(term: "Zharbour")
        #expect { _ = try enquire.matchSet(limit: 50, checkAtLeast: 1000).map { try $0.document().data } } throws: {
            ($0 as? XapianError)?.code == .databaseModified
        }
        let response = try searcher.search(SearchRequest(query: "harbour", limit: 50))
        #expect(response.total == 40 && response.hits.count == 40)
    }
}
