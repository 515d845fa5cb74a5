// Where a hit or a shown document comes from is said once: a picture's article is usually the
// file it came from, and an article's id usually is its file.
import Foundation
import TestSupport
import Testing

@Suite struct DocumentPathTests {
    let ws: Workspace

    init() throws {
        ws = Workspace()
        // A picture in a JSON Lines article, whose id is not its file.
        let line = #"{"id": "wire-1", "title": "Harbour reopens", "body": "The harbour reopened.", "captions": [{"text": "Boats in the harbour at dawn", "credit": "Reuters"}]}"#
        ws.write("corpus/WIRE/feed.jsonl", Array((line + "\n").utf8))
        _ = try ws.indexed()
    }

    func occurrences(of text: String, in output: String) -> Int {
        output.components(separatedBy: text).count - 1
    }

    @Test func aPictureHitNamesItsFileOnce() throws {
        let result = try runNewsdex(["search", "--db", ws.index, "--kind", "caption", "parade ground"])
        #expect(result.status == 0)
        #expect(occurrences(of: Seeds.lbcPath, in: result.stdout) == 1, "\(result.stdout)")
        // Its article is named when it is not the file.
        let wire = try runNewsdex(["search", "--db", ws.index, "--kind", "caption", "boats"])
        #expect(wire.stdout.contains("WIRE/feed.jsonl · in wire-1"), "\(wire.stdout)")
    }

    @Test func showNamesAFileOnce() throws {
        let article = try runNewsdex(["show", "--db", ws.index, Seeds.lbcPath])
        #expect(article.status == 0)
        #expect(occurrences(of: Seeds.lbcPath, in: article.stdout) == 1, "\(article.stdout)")

        let picture = try runNewsdex(["show", "--db", ws.index, Seeds.lbcPath + "#caption-3"])
        #expect(picture.status == 0)
        #expect(picture.stdout.contains("\(Seeds.lbcPath)#caption-3\n"), "\(picture.stdout)")
        #expect(occurrences(of: Seeds.lbcPath, in: picture.stdout) == 2, "the id and the article: \(picture.stdout)")

        let wire = try runNewsdex(["show", "--db", ws.index, "wire-1#caption-1"])
        #expect(wire.stdout.contains("wire-1#caption-1 · WIRE/feed.jsonl\n"), "\(wire.stdout)")
        #expect(wire.stdout.contains("picture in wire-1\n"))
    }
}
