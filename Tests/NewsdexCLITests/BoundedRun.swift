// Runs the built `newsdex` under a time bound and measures its peak memory, as the fuzz tests
// and the hostile-input tests need: a hang is killed and reported, never waited on forever.
// These bounds are safety nets against hangs and runaway memory, not speed assertions.
import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// What a bounded run of `newsdex` did.
struct BoundedResult {
    /// The exit status, or nil when a signal ended it.
    var status: Int32?
    /// The signal that ended it, if any (SIGKILL when the time bound was reached).
    var signal: Int32?
    var stdout: String
    var stderr: String
    var seconds: Double
    /// Peak resident memory, in bytes.
    var peakMemory: Int
    var timedOut: Bool

    var summary: String {
        "status \(status.map(String.init) ?? "-") signal \(signal.map(String.init) ?? "-") in \(String(format: "%.2f", seconds)) s, "
            + "\(peakMemory >> 20) MiB\(timedOut ? " (killed: time bound)" : ""); stderr: \(stderr.prefix(400))"
    }
}

enum Bounds {
    /// Seconds one command may take before it counts as a hang. Generous: a debug build on a
    /// shared two-core machine runs every case in well under a second.
    static let seconds: Double = 30
    /// Peak resident memory of one command, in bytes.
    static let memory = 512 << 20
}

/// Where the child's stdout goes.
enum StandardOutputTarget {
    /// A temporary file, read back into `stdout`.
    case captured
    /// A path opened for writing (`/dev/full`).
    case path(String)
    /// A pipe whose reading end is already closed.
    case closedPipe
}

/// Runs `newsdex` with `arguments`, killing it after `timeout` seconds, and reports its exit,
/// output, time and peak memory (from wait4's rusage).
func runBounded(
    _ arguments: [String], environment: [String: String] = [:], timeout: Double = Bounds.seconds,
    stdout target: StandardOutputTarget = .captured, stdin: String? = nil
) throws -> BoundedResult {
    let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("newsdex-run-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: scratch) }
    let outPath = scratch.appendingPathComponent("out").path
    let errPath = scratch.appendingPathComponent("err").path
    let inPath = scratch.appendingPathComponent("in").path
    try Data((stdin ?? "").utf8).write(to: URL(fileURLWithPath: inPath))

    var actions = posix_spawn_file_actions_t()
    posix_spawn_file_actions_init(&actions)
    defer { posix_spawn_file_actions_destroy(&actions) }
    posix_spawn_file_actions_addopen(&actions, 0, inPath, O_RDONLY, 0)
    var pipeEnds: [Int32] = [-1, -1]
    switch target {
    case .captured:
        posix_spawn_file_actions_addopen(&actions, 1, outPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
    case .path(let path):
        posix_spawn_file_actions_addopen(&actions, 1, path, O_WRONLY, 0)
    case .closedPipe:
        guard pipe(&pipeEnds) == 0 else { throw POSIXError(.EMFILE) }
        close(pipeEnds[0])
        posix_spawn_file_actions_adddup2(&actions, pipeEnds[1], 1)
        posix_spawn_file_actions_addclose(&actions, pipeEnds[1])
    }
    posix_spawn_file_actions_addopen(&actions, 2, errPath, O_WRONLY | O_CREAT | O_TRUNC, 0o644)

    // The child starts with SIGPIPE at its default, as from a shell.
    var attributes = posix_spawnattr_t()
    posix_spawnattr_init(&attributes)
    defer { posix_spawnattr_destroy(&attributes) }
    var defaults = sigset_t()
    sigemptyset(&defaults)
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF))

    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    let executable = newsdexExecutable().path
    let argv = ([executable] + arguments).map { strdup($0) } + [nil]
    let envp = env.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
        for pointer in argv { free(pointer) }
        for pointer in envp { free(pointer) }
    }
    var pid: pid_t = 0
    let start = Date()
    let spawned = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
    if pipeEnds[1] >= 0 { close(pipeEnds[1]) }
    guard spawned == 0 else { throw POSIXError(POSIXErrorCode(rawValue: spawned) ?? .EINVAL) }

    var status: Int32 = 0
    var usage = rusage()
    var timedOut = false
    while true {
        let done = wait4(pid, &status, WNOHANG, &usage)
        if done == pid { break }
        if done < 0 && errno != EINTR { break }
        if Date().timeIntervalSince(start) > timeout && !timedOut {
            timedOut = true
            kill(pid, SIGKILL)
        }
        usleep(2_000)
    }
    let seconds = Date().timeIntervalSince(start)
    let read = { (path: String) in (try? String(contentsOfFile: path, encoding: .utf8)) ?? "" }
    // WIFEXITED / WTERMSIG, which Swift does not import as macros.
    let signal = status & 0x7F
    return BoundedResult(
        status: signal == 0 ? (status >> 8) & 0xFF : nil, signal: signal == 0 ? nil : signal,
        stdout: target.isCaptured ? read(outPath) : "", stderr: read(errPath), seconds: seconds,
        peakMemory: Int(usage.ru_maxrss) * 1024, timedOut: timedOut)
}

extension StandardOutputTarget {
    var isCaptured: Bool {
        if case .captured = self { return true }
        return false
    }
}
