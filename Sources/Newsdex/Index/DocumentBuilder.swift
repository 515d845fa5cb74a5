// Turns an article and its entities into Xapian documents, as the schema says: one document for
// the article and one for each of its captions.
import Foundation
internal import Xapian

/// An article ready to index: parsed, its languages identified, its entities extracted.
public struct PreparedArticle: Sendable {
    public var article: Article
    public var entities: ArticleEntities
    /// The body's story fingerprint, for near-duplicate clustering.
    public var fingerprint: StoryFingerprint?
    /// The languages its text and each caption are indexed in.
    public var languages: ArticleLanguages

    /// - Parameter languages: nil: identified from the article (`ArticleLanguages(of:)`).
    public init(
        article: Article, entities: ArticleEntities, fingerprint: StoryFingerprint? = nil,
        languages: ArticleLanguages? = nil
    ) {
        self.article = article
        self.entities = entities
        self.fingerprint = fingerprint
        self.languages = languages ?? ArticleLanguages(of: article)
    }
}

/// Builds the documents of articles. It owns a TermGenerator, so each indexing thread has its own
/// builder (Xapian objects are not thread-safe).
final class DocumentBuilder {
    private let termGenerator = TermGenerator()
    /// The language the term generator is set up for, and the stemmers made so far, by name.
    private var analysedLanguage: Language?
    private var analysis = TextAnalysis(.english)
    private var stemmers: [String: Stem] = [:]
    /// The highest slot index used by each multi-valued facet, so far.
    private(set) var facetSlotsUsed = FacetSlotUsage()

    /// - Parameter database: the database spelling data goes to.
    init(database: WritableDatabase) throws {
        try analyse(.english)
        termGenerator.database = database
        termGenerator.spelling = true
        // Chinese, Japanese and Korean are written without spaces: their runs of characters are
        // indexed as unigrams and bigrams in any document (an English article quoting a Chinese
        // name too); other scripts are split into words as before.
        termGenerator.cjkNgrams = true
    }

    /// Sets the term generator up for text in `language`: its Snowball stemmer (terms stemmed as
    /// Omega does, "Z"-prefixed beside the words as written), or no stemming at all when Xapian
    /// has no stemmer for it.
    private func analyse(_ language: Language) throws {
        guard language != analysedLanguage else { return }
        analysis = TextAnalysis(language)
        if let name = analysis.stemmer {
            let stemmer = try stemmers[name] ?? Stem(language: name)
            stemmers[name] = stemmer
            termGenerator.stemmer = stemmer
            termGenerator.stemmingStrategy = .some
        } else {
            termGenerator.stemmer = nil
            termGenerator.stemmingStrategy = .none
        }
        analysedLanguage = language
    }

    /// Free text as it is indexed: accents and possessives folded (`Schema.foldText`, as the
    /// query language folds what users type), elisions dropped in the current language.
    private func indexable(_ text: String) -> String {
        analysis.prepared(Schema.foldText(text))
    }

    /// The documents of one article: (unique term, document) pairs, the article first.
    func documents(for prepared: PreparedArticle, file: String, story: StoryAssignment? = nil) throws
        -> [(String, Document)]
    {
        let article = prepared.article
        var result: [(String, Document)] = []
        let textEntities = prepared.entities.text
        let captionEntities = prepared.entities.captions
        var allEntities = textEntities
        for entities in captionEntities {
            for entity in entities where !allEntities.contains(where: { $0.name == entity.name && $0.type == entity.type }) {
                allEntities.append(entity)
            }
        }

        // The article, all its text (captions too) in its own language.
        let languages = prepared.languages
        try analyse(languages.article)
        let doc = Document()
        termGenerator.document = doc
        termGenerator.termPosition = 0
        termGenerator.indexText(indexable(article.title), prefix: Schema.title.prefix)
        termGenerator.indexText(indexable(article.title))
        termGenerator.increaseTermPosition()
        for paragraph in article.paragraphs {
            termGenerator.indexText(indexable(paragraph))
            termGenerator.increaseTermPosition()
        }
        for caption in article.captions {
            termGenerator.indexText(indexable(caption.text), prefix: Schema.captionText.prefix)
            termGenerator.indexText(indexable(caption.text))
            termGenerator.increaseTermPosition()
        }
        for author in article.authors {
            termGenerator.indexTextWithoutPositions(indexable(author), prefix: Schema.author.prefix)
        }
        var packed = FacetValuesPacking()
        addCommonTerms(to: doc, article: article, kind: .article, language: languages.article, file: file, packed: &packed)
        let credits = uniqueCredits(article.captions)
        addMultiValued(credits, of: .credit, to: doc, packed: &packed)
        addEntities(allEntities, to: doc, packed: &packed)
        if let story, let fingerprint = prepared.fingerprint {
            let collapseKey = StoryKey.isWritten(cluster: story.cluster, id: article.id)
            doc.addStory(cluster: story.cluster, id: article.id, fingerprint: fingerprint, collapseKey: collapseKey)
            if collapseKey { packed.appendStory(story.cluster) }
        }
        packed.store(in: doc)
        let uniqueTerm = Schema.identifierTerm(Schema.uniqueID, article.id)
        doc.addBooleanTerm(uniqueTerm)
        StoredDocument(
            kind: .article, id: article.id, title: article.title, source: article.source,
            date: article.date, authors: article.authors, url: article.url, path: article.path,
            paragraphs: article.paragraphs, captions: article.captions,
            entities: allEntities.map { EntityRef(name: $0.name, type: $0.type) }, article: nil,
            story: story?.cluster, crawled: article.crawled,
            dateIsCrawlDate: article.crawled == nil ? nil : article.dateIsCrawlDate,
            language: languages.article
        ).store(in: doc)
        result.append((uniqueTerm, doc))

        // Each caption, so pictures can be searched on their own.
        for (index, caption) in article.captions.enumerated() {
            let id = "\(article.id)#caption-\(index + 1)"
            let captionLanguage = languages.caption(index)
            try analyse(captionLanguage)
            let captionDoc = Document()
            termGenerator.document = captionDoc
            termGenerator.termPosition = 0
            // Under the caption field's prefix alone: unprefixed words are articles' only, so a
            // query of words finds articles without a filter by kind (`Schema.onlyArticlesHold`),
            // and a search of pictures reads its words with this prefix.
            termGenerator.indexText(indexable(caption.text), prefix: Schema.captionText.prefix)
            var captionPacked = FacetValuesPacking()
            addCommonTerms(
                to: captionDoc, article: article, kind: .caption, language: captionLanguage, file: file,
                packed: &captionPacked)
            captionDoc.addBooleanTerm(Schema.identifierTerm(Schema.article, article.id))
            addMultiValued(caption.credit.map { [$0] } ?? [], of: .credit, to: captionDoc, packed: &captionPacked)
            let entities = index < captionEntities.count ? captionEntities[index] : []
            addEntities(entities, to: captionDoc, packed: &captionPacked)
            captionPacked.store(in: captionDoc)
            let captionTerm = Schema.identifierTerm(Schema.uniqueID, id)
            captionDoc.addBooleanTerm(captionTerm)
            StoredDocument(
                kind: .caption, id: id, title: article.title, source: article.source,
                date: article.date, authors: article.authors, url: article.url,
                path: article.path, paragraphs: [], captions: [caption],
                entities: entities.map { EntityRef(name: $0.name, type: $0.type) },
                article: article.id, story: nil, crawled: article.crawled,
                dateIsCrawlDate: article.crawled == nil ? nil : article.dateIsCrawlDate,
                language: captionLanguage
            ).store(in: captionDoc)
            result.append((captionTerm, captionDoc))
        }
        return result
    }

    /// The terms and values every document has; its single-valued facets also go to `packed`.
    private func addCommonTerms(
        to doc: Document, article: Article, kind: DocumentKind, language: Language, file: String,
        packed: inout FacetValuesPacking
    ) {
        doc.addBooleanTerm(Schema.term(Schema.kind, kind.rawValue))
        doc.setValue(kind.rawValue, slot: Slot.kind.number)
        doc.addBooleanTerm(Schema.term(Schema.language, language.code))
        doc.setValue(language.code, slot: Slot.language.number)
        packed.append(language.code, facet: .language)
        doc.addBooleanTerm(Schema.term(Schema.source, article.source))
        doc.setValue(article.source, slot: Slot.source.number)
        packed.append(article.source, facet: .source)
        doc.addBooleanTerm(Schema.identifierTerm(Schema.file, file))
        if let date = article.date, let day = PublicationDate(iso: date) {
            doc.addBooleanTerm(Schema.term(Schema.day, day.yyyymmdd))
            doc.addBooleanTerm(Schema.term(Schema.month, day.yyyymm))
            doc.addBooleanTerm(Schema.term(Schema.year, day.yyyy))
            doc.setValue(day.yyyymmdd, slot: Slot.date.number)
            doc.setValue(day.sortable, slot: Slot.sortableDate.number)
            doc.setValue(day.yyyy, slot: Slot.year.number)
            packed.append(day.yyyy, facet: .year)
        }
    }

    private func addEntities(_ entities: [Entity], to doc: Document, packed: inout FacetValuesPacking) {
        for type in EntityType.allCases {
            let names = entities.filter { $0.type == type }.map(\.name)
            switch type {
            case .person: addMultiValued(names, of: .person, to: doc, packed: &packed)
            case .place: addMultiValued(names, of: .place, to: doc, packed: &packed)
            case .organization: addMultiValued(names, of: .organization, to: doc, packed: &packed)
            }
        }
    }

    /// Adds a boolean term for every value and puts each value in a slot of its own, up to the
    /// facet's capacity, so that built-in match spies can count it (on remote shards too); the
    /// same values go to `packed`, which a local search counts.
    private func addMultiValued(
        _ values: [String], of facet: MultiValuedFacet, to doc: Document, packed: inout FacetValuesPacking
    ) {
        var seen = Set<String>()
        var index = 0
        for value in values {
            let term = Schema.term(facet.field, value)
            guard seen.insert(term).inserted else { continue }
            doc.addBooleanTerm(term)
            if index < Slot.multiValueCapacity {
                doc.setValue(value, slot: facet.slot(index).number)
                packed.append(value, facet: facet.facet)
                facetSlotsUsed[keyPath: facet.used] = max(facetSlotsUsed[keyPath: facet.used], index + 1)
                index += 1
            }
        }
    }

    private func uniqueCredits(_ captions: [Caption]) -> [String] {
        var credits: [String] = []
        for caption in captions {
            if let credit = caption.credit, !credits.contains(credit) { credits.append(credit) }
        }
        return credits
    }
}
