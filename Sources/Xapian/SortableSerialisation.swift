// Numbers as value-slot bytes whose byte order is their numeric order.
internal import CXapian

/// Encodes `value` so that comparing the bytes compares the numbers (for sorting and ranges).
///
/// Wraps `Xapian::sortable_serialise`.
public func sortableSerialise(_ value: Double) -> [UInt8] {
    mustSucceed { try checkBytes { cx_sortable_serialise(value, $0, $1, $2) } }
}

/// Decodes bytes made by `sortableSerialise` (garbage in, some number out).
///
/// Wraps `Xapian::sortable_unserialise`.
public func sortableUnserialise(_ bytes: [UInt8]) -> Double {
    withBytes(bytes) { b, n in cx_sortable_unserialise(b, n) }
}
