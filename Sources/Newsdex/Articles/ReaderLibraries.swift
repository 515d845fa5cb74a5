// The C libraries the readers open on first use rather than at every start of newsdex: libxml2
// for saved pages, libcld2 for languages (a search loads neither: issue 16). A run that reads
// articles loads them before any work, so that a missing one stops it with its name, rather
// than rejecting every page or leaving every language undetermined.
internal import CCLD2
internal import CHTML

/// A C library newsdex opens when it first needs it could not be loaded.
public struct LibraryLoadError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file the dynamic loader was asked for ("libxml2.so.2").
    public var library: String
    /// What the dynamic loader said.
    public var reason: String

    public init(library: String, reason: String) {
        self.library = library
        self.reason = reason
    }

    public var description: String { "LibraryLoadError(\(library): \(reason))" }
}

extension ArticleReader {
    /// Loads the libraries reading articles needs: libxml2 and libcld2. Cheap after the first call.
    /// - Throws: `LibraryLoadError` for the first that cannot be loaded.
    public static func loadLibraries() throws(LibraryLoadError) {
        try HTMLPage.loadLibrary()
        try LanguageDetector.loadLibrary()
    }
}

extension LibraryLoadError {
    /// Runs a C target's loader (`ch_library_load`, `cld_library_load`), which says why it could
    /// not load its library through its argument.
    /// - Throws: `LibraryLoadError` naming `library` when it could not.
    fileprivate static func check(
        _ load: (UnsafeMutablePointer<UnsafePointer<CChar>?>) -> Int32, library: UnsafePointer<CChar>
    ) throws(LibraryLoadError) {
        var reason: UnsafePointer<CChar>?
        guard load(&reason) == 0 else { return }
        throw LibraryLoadError(library: String(cString: library), reason: reason.map { String(cString: $0) } ?? "")
    }
}

extension HTMLPage {
    /// Loads libxml2, once per process.
    /// - Throws: `LibraryLoadError` when it cannot be loaded.
    static func loadLibrary() throws(LibraryLoadError) {
        try LibraryLoadError.check(ch_library_load, library: ch_library_name())
    }
}

extension LanguageDetector {
    /// Loads libcld2, once per process.
    /// - Throws: `LibraryLoadError` when it cannot be loaded.
    static func loadLibrary() throws(LibraryLoadError) {
        try LibraryLoadError.check(cld_library_load, library: cld_library_name())
    }
}
