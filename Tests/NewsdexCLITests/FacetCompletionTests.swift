// Facet values completed by the binary's completion entry point, as the shells' scripts call it:
// `newsdex ---completion SUBCOMMAND -- OPTION WORD-INDEX CURSOR-INDEX WORD...`.
import Foundation
import Testing

@Suite struct FacetCompletionTests {
    let ws: Workspace

    init() throws {
        ws = Workspace(seeds: false)
        let article = #"{"id": "w1", "title": "Talks resume", "date": "2000-07-11", "body": "Palestinian leader Yasser Arafat met Israeli Prime Minister Ehud Barak on Tuesday. Later Arafat flew to São Paulo."}"#
        ws.write("corpus/WIRE/feed.jsonl", Array((article + "\n").utf8))
        _ = try ws.indexed()
    }

    /// What newsdex offers for the last of `words`, the cursor at its end.
    func complete(_ option: String, _ words: [String], command: String = "search") throws -> [String] {
        let line = ["newsdex", command, "--db", ws.index] + words
        let result = try runNewsdex(
            ["---completion", command, "--", option, String(line.count - 1), String(line.last!.count)] + line)
        #expect(result.status == 0, "\(result.stderr)")
        return result.stdout.split(separator: "\n").map(String.init)
    }

    @Test func valuesMatchIgnoringCaseAndAccents() throws {
        #expect(try complete("--person", ["--person", "yas"]) == ["Yasser Arafat"])
        #expect(try complete("--person", ["troops", "--person", "YASSER A"]) == ["Yasser Arafat"])
        #expect(try complete("--place", ["--place", "são p"], command: "facets") == ["Sao Paulo"])
        #expect(try Set(complete("--person", ["--person", ""])) == ["Yasser Arafat", "Ehud Barak"])
        #expect(try complete("--person", ["--person", "xyz"]).isEmpty)
    }

    @Test func quotesAndEscapesAsTypedAreUnderstood() throws {
        #expect(try complete("--person", ["--person", "\"yasser a"]) == ["Yasser Arafat"])
        #expect(try complete("--person", ["--person", "'Yasser Arafat'"]) == ["Yasser Arafat"])
        #expect(try complete("--person", ["--person", #"yasser\ ar"#]) == ["Yasser Arafat"])
    }
}
