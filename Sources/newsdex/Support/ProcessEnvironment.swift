// The few environment variables the CLI reads (NEWSDEX_DB, NO_COLOR), each read alone:
// ProcessInfo's `environment` copies the whole environment into a dictionary first, 3.6% of
// a one-shot search's instructions (issue 16, bench/RESULTS.md).
import Foundation

enum ProcessEnvironment {
    /// The value of the variable `name`, nil when it is not set.
    static func value(_ name: String) -> String? {
        getenv(name).map { String(cString: $0) }
    }
}
