// `newsdex index`'s progress on one line of stderr, redrawn in place: articles written and
// articles/s, the share of the corpus read, the time left once it can be estimated, and what the
// run does after its last file (committing, merging, switching) instead of a bar at 100%.
import Foundation
import Newsdex

/// Draws each progress report over the last one. A line never takes more than the terminal's
/// width less one column (a full line would wrap on some terminals and leave a line per redraw);
/// the width is read on each redraw, so a resized window is followed.
final class ProgressBar: @unchecked Sendable {
    // Safe: `shown`, `rates` and every write to stderr happen only under `lock`.
    private let lock = NSLock()
    private var shown = false
    private var rates = RecentRates()

    func update(_ progress: IndexProgress) {
        lock.withLock {
            rates.add(progress)
            let columns = Terminal.columns(of: STDERR_FILENO) ?? 80
            // Back to the line's start, the new line, then erase what a longer one left.
            Terminal.writeError("\r" + Self.line(progress, rates: rates, columns: columns - 1) + "\u{1B}[K")
            shown = true
        }
    }

    /// Erases the line, for the summary to take its place.
    func finish() {
        lock.withLock {
            if shown { Terminal.writeError("\r\u{1B}[K") }
        }
    }

    /// The line for `progress`, at most `columns` wide.
    static func line(_ progress: IndexProgress, rates: RecentRates, columns: Int) -> String {
        let articles = count(progress.articles, "article")
        switch progress.phase {
        case .comparing(let files):
            return fit(["comparing \(count(files, "file")) with the index"], columns: columns)
        case .reading(let files):
            return measured(
                progress, heading: "reading \(count(files, "new or changed file"))", rates: rates, columns: columns)
        case .indexing:
            return measured(progress, count: articles, rates: rates, columns: columns)
        case .copying:
            return fit(["copying the index to update the copy"], columns: columns)
        case .committing:
            return fit(["\(articles); committing"], columns: columns)
        case .merging(let databases):
            return fit(["\(articles); merging \(databases) databases into one"], columns: columns)
        case .compacting:
            return fit(["\(articles); compacting the index the update grew"], columns: columns)
        case .switching:
            return fit(["\(articles); switching to the new index"], columns: columns)
        }
    }

    /// A phase with a share done: `[####....] 45%  123 articles  45 articles/s  0:42 left`, or
    /// `reading 3 new or changed files  [####....] 45%  0:12 left` with a `heading`. What does not
    /// fit goes, least needed first: the bar, the rate, the time left, the percentage.
    private static func measured(
        _ progress: IndexProgress, heading: String? = nil, count: String? = nil, rates: RecentRates, columns: Int
    ) -> String {
        let fraction = progress.bytesTotal > 0
            ? min(1, max(0, Double(progress.bytesDone) / Double(progress.bytesTotal))) : nil
        let percent = fraction.map { "\(Int($0 * 100))%" }
        let rate = count != nil ? rates.articlesPerSecond.map { "\(number($0)) articles/s" } : nil
        let left = rates.secondsLeft(progress).map { "\(clock($0)) left" }
        var parts: [String?] = [percent, count, rate, left]
        let words = { (parts: [String?]) in parts.compactMap { $0 }.joined(separator: "  ") }
        let head = heading.map { $0 + "  " } ?? ""
        // The bar takes what the words leave, between 10 and 30 columns.
        let room = columns - head.count - words(parts).count - 3
        if let fraction, room >= 10 {
            let width = min(30, room)
            let filled = Int(fraction * Double(width))
            let bar = "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: width - filled) + "] "
            return head + bar + words(parts)
        }
        for dropped in [2, 3, 0] where head.count + words(parts).count > columns {
            parts[dropped] = nil
        }
        return fit([head + words(parts)], columns: columns)
    }

    /// The parts on one line, cut at `columns` if they are longer.
    private static func fit(_ parts: [String], columns: Int) -> String {
        String(parts.joined(separator: "  ").prefix(max(0, columns)))
    }

    private static func count(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }

    private static func number(_ value: Double) -> String {
        value >= 10 ? String(Int(value.rounded())) : String(format: "%.1f", value)
    }

    static func clock(_ seconds: Double) -> String {
        let s = Int(seconds.rounded())
        let two = { (v: Int) in v < 10 ? "0\(v)" : "\(v)" }
        return s >= 3600 ? "\(s / 3600):\(two(s / 60 % 60)):\(two(s % 60))" : "\(s / 60):\(two(s % 60))"
    }
}

/// Rates over the last seconds of the current phase. The time left is estimated from them, not
/// from the whole run, so a slow start (or a burst of unchanged files) does not skew it, and
/// from bytes read, not files, since one file may hold one article or thousands.
struct RecentRates {
    /// The seconds the rates are measured over.
    static let window = 10.0
    /// The seconds of a phase measured before a time left is shown: before, it is noise.
    static let settling = 3.0

    private var phase: IndexProgress.Phase?
    private var samples: [(time: Double, bytes: Int, articles: Int)] = []

    mutating func add(_ progress: IndexProgress) {
        if progress.phase != phase {
            phase = progress.phase
            samples = []
        }
        samples.append((progress.elapsed, progress.bytesDone, progress.articles))
        while samples.count > 2, samples[1].time <= progress.elapsed - Self.window { samples.removeFirst() }
    }

    private var span: Double { (samples.last?.time ?? 0) - (samples.first?.time ?? 0) }

    /// Articles written per second, once a second is measured.
    var articlesPerSecond: Double? {
        guard let first = samples.first, let last = samples.last, span >= 1 else { return nil }
        return Double(last.articles - first.articles) / span
    }

    /// Seconds until the phase has read all its bytes at the recent rate; nil until the phase has
    /// run a few seconds and read something in them.
    func secondsLeft(_ progress: IndexProgress) -> Double? {
        guard let first = samples.first, let last = samples.last, span >= Self.settling,
            progress.bytesTotal > 0, last.bytes > first.bytes
        else { return nil }
        let seconds = Double(progress.bytesTotal - progress.bytesDone) / (Double(last.bytes - first.bytes) / span)
        return seconds < 100 * 3600 ? seconds : nil
    }
}
