// Reading a file a user named, or one found in a folder a user named, safely: only a regular
// file is read, it is opened without blocking (a FIFO swapped in under an article's name, or named
// as the index, would otherwise block the process forever), and never more than a bound of bytes.
import Foundation

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#elseif canImport(Darwin)
    import Darwin
#endif

/// What is at a path.
public enum FileKind: String, Sendable, Hashable, Codable {
    case regular, directory, symbolicLink, fifo, socket, characterDevice, blockDevice, missing, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFSOCK: self = .socket
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        default: self = .other
        }
    }

    /// The kind in words, as rejections name it ("a FIFO").
    public var description: String {
        switch self {
        case .regular: return "a file"
        case .directory: return "a folder"
        case .symbolicLink: return "a symbolic link"
        case .fifo: return "a FIFO"
        case .socket: return "a socket"
        case .characterDevice: return "a character device"
        case .blockDevice: return "a block device"
        case .missing: return "nothing"
        case .other: return "not a file"
        }
    }

    /// What is at `path`: what a symbolic link points to when `followingLinks`, else the link.
    public init(path: String, followingLinks: Bool = true) {
        var info = stat()
        let status = followingLinks ? stat(path, &info) : lstat(path, &info)
        self = status == 0 ? FileKind(mode: info.st_mode) : .missing
    }
}

/// A regular file's bytes, read without blocking.
enum RegularFile {
    /// A file's bytes, with its size and modification time (nanoseconds) when it was read.
    struct Contents: Sendable {
        var bytes: [UInt8]
        var size: Int
        var modified: Int64
    }

    /// Why a file was not read.
    enum Failure: Error, Sendable, Hashable {
        /// Not a regular file: a folder, a FIFO, a device, a socket.
        case notRegular(FileKind)
        /// Larger than the bound given: its size.
        case tooLarge(Int)
        /// The system refused: the operation ("open", "stat", "read") and errno.
        case system(String, Int32)
    }

    /// Reads the regular file at `path` (following symbolic links), at most `maxBytes` of it: a
    /// larger file fails unread. The file is opened with O_NONBLOCK, so a FIFO or a device fails
    /// at once instead of blocking, and without becoming the controlling terminal.
    static func read(_ path: String, maxBytes: Int) -> Result<Contents, Failure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC)
        guard fd >= 0 else { return .failure(.system("open", errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.system("stat", errno)) }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else { return .failure(.notRegular(kind)) }
        let size = Int(info.st_size)
        if size > maxBytes { return .failure(.tooLarge(size)) }
        var bytes = [UInt8](repeating: 0, count: size)
        var filled = 0
        while filled < size {
            let count = bytes.withUnsafeMutableBytes { buffer in
                systemRead(fd, buffer.baseAddress! + filled, size - filled)
            }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return .failure(.system("read", errno))
            }
            if count == 0 { break }  // the file shrank while we read it
            filled += count
        }
        if filled < size { bytes.removeLast(size - filled) }
        #if canImport(Darwin)
            let modified = Int64(info.st_mtimespec.tv_sec) * 1_000_000_000 + Int64(info.st_mtimespec.tv_nsec)
        #else
            let modified = Int64(info.st_mtim.tv_sec) * 1_000_000_000 + Int64(info.st_mtim.tv_nsec)
        #endif
        return .success(Contents(bytes: bytes, size: size, modified: modified))
    }

    /// The file's text, when it is a regular UTF-8 file of at most `maxBytes`; nil otherwise.
    static func text(_ path: String, maxBytes: Int) -> String? {
        guard case .success(let contents) = read(path, maxBytes: maxBytes) else { return nil }
        return String(validating: contents.bytes, as: UTF8.self)
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer, _ count: Int) -> Int {
    read(fd, buffer, count)
}
