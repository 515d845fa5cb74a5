// A plain `search` line read without ArgumentParser must be read exactly as ArgumentParser reads
// it, and every option `search` declares must be known to it.
import ArgumentParser
import Foundation
@testable import newsdex
import Testing

struct PlainSearchLineTests {
    /// ArgumentParser's reading of a line, through the same steps as `newsdex` itself.
    private func parsedByArgumentParser(_ arguments: [String]) -> NewsdexCommand.Search? {
        (try? NewsdexCommand.parsed(arguments)) as? NewsdexCommand.Search
    }

    @Test func knowsEveryOptionThatSearchDeclares() throws {
        // ArgumentParser's own description of the command's arguments.
        struct Dump: Decodable {
            struct Command: Decodable { var arguments: [Argument] }
            struct Argument: Decodable {
                struct Name: Decodable { var kind: String, name: String }
                var kind: String
                var names: [Name]?
                var isRepeating: Bool
            }
            var command: Command
        }
        let dump = try JSONDecoder().decode(Dump.self, from: Data(NewsdexCommand.Search._dumpHelp().utf8))
        var declared: [String: PlainSearchLine.Arity] = [:]
        var shortNames: [String: String] = [:]
        for argument in dump.command.arguments where argument.kind != "positional" {
            let names = argument.names ?? []
            guard let long = names.first(where: { $0.kind == "long" })?.name, long != "help" else { continue }
            declared[long] = argument.kind == "flag" ? .flag : argument.isRepeating ? .repeating : .single
            for short in names where short.kind == "short" { shortNames["-" + short.name] = long }
        }
        let listed = PlainSearchLine.options
        #expect(declared == Dictionary(listed.map { ($0.name, $0.arity) }, uniquingKeysWith: { first, _ in first }))
        #expect(Set(listed.map(\.name)).count == listed.count)
        for (name, arity) in declared { #expect(PlainSearchLine.arity(of: name) == arity, "\(name)") }
        #expect(PlainSearchLine.arity(of: "sources") == nil)
        #expect(shortNames == Dictionary(uniqueKeysWithValues: PlainSearchLine.shortNames.map { ($0.short, $0.long) }))
    }

    /// Words of generated lines: each either plain (ArgumentParser reads it, and so must the
    /// plain reader when the line repeats no single option) or odd (the plain reader declines).
    private static let queryWords = ["troops", "\"north korea\"", "-hamas", "Gaza", "troop*", "OR", "source:BBC", "Müller", "伊拉克"]
    private static let values: [String: [String]] = [
        "source": ["BBC", "Agence France-Presse"], "person": ["Yasser Arafat"], "place": ["New South Wales"],
        "org": ["UN"], "entity": ["Hamas"], "credit": ["Reuters"], "lang": ["es", "Spanish", "und", "klingon"],
        "from": ["2024-10", "2025", "2024-13-40"], "to": ["2025-01-31", "soon"], "kind": ["caption", "all", "article", "pictures"],
        "db": ["index", "some/other index"], "limit": ["5", "all", "0", "10001", "ten"], "offset": ["2", "0", "x"],
        "sort": ["newest", "oldest", "relevance", "best"], "format": ["json", "ids", "jsonl", "text", "xml"],
        "facet-limit": ["3", "0"],
    ]
    private static let oddWords = ["--help", "-h", "--sources", "--facets=true", "-5", "", "--db=", "--version", "-"]

    @Test func readsGeneratedLinesAsArgumentParserDoes() throws {
        var random = FuzzRandom(seed: Fuzz.seed)
        var plainAccepted = 0
        for _ in 0..<Fuzz.iterations(default: 200) {
            var words: [[String]] = []
            var odd = false
            var repeatsSingle = false
            var given: Set<String> = []
            for _ in 0..<Int.random(in: 0...7, using: &random) {
                switch Int.random(in: 0..<10, using: &random) {
                case 0...2:
                    words.append([Self.queryWords.randomElement(using: &random)!])
                case 3:
                    odd = true
                    words.append([Self.oddWords.randomElement(using: &random)!])
                default:
                    let (name, arity) = PlainSearchLine.options.randomElement(using: &random)!
                    if arity != .repeating && !given.insert(name).inserted { repeatsSingle = true }
                    if arity == .flag {
                        words.append(["--" + name])
                        continue
                    }
                    let value = Self.values[name]!.randomElement(using: &random)!
                    switch Int.random(in: 0..<3, using: &random) {
                    case 0: words.append(["--\(name)=\(value)"])
                    case 1 where name == "limit": words.append(["-l", value])
                    default: words.append(["--" + name, value])
                    }
                }
            }
            if Bool.random(using: &random) {
                // After `--` every word is a query word.
                words.insert(["--"], at: Int.random(in: 0...words.count, using: &random))
            }
            let line = ["search"] + words.flatMap { $0 }
            let plain = PlainSearchLine.command(line)
            let parsed = parsedByArgumentParser(line)
            if let plain {
                #expect(parsed.map(SearchRun.init) == plain, "\(line)")
            } else if parsed != nil && !odd && !repeatsSingle {
                Issue.record("declined a plain line that ArgumentParser reads: \(line)")
            }
            if plain != nil { plainAccepted += 1 }
        }
        // The generator makes plain lines often enough for the comparison to mean something.
        #expect(plainAccepted >= Fuzz.iterations(default: 200) / 10)
    }

    @Test func declinesWhatArgumentParserMustWord() {
        for line in [
            ["search"], ["search", "--help"], ["search", "--limit", "10001", "troops"], ["search", "troops", "--limit"],
            ["search", "--source", "-hamas"], ["search", "--exact", "--exact", "troops"], ["search", "--to", "soon", "x"],
            ["count", "troops"], ["search", "--from", "2024", "--from", "2025", "troops"],
        ] {
            #expect(PlainSearchLine.command(line) == nil, "\(line)")
        }
    }
}
