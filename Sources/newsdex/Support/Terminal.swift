// What the CLI needs to know about where its output goes.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

enum Terminal {
    static var stdoutIsTerminal: Bool { isatty(STDOUT_FILENO) == 1 }
    static var stderrIsTerminal: Bool { isatty(STDERR_FILENO) == 1 }

    /// Colour only on a terminal, and never under NO_COLOR (https://no-color.org) or --no-color.
    static func useColor(disabled: Bool) -> Bool {
        if disabled { return false }
        if let noColor = ProcessInfo.processInfo.environment["NO_COLOR"], !noColor.isEmpty { return false }
        return stdoutIsTerminal
    }

    static func writeError(_ text: String) {
        FileHandle.standardError.write(Data(text.utf8))
    }
}

/// A one-line progress bar on stderr: files done, documents per second, time left.
final class ProgressBar: @unchecked Sendable {
    // Safe: `shown` and every write to stderr happen only under `lock`.
    private let lock = NSLock()
    private var shown = false

    func update(done: Int, total: Int, documents: Int, elapsed: Double) {
        lock.lock()
        defer { lock.unlock() }
        let width = 24
        let fraction = total > 0 ? Double(done) / Double(total) : 1
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled)
        let rate = elapsed > 0 ? Double(documents) / elapsed : 0
        let filesRate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = filesRate > 0 ? Double(total - done) / filesRate : 0
        let line = "\r[\(bar)] \(done)/\(total) files  \(Int(rate)) docs/s  ETA \(Self.clock(eta))  "
        Terminal.writeError(line)
        shown = true
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if shown { Terminal.writeError("\r\u{1B}[K") }
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let two = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
    }
}
