import Foundation
import Testing

@Test func helpExitsZeroAndNamesTheTool() throws {
    let result = try runNewsdex(["--help"])
    #expect(result.status == 0)
    #expect(result.stdout.contains("newsdex"))
}

/// Every command's arguments as `--experimental-dump-help` describes them, which is what the man
/// page is made from: (command path, argument).
func dumpedArguments() throws -> [(command: String, argument: [String: Any])] {
    let dump = try runNewsdex(["--experimental-dump-help"])
    let root = try #require(try JSONSerialization.jsonObject(with: Data(dump.stdout.utf8)) as? [String: Any])
    var found: [(String, [String: Any])] = []
    func visit(_ command: [String: Any], path: String) {
        for argument in command["arguments"] as? [[String: Any]] ?? [] { found.append((path, argument)) }
        for sub in command["subcommands"] as? [[String: Any]] ?? [] {
            visit(sub, path: path + " " + (sub["commandName"] as? String ?? "?"))
        }
    }
    visit(try #require(root["command"] as? [String: Any]), path: "newsdex")
    return found
}

/// swift-argument-parser's man page generator drops every character that is not ASCII (`0–1`
/// became `01`), so help is written in ASCII.
@Test func helpIsASCIISoTheManPageLosesNothing() throws {
    let dump = try runNewsdex(["--experimental-dump-help"])
    let lost = dump.stdout.split(separator: "\n").filter { !$0.allSatisfy(\.isASCII) }
    #expect(lost.isEmpty, "not ASCII: \(lost)")
}

/// Help adds "(default: …)" itself when an option has a default value; its own words must not
/// say it again.
@Test func eachDefaultIsSaidOnce() throws {
    for (command, argument) in try dumpedArguments() where argument["defaultValue"] != nil {
        let words = (argument["abstract"] as? String ?? "") + " " + (argument["discussion"] as? String ?? "")
        #expect(!words.lowercased().contains("default"), "\(command) \(argument["valueName"] ?? ""): \(words)")
    }
}

/// Each closed choice's values are listed by help, with what each means where the abstract does
/// not say: an abstract that names them too says them twice.
@Test func closedChoicesAreListedOnce() throws {
    for (command, argument) in try dumpedArguments() {
        guard let values = argument["allValues"] as? [String], values.count > 1 else { continue }
        // A default said in words, for an option whose default depends on the rest, names one.
        let abstract = (argument["abstract"] as? String ?? "").replacing(/\(default: [^)]*\)/, with: "")
        let named = values.filter { abstract.range(of: "\\b\($0)\\b", options: .regularExpression) != nil }
        #expect(named.count < 2, "\(command) \(argument["valueName"] ?? ""): \(abstract)")
    }
}
