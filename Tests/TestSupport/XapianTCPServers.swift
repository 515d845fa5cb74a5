// Stock xapian-tcpsrv processes serving databases on the loopback interface, for tests.
//
// Each server runs in a session (and so a process group) of its own, as `make cluster` starts
// them with setsid: xapian-tcpsrv answers SIGTERM by sending SIGTERM to its whole process group
// (its connection children), so a server sharing a group with others, or with the test, would
// take them down with it.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

public struct MissingTool: Error, CustomStringConvertible {
    public var description: String
}

/// One xapian-tcpsrv per database, each on a free port of 127.0.0.1; stopped when released.
public final class XapianTCPServers {
    /// The servers' process ids, each the leader of its own session.
    public private(set) var pids: [pid_t] = []
    public private(set) var ports: [Int] = []
    private var running: [Bool] = []

    public init(serving databases: [String]) throws {
        guard let executable = Self.executable() else {
            throw MissingTool(description: "xapian-tcpsrv is not on PATH: run `make deps` (it installs xapian-tools)")
        }
        do {
            for database in databases { try start(executable, database) }
        } catch {
            stopAll()
            throw error
        }
    }

    deinit { stopAll() }

    public var stubText: String { ports.map { "remote 127.0.0.1:\($0)\n" }.joined() }

    /// Stops server `index` as `make cluster-stop` does, with SIGTERM, and waits until it has
    /// exited; its connection children go with it (it signals its own process group).
    public func stop(_ index: Int) {
        guard running[index] else { return }
        kill(pids[index], SIGTERM)
        reap(index)
    }

    /// Kills server `index` and its connection children at once, as a crash of its machine
    /// would: SIGKILL to its whole session.
    public func crash(_ index: Int) {
        guard running[index] else { return }
        kill(-pids[index], SIGKILL)
        reap(index)
    }

    /// Whether server `index` is still running (it has not exited).
    public func isRunning(_ index: Int) -> Bool {
        guard running[index] else { return false }
        var status: Int32 = 0
        if waitpid(pids[index], &status, WNOHANG) == pids[index] {
            running[index] = false
            return false
        }
        return true
    }

    public func stopAll() {
        for index in pids.indices { stop(index) }
    }

    private func reap(_ index: Int) {
        var status: Int32 = 0
        while waitpid(pids[index], &status, 0) < 0 && errno == EINTR {}
        running[index] = false
    }

    static func executable() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("xapian-tcpsrv") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts `executable` with `arguments` in a session of its own (posix_spawn's SETSID, as
    /// setsid(1) does), with no signal blocked or ignored (a test thread's mask may block
    /// SIGTERM), stdin from /dev/null and output discarded.
    static func spawnInOwnSession(_ executable: URL, _ arguments: [String]) throws -> pid_t {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        var all = sigset_t()
        sigfillset(&all)
        posix_spawnattr_setsigdefault(&attributes, &all)
        #if os(Linux)
            // POSIX_SPAWN_SETSID of glibc's spawn.h, which Swift does not import.
            let setsid: Int32 = 0x80
        #else
            let setsid = Int32(POSIX_SPAWN_SETSID)
        #endif
        posix_spawnattr_setflags(&attributes, Int16(setsid | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        for fd in [Int32(0), 1, 2] {
            posix_spawn_file_actions_addopen(&actions, fd, "/dev/null", fd == 0 ? O_RDONLY : O_WRONLY, 0)
        }
        let argv = ([executable.path] + arguments).map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable.path, &actions, &attributes, argv, environ)
        guard status == 0 else {
            throw MissingTool(description: "cannot start \(executable.path): \(String(cString: strerror(status)))")
        }
        return pid
    }

    /// Starts a server on a port the kernel just gave out; another process may take it between
    /// our probe and the server's bind, so a server that exits at once is tried on another.
    private func start(_ executable: URL, _ database: String) throws {
        for _ in 0..<5 {
            let port = try Self.freePort()
            let pid = try Self.spawnInOwnSession(executable, [
                "--interface", "127.0.0.1", "--port", String(port), "--timeout", "20000", "--quiet", database,
            ])
            pids.append(pid)
            ports.append(port)
            running.append(true)
            let index = pids.count - 1
            let deadline = Date().addingTimeInterval(5)
            while isRunning(index) && Date() < deadline {
                if Self.accepts(port: port) { return }
                usleep(20_000)
            }
            crash(index)
            pids.removeLast()
            ports.removeLast()
            running.removeLast()
        }
        throw MissingTool(description: "xapian-tcpsrv did not start serving \(database)")
    }

    private static func loopback(port: Int) -> sockaddr_in {
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = in_port_t(UInt16(port).bigEndian)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return address
    }

    private static func tcpSocket() -> Int32 {
        #if canImport(Glibc)
            return socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        #else
            return socket(AF_INET, SOCK_STREAM, 0)
        #endif
    }

    /// A port of 127.0.0.1 that nothing listens on now (bind to port 0, read it, close).
    static func freePort() throws -> Int {
        let fd = tcpSocket()
        defer { close(fd) }
        var address = loopback(port: 0)
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw MissingTool(description: "cannot find a free port on 127.0.0.1") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Whether something accepts connections on the port.
    public static func accepts(port: Int) -> Bool {
        let fd = tcpSocket()
        defer { close(fd) }
        var address = loopback(port: port)
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0
            }
        }
    }
}
