// The exit codes a script can rely on; the README's table lists the same ones.
import ArgumentParser

extension ExitCode {
    /// A search found nothing, or `check` found the index out of date (as grep's 1).
    static let noMatch = ExitCode(1)
    /// A usage or query error. ArgumentParser exits 64 for its own validation errors; the root command maps them to 2.
    static let usage = ExitCode(2)
    /// Some inputs were rejected; the rest was indexed and committed.
    static let rejectedInputs = ExitCode(3)
    /// The index cannot be opened or written: missing, locked, corrupt or of another schema version.
    static let indexUnavailable = ExitCode(4)
}
