import CorpusKit

/// Parts of a month named by rank: `le premier jour d'octobre`, `le 3e jour de mars`, `la dernière semaine de
/// septembre 2014`, `le premier week-end de juillet`, `la deuxième quinzaine d'avril`, `le premier mercredi du
/// mois prochain`; the week around a date, `la semaine du 6 octobre`; and `le mois de mars`.
///
/// Weeks run Monday to Sunday; the first (last) week of a month is the first (last) one that lies wholly in it.
/// A weekend is the Saturday and Sunday, as elsewhere; the first weekend of a month is the one of its first
/// Saturday. A month's first fortnight is its days 1–14, the second the rest.
extension DateScanner {
    func ordinalMatch(at i: Int) -> DateMatch? {
        var j = i
        if keyword(j) == .le || keyword(j) == .la || keyword(j) == .the || keyword(j) == .elidedL { j += 1 }
        if let week = weekOfDate(i, j) { return week }
        if let month = monthOfPhrase(i, j) { return month }
        // The rank: `premier`, `1er`, `deuxième`, `3e`, `dernier`.
        var rank: Int
        if keyword(j) == .last {
            rank = -1
        } else if entry(j).ordinal != 0 {
            rank = Int(entry(j).ordinal)
        } else if let shape = number(j), shape.groups == 1, shape.suffix == .ordinal, (1...31).contains(shape.values.0) {
            rank = shape.values.0
        } else {
            return nil
        }
        let what = j + 1
        let part: RankedPart
        if entry(what).unit == .day, !entry(what).plural { part = .day }
        else if entry(what).unit == .week, !entry(what).plural { part = .week }
        else if keyword(what) == .weekend { part = .weekend }
        else if keyword(what) == .quinzaine { part = .fortnight }
        else if let weekday = fullWeekday(what) { part = .weekday(weekday) }
        else { return nil }
        guard let (month, end) = monthReference(at: what + 1), let year = month.point?.year,
              let monthNumber = month.point?.month, var match = rankedPart(i, end, rank, part, year, monthNumber)
        else { return nil }
        match.anchor = month.anchor
        match.flags = month.flags
        if month.flags.contains(.yearInferred), let later = rankedPart(i, end, rank, part, year + 1, monthNumber) {
            // The same part of the month a year later: the other reading of the inferred year.
            let point = later.point
            match.alternatives = [.init(value: later.value ?? point?.value ?? "",
                                        intervalStart: later.intervalStart ?? point?.bounds?.start,
                                        intervalEnd: later.intervalEnd ?? point?.bounds?.end)]
        }
        return match
    }

    /// The kinds of ranked parts of a month.
    enum RankedPart { case day, week, weekend, fortnight, weekday(Int) }

    /// The ranked part (`rank` 1…, or -1 for the last) of a month, as a match from `i` to `end`.
    private func rankedPart(_ i: Int, _ end: Int, _ rank: Int, _ part: RankedPart, _ year: Int, _ monthNumber: Int)
        -> DateMatch?
    {
        guard CalendarMath.isWritable(year), year < 9999 else { return nil }
        let first = CalendarMath.dayNumber(year: year, month: monthNumber, day: 1)
        let length = PublicationDate.daysIn(month: monthNumber, year: year)
        let last = first + length - 1
        var match: DateMatch
        switch part {
        case .day:
            let day = rank == -1 ? last : first + rank - 1
            guard day <= last else { return nil }
            match = DateMatch(i, end, point: .day(day), confidence: 0.85, rule: "ordinal-day")
        case .weekday(let weekday):
            let firstOne = first + (weekday - CalendarMath.weekday(first) + 7) % 7
            let lastOne = last - (CalendarMath.weekday(last) - weekday + 7) % 7
            let day = rank == -1 ? lastOne : firstOne + 7 * (rank - 1)
            guard day <= last else { return nil }
            match = DateMatch(i, end, point: .day(day), confidence: 0.85, rule: "ordinal-weekday")
        case .week:
            let firstMonday = first + (8 - CalendarMath.weekday(first)) % 7
            let lastSunday = last - CalendarMath.weekday(last) % 7
            let monday = rank == -1 ? lastSunday - 6 : firstMonday + 7 * (rank - 1)
            guard monday + 6 <= last else { return nil }
            let week = CalendarMath.isoWeek(monday)
            var point = DatePoint(grain: .week, year: week.year)
            point.week = week.week
            match = DateMatch(i, end, point: point, confidence: 0.85, rule: "ordinal-week")
        case .weekend:
            let firstSaturday = first + (6 - CalendarMath.weekday(first) + 7) % 7
            let lastSaturday = last - (CalendarMath.weekday(last) - 6 + 7) % 7
            let saturday = rank == -1 ? lastSaturday : firstSaturday + 7 * (rank - 1)
            guard saturday <= last else { return nil }
            let week = CalendarMath.isoWeek(saturday)
            match = DateMatch(i, end, kind: .interval, value: DatePoint.pad(week.year, 4) + "-W" + DatePoint.pad(week.week, 2) + "-WE",
                              grain: .day, confidence: 0.85, rule: "ordinal-weekend")
            match.intervalStart = DatePoint.instant(saturday)
            match.intervalEnd = DatePoint.instant(saturday + 2)
        case .fortnight:
            guard rank == 1 || rank == 2 || rank == -1 else { return nil }
            let (s, e) = rank == 1 ? (first, first + 14) : (first + 14, last + 1)
            match = DateMatch(i, end, kind: .interval, value: DatePoint.day(s).value + "/" + DatePoint.day(e - 1).value,
                              grain: .day, confidence: 0.85, rule: "ordinal-fortnight")
            match.intervalStart = DatePoint.instant(s)
            match.intervalEnd = DatePoint.instant(e)
        }
        return match
    }

    /// The month a ranked part belongs to, after `de`/`d'`/`du`/`of`: `de mars`, `d'octobre 2014`, `du mois de
    /// mars`, `du mois prochain`, `du mois dernier`, `de ce mois`, `du mois` (the anchor's). The month match
    /// and the end token.
    private func monthReference(at j: Int) -> (DateMatch, Int)? {
        let k = keyword(j)
        guard k == .de || k == .elidedD || k == .du || k == .of else { return nil }
        var m = j + 1
        if k == .of, keyword(m) == .the { m += 1 }
        if entry(m).unit == .month, !entry(m).plural {
            // `du mois de mars`, `du mois prochain`, `du mois`.
            if keyword(m + 1) == .de || keyword(m + 1) == .elidedD, monthField(at: m + 2) != nil {
                m += 2
            } else {
                let direction = keyword(m + 1)
                guard let anchor = anchorDate, let anchorMonth = anchor.month else { return nil }
                let offset = direction == .next ? 1 : direction == .last ? -1 : 0
                let shifted = CalendarMath.addMonths(year: anchor.year, month: anchorMonth, offset)
                var match = DateMatch(m, m + 1, point: DatePoint(grain: .month, year: shifted.year, month: shifted.month),
                                      confidence: 0.85, rule: "relative-this-unit")
                match.anchor = publicationAnchor
                return (match, offset == 0 ? m + 1 : m + 2)
            }
        } else if keyword(m) == .ce, entry(m + 1).unit == .month {
            guard let anchor = anchorDate, let anchorMonth = anchor.month else { return nil }
            var match = DateMatch(m, m + 2, point: DatePoint(grain: .month, year: anchor.year, month: anchorMonth),
                                  confidence: 0.85, rule: "relative-this-unit")
            match.anchor = publicationAnchor
            return (match, m + 2)
        }
        guard let month = monthField(at: m), !entry(m).monthAbbreviation else { return nil }
        if let year = year(m + 1) {
            return (DateMatch(m, m + 2, point: DatePoint(grain: .month, year: year, month: month), rule: "absolute-month-year"),
                    m + 2)
        }
        let match = inferredYear(DateMatch(m, m + 1, point: DatePoint(grain: .month, month: month), confidence: 0.75,
                                           rule: "partial-month"))
        return (match, m + 1)
    }

    /// `la semaine du 6 octobre`, `la semaine du 14 mars 2024`: the ISO week holding the date.
    private func weekOfDate(_ i: Int, _ j: Int) -> DateMatch? {
        guard entry(j).unit == .week, !entry(j).plural, keyword(j + 1) == .du,
              let date = absoluteDate(at: j + 2), date.point?.grain == .day, let day = date.point?.dayNumber
        else { return nil }
        let week = CalendarMath.isoWeek(day)
        var point = DatePoint(grain: .week, year: week.year)
        point.week = week.week
        var match = DateMatch(i, date.end, point: point, confidence: 0.85, rule: "week-of-date")
        match.anchor = date.anchor
        match.flags = date.flags
        match.alternatives = date.alternatives.compactMap { reading in
            guard let other = Self.parseDay(reading.value) else { return nil }
            let otherWeek = CalendarMath.isoWeek(other)
            var alternative = DatePoint(grain: .week, year: otherWeek.year)
            alternative.week = otherWeek.week
            return alternative.reading
        }
        return match
    }

    /// `le mois de mars`, `au mois d'avril 2024`: the month (its year inferred when not written).
    private func monthOfPhrase(_ i: Int, _ j: Int) -> DateMatch? {
        var j = j
        if keyword(i) == .au { j = i + 1 }
        guard entry(j).unit == .month, !entry(j).plural, keyword(j + 1) == .de || keyword(j + 1) == .elidedD,
              let month = monthField(at: j + 2), !entry(j + 2).monthAbbreviation
        else { return nil }
        if let year = year(j + 3) {
            return DateMatch(i, j + 4, point: DatePoint(grain: .month, year: year, month: month), rule: "month-of-phrase")
        }
        var match = inferredYear(DateMatch(i, j + 3, point: DatePoint(grain: .month, month: month), confidence: 0.8,
                                           rule: "month-of-phrase"))
        match.start = i
        return match
    }
}
