// Range syntax for QueryParser ("2024-01-01..2024-02-01", "10..20kg").

/// A kind of range `QueryParser` recognises, restricting a value slot.
///
/// `prefix` (when not empty) must precede the start of the range, e.g. "date:" in
/// "date:2024-01-01..2024-02-01".
public enum RangeProcessor {
    /// Dates (e.g. "2024-01-31", "31/1/2024") compared against "YYYYMMDD" strings in `slot`.
    ///
    /// Wraps `Xapian::DateRangeProcessor(slot, prefix, RP_DATE_PREFER_MDY?, epochYear)`.
    case date(slot: ValueSlot, prefix: String = "", preferMDY: Bool = false, epochYear: Int = 1970)
    /// Numbers compared against `sortableSerialise`d values in `slot`; `suffix` (e.g. "kg")
    /// may instead follow the numbers. With both, either form is accepted.
    ///
    /// Wraps `Xapian::NumberRangeProcessor(slot, str, RP_SUFFIX?)`.
    case number(slot: ValueSlot, prefix: String = "", suffix: String? = nil)
    /// Strings compared byte-wise against the values in `slot`.
    ///
    /// Wraps `Xapian::RangeProcessor(slot, prefix)`.
    case string(slot: ValueSlot, prefix: String = "")
}
