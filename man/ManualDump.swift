// Prepares `newsdex --experimental-dump-help` (on stdin) for swift-argument-parser's
// generate-manual, which prints each option's abstract and discussion but not its default nor,
// for a closed choice without descriptions, its values: this adds them to the abstract as
// `--help` shows them, "(values: text, json; default: text)". It also lists --help and
// --version once, under the root command, and leaves out the `help` command (the page is the
// help). Run by `make man`.
import Foundation

func prepare(_ command: inout [String: Any], isRoot: Bool) {
    if var arguments = command["arguments"] as? [[String: Any]] {
        for index in arguments.indices {
            var argument = arguments[index]
            let name = (argument["preferredName"] as? [String: Any])?["name"] as? String
            if !isRoot, name == "help" || name == "version" {
                argument["shouldDisplay"] = false
            }
            var notes: [String] = []
            if argument["allValueDescriptions"] == nil, let values = argument["allValues"] as? [String] {
                notes.append("values: " + values.joined(separator: ", "))
            }
            if argument["kind"] as? String != "flag", let value = argument["defaultValue"] as? String {
                notes.append("default: " + value)
            }
            if !notes.isEmpty {
                let abstract = argument["abstract"] as? String ?? ""
                argument["abstract"] = (abstract.isEmpty ? "" : abstract + " ") + "(" + notes.joined(separator: "; ") + ")"
            }
            arguments[index] = argument
        }
        command["arguments"] = arguments
    }
    if var subcommands = command["subcommands"] as? [[String: Any]] {
        subcommands.removeAll { $0["commandName"] as? String == "help" }
        for index in subcommands.indices { prepare(&subcommands[index], isRoot: false) }
        command["subcommands"] = subcommands
    }
}

let input = FileHandle.standardInput.readDataToEndOfFile()
guard var dump = try JSONSerialization.jsonObject(with: input) as? [String: Any],
    var root = dump["command"] as? [String: Any]
else {
    FileHandle.standardError.write(Data("ManualDump: stdin is not the JSON of --experimental-dump-help\n".utf8))
    exit(1)
}
prepare(&root, isRoot: true)
dump["command"] = root
FileHandle.standardOutput.write(try JSONSerialization.data(withJSONObject: dump, options: [.sortedKeys]))
