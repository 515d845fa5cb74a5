// Issue 20, the corpus: special files, links, folders and names that are not UTF-8 are indexed
// or reported (and counted by `check`), a huge id or a wrong JSON type is a rejection naming the
// line, two files with one id keep one, and a newline in a file name stays on one line.
import Foundation
import Testing
import TestSupport

#if canImport(Glibc)
    import Glibc
#endif

@Suite(.timeLimit(.minutes(5))) struct HostileCorpusTests {
    @Test func specialFilesLinksFoldersAndNonUTF8NamesAreIndexedOrReportedAndCheckCountsThem() throws {
        let ws = Workspace()
        let folder = ws.url.appendingPathComponent("corpus/AFP")
        #expect(mkfifo(folder.appendingPathComponent("fifo.txt").path, 0o644) == 0)
        #expect(symlink(Seeds.afpPath.split(separator: "/").last.map(String.init)!, folder.appendingPathComponent("link.txt").path) == 0)
        #expect(symlink("nowhere.txt", folder.appendingPathComponent("broken.txt").path) == 0)
        #expect(symlink("../LBC", folder.appendingPathComponent("lbc-link").path) == 0)
        ws.write("corpus/AFP/folder.txt/inside.txt", Array("Inside a folder\nA harbour story.\n".utf8))
        // A name that is not UTF-8: written through the file system's bytes.
        let badName = Array(folder.path.utf8) + Array("/bad".utf8) + [0xFF] + Array(".txt".utf8) + [0]
        let fd = badName.withUnsafeBufferPointer { bytes in
            bytes.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) }
        }
        #expect(fd >= 0)
        _ = write(fd, "Bad name\nA story.\n", 18)
        close(fd)

        let index = try runBounded(["index", ws.corpus, "--db", ws.index])
        #expect(index.status == 3, "\(index.summary)")
        for expected in [
            "rejected AFP/fifo.txt: not a regular file (a FIFO); not read",
            "rejected AFP/broken.txt: a symbolic link to nothing; not read",
            "rejected AFP/lbc-link: a symbolic link to a folder; links to folders are not followed",
            "rejected AFP/bad\u{FFFD}.txt: the name is not valid UTF-8; rename the file to index it",
            "warning: AFP/folder.txt: a folder named like an article file; the files in it are read",
        ] {
            #expect(index.stderr.contains(expected), "\(expected) in \(index.stderr)")
        }
        let ids = try runBounded(["search", "--db", ws.index, "--all-copies", "--format", "ids", "--source", "AFP"])
        // The link is read as the file it names; the folder's article is read.
        #expect(Set(ids.stdout.split(separator: "\n")) == [Substring(Seeds.afpPath), "AFP/link.txt", "AFP/folder.txt/inside.txt"])

        let check = try runBounded(["check", ws.corpus, "--db", ws.index])
        #expect(check.status == 0, "\(check.summary)")
        #expect(check.stderr.contains("(5 skipped, listed above)"), "\(check.stderr)")
        #expect(check.stderr.contains("skipped AFP/fifo.txt: not a regular file (a FIFO)"))
        let json = try runBounded(["check", ws.corpus, "--db", ws.index, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect((report["skipped"] as? [[String: Any]])?.count == 5)

        // A FIFO named directly is rejected at once, never read.
        let parse = try runBounded(["parse", folder.appendingPathComponent("fifo.txt").path])
        #expect(parse.status == 3, "\(parse.summary)")
        #expect(parse.stderr.contains("not a regular file (a FIFO)"))
    }

    @Test func aJSONLineWithAHugeIdIsRejectedAndTheGoodLinesBesideItIndexed() throws {
        let ws = Workspace()
        let huge = String(repeating: "x", count: 1 << 20)
        ws.write("corpus/Wire/feed.jsonl", Array("""
            {"id": "\(huge)", "title": "Huge id", "body": "troops"}
            {"id": "w2", "title": "Good line", "body": "A harbour reopened."}

            """.utf8))
        let result = try runBounded(["index", ws.corpus, "--db", ws.index])
        #expect(result.status == 3, "\(result.summary)")
        #expect(result.stderr.contains("Wire/feed.jsonl:1: the id is 1048576 bytes long; an id is at most 1024 bytes"))
        #expect(try runBounded(["show", "--db", ws.index, "w2"]).stdout.contains("Good line"))
    }

    @Test func aFieldOfTheWrongTypeIsARejectionNamingTheLineAndTheField() throws {
        let ws = Workspace(seeds: false)
        ws.write("corpus/Wire/feed.jsonl", Array("""
            {"id": "w1", "title": "Good", "body": "troops"}
            {"id": "w2", "title": "Captions", "body": "troops", "captions": "a string"}
            {"id": "w3", "title": "Date", "body": "troops", "date": {"day": 1}}
            {"id": true, "title": "Id", "body": "troops"}
            {"id": "w5", "title": "Caption item", "body": "troops", "captions": [{"text": "A ship", "credit": 7}]}
            {"id": "w6", "title": ["T"], "body": "troops"}

            """.utf8))
        let result = try runBounded(["index", ws.corpus, "--db", ws.index])
        #expect(result.status == 3, "\(result.summary)")
        for expected in [
            "Wire/feed.jsonl:2: field \"captions\" must be an array, not a string",
            "Wire/feed.jsonl:3: field \"date\" must be a string, not an object",
            "Wire/feed.jsonl:4: field \"id\" must be a string or a number, not a boolean",
            "Wire/feed.jsonl:5: field \"captions[0].credit\" must be a string, not a number",
            "Wire/feed.jsonl:6: field \"title\" must be a string or a number, not an array",
        ] {
            #expect(result.stderr.contains(expected), "\(expected) in \(result.stderr)")
        }
        #expect(result.stderr.contains("1 added"))
    }

    @Test func twoFilesWithOneIdKeepTheFirstFilesArticleAndSaySo() throws {
        let ws = Workspace(seeds: false)
        let line = { (title: String) in Array("{\"id\": \"c1\", \"title\": \"\(title)\", \"body\": \"troops\"}\n".utf8) }
        ws.write("corpus/Wire/b.jsonl", line("From b"))
        ws.write("corpus/Wire/a.jsonl", line("From a") + line("From a again"))
        for jobs in ["1", "2"] {
            let result = try runBounded(["index", ws.corpus, "--db", ws.index, "--rebuild", "--jobs", jobs])
            #expect(result.status == 3, "\(result.summary)")
            #expect(result.stderr.contains("Wire/a.jsonl:2: duplicate id \"c1\": line 1 has it and is indexed; this line is not"))
            #expect(result.stderr.contains("Wire/b.jsonl: duplicate id \"c1\": Wire/a.jsonl has it and is indexed; this article is not"))
            let ids = try runBounded(["search", "--db", ws.index, "--all-copies", "--format", "ids", "troops"])
            #expect(ids.stdout == "c1\n")
            #expect(try runBounded(["show", "--db", ws.index, "c1"]).stdout.hasPrefix("From a\n"))
        }
        // An incremental run that adds a file with the id already indexed: the first file still wins.
        ws.write("corpus/Wire/0.jsonl", line("From 0"))
        let update = try runBounded(["index", ws.corpus, "--db", ws.index])
        #expect(update.stderr.contains("Wire/a.jsonl: duplicate id \"c1\": Wire/0.jsonl has it"), "\(update.stderr)")
        #expect(try runBounded(["show", "--db", ws.index, "c1"]).stdout.hasPrefix("From 0\n"))
        #expect(try runBounded(["search", "--db", ws.index, "--all-copies", "--format", "ids", "troops"]).stdout == "c1\n")
    }

    @Test func aNewlineInAFileNameIsEscapedInLineFormatsAndShowAcceptsIt() throws {
        let ws = Workspace(seeds: false)
        ws.write("corpus/Wire/two\nlines.txt", Array("Split name\nA story about troops.\n".utf8))
        ws.write("corpus/Wire/tab\there.txt", Array("Tab name\nAnother story about troops.\n".utf8))
        _ = try runBounded(["index", ws.corpus, "--db", ws.index])
        let ids = try runBounded(["search", "--db", ws.index, "--all-copies", "--format", "ids", "troops"])
        #expect(Set(ids.stdout.split(separator: "\n")) == ["Wire/two\\nlines.txt", "Wire/tab\\there.txt"], "\(ids.stdout)")
        for id in ids.stdout.split(separator: "\n") {
            let shown = try runBounded(["show", "--db", ws.index, String(id)])
            #expect(shown.status == 0, "\(id): \(shown.summary)")
        }
        let text = try runBounded(["search", "--db", ws.index, "--all-copies", "troops"])
        #expect(text.stdout.contains("Wire/two\\nlines.txt"))
        // JSON keeps the name as it is.
        let json = try runBounded(["search", "--db", ws.index, "--all-copies", "--format", "jsonl", "troops"])
        #expect(json.stdout.contains("\"id\":\"Wire/two\\nlines.txt\""), "\(json.stdout)")
    }

    @Test func manyIdenticalBodiesAreClusteredAsOneStory() throws {
        let ws = Workspace(seeds: false)
        let body = "The same wire story about troops at the border, run word for word by every outlet."
        let lines = (0..<2_000).map { "{\"id\": \"d\($0)\", \"title\": \"Copy \($0)\", \"body\": \"\(body)\"}" }
        ws.write("corpus/Wire/copies.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))
        let result = try runBounded(["index", ws.corpus, "--db", ws.index, "--quiet"])
        #expect(result.status == 0, "\(result.summary)")
        let search = try runBounded(["search", "--db", ws.index, "--format", "json", "troops"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(search.stdout.utf8)) as? [String: Any])
        let hits = try #require(object["results"] as? [[String: Any]])
        #expect(hits.count == 1 && hits.first?["copy_count"] as? Int == 1_999)
    }
}
