// The one funnel from CXapian's status codes to thrown XapianErrors, and the helpers that move
// byte strings across the C boundary. Nothing here is public.
internal import CXapian

/// Runs a CXapian call, passing it the error out-parameter, and throws if it did not return CX_OK.
func check(_ call: (UnsafeMutablePointer<OpaquePointer?>) -> cx_status) throws {
    var error: OpaquePointer?
    let status = call(&error)
    guard status != CX_OK else { return }
    defer { cx_error_free(error) }
    let message = error.map { String(cString: cx_error_message($0)) } ?? ""
    let context = error.map { String(cString: cx_error_context($0)) } ?? ""
    throw XapianError(status: status, message: message, context: context, systemError: error.map(cx_error_errno) ?? 0)
}

/// For calls that cannot fail short of running out of memory: a failure there is treated as the
/// Swift runtime treats allocation failure.
func mustSucceed<T>(_ body: () throws -> T) -> T {
    do {
        return try body()
    } catch {
        fatalError("Xapian call failed unexpectedly: \(error)")
    }
}

/// Lends the UTF-8 bytes of `string` as a (pointer, length) pair.
func withBytes<R>(_ string: String, _ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
    var string = string
    return try string.withUTF8 { buffer in
        try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress, $0.count) }
    }
}

/// Lends `bytes` as a (pointer, length) pair.
func withBytes<R>(_ bytes: [UInt8], _ body: (UnsafePointer<CChar>?, Int) throws -> R) rethrows -> R {
    try bytes.withUnsafeBufferPointer { buffer in
        try buffer.withMemoryRebound(to: CChar.self) { try body($0.baseAddress, $0.count) }
    }
}

/// Runs a CXapian call returning a malloc'd byte string and takes ownership of it.
func checkBytes(
    _ call: (
        UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, UnsafeMutablePointer<Int>,
        UnsafeMutablePointer<OpaquePointer?>
    ) -> cx_status
) throws -> [UInt8] {
    var out: UnsafeMutablePointer<CChar>?
    var length = 0
    try check { call(&out, &length, $0) }
    defer { cx_bytes_free(out) }
    guard let out, length > 0 else { return [] }
    return Array(UnsafeRawBufferPointer(start: out, count: length))
}

/// Runs a CXapian call returning a cx_termlist and copies it out as (bytes, count) pairs.
func checkTermList(
    _ call: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>) -> cx_status
) throws -> [(bytes: [UInt8], count: Int)] {
    var list: OpaquePointer?
    try check { call(&list, $0) }
    defer { cx_termlist_free(list) }
    return (0..<cx_termlist_size(list)).map { i in
        var bytes: UnsafePointer<CChar>?
        var length = 0
        var count: UInt64 = 0
        cx_termlist_get(list, i, &bytes, &length, &count)
        return (Array(UnsafeRawBufferPointer(start: length > 0 ? bytes : nil, count: length)), Int(count))
    }
}

/// Runs a CXapian call that creates a handle and returns it.
func checkHandle(
    _ call: (UnsafeMutablePointer<OpaquePointer?>, UnsafeMutablePointer<OpaquePointer?>) -> cx_status
) throws -> OpaquePointer {
    var handle: OpaquePointer?
    try check { call(&handle, $0) }
    guard let handle else { fatalError("CXapian returned CX_OK without a handle") }
    return handle
}

extension String {
    /// Decodes Xapian bytes, repairing invalid UTF-8 rather than failing.
    init(xapianBytes bytes: [UInt8]) { self = String(decoding: bytes, as: UTF8.self) }
}
