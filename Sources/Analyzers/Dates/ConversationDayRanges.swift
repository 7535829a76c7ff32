import CorpusKit

/// Ranges of days as people type them in messages, read only in the
/// ``DateExtractor/Register/conversation`` register: `4 au 22 ce mois`, `3 jusqu'à 12 de sept`, `entre 3 et 12 de
/// sept`, `depuis 4-23 mois prochain`, `2 oct à 22 octobre`, `Oct. 2 a Octobre 22`, `novembre 19-20`, `novembre
/// entre 19 et 20`, `depuis aujourd'hui jusqu'à demain`. (News writes `du 4 au 22 de ce mois`, read by the news
/// rules.)
extension DateScanner {
    /// A loose range of days at token `i`, or nil.
    func looseDayRange(at i: Int) -> DateMatch? {
        var k = i
        let opener = keyword(i)
        if opener == .depuis || opener == .entre || opener == .de || opener == .du { k += 1 }
        // `novembre 19-20`, `novembre entre 19 et 20`: the month first.
        var leadingMonth: Int?
        if let month = monthField(at: k), dayField(at: k + 1) == nil || isDayPair(k + 1) {
            leadingMonth = month
            k += 1
            if keyword(k) == .entre { k += 1 }
        }
        guard var first = looseDay(at: k) else { return nil }
        var c = first.end
        var second: (point: DatePoint, end: Int)
        if let pair = number(k), pair.groups == 2, pair.separator == 0x2D, first.end == k + 1, isDayPair(k) {
            // `19-20`, `4-23`: both days in one token.
            first.point = DatePoint(grain: .day, day: pair.values.0)
            second = (DatePoint(grain: .day, day: pair.values.1), k + 1)
        } else {
            switch keyword(c) {
            case .a, .au, .et, .to: c += 1
            case .jusqu where keyword(c + 1) == .a || keyword(c + 1) == .au: c += 2
            default:
                guard punctuation(c) == 0x2D else { return nil }
                c += 1
            }
            if entry(c).weekday != 0, punctuation(c + 1) == 0x2C { c += 2 }  // `jusqu'à Mer, 22 Janv`
            guard let found = looseDay(at: c) else { return nil }
            second = found
        }
        var end = second.end
        // The month both days lack: named after them, or relative to the anchor.
        var month = second.point.month ?? first.point.month ?? leadingMonth
        var year = second.point.year ?? first.point.year
        var yearFromAnchor = false
        if month == nil, let reference = monthAfterDays(at: end) {
            (month, year, end) = (reference.month, reference.year, reference.end)
            yearFromAnchor = reference.year == nil
        }
        guard let month, second.point.day != nil, first.point.day != nil else { return nil }
        var start = first.point, stop = second.point
        if start.month == nil { start.month = month }
        if stop.month == nil { stop.month = month }
        var match = DateMatch(i, end, kind: .interval, value: "", grain: .day, confidence: 0.6,
                              rule: "interval-day-range-conversation")
        if year == nil || yearFromAnchor {
            // The year, as for a day and month alone: past-biased, the next one kept as the other reading.
            let inferred = inferredYear(DateMatch(i, end, point: stop, rule: match.rule))
            guard let y = inferred.point?.year else { return nil }
            year = y
            match.flags = inferred.flags
            match.anchor = inferred.anchor
            if let other = inferred.alternatives.first, let otherYear = Int(other.value.prefix(4)) {
                var laterStart = start, laterStop = stop
                (laterStart.year, laterStop.year) = (otherYear - (start.month! > stop.month! ? 1 : 0), otherYear)
                if laterStart.dayNumber != nil, laterStop.dayNumber != nil {
                    match.alternatives = [.init(value: laterStart.value + "/" + laterStop.value,
                                                intervalStart: laterStart.bounds?.start,
                                                intervalEnd: laterStop.bounds?.end)]
                }
            }
        }
        if stop.year == nil { stop.year = year }
        if start.year == nil { start.year = (year ?? 0) - (start.month! > stop.month! ? 1 : 0) }
        guard let s = start.dayNumber, let e = stop.dayNumber, s <= e else { return nil }
        match.value = start.value + "/" + stop.value
        match.intervalStart = start.bounds?.start
        match.intervalEnd = stop.bounds?.end
        return match
    }

    /// Two days of the month in one token (`19-20`), the first before the second.
    private func isDayPair(_ k: Int) -> Bool {
        guard let pair = number(k), pair.groups == 2, pair.separator == 0x2D, pair.suffix == .none else { return false }
        return (1...31).contains(pair.values.0) && (1...31).contains(pair.values.1) && pair.values.0 < pair.values.1
            && pair.lengths.0 <= 2 && pair.lengths.1 <= 2
    }

    /// One end of a loose range: a date (`2 oct`, `Oct. 2`, `22 Janv`), a relative day (`aujourd'hui`, `demain`)
    /// or a bare day of the month (`4`, `vingt-deux`), before any time.
    private func looseDay(at j: Int) -> (point: DatePoint, end: Int)? {
        var j = j
        if keyword(j) == .le, isNumber(j + 1) { j += 1 }
        if let date = calendarFields(at: j), let point = date.point, point.grain == .day { return (point, date.end) }
        if let month = monthField(at: j), let (day, end) = dayField(at: j + 1) {
            return (DatePoint(grain: .day, month: month, day: day), end)  // `Oct 22`
        }
        switch keyword(j) {
        case .hier, .demain, .aujourdhui, .today, .tomorrow, .yesterday:
            guard let day = relativeMatch(at: j), let point = day.point, point.grain == .day, !point.hasTime
            else { return nil }
            return (point, day.end)
        default:
            break
        }
        if let shape = number(j), shape.isPlain, shape.lengths.0 <= 2, (1...31).contains(shape.values.0),
           bareTime(at: j) == nil
        {
            return (DatePoint(grain: .day, day: shape.values.0), j + 1)
        }
        if let shape = number(j), shape.groups == 2, shape.separator == 0x2D { return (DatePoint(grain: .day), j + 1) }
        return nil
    }

    /// The month named after a loose range of days: `de sept`, `d'octobre 2024`, `ce mois`, `cette mois`, `de ce
    /// mois`, `mois prochain`, `le mois prochain`, `du mois dernier`. A relative month has no year of its own to
    /// infer (it is the anchor's, or the one next to it).
    private func monthAfterDays(at j: Int) -> (month: Int, year: Int?, end: Int)? {
        var k = j
        if keyword(k) == .de || keyword(k) == .elidedD || keyword(k) == .du || keyword(k) == .le { k += 1 }
        if let month = monthField(at: k) {
            if let year = year(k + 1) { return (month, year, k + 2) }
            // `de 5 au 6 de Avril 22`: a date of its own, on which the numbers before are hours.
            if dayField(at: k + 1) != nil { return nil }
            return (month, nil, k + 1)
        }
        guard let anchor = anchorDate, let anchorMonth = anchor.month else { return nil }
        var offset = 0
        if keyword(k) == .ce, entry(k + 1).unit == .month, !entry(k + 1).plural {
            k += 2
        } else if entry(k).unit == .month, !entry(k).plural, keyword(k + 1) == .last || keyword(k + 1) == .next {
            offset = keyword(k + 1) == .next ? 1 : -1
            k += 2
        } else {
            return nil
        }
        let moved = CalendarMath.addMonths(year: anchor.year, month: anchorMonth, offset)
        return (moved.month, moved.year, k)
    }
}
