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
        if let noColor = ProcessEnvironment.value("NO_COLOR"), !noColor.isEmpty { return false }
        return stdoutIsTerminal
    }

    /// The width of the terminal `descriptor` writes to, read afresh on each call since the
    /// window can be resized at any time; nil when it is not a terminal or does not say.
    static func columns(of descriptor: Int32) -> Int? {
        var size = winsize()
        guard ioctl(descriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 else { return nil }
        return Int(size.ws_col)
    }

    static func writeError(_ text: String) {
        StandardError.write(text)
    }
}
