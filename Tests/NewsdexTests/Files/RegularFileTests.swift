import Foundation
import Testing
@testable import Newsdex

#if canImport(Glibc)
    import Glibc
#endif

@Suite struct RegularFileTests {
    @Test func readsARegularFileAndItsSizeAndTime() throws {
        let directory = try TemporaryDirectory()
        let file = directory.write("a.txt", "hello")
        let contents = try RegularFile.read(file.path, maxBytes: 100).get()
        #expect(contents.bytes == Array("hello".utf8) && contents.size == 5 && contents.modified > 0)
        #expect(RegularFile.text(file.path, maxBytes: 100) == "hello")
    }

    /// A FIFO with no writer would block open(2) forever without O_NONBLOCK.
    @Test func aFIFOIsRefusedAtOnceNeverRead() throws {
        let directory = try TemporaryDirectory()
        let fifo = directory.path("pipe.txt").path
        #expect(mkfifo(fifo, 0o644) == 0)
        #expect(RegularFile.read(fifo, maxBytes: 100) == .failure(.notRegular(.fifo)))
        #expect(FileKind(path: fifo) == .fifo)
    }

    @Test func aFolderADeviceAndAFileTooLargeAreRefused() throws {
        let directory = try TemporaryDirectory()
        #expect(RegularFile.read(directory.url.path, maxBytes: 100) == .failure(.notRegular(.directory)))
        #expect(RegularFile.read("/dev/zero", maxBytes: 100) == .failure(.notRegular(.characterDevice)))
        let file = directory.write("big.txt", String(repeating: "x", count: 101))
        #expect(RegularFile.read(file.path, maxBytes: 100) == .failure(.tooLarge(101)))
        #expect(RegularFile.read(directory.path("none").path, maxBytes: 100) == .failure(.system("open", ENOENT)))
    }

    @Test func aSymbolicLinkIsFollowedOrSeenAsALink() throws {
        let directory = try TemporaryDirectory()
        let file = directory.write("a.txt", "hello")
        let link = directory.path("link.txt").path
        #expect(symlink(file.path, link) == 0)
        #expect(FileKind(path: link) == .regular && FileKind(path: link, followingLinks: false) == .symbolicLink)
        #expect(RegularFile.text(link, maxBytes: 100) == "hello")
    }
}

extension Result where Success == RegularFile.Contents, Failure == RegularFile.Failure {
    static func == (lhs: Self, rhs: Self) -> Bool {
        switch (lhs, rhs) {
        case (.failure(let a), .failure(let b)): return a == b
        default: return false
        }
    }
}
