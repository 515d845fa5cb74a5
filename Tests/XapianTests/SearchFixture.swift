// A small indexed corpus shared by the search tests: free text, a source filter, a date and a
// numeric value per document.
import Xapian

enum Slot {
    static let date: ValueSlot = 0
    static let words: ValueSlot = 1
    static let source: ValueSlot = 2
}

struct Article {
    let text: String
    let source: String
    let date: String  // YYYYMMDD
    let words: Double
}

let articles = [
    Article(text: "The prime minister announced a new budget for schools", source: "AFP", date: "20240105", words: 300),
    Article(text: "Floods hit the northern region after heavy rain", source: "Reuters", date: "20240212", words: 120),
    Article(text: "Budget talks collapse as ministers disagree", source: "AFP", date: "20240301", words: 800),
    Article(text: "Heavy rain expected again; the minister urges caution", source: "AP", date: "20240315", words: 50),
]

/// Indexes `articles` into a new database at `path` the way a news indexer would.
func makeNewsDatabase(at path: String) throws -> WritableDatabase {
    let db = try WritableDatabase(path: path, mode: .createOrOverwrite)
    let generator = TermGenerator()
    generator.stemmer = try Stem(language: "english")
    generator.stopper = .english
    for article in articles {
        let doc = Document()
        generator.document = doc
        generator.indexText(article.text)
        // Omega's convention, which QueryParser follows: ':' after the prefix before a capital.
        doc.addBooleanTerm("XS:" + article.source)
        doc.setValue(article.date, slot: Slot.date)
        doc.setValue(sortableSerialise(article.words), slot: Slot.words)
        doc.setValue(article.source, slot: Slot.source)
        doc.setData(article.text)
        try db.add(doc)
    }
    try db.commit()
    return db
}

func newsParser(_ db: Database) throws -> QueryParser {
    let parser = QueryParser()
    parser.stemmer = try Stem(language: "english")
    parser.stopper = .english
    parser.database = db
    parser.addBooleanPrefix("source", "XS")
    parser.add(.date(slot: Slot.date, prefix: "date:"))
    parser.add(.number(slot: Slot.words, suffix: "words"))
    return parser
}

func ids(_ matches: MatchSet) -> [DocumentID] { matches.map(\.id) }
