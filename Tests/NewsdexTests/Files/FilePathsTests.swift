import CorpusGenerator
import Foundation
import Testing
@testable import Newsdex

@Suite struct FilePathsTests {
    /// Paths of names both plain and not (".", "..", "", "~", spaces, accents in both Unicode
    /// forms, percent signs), relative and absolute, with and without a trailing slash.
    static func paths(count: Int, seed: UInt64) -> [String] {
        let names = ["index", "a b", "gen-000001", ".", "..", "", "~", "~x", "é", "e\u{301}", "%20", "x.y",
                     "XAPIANDB", ".hidden", "...", "a:b", "Ω", "index", "gen-000001", "XAPIANDB", "shard-1"]
        var random = SplitMix64(seed: seed)
        return (0..<count).map { _ in
            let parts = (0..<Int.random(in: 1...4, using: &random)).map { _ in names.randomElement(using: &random)! }
            var path = parts.joined(separator: "/")
            if Bool.random(using: &random) { path = "/" + path }
            if Int.random(in: 0..<5, using: &random) == 0 { path += "/" }
            return path
        }
    }

    @Test func joinsAsURLDoes() {
        var plain = 0
        for (path, name) in zip(Self.paths(count: 2000, seed: 3), Self.paths(count: 2000, seed: 4)) {
            let url = URL(fileURLWithPath: path)
            #expect(FilePaths.appending(name, to: path) == url.appendingPathComponent(name).path, "\(path) + \(name)")
            #expect(
                FilePaths.sibling(name, of: path) == url.deletingLastPathComponent().appendingPathComponent(name).path,
                "\(name) beside \(path)")
            if let joined = FilePaths.plainAppending(name, to: path) {
                #expect(joined == url.standardizedFileURL.appendingPathComponent(name).path, "\(path) + \(name)")
                plain += 1
            }
        }
        for (path, name) in [("index", "XAPIANDB"), ("/tmp/index", "XAPIANDB"), ("/tmp/index/XAPIANDB", "gen-000001"), ("/x", "y")] {
            let url = URL(fileURLWithPath: path)
            #expect(FilePaths.appending(name, to: path) == url.appendingPathComponent(name).path)
            #expect(FilePaths.sibling(name, of: path) == url.deletingLastPathComponent().appendingPathComponent(name).path)
        }
        // The paths the fast way takes were among those compared, often.
        #expect(plain > 200, "\(plain)")
    }
}
