// The completion scripts newsdex writes, run as the shells run them.
import Foundation
import Testing

@Suite struct CompletionScriptsTests {
    /// What bash offers for `line` (the cursor at its end) with newsdex's bash script loaded.
    func bashCompletions(_ line: String) throws -> [String] {
        let script = try runNewsdex(["--generate-completion-script", "bash"])
        #expect(script.status == 0)
        let ws = Workspace(seeds: false)
        ws.write("newsdex.bash", Array(script.stdout.utf8))
        // As bash calls a completion function: COMP_WORDS, COMP_CWORD, COMP_LINE, COMP_POINT set.
        let driver = """
            source "$1"
            COMP_LINE="$2"; COMP_POINT=${#COMP_LINE}
            read -ra COMP_WORDS <<< "$COMP_LINE"
            COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 ))
            _newsdex newsdex "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
            printf '%s\\n' "${COMPREPLY[@]}"
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = ["-c", driver, "bash", ws.url.appendingPathComponent("newsdex.bash").path, line]
        var environment = ProcessInfo.processInfo.environment
        // The script runs "${COMP_WORDS[0]}", as a shell finds it.
        environment["PATH"] = newsdexExecutable().deletingLastPathComponent().path + ":" + (environment["PATH"] ?? "")
        process.environment = environment
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init)
    }

    @Test func bashOffersFacetValuesWhateverTheCaseTyped() throws {
        let ws = try Workspace().indexed()
        #expect(try bashCompletions("newsdex search --db \(ws.index) --person vladimir") == ["Vladimir Putin"])
        #expect(try bashCompletions("newsdex search --db \(ws.index) --source lb") == ["LBC"])
        // Closed choices are still matched by bash itself.
        #expect(try bashCompletions("newsdex search --db \(ws.index) --kind ca") == ["caption"])
    }

    @Test func zshMatchesCustomCompletionsIgnoringCase() throws {
        let script = try runNewsdex(["--generate-completion-script", "zsh"])
        #expect(script.stdout.contains("_describe -V '' non_empty_completions -M 'm:{[:lower:][:upper:]}={[:upper:][:lower:]}' --"))
    }
}
