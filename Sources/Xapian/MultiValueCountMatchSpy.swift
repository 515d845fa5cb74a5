// Counts of several values kept in one slot: one read per document where one spy per slot
// would read a slot each.
internal import CXapian

/// Counts the values packed in one slot over the documents a match looks at: the slot holds
/// a document's values one after another, each as its length (unsigned LEB128) and its bytes
/// (`MultiValueCountMatchSpy.pack`); and, each apart, the whole values of other slots, as
/// `ValueCountMatchSpy` does (the empty value too: how many documents have none). Counting is by
/// hashing, with no allocation per value counted. It is not one of Xapian's own spies, so it
/// cannot run on remote shards; count there with one `ValueCountMatchSpy` per slot.
///
/// Attach it with `Enquire.add(_:)` before `matchSet`; read it afterwards.
/// Wraps a `Xapian::MatchSpy` subclass of CXapian's.
public final class MultiValueCountMatchSpy {
    let handle: OpaquePointer
    /// The slots whose whole values are counted, in the order of their counters.
    public let wholeValueSlots: [ValueSlot]

    /// A spy counting the values packed in `slot` (none when nil), only those whose first byte is
    /// one of `firstBytes` when it is given (a packed value tagged by its first byte, counted for
    /// some tags only, costs no hashing), and the whole values of each of `wholeValueSlots`.
    public init(
        slot: ValueSlot?, countingOnlyValuesStartingWith firstBytes: Set<UInt8>? = nil, wholeValueSlots: [ValueSlot] = []
    ) {
        self.wholeValueSlots = wholeValueSlots
        let first = firstBytes.map { Array($0) } ?? []
        handle = mustSucceed {
            try checkHandle { out, error in
                wholeValueSlots.withUnsafeBufferPointer { slots in
                    first.withUnsafeBufferPointer { bytes in
                        cx_multivalue_spy_new(
                            slot ?? CX_BAD_VALUENO, slots.baseAddress, slots.count, firstBytes == nil ? 0 : 1,
                            bytes.baseAddress, bytes.count, out, error)
                    }
                }
            }
        }
    }

    deinit {
        cx_multivalue_spy_free(handle)
    }

    /// The documents the spy has seen.
    public var documentCount: Int { Int(cx_multivalue_spy_documents(handle)) }

    /// The distinct packed values seen: what `forEachValue` will visit.
    public var valueCount: Int { Int(cx_multivalue_spy_value_count(handle)) }

    /// Every packed value seen, as bytes, with its count, in no particular order.
    ///
    /// - Throws: `XapianError` on failure.
    public func values() throws -> [(bytes: [UInt8], count: Int)] {
        try checkTermList { cx_multivalue_spy_values(handle, 0, $0, $1) }
    }

    /// Calls `body` with every packed value seen, its bytes lent for the call only, and its count,
    /// in no particular order: `values()` without an array for each of thousands of values.
    ///
    /// - Throws: `XapianError` on failure; what `body` throws.
    public func forEachValue(_ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        try visit(counter: 0, body)
    }

    /// Calls `body` with every whole value of `slot` seen (the empty one included), its bytes lent
    /// for the call only, and its count, in no particular order.
    ///
    /// - Throws: `XapianError.invalidArgument` when `slot` is not one of `wholeValueSlots`;
    ///   `XapianError` on failure; what `body` throws.
    public func forEachWholeValue(of slot: ValueSlot, _ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        let counter = (wholeValueSlots.firstIndex(of: slot) ?? wholeValueSlots.count) + 1
        try visit(counter: counter, body)
    }

    /// Calls `body` with each value of a counter where CXapian keeps it: no copy of thousands
    /// of values into a list first. A throw of `body` stops the calls and is rethrown.
    private func visit(counter: Int, _ body: (UnsafeRawBufferPointer, Int) throws -> Void) throws {
        try withoutActuallyEscaping(body) { body in
            var visitor = Visitor(body: body)
            try withUnsafeMutablePointer(to: &visitor) { context in
                try check { error in
                    cx_multivalue_spy_visit(handle, counter, { context, bytes, length, count in
                        let visitor = context!.assumingMemoryBound(to: Visitor.self)
                        guard visitor.pointee.failure == nil else { return }
                        do {
                            try visitor.pointee.body(UnsafeRawBufferPointer(start: length > 0 ? bytes : nil, count: length), Int(count))
                        } catch {
                            visitor.pointee.failure = error
                        }
                    }, context, error)
                }
            }
            if let failure = visitor.failure { throw failure }
        }
    }

    /// What `visit` lends CXapian's calls: the body, and what it threw.
    private struct Visitor {
        let body: (UnsafeRawBufferPointer, Int) throws -> Void
        var failure: (any Error)?
    }

    /// Appends `value` to a packed slot's bytes, as this spy reads them.
    public static func pack(_ value: some Collection<UInt8>, into bytes: inout [UInt8]) {
        var rest = UInt(value.count)
        while rest >= 0x80 {
            bytes.append(UInt8(rest & 0x7F) | 0x80)
            rest >>= 7
        }
        bytes.append(UInt8(rest))
        bytes.append(contentsOf: value)
    }
}
