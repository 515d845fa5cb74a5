import Foundation
import Testing
import Xapian
@testable import Newsdex

/// Checks the schema table against what DocumentBuilder writes, field by field, so that neither
/// can change without the other (and the README's table, checked against the schema, with them).
@Suite struct DocumentBuilderTests {
    let scratch: TemporaryDirectory
    /// The documents of one article that has every field: the article, then its two captions.
    let documents: [(kind: DocumentKind, document: Document)]

    init() throws {
        scratch = try TemporaryDirectory()
        let database = try WritableDatabase(path: scratch.path("db").path, mode: .createOrOverwrite)
        let article = Article(
            id: "AFP/harbour.txt", source: "AFP", title: "Ships leave the harbour at dawn",
            date: "2024-10-18T14:30", authors: ["Ann Lee"], url: "https://example.com/harbour",
            paragraphs: [
                "Vladimir Putin watched as ships left Odesa harbour, NATO officials said on Friday.",
                "The convoy of grain ships sailed under escort towards the Bosphorus strait.",
            ],
            captions: [
                Caption(text: "Ships in the harbour at dawn.", credit: "Alamy"),
                Caption(text: "Grain is loaded onto a ship.", credit: "Reuters"),
            ],
            path: "AFP/harbour.txt")
        let entities = [
            Entity(name: "Vladimir Putin", type: .person), Entity(name: "Odesa", type: .place),
            Entity(name: "NATO", type: .organization),
        ]
        let prepared = PreparedArticle(
            article: article, entities: ArticleEntities(text: entities, captions: [entities, entities]),
            fingerprint: StoryFingerprint(article: article))
        let built = try DocumentBuilder(database: database).documents(
            for: prepared, file: "AFP/harbour.txt", story: StoryAssignment(cluster: "0123456789abcdef"))
        documents = built.map { pair in
            (try! StoredDocument(of: pair.1).kind, pair.1)
        }
    }

    /// The field a term belongs to: the one with the longest prefix it starts with, for terms
    /// that start with a capital (unprefixed terms are lowercase; Z marks stemmed forms).
    func field(of term: String) -> Field? {
        guard let first = term.unicodeScalars.first, first.properties.isUppercase, first != "Z" else { return nil }
        return Schema.fields.filter { term.hasPrefix($0.prefix) }.max { $0.prefix.count < $1.prefix.count }
    }

    @Test func theBuilderWritesOneArticleAndEachCaption() {
        #expect(documents.map(\.kind) == [.article, .caption, .caption])
    }

    @Test(arguments: Schema.fields)
    func everyFieldIsWrittenExactlyWhereTheSchemaSays(_ field: Field) throws {
        for (kind, document) in documents {
            let terms = try document.termList().filter { self.field(of: $0.term) == field }
            let context = Comment(rawValue: "\(field.prefix) in a \(kind.rawValue)")
            if field.kinds.contains(kind) {
                #expect(!terms.isEmpty, context)
                switch field.indexing {
                // Boolean terms carry no within-document frequency; free text counts its words.
                case .boolean: #expect(terms.allSatisfy { $0.wdf == 0 }, context)
                case .freeText: #expect(terms.allSatisfy { $0.wdf > 0 }, context)
                }
                if let slot = field.slot {
                    #expect(try !document.stringValue(slot: slot.number).isEmpty, context)
                }
            } else {
                #expect(terms.isEmpty, context)
                if let slot = field.slot {
                    #expect(try document.stringValue(slot: slot.number).isEmpty, context)
                }
            }
        }
    }

    @Test func everyPrefixedTermBelongsToAFieldOfTheSchema() throws {
        for (_, document) in documents {
            for (term, _) in try document.termList() {
                guard let first = term.unicodeScalars.first, first.properties.isUppercase, first != "Z" else { continue }
                #expect(field(of: term) != nil, "\(term) has no field in the schema")
            }
        }
    }

    @Test func aPictureHoldsNoTermThatOnlyArticlesHold() throws {
        for (kind, document) in documents where kind == .caption {
            for (term, _) in try document.termList() {
                #expect(!Schema.onlyArticlesHold(term: term), "\(term) is in a picture")
            }
        }
        // An article's own terms: its words (unprefixed) and those of fields only articles have,
        // each also stemmed (Z).
        for (term, _) in try documents[0].document.termList() {
            let unstemmed = term.hasPrefix("Z") ? String(term.dropFirst()) : term
            let own = field(of: unstemmed).map { $0.kinds == [.article] } ?? true
            #expect(Schema.onlyArticlesHold(term: term) == own, "\(term)")
        }
    }

    @Test func booleanValuesAreWrittenThroughSchemaTerm() throws {
        let article = try documents[0].document.terms
        #expect(article.contains(Schema.term(Schema.person, "Vladimir Putin")))
        #expect(article.contains(Schema.term(Schema.source, "AFP")))
        #expect(article.contains(Schema.term(Schema.day, "20241018")))
        #expect(article.contains(Schema.term(Schema.story, "0123456789abcdef")))
        #expect(article.contains(Schema.identifierTerm(Schema.uniqueID, "AFP/harbour.txt")))
    }
}
