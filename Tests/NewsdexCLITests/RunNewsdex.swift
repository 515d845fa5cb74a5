// Runs the built `newsdex` binary, as a user would, and captures what it prints.
import Foundation

struct RunResult {
    var status: Int32
    var stdout: String
    var stderr: String
}

/// The `newsdex` executable that `swift build` put beside this test bundle.
func newsdexExecutable() -> URL {
    var directory = Bundle(for: BundleLocator.self).bundleURL.deletingLastPathComponent()
    // On Linux the test bundle is an .xctest file in the build products folder.
    if !FileManager.default.fileExists(atPath: directory.appendingPathComponent("newsdex").path) {
        directory = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
    }
    return directory.appendingPathComponent("newsdex")
}

private final class BundleLocator {}

/// What a reader thread read.
private final class ReadBox: @unchecked Sendable {
    // Safe: written by the reader before it leaves the group, read only after waiting for it.
    var data = Data()
}

/// - Parameter wrapper: a command that runs newsdex (`setpriv --reuid=… --`), when not run directly.
@discardableResult
func runNewsdex(
    _ arguments: [String], environment: [String: String] = [:], stdin: String? = nil,
    currentDirectory: URL? = nil, wrapper: [String] = []
) throws -> RunResult {
    let process = Process()
    if let command = wrapper.first {
        process.executableURL = URL(fileURLWithPath: command)
        process.arguments = wrapper.dropFirst() + [newsdexExecutable().path] + arguments
    } else {
        process.executableURL = newsdexExecutable()
        process.arguments = arguments
    }
    var env = ProcessInfo.processInfo.environment
    env["NO_COLOR"] = "1"
    for (key, value) in environment { env[key] = value }
    process.environment = env
    if let currentDirectory { process.currentDirectoryURL = currentDirectory }
    let out = Pipe(), err = Pipe()
    process.standardOutput = out
    process.standardError = err
    if let stdin {
        let input = Pipe()
        process.standardInput = input
        input.fileHandleForWriting.write(Data(stdin.utf8))
        try? input.fileHandleForWriting.close()
    } else {
        process.standardInput = FileHandle.nullDevice
    }
    try process.run()
    // Read both pipes before waiting, so a large output cannot fill a pipe and block the child.
    let errData = ReadBox()
    let group = DispatchGroup()
    group.enter()
    DispatchQueue.global().async {
        errData.data = err.fileHandleForReading.readDataToEndOfFile()
        group.leave()
    }
    let outData = out.fileHandleForReading.readDataToEndOfFile()
    group.wait()
    process.waitUntilExit()
    return RunResult(
        status: process.terminationStatus,
        stdout: String(decoding: outData, as: UTF8.self),
        stderr: String(decoding: errData.data, as: UTF8.self))
}

/// Writes a generated corpus into `folder` with the `newsdex-corpus` built beside `newsdex`.
/// - Throws: CorpusGeneratorFailed when it exits with anything but 0.
/// - Parameter duplicates: the share of articles that are near copies of another's story.
func generateCorpus(into folder: String, articles: Int, seed: Int, duplicates: Double? = nil) throws {
    let process = Process()
    process.executableURL = newsdexExecutable().deletingLastPathComponent().appendingPathComponent("newsdex-corpus")
    process.arguments = ["--articles", String(articles), "--seed", String(seed), "--out", folder]
        + (duplicates.map { ["--duplicates", String($0)] } ?? [])
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { throw CorpusGeneratorFailed(status: process.terminationStatus) }
}

struct CorpusGeneratorFailed: Error, CustomStringConvertible {
    var status: Int32
    var description: String { "newsdex-corpus exited with \(status)" }
}
