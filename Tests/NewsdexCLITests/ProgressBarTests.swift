// `newsdex index`'s progress bar on a pseudo-terminal (from `script`) of a given width.
import Foundation
import Testing

@Suite struct ProgressBarTests {
    /// What a command line writes to a pseudo-terminal `columns` wide.
    func onTerminal(_ command: String, columns: Int) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/script")
        process.arguments = ["-qec", "stty cols \(columns) rows 24; \(command)", "/dev/null"]
        let out = Pipe()
        process.standardOutput = out
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self)
    }

    /// A corpus of the seeds and a JSON Lines file of three more articles.
    func workspace() -> Workspace {
        let ws = Workspace()
        let lines = (1...3).map { n in
            #"{"id": "wire-\#(n)", "title": "Harbour news \#(n)", "date": "2024-11-0\#(n)", "body": "The harbour reopened, day \#(n)."}"#
        }
        ws.write("corpus/WIRE/feed.jsonl", Array((lines.joined(separator: "\n") + "\n").utf8))
        return ws
    }

    /// The progress lines drawn before the summary, as the terminal shows each: escapes left out.
    func redraws(_ output: String) throws -> (drawn: [String], rest: String) {
        let summary = try #require(output.range(of: "indexed "), "no summary in \(output.debugDescription)")
        let before = output[..<summary.lowerBound]
        // Redrawn in place: not one line break before the summary takes the line.
        #expect(!before.contains("\n"), "\(before.debugDescription)")
        let drawn = before.split(separator: "\r").map {
            $0.replacingOccurrences(of: "\u{1B}[K", with: "")
        }.filter { !$0.isEmpty }
        return (drawn, String(output[summary.lowerBound...]))
    }

    @Test(arguments: [50, 200]) func fitsTheWidthAndRedrawsOneLine(columns: Int) throws {
        let ws = workspace()
        let bin = newsdexExecutable().path
        let output = try onTerminal("\(bin) index \(ws.corpus) --db \(ws.index) --jobs 2", columns: columns)
        let (drawn, rest) = try redraws(output)
        for line in drawn {
            #expect(line.count <= columns - 1, "\(line.debugDescription) is wider than \(columns - 1) columns")
        }
        // Articles counted, a bar while indexing, then what the run does after its last file.
        #expect(drawn.contains { $0.hasPrefix("[") && $0.contains("%  ") && $0.contains(" article") })
        #expect(drawn.contains("5 articles; committing"))
        // Two jobs, each with a part of articles and one of pictures.
        #expect(drawn.contains("5 articles; merging 4 databases into one"))
        #expect(drawn.last == "5 articles; switching to the new index")
        #expect(rest.hasPrefix("indexed \(ws.index): 3 added"))
    }

    @Test func aLaterRunShowsWhatItComparesAndReads() throws {
        let ws = try workspace().indexed()
        ws.write("corpus/WIRE/more.jsonl", Array(#"{"id": "wire-4", "title": "Ferry", "body": "The ferry sails."}"#.utf8 + [10]))
        let output = try onTerminal("\(newsdexExecutable().path) index \(ws.corpus) --db \(ws.index)", columns: 80)
        let (drawn, _) = try redraws(output)
        #expect(drawn.first == "comparing 4 files with the index")
        #expect(drawn.contains { $0.hasPrefix("reading 1 new or changed file  [") })
        #expect(drawn.last == "1 article; committing")
    }
}
