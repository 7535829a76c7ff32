import CorpusKit

/// Absolute and partial calendar dates: `3 mars 2021`, `jeudi 04 novembre 2021`, `le 1er mai`, `mars 14 2024`,
/// `March 14, 2024`, `14 March 2024`, `mars 2021`, and numeric dates (`14/03/2024`, `14-03-24`, `14.03.2024`,
/// `12 - 02 - 2021`, `2024-03-14`), each optionally followed by a time.
extension DateScanner {
    /// A day of the month at token `j`: `14`, `04`, `1er`, `14th`, `premier`.
    func dayField(at j: Int) -> (day: Int, end: Int)? {
        if let shape = number(j) {
            guard shape.groups == 1, shape.lengths.0 <= 2, shape.suffix == .none || shape.suffix == .ordinal,
                  (1...31).contains(shape.values.0)
            else { return nil }
            return (shape.values.0, j + 1)
        }
        return entry(j).ordinal == 1 && isWord(j) ? (1, j + 1) : nil
    }

    /// A month name or abbreviation at token `j` (never plural, never `mi-`).
    func monthField(at j: Int) -> Int? {
        let e = entry(j)
        guard e.month != 0, !e.mid else { return nil }
        return Int(e.month)
    }

    /// `23/Sep/2020`, `23-Sep-2020`, `2020/Sep/23`: a month name between slashes or dashes, as logs and page
    /// metadata write dates.
    func slashedMonthName(at j: Int) -> DateMatch? {
        let p = punctuation(j + 1)
        guard isNumber(j), p == 0x2F || p == 0x2D, punctuation(j + 3) == p, isAttached(j + 1), isAttached(j + 2),
              isAttached(j + 3), isAttached(j + 4), let month = monthField(at: j + 2), let last = number(j + 4),
              last.isPlain
        else { return nil }
        if let year = year(j + 4), let (day, _) = dayField(at: j) {
            return dayMatch(j, j + 5, year, month, day, rule: "absolute-day-month-year")
        }
        if let year = year(j), let (day, _) = dayField(at: j + 4) {
            return dayMatch(j, j + 5, year, month, day, rule: "absolute-day-month-year")
        }
        return nil
    }

    /// `absoluteDate` followed by a time when one comes next.
    func absoluteMatch(at i: Int) -> DateMatch? {
        guard let match = absoluteDate(at: i) else { return nil }
        let next = keyword(match.end)
        if next == .avant || next == .apres || next == .jusqu || isDes(match.end),
           let bounded = dayThenBound(i, match.point?.year == nil ? inferredYear(match) : match)
        {
            return bounded  // `le 23/12 avant 17h`
        }
        return attachingTime(to: match)
    }

    /// A calendar date starting at token `i`, optionally preceded by a weekday.
    func absoluteDate(at i: Int) -> DateMatch? {
        var j = i
        var weekday: Int?
        let first = entry(i)
        if first.weekday != 0, !first.plural {
            weekday = Int(first.weekday)
            j += 1
            if punctuation(j) == 0x2C { j += 1 }
            if keyword(j) == .le || keyword(j) == .the { j += 1 }
        }
        guard var found = calendarFields(at: j) else { return nil }
        // A weekday abbreviation (`sam.`, `Thu`) counts only before a full day: `Sam` is also a name.
        if weekday != nil, found.point?.day == nil { return nil }
        found.start = i
        if let weekday {
            found.rule += "+weekday"
            // `samedi 23/06/18`, `mardi 31 octobre 74`: a two-digit year whose century the weekday can settle.
            let twoDigitYear = (number(j).map { $0.groups == 3 && $0.lengths.2 == 2 } ?? false)
                || (found.end - 1 > j && (number(found.end - 1).map { $0.isPlain && $0.lengths.0 == 2 } ?? false))
            return checkedWeekday(found, weekday, twoDigitYear: twoDigitYear)
        }
        if found.point?.year == nil { return inferredYear(found) }
        return found
    }

    /// The fields of a date written without a weekday at token `j`.
    func calendarFields(at j: Int) -> DateMatch? {
        if let logged = slashedMonthName(at: j) { return logged }
        // Day first: `14 mars 2024`, `1er mai`, `14th of March`.
        if let (day, k) = dayField(at: j) {
            let m = keyword(k) == .of ? k + 1 : k
            if let month = monthField(at: m) {
                var end = m + 1
                var year: Int?
                if let y = self.year(end) ?? shortYear(end) {
                    year = y
                    end += 1
                } else if punctuation(end) == 0x2C || keyword(end) == .de, let y = self.year(end + 1), !nounFollows(end + 1) {
                    // `12 janvier, 2018`, `23 novembre de 1987`.
                    year = y
                    end += 2
                }
                let valid = year.map { CalendarMath.isValid(year: $0, month: month, day: day) }
                    ?? (day <= PublicationDate.daysIn(month: month, year: 2000))
                guard valid else { return nil }
                return DateMatch(j, end, point: DatePoint(grain: .day, year: year, month: month, day: day),
                                 rule: year == nil ? "absolute-day-month" : "absolute-day-month-year")
            }
        }
        // Month first: `March 14, 2024`, `mars 14 2024`, `May 2021`, `mars 2021`.
        if let month = monthField(at: j) {
            // `Oct/2`, `mars-14`: a dash or a slash glued between the month and the day.
            let glued = (punctuation(j + 1) == 0x2D || punctuation(j + 1) == 0x2F) && isAttached(j + 1)
                && isAttached(j + 2)
            if let (day, k) = dayField(at: glued ? j + 2 : j + 1) {
                let y = punctuation(k) == 0x2C || keyword(k) == .de ? k + 1 : k
                if let year = self.year(y), y == k || !nounFollows(y) {
                    // `mars 14 2024`, `March 14, 2024`, `novembre 23 de 1987`.
                    guard CalendarMath.isValid(year: year, month: month, day: day) else { return nil }
                    return DateMatch(j, y + 1, point: DatePoint(grain: .day, year: year, month: month, day: day),
                                     rule: "absolute-month-day-year")
                }
                // `March 14` without a year: English style, a capitalised month name (abbreviated only with its
                // period or a slash: `Oct. 2`, `Oct/2`), and no noun after the day (`Mars 3 soldats`).
                let abbreviation = entry(j).monthAbbreviation
                if isCapitalized(j), !abbreviation || glued || tokens[j].has(.abbreviation),
                   punctuation(k) != 0x2C || !isNumber(k + 1) || number(k + 1)?.isPlain == false && bareTime(at: k + 1) != nil,
                   !nounFollows(k - 1), entry(k).unit == nil,
                   punctuation(k) != 0x25, day <= PublicationDate.daysIn(month: month, year: 2000),
                   !isNumber(k) || (bareTime(at: k) != nil && number(k)?.isPlain == false)
                {
                    // (`Octobre 14 8:00am`: a time may follow.)
                    return DateMatch(j, k, point: DatePoint(grain: .day, month: month, day: day),
                                     confidence: 0.85, rule: "absolute-month-day")
                }
            }
            if let year = self.year(j + 1) {
                return DateMatch(j, j + 2, point: DatePoint(grain: .month, year: year, month: month),
                                 rule: "absolute-month-year")
            }
            if let shape = number(j + 1), shape.lengths.0 == 2, shape.values.0 > 31, let year = shortYear(j + 1),
               punctuation(j + 2) != 0x25
            {
                // `en juillet 98`: a two-digit number that cannot be a day is the year (not `juillet 98 personnes`).
                return DateMatch(j, j + 2, point: DatePoint(grain: .month, year: year, month: month),
                                 confidence: 0.85, rule: "absolute-month-year")
            }
            return nil
        }
        return numericDate(at: j)
    }

    /// An ISO 8601 date-time in one token, as page metadata writes it: `2024-03-14T18:32`,
    /// `2015-05-02T10:20:19+0000`, `2024-03-14T18:32:00.000Z` (seconds and UTC offsets are read and dropped:
    /// the value is to the minute, in the text's own clock).
    func isoDateTime(at j: Int) -> DateMatch? {
        guard isNumber(j) else { return nil }
        let start = tokens[j].span.start, end = tokens[j].span.end
        guard end - start >= 16, end - start <= 40 else { return nil }
        func digits(_ from: Int, _ count: Int) -> Int? {
            guard from + count <= end else { return nil }
            var value = 0
            for k in from..<(from + count) {
                let b = bytes[k]
                guard b >= 0x30, b <= 0x39 else { return nil }
                value = value * 10 + Int(b - 0x30)
            }
            return value
        }
        guard let year = digits(start, 4), bytes[start + 4] == 0x2D, let month = digits(start + 5, 2),
              bytes[start + 7] == 0x2D, let day = digits(start + 8, 2), bytes[start + 10] == 0x54 || bytes[start + 10] == 0x74,
              let hour = digits(start + 11, 2), bytes[start + 13] == 0x3A, let minute = digits(start + 14, 2),
              CalendarMath.isValid(year: year, month: month, day: day), hour < 24, minute < 60
        else { return nil }
        // The rest of the token: `:SS`, `.fff`, `Z`, `+HH:MM` — digits and those marks only.
        for k in (start + 16)..<end {
            let b = bytes[k]
            guard (b >= 0x30 && b <= 0x39) || b == 0x3A || b == 0x2E || b == 0x5A || b == 0x2B || b == 0x2D else {
                return nil
            }
        }
        var close = j + 1
        // `+0000` split off by the tokenizer.
        if isAttached(close), punctuation(close) == 0x2D || (close < count && bytes[tokens[close].span.start] == 0x2B),
           isNumber(close + 1), isAttached(close + 1), tokens[close + 1].span.end - tokens[close + 1].span.start <= 5
        {
            close += 2
        }
        var point = DatePoint(grain: .minute, year: year, month: month, day: day)
        point.hour = hour
        point.minute = minute
        return DateMatch(j, close, point: point, rule: "numeric-iso-datetime")
    }

    /// Numeric dates, day first: `14/03/2024`, `14-03-24`, `14.03.2024`, `2024-03-14`, `12 - 02 - 2021`,
    /// `03/2024`, `2024-03`, and `14/03` after `le`, `du`, `au`, `depuis`.
    func numericDate(at j: Int) -> DateMatch? {
        if let iso = isoDateTime(at: j) { return iso }
        guard let shape = number(j), shape.suffix == .none else { return nil }
        let separator = shape.separator
        if shape.groups == 3, separator == 0x2F || separator == 0x2D || separator == 0x2E {
            if shape.lengths.0 == 4, shape.lengths.1 <= 2, shape.lengths.2 <= 2,
               separator != 0x2E || (1900...2100).contains(shape.values.0)
            {
                // `2024-03-14`, `2024/3/14`, `2015.5.13` (a dotted one only with a plausible year: not a version).
                return dayMatch(j, j + 1, shape.values.0, shape.values.1, shape.values.2, rule: "numeric-iso")
            }
            guard shape.lengths.0 <= 2, shape.lengths.1 <= 2, shape.lengths.2 == 4 || shape.lengths.2 == 2 else {
                return nil
            }
            let year = shape.lengths.2 == 2 ? expandTwoDigitYear(shape.values.2) : shape.values.2
            if shape.values.1 > 12, shape.values.0 <= 12 {
                // `02/22/2016`, `9-18-15`: no month 22, so the American order, and flagged as such.
                var match = dayMatch(j, j + 1, year, shape.values.0, shape.values.1, rule: "numeric-mdy")
                match?.confidence = 0.8
                return match
            }
            return dayMatch(j, j + 1, year, shape.values.1, shape.values.0, rule: "numeric-dmy")
        }
        if shape.groups == 2, separator == 0x2F || separator == 0x2D, shape.lengths.0 == 4, shape.lengths.1 <= 2,
           (1...12).contains(shape.values.1), shape.values.1 <= shape.values.0 % 100 || shape.lengths.1 == 1,
           (1800...2100).contains(shape.values.0), !nounFollows(j)
        {
            // `2016-11`, `2016/11`: year and month (`2011-12` is a range of years, read before this).
            return DateMatch(j, j + 1, point: DatePoint(grain: .month, year: shape.values.0, month: shape.values.1),
                             confidence: 0.8, rule: "numeric-ym")
        }
        if conversational, shape.groups == 2, separator == 0x2E, shape.lengths.0 == 4, shape.lengths.1 <= 2,
           (1...12).contains(shape.values.1), (1900...2100).contains(shape.values.0)
        {
            // `2015.3` in a message: a year and a month (in news, as often a decimal).
            return DateMatch(j, j + 1, point: DatePoint(grain: .month, year: shape.values.0, month: shape.values.1),
                             confidence: 0.6, rule: "numeric-ym")
        }
        if shape.groups == 2, separator == 0x2D, shape.lengths.0 <= 2, shape.lengths.1 == 4,
           (1...12).contains(shape.values.0), (1800...2100).contains(shape.values.1), !nounFollows(j)
        {
            // `11-2016`: month and year.
            return DateMatch(j, j + 1, point: DatePoint(grain: .month, year: shape.values.1, month: shape.values.0),
                             confidence: 0.75, rule: "numeric-my")
        }
        if shape.groups == 2, separator == 0x2F, shape.lengths.0 <= 2 {
            if shape.lengths.1 == 4 {
                let month = shape.values.0
                guard (1...12).contains(month) else { return nil }
                return DateMatch(j, j + 1, point: DatePoint(grain: .month, year: shape.values.1, month: month),
                                 confidence: 0.8, rule: "numeric-my")
            }
            let before = keyword(j - 1)
            // After `le`, `du`, `au`, `depuis` or a weekday; alone only when it cannot be a fraction or a score:
            // a day above 12 or a zero-padded field (`17/2`, `31/10`, `05/03`; not `3/4`, `12/10`), with no number
            // or `%` around it.
            let introduced = before == .le || before == .du || before == .au || before == .depuis || before == .on
                || entry(j - 1).weekday != 0
            let padded = (shape.lengths.0 == 2 && shape.values.0 < 10) || (shape.lengths.1 == 2 && shape.values.1 < 10)
            let unambiguous = (shape.values.0 > 12 || padded) && !isNumber(j - 1) && !isNumber(j + 1)
                && !nounFollows(j) && punctuation(j + 1) != 0x25 && punctuation(j - 1) != 0x2F
            guard shape.lengths.1 <= 2, introduced || unambiguous else { return nil }
            let (day, month) = (shape.values.0, shape.values.1)
            guard (1...12).contains(month), day >= 1, day <= PublicationDate.daysIn(month: month, year: 2000) else {
                return nil
            }
            return DateMatch(j, j + 1, point: DatePoint(grain: .day, month: month, day: day), confidence: 0.8,
                             rule: "numeric-dm")
        }
        if let monthYear = spacedMonthYear(at: j, shape) { return monthYear }
        // Spaced: `12 - 02 - 2021`, `12 / 02 / 2021`.
        guard shape.isPlain, shape.lengths.0 <= 2 else { return nil }
        if let month = number(j + 1), month.isPlain, month.lengths.0 <= 2, let year = number(j + 2), year.isPlain,
           year.lengths.0 == 4, (1800...2100).contains(year.values.0), !isNumber(j + 3), !isNumber(j - 1),
           !nounFollows(j + 2)
        {
            // Blank-separated, as forms print them: `20 02 2014`, `le 2 4 2009` (a four-digit year last, nothing
            // numeric around: a run of numbers is a phone number or a code).
            return dayMatch(j, j + 3, year.values.0, month.values.0, shape.values.0, rule: "numeric-dmy-blank")
        }
        if conversational, !lenient, let month = number(j + 1), month.isPlain, month.lengths.0 <= 2,
           (1...12).contains(month.values.0), let year = number(j + 2), year.isPlain, year.lengths.0 == 2,
           !isNumber(j - 1), !isNumber(j + 3)
        {
            // In messages, `18 08 78`: a day, a month and a two-digit year, blank-separated.
            return dayMatch(j, j + 3, expandTwoDigitYear(year.values.0), month.values.0, shape.values.0,
                            rule: "numeric-dmy-blank")
        }
        if lenient, let month = number(j + 1), month.isPlain, month.lengths.0 <= 2, !isNumber(j - 1) {
            // Parsing a string that is a date (see ``DateExtractor/parse(_:anchor:)``): `17 02`, `20 02 14`.
            if let year = number(j + 2), year.isPlain, year.lengths.0 == 2 || year.lengths.0 == 4, !isNumber(j + 3) {
                let y = year.lengths.0 == 2 ? expandTwoDigitYear(year.values.0) : year.values.0
                return dayMatch(j, j + 3, y, month.values.0, shape.values.0, rule: "numeric-dmy-blank")
            }
            // A day that some year has (2000 was a leap year: 29/02 is kept).
            if !isNumber(j + 2), CalendarMath.isValid(year: 2000, month: month.values.0, day: shape.values.0) {
                return inferredYear(DateMatch(j, j + 2, point: DatePoint(grain: .day, month: month.values.0,
                                                                         day: shape.values.0),
                                              confidence: 0.6, rule: "numeric-dm-blank"))
            }
        }
        let p = punctuation(j + 1)
        guard p == 0x2D || p == 0x2F || p == 0x2E, punctuation(j + 3) == p,
              let month = number(j + 2), month.isPlain, month.lengths.0 <= 2,
              let year = number(j + 4), year.isPlain, year.lengths.0 == 4 || year.lengths.0 == 2,
              // A longer run (`01 - 02 - 03 - 04`) is a code or a phone number, not a date.
              punctuation(j + 5) != p || !isNumber(j + 6)
        else { return nil }
        let y = year.lengths.0 == 2 ? expandTwoDigitYear(year.values.0) : year.values.0
        return dayMatch(j, j + 5, y, month.values.0, shape.values.0, rule: "numeric-dmy-spaced")
    }

    /// `11 / 2016`, `11- 2016`, `2016 / 11`, `2016 - 11`: a month and a year around a spaced slash or dash, with no
    /// number or noun around them (`2016 - 11 morts` is not a month).
    private func spacedMonthYear(at j: Int, _ shape: NumberShape) -> DateMatch? {
        let p = punctuation(j + 1)
        guard shape.isPlain, p == 0x2F || p == 0x2D, let other = number(j + 2), other.isPlain, !isNumber(j - 1),
              punctuation(j - 1) != 0x2F, punctuation(j - 1) != 0x2D, !isNumber(j + 3), punctuation(j + 3) != p,
              !nounFollows(j + 2), punctuation(j + 3) != 0x25
        else { return nil }
        let (month, year): (Int, Int)
        if shape.lengths.0 <= 2, other.lengths.0 == 4 {
            (month, year) = (shape.values.0, other.values.0)
        } else if shape.lengths.0 == 4, other.lengths.0 <= 2 {
            (month, year) = (other.values.0, shape.values.0)
        } else {
            return nil
        }
        guard (1...12).contains(month), (1900...2100).contains(year) else { return nil }
        return DateMatch(j, j + 3, point: DatePoint(grain: .month, year: year, month: month), confidence: 0.7,
                         rule: "numeric-my-spaced")
    }

    /// A validated day match.
    private func dayMatch(_ start: Int, _ end: Int, _ year: Int, _ month: Int, _ day: Int, rule: String)
        -> DateMatch?
    {
        guard CalendarMath.isValid(year: year, month: month, day: day) else { return nil }
        return DateMatch(start, end, point: DatePoint(grain: .day, year: year, month: month, day: day), rule: rule)
    }

    /// A two-digit year taken to the past of the anchor, or to the year after it (`24` → 2024 and `25` → 2025
    /// when published in 2024, `98` → 1998; `14` → 2014 when published in 2013).
    func expandTwoDigitYear(_ yy: Int) -> Int {
        let pivot = (anchorDate?.year ?? 2048) + 1
        let candidate = pivot - pivot % 100 + yy
        return candidate <= pivot ? candidate : candidate - 100
    }

    /// A two-digit year written after a day and a month name (`31 octobre 74`): a plain two-digit number that no
    /// noun, unit or `h` follows.
    private func shortYear(_ k: Int) -> Int? {
        guard let shape = number(k), shape.isPlain, shape.lengths.0 == 2, !nounFollows(k), entry(k + 1).unit == nil,
              keyword(k + 1) != .h, !isNumber(k + 1)
        else { return nil }
        return expandTwoDigitYear(shape.values.0)
    }

    /// Checks a written weekday against the date, or infers the year from it when the year is missing.
    private func checkedWeekday(_ match: DateMatch, _ weekday: Int, twoDigitYear: Bool = false) -> DateMatch {
        var match = match
        guard var point = match.point, let month = point.month, let day = point.day else { return match }
        if let year = point.year {
            if CalendarMath.weekday(year: year, month: month, day: day) != weekday, twoDigitYear,
               let other = [year + 100, year - 100].first(where: { other in
                   CalendarMath.isValid(year: other, month: month, day: day)
                       && CalendarMath.weekday(year: other, month: month, day: day) == weekday
               })
            {
                // The other century is the one where that day is that weekday.
                point.year = other
                match.point = point
                return match
            }
            if CalendarMath.weekday(year: year, month: month, day: day) != weekday {
                match.flag(.weekdayMismatch)
                match.confidence = 0.7
            }
            return match
        }
        guard let anchorYear = anchorDate?.year else {
            point.weekday = weekday
            match.point = point
            match.flag(.unanchored)
            match.confidence = 0.5
            return match
        }
        // The year, near the anchor and preferably before it, in which that day falls on that weekday.
        let reference = anchorDay ?? CalendarMath.dayNumber(year: anchorYear, month: anchorDate?.month ?? 7, day: 1)
        var best: (year: Int, cost: Int)?
        for year in (anchorYear - 6)...(anchorYear + 1)
        where CalendarMath.isValid(year: year, month: month, day: day)
            && CalendarMath.weekday(year: year, month: month, day: day) == weekday
        {
            let distance = CalendarMath.dayNumber(year: year, month: month, day: day) - reference
            let cost = distance > 0 ? distance * 3 : -distance
            if best == nil || cost < best!.cost { best = (year, cost) }
        }
        guard let best else {
            match.flag(.weekdayMismatch)
            return inferredYear(match)
        }
        let anchorReading = inferredYear(match).point
        point.year = best.year
        match.point = point
        match.flag(.yearInferred)
        match.anchor = publicationAnchor
        match.confidence = 0.85
        if let anchorReading, anchorReading.year != best.year {
            // The weekday may be the mistake: the year the anchor alone gives is the other reading.
            match.alternatives = [anchorReading.reading]
        }
        return match
    }

    /// Gives a day-month without a year the anchor's year, or the year before when the day-month comes after
    /// the anchor (news is past-biased); the other reading is kept as an alternative.
    func inferredYear(_ match: DateMatch) -> DateMatch {
        var match = match
        guard var point = match.point, let month = point.month else { return match }
        guard let anchor = anchorDate else {
            match.flag(.unanchored)
            match.confidence = min(match.confidence, 0.6)
            return match
        }
        let day = point.day ?? 1
        let anchorMonth = anchor.month ?? 12
        let anchorDayOfMonth = anchor.day ?? 31
        var year = anchor.year
        if month > anchorMonth || (month == anchorMonth && day > anchorDayOfMonth) { year -= 1 }
        if month == 2, day == 29 {
            // Only leap years have a 29 February: the latest one on or before that year.
            while !CalendarMath.isValid(year: year, month: 2, day: 29) { year -= 1 }
        }
        point.year = year
        var alternative = point
        alternative.year = year + 1
        if month == 2, day == 29 { alternative.year = year + 4 }
        if point.day != nil, let reference = anchorDay, let future = alternative.dayNumber, future > reference,
           future - reference <= 31
        {
            // `le 1er mai` written ten days before it: the coming one (within a month), the past one kept as the
            // other reading. Further ahead, news more often looks back (`la manifestation du 1er mai`).
            swap(&point, &alternative)
        }
        match.point = point
        match.alternatives = [alternative.reading]
        match.anchor = publicationAnchor
        match.flag(.yearInferred)
        match.confidence = min(match.confidence, 0.8)
        return match
    }
}
