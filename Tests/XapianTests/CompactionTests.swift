import Testing
import Xapian

@Suite struct CompactionTests {
    @Test func compactedCopyHasSameContents() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            try db.compact(to: dir + "/compact")
            try db.compact(to: dir + "/single.glass", singleFile: true, multipass: true)
            for path in [dir + "/compact", dir + "/single.glass"] {
                let copy = try Database(path: path)
                #expect(try copy.documentCount == db.documentCount)
                #expect(try copy.termFrequency("Zbudget") == db.termFrequency("Zbudget"))
                #expect(try copy.allTerms().count == db.allTerms().count)
            }
        }
    }

    @Test func compactingIntoUnwritablePathThrows() throws {
        try withTemporaryDirectory { dir in
            let db = try makeNewsDatabase(at: dir + "/db")
            #expect { try db.compact(to: "/proc/nonexistent/x") } throws: { $0 is XapianError }
        }
    }
}
