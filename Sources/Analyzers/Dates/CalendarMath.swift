import CorpusKit

/// Small proleptic-Gregorian calendar helpers for the date analyzer.
///
/// Dates are handled as day numbers (days since 1970-01-01) with Howard Hinnant's `days_from_civil` algorithm:
/// adding days, finding a weekday or an ISO week is then integer arithmetic, with no Foundation `Calendar` (and
/// no allocation) in the extractor's hot path.
enum CalendarMath {
    /// The day number of a civil date (1970-01-01 is 0). Valid for any year; the caller validates the fields.
    static func dayNumber(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let shiftedMonth = month > 2 ? month - 3 : month + 9
        let dayOfYear = (153 * shiftedMonth + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// The civil date of a day number (inverse of ``dayNumber(year:month:day:)``).
    static func civil(_ dayNumber: Int) -> (year: Int, month: Int, day: Int) {
        let z = dayNumber + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let dayOfEra = z - era * 146_097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        let day = dayOfYear - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        return (yearOfEra + era * 400 + (month <= 2 ? 1 : 0), month, day)
    }

    /// ISO weekday of a day number: 1 is Monday, 7 is Sunday (1970-01-01 was a Thursday).
    static func weekday(_ dayNumber: Int) -> Int {
        ((dayNumber % 7) + 7 + 3) % 7 + 1
    }

    /// ISO weekday of a civil date.
    static func weekday(year: Int, month: Int, day: Int) -> Int {
        weekday(dayNumber(year: year, month: month, day: day))
    }

    /// Whether the fields name a real day (31/02 does not).
    static func isValid(year: Int, month: Int, day: Int) -> Bool {
        (1...12).contains(month) && day >= 1 && day <= PublicationDate.daysIn(month: month, year: year)
    }

    /// The month `offset` months after `month` of `year` (negative offsets go back).
    static func addMonths(year: Int, month: Int, _ offset: Int) -> (year: Int, month: Int) {
        let index = year * 12 + (month - 1) + offset
        let y = index >= 0 ? index / 12 : (index - 11) / 12
        return (y, index - y * 12 + 1)
    }

    /// The ISO 8601 week (week-numbering year and week 1…53) holding a day.
    static func isoWeek(_ dayNumber: Int) -> (year: Int, week: Int) {
        // The week belongs to the year of its Thursday.
        let thursday = dayNumber - (weekday(dayNumber) - 1) + 3
        let year = civil(thursday).year
        let week = (thursday - self.dayNumber(year: year, month: 1, day: 1)) / 7 + 1
        return (year, week)
    }

    /// The day number of the Monday of an ISO week.
    static func mondayOf(isoYear: Int, week: Int) -> Int {
        let january4 = dayNumber(year: isoYear, month: 1, day: 4)
        return january4 - (weekday(january4) - 1) + (week - 1) * 7
    }

    /// Whether a year can be written as four digits in a value.
    static func isWritable(_ year: Int) -> Bool { (0...9999).contains(year) }
}
