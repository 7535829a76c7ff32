/// When an article was published, as precise as the source says and no more.
///
/// News pages give `Le 14/03/2024 à 18h32`, `jeudi 04 novembre 2021` or only `mars 2021`; the value keeps the
/// calendar fields that were given, so a day-precision date is never presented as midnight. A UTC offset is kept
/// when the source gave one.
public struct PublicationDate: Sendable, Hashable, Codable, CustomStringConvertible {
    /// How precise the date is.
    public enum Precision: String, Sendable, Hashable, Codable, Comparable {
        case unknown, year, month, day, minute

        private var rank: Int {
            switch self {
            case .unknown: 0
            case .year: 1
            case .month: 2
            case .day: 3
            case .minute: 4
            }
        }
        public static func < (lhs: Precision, rhs: Precision) -> Bool { lhs.rank < rhs.rank }
    }

    /// Where the date came from.
    public enum Origin: Sendable, Hashable, Codable {
        /// Given with the input (a JSONL `publishedAt` field, or set by the caller).
        case input
        /// Found in the article text, at this span of the raw text, by the named component.
        case text(span: TextSpan, foundBy: String)
    }

    public var year: Int
    public var month: Int?
    public var day: Int?
    public var hour: Int?
    public var minute: Int?
    /// Offset from UTC in minutes, when the source gave one.
    public var utcOffsetMinutes: Int?
    /// Where the date came from.
    public var origin: Origin

    /// The precision implied by the fields that are set.
    public var precision: Precision {
        if month == nil { return .year }
        if day == nil { return .month }
        if hour == nil { return .day }
        return .minute
    }

    /// Creates a date; the fields must form a valid calendar date (checked by ``init(iso8601:origin:)``, not here).
    public init(
        year: Int, month: Int? = nil, day: Int? = nil, hour: Int? = nil, minute: Int? = nil,
        utcOffsetMinutes: Int? = nil, origin: Origin = .input
    ) {
        self.year = year
        self.month = month
        self.day = month == nil ? nil : day
        self.hour = self.day == nil ? nil : hour
        self.minute = self.hour == nil ? nil : (minute ?? 0)
        self.utcOffsetMinutes = self.hour == nil ? nil : utcOffsetMinutes
        self.origin = origin
    }

    /// Parses ISO 8601 at any precision: `2024`, `2024-03`, `2024-03-14`, `2024-03-14T18:32`,
    /// `2024-03-14T18:32:05Z`, `2024-03-14 18:32:05+01:00` (seconds and fractions are accepted and dropped).
    /// - Returns: `nil` when the text is not such a date or names an impossible day.
    public init?(iso8601 text: String, origin: Origin = .input) {
        let bytes = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= bytes.count else { return nil }
            var value = 0
            for k in i..<(i + digits) {
                let b = bytes[k]
                guard b >= 0x30 && b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            i += digits
            return value
        }
        func consume(_ byte: UInt8) -> Bool {
            if i < bytes.count && bytes[i] == byte { i += 1; return true }
            return false
        }
        guard let year = number(4) else { return nil }
        var month: Int?, day: Int?, hour: Int?, minute: Int?, offset: Int?
        if consume(0x2D) {
            guard let m = number(2), (1...12).contains(m) else { return nil }
            month = m
            if consume(0x2D) {
                guard let d = number(2), d >= 1, d <= PublicationDate.daysIn(month: m, year: year) else { return nil }
                day = d
                if consume(0x54) || consume(0x74) || consume(0x20) {
                    guard let h = number(2), h < 24, consume(0x3A), let mi = number(2), mi < 60 else { return nil }
                    hour = h
                    minute = mi
                    if consume(0x3A) {
                        guard let s = number(2), s < 61 else { return nil }
                        _ = s
                        if consume(0x2E) || consume(0x2C) {
                            while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
                        }
                    }
                    if consume(0x5A) || consume(0x7A) {
                        offset = 0
                    } else if i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D {
                        let sign = bytes[i] == 0x2D ? -1 : 1
                        i += 1
                        guard let oh = number(2) else { return nil }
                        _ = consume(0x3A)
                        guard let om = number(2), oh <= 14, om < 60 else { return nil }
                        offset = sign * (oh * 60 + om)
                    }
                }
            }
        }
        guard i == bytes.count else { return nil }
        self.init(
            year: year, month: month, day: day, hour: hour, minute: minute, utcOffsetMinutes: offset, origin: origin)
    }

    /// ISO 8601 at the date's precision: `2024`, `2024-03`, `2024-03-14`, `2024-03-14T18:32` (plus `Z` or
    /// `+01:00` when an offset is known).
    public var iso8601: String {
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = pad(year, 4)
        guard let month else { return text }
        text += "-" + pad(month, 2)
        guard let day else { return text }
        text += "-" + pad(day, 2)
        guard let hour else { return text }
        text += "T" + pad(hour, 2) + ":" + pad(minute ?? 0, 2)
        if let offset = utcOffsetMinutes {
            if offset == 0 {
                text += "Z"
            } else {
                text += (offset < 0 ? "-" : "+") + pad(abs(offset) / 60, 2) + ":" + pad(abs(offset) % 60, 2)
            }
        }
        return text
    }

    public var description: String { iso8601 }

    /// Number of days of a month in the proleptic Gregorian calendar.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
