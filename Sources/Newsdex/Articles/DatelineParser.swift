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
        // After a date, a separator may lead to a label: "Mar 5, 2024 / 10:14 AM / CBS News".
        var afterSeparator = false

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
            if found != nil, laterStampWords.contains(lower) {
                return found  // "March 5, 2024 10:14 AM Updated 2 hours ago": the first stamp
            }
            if separators.contains(lower) {
                afterSeparator = found != nil
                continue
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
            // "18.10.2024", as German and other European sites write a date.
            if let (d, m, y) = dottedDate(token) {
                guard day == nil, month == nil, year == nil else { return nil }
                if found == nil { day = d; month = m; year = y; guard complete() else { return nil } }
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
            return afterSeparator ? found : nil
        }
        return found
    }

    /// Words that open a second time stamp after the first: the first is the dateline's.
    private static let laterStampWords: Set<String> = [
        "updated", "modified", "aktualisiert", "actualizado", "aggiornato", "atualizado", "bijgewerkt",
    ]

    /// Separators after which, once a date is read, a label may end the line.
    private static let separators: Set<String> = ["|", "/", "•", "·"]

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

    /// "18.10.2024" → (18, 10, 2024): a day and a month of one or two digits, a year of four.
    private static func dottedDate(_ token: Substring) -> (Int, Int, Int)? {
        let parts = token.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, (1...2).contains(parts[0].count), (1...2).contains(parts[1].count),
            parts[2].count == 4, let d = number(ArraySlice(parts[0].utf8)), let m = number(ArraySlice(parts[1].utf8)),
            let y = number(ArraySlice(parts[2].utf8)), (1...31).contains(d), (1...12).contains(m)
        else { return nil }
        return (d, m, y)
    }

    /// "18", "18th", "1er" (French), "2024".
    private static func dayOrYear(_ token: Substring) -> Int? {
        var digits = token
        for suffix in ["st", "nd", "rd", "th", "er"] where token.lowercased().hasSuffix(suffix) {
            digits = token.dropLast(2)
            guard digits.count <= 2 else { return nil }
        }
        guard digits.count == 1 || digits.count == 2 || digits.count == 4 else { return nil }
        return number(ArraySlice(digits.utf8))
    }

    /// "14:30", "14:30:05", "2:30pm", "2.30pm", "2pm", "10.12" (the Guardian's), "14h30" (French).
    private static func parseTime(_ token: String) -> (Int, Int, String?)? {
        if let h = token.firstIndex(of: "h"), h != token.startIndex {
            let hour = token[..<h], minute = token[token.index(after: h)...]
            guard hour.count <= 2, let hours = number(ArraySlice(hour.utf8)), hours < 24,
                minute.isEmpty || minute.count == 2
            else { return nil }
            let minutes = minute.isEmpty ? 0 : number(ArraySlice(minute.utf8))
            guard let minutes, minutes < 60 else { return nil }
            return (hours, minutes, nil)
        }
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

    /// Words around a date in the languages of European news sites: English, German, French,
    /// Spanish, Italian, Portuguese, Dutch ("Veröffentlicht am 18. Oktober 2024, 14:30 Uhr",
    /// "Publié le 18 octobre 2024 à 14h30", "18 de octubre de 2024").
    private static let fillerWords: Set<String> = [
        "published", "updated", "posted", "last", "first", "modified", "date", "on", "at", "of",
        "the", "-", "–", "—",
        "veröffentlicht", "aktualisiert", "stand", "am", "um", "uhr", "vom",
        "publié", "mis", "à", "jour", "le", "du", "modifié",
        "publicado", "actualizado", "de", "del", "a", "las", "el",
        "pubblicato", "aggiornato", "alle", "ore", "il",
        "atualizado", "às", "em",
        "gepubliceerd", "bijgewerkt", "om", "op",
    ]

    private static let weekdays: Set<String> = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
        "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
        "montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag", "sonntag",
        "lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
        "lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo",
        "lunedì", "martedì", "mercoledì", "giovedì", "venerdì", "sabato", "domenica",
        "segunda-feira", "terça-feira", "quarta-feira", "quinta-feira", "sexta-feira",
        "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    ]

    private static let months: [String: Int] = [
        "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
        "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
        "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9,
        "sept": 9, "oct": 10, "nov": 11, "dec": 12,
        // German
        "januar": 1, "jänner": 1, "februar": 2, "märz": 3, "mai": 5, "juni": 6, "juli": 7,
        "oktober": 10, "dezember": 12, "mär": 3, "okt": 10, "dez": 12,
        // French
        "janvier": 1, "février": 2, "fevrier": 2, "mars": 3, "avril": 4, "juin": 6, "juillet": 7,
        "août": 8, "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "décembre": 12,
        "decembre": 12, "janv": 1, "févr": 2, "avr": 4, "juil": 7, "déc": 12,
        // Spanish
        "enero": 1, "febrero": 2, "marzo": 3, "abril": 4, "mayo": 5, "junio": 6, "julio": 7,
        "agosto": 8, "septiembre": 9, "setiembre": 9, "octubre": 10, "noviembre": 11, "diciembre": 12,
        // Italian
        "gennaio": 1, "febbraio": 2, "aprile": 4, "maggio": 5, "giugno": 6, "luglio": 7,
        "settembre": 9, "ottobre": 10, "dicembre": 12,
        // Portuguese
        "janeiro": 1, "fevereiro": 2, "março": 3, "maio": 5, "junho": 6, "julho": 7, "setembro": 9,
        "outubro": 10, "novembro": 11, "dezembro": 12,
        // Dutch
        "januari": 1, "februari": 2, "maart": 3, "mei": 5, "augustus": 8,
    ]
}
