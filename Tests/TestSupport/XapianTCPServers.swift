// Stock xapian-tcpsrv processes serving databases on the loopback interface, for tests.
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
    public private(set) var processes: [Process] = []
    public private(set) var ports: [Int] = []

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

    /// Stops server `index` and waits until it has exited. SIGKILL, as a crash would: a process
    /// started from a test thread may inherit a signal mask that blocks SIGTERM.
    public func stop(_ index: Int) {
        guard processes[index].isRunning else { return }
        kill(processes[index].processIdentifier, SIGKILL)
        processes[index].waitUntilExit()
    }

    public func stopAll() {
        for index in processes.indices { stop(index) }
    }

    static func executable() -> URL? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { URL(fileURLWithPath: String($0)).appendingPathComponent("xapian-tcpsrv") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    /// Starts a server on a port the kernel just gave out; another process may take it between
    /// our probe and the server's bind, so a server that exits at once is tried on another.
    private func start(_ executable: URL, _ database: String) throws {
        for _ in 0..<5 {
            let port = try Self.freePort()
            let process = Process()
            process.executableURL = executable
            process.arguments = [
                "--interface", "127.0.0.1", "--port", String(port), "--timeout", "20000", "--quiet", database,
            ]
            process.standardInput = FileHandle.nullDevice
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            let deadline = Date().addingTimeInterval(5)
            while process.isRunning && Date() < deadline {
                if Self.accepts(port: port) {
                    processes.append(process)
                    ports.append(port)
                    return
                }
                usleep(20_000)
            }
            if process.isRunning { kill(process.processIdentifier, SIGKILL) }
            process.waitUntilExit()
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
    static func accepts(port: Int) -> Bool {
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
