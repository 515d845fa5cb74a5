// The README's JSON example against what the command it names prints on the seed corpus: the
// same keys at every level, so that the example cannot drift from the format.
import Foundation
import Testing

@Test func theREADMEsJSONExampleHasTheKeysOfRealOutput() throws {
    let readme = try RepositoryFiles.text("README.md")
    let output = try #require(readme.components(separatedBy: "### Output").dropFirst().first)
    let block = try #require(output.components(separatedBy: "```json\n").dropFirst().first?.components(separatedBy: "```\n").first)
    let example = try JSONSerialization.jsonObject(with: Data(block.utf8))

    let ws = try Workspace().indexed()
    let real = try runNewsdex(
        ["search", "--db", ws.index, "--format", "json", "--kind", "caption", "--facets", "--facet-limit", "1", "\"parade ground\""])
    #expect(real.status == 0)
    #expect(output.contains(#"`newsdex search --format json --kind caption --facets --facet-limit 1"#))
    let differences = keyDifferences(example, try JSONSerialization.jsonObject(with: Data(real.stdout.utf8)), at: "")
    #expect(differences.isEmpty, "README.md's example differs from real output: \(differences)")
}

/// Where two JSON values have different keys: objects compared key by key, arrays by their first
/// elements (when both have one).
func keyDifferences(_ a: Any, _ b: Any, at path: String) -> [String] {
    if let a = a as? [String: Any], let b = b as? [String: Any] {
        let keys = Set(a.keys).symmetricDifference(b.keys).map { "\(path).\($0)" }
        return keys + a.keys.filter { b[$0] != nil }.sorted().flatMap { keyDifferences(a[$0]!, b[$0]!, at: "\(path).\($0)") }
    }
    if let a = a as? [Any], let b = b as? [Any], let first = a.first, let other = b.first {
        return keyDifferences(first, other, at: path + "[0]")
    }
    return []
}
