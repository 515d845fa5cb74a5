import Foundation
import Testing
import Xapian

@Suite struct WritableDatabaseTests {
    @Test func secondWriterIsLocked() throws {
        try withTemporaryDirectory { dir in
            let first = try WritableDatabase(path: dir + "/db")
            var locked = false
            do {
                _ = try WritableDatabase(path: dir + "/db")
            } catch XapianError.databaseLocked {
                locked = true
            }
            #expect(locked)
            try first.close()
            // Once closed, the lock is free again.
            _ = try WritableDatabase(path: dir + "/db")
        }
    }

    @Test func openModes() throws {
        try withTemporaryDirectory { dir in
            #expect { try WritableDatabase(path: dir + "/db", mode: .open) } throws: {
                ($0 as? XapianError)?.code == .databaseNotFound
            }
            try makeDatabase(at: dir + "/db", texts: ["a", "b"]).close()
            #expect { try WritableDatabase(path: dir + "/db", mode: .create) } throws: { $0 is XapianError }
            // Each writer is closed before the next opens: when ARC releases a temporary is not
            // promised, and a writer still alive holds the lock (the suite once failed so, loaded).
            let opened = try WritableDatabase(path: dir + "/db", mode: .open)
            #expect(try opened.documentCount == 2)
            try opened.close()
            let overwritten = try WritableDatabase(path: dir + "/db", mode: .createOrOverwrite)
            #expect(try overwritten.documentCount == 0)
            try overwritten.close()
        }
    }

    @Test func replaceAndDeleteByUniqueTerm() throws {
        try withTemporaryDirectory { dir in
            let db = try WritableDatabase(path: dir + "/db")
            func article(_ id: String, _ body: String) -> Document {
                let doc = Document()
                doc.addBooleanTerm("Q" + id)
                doc.setData(body)
                return doc
            }
            let first = try db.replace(uniqueTerm: "Qa1", with: article("a1", "draft"))
            let again = try db.replace(uniqueTerm: "Qa1", with: article("a1", "final"))
            #expect(first == again)
            try db.add(article("a2", "other"))
            try db.commit()
            #expect(try db.documentCount == 2)
            #expect(try db.document(first).data == "final")

            try db.replace(first, with: article("a1", "by id"))
            #expect(try db.document(first).data == "by id")
            try db.delete(uniqueTerm: "Qa2")
            try db.delete(uniqueTerm: "Qnone")
            #expect(try db.documentCount == 1)
            try db.delete(first)
            #expect(try db.documentCount == 0)
            #expect { try db.delete(first) } throws: { ($0 as? XapianError)?.code == .documentNotFound }
        }
    }

    @Test func cancelledTransactionIsDiscarded() throws {
        try withTemporaryDirectory { dir in
            let db = try WritableDatabase(path: dir + "/db")
            try db.beginTransaction()
            try db.add(Document())
            try db.setMetadata("k", "v")
            try db.cancelTransaction()
            #expect(try db.documentCount == 0)
            #expect(try db.metadata("k") == "")

            try db.beginTransaction(flushed: false)
            try db.add(Document())
            #expect { try db.beginTransaction() } throws: { ($0 as? XapianError)?.code == .invalidOperation }
            try db.commitTransaction()
            #expect(try db.documentCount == 1)
            #expect { try db.commitTransaction() } throws: { ($0 as? XapianError)?.code == .invalidOperation }
        }
    }

    @Test func closeCommitsPendingChanges() throws {
        try withTemporaryDirectory { dir in
            let db = try WritableDatabase(path: dir + "/db")
            try db.add(Document())
            try db.close()
            #expect(try Database(path: dir + "/db").documentCount == 1)
        }
    }
}
