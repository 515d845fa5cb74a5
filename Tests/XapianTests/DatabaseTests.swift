import Foundation
import Testing
@testable import Xapian

@Suite struct DatabaseTests {
    @Test func missingDatabaseIsNotFound() throws {
        try withTemporaryDirectory { dir in
            #expect { try Database(path: dir + "/absent") } throws: { ($0 as? XapianError)?.code == .databaseNotFound }
        }
    }

    @Test func countsTermsAndPostings() throws {
        try withTemporaryDirectory { dir in
            let db = try makeDatabase(at: dir + "/db", texts: ["the quick fox", "a lazy dog", "fox and dog"])
            let reader = try Database(path: dir + "/db")
            #expect(try reader.documentCount == 3)
            #expect(try reader.lastDocumentID == 3)
            #expect(try reader.termFrequency("fox") == 2)
            #expect(try reader.termExists("dog"))
            #expect(try !reader.termExists("cat"))
            #expect(try reader.postings("dog") == [2, 3])
            #expect(try reader.postings("cat") == [])
            let zTerms = try reader.allTerms(prefix: "Zd")
            #expect(zTerms.map(\.term) == ["Zdog"])
            #expect(zTerms.first?.frequency == 2)
            #expect(try reader.document(1).data == "the quick fox")
            #expect { try reader.document(99) } throws: { ($0 as? XapianError)?.code == .documentNotFound }
            try db.close()
        }
    }

    @Test func reopenSeesNewCommits() throws {
        try withTemporaryDirectory { dir in
            let writer = try makeDatabase(at: dir + "/db", texts: ["one"])
            let reader = try Database(path: dir + "/db")
            try writer.add(Document())
            try writer.commit()
            #expect(try reader.documentCount == 1)
            #expect(try reader.reopen())
            #expect(try reader.documentCount == 2)
        }
    }

    @Test func stubFileAndShardsCombineCounts() throws {
        try withTemporaryDirectory { dir in
            _ = try makeDatabase(at: dir + "/a", texts: ["alpha", "beta"])
            _ = try makeDatabase(at: dir + "/b", texts: ["gamma"])
            let stub = dir + "/stub"
            try "auto \(dir)/a\nauto \(dir)/b\n".write(toFile: stub, atomically: true, encoding: .utf8)
            #expect(try Database(path: stub).documentCount == 3)
            let combined = try Database(shards: [try Database(path: dir + "/a"), try Database(path: dir + "/b")])
            #expect(try combined.documentCount == 3)
            #expect(try combined.termFrequency("gamma") == 1)
        }
    }

    @Test func valueFrequencyCountsTheDocumentsWithAValueInASlot() throws {
        try withTemporaryDirectory { dir in
            let writer = try WritableDatabase(path: dir + "/db")
            for value in ["a", "", "b", "a"] {
                let document = Document()
                if !value.isEmpty { document.setValue(value, slot: 5) }
                try writer.add(document)
            }
            try writer.commit()
            let reader = try Database(path: dir + "/db")
            #expect(try reader.valueFrequency(slot: 5) == 3)
            #expect(try reader.valueFrequency(slot: 6) == 0)
            #expect { try { try reader.close(); return try reader.valueFrequency(slot: 5) }() } throws: {
                ($0 as? XapianError)?.code == .database
            }
        }
    }

    @Test func metadataIsEmptyUntilSet() throws {
        try withTemporaryDirectory { dir in
            let db = try WritableDatabase(path: dir + "/db")
            #expect(try db.metadata("schema") == "")
            try db.setMetadata("schema", "3")
            try db.commit()
            #expect(try Database(path: dir + "/db").metadata("schema") == "3")
            #expect { try db.metadata("") } throws: { ($0 as? XapianError)?.code == .invalidArgument }
        }
    }

    @Test func spellingSuggestionComesFromIndexedWords() throws {
        try withTemporaryDirectory { dir in
            let db = try WritableDatabase(path: dir + "/db")
            let generator = TermGenerator()
            generator.database = db
            generator.spelling = true
            generator.indexText("government announces budget")
            try db.add(generator.document)
            try db.addSpelling("parliament")
            try db.commit()
            #expect(try db.spellingSuggestion(for: "goverment") == "government")
            #expect(try db.spellingSuggestion(for: "parliment") == "parliament")
            #expect(try db.spellingSuggestion(for: "zzzzzz") == nil)
        }
    }

    @Test func corruptedTableThrowsInsteadOfCrashing() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db"
            try makeDatabase(at: path, texts: (0..<200).map { "document number \($0) about fox \($0 * 7)" }).close()
            // Overwrite the postlist table with garbage, keeping its size.
            let table = path + "/postlist.glass"
            let size = try FileManager.default.attributesOfItem(atPath: table)[.size] as! Int
            try Data(repeating: 0xA5, count: size).write(to: URL(fileURLWithPath: table))
            do {
                let db = try Database(path: path)
                _ = try db.postings("fox")
                let enquire = Enquire(database: db)
                enquire.query = Query(term: "fox")
                _ = try enquire.matchSet(limit: 10)
                Issue.record("reading a corrupted table did not throw")
            } catch let error as XapianError {
                #expect([.databaseCorrupt, .databaseOpening, .database].contains(error.code))
            }
        }
    }

    @Test func remoteConnectionToClosedPortFailsFast() throws {
        let start = Date()
        #expect {
            try Database.remote(host: "127.0.0.1", port: 1, timeout: 2, connectTimeout: 2)
        } throws: { [.network, .networkTimeout].contains(($0 as? XapianError)?.code) }
        #expect(Date().timeIntervalSince(start) < 5)
    }

    /// `inf` and `1e308` trapped converting to milliseconds; `1e-9` rounded to 0, which Xapian
    /// reads as no timeout at all.
    @Test func anyTimeoutConvertsToMillisecondsWithoutTrappingOrBecomingNone() throws {
        #expect(try Database.milliseconds(0) == 0)
        #expect(try Database.milliseconds(1e-9) == 1)
        #expect(try Database.milliseconds(2.5) == 2500)
        #expect(try Database.milliseconds(.infinity) == UInt32.max)
        #expect(try Database.milliseconds(1e308) == UInt32.max)
        for bad in [-1, -Double.infinity, Double.nan] {
            #expect { try Database.milliseconds(bad) } throws: { ($0 as? XapianError)?.code == .invalidArgument }
        }
        #expect { try Database.remote(host: "127.0.0.1", port: 1, timeout: .nan) } throws: {
            ($0 as? XapianError)?.code == .invalidArgument
        }
    }

    @Test func closedDatabaseThrowsDatabaseError() throws {
        try withTemporaryDirectory { dir in
            _ = try makeDatabase(at: dir + "/db", texts: ["x"])
            let db = try Database(path: dir + "/db")
            try db.close()
            #expect { try db.postings("x") } throws: { ($0 as? XapianError)?.code == .database }
        }
    }

    /// Counts, lookups and suggestions that fail throw, as GRDB's do: none of them answers 0,
    /// false or nil for a database it could not read.
    @Test func everyGetterOfAClosedDatabaseThrowsRatherThanAnswering() throws {
        try withTemporaryDirectory { dir in
            let writer = try makeDatabase(at: dir + "/db", texts: ["the fox"])
            try writer.addSpelling("fox")
            try writer.close()
            let db = try Database(path: dir + "/db")
            let document = try db.document(1)
            try db.close()
            func closed(_ error: any Error) -> Bool { (error as? XapianError)?.code == .database }
            // (Glass keeps the document count, last id and revision in memory once open, so
            // those still answer; over the network they are read, and may throw.)
            #expect { try db.termFrequency("fox") } throws: { closed($0) }
            #expect { try db.spellingSuggestion(for: "fux") } throws: { closed($0) }
            // A document read before the close reads its data lazily, from the closed database.
            #expect { try document.data } throws: { closed($0) }
            #expect { try document.termList() } throws: { closed($0) }
        }
    }

    @Test func errorsCarryTheSystemErrorBehindThem() throws {
        try withTemporaryDirectory { dir in
            #expect { try Database(path: dir + "/absent") } throws: { ($0 as? XapianError)?.systemError == ENOENT }
            // A database Xapian cannot write is EACCES for anyone but root; a file where a folder
            // should be is ENOTDIR for everyone.
            try Data().write(to: URL(fileURLWithPath: dir + "/file"))
            #expect { try WritableDatabase(path: dir + "/file/db", mode: .createOrOpen) } throws: {
                guard let error = $0 as? XapianError else { return false }
                return error.systemError == ENOTDIR && error.context.isEmpty
            }
        }
    }

    @Test func consistencyCheckPassesASoundDatabaseAndFindsACutTable() throws {
        try withTemporaryDirectory { dir in
            let path = dir + "/db"
            try makeDatabase(at: path, texts: (0..<2000).map { "document \($0) about the fox number \($0 * 7)" }).close()
            #expect(try Database.checkConsistency(at: path).problems == 0)
            #expect(try Database(path: path).revision > 0)
            let table = path + "/postlist.glass"
            let size = try FileManager.default.attributesOfItem(atPath: table)[.size] as! Int
            #expect(size >= 4 * 8192)
            let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: table))
            try handle.truncate(atOffset: UInt64(size / 2))
            try handle.close()
            do {
                let result = try Database.checkConsistency(at: path)
                #expect(result.problems > 0, "a table cut to half passed the check")
            } catch let error as XapianError {
                #expect([.databaseCorrupt, .database].contains(error.code))
            }
            #expect { try Database.checkConsistency(at: dir + "/absent") } throws: { $0 is XapianError }
        }
    }
}
