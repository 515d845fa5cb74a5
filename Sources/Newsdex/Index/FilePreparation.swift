// Reading corpus files for indexing: each file is loaded, hashed, parsed into articles, and its
// articles' languages, entities and story fingerprints computed, on as many threads as the run
// has jobs.
import Foundation

extension Indexer {
    /// Reads, hashes, parses and extracts entities of files, on `jobs` threads.
    func prepareAll(_ files: [CorpusFile], tracker: ProgressTracker? = nil) -> [PreparedFile] {
        let results = ResultBox<PreparedFile>(count: files.count)
        let queue = WorkQueue(count: files.count)
        DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(1, files.count))) { _ in
            while let index = queue.take() {
                results[index] = self.prepare(files[index])
                tracker?.advance(file: files[index])
            }
        }
        return results.values.map { $0! }
    }

    /// Reads one file and makes its articles ready to index. Never throws: what cannot be read
    /// or parsed becomes a rejection naming the file.
    func prepare(_ file: CorpusFile) -> PreparedFile {
        var result = PreparedFile(file: file)
        let loaded: ArticleReader.LoadedFile
        switch reader.load(fileAt: file.url, relativePath: file.relativePath) {
        case .success(let file): loaded = file
        case .failure(let rejection):
            result.rejected.append(rejection)
            return result
        }
        let bytes = loaded.bytes
        result.record = FileRecord(hash: ContentHash(bytes: bytes), size: loaded.size, modified: loaded.modified)
        let read = reader.read(bytes: bytes, relativePath: file.relativePath)
        result.rejected = read.rejections
        result.warnings = read.warnings
        result.articles = read.articles.map { article in
            let languages = ArticleLanguages(of: article)
            return PreparedArticle(
                article: article, entities: extractor.entities(of: article, language: languages.article),
                fingerprint: options.stories.map { StoryFingerprint(article: article, options: $0) },
                languages: languages)
        }
        return result
    }
}

/// One file, read and parsed, ready to write.
struct PreparedFile: Sendable {
    var file: CorpusFile
    var record: FileRecord?
    var articles: [PreparedArticle] = []
    var rejected: [Rejection] = []
    var warnings: [ReadWarning] = []

    init(file: CorpusFile) { self.file = file }
}
