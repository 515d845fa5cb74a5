// man/sections.mdoc, the part of the man page that --help has no place for, against the code and
// the README: `make man` appends it to what generate-manual makes of the help.
import Foundation
import Testing

@Suite struct ManPageTests {
    let sections: String

    init() throws { sections = try RepositoryFiles.text("man/sections.mdoc") }

    /// The lines of one section, from its `.Sh` to the next.
    func section(_ name: String) -> [Substring] {
        let lines = sections.split(separator: "\n", omittingEmptySubsequences: false)
        guard let start = lines.firstIndex(of: Substring(".Sh \(name)")) else { return [] }
        let rest = lines[(start + 1)...]
        return Array(rest.prefix { !$0.hasPrefix(".Sh ") })
    }

    @Test func everyEnvironmentVariableTheCodeReadsIsDescribed() throws {
        let sources = RepositoryFiles.root.appendingPathComponent("Sources")
        var names = Set<String>()
        for case let url as URL in FileManager.default.enumerator(at: sources, includingPropertiesForKeys: nil)!
        where url.pathExtension == "swift" {
            let text = try String(contentsOf: url, encoding: .utf8)
            // Read as environment["X"], environment("X") or ProcessEnvironment.value("X").
            for match in text.matches(of: /(?:environment\[|environment\(|ProcessEnvironment\.value\()"([A-Z_]+)"/) {
                names.insert(String(match.1))
            }
        }
        #expect(names.isSuperset(of: ["NEWSDEX_DB", "NO_COLOR", "NEWSDEX_REMOTE_TIMEOUT", "NEWSDEX_REMOTE_CONNECT_TIMEOUT"]))
        let described = Set(section("ENVIRONMENT").compactMap { $0.hasPrefix(".It Ev ") ? String($0.dropFirst(7)) : nil })
        #expect(names.subtracting(described).isEmpty, "not in ENVIRONMENT: \(names.subtracting(described).sorted())")
    }

    @Test func exitStatusHasEveryCodeOfTheREADMEAndOneIsNoHits() throws {
        let readme = try RepositoryFiles.text("README.md")
        let table = try #require(readme.components(separatedBy: "### Exit codes").last)
        let codes = table.matches(of: /\n\| (\d) \|/).map { String($0.1) }
        #expect(codes == ["0", "1", "2", "3", "4"])
        let status = section("\"EXIT STATUS\"").isEmpty ? section("EXIT STATUS") : section("\"EXIT STATUS\"")
        let listed = status.compactMap { $0.hasPrefix(".It ") ? String($0.dropFirst(4)) : nil }
        #expect(listed == codes)
        let one = status.drop { $0 != ".It 1" }.dropFirst().prefix { !$0.hasPrefix(".It ") }.joined(separator: " ")
        #expect(one.contains("no hits"))
    }

    @Test func examplesAndFilesAreThere() {
        #expect(section("EXAMPLES").filter { $0.hasPrefix("newsdex ") }.count >= 5)
        #expect(section("FILES").contains(".It Pa index/XAPIANDB"))
    }
}
