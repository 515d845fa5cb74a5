// A publication date as the index stores it (day, month and year terms, the date slots), and as
// users type it in `--from` and `--to`.
import Foundation

/// A publication date as the index stores it.
public struct PublicationDate: Sendable, Hashable {
    public let year: Int
    public let month: Int
    public let day: Int
    /// "HH:MM" when the time is known.
    public let time: String?

    /// Reads "YYYY-MM-DD", optionally followed by "THH:MM[:SS…]"; nil for anything else, and
    /// for a day the month does not have (2024-02-30).
    public init?(iso: String) {
        let bytes = Array(iso.utf8)
        func number(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var value = 0
            for b in bytes[range] {
                guard b >= 48 && b <= 57 else { return nil }
                value = value * 10 + Int(b - 48)
            }
            return value
        }
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            (1...12).contains(month), (1...Self.days(inMonth: month, of: year)).contains(day)
        else { return nil }
        self.year = year
        self.month = month
        self.day = day
        if bytes.count >= 16, bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "),
            let hour = number(11..<13), let minute = number(14..<16), hour < 24, minute < 60
        {
            time = String(decoding: bytes[11..<16], as: UTF8.self)
        } else {
            time = nil
        }
    }

    /// Reads "YYYYMMDD" or "YYYY-MM-DD", or a whole month ("YYYY-MM", "YYYYMM") or year
    /// ("YYYY"), as users type in `--from` and `--to`: a month or year means its first day, or
    /// with `roundingUp` its last (`--to 2024-10` runs to the end of October).
    public init?(userInput: String, roundingUp: Bool = false) {
        let digits = userInput.filter { $0 != "-" }
        guard digits.allSatisfy(\.isASCII), digits.allSatisfy(\.isNumber),
            [4, 6, 8].contains(digits.count), let year = Int(digits.prefix(4))
        else { return nil }
        let chars = Array(digits)
        let month = digits.count >= 6 ? Int(String(chars[4..<6]))! : (roundingUp ? 12 : 1)
        guard (1...12).contains(month) else { return nil }
        let day = digits.count == 8
            ? Int(String(chars[6..<8]))! : (roundingUp ? Self.days(inMonth: month, of: year) : 1)
        self.init(iso: "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))")
    }

    /// Days in a month of the Gregorian calendar.
    static func days(inMonth month: Int, of year: Int) -> Int {
        switch month {
        case 2: return year % 4 == 0 && (year % 100 != 0 || year % 400 == 0) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    public var yyyy: String { pad(year, 4) }
    public var yyyymm: String { yyyy + pad(month, 2) }
    public var yyyymmdd: String { yyyymm + pad(day, 2) }
    /// Sorts in time order: "2024-10-18T14:30", or "2024-10-18" when the time is unknown.
    public var sortable: String {
        let date = "\(yyyy)-\(pad(month, 2))-\(pad(day, 2))"
        return time.map { "\(date)T\($0)" } ?? date
    }

    private func pad(_ value: Int, _ width: Int) -> String { Self.pad(value, width) }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let s = String(value)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
