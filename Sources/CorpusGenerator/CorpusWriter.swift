// Writes a generated corpus to disk: one file per article in DIR/<SOURCE>/<nnnnnnn>_<slug>.txt (or
// .html, as saved news pages) and, optionally, the same articles as one JSON Lines file and as a
// web archive of their pages, in index order.
import Dispatch
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a write produced.
public struct CorpusSummary: Sendable {
    public var articles: Int
    public var duplicates: Int
    /// The bytes of article text written (the .txt files; the JSON Lines file is not counted).
    public var bytes: Int
}

/// An error writing the corpus, with the path that failed.
public struct CorpusWriteError: Error, CustomStringConvertible {
    public var path: String
    public var reason: String
    public var description: String { "cannot write \(path): \(reason)" }
}

/// What each article file is written as.
public enum ArticleFileFormat: String, Sendable, CaseIterable {
    /// Plain text, in the layout of the seed corpus (SOURCE/nnnnnnn_slug.txt).
    case text
    /// A saved news page, with boilerplate, JSON-LD and figures (SOURCE/nnnnnnn_slug.html).
    case html
}

public struct CorpusWriter {
    public let generator: CorpusGenerator
    public let format: ArticleFileFormat

    public init(generator: CorpusGenerator, format: ArticleFileFormat = .text) {
        self.generator = generator
        self.format = format
    }

    /// Generates articles 0..<count and writes them under `directory` (and to `jsonLines` if given).
    /// Articles are generated in parallel batches; the output is identical whatever the thread count.
    /// Throws `CorpusWriteError` when a directory or file cannot be created or written.
    /// With `warc`, the pages (as HTML, whatever `format`) also go into that web archive, in order.
    public func write(
        count: Int, to directory: String, jsonLines: String? = nil, warc: String? = nil,
        threads: Int = ProcessInfo.processInfo.activeProcessorCount
    ) throws -> CorpusSummary {
        let archive = try warc.map { try WARCFileWriter(path: $0) }
        for source in EntityPools.sources {
            let folder = directory + "/" + source
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw CorpusWriteError(path: folder, reason: "\(error)")
            }
        }
        var jsonFile: UnsafeMutablePointer<FILE>?
        if let jsonLines {
            guard let file = fopen(jsonLines, "w") else {
                throw CorpusWriteError(path: jsonLines, reason: String(cString: strerror(errno)))
            }
            setvbuf(file, nil, _IOFBF, 1 << 20)
            jsonFile = file
        }
        defer { if let jsonFile { fclose(jsonFile) } }

        var summary = CorpusSummary(articles: 0, duplicates: 0, bytes: 0)
        let batchSize = 1024
        let workers = max(1, threads)
        var start = 0
        while start < count {
            let end = min(start + batchSize, count)
            let batch = try writeBatch(
                start..<end, directory: directory, workers: workers, wantJSON: jsonFile != nil, wantPage: archive != nil)
            for result in batch {
                if let archive, let page = result.page { try archive.append(url: page.url, date: page.date, html: page.html) }
                summary.articles += 1
                summary.bytes += result.bytes
                if result.duplicate { summary.duplicates += 1 }
                if let json = result.json, let jsonFile {
                    var line = json
                    let written = line.withUTF8 { fwrite($0.baseAddress, 1, $0.count, jsonFile) }
                    if written != line.utf8.count {
                        throw CorpusWriteError(path: jsonLines ?? "", reason: String(cString: strerror(errno)))
                    }
                }
            }
            start = end
        }
        if let jsonFile, fflush(jsonFile) != 0 {
            throw CorpusWriteError(path: jsonLines ?? "", reason: String(cString: strerror(errno)))
        }
        try archive?.close()
        return summary
    }

    private struct Written {
        var bytes = 0
        var duplicate = false
        var json: String?
        /// The page for the web archive: its URL, crawl time and HTML.
        var page: (url: String, date: String, html: String)?
        var failure: CorpusWriteError?
    }

    /// The results of a batch, shared by its workers.
    private struct Slots: @unchecked Sendable {
        // Safe: worker w writes only offsets w, w + workers, …, so no slot is written by two
        // threads, and the buffer outlives concurrentPerform, which returns when all are done.
        let buffer: UnsafeMutableBufferPointer<Written>
    }

    private func writeBatch(
        _ range: Range<Int>, directory: String, workers: Int, wantJSON: Bool, wantPage: Bool
    ) throws -> [Written] {
        let format = self.format
        var results = [Written](repeating: Written(), count: range.count)
        let generator = self.generator
        results.withUnsafeMutableBufferPointer { buffer in
            let slots = Slots(buffer: buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var offset = worker
                while offset < slots.buffer.count {
                    let article = generator.article(at: range.lowerBound + offset)
                    var text = format == .html ? article.renderHTML() : article.renderText()
                    let path = directory + "/" + (format == .html ? article.pagePath : article.path)
                    var result = Written(bytes: text.utf8.count, duplicate: article.duplicate != nil)
                    if let failure = CorpusWriter.writeFile(path, &text) { result.failure = failure }
                    if wantJSON { result.json = article.renderJSONLine() }
                    if wantPage {
                        // Crawled an hour after publication.
                        let hour = (Int(article.time.prefix(2)) ?? 0) + 1
                        let crawled = "\(article.date)T\(zeroPadded(min(hour, 23), width: 2))\(article.time.dropFirst(2)):00Z"
                        result.page = (article.url, crawled, format == .html ? text : article.renderHTML())
                    }
                    slots.buffer[offset] = result
                    offset += workers
                }
            }
        }
        if let failure = results.first(where: { $0.failure != nil })?.failure { throw failure }
        return results
    }

    private static func writeFile(_ path: String, _ text: inout String) -> CorpusWriteError? {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        if fd < 0 { return CorpusWriteError(path: path, reason: String(cString: strerror(errno))) }
        defer { close(fd) }
        let ok = text.withUTF8 { bytes -> Bool in
            var done = 0
            while done < bytes.count {
                let n = posixWrite(fd, bytes.baseAddress! + done, bytes.count - done)
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        return ok ? nil : CorpusWriteError(path: path, reason: String(cString: strerror(errno)))
    }
}

/// The POSIX write(2), named apart from `CorpusWriter.write` so the call is unambiguous.
private func posixWrite(_ fd: Int32, _ bytes: UnsafePointer<UInt8>, _ count: Int) -> Int {
    #if canImport(Glibc)
    return Glibc.write(fd, bytes, count)
    #else
    return Darwin.write(fd, bytes, count)
    #endif
}
