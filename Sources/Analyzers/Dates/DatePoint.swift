import CorpusKit

/// A point on the calendar as a rule understood it, at some granularity, with the fields it knows.
///
/// Rules build points; the extractor turns them into TIMEX3 values (``value``) and into the instants bounding
/// what they denote (``bounds``). Unknown fields are written with `X`, the TIMEX3 way (`XXXX-05-01`).
struct DatePoint: Hashable {
    typealias Granularity = TemporalExpression.Granularity

    var grain: Granularity
    var year: Int?
    var month: Int?
    var day: Int?
    var hour: Int?
    var minute: Int?
    /// Seconds, when the text gives them (`18:32:05`); the grain stays the minute.
    var second: Int?
    /// ISO week number (with ``year`` as the week-numbering year).
    var week: Int?
    /// ISO weekday when only the weekday is known (`XXXX-WXX-2`).
    var weekday: Int?
    /// 1 spring, 2 summer, 3 autumn, 4 winter.
    var season: Int?
    /// 1…4.
    var quarter: Int?
    /// 1…2 (semesters).
    var half: Int?
    /// The first three digits of the decade's years (`199`).
    var decade: Int?
    /// The first two digits of the century's years (`18` for the XIXe siècle).
    var century: Int?
    /// `MO`, `AF`, `EV`, `NI`, `DT`: a part of the day (`hier soir`, `dans la journée`).
    var partOfDay: String?
    /// Which part of the point: 0 all of it, 1 its start (`en début de matinée`, `début mars`), 2 its middle
    /// (`mi-mars`), 3 its end (`fin 2023`). Applies to ``partOfDay`` when there is one, else to the grain; see
    /// ``bounds``.
    var partModifier: UInt8 = 0

    init(grain: Granularity, year: Int? = nil, month: Int? = nil, day: Int? = nil) {
        self.grain = grain
        self.year = year
        self.month = month
        self.day = day
    }

    /// A day point from a day number.
    static func day(_ dayNumber: Int) -> DatePoint {
        let c = CalendarMath.civil(dayNumber)
        return DatePoint(grain: .day, year: c.year, month: c.month, day: c.day)
    }

    /// The day number, when year, month and day are known and valid.
    var dayNumber: Int? {
        guard let year, let month, let day, CalendarMath.isValid(year: year, month: month, day: day) else {
            return nil
        }
        return CalendarMath.dayNumber(year: year, month: month, day: day)
    }

    /// Whether the point has a time of day.
    var hasTime: Bool { hour != nil || partOfDay != nil }

    /// Whether the point has calendar fields (as opposed to a bare time of day).
    var hasDate: Bool {
        year != nil || month != nil || day != nil || week != nil || weekday != nil || season != nil
            || quarter != nil || half != nil || decade != nil || century != nil || grain == .day
    }

    // MARK: - Value

    /// The TIMEX3 value.
    var value: String {
        switch grain {
        case .century: return century.map { Self.pad($0, 2) } ?? "XX"
        case .decade: return decade.map { Self.pad($0, 3) } ?? "XXX"
        default: break
        }
        let y = year.map { Self.pad($0, 4) } ?? "XXXX"
        var text: String
        switch grain {
        case .year: text = y
        case .season: text = y + "-" + (["SP", "SU", "FA", "WI"][min(max((season ?? 1) - 1, 0), 3)])
        case .quarter:
            if let half { text = y + "-H" + String(half) } else { text = y + "-Q" + (quarter.map(String.init) ?? "X") }
        case .month: text = y + "-" + (month.map { Self.pad($0, 2) } ?? "XX")
        case .week:
            text = week.map { y + "-W" + Self.pad($0, 2) } ?? "XXXX-WXX"
        default:
            text = datePart
        }
        if text.isEmpty, !hasTime {
            // A time-of-day expression nothing could resolve (`dans une heure` without an anchor).
            return "XXXX-XX-XXTXX:XX"
        }
        if hasTime {
            if let partOfDay {
                text += "T" + partOfDay
            } else if let hour {
                text += "T" + Self.pad(hour, 2) + ":" + Self.pad(minute ?? 0, 2)
                if let second { text += ":" + Self.pad(second, 2) }
            }
        }
        return text
    }

    /// The date part of a day-or-finer point; empty for a bare time (`T18:32`).
    private var datePart: String {
        if day == nil, month == nil, year == nil {
            if let weekday { return "XXXX-WXX-" + String(weekday) }
            if !hasDate { return "" }
        }
        return (year.map { Self.pad($0, 4) } ?? "XXXX") + "-" + (month.map { Self.pad($0, 2) } ?? "XX") + "-"
            + (day.map { Self.pad($0, 2) } ?? "XX")
    }

    // MARK: - Bounds

    /// The first instant of the point and the instant just after it, ISO 8601 to the minute, when known.
    ///
    /// A start, middle or end (``partModifier``) of a coarse point narrows it, by convention: a month's start is
    /// days 1–10, its middle 10–19, its end 21 to the last day; a year's start January–February, its middle
    /// May–August, its end November–December; a week's start Monday–Tuesday, its middle Wednesday–Thursday, its
    /// end Thursday–Sunday; a season's or quarter's start, middle and end are its three months; a decade's or
    /// century's start is its first three tenths, its middle the next four, its end the last three.
    var bounds: (start: String, end: String)? {
        guard partModifier != 0, partOfDay == nil, let whole = wholeBounds else { return wholeBounds }
        let modifier = Int(min(partModifier, 3))
        func months(_ offsets: [(Int, Int)]) -> (start: String, end: String)? {
            guard let year, let first = firstMonth else { return whole }
            let (a, b) = offsets[modifier - 1]
            let s = CalendarMath.addMonths(year: year, month: first, a)
            let e = CalendarMath.addMonths(year: year, month: first, b)
            return (Self.instant(s.year, s.month, 1), Self.instant(e.year, e.month, 1))
        }
        switch grain {
        case .month:
            guard let start = Self.dayNumber(of: whole.start), let end = Self.dayNumber(of: whole.end) else { return whole }
            let days = [(start, start + 10), (start + 9, start + 19), (start + 20, end)][modifier - 1]
            return (Self.instant(days.0), Self.instant(days.1))
        case .week:
            guard let start = Self.dayNumber(of: whole.start) else { return whole }
            let days = [(start, start + 2), (start + 2, start + 4), (start + 3, start + 7)][modifier - 1]
            return (Self.instant(days.0), Self.instant(days.1))
        case .year:
            return months([(0, 2), (4, 8), (10, 12)])
        case .season, .quarter:
            return months([(0, 1), (1, 2), (2, 3)])
        case .decade, .century:
            let span = grain == .decade ? 10 : 100
            guard let first = grain == .decade ? decade.map({ $0 * 10 }) : century.map({ $0 * 100 }) else { return whole }
            let tenths = [(0, 3), (3, 7), (7, 10)][modifier - 1]
            return (Self.instant(first + tenths.0 * span / 10, 1, 1), Self.instant(first + tenths.1 * span / 10, 1, 1))
        default:
            return whole
        }
    }

    /// The first month of a season, quarter, semester or year point.
    private var firstMonth: Int? {
        switch grain {
        case .year: return 1
        case .season: return season.map { [3, 6, 9, 12][min(max($0 - 1, 0), 3)] }
        case .quarter: return half.map { ($0 - 1) * 6 + 1 } ?? quarter.map { ($0 - 1) * 3 + 1 }
        default: return nil
        }
    }

    /// The day number of a `YYYY-MM-DD…` instant.
    static func dayNumber(of instant: String) -> Int? {
        let utf8 = Array(instant.utf8.prefix(10))
        guard utf8.count == 10 else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var v = 0
            for k in range {
                let b = utf8[k]
                guard b >= 0x30, b <= 0x39 else { return nil }
                v = v * 10 + Int(b - 0x30)
            }
            return v
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
              CalendarMath.isValid(year: y, month: m, day: d) else { return nil }
        return CalendarMath.dayNumber(year: y, month: m, day: d)
    }

    /// The whole point's bounds (no start, middle or end narrowing).
    private var wholeBounds: (start: String, end: String)? {
        switch grain {
        case .century:
            guard let century, century >= 0, century < 99 else { return nil }
            return (Self.instant(century * 100, 1, 1), Self.instant(century * 100 + 100, 1, 1))
        case .decade:
            guard let decade, decade >= 0, decade < 999 else { return nil }
            return (Self.instant(decade * 10, 1, 1), Self.instant(decade * 10 + 10, 1, 1))
        default: break
        }
        guard let year, CalendarMath.isWritable(year), year < 9999 else { return nil }
        switch grain {
        case .year:
            return (Self.instant(year, 1, 1), Self.instant(year + 1, 1, 1))
        case .season:
            // Astronomical seasons, to the usual day: each runs from the day of its equinox or solstice (20 March,
            // 21 June, 23 September, 21 December) through the day of the next one, inclusive (the change happens
            // during that day, which belongs to both), so the exclusive end is the day after it. Winter runs into
            // the next year.
            switch season ?? 0 {
            case 1: return (Self.instant(year, 3, 20), Self.instant(year, 6, 22))
            case 2: return (Self.instant(year, 6, 21), Self.instant(year, 9, 24))
            case 3: return (Self.instant(year, 9, 23), Self.instant(year, 12, 22))
            case 4: return (Self.instant(year, 12, 21), Self.instant(year + 1, 3, 21))
            default: return nil
            }
        case .quarter:
            let (first, length): (Int, Int)
            if let half, (1...2).contains(half) {
                (first, length) = ((half - 1) * 6 + 1, 6)
            } else if let quarter, (1...4).contains(quarter) {
                (first, length) = ((quarter - 1) * 3 + 1, 3)
            } else {
                return nil
            }
            let next = CalendarMath.addMonths(year: year, month: first, length)
            return (Self.instant(year, first, 1), Self.instant(next.year, next.month, 1))
        case .month:
            guard let month, (1...12).contains(month) else { return nil }
            let next = CalendarMath.addMonths(year: year, month: month, 1)
            return (Self.instant(year, month, 1), Self.instant(next.year, next.month, 1))
        case .week:
            guard let week, (1...53).contains(week) else { return nil }
            let monday = CalendarMath.mondayOf(isoYear: year, week: week)
            return (Self.instant(monday), Self.instant(monday + 7))
        case .day, .hour, .minute:
            guard let start = dayNumber else { return nil }
            if hour == nil, let partOfDay, let hours = Self.partOfDayHours(partOfDay, partModifier) {
                return (Self.instant(start, minutes: hours.0 * 60), Self.instant(start, minutes: hours.1 * 60))
            }
            guard let hour, (0...23).contains(hour), grain != .day else {
                return (Self.instant(start), Self.instant(start + 1))
            }
            let minute = self.minute ?? 0
            let first = hour * 60 + minute
            let last = first + (grain == .hour && self.minute == nil ? 60 : 1)
            return (Self.instant(start, minutes: first), Self.instant(start + last / 1440, minutes: last % 1440))
        default:
            return nil
        }
    }

    /// The hours (from the start of the day, exclusive end, past 24 into the next day) a part of the day covers.
    ///
    /// Conventions: morning 04–12 (its start 07–09, middle 09–11, end 10–12), afternoon 12–19 (12–14, 14–17,
    /// 17–19), evening 18–24 (18–21, 20–22, 21–24), night 24–28 (the night that follows the day: `cette nuit`),
    /// daytime 00–24 as a whole (`dans la journée`; its start 06–10, middle 11–16, end 17–21), lunchtime 12–14
    /// (`à l'heure du déjeuner`; after it 13–17, before it 10–12).
    static func partOfDayHours(_ code: String, _ modifier: UInt8) -> (Int, Int)? {
        let table: [(Int, Int)]
        switch code {
        case "MO": table = [(4, 12), (7, 9), (9, 11), (10, 12)]
        case "AF": table = [(12, 19), (12, 14), (14, 17), (17, 19)]
        case "EV": table = [(18, 24), (18, 21), (20, 22), (21, 24)]
        case "NI": table = [(24, 28), (24, 26), (25, 27), (26, 28)]
        case "DT": table = [(0, 24), (6, 10), (11, 16), (17, 21)]
        // Lunchtime, and (modifiers 4 and 5) after and before it.
        case "MI": table = [(12, 14), (12, 13), (12, 14), (13, 14), (13, 17), (10, 12)]
        default: return nil
        }
        return table[min(Int(modifier), table.count - 1)]
    }

    /// This point's time of day (hour, minute, second, part of the day and which part of it, grain) on each other
    /// day that `readings` name: when a day gains a time, its alternative days gain it too. Readings that are not a
    /// day (`2024-03`) are dropped.
    func onEachDay(of readings: [TemporalExpression.Reading]) -> [TemporalExpression.Reading] {
        readings.compactMap { reading in
            let day = reading.value.prefix(10)
            guard day.utf8.count == 10, let number = DatePoint.dayNumber(of: String(day)) else { return nil }
            var other = DatePoint.day(number)
            (other.hour, other.minute, other.second) = (hour, minute, second)
            (other.partOfDay, other.partModifier, other.grain) = (partOfDay, partModifier, grain)
            return other.reading
        }
    }

    /// The point as an alternative reading: its value and bounds.
    var reading: TemporalExpression.Reading {
        let bounds = self.bounds
        return .init(value: value, intervalStart: bounds?.start, intervalEnd: bounds?.end)
    }

    /// `YYYY-MM-DDTHH:MM`.
    static func instant(_ year: Int, _ month: Int, _ day: Int) -> String {
        pad(year, 4) + "-" + pad(month, 2) + "-" + pad(day, 2) + "T00:00"
    }

    /// `YYYY-MM-DDTHH:MM` of a day number plus minutes.
    /// Minutes past a day's end carry into the following days.
    static func instant(_ dayNumber: Int, minutes: Int = 0) -> String {
        let carry = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440
        let minutes = minutes - carry * 1440
        let c = CalendarMath.civil(dayNumber + carry)
        return pad(c.year, 4) + "-" + pad(c.month, 2) + "-" + pad(c.day, 2) + "T" + pad(minutes / 60, 2) + ":"
            + pad(minutes % 60, 2)
    }

    /// Zero-padded decimal (negative values keep their sign).
    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value.magnitude)
        let padded = digits.count < width ? String(repeating: "0", count: width - digits.count) + digits : digits
        return value < 0 ? "-" + padded : padded
    }
}
