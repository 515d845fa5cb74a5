// One shard of an index built on its own (`newsdex index --shard I/N`): N machines each build the
// articles of one shard of the same corpus into an index folder of their own and serve it with
// xapian-tcpsrv; a stub of their `remote` lines searches them as one index (IndexOpener).
//
// Every machine reads every file: it records every file (so that its own later runs skip what did
// not change), and fingerprints the articles of the other shards without indexing them, so that
// all machines assign story clusters over the same articles in the same order and copies of one
// story get the same cluster id wherever they are built (see `Indexer.assignStories`).
import Foundation
internal import Xapian

/// Shard `index` of `count`, built alone: the articles whose id routes there (`ShardKey`).
public struct ShardSelection: Sendable, Hashable, CustomStringConvertible {
    public let index: Int
    public let count: Int

    /// nil unless `count` is at least 2 and `index` is in 0..<count.
    public init?(index: Int, count: Int) {
        guard count >= 2, (0..<count).contains(index) else { return nil }
        self.index = index
        self.count = count
    }

    /// Reads "I/N", as `--shard` takes it and the index records it.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]) else { return nil }
        self.init(index: index, count: count)
    }

    public var description: String { "\(index)/\(count)" }

    /// Whether the article with this id belongs to this shard.
    func keeps(articleID id: String) -> Bool {
        ShardKey.shard(ofArticle: id, count: count) == index
    }

    /// The selection an index's database was built with; nil for a whole index, or the shards of
    /// one generation built together (`--shards`).
    /// - Throws: what reading its metadata throws.
    static func recorded(in database: Database) throws -> ShardSelection? {
        ShardSelection(try database.metadata(IndexMetadata.standaloneShard))
    }
}

/// Lets threads take turns in the order of the files' indexes in the corpus: turn k starts once
/// turns 0..<k have ended. Every index must take its turn, or later ones wait forever; a thread
/// that stops taking its indexes (it failed) abandons the turns, and those waiting give up.
final class Turns: @unchecked Sendable {
    // Safe: `next` and `abandoned` are read and written only under `condition`'s lock.
    private let condition = NSCondition()
    private var next = 0
    private var abandoned = false

    /// Thrown to a thread waiting for a turn that will not come.
    struct Abandoned: Error {}

    /// Runs `body` in turn `index`, alone among the turns.
    /// - Throws: `Abandoned` when the turns were abandoned before this one came; what `body`
    ///   throws.
    func inTurn<T>(_ index: Int, _ body: () throws -> T) throws -> T {
        condition.lock()
        while next != index && !abandoned { condition.wait() }
        let comes = next == index
        condition.unlock()
        guard comes else { throw Abandoned() }
        defer {
            condition.lock()
            next += 1
            condition.broadcast()
            condition.unlock()
        }
        return try body()
    }

    /// Whether turn `index` is the one that may start now.
    func isCurrent(_ index: Int) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        return next == index
    }

    /// Wakes every thread waiting for its turn, which then throws `Abandoned`.
    func abandon() {
        condition.lock()
        abandoned = true
        condition.broadcast()
        condition.unlock()
    }
}
