// The JSON that `check --format json` prints. Fields may be added, never renamed or removed,
// without a new format_version.
import Newsdex

struct CheckReportJSON: Encodable {
    static let formatVersion = 1

    let report: IndexCheckReport

    struct Discrepancy: Encodable {
        var kind: String
        var path: String
    }

    struct Skipped: Encodable {
        var path: String
        var reason: String
    }

    enum CodingKeys: String, CodingKey {
        case formatVersion = "format_version", filesChecked = "files_checked", discrepancies, duplicates, skipped
        case tablesChecked = "tables_checked", notChecked = "not_checked"
    }

    func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(Self.formatVersion, forKey: .formatVersion)
        try c.encode(report.filesChecked, forKey: .filesChecked)
        try c.encode(
            report.discrepancies.map { Discrepancy(kind: $0.kind.rawValue, path: $0.path) }, forKey: .discrepancies)
        try c.encode(report.duplicates, forKey: .duplicates)
        try c.encode(report.skipped.map { Skipped(path: $0.path, reason: $0.explanation) }, forKey: .skipped)
        // With --deep: the databases Xapian's check found sound ("" is the index itself), and
        // the remote shards it could not read.
        try c.encode(report.tablesChecked, forKey: .tablesChecked)
        try c.encode(report.notChecked, forKey: .notChecked)
    }
}
