// A query word that starts with "-" excludes that word: `newsdex search troops -hamas`. The
// argument parser would read it as options (`-hamas` as `-h`, the help, exit 0). So before
// parsing, such a word is marked so that it reads as a query word, and unmarked after: the query
// keeps its words in order. `--` still ends the options, as in grep.
import ArgumentParser

/// A command whose positional arguments are a query (`search`, `facets`).
protocol QueryCommand: ParsableCommand {
    var search: SearchOptions { get set }
}

enum QueryWords {
    /// Marks a word for the parser; no argument can hold a NUL, so no user's word begins with it.
    private static let mark = "\u{0}"

    /// A word that would be read as an option but is a query word: "-" and two or more
    /// characters, not a number (`--offset -5` stays a value).
    static func isExclusion(_ argument: String) -> Bool {
        guard argument.hasPrefix("-"), !argument.hasPrefix("--"), argument.count >= 3 else { return false }
        let second = argument[argument.index(after: argument.startIndex)]
        return !(second.isNumber || second == ".")
    }

    /// `arguments` (without the program name) with the query words of a query command marked,
    /// and those words.
    static func protect(_ arguments: [String], commands: [any ParsableCommand.Type]) -> (arguments: [String], marked: [String]) {
        guard let name = arguments.first,
            commands.contains(where: { $0 is any QueryCommand.Type && $0._commandName == name })
        else { return (arguments, []) }
        var result: [String] = []
        var marked: [String] = []
        var optionsEnded = false
        for argument in arguments {
            if argument == "--" { optionsEnded = true }
            if !optionsEnded && isExclusion(argument) {
                result.append(mark + argument)
                marked.append(argument)
            } else {
                result.append(argument)
            }
        }
        return (result, marked)
    }

    /// Unmarks the query words of `command`.
    /// - Throws: a `ValidationError` naming a marked word that the parser took as an option's
    ///   value rather than as a query word, and saying to use `--`.
    static func restore(_ command: inout any ParsableCommand, marked: [String]) throws {
        guard !marked.isEmpty, var queryCommand = command as? any QueryCommand else { return }
        let query = queryCommand.search.query
        var inQuery = query.filter { $0.hasPrefix(mark) }.map { String($0.dropFirst()) }
        let taken = marked.first { word in
            guard let index = inQuery.firstIndex(of: word) else { return true }
            inQuery.remove(at: index)
            return false
        }
        if let taken {
            let name = type(of: queryCommand)._commandName
            throw ValidationError(
                "\(taken.debugDescription) is not an option of \(name); a query word that starts with - "
                    + "excludes that word: put the query after --, as in `newsdex \(name) -- troops -hamas`")
        }
        queryCommand.search.query = query.map { $0.hasPrefix(mark) ? String($0.dropFirst()) : $0 }
        command = queryCommand
    }
}

extension NewsdexCommand.Search: QueryCommand {}
extension NewsdexCommand.Facets: QueryCommand {}
