// Fuzz targets through the CLI, one for the query language and one for the readers: random and
// structured input, each run bounded in time and memory (Bounds), each answer an exit code the
// README documents. `make test` runs a few cases of each; `make fuzz` runs many more
// (NEWSDEX_FUZZ_ITERATIONS), and NEWSDEX_FUZZ_SEED replays a run.
import Foundation
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// A small, seedable generator, so a failing case can be replayed.
struct FuzzRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

enum Fuzz {
    /// Cases per fuzz test: a few in `make test`, many in `make fuzz`.
    static func iterations(default value: Int) -> Int {
        ProcessInfo.processInfo.environment["NEWSDEX_FUZZ_ITERATIONS"].flatMap(Int.init) ?? value
    }

    static var seed: UInt64 {
        ProcessInfo.processInfo.environment["NEWSDEX_FUZZ_SEED"].flatMap { UInt64($0) } ?? 20_241_018
    }

    /// What no run may print, whatever its input: a crash, a trap, an error nobody worded.
    static func expectClean(_ result: BoundedResult, _ context: String) {
        #expect(!result.timedOut, "hang: \(context): \(result.summary)")
        #expect(result.peakMemory < Bounds.memory, "memory: \(context): \(result.summary)")
        #expect(result.signal == nil, "signal: \(context): \(result.summary)")
        for sign in ["Fatal error", "unexpected error", "Backtrac", "Swift runtime failure"] {
            #expect(!result.stderr.contains(sign), "\(context): \(result.summary)")
        }
    }
}

@Suite(.timeLimit(.minutes(60))) struct QueryFuzzTests {
    static let words = [
        "troops", "russia", "korea", "harbour", "the", "a", "satellite", "Putin", "north", "é", "北京", "👩‍👩‍👧",
        "don't", "x", String(repeating: "long", count: 80), "3", "1e308", "\\", "'", "&", "|", "!", "~", "^",
    ]
    static let operators = ["AND", "OR", "NOT", "XOR", "NEAR", "ADJ", "NEAR/3", "and", "or", "not", "AND NOT", "+", "-"]
    static let prefixes = [
        "title:", "caption:", "author:", "source:", "person:", "place:", "org:", "entity:", "credit:", "kind:", "year:",
        "story:", "nosuchfield:",
    ]
    static let dates = [
        "2024-10-18", "2024-13-45", "2024-02-30", "2024", "2024-10", "20241018", "x", "", "9999-99-99", "0000-00-00",
        "2024-10-18T10:00",
    ]

    static func word(_ rng: inout FuzzRandom) -> String {
        var word: String
        switch Int.random(in: 0..<10, using: &rng) {
        case 0: word = operators.randomElement(using: &rng)!
        case 1: word = prefixes.randomElement(using: &rng)! + (Bool.random(using: &rng) ? "\"" + words.randomElement(using: &rng)! + " x\"" : words.randomElement(using: &rng)!)
        case 2: word = "date:" + dates.randomElement(using: &rng)! + [".." , "", "..."].randomElement(using: &rng)! + dates.randomElement(using: &rng)!
        case 3: word = ["(", ")", "\"", "\"\"", "*", "-", "--", "()", "(("].randomElement(using: &rng)!
        case 4: word = String((0..<Int.random(in: 1...12, using: &rng)).map { _ in Character(Unicode.Scalar(UInt8.random(in: 0x21...0x7E, using: &rng))) })
        default: word = words.randomElement(using: &rng)!
        }
        switch Int.random(in: 0..<12, using: &rng) {
        case 0: word = "-" + word
        case 1: word = "+" + word
        case 2: word += "*"
        case 3: word = "(" + word
        case 4: word += ")"
        case 5: word = "\"" + word
        default: break
        }
        return word
    }

    static func query(_ rng: inout FuzzRandom) -> String {
        switch Int.random(in: 0..<20, using: &rng) {
        case 0:  // past the length limit, or near it
            return String(repeating: word(&rng) + " ", count: Int.random(in: 500...1_200, using: &rng))
        case 1:  // many wildcards
            return (0..<Int.random(in: 10...40, using: &rng)).map { _ in String(Character(Unicode.Scalar(UInt8.random(in: 0x61...0x7A, using: &rng)))) + "*" }
                .joined(separator: " OR ")
        case 2:  // an early error before many words
            return "AND " + (0..<Int.random(in: 100...500, using: &rng)).map { _ in word(&rng) }.joined(separator: " ")
        case 3...7:  // words the archive holds, with a little syntax
            return (0..<Int.random(in: 1...3, using: &rng)).map { _ in
                ["troops", "russia", "korea", "border", "harbour", "troop*", "\"the border\"", "-hamas"].randomElement(using: &rng)!
            }.joined(separator: [" ", " OR ", " AND "].randomElement(using: &rng)!)
        default:
            return (0..<Int.random(in: 0...14, using: &rng)).map { _ in word(&rng) }.joined(separator: " ")
        }
    }

    static func flags(_ rng: inout FuzzRandom) -> [String] {
        let numbers = ["0", "1", "10", "10000", "10001", "-1", "99999999999", "9223372036854775807"]
        var flags: [String] = []
        for _ in 0..<Int.random(in: 0...3, using: &rng) {
            switch Int.random(in: 0..<14, using: &rng) {
            case 0: flags += ["--limit", numbers.randomElement(using: &rng)!]
            case 1: flags += ["--offset", numbers.randomElement(using: &rng)!]
            case 2: flags += ["--facets"]
            case 3: flags += ["--sort", ["newest", "oldest", "relevance", "bogus"].randomElement(using: &rng)!]
            case 4: flags += ["--kind", ["article", "caption", "all"].randomElement(using: &rng)!]
            case 5: flags += [["--exact", "--correct", "--all-copies", "--no-color"].randomElement(using: &rng)!]
            case 6: flags += ["--format", ["text", "json", "jsonl", "ids"].randomElement(using: &rng)!]
            case 7: flags += ["--source", ["AFP", "lbc", "nosuch", String(repeating: "s", count: 300)].randomElement(using: &rng)!]
            case 8: flags += ["--person", ["Vladimir Putin", "putni", String(repeating: "p", count: 257)].randomElement(using: &rng)!]
            case 9: flags += [["--from", "--to"].randomElement(using: &rng)!, dates.randomElement(using: &rng)!]
            case 10: flags += ["--facet-limit", numbers.randomElement(using: &rng)!]
            case 11: flags += ["--entity", word(&rng)]
            case 12: flags += ["--credit", "alamy"]
            default: flags += ["--place", "moscow"]
            }
        }
        return flags
    }

    @Test func randomAndStructuredQueriesGetAnAnswerInBoundedTimeAndMemory() throws {
        let ws = Workspace()
        // A little more than the seeds: a generated archive of wire copies.
        for n in 0..<30 {
            ws.write("corpus/Wire/copy-\(n).txt", Array("Copy \(n)\nTroops crossed the border near the harbour on day \(n % 7).\nA second paragraph about Russia and Korea.\n".utf8))
        }
        _ = try ws.indexed()
        var rng = FuzzRandom(seed: Fuzz.seed)
        let count = Fuzz.iterations(default: 40)
        var codes: [Int32: Int] = [:]
        for number in 0..<count {
            let command = Bool.random(using: &rng) || number % 5 == 0 ? "search" : "facets"
            var arguments = [command, "--db", ws.index] + Self.flags(&rng)
            let query = Self.query(&rng)
            if Bool.random(using: &rng) { arguments.append("--") }
            arguments += query.isEmpty ? [] : (Bool.random(using: &rng) ? [query] : query.split(separator: " ").map(String.init))
            let result = try runBounded(arguments)
            let context = "case \(number) (seed \(Fuzz.seed)): \(arguments.joined(separator: " ").prefix(300))"
            Fuzz.expectClean(result, context)
            // A valid index answers a search with hits, no hits, or a usage error.
            #expect(result.status.map { [0, 1, 2].contains($0) } ?? false, "\(context): \(result.summary)")
            codes[result.status ?? -1, default: 0] += 1
        }
        // The generator reaches every answer, so each was tested.
        if count >= 40 { #expect(codes[0] ?? 0 > 0 && codes[1] ?? 0 > 0 && codes[2] ?? 0 > 0, "\(codes)") }
    }
}

@Suite(.timeLimit(.minutes(60))) struct ReaderFuzzTests {
    static let lines = [
        "---", "title: T", "id: x", "source: S", "date: 2024-02-30", "date: 2024-10-18", "By Ann Lee", "Picture: Alamy",
        "18 October 2024, 14:30", "Listen to this article", "# Heading", "A caption of some words.", "troops crossed", "",
        "\r", "\u{FEFF}", "é\u{301}", String(repeating: "long line ", count: 5_000),
    ]
    static let values: [String] = [
        "\"text\"", "\"\"", "1", "1.5", "1e400", "true", "null", "[]", "{}", "[\"a\", 1]", "{\"text\": \"c\", \"credit\": 3}",
        "[{\"text\": \"c\"}, \"s\", 3]", "\"\(String(repeating: "i", count: 2_000))\"", "\"2024-13-45\"", "\"c1\"",
    ]
    static let fields = ["id", "title", "body", "source", "date", "author", "authors", "url", "captions", "tags", "x"]

    static func jsonLine(_ rng: inout FuzzRandom) -> String {
        if Int.random(in: 0..<8, using: &rng) == 0 { return ["{", "[1]", "\"s\"", "{\"title\": ", "nul"].randomElement(using: &rng)! }
        var pairs = ["\"title\": \"T\"", "\"body\": \"troops\""]
        for _ in 0..<Int.random(in: 0...5, using: &rng) {
            pairs.append("\"\(fields.randomElement(using: &rng)!)\": \(values.randomElement(using: &rng)!)")
        }
        return "{" + pairs.shuffled(using: &rng).joined(separator: ", ") + "}"
    }

    static func file(_ rng: inout FuzzRandom, extension ext: String) -> [UInt8] {
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: return (0..<Int.random(in: 0...400, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
        case 1: return []
        default:
            let count = Int.random(in: 1...12, using: &rng)
            let text = (0..<count).map { _ in ext == "jsonl" ? jsonLine(&rng) : lines.randomElement(using: &rng)! }
            return Array(text.joined(separator: Bool.random(using: &rng) ? "\n" : "\r\n").utf8)
        }
    }

    /// A corpus of random files, and of what a corpus should not hold but may.
    static func corpus(in ws: Workspace, _ rng: inout FuzzRandom) {
        let root = ws.url.appendingPathComponent("corpus")
        for n in 0..<Int.random(in: 3...12, using: &rng) {
            let ext = ["txt", "md", "jsonl", "jsonl", "TXT"].randomElement(using: &rng)!
            let folder = ["A", "B", "A/deep", "C"].randomElement(using: &rng)!
            ws.write("corpus/\(folder)/f\(n).\(ext)", file(&rng, extension: ext))
        }
        let a = root.appendingPathComponent("A").path
        switch Int.random(in: 0..<6, using: &rng) {
        case 0: mkfifo(a + "/fifo.txt", 0o644)
        case 1: symlink("loop-b.txt", a + "/loop-a.txt"); symlink("loop-a.txt", a + "/loop-b.txt")
        case 2: symlink("..", a + "/up")
        case 3: ws.write("corpus/A/dir.jsonl/in.txt", Array("Inside\ntroops\n".utf8))
        case 4: ws.write("corpus/A/new\nline.txt", Array("New line\ntroops\n".utf8))
        default:
            let raw = Array(a.utf8) + Array("/raw".utf8) + [0xFE, 0xFF] + Array(".txt".utf8) + [0]
            let fd = raw.withUnsafeBufferPointer { $0.withMemoryRebound(to: CChar.self) { open($0.baseAddress!, O_WRONLY | O_CREAT, 0o644) } }
            if fd >= 0 { _ = write(fd, "Raw\ntroops\n", 11); close(fd) }
        }
    }

    @Test func randomCorporaAreIndexedOrRejectedInBoundedTimeAndMemory() throws {
        var rng = FuzzRandom(seed: Fuzz.seed &+ 1)
        let count = Fuzz.iterations(default: 4)
        for number in 0..<count {
            let ws = Workspace(seeds: false)
            Self.corpus(in: ws, &rng)
            let context = "corpus \(number) (seed \(Fuzz.seed)) in \(ws.url.path)"
            for (arguments, allowed) in [
                (["index", ws.corpus, "--db", ws.index], [0, 3]),
                (["index", ws.corpus, "--db", ws.index, "--jobs", "2"], [0, 3]),
                (["check", ws.corpus, "--db", ws.index], [0, 1]),
                (["search", "--db", ws.index, "--format", "json", "troops"], [0, 1]),
                (["search", "--db", ws.index, "--format", "ids", "t*"], [0, 1]),
                (["parse", ws.corpus, "--format", Bool.random(using: &rng) ? "json" : "text"], [0, 3]),
            ] as [([String], [Int32])] {
                let result = try runBounded(arguments)
                Fuzz.expectClean(result, "\(context): \(arguments[0])")
                #expect(result.status.map(allowed.contains) ?? false, "\(context): \(arguments.joined(separator: " ")): \(result.summary)")
            }
        }
    }
}
