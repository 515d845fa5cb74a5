// Writing results to stdout so that a failure is never silent: every format goes through C's
// stdio (as `print` does, so output never reorders), and the run ends by flushing it and looking
// at what happened. Results that cannot be written to a full disk are an error (exit 2, as grep's
// write errors are); a reader that closed the pipe (`newsdex search … | head -1`) ends the
// process quietly by SIGPIPE, as grep ends, whether or not SIGPIPE was ignored by the parent.
// stdout and stderr are C globals Swift 6 cannot prove safe: the pointers are never changed,
// and stdio locks each stream for every call, so using them from any thread is safe.
#if canImport(Glibc)
    @preconcurrency import Glibc
#elseif canImport(Musl)
    @preconcurrency import Musl
#elseif canImport(Darwin)
    @preconcurrency import Darwin
#endif

/// Results that could not be written to stdout.
struct OutputError: Error, CustomStringConvertible {
    /// The system's reason ("no space left on device").
    var reason: String

    var description: String { "OutputError: \(reason)" }
}

enum StandardOutput {
    /// The errno of the first write that failed, to name it at the end.
    // Safe: results are written from the main thread only.
    nonisolated(unsafe) private static var failure: Int32 = 0

    /// Writes `bytes` to stdout, after whatever `print` wrote before.
    static func write(_ bytes: some Collection<UInt8>) {
        let written = bytes.withContiguousStorageIfAvailable { buffer in
            fwrite(buffer.baseAddress, 1, buffer.count, stdout)
        } ?? Array(bytes).withUnsafeBufferPointer { fwrite($0.baseAddress, 1, $0.count, stdout) }
        if written < bytes.count {
            let code = errno
            stopIfClosed(code)
            if failure == 0 { failure = code }
        }
    }

    static func write(_ text: String) { write(Array(text.utf8)) }

    /// Flushes stdout.
    /// - Throws: `OutputError` when anything written could not be; a closed pipe instead ends
    ///   the process by SIGPIPE.
    static func finish() throws {
        let flushed = fflush(stdout) == 0
        let code = flushed ? failure : errno
        guard !flushed || ferror(stdout) != 0 else { return }
        stopIfClosed(code)
        if readerIsGone() { endBySIGPIPE() }
        throw OutputError(reason: code == 0 ? "a write failed" : String(cString: strerror(code)).lowercased())
    }

    /// A write failed: when the reader has gone, stop as grep does.
    private static func stopIfClosed(_ code: Int32) {
        if code == EPIPE { endBySIGPIPE() }
    }

    /// Whether stdout is a pipe (or socket) whose reader has gone.
    private static func readerIsGone() -> Bool {
        var descriptor = pollfd(fd: STDOUT_FILENO, events: Int16(POLLOUT), revents: 0)
        return poll(&descriptor, 1, 0) == 1 && descriptor.revents & Int16(POLLERR) != 0
    }

    /// Ends the process by SIGPIPE, with nothing on stderr, as a write to a closed pipe ends grep.
    private static func endBySIGPIPE() -> Never {
        signal(SIGPIPE, SIG_DFL)
        var signals = sigset_t()
        sigemptyset(&signals)
        sigaddset(&signals, SIGPIPE)
        sigprocmask(SIG_UNBLOCK, &signals, nil)
        raise(SIGPIPE)
        _exit(128 + SIGPIPE)
    }
}

enum StandardError {
    /// Writes to stderr, unbuffered; a stderr that cannot be written to (a full disk) is
    /// ignored, as there is nowhere left to say so.
    static func write(_ text: String) {
        var text = text
        text.withUTF8 { bytes in _ = fwrite(bytes.baseAddress, 1, bytes.count, stderr) }
    }
}
