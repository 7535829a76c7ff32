import CorpusKit

/// Ranges and open intervals: `du 3 au 7 juin 2024`, `entre le 20 et le 30 juin`, `de mars à mai 2021`,
/// `2021-2027`, `3-7 juin`, `from March to May 2021`, `depuis 2011`, `depuis hier`, `jusqu'en 2030`,
/// `d'ici 2030`, `since 2011`, `until 2030`.
///
/// A closed range's start inherits the month and year its end states (`du 3 au 7 juin 2024` →
/// `2024-06-03/2024-06-07`). Open intervals are written with ISO 8601-2's `..`: `2011/..`, `../2030`.
extension DateScanner {
    func intervalMatch(at i: Int) -> DateMatch? {
        if let range = timeRangeMatch(at: i) { return range }
        let e = entry(i)
        switch e.keyword {
        case .du:
            return closedRange(i, from: i + 1, connectors: [.au, .to, .until], rule: "interval-from-to")
        case .from:
            // `from March to May`, else `from Monday`, `from 9 am`.
            return closedRange(i, from: i + 1, connectors: [.au, .to, .until], rule: "interval-from-to")
                ?? openInterval(i, at: i + 1, startOpen: false, rule: "interval-from")
        case .avant, .apres:
            // `avant midi`, `après 16h le 1er novembre`: only before a time (`avant 2020` stays a year).
            guard timeAt(i + 1) != nil else { return nil }
            return openInterval(i, at: i + 1, startOpen: e.keyword == .avant,
                                rule: e.keyword == .avant ? "interval-before" : "interval-after")
        case .entre, .between:
            return closedRange(i, from: i + 1, connectors: [.et, .and], rule: "interval-between")
        case .de, .elidedD:
            if keyword(i + 1) == .ici {
                // `d'ici 2030`, `d'ici à 2030`.
                let j = keyword(i + 2) == .a ? i + 3 : i + 2
                // `d'ici trois ans`: a date that far ahead of the anchor.
                if let offset = futureOffset(i, quantityAt: j, rule: "relative-by") { return offset }
                return openInterval(i, at: j, startOpen: true, rule: "interval-by")
            }
            return closedRange(i, from: i + 1, connectors: [.a], rule: "interval-from-to")
        case .depuis, .since:
            return openInterval(i, at: i + 1, startOpen: false, rule: "interval-since")
        case .des:
            // `dès 2025` (folded like the article `des`, so only before a date that no noun follows).
            return openInterval(i, at: i + 1, startOpen: false, rule: "interval-from")
        case .a where keyword(i + 1) == .partir && (keyword(i + 2) == .de || keyword(i + 2) == .du):
            return openInterval(i, at: i + 3, startOpen: false, rule: "interval-from")
        case .jusqu, .jusque:
            let next = keyword(i + 1)
            guard next == .en || next == .au || next == .a || next == .elidedL else { return nil }
            // `jusqu'au 3 mars` (`au` = à le), `jusqu'en 2030`, `jusqu'à 2030`.
            return openInterval(i, at: i + 2, startOpen: true, rule: "interval-until")
        case .until:
            return openInterval(i, at: i + 1, startOpen: true, rule: "interval-until")
        default:
            break
        }
        if e.weekday != 0 || e.keyword == .demain || e.keyword == .hier || e.keyword == .aujourdhui
            || e.keyword == .tomorrow || e.keyword == .today || e.keyword == .yesterday
        {
            return dayThenBound(at: i) ?? unopenedRange(at: i)
        }
        if e.keyword == .le, isNumber(i + 1), keyword(i + 2) == .jusqu, let bounded = dayThenBound(at: i) {
            return bounded  // `le 20 jusqu'à 18h`
        }
        return numericRange(at: i) ?? unopenedRange(at: i)
    }

    /// A time at token `j`, bare or written with `heure(s)`.
    func timeAt(_ j: Int) -> (hour: Int, minute: Int?, end: Int)? {
        bareTime(at: j) ?? clockTime(at: j, introduced: true)
    }

    /// `jeudi après 9h30`, `demain avant midi`: a day, then `après`/`avant` and a time, as one open interval
    /// (`2024-03-14T09:30/..`, `../2024-03-16T12:00`); `demain jusqu'à 16h`, from the start of the day.
    private func dayThenBound(at i: Int) -> DateMatch? {
        guard let day = relativeMatch(at: i) else { return nil }
        return dayThenBound(i, day)
    }

    /// `dayThenBound(at:)` for a day already read: `le 23/12 avant 17h`, `jeudi 14 mars après 9h30`.
    func dayThenBound(_ i: Int, _ day: DateMatch) -> DateMatch? {
        guard let point = day.point, point.grain == .day, !point.hasTime else { return nil }
        // `jeudi après 9h30`, `demain avant midi`, `vendredi à partir de midi`, `jeudi dès 8h`.
        var timeToken = day.end + 1
        var before = keyword(day.end) == .avant
        if keyword(day.end) == .jusqu, keyword(day.end + 1) == .a || keyword(day.end + 1) == .au,
           let time = timeAt(day.end + 2)
        {
            // `demain jusqu'à 16h`, `le 20 jusqu'à 18h`: from the start of that day to the end of that hour.
            var until = point
            (until.hour, until.minute) = (time.hour, time.minute)
            until.grain = time.minute == nil ? .hour : .minute
            var match = day
            match.end = time.end
            match.kind = .interval
            match.value = point.value + "/" + until.value
            match.grain = until.grain
            match.intervalStart = point.bounds?.start
            match.intervalEnd = until.bounds?.end
            match.rule += "+until-time"
            match.alternatives = day.alternatives.compactMap { reading in
                guard let other = Self.parseDay(reading.value) else { return nil }
                var start = DatePoint.day(other), end = DatePoint.day(other)
                (end.hour, end.minute, end.grain) = (until.hour, until.minute, until.grain)
                return .init(value: start.value + "/" + end.value, intervalStart: start.bounds?.start,
                             intervalEnd: end.bounds?.end)
            }
            return match
        }
        if keyword(day.end) == .a, keyword(day.end + 1) == .partir, keyword(day.end + 2) == .de {
            timeToken = day.end + 3
            before = false
        } else if isDes(day.end) {
            before = false
        } else if keyword(day.end) != .avant, keyword(day.end) != .apres {
            return nil
        }
        guard let time = timeAt(timeToken) else { return nil }
        var combined = point
        combined.hour = time.hour
        combined.minute = time.minute
        combined.grain = time.minute == nil ? .hour : .minute
        var inner = day
        inner.point = combined
        inner.end = time.end
        inner.alternatives = combined.onEachDay(of: day.alternatives)
        return openBound(i, inner, startOpen: before, rule: before ? "interval-before" : "interval-after")
    }

    /// The bound of an open interval that starts with a time: `9h30 jeudi`, `16h le 1er novembre`,
    /// `midi`, `5 pm`. The date after the time, if any, is read like a weekday or a date without a year.
    private func timeThenDay(at j: Int, forward: Bool) -> DateMatch? {
        guard let time = timeAt(j) else { return nil }
        var point = DatePoint(grain: time.minute == nil ? .hour : .minute)
        point.hour = time.hour
        point.minute = time.minute
        var match = DateMatch(j, time.end, point: point, confidence: 0.8, rule: "time")
        if let day = dayAfterTime(at: time.end, forward: forward), var date = day.point {
            date.hour = time.hour
            date.minute = time.minute
            date.grain = point.grain
            match.point = date
            match.end = day.end
            match.anchor = day.anchor
            match.flags = day.flags
            match.confidence = min(day.confidence, 0.85)
        }
        return match
    }

    /// The day written after a time (`9h30 jeudi`, `16h le 1er novembre`, `18h, demain`): a date, a weekday (the
    /// next one when `forward`, else past-biased) or a relative day.
    ///
    /// A relative day may carry a part of the day (`ce soir`, `demain après-midi`): the caller reads it to place
    /// the hour.
    func dayAfterTime(at k: Int, forward: Bool) -> DateMatch? {
        var k = k
        if keyword(k) == .le || keyword(k) == .on || keyword(k) == .the || punctuation(k) == 0x2C { k += 1 }
        if conversational, let day = conversationalDay(at: k) { return day }
        var day: DateMatch?
        // `le dimanche` alone is habitual (`ferme à 15 h le dimanche`), not a day.
        if keyword(k - 1) == .le, fullWeekday(k) != nil, !isNumber(k + 1) { return nil }
        if let date = absoluteDate(at: k), date.point?.hasTime == false, date.point?.grain == .day {
            day = date
        } else if let weekday = fullWeekday(k) {
            day = weekdayMatch(k, k + 1, weekday, forward ? .future : .inferred, rule: "relative-weekday")
        } else if let relative = relativeMatch(at: k), let point = relative.point, point.hour == nil,
                  point.grain == .day || point.partOfDay != nil, point.dayNumber != nil
        {
            day = relative
        }
        guard let day, let point = day.point, point.grain == .day || point.partOfDay != nil else { return nil }
        return day
    }

    /// Two clock times of a range: `de 9h30 à 11h`, `de 9 heures 30 jusqu'à 11h`, `entre 9h30 et 11h`,
    /// `9h30 - 11h00`, `from 9 am to 11 am`, `between 4 pm and 5 pm`. An end earlier than the start on a
    /// twelve-hour reading is moved to the afternoon (`de 11h30 à 1h30` ends at 13:30).
    func timeRange(at j: Int) -> (start: DatePoint, end: DatePoint, endToken: Int)? {
        var k = j
        let opener = keyword(j)
        let opened = opener == .de || opener == .from || opener == .entre || opener == .between
        if opened { k += 1 }
        if let shape = number(k), shape.groups == 2, shape.separator == 0x2D, shape.suffix == .none,
           shape.lengths.0 <= 2, shape.lengths.1 <= 2, shape.values.0 < shape.values.1, shape.values.1 <= 24,
           entry(k + 1).unit == .hour || keyword(k + 1) == .h
        {
            // `16-17 heures`, `de 16-17h`: one token holding both hours.
            var start = DatePoint(grain: .hour)
            start.hour = shape.values.0
            var end = DatePoint(grain: .hour)
            end.hour = shape.values.1 % 24
            return (start, end, k + 2)
        }
        // `entre 17 et 18 heures`, `de 9 à 11h`: the first hour leaves its unit to the second.
        // `16 - 17 heures`: the same, around a spaced dash.
        let elliptic: (hour: Int, minute: Int?, end: Int)? = (opened || punctuation(k + 1) == 0x2D)
            && entry(k + 1).unit != .hour
            ? number(k).flatMap { $0.isPlain && $0.lengths.0 <= 2 && $0.values.0 <= 24 ? ($0.values.0 % 24, nil, k + 1) : nil }
            : nil
        guard let first = opened ? timeAt(k) ?? elliptic : bareTime(at: k) ?? elliptic else { return nil }
        var c = first.end
        // Without an opener, `à`/`jusqu'à` join two clock times only: `16h à 17h`, `4pm until 5pm`, not `5 à 7`.
        let fromClockTime = opener == .de || opener == .from || (!opened && !isPlainNumber(k))
        switch keyword(c) {
        case .a, .to, .until, .au: guard fromClockTime else { return nil }
        case .et, .and: guard opener == .entre || opener == .between else { return nil }
        case .jusqu: guard fromClockTime, keyword(c + 1) == .a else { return nil }
            c += 1
        default: guard punctuation(c) == 0x2D, !opened || opener == .de else { return nil }
        }
        guard let second = opened ? timeAt(c + 1) : bareTime(at: c + 1) ?? clockTime(at: c + 1, introduced: true)
        else { return nil }
        let meridiem = number(c + 1)?.suffix == .pm || keyword(c + 2) == .pm ? 12
            : number(c + 1)?.suffix == .am || keyword(c + 2) == .am ? 0 : nil
        if first.end == k + 1, first.minute == nil, isNumber(k), number(k)?.isPlain == true {
            // An elliptic first hour needs a clock-time second (`à 18 heures`, `à 18h`, `à 6pm`), not `et 18 ans`.
            guard second.end > c + 2 || keyword(c + 2) == .h || number(c + 1)?.suffix == .hour || meridiem != nil
            else { return nil }
        }
        var firstHour = first.hour
        var endHour = second.hour
        // `de 5 à 6pm`: the second hour's meridiem is the first's too.
        if meridiem == 12, isPlainNumber(k), firstHour < 12, firstHour + 12 <= endHour {
            firstHour += 12
        }
        if endHour < first.hour, endHour < 12, endHour + 12 > first.hour { endHour += 12 }
        // `entre 5h et 6h de l'après-midi`: the part of the day named after the second hour applies to both.
        if firstHour < 12, endHour >= 12, ((c + 1)..<second.end).contains(where: { ["AF", "EV"].contains(partOfDay(at: $0) ?? "") }),
           firstHour + 12 <= endHour
        {
            firstHour += 12
        }
        let grain: TemporalExpression.Granularity = first.minute != nil || second.minute != nil ? .minute : .hour
        var start = DatePoint(grain: grain)
        start.hour = firstHour
        start.minute = first.minute
        var end = DatePoint(grain: grain)
        end.hour = endHour
        end.minute = second.minute
        return (start, end, second.end)
    }

    /// `28/2-1/3`, `10/1-11/2/2017`: two numeric days, day first, in one token (the year, if any, at the end).
    private func numericDayRange(at i: Int) -> DateMatch? {
        guard isNumber(i) else { return nil }
        let span = tokens[i].span
        guard span.end - span.start >= 7, span.end - span.start <= 16 else { return nil }
        // Digit groups and the separators between them.
        var fields: [Int] = []
        var separators: [UInt8] = []
        var k = span.start
        while k < span.end {
            var value = 0, digits = 0
            while k < span.end, bytes[k] >= 0x30, bytes[k] <= 0x39, digits < 4 {
                value = value * 10 + Int(bytes[k] - 0x30); k += 1; digits += 1
            }
            guard digits > 0, digits <= 2 || (fields.count == 4 && digits == 4) else { return nil }
            fields.append(value)
            if k < span.end { separators.append(bytes[k]); k += 1 }
        }
        guard fields.count == 4 || fields.count == 5, separators.count == fields.count - 1,
              separators[0] == 0x2F, separators[1] == 0x2D, separators[2] == 0x2F,
              fields.count == 4 || separators[3] == 0x2F
        else { return nil }
        var start = DatePoint(grain: .day, month: fields[1], day: fields[0])
        var stop = DatePoint(grain: .day, month: fields[3], day: fields[2])
        guard (1...12).contains(fields[1]), (1...12).contains(fields[3]), (1...31).contains(fields[0]),
              (1...31).contains(fields[2])
        else { return nil }
        var match = DateMatch(i, i + 1, kind: .interval, value: "", grain: .day, confidence: 0.8,
                              rule: "interval-numeric-days")
        if fields.count == 5 {
            stop.year = fields[4]
        } else {
            let inferred = inferredYear(DateMatch(i, i + 1, point: stop, rule: match.rule))
            stop.year = inferred.point?.year
            match.flags = inferred.flags
            match.anchor = inferred.anchor
        }
        if let year = stop.year { start.year = fields[1] > fields[3] ? year - 1 : year }
        if let s = start.dayNumber, let e = stop.dayNumber {
            guard s <= e else { return nil }
            match.intervalStart = start.bounds?.start
            match.intervalEnd = stop.bounds?.end
        } else {
            // No year, or an inferred one in which a day does not exist (`29/2-1/3` in 2019): the days as written,
            // year unknown, if some year has them.
            guard fields.count == 4, fields[0] <= PublicationDate.daysIn(month: fields[1], year: 2000),
                  fields[2] <= PublicationDate.daysIn(month: fields[3], year: 2000)
            else { return nil }
            (start.year, stop.year) = (nil, nil)
            match.flags.removeAll { $0 == .yearInferred }
        }
        match.value = start.value + "/" + stop.value
        return match
    }

    /// Whether token `j` is a plain number (`5`, not `5pm`, `16h`, `9:30`).
    private func isPlainNumber(_ j: Int) -> Bool { number(j)?.isPlain == true }

    /// A range of clock times, with its day before or after it when there is one: `jeudi de 9h à 11h`,
    /// `de 9h30 à 11h jeudi`, `le 14 mars 2024 de 14h à 16h`, or alone (`entre 9h30 et 11h`, placed on the
    /// anchor's day like a bare time). The value is `T09:30/T11:00` or `2024-03-14T09:30/2024-03-14T11:00`;
    /// the interval ends after the last hour or minute named (`à 11h` ends at 12:00, `à 11h00` at 11:01).
    private func timeRangeMatch(at i: Int) -> DateMatch? {
        var dayBefore: DateMatch?
        var j = i
        let e = entry(i)
        let opener = e.keyword == .de || e.keyword == .entre || e.keyword == .from || e.keyword == .between
        let dayLike = e.weekday != 0 || e.month != 0 || isNumber(i) || e.keyword == .le || e.keyword == .hier
            || e.keyword == .demain || e.keyword == .aujourdhui || e.keyword == .lendemain || e.keyword == .veille
            || e.keyword == .la || e.keyword == .today || e.keyword == .tomorrow || e.keyword == .yesterday
        // Most tokens start no range of times: only openers, numbers (`9h30 - 11h`) and days go further.
        guard opener || dayLike else { return nil }
        if !opener, timeRange(at: i) == nil {
            // A day first (`jeudi de 9h à 11h`): worth trying only when `de`/`entre`/`from`/`between` and a
            // number come within a few tokens.
            var opensAhead = false
            for k in (i + 1)..<min(i + 9, count) {
                let key = keyword(k)
                if (key == .de || key == .entre || key == .from || key == .between) && isNumber(k + 1) {
                    opensAhead = true
                    break
                }
            }
            guard opensAhead else { return nil }
            guard let day = absoluteDate(at: i).map({ $0.point?.year == nil ? inferredYear($0) : $0 })
                ?? (e.weekday != 0 ? weekdayRelative(at: i) : nil) ?? relativeDay(at: i),
                day.point?.grain == .day, day.point?.hasTime == false
            else { return nil }
            var k = day.end
            if punctuation(k) == 0x2C { k += 1 }
            guard timeRange(at: k) != nil else { return nil }
            dayBefore = day
            j = k
        }
        guard let range = timeRange(at: j) else { return nil }
        return timeRangeResult(from: i, start: range.start, end: range.end, endToken: range.endToken,
                               dayBefore: dayBefore, rule: "interval-time-range")
    }

    /// The interval of two clock times from token `i` to `endToken`, on `dayBefore` or the day written after
    /// them (`de 9h à 11h jeudi`), else placed on the anchor's day.
    func timeRangeResult(from i: Int, start: DatePoint, end: DatePoint, endToken: Int, dayBefore: DateMatch? = nil,
                         rule: String) -> DateMatch
    {
        var start = start, end = end
        var match = DateMatch(i, endToken, kind: .interval, value: "", grain: start.grain, confidence: 0.85,
                              rule: rule)
        var day = dayBefore
        if day == nil, let after = dayAfterTime(at: endToken, forward: true) {
            day = after
            match.end = after.end
        }
        if let day, let date = day.point {
            (start.year, start.month, start.day) = (date.year, date.month, date.day)
            (end.year, end.month, end.day) = (date.year, date.month, date.day)
            match.anchor = day.anchor
            match.flags = day.flags
            match.confidence = min(day.confidence, 0.85)
            match.rule += "+day"
            // The other reading of the day (`jeudi` next week) gives the same hours on that day.
            match.alternatives = day.alternatives.compactMap { reading in
                guard let other = Self.parseDay(reading.value) else { return nil }
                let c = CalendarMath.civil(other)
                var s = start, e = end
                (s.year, s.month, s.day) = (c.year, c.month, c.day)
                (e.year, e.month, e.day) = (c.year, c.month, c.day)
                return .init(value: s.value + "/" + e.value, intervalStart: s.bounds?.start, intervalEnd: e.bounds?.end)
            }
        }
        match.value = start.value + "/" + end.value
        var placedStart = start, placedEnd = end
        if day == nil, let anchorDay {
            let today = CalendarMath.civil(anchorDay)
            (placedStart.year, placedStart.month, placedStart.day) = (today.year, today.month, today.day)
            (placedEnd.year, placedEnd.month, placedEnd.day) = (today.year, today.month, today.day)
            match.anchor = publicationAnchor
            match.flag(.dayFromAnchor)
        }
        match.intervalStart = placedStart.bounds?.start
        match.intervalEnd = placedEnd.bounds?.end
        return match
    }

    /// A weekday resolved as usual (past-biased), for a day written before a range of times.
    private func weekdayRelative(at i: Int) -> DateMatch? {
        guard let weekday = fullWeekday(i) else { return nil }
        return weekdayMatch(i, i + 1, weekday, .inferred, rule: "relative-weekday")
    }

    /// A relative day (`demain`, `hier`, `le lendemain`) with no time of its own.
    private func relativeDay(at i: Int) -> DateMatch? {
        guard let day = relativeMatch(at: i), day.point?.grain == .day, day.point?.hasTime == false else { return nil }
        return day
    }

    /// `à partir du 8`, `dès le 8`, `jusqu'au 8`, `depuis le 8`: a bare day of the month (1…31) after `du`/`le`
    /// with no month, no unit and no noun after it. It is a day of the anchor's month; a forward-looking bound
    /// (`à partir du`, `dès le`, `jusqu'au`) whose day is already past moves to the next month, and a
    /// backward-looking one (`depuis le`) whose day is still ahead moves to the previous month.
    private func bareDay(at j: Int, forward: Bool) -> DateMatch? {
        guard let shape = number(j), shape.groups == 1, shape.lengths.0 <= 2,
              shape.suffix == .none || shape.suffix == .ordinal, (1...31).contains(shape.values.0),
              entry(j + 1).unit == nil, monthField(at: j + 1) == nil, !nounFollows(j), timeAt(j) == nil
        else { return nil }
        let day = shape.values.0
        guard let anchor = anchorDate, let month = anchor.month, let anchorDay = anchor.day else {
            var match = unanchored(j, j + 1, grain: .day, rule: "partial-day")
            match.point?.day = day
            return match
        }
        var target = (year: anchor.year, month: month)
        if forward, day < anchorDay { target = CalendarMath.addMonths(year: anchor.year, month: month, 1) }
        if !forward, day > anchorDay { target = CalendarMath.addMonths(year: anchor.year, month: month, -1) }
        guard CalendarMath.isValid(year: target.year, month: target.month, day: day) else { return nil }
        var match = DateMatch(j, j + 1, point: DatePoint(grain: .day, year: target.year, month: target.month,
                                                         day: day), confidence: 0.6, rule: "partial-day")
        match.anchor = publicationAnchor
        match.flag(.yearInferred)
        return attachingTime(to: match)
    }

    /// A plausible bare year at `j` for a range or an open interval: 1800…2100 with no noun after it.
    private func rangeYear(_ j: Int) -> Int? {
        guard let year = year(j), (1800...2100).contains(year), !nounFollows(j) else { return nil }
        return year
    }

    /// The end of a range or an open interval: a date, a month and year, a year.
    private func endpoint(at j: Int) -> DateMatch? {
        var j = j
        if keyword(j) == .le || keyword(j) == .the || keyword(j) == .elidedL, isNumber(j + 1) { j += 1 }
        if let match = calendarFields(at: j) { return match }
        if let year = rangeYear(j) {
            return DateMatch(j, j + 1, point: DatePoint(grain: .year, year: year), rule: "year")
        }
        return nil
    }

    /// A day of the month in a range, in figures or words: `13`, `1er`, `treize`, `dix-huit` (2…31 in words).
    private func rangeDay(at j: Int) -> (day: Int, end: Int)? {
        if let field = dayField(at: j) { return field }
        let n = entry(j).number
        guard isWord(j), n >= 2, n <= 31 else { return nil }
        return (Int(n), j + 1)
    }

    /// Skips an article and a weekday written before a day of a range (`le`, `samedi 13`, `le mardi 3`).
    private func skippingWeekday(_ j: Int) -> Int {
        var j = j
        if keyword(j) == .le || keyword(j) == .the || keyword(j) == .elidedL,
           isNumber(j + 1) || fullWeekday(j + 1) != nil || entry(j + 1).number >= 2
        {
            j += 1
        }
        if fullWeekday(j) != nil, rangeDay(at: j + 1) != nil { j += 1 }
        return j
    }

    /// `du X au Y`, `entre X et Y`, `de X à Y`: X may be a bare day, a bare month or a bare year, with or without
    /// its weekday (`du samedi 13 au dimanche 15 juillet`); days may be words (`du treize au quinze juillet`).
    /// With `opened` false the range has no opening word (`13 au 15 juillet`, `10 juin - 1er juillet`), so its
    /// end must be a full date; after `du`/`entre` a bare day may end it too (`du 13 au 18`: the anchor's month).
    private func closedRange(_ i: Int, from j: Int, connectors: [DateKeyword], rule: String, opened: Bool = true,
                             dash: Bool = false) -> DateMatch?
    {
        let j = skippingWeekday(j)
        // The start: a full endpoint or a part of one.
        var start: DatePoint
        var afterStart: Int
        if let match = endpoint(at: j), match.point?.hasTime == false {
            start = match.point ?? DatePoint(grain: .day)
            afterStart = match.end
        } else if let (day, k) = rangeDay(at: j) {
            start = DatePoint(grain: .day, day: day)
            afterStart = k
        } else if let month = monthField(at: j), !entry(j).monthAbbreviation {
            start = DatePoint(grain: .month, month: month)
            afterStart = j + 1
        } else {
            return nil
        }
        guard connectors.contains(keyword(afterStart)) || dash && punctuation(afterStart) == 0x2D else { return nil }
        let k = skippingWeekday(afterStart + 1)
        var endMatch: DateMatch
        var inAnchorMonth = false
        if let found = endpoint(at: k) {
            endMatch = found
        } else if let (day, next) = rangeDay(at: k), let month = monthField(at: next) {
            // `au quinze juillet`, `au dix juillet 2024`.
            var point = DatePoint(grain: .day, month: month, day: day)
            var close = next + 1
            if let year = year(close) { point.year = year; close += 1 }
            guard day <= PublicationDate.daysIn(month: month, year: point.year ?? 2000) else { return nil }
            endMatch = DateMatch(k, close, point: point, rule: rule)
        } else if opened, keyword(i) == .du || keyword(i) == .entre && keyword(i + 1) == .le,
                  start.grain == .day, start.month == nil, let (day, next) = rangeDay(at: k),
                  let anchor = anchorDate, let month = anchor.month, entry(next).unit == nil, !nounFollows(k),
                  !isNumber(next), punctuation(next) != 0x2D
        {
            // `du 13 au 18`: days of the anchor's month, or of the month named after them (`du 4 au 23 du mois
            // prochain`, `du 4 au 22 de ce mois`, `du 2 au 9 du mois dernier`).
            var (year, month) = (anchor.year, month)
            var close = next
            var of = next
            if keyword(of) == .du || keyword(of) == .de { of += 1 }
            if entry(of).unit == .month, !entry(of).plural,
               keyword(of + 1) == .last || keyword(of + 1) == .next
            {
                let moved = CalendarMath.addMonths(year: year, month: month, keyword(of + 1) == .next ? 1 : -1)
                (year, month) = (moved.year, moved.month)
                close = of + 2
            } else if keyword(of) == .ce, entry(of + 1).unit == .month, !entry(of + 1).plural {
                close = of + 2
            }
            guard CalendarMath.isValid(year: year, month: month, day: day) else { return nil }
            endMatch = DateMatch(k, close, point: DatePoint(grain: .day, year: year, month: month, day: day),
                                 rule: rule)
            endMatch.anchor = publicationAnchor
            endMatch.flag(.yearInferred)
            start.month = month
            start.year = year
            inAnchorMonth = true  // the month is known: no other year to offer
        } else {
            return nil
        }
        guard var end = endMatch.point else { return nil }
        if !opened, end.grain != .day || end.month == nil { return nil }
        // The start inherits what the end states.
        switch (start.grain, end.grain) {
        case (.day, .day):
            if start.month == nil { start.month = end.month }
            if start.year == nil { start.year = end.year }
        case (.month, .month), (.month, .day):
            if start.year == nil { start.year = end.year }
        case (.year, .year):
            break
        default:
            return nil
        }
        guard start.grain == end.grain || (start.grain == .month && end.grain == .day) else { return nil }
        var match = DateMatch(i, endMatch.end, kind: .interval, value: "", grain: end.grain, confidence: 0.9,
                              rule: rule)
        match.flags = endMatch.flags
        match.anchor = endMatch.anchor
        if end.year == nil {
            // `entre le 20 et le 30 juin`: the year of the end is inferred from the anchor.
            let inferred = inferredYear(DateMatch(i, endMatch.end, point: end, rule: rule))
            end = inferred.point ?? end
            match.flags = inferred.flags
            match.anchor = inferred.anchor
            match.confidence = inferred.confidence
            if start.year == nil, let year = end.year { start.year = year }
        }
        // A start after the end belongs to the year before (`du 28 décembre au 3 janvier 2024`).
        if let s = start.dayNumber, let e = end.dayNumber, s > e, let y = start.year {
            start.year = y - 1
        } else if start.grain == .month, end.grain == .month, let sm = start.month, let em = end.month, sm > em,
                  let y = start.year, start.year == end.year
        {
            start.year = y - 1
        }
        if start.grain == .day, start.dayNumber == nil, start.year != nil { return nil }
        if start.grain == .year, let s = start.year, let e = end.year, s >= e { return nil }
        match.value = start.value + "/" + end.value
        match.intervalStart = start.bounds?.start
        match.intervalEnd = end.bounds?.end
        if match.flags.contains(.yearInferred), !inAnchorMonth {
            // The same days a year later: the other reading of a year inferred from the anchor.
            var laterStart = start, laterEnd = end
            laterStart.year = start.year.map { $0 + 1 }
            laterEnd.year = end.year.map { $0 + 1 }
            if laterStart.dayNumber != nil || laterStart.grain != .day, laterEnd.dayNumber != nil || laterEnd.grain != .day {
                match.alternatives = [.init(value: laterStart.value + "/" + laterEnd.value,
                                            intervalStart: laterStart.bounds?.start, intervalEnd: laterEnd.bounds?.end)]
            }
        }
        return match
    }

    /// `depuis 2011` (`2011/..`), `jusqu'en 2030` (`../2030`), `depuis hier`, `depuis la semaine dernière`.
    ///
    /// The bound may join a date and a time: `à partir de 9h30 jeudi`, `jusqu'à jeudi`, `depuis mardi soir`,
    /// `from Monday`, `until 5 pm`. Weekdays after a forward-looking word (`à partir de`, `jusqu'à`, `until`,
    /// `from`, `d'ici`) are the next such day; after `depuis`/`since` they are past-biased as usual.
    private func openInterval(_ i: Int, at j: Int, startOpen: Bool, rule: String) -> DateMatch? {
        let opener = keyword(i)
        let forward = opener != .depuis && opener != .since
        var inner: DateMatch
        let afterDu = keyword(j - 1) == .du || keyword(j - 1) == .au || keyword(j) == .le
        if opener != .des, let match = timeThenDay(at: j, forward: forward) {
            inner = match
        } else if let match = endpoint(at: j) {
            inner = attachingTime(to: match.point?.year == nil ? inferredYear(match) : match)
        } else if afterDu, opener != .des || keyword(j) == .le,
                  let match = bareDay(at: keyword(j) == .le ? j + 1 : j, forward: forward)
        {
            inner = match
        } else if forward, opener != .des, let weekday = fullWeekday(j) {
            inner = attachingTime(to: weekdayMatch(j, j + 1, weekday, .future, rule: "relative-weekday"))
        } else if !startOpen || opener == .jusqu || opener == .until, opener != .des,
                  let match = relativeMatch(at: j), match.point != nil
        {
            inner = match
        } else {
            return nil
        }
        return openBound(i, inner, startOpen: startOpen, rule: rule)
    }

    /// An open interval from `i` to the end of `inner`, whose point is the bound. A bound with a time is an
    /// instant (`avant midi` ends at 12:00); a day or a coarser bound is included whole (`jusqu'au 3 mars`
    /// ends after 3 March).
    private func openBound(_ i: Int, _ inner: DateMatch, startOpen: Bool, rule: String) -> DateMatch? {
        guard let point = inner.point else { return nil }
        var match = DateMatch(i, inner.end, kind: .interval, value: startOpen ? "../" + point.value : point.value + "/..",
                              grain: point.grain, confidence: min(inner.confidence, 0.9), rule: rule)
        match.flags = inner.flags
        match.anchor = inner.anchor
        var placed = point
        if point.hour != nil, !point.hasDate, let anchorDay {
            // `avant 16h`: a bound of the anchor's day, like a bare time.
            let today = CalendarMath.civil(anchorDay)
            (placed.year, placed.month, placed.day) = (today.year, today.month, today.day)
            match.anchor = match.anchor ?? publicationAnchor
            match.flag(.dayFromAnchor)
        }
        // A bound with a time is an instant; a day or coarser bound is included whole.
        func bound(_ bounds: (start: String, end: String)?, hasTime: Bool) -> String? {
            startOpen ? (hasTime ? bounds?.start : bounds?.end) : bounds?.start
        }
        let hasTime = point.hour != nil
        if startOpen { match.intervalEnd = bound(placed.bounds, hasTime: hasTime) } else {
            match.intervalStart = bound(placed.bounds, hasTime: hasTime)
        }
        match.alternatives = inner.alternatives.map { reading in
            let bounds = reading.intervalStart.flatMap { s in reading.intervalEnd.map { (start: s, end: $0) } }
            let value = startOpen ? "../" + reading.value : reading.value + "/.."
            return startOpen ? .init(value: value, intervalEnd: bound(bounds, hasTime: hasTime))
                : .init(value: value, intervalStart: bound(bounds, hasTime: hasTime))
        }
        return match
    }

    /// A range with no opening word whose end is a full day-month: `13 au 15 juillet`, `1er au 10 juillet`,
    /// `10 juin au 1er juillet`, `13 juillet - 15 juillet`, `14 - 20 sept. 2014`, `samedi 13 au dimanche 15 juillet`.
    private func unopenedRange(at i: Int) -> DateMatch? {
        guard isNumber(i) || entry(i).ordinal == 1 || fullWeekday(i) != nil else { return nil }
        // Cheap test first: `au` or a dash within the next four tokens.
        var connector = false
        for k in (i + 1)..<min(i + 5, count) where keyword(k) == .au || punctuation(k) == 0x2D {
            connector = true
            break
        }
        guard connector else { return nil }
        return closedRange(i, from: i, connectors: [.au], rule: "interval-day-range", opened: false, dash: true)
    }

    /// `2021-2027`, `2021 – 2027`, `2011-12`, `3-7 juin 2024`.
    private func numericRange(at i: Int) -> DateMatch? {
        if let days = numericDayRange(at: i) { return days }
        guard let shape = number(i), shape.suffix == .none else { return nil }
        var first = 0, second = 0, end = i + 1
        if shape.groups == 2, shape.separator == 0x2D {
            first = shape.values.0
            second = shape.values.1
            if shape.lengths.0 <= 2, shape.lengths.1 <= 2, let month = monthField(at: i + 1) {
                // `3-7 juin 2024`.
                var endPoint = DatePoint(grain: .day, month: month, day: second)
                var close = i + 2
                if let year = year(i + 2) { endPoint.year = year; close += 1 }
                var match = DateMatch(i, close, point: endPoint, rule: "interval-day-range")
                if endPoint.year == nil { match = inferredYear(match) }
                guard let e = match.point, e.dayNumber != nil, first >= 1, first < second else { return nil }
                var s = e
                s.day = first
                match.kind = .interval
                match.value = s.value + "/" + e.value
                match.grain = .day
                match.intervalStart = s.bounds?.start
                match.intervalEnd = e.bounds?.end
                match.alternatives = []
                if endPoint.year == nil {
                    // The same days a year later: the other reading of the inferred year.
                    var laterStart = s, laterEnd = e
                    laterStart.year = s.year.map { $0 + 1 }
                    laterEnd.year = e.year.map { $0 + 1 }
                    if laterEnd.dayNumber != nil {
                        match.alternatives = [.init(value: laterStart.value + "/" + laterEnd.value,
                                                    intervalStart: laterStart.bounds?.start,
                                                    intervalEnd: laterEnd.bounds?.end)]
                    }
                }
                return match
            }
            if shape.lengths.0 == 4, shape.lengths.1 == 2, second > first % 100 {
                // `la saison 2011-12`, `l'exercice 2023-24`: the second year shortened to its last two digits.
                second += first / 100 * 100
            } else {
                guard shape.lengths.0 == 4, shape.lengths.1 == 4 else { return nil }
            }
        } else if shape.isPlain, shape.lengths.0 == 4, punctuation(i + 1) == 0x2D, let next = number(i + 2),
                  next.isPlain, next.lengths.0 == 4
        {
            first = shape.values.0
            second = next.values.0
            end = i + 3
        } else {
            return nil
        }
        guard (1800...2100).contains(first), (1800...2100).contains(second), first < second, !nounFollows(end - 1)
        else { return nil }
        let s = DatePoint(grain: .year, year: first), e = DatePoint(grain: .year, year: second)
        var match = DateMatch(i, end, kind: .interval, value: s.value + "/" + e.value, grain: .year,
                              confidence: 0.85, rule: "interval-year-range")
        match.intervalStart = s.bounds?.start
        match.intervalEnd = e.bounds?.end
        return match
    }
}
