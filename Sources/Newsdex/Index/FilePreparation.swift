// Reading corpus files for indexing: each file is loaded, hashed, parsed into articles, and its
// articles' languages, entities and story fingerprints computed, on as many threads as the run
// has jobs.
import Foundation

extension Indexer {
    /// Reads, hashes, parses and extracts entities of files, on `jobs` threads.
    func prepareAll(
        _ files: [CorpusFile], selection: ShardSelection? = nil, tracker: ProgressTracker? = nil
    ) -> [PreparedFile] {
        let results = ResultBox<PreparedFile>(count: files.count)
        let queue = WorkQueue(count: files.count)
        DispatchQueue.concurrentPerform(iterations: min(options.jobs, max(1, files.count))) { _ in
            while let index = queue.take() {
                results[index] = self.prepare(files[index], selection: selection)
                tracker?.advance(file: files[index])
            }
        }
        return results.values.map { $0! }
    }

    /// Reads one file and makes its articles ready to index. Never throws: what cannot be read
    /// or parsed becomes a rejection naming the file. With a `selection`, articles of other
    /// shards are only fingerprinted, for story clustering.
    func prepare(_ file: CorpusFile, selection: ShardSelection? = nil) -> PreparedFile {
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
        for article in read.articles {
            if let selection, !selection.keeps(articleID: article.id) {
                if let stories = options.stories {
                    result.otherShards.append(OtherShardArticle(
                        id: article.id, fingerprint: StoryFingerprint(article: article, options: stories),
                        position: result.articles.count))
                }
                continue
            }
            let languages = ArticleLanguages(of: article)
            result.articles.append(PreparedArticle(
                article: article, entities: extractor.entities(of: article, language: languages.article),
                fingerprint: options.stories.map { StoryFingerprint(article: article, options: $0) },
                languages: languages))
        }
        return result
    }
}

/// One file, read and parsed, ready to write.
struct PreparedFile: Sendable {
    var file: CorpusFile
    var record: FileRecord?
    var articles: [PreparedArticle] = []
    /// Articles of the file that belong to other shards (a build of one shard alone).
    var otherShards: [OtherShardArticle] = []
    var rejected: [Rejection] = []
    var warnings: [ReadWarning] = []

    init(file: CorpusFile) { self.file = file }
}

/// An article another machine indexes: its fingerprint joins this run's story clustering, so that
/// every shard's build decides the same stories.
struct OtherShardArticle: Sendable {
    var id: String
    var fingerprint: StoryFingerprint
    /// How many of the file's own articles (`PreparedFile.articles`) come before it.
    var position: Int
}
