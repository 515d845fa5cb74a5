import Foundation
import TestSupport
import Testing
@testable import Newsdex

/// The seeds and the multilingual fixtures (Fixtures/Languages) in one index.
@Suite struct MultilingualQueryTests {
    let scratch: TemporaryDirectory
    let searcher: Searcher

    init() throws {
        scratch = try TemporaryDirectory()
        let corpus = Repository.copySeeds(into: scratch)
        try FileManager.default.copyItem(at: LanguageCorpus.world, to: corpus.appendingPathComponent("World"))
        _ = try Indexer(options: IndexOptions(inputs: [corpus], database: scratch.path("index"), jobs: 1)).run()
        searcher = try Searcher(path: scratch.path("index").path)
    }

    func ids(_ query: String, languages: [String] = [], kind: KindFilter = .article, exact: Bool = false) throws -> [String] {
        try searcher.search(SearchRequest(
            query: query, filters: FacetFilters(languages: languages), kind: kind, exact: exact, limit: 100)).hits.map(\.id)
    }

    @Test(arguments: [
        ("perfilar", "World/es-oposicion.txt"),  // the text says "perfilando"
        ("blessé", "World/fr-incendie.txt"),  // "blessés"
        ("interventions", "World/fr-incendie.txt"),  // "l'intervention"
        ("verletzten", "World/de-unfall.txt"),  // "Verletzte", "verletzt"
        ("обращение", "World/ru-obrashchenie.txt"),  // "обращением", "обращения"
        ("новый", "World/ru-obrashchenie.txt"),  // "новых": й must survive folding
        ("حكومة", "World/ar-hukuma.txt"),  // "الحكومة", "الحكومات"
        ("investimentos", "World/pt-seguranca.md"),  // "investimento"
        ("deployment", "World/en-border.txt"),  // "deployed"
    ])
    func anInflectedFormFindsTheArticleWithoutSayingItsLanguage(query: String, path: String) throws {
        let found = try ids(query)
        #expect(found.contains(path))
        // Only articles that hold a form of the word in their own language: none of another.
        let language = path.split(separator: "-").first!.split(separator: "/").last!
        #expect(found.allSatisfy { $0.hasPrefix("World/\(language)") || !$0.hasPrefix("World/") }, "\(found)")
    }

    @Test func theQueryIsAnalysedOnlyInTheLanguagesAsked() throws {
        let spanish = "World/es-oposicion.txt"
        #expect(try ids("perfilar", languages: ["es"]) == [spanish])
        #expect(try ids("perfilar lang:es") == [spanish])
        #expect(try ids("perfilar lang:Spanish") == [spanish])
        #expect(try ids("perfilar", languages: ["Spanish"]) == [spanish])
        // Stemmed as German, "perfilar" is only itself, and nothing says it.
        #expect(try ids("perfilar", languages: ["de"]).isEmpty)
        // Unstemmed, only the form as written matches.
        #expect(try ids("perfilar", exact: true).isEmpty)
        #expect(try ids("perfilando", exact: true) == [spanish])
    }

    @Test(arguments: [
        ("地震", ["World/ja-jishin.txt", "World/zh-dizhen.txt"]),
        ("余震", ["World/zh-dizhen.txt"]),
        ("津波", ["World/ja-jishin.txt"]),
        ("避難", ["World/ja-jishin.txt"]),
        ("주택", ["World/ko-jutaek.txt"]),
        ("\"经济增长\"", ["World/zh-jingji.txt"]),
    ])
    func aTwoCharacterWordFindsChineseJapaneseAndKoreanText(query: String, paths: [String]) throws {
        #expect(Set(try ids(query)) == Set(paths))
    }

    @Test func langFiltersAreExactAndOred() throws {
        #expect(try ids("地震", languages: ["ja"]) == ["World/ja-jishin.txt"])
        #expect(Set(try ids("", languages: ["zh"])) == ["World/zh-dizhen.txt", "World/zh-jingji.txt"])
        #expect(Set(try ids("", languages: ["zh", "ko"])) == [
            "World/zh-dizhen.txt", "World/zh-jingji.txt", "World/ko-jutaek.txt"])
        #expect(try ids("lang:pt") == ["World/pt-seguranca.md"])
        #expect(try ids("", languages: ["ru"]) == ["World/ru-obrashchenie.txt"])
    }

    @Test func theLanguageFacetCountsEveryArticleAndIsMultiSelect() throws {
        func counts(_ request: SearchRequest) throws -> [String: Int] {
            let response = try searcher.search(request)
            let values = response.facets.first { $0.facet == .language }?.values ?? []
            return Dictionary(uniqueKeysWithValues: values.map { ($0.value, $0.count) })
        }
        // Two English seeds and one English fixture; every fixture in its language.
        let expected = ["en": 3, "es": 1, "fr": 1, "de": 1, "ru": 1, "ar": 1, "zh": 2, "ja": 1, "ko": 1, "pt": 1]
        #expect(try counts(SearchRequest(facets: true)) == expected)
        // Filtered by language, the language facet still shows the others (multi-select).
        #expect(try counts(SearchRequest(filters: FacetFilters(languages: ["zh"]), facets: true)) == expected)
        // With a query: 地震 is in one Chinese and one Japanese article.
        #expect(try counts(SearchRequest(query: "地震", facets: true)) == ["zh": 1, "ja": 1])
        #expect(try counts(SearchRequest(query: "地震", filters: FacetFilters(languages: ["ja"]), facets: true))
            == ["zh": 1, "ja": 1])
        // Pictures, against the languages of each parsed caption: the English article's French
        // caption is French.
        var pictures: [String: Int] = [:]
        let reader = ArticleReader()
        let files = ArticleReader.articleFiles(under: [scratch.path("corpus")], corpusRoot: scratch.path("corpus")).files
        for file in files {
            for article in reader.read(file).articles {
                for language in ArticleLanguages(of: article).captions { pictures[language.code, default: 0] += 1 }
            }
        }
        #expect(pictures["fr"] == 1)
        #expect(try counts(SearchRequest(kind: .caption, facets: true)) == pictures)
    }

    @Test func aCaptionInAnotherLanguageIsSearchedInItsOwn() throws {
        let hits = try ids("célébrations", languages: ["fr"], kind: .caption)
        #expect(hits == ["World/en-border.txt#caption-1"])
    }

    @Test func snippetsMarkTheMatchedFormsInEveryLanguage() throws {
        func marks(_ query: String) throws -> [String] {
            try searcher.search(SearchRequest(query: query)).hits.first?.snippet.matches ?? []
        }
        #expect(try marks("perfilar") == ["perfilando"])
        let russian = try marks("обращение")
        #expect(russian.first == "обращением" && russian.allSatisfy { $0.hasPrefix("обращен") }, "\(russian)")
        // CJK: the bigram is marked, and so are its characters where they stand alone (the
        // query is 余 AND 余震 AND 震, as Xapian n-grams it).
        for word in ["余震", "津波"] {
            let marked = try marks(word)
            #expect(marked.contains(word) && marked.allSatisfy { word.contains($0) }, "\(marked)")
        }
        let hit = try #require(try searcher.search(SearchRequest(query: "perfilar")).hits.first)
        #expect(hit.language.code == "es")
    }

    @Test func englishResultsAreThoseOfAnEnglishOnlyIndex() throws {
        let english = try TemporaryDirectory()
        let corpus = Repository.copySeeds(into: english)
        _ = try Indexer(options: IndexOptions(inputs: [corpus], database: english.path("index"), jobs: 1)).run()
        let alone = try Searcher(path: english.path("index").path)
        for query in ["troops", "deployment", "\"parade ground\"", "korean troops russia", "Putin", "satellite images", "board"] {
            let mixed = try ids(query).filter { !$0.hasPrefix("World/") }
            let only = try alone.search(SearchRequest(query: query, limit: 100)).hits.map(\.id)
            #expect(!only.isEmpty, "\(query)")
            #expect(Set(mixed) == Set(only), "\(query)")
        }
    }
}
