internal import CXapian

/// The version of the Xapian library linked, such as "1.4.22".
///
/// Wraps `Xapian::version_string()`.
public var xapianVersion: String { String(cString: cx_version_string()) }
