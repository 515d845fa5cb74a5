// Updates that stay small (Sources/Newsdex/Index/Recompaction.swift): an update that grows the
// live generation past 1.1 times its size when built is compacted into the next generation, and
// the index answers as before.
import Foundation
import Testing

@Suite struct RecompactionTests {
    let ws = Workspace(seeds: false)

    init() throws {
        let process = Process()
        process.executableURL = newsdexExecutable().deletingLastPathComponent().appendingPathComponent("newsdex-corpus")
        process.arguments = ["--articles", "200", "--seed", "9", "--out", ws.corpus]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        precondition(process.terminationStatus == 0, "newsdex-corpus failed")
    }

    func liveGenerationBytes() throws -> Int64 {
        let stub = try String(contentsOfFile: ws.index + "/XAPIANDB", encoding: .utf8)
        let name = stub.split(separator: "\n").first { $0.hasPrefix("auto ") }!.dropFirst(5)
        let folder = URL(fileURLWithPath: ws.index).appendingPathComponent(String(name))
        var total: Int64 = 0
        for file in try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: [.fileSizeKey]) {
            total += Int64(try file.resourceValues(forKeys: [.fileSizeKey]).fileSize ?? 0)
        }
        return total
    }

    @Test func anUpdateThatGrowsTheIndexPastItsLimitCompactsItIntoANewGeneration() throws {
        let first = try runNewsdex(["index", ws.corpus, "--db", ws.index, "--jobs", "2", "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        let built = try liveGenerationBytes()
        let files = try FileManager.default.subpathsOfDirectory(atPath: ws.corpus).filter { $0.hasSuffix(".txt") }.sorted()
        // 5% of the files change: a sentence appended.
        for file in files.enumerated().filter({ $0.offset % 20 == 0 }).map(\.element) {
            let path = ws.corpus + "/" + file
            let text = try String(contentsOfFile: path, encoding: .utf8)
            try Data((text + "\nThis article was amended after publication.\n").utf8).write(to: URL(fileURLWithPath: path))
        }
        let update = try runNewsdex(["index", ws.corpus, "--db", ws.index, "--format", "json"])
        #expect(update.status == 0, "\(update.stderr)")
        #expect(update.stdout.contains("\"updated\" : \(files.count / 20)"))
        #expect(update.stdout.contains("\"recompacted\" : true"))
        #expect(try liveGenerationBytes() <= built + built / 10)
        let amended = try runNewsdex(["count", "--db", ws.index, "\"amended after publication\""])
        #expect(amended.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == String(files.count / 20))
        // An unchanged corpus writes nothing and compacts nothing.
        let again = try runNewsdex(["index", ws.corpus, "--db", ws.index, "--format", "json"])
        #expect(again.stdout.contains("\"recompacted\" : false") && again.stdout.contains("\"documents_written\" : 0"))
    }
}
