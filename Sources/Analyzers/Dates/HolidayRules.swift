import CorpusKit

/// Holidays of the French and English calendars whose date is fixed or follows Easter.
///
/// Muslim and Jewish holidays (Aïd, Ramadan, Yom Kippour) follow lunar calendars whose dates differ by country
/// and by a day of moon sighting; they are not resolved.
enum Holiday: UInt8 {
    case christmas, christmasEve, allSaints, newYearsEve, valentines, halloween, armistice, assumption, epiphany
    case newYearsDay, labourDay
    case easter, easterMonday, ascension, pentecost, whitMonday, shroveTuesday, goodFriday
    /// France's: the last Sunday of May (the first of June when that is Pentecost), the third Sunday of June.
    case mothersDay, fathersDay
    /// The United States' Thanksgiving (the fourth Thursday of November) and Canada's Action de grâce (the second
    /// Monday of October).
    case thanksgiving, canadianThanksgiving

    /// The holiday's day in `year`, as a day number.
    func day(in year: Int) -> Int {
        switch self {
        case .christmas: return CalendarMath.dayNumber(year: year, month: 12, day: 25)
        case .christmasEve: return CalendarMath.dayNumber(year: year, month: 12, day: 24)
        case .allSaints: return CalendarMath.dayNumber(year: year, month: 11, day: 1)
        case .newYearsEve: return CalendarMath.dayNumber(year: year, month: 12, day: 31)
        case .valentines: return CalendarMath.dayNumber(year: year, month: 2, day: 14)
        case .halloween: return CalendarMath.dayNumber(year: year, month: 10, day: 31)
        case .armistice: return CalendarMath.dayNumber(year: year, month: 11, day: 11)
        case .assumption: return CalendarMath.dayNumber(year: year, month: 8, day: 15)
        case .epiphany: return CalendarMath.dayNumber(year: year, month: 1, day: 6)
        case .newYearsDay: return CalendarMath.dayNumber(year: year, month: 1, day: 1)
        case .labourDay: return CalendarMath.dayNumber(year: year, month: 5, day: 1)
        case .easter: return Self.easterSunday(year)
        case .easterMonday: return Self.easterSunday(year) + 1
        case .ascension: return Self.easterSunday(year) + 39
        case .pentecost: return Self.easterSunday(year) + 49
        case .whitMonday: return Self.easterSunday(year) + 50
        case .shroveTuesday: return Self.easterSunday(year) - 47
        case .goodFriday: return Self.easterSunday(year) - 2
        case .mothersDay:
            let lastOfMay = CalendarMath.dayNumber(year: year, month: 5, day: 31)
            let lastSunday = lastOfMay - CalendarMath.weekday(lastOfMay) % 7
            return lastSunday == Self.easterSunday(year) + 49 ? lastSunday + 7 : lastSunday
        case .fathersDay:
            let first = CalendarMath.dayNumber(year: year, month: 6, day: 1)
            return first + (7 - CalendarMath.weekday(first)) % 7 + 14
        case .thanksgiving:
            let first = CalendarMath.dayNumber(year: year, month: 11, day: 1)
            return first + (4 - CalendarMath.weekday(first) + 7) % 7 + 21
        case .canadianThanksgiving:
            let first = CalendarMath.dayNumber(year: year, month: 10, day: 1)
            return first + (1 - CalendarMath.weekday(first) + 7) % 7 + 7
        }
    }

    /// Easter Sunday of the Gregorian calendar (the anonymous Gregorian computus).
    static func easterSunday(_ year: Int) -> Int {
        let a = year % 19, b = year / 100, c = year % 100
        let d = b / 4, e = b % 4, f = (b + 8) / 25, g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4, k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return CalendarMath.dayNumber(year: year, month: month, day: day)
    }
}

extension DateScanner {
    /// `Noël`, `la Toussaint`, `Pâques 2024`, `le lundi de Pâques`, `la Pentecôte`, `le jour de l'an`, `le nouvel
    /// an`, `la fête du travail`, `la fête des mères`, `la Saint-Sylvestre`, `mardi gras`, `vendredi saint`, `Christmas`, `Easter`.
    ///
    /// With a year after it, that year's; otherwise the latest on or before the anchor (news is past-biased),
    /// the next one kept as the other reading.
    func holidayMatch(at i: Int) -> DateMatch? {
        let e = entry(i)
        var holiday: Holiday
        var end: Int
        if let named = e.holiday {
            // `Noël Mamère`: a first name before a surname, not the holiday.
            if isWord(i + 1), isCapitalized(i + 1), !tokens[i + 1].has(.sentenceStart) { return nil }
            holiday = named
            end = i + 1
        } else if e.weekday == 1, keyword(i + 1) == .de, let next = entry(i + 2).holiday,
                  next == .easter || next == .pentecost
        {
            holiday = next == .easter ? .easterMonday : .whitMonday  // `lundi de Pâques`
            end = i + 3
        } else if e.weekday == 2, keyword(i + 1) == .gras {
            (holiday, end) = (.shroveTuesday, i + 2)
        } else if e.weekday == 5, keyword(i + 1) == .saint {
            (holiday, end) = (.goodFriday, i + 2)
        } else if e.keyword == .nouvel, entry(i + 1).unit == .year, !entry(i + 1).plural {
            (holiday, end) = (.newYearsDay, i + 2)  // `nouvel an`, `New Year`
        } else if e.unit == .day, !e.plural, keyword(i + 1) == .de, keyword(i + 2) == .elidedL,
                  entry(i + 3).unit == .year
        {
            (holiday, end) = (.newYearsDay, i + 4)  // `jour de l'an`
        } else if e.keyword == .reveillon, keyword(i + 1) == .de || keyword(i + 1) == .du || keyword(i + 1) == .elidedD {
            // `réveillon de Noël` (24 December), `réveillon du Nouvel An` / `de la Saint-Sylvestre` (31 December).
            var k = i + 2
            if keyword(k) == .la { k += 1 }
            if entry(k).holiday == .christmas { (holiday, end) = (.christmasEve, k + 1) }
            else if entry(k).holiday == .newYearsEve { (holiday, end) = (.newYearsEve, k + 1) }
            else if keyword(k) == .nouvel, entry(k + 1).unit == .year { (holiday, end) = (.newYearsEve, k + 2) }
            else { return nil }
        } else if e.unit == .day, !e.plural, keyword(i + 1) == .de, entry(i + 2).holiday == .thanksgiving
                    || lowercased(i + 2) == Array("thanks".utf8) && lowercased(i + 3) == Array("giving".utf8)
        {
            // `jour de Thanksgiving`, `jour de thanks giving`.
            (holiday, end) = (.thanksgiving, entry(i + 2).holiday == .thanksgiving ? i + 3 : i + 4)
        } else if e.keyword == .holidayStart, lowercased(i) == Array("thanks".utf8), lowercased(i + 1) == Array("giving".utf8) {
            (holiday, end) = (.thanksgiving, i + 2)
        } else if e.keyword == .holidayStart, keyword(i + 1) == .de, folded(i + 2) == "grace" || folded(i + 2) == "graces" {
            (holiday, end) = (.canadianThanksgiving, i + 3)  // `l'Action de grâce`
        } else if e.keyword == .fete, keyword(i + 1) == .du, keyword(i + 2) == .travail {
            (holiday, end) = (.labourDay, i + 3)
        } else if e.keyword == .fete, keyword(i + 1) == .des, folded(i + 2) == "meres" || folded(i + 2) == "peres" {
            (holiday, end) = (folded(i + 2) == "meres" ? .mothersDay : .fathersDay, i + 3)  // `la fête des mères`
        } else {
            return nil
        }
        if keyword(end) == .de, year(end + 1) != nil { end += 1 }  // `fête des pères de 2015`
        if let year = year(end) {
            var match = DateMatch(i, end + 1, point: .day(holiday.day(in: year)), confidence: 0.9, rule: "holiday")
            match.point?.grain = .day
            return attachingTime(to: match)
        }
        guard let anchorDay, let anchorYear = anchorDate?.year else {
            return unanchored(i, end, grain: .day, rule: "holiday")
        }
        var day = holiday.day(in: anchorYear)
        var other = holiday.day(in: anchorYear + 1)
        if day > anchorDay {
            other = day
            day = holiday.day(in: anchorYear - 1)
        }
        var match = DateMatch(i, end, point: .day(day), confidence: 0.8, rule: "holiday")
        match.anchor = publicationAnchor
        match.alternatives = [DatePoint.day(other).reading]
        match.flag(.yearInferred)
        return attachingTime(to: match)
    }
}
