// A file read as a stream of bytes, in chunks, inflated member by member when it is gzip (web
// archives are gzip: one member per record, as Common Crawl writes them, or one for the whole
// file). Memory stays bounded whatever the file's size: a chunk of input, a chunk of output.
internal import CZlib

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a stream's bytes come from.
protocol ByteSource: AnyObject {
    /// Reads up to `buffer.count` bytes; 0 at the end.
    /// - Throws: `ByteSourceError` when the source cannot be read.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int
}

struct ByteSourceError: Error, Equatable {
    var message: String
}

/// A file, read with read(2).
final class FileByteSource: ByteSource {
    private let descriptor: Int32

    /// - Throws: `ByteSourceError` when the file cannot be opened.
    init(path: String) throws {
        descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else {
            throw ByteSourceError(message: "cannot open: " + String(cString: strerror(errno)).lowercased())
        }
    }

    deinit { close(descriptor) }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        while true {
            let count = systemRead(descriptor, buffer.baseAddress, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw ByteSourceError(message: "cannot read: " + String(cString: strerror(errno)).lowercased())
        }
    }
}

private func systemRead(_ fd: Int32, _ buffer: UnsafeMutableRawPointer?, _ count: Int) -> Int {
    read(fd, buffer, count)
}

/// Bytes already in memory.
final class MemoryByteSource: ByteSource {
    private let bytes: [UInt8]
    private var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws -> Int {
        let count = min(buffer.count, bytes.count - position)
        guard count > 0 else { return 0 }
        bytes.withUnsafeBytes { source in
            buffer.baseAddress!.copyMemory(from: source.baseAddress! + position, byteCount: count)
        }
        position += count
        return count
    }
}

/// What an inflater reads.
enum CompressedFormat: Sendable {
    case gzip
    /// A zlib stream or a gzip member (Content-Encoding: deflate is zlib in practice).
    case zlibOrGzip
    case rawDeflate
}

enum InflateError: Error, Equatable {
    case corrupt
    case outOfMemory
}

/// zlib's inflater (through CZlib), one member at a time. One thread at a time.
final class Inflater {
    private let handle: OpaquePointer

    /// - Throws: `InflateError.outOfMemory`.
    init(format: CompressedFormat) throws {
        var handle: OpaquePointer?
        let cformat: cz_format
        switch format {
        case .gzip: cformat = CZ_GZIP
        case .zlibOrGzip: cformat = CZ_ZLIB_OR_GZIP
        case .rawDeflate: cformat = CZ_RAW_DEFLATE
        }
        guard cz_inflater_new(cformat, &handle) == CZ_OK, let handle else { throw InflateError.outOfMemory }
        self.handle = handle
    }

    deinit { cz_inflater_free(handle) }

    /// Inflates what it can of `input` into `output`.
    /// - Throws: `InflateError`; after `.corrupt`, `reset()` before another member.
    func inflate(_ input: UnsafeRawBufferPointer, into output: UnsafeMutableRawBufferPointer) throws
        -> (consumed: Int, produced: Int, memberEnded: Bool)
    {
        var consumed = 0, produced = 0
        var ended: Int32 = 0
        let status = cz_inflater_inflate(
            handle, input.baseAddress?.assumingMemoryBound(to: UInt8.self), input.count,
            output.baseAddress?.assumingMemoryBound(to: UInt8.self), output.count, &consumed, &produced, &ended)
        switch status {
        case CZ_OK: return (consumed, produced, ended != 0)
        case CZ_DATA_ERROR: throw InflateError.corrupt
        default: throw InflateError.outOfMemory
        }
    }

    func reset() {
        _ = cz_inflater_reset(handle)
    }

    /// All of `bytes` inflated (members one after another), up to `limit` bytes.
    /// - Throws: `InflateError.corrupt` for data that is not `format` or is cut short.
    static func inflateAll(_ bytes: [UInt8], format: CompressedFormat, limit: Int) throws -> [UInt8] {
        let inflater = try Inflater(format: format)
        var output: [UInt8] = []
        var scratch = [UInt8](repeating: 0, count: 1 << 16)
        var position = 0
        var ended = false
        try bytes.withUnsafeBytes { input in
            while position < input.count && output.count < limit {
                let step = try scratch.withUnsafeMutableBytes { out in
                    try inflater.inflate(UnsafeRawBufferPointer(rebasing: input[position...]), into: out)
                }
                position += step.consumed
                output.append(contentsOf: scratch[0..<step.produced])
                ended = step.memberEnded
                if ended {
                    inflater.reset()
                } else if step.consumed == 0 && step.produced == 0 {
                    break
                }
            }
        }
        guard ended || output.count >= limit else { throw InflateError.corrupt }
        return output
    }
}

/// A file's bytes as a stream, inflated when the file is gzip, with where each gzip member
/// begins, so that a record can be named by its member's offset and a broken member skipped.
final class ArchiveStream {
    enum Failure: Error, Equatable {
        /// Data that is not gzip or is corrupt, in the member at this offset.
        case corrupt(memberOffset: Int)
        /// The file ended inside the member at this offset (an interrupted write).
        case truncated(memberOffset: Int)
        case unreadable(String)
    }

    let isGzip: Bool
    private let source: any ByteSource
    private let inflater: Inflater?
    private var input: [UInt8]
    private var inputStart = 0
    private var inputEnd = 0
    private var sourceEnded = false
    /// The file offset of input[inputStart].
    private var compressedPosition = 0
    private var output: [UInt8] = []
    private var outputStart = 0
    private var scratch = [UInt8](repeating: 0, count: 1 << 16)
    /// Whether a gzip member is open (begun and not ended).
    private var memberOpen = false
    /// The file offset where the open (or last) member began.
    private(set) var memberStart = 0
    /// The offset, in the uncompressed stream, of the next byte read.
    private(set) var position = 0
    private(set) var failure: Failure?

    /// - Throws: `ByteSourceError` when the first bytes cannot be read; `InflateError.outOfMemory`.
    init(source: any ByteSource) throws {
        self.source = source
        input = [UInt8](repeating: 0, count: 1 << 16)
        inputEnd = try input.withUnsafeMutableBytes { try source.read(into: $0) }
        sourceEnded = inputEnd == 0
        isGzip = inputEnd >= 2 && input[0] == 0x1F && input[1] == 0x8B
        inflater = isGzip ? try Inflater(format: .gzip) : nil
    }

    // MARK: - Reading

    /// Whether the next byte read begins a gzip member (at the start of a member-per-record file,
    /// a record begins here), and the member's offset in the file.
    var nextMemberStart: Int? {
        guard isGzip, outputStart == output.count, !memberOpen, failure == nil else { return nil }
        return compressedPosition
    }

    /// Reading stops at the end of the member that begins next (one record of a member-per-record
    /// file cannot run into the next record's member, whatever its length says); `release()` lets
    /// reading go on.
    func confineToNextMember() {
        confined = true
        confinedMemberOpened = false
    }

    func release() {
        confined = false
    }

    private var confined = false
    private var confinedMemberOpened = false

    /// The next line, through its "\n" (or the end of the stream); nil at the end. A line longer
    /// than `limit` comes back cut at `limit` bytes.
    func readLine(limit: Int) -> [UInt8]? {
        var searchFrom = outputStart
        while true {
            if let newline = output[searchFrom...].firstIndex(of: 0x0A) {
                return take(upTo: min(newline + 1, outputStart + limit))
            }
            if output.count - outputStart >= limit { return take(upTo: outputStart + limit) }
            searchFrom = output.count
            let before = outputStart
            guard fill() else {
                return output.count > outputStart ? take(upTo: output.count) : nil
            }
            searchFrom -= before - outputStart  // fill may have moved the bytes
        }
    }

    /// Up to `count` bytes (fewer at the end of the stream).
    func read(_ count: Int) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(min(count, 1 << 20))
        while bytes.count < count {
            if outputStart == output.count, !fill() { break }
            let take = min(count - bytes.count, output.count - outputStart)
            bytes.append(contentsOf: output[outputStart..<(outputStart + take)])
            outputStart += take
            position += take
        }
        return bytes
    }

    /// The next byte, left to be read; nil at the end.
    func peek() -> UInt8? {
        if outputStart == output.count, !fill() { return nil }
        return output[outputStart]
    }

    /// Skips up to `count` bytes; returns how many were skipped.
    @discardableResult
    func skip(_ count: Int) -> Int {
        var skipped = 0
        while skipped < count {
            if outputStart == output.count, !fill() { break }
            let take = min(count - skipped, output.count - outputStart)
            outputStart += take
            position += take
            skipped += take
        }
        return skipped
    }

    /// Whether nothing is left: the end of the stream, or a failure.
    var isAtEnd: Bool {
        outputStart == output.count && !fill()
    }

    // MARK: - Recovering

    /// Skips to the start of the next gzip member: the rest of the open one, or, after corrupt
    /// data, to the next gzip header in the file. Returns false at the end of the file.
    func skipToNextMember() -> Bool {
        guard isGzip else { return false }
        output.removeAll(keepingCapacity: true)
        outputStart = 0
        if case .corrupt = failure {
            failure = nil
            memberOpen = false
            inflater?.reset()
            return seekGzipHeader(skippingFirst: true)
        }
        while memberOpen, failure == nil {
            _ = fill()
            output.removeAll(keepingCapacity: true)
            outputStart = 0
        }
        if case .corrupt = failure { return skipToNextMember() }
        return failure == nil && (inputStart < inputEnd || refillInput())
    }

    /// Skips to the next line that begins with `prefix` (a record's "WARC/" line), leaving it to
    /// be read next. Returns false at the end of the stream.
    func skipToLine(startingWith prefix: [UInt8]) -> Bool {
        // Called at a line's start: the line here may be the one.
        while output.count - outputStart < prefix.count, fill() {}
        if output.count - outputStart >= prefix.count, output[outputStart..<(outputStart + prefix.count)].elementsEqual(prefix) {
            return true
        }
        var searchFrom = outputStart
        while true {
            let window = output[searchFrom...]
            var index = window.startIndex
            while let newline = window[index...].firstIndex(of: 0x0A) {
                let start = newline + 1
                if output.count - start < prefix.count { break }
                if output[start..<(start + prefix.count)].elementsEqual(prefix) {
                    position += start - outputStart
                    outputStart = start
                    return true
                }
                index = start
            }
            // Keep what a line start may still need, read on.
            let keep = min(output.count - outputStart, prefix.count + 1)
            position += output.count - keep - outputStart
            outputStart = output.count - keep
            searchFrom = outputStart
            let before = outputStart
            guard fill() else { return false }
            searchFrom -= before - outputStart
        }
    }

    // MARK: - Filling

    /// Appends more bytes to the output; false at the end of the stream or on a failure.
    private func fill() -> Bool {
        if outputStart > 0 && outputStart >= output.count / 2 {
            output.removeFirst(outputStart)
            outputStart = 0
        }
        guard failure == nil else { return false }
        guard let inflater else {
            if inputStart < inputEnd {
                output.append(contentsOf: input[inputStart..<inputEnd])
                compressedPosition += inputEnd - inputStart
                inputStart = inputEnd
                return true
            }
            guard refillInput() else { return false }
            return fill()
        }
        while true {
            if !memberOpen, confined, confinedMemberOpened { return false }
            if inputStart == inputEnd, !refillInput() {
                if memberOpen { failure = .truncated(memberOffset: memberStart) }
                return false
            }
            if !memberOpen {
                if confined {
                    if confinedMemberOpened { return false }
                    confinedMemberOpened = true
                }
                memberOpen = true
                memberStart = compressedPosition
            }
            let step: (consumed: Int, produced: Int, memberEnded: Bool)
            do {
                step = try input.withUnsafeBytes { bytes in
                    try scratch.withUnsafeMutableBytes { out in
                        try inflater.inflate(UnsafeRawBufferPointer(rebasing: bytes[inputStart..<inputEnd]), into: out)
                    }
                }
            } catch {
                failure = .corrupt(memberOffset: memberStart)
                return false
            }
            inputStart += step.consumed
            compressedPosition += step.consumed
            if step.produced > 0 { output.append(contentsOf: scratch[0..<step.produced]) }
            if step.memberEnded {
                memberOpen = false
                inflater.reset()
                if step.produced > 0 { return true }
                continue
            }
            if step.produced > 0 { return true }
            if step.consumed == 0, !refillInput() {
                failure = .truncated(memberOffset: memberStart)
                return false
            }
        }
    }

    /// Reads more input, keeping what is left; false when the source has ended.
    private func refillInput() -> Bool {
        guard !sourceEnded else { return false }
        if inputStart > 0 {
            input.withUnsafeMutableBytes { buffer in
                let remaining = inputEnd - inputStart
                if remaining > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + inputStart, byteCount: remaining) }
            }
            inputEnd -= inputStart
            inputStart = 0
        }
        if inputEnd == input.count { input.append(contentsOf: [UInt8](repeating: 0, count: input.count)) }
        do {
            let count = try input.withUnsafeMutableBytes { buffer in
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[inputEnd...]))
            }
            if count == 0 {
                sourceEnded = true
                return false
            }
            inputEnd += count
            return true
        } catch let error as ByteSourceError {
            failure = .unreadable(error.message)
            sourceEnded = true
            return false
        } catch {
            failure = .unreadable("\(error)")
            sourceEnded = true
            return false
        }
    }

    /// Moves the input to the next gzip header (1f 8b 08); false when there is none.
    private func seekGzipHeader(skippingFirst: Bool) -> Bool {
        var first = skippingFirst
        while true {
            var index = inputStart + (first ? 1 : 0)
            first = false
            while index + 2 < inputEnd {
                if input[index] == 0x1F && input[index + 1] == 0x8B && input[index + 2] == 0x08 {
                    compressedPosition += index - inputStart
                    inputStart = index
                    return true
                }
                index += 1
            }
            let keep = min(2, inputEnd - inputStart)
            compressedPosition += inputEnd - keep - inputStart
            inputStart = inputEnd - keep
            guard refillInput() else { return false }
        }
    }

    private func take(upTo end: Int) -> [UInt8] {
        let line = Array(output[outputStart..<end])
        position += end - outputStart
        outputStart = end
        return line
    }
}
