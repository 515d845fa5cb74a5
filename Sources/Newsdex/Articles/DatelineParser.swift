// Reads the publication date from a dateline ("18 October 2024, 14:30", "Oct 18, 2024",
// "2024-10-18T14:30") by scanning words, not with regular expressions: it runs on every file.

/// A calendar date with an optional time of day, as written on the page (time zones are dropped:
/// news archives are read in the outlet's local time).
struct Dateline: Sendable, Hashable {
    /// "2024-10-18"
    var date: String
    /// "14:30"
    var time: String?

    /// "2024-10-18" or "2024-10-18T14:30".
    var iso: String { time.map { "\(date)T\($0)" } ?? date }
}

enum DatelineParser {
    /// The date of a line that is a dateline and nothing else, or nil. Weekday names are allowed
    /// beside a full date but never make one: a date needs a day, a month and a year.
    static func parse(_ line: Substring) -> Dateline? {
        guard line.utf8.count <= 100 else { return nil }
        var day: Int?, month: Int?, year: Int?
        var found: Dateline?
        var awaitingMeridiem: (hour: Int, minute: Int)?
        // A time written before its date ("Updated 3:14 PM EST, March 2, 2024", AP).
        var timeBefore: (hour: Int, minute: Int)?

        func complete() -> Bool {
            guard found == nil, let d = day, let m = month, let y = year else { return false }
            guard let date = isoDate(year: y, month: m, day: d) else { return false }
            found = Dateline(date: date)
            if let timeBefore { setTime(timeBefore.hour, timeBefore.minute) }
            return true
        }
        func setTime(_ hour: Int, _ minute: Int) {
            if found != nil, found!.time == nil, hour < 24, minute < 60 {
                found!.time = twoDigits(hour) + ":" + twoDigits(minute)
            }
        }

        let tokens = line.split(whereSeparator: { $0 == " " || $0 == "," || $0.isWhitespace })
        for rawToken in tokens {
            var token = rawToken
            while let last = token.last, last == "." || last == ":" || last == ";" || last == ")" {
                token = token.dropLast()
            }
            while let first = token.first, first == "(" { token = token.dropFirst() }
            if token.isEmpty { continue }
            let lower = token.lowercased()

            if let pending = awaitingMeridiem {
                awaitingMeridiem = nil
                if let hour = meridiemHour(pending.hour, lower) {
                    if found == nil {
                        timeBefore = (hour, pending.minute)
                    } else {
                        found!.time = nil
                        setTime(hour, pending.minute)
                    }
                    continue
                }
            }
            if fillerWords.contains(lower) { continue }
            if weekdays.contains(lower) { continue }
            if let m = months[lower] {
                guard found != nil || month == nil else { return nil }
                if found == nil { month = m; _ = complete() }
                continue
            }
            if let iso = parseISO(token) {
                if found == nil { found = iso; day = 1; month = 1; year = 1 }
                continue
            }
            if let number = dayOrYear(token) {
                if found != nil { continue }  // a second date ("Updated 19 October 2024"): the first wins
                if number >= 1000 {
                    guard year == nil else { return nil }
                    year = number
                } else {
                    guard day == nil, number >= 1, number <= 31 else { return nil }
                    day = number
                }
                _ = complete()
                continue
            }
            if let (hour, minute, meridiem) = parseTime(lower) {
                guard found != nil else {
                    // Before any part of the date, once: "3:14 PM EST, March 2, 2024".
                    guard timeBefore == nil, day == nil, month == nil, year == nil, minute < 60 else { return nil }
                    if let meridiem {
                        guard let hour = meridiemHour(hour, meridiem) else { return nil }
                        timeBefore = (hour, minute)
                    } else {
                        guard hour < 24 else { return nil }
                        timeBefore = (hour, minute)
                        if hour <= 12 { awaitingMeridiem = (hour, minute) }
                    }
                    continue
                }
                if let meridiem {
                    guard let hour = meridiemHour(hour, meridiem) else { return nil }
                    setTime(hour, minute)
                } else {
                    setTime(hour, minute)
                    if found!.time != nil, hour <= 12 { awaitingMeridiem = (hour, minute) }
                }
                continue
            }
            if isTimeZone(token) {
                guard found != nil || timeBefore != nil else { return nil }
                continue
            }
            return nil
        }
        return found
    }

    /// "2024-10-18", "2024-10-18T14:30", "2024-10-18T14:30:00Z", "2024-10-18 14:30" (as one
    /// string), or nil.
    static func parseISO<S: StringProtocol>(_ text: S) -> Dateline? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 10, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
            let y = number(bytes[0..<4]), let m = number(bytes[5..<7]), let d = number(bytes[8..<10]),
            let date = isoDate(year: y, month: m, day: d)
        else { return nil }
        if bytes.count == 10 { return Dateline(date: date) }
        guard bytes[10] == UInt8(ascii: "T") || bytes[10] == UInt8(ascii: " "), bytes.count >= 16,
            bytes[13] == UInt8(ascii: ":"), let hour = number(bytes[11..<13]),
            let minute = number(bytes[14..<16]), hour < 24, minute < 60
        else { return nil }
        // Seconds, fractions and a zone may follow; only their shape is checked.
        let rest = bytes[16...]
        let allowed = Set("0123456789:.+-Z ".utf8)
        guard rest.allSatisfy({ allowed.contains($0) }) else { return nil }
        return Dateline(date: date, time: twoDigits(hour) + ":" + twoDigits(minute))
    }

    /// A scraper header line " date 2024-10-18 The title": the date and the rest of the line.
    static func parseHeader(_ line: Substring) -> (date: Dateline, title: Substring)? {
        let trimmed = line.trimmedForParsing()
        guard trimmed.utf8.count >= 15, trimmed.prefix(4).lowercased() == "date" else { return nil }
        var rest = trimmed.dropFirst(4)
        if rest.first == ":" { rest = rest.dropFirst() }
        guard rest.first?.isWhitespace == true else { return nil }
        rest = rest.trimmedForParsing()
        let token = rest.prefix(while: { !$0.isWhitespace })
        guard let date = parseISO(token) else { return nil }
        return (date, rest.dropFirst(token.count).trimmedForParsing())
    }

    // MARK: - Pieces

    static func isoDate(year: Int, month: Int, day: Int) -> String? {
        guard (1000...2999).contains(year), (1...12).contains(month), day >= 1 else { return nil }
        let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
        let lengths = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]
        guard day <= lengths[month - 1] else { return nil }
        return "\(year)-\(twoDigits(month))-\(twoDigits(day))"
    }

    private static func twoDigits(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }

    private static func number(_ bytes: ArraySlice<UInt8>) -> Int? {
        guard !bytes.isEmpty, bytes.count <= 4 else { return nil }
        var value = 0
        for byte in bytes {
            guard byte >= UInt8(ascii: "0"), byte <= UInt8(ascii: "9") else { return nil }
            value = value * 10 + Int(byte - UInt8(ascii: "0"))
        }
        return value
    }

    /// "18", "18th", "2024".
    private static func dayOrYear(_ token: Substring) -> Int? {
        var digits = token
        for suffix in ["st", "nd", "rd", "th"] where token.lowercased().hasSuffix(suffix) {
            digits = token.dropLast(2)
            guard digits.count <= 2 else { return nil }
        }
        guard digits.count == 1 || digits.count == 2 || digits.count == 4 else { return nil }
        return number(ArraySlice(digits.utf8))
    }

    /// "14:30", "14:30:05", "2:30pm", "2.30pm", "2pm", "10.12" (the Guardian's).
    private static func parseTime(_ token: String) -> (Int, Int, String?)? {
        var body = Substring(token)
        var meridiem: String?
        for suffix in ["am", "pm", "a.m", "p.m"] where body.hasSuffix(suffix) {
            meridiem = suffix
            body = body.dropLast(suffix.count)
            break
        }
        let parts = body.split(separator: body.contains(":") ? ":" : ".", omittingEmptySubsequences: false)
        guard let hour = parts.first.flatMap({ $0.count <= 2 ? number(ArraySlice($0.utf8)) : nil })
        else { return nil }
        if parts.count == 1 {
            guard meridiem != nil else { return nil }
            return (hour, 0, meridiem)
        }
        guard parts.count <= 3, parts[1].count == 2, let minute = number(ArraySlice(parts[1].utf8)),
            parts.count == 2 || number(ArraySlice(parts[2].utf8)) != nil
        else { return nil }
        return (hour, minute, meridiem)
    }

    private static func meridiemHour(_ hour: Int, _ meridiem: String) -> Int? {
        guard (1...12).contains(hour) else { return nil }
        switch meridiem {
        case "am", "a.m": return hour == 12 ? 0 : hour
        case "pm", "p.m": return hour == 12 ? 12 : hour + 12
        default: return nil
        }
    }

    /// "BST", "GMT", "UTC+1", "+01:00", "ET".
    private static func isTimeZone(_ token: Substring) -> Bool {
        if token.first == "+" || token.first == "-" {
            return token.dropFirst().allSatisfy { $0.isASCII && ($0.isNumber || $0 == ":") } && token.count > 1
        }
        let letters = token.prefix(while: { $0.isASCII && $0.isUppercase })
        guard (2...5).contains(letters.count) else { return false }
        let offset = token.dropFirst(letters.count)
        return offset.isEmpty
            || ((offset.first == "+" || offset.first == "-")
                && offset.dropFirst().allSatisfy { $0.isASCII && ($0.isNumber || $0 == ":") })
    }

    private static let fillerWords: Set<String> = [
        "published", "updated", "posted", "last", "first", "modified", "date", "on", "at", "of",
        "the", "|", "•", "·", "-", "–", "—", "/",
    ]

    private static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    ]

    private static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "oct": 10, "nov": 11, "dec": 12,
    ]
}
