import Testing
import Xapian

@Suite struct DocumentTests {
    @Test func dataValuesAndTerms() throws {
        let doc = Document()
        #expect(try doc.id == 0)
        doc.setData("héllo")
        #expect(try doc.data == "héllo")
        doc.setData([0, 1, 255])
        #expect(try doc.dataBytes == [0, 1, 255])
        doc.setValue("2024", slot: 1)
        doc.setValue([0, 0xFF], slot: 2)
        #expect(try doc.stringValue(slot: 1) == "2024")
        #expect(try doc.value(slot: 2) == [0, 0xFF])
        #expect(try doc.value(slot: 9) == [])

        doc.addTerm("fox", wdfIncrement: 2)
        doc.addPosting("fox", position: 3)
        doc.addBooleanTerm("XSAFP")
        doc.addTerm("")  // ignored: Xapian rejects empty terms
        #expect(try doc.terms == ["XSAFP", "fox"])
        #expect(try doc.termList().map(\.wdf) == [0, 3])
        try doc.removeTerm("fox")
        #expect(try doc.terms == ["XSAFP"])
        #expect { try doc.removeTerm("fox") } throws: { ($0 as? XapianError)?.code == .invalidArgument }
    }

    @Test func documentReadFromDatabaseOutlivesLocalReference() throws {
        try withTemporaryDirectory { dir in
            try makeDatabase(at: dir + "/db", texts: ["kept alive"]).close()
            // The database object is only referenced by the document here.
            let doc = try Database(path: dir + "/db").document(1)
            #expect(try doc.id == 1)
            #expect(try doc.data == "kept alive")
            #expect(try doc.terms.contains("kept"))
        }
    }
}
