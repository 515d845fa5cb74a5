// The shell completion scripts, as swift-argument-parser writes them with one change for bash and
// one for zsh, so that facet values complete whatever the case of the typed word (`--person yas`
// to Yasser Arafat): FacetCompletion matches ignoring case and quotes, and bash's compgen and
// zsh's compadd would drop its answers again by comparing them with the word exactly. (fish
// matches ignoring case itself.)
import ArgumentParser

enum CompletionScripts {
    /// The script that `newsdex --generate-completion-script [SHELL]` asks for; nil for any
    /// other command line, which ArgumentParser parses as usual.
    static func requested(by arguments: [String]) -> String? {
        let option = "--generate-completion-script"
        let words = Array(arguments.dropFirst())
        let name: String?
        switch words.count {
        case 1 where words[0] == option: name = nil
        case 1 where words[0].hasPrefix(option + "="): name = String(words[0].dropFirst(option.count + 1))
        case 2 where words[0] == option: name = words[1]
        default: return nil
        }
        guard let shell = name.map(CompletionShell.init(rawValue:)) ?? CompletionShell.autodetected() else { return nil }
        return script(for: shell)
    }

    static func script(for shell: CompletionShell) -> String {
        let script = NewsdexCommand.completionScript(for: shell)
        switch shell {
        case .bash:
            // Offer what newsdex matched as it is, rather than through `compgen -W … -- "${cur}"`.
            return script.replacingOccurrences(
                of: #"__newsdex_add_completions -W "$(__newsdex_custom_complete "#,
                with: #"__newsdex_add_matched_completions "$(__newsdex_custom_complete "#)
                + """

                # Values newsdex matched to the word itself, ignoring case and quotes.
                __newsdex_add_matched_completions() {
                    local completion
                    while IFS='' read -r completion; do
                        [[ -n "${completion}" ]] && COMPREPLY+=("${completion}")
                    done <<< "${1}"
                }

                """
        case .zsh:
            // Let compadd match ignoring case, as newsdex did.
            return script.replacingOccurrences(
                of: "_describe -V '' non_empty_completions -- ",
                with: "_describe -V '' non_empty_completions -M 'm:{[:lower:][:upper:]}={[:upper:][:lower:]}' -- ")
        default:
            return script
        }
    }
}
