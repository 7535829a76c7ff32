import CorpusKit

/// Durations and sets, kept apart from dates: `pour 5 ans` (`P5Y`), `trois jours de visite` (`P3D`),
/// `pendant deux heures` (`PT2H`), `depuis trois ans`, `ces dernières semaines` (a duration back from the
/// anchor), `les prochains jours`, `in recent weeks`, `over the past three years`; `chaque année` (`P1Y`),
/// `tous les deux ans` (`P2Y`), `tous les lundis` (`XXXX-WXX-1`), `every Monday`. None of these is ever
/// resolved to a past date.
extension DateScanner {
    func durationOrSetMatch(at i: Int) -> DateMatch? {
        if let weekdays = pluralWeekday(at: i) { return weekdays }
        switch keyword(i) {
        case .periodically:
            guard let unit = entry(i).unit else { return nil }
            return DateMatch(i, i + 1, kind: .set, value: unit.duration(1), grain: unit.granularity, confidence: 0.8,
                             rule: "set-adverb")
        case .pour, .pendant, .durant, .forEN, .during, .over, .depuis, .since:
            var j = i + 1
            if keyword(j) == .the, keyword(j + 1) == .past || keyword(j + 1) == .last || keyword(j + 1) == .next {
                return recent(i, from: j + 1, forward: keyword(j + 1) == .next)
            }
            if keyword(j) == .les || keyword(j) == .the { j += 1 }
            if var fraction = fractionalDuration(at: j, introduced: true) {
                fraction.start = i
                fraction.rule = "duration"
                return fraction
            }
            guard let quantity = quantity(at: j), quantity.count != nil || keyword(j) == .few else { return nil }
            return duration(i, quantity.end, quantity.count, quantity.unit, rule: "duration")
        case .ces, .les, .des, .the:
            return recent(i, from: i + 1, forward: nil)
        case .au where keyword(i + 1) == .cours && keyword(i + 2) == .des:
            return recent(i, from: i + 3, forward: nil)
        case .inEN where keyword(i + 1) == .recent:
            guard let unit = entry(i + 2).unit, entry(i + 2).plural else { return nil }
            return recentDuration(i, i + 3, nil, unit, forward: false)
        case .dans where keyword(i + 1) == .les:
            // `dans les 48 heures`, `dans les 15 jours`: from now to that many units later.
            if let shape = number(i + 2), shape.groups == 1, shape.suffix == .hour, shape.lengths.0 <= 3 {
                return spanFromAnchor(i, i + 3, shape.values.0, .hour, past: false, rule: "interval-within")  // `2h`
            }
            guard let quantity = quantity(at: i + 2), let count = quantity.count, count <= 1000 else { return nil }
            return spanFromAnchor(i, quantity.end, count, quantity.unit, past: false, rule: "interval-within")
        case .chaque, .each, .every:
            if let date = absoluteDate(at: i + 1), let point = date.point, point.grain == .day,
               point.year == nil || date.flags.contains(.yearInferred), let month = point.month, let day = point.day
            {
                // `chaque 14 juillet`: every year on that day.
                let value = "XXXX-" + DatePoint.pad(month, 2) + "-" + DatePoint.pad(day, 2)
                return DateMatch(i, date.end, kind: .set, value: value, grain: .day, confidence: 0.8, rule: "set-date")
            }
            return set(i, from: i + 1)
        case .tous:
            if keyword(i + 1) == .les { return set(i, from: i + 2) }
            // `toute la journée`, `tout le mois`, `toute l'année`: one whole unit.
            guard keyword(i + 1) == .la || keyword(i + 1) == .le || keyword(i + 1) == .elidedL,
                  let unit = entry(i + 2).unit, !entry(i + 2).plural, keyword(i + 2) != .demi, unit != .second
            else { return nil }
            return duration(i, i + 3, 1, unit, rule: "duration-whole")
        default:
            return nil
        }
    }

    /// `ces (trois) derniers mois`, `les prochaines semaines`, `the past three years`, `the next few weeks`.
    private func recent(_ i: Int, from j: Int, forward: Bool?) -> DateMatch? {
        var j = j
        var direction = forward
        if direction == nil {
            // French: the count may come before `derniers` (`les trois derniers mois`).
            var count: Int?
            if let n = self.count(j), entry(j + 1).keyword == .last || entry(j + 1).keyword == .next {
                count = n
                j += 1
            }
            let k = keyword(j)
            guard k == .last || k == .next || k == .past else { return nil }
            direction = k == .next
            j += 1
            if count == nil, let n = self.count(j) { count = n; j += 1 }
            guard let unit = entry(j).unit, entry(j).plural || count != nil || unit == .month else { return nil }
            return recentDuration(i, j + 1, count, unit, forward: direction ?? false)
        }
        j += 1  // `past`, `last`, `next`
        var count: Int?
        if keyword(j) == .few { j += 1 } else if let n = self.count(j) { count = n; j += 1 }
        guard let unit = entry(j).unit else { return nil }
        return recentDuration(i, j + 1, count, unit, forward: direction ?? false)
    }

    /// A duration that ends (starts) at the anchor.
    private func recentDuration(_ start: Int, _ end: Int, _ count: Int?, _ unit: DateUnit, forward: Bool)
        -> DateMatch
    {
        var match = DateMatch(start, end, kind: .duration, value: unit.duration(count), grain: unit.granularity,
                              confidence: 0.8, rule: forward ? "duration-coming" : "duration-recent")
        guard let anchorDay else {
            match.flag(.unanchored)
            return match
        }
        match.anchor = publicationAnchor
        if forward { match.intervalStart = DatePoint.instant(anchorDay) } else { match.intervalEnd = DatePoint.instant(anchorDay + 1) }
        if let count, count >= 1, unit == .hour || unit == .minute, let hour = anchorDate?.hour {
            // `les 3 prochaines heures`, `les 2 dernières minutes`: whole hours (minutes) next to the anchor's.
            let size = unit == .hour ? 60 : 1
            let current = unit == .hour ? hour * 60 : hour * 60 + (anchorDate?.minute ?? 0)
            let (first, last) = forward ? (current + size, current + size * (1 + count)) : (current - size * count, current)
            match.intervalStart = DatePoint.instant(anchorDay, minutes: first)
            match.intervalEnd = DatePoint.instant(anchorDay, minutes: last)
        } else if let count, count >= 1, let unitStart = startOfUnit(containing: anchorDay, unit) {
            // Whole units next to the current one: `les 3 derniers jours` are the three days before the anchor's
            // day, `les 2 prochains mois` the two months after the anchor's month.
            if forward, let next = shift(unitStart, by: 1, unit), let last = shift(unitStart, by: 1 + count, unit) {
                match.intervalStart = DatePoint.instant(next)
                match.intervalEnd = DatePoint.instant(last)
            } else if !forward, let first = shift(unitStart, by: -count, unit) {
                match.intervalStart = DatePoint.instant(first)
                match.intervalEnd = DatePoint.instant(unitStart)
            }
        }
        return match
    }

    /// The first day of the day, week (Monday), month or year holding `day`; `nil` for finer or coarser units.
    private func startOfUnit(containing day: Int, _ unit: DateUnit) -> Int? {
        let c = CalendarMath.civil(day)
        switch unit {
        case .day: return day
        case .week: return day - (CalendarMath.weekday(day) - 1)
        case .month: return CalendarMath.dayNumber(year: c.year, month: c.month, day: 1)
        case .year: return CalendarMath.dayNumber(year: c.year, month: 1, day: 1)
        default: return nil
        }
    }

    /// A day number moved by whole units (months and years clamp the day to the month's length).
    func shift(_ day: Int, by count: Int, _ unit: DateUnit) -> Int? {
        guard abs(count) <= 10_000 else { return nil }
        switch unit {
        case .second, .minute, .hour: return day
        case .day: return day + count
        case .week: return day + 7 * count
        case .month, .year, .decade, .century:
            let months = count * (unit == .month ? 1 : unit == .year ? 12 : unit == .decade ? 120 : 1200)
            let c = CalendarMath.civil(day)
            let m = CalendarMath.addMonths(year: c.year, month: c.month, months)
            guard CalendarMath.isWritable(m.year) else { return nil }
            return CalendarMath.dayNumber(year: m.year, month: m.month,
                                          day: min(c.day, PublicationDate.daysIn(month: m.month, year: m.year)))
        }
    }

    /// A plain duration.
    func duration(_ start: Int, _ end: Int, _ count: Int?, _ unit: DateUnit, rule: String) -> DateMatch {
        DateMatch(start, end, kind: .duration, value: unit.duration(count), grain: unit.granularity,
                  confidence: count == nil ? 0.6 : 0.85, rule: rule)
    }

    /// `chaque année`, `tous les deux ans`, `tous les lundis`, `every Monday`.
    private func set(_ i: Int, from j: Int) -> DateMatch? {
        var j = j
        var count = 1
        if let n = self.count(j), n >= 1, entry(j + 1).unit != nil {
            count = n
            j += 1
        }
        let e = entry(j)
        if e.weekday != 0, !e.weekdayAbbreviation {
            var point = DatePoint(grain: .day)
            point.weekday = Int(e.weekday)
            var end = j + 1
            var rule = "set-weekday"
            if let time = timeField(at: end) {
                // `tous les lundis à 16h`.
                point.hour = time.hour
                point.minute = time.minute
                end = time.end
                rule += "+time"
            }
            return DateMatch(i, end, kind: .set, value: point.value, grain: point.hour == nil ? .day : .minute,
                             confidence: 0.85, rule: rule)
        }
        guard let unit = e.unit, keyword(j) != .ci else { return nil }
        return DateMatch(i, j + 1, kind: .set, value: unit.duration(count), grain: unit.granularity,
                         confidence: 0.85, rule: "set-each")
    }

    /// `les dimanches`, `lundis et jeudis` (the first): a weekday in the plural is every such day; with its time
    /// after it (`les lundis à 16h`).
    private func pluralWeekday(at i: Int) -> DateMatch? {
        let j = keyword(i) == .les ? i + 1 : i
        let e = entry(j)
        guard e.weekday != 0, e.plural, !e.weekdayAbbreviation else { return nil }
        return set(i, from: j)
    }

    /// A weekly set after a clock time (`16 heures chaque lundi`, `4pm every Monday`, `à 15 h le dimanche`,
    /// `9am les dimanches`): the set at that time of day.
    func recurringDay(after time: DateMatch) -> DateMatch? {
        guard let point = time.point, let hour = point.hour, !point.hasDate else { return nil }
        let k = time.end
        var set: DateMatch?
        if keyword(k) == .le, fullWeekday(k + 1) != nil, var habit = relativeMatch(at: k + 1),
           habit.rule == "set-weekday-habitual"
        {
            // `le dimanche` after a time is habitual: `ouvert à 15 h le dimanche`.
            habit.start = k
            habit.confidence = 0.75
            set = habit
        } else if let found = durationOrSetMatch(at: k), found.kind == .set, found.grain == .day,
                  found.value?.hasPrefix("XXXX-WXX-") == true
        {
            set = found
        }
        guard var set, let value = set.value, !value.contains("T") else { return nil }
        let minute = point.minute ?? 0
        set.value = value + "T" + (hour < 10 ? "0" : "") + String(hour) + ":" + (minute < 10 ? "0" : "") + String(minute)
        set.start = time.start
        set.grain = point.minute == nil ? .hour : .minute
        set.rule = time.rule + "+" + set.rule
        return set
    }

    /// `trois jours de visite`, `5 ans de prison`: a count of at least two (or written in digits) and a unit,
    /// not an age (see ``filteredEnd(at:)``).
    /// `un an et demi`, `deux heures et demie`, `3,5 ans`, `48h` (more hours than a day has, or after `pour`,
    /// `pendant`: an amount of hours, not a clock time): amounts that are not whole units or not clock times.
    func fractionalDuration(at j: Int, introduced: Bool) -> DateMatch? {
        if let shape = number(j), shape.groups == 2, shape.separator == 0x2C || shape.separator == 0x2E,
           shape.suffix == .none, shape.lengths.1 <= 2,
           // `1,5 seconde`: French keeps the singular below two.
           let unit = entry(j + 1).unit ?? (folded(j + 1) == "seconde" ? .second : nil), unit != .decade,
           unit != .century, keyword(j + 1) != .ci
        {
            // `3,5 ans`, `2.5 hours`.
            let amount = "\(shape.values.0).\(shape.values.1)"
            return DateMatch(j, j + 2, kind: .duration, value: unit.duration(amount: amount), grain: unit.granularity,
                             confidence: 0.8, rule: "duration-bare")
        }
        if let shape = number(j), shape.groups == 1, shape.suffix == .hour, shape.lengths.0 <= 3,
           introduced || shape.values.0 > 24
        {
            // `une grève de 48h`, `pendant 24h`, `pour 3h`.
            return DateMatch(j, j + 1, kind: .duration, value: DateUnit.hour.duration(shape.values.0), grain: .hour,
                             confidence: 0.8, rule: "duration-bare")
        }
        if let glued = gluedQuantity(at: j) {
            // `3heures`, `3,5ans`, `30-minutes`, `10mn`.
            return DateMatch(j, j + 1, kind: .duration, value: glued.unit.duration(amount: glued.amount),
                             grain: glued.unit.granularity, confidence: 0.8, rule: "duration-bare")
        }
        if let shape = number(j), shape.isPlain, shape.lengths.0 <= 3, punctuation(j + 1) == 0x2D, isAttached(j + 1),
           isAttached(j + 2), let unit = entry(j + 2).unit, unit != .decade, unit != .century, keyword(j + 2) != .ci
        {
            // `30-minutes`, `3-min`.
            return duration(j, j + 3, shape.values.0, unit, rule: "duration-bare")
        }
        if keyword(j) == .demi || (entry(j).number == 1 && keyword(j + 1) == .demi) {
            // `une demi-heure`, `une demi heure`, `demi-journée`.
            var k = keyword(j) == .demi ? j : j + 1
            var unit = entry(k).unit
            if unit == nil, !isWord(k) || entry(k + 1).unit == nil { return nil }
            if unit == nil { k += 1; unit = entry(k).unit }
            guard let unit, unit != .second else { return nil }
            let value = unit == .century ? "P50Y" : unit.duration(amount: "0.5")
            return DateMatch(j, k + 1, kind: .duration, value: value, grain: unit.granularity,
                             confidence: 0.8, rule: "duration-bare")
        }
        if introduced, let shape = number(j), shape.isPlain, shape.lengths.0 <= 2, keyword(j + 1) == .h,
           !isNumber(j + 2)
        {
            // `pour 3 h`, `pendant 2 h`.
            return DateMatch(j, j + 2, kind: .duration, value: DateUnit.hour.duration(shape.values.0), grain: .hour,
                             confidence: 0.8, rule: "duration-bare")
        }
        if conversational, let n = count(j), n >= 1, n <= 99, keyword(j + 1) == .et, keyword(j + 2) == .demi,
           let unit = entry(j + 3).unit, unit != .decade, unit != .century
        {
            // `deux et demi heures`, in messages.
            return DateMatch(j, j + 4, kind: .duration, value: unit.duration(amount: "\(n).5"), grain: unit.granularity,
                             confidence: 0.6, rule: "duration-bare")
        }
        guard let quantity = quantity(at: j), let count = quantity.count, quantity.unit != .decade,
              quantity.unit != .century, keyword(quantity.end) == .et, keyword(quantity.end + 1) == .demi
        else { return nil }
        // `un an et demi`, `deux heures et demie`: half a unit more.
        return DateMatch(j, quantity.end + 2, kind: .duration, value: quantity.unit.duration(amount: "\(count).5"),
                         grain: quantity.unit.granularity, confidence: 0.8, rule: "duration-bare")
    }

    /// A count with its unit glued in one token: `3heures`, `3,5ans`, `2.5hrs`, `30-minutes`, `10mn` (`3h` is a
    /// clock time, read elsewhere).
    func gluedQuantity(at j: Int) -> (amount: String, unit: DateUnit)? {
        guard j >= 0, j < count, tokens[j].kind == .number || tokens[j].kind == .word else { return nil }
        let span = tokens[j].span
        var k = span.start
        var whole = 0, digits = 0
        while k < span.end, bytes[k] >= 0x30, bytes[k] <= 0x39, digits < 6 {
            whole = whole * 10 + Int(bytes[k] - 0x30); k += 1; digits += 1
        }
        guard digits > 0, k < span.end else { return nil }
        var amount = String(whole)
        if bytes[k] == 0x2C || bytes[k] == 0x2E {
            // A decimal part of one or two digits.
            var fraction = ""
            k += 1
            while k < span.end, bytes[k] >= 0x30, bytes[k] <= 0x39, fraction.utf8.count < 3 {
                fraction.unicodeScalars.append(Unicode.Scalar(bytes[k])); k += 1
            }
            guard !fraction.isEmpty, fraction.utf8.count <= 2 else { return nil }
            amount += "." + fraction
        }
        if k < span.end, bytes[k] == 0x2D { k += 1 }
        guard span.end - k >= 2, let folded = FoldedWord.fold(bytes, k, span.end) else { return nil }
        let entry = DateLexicon.entry(folded.word, period: folded.period)
        guard let unit = entry.unit, entry.keyword == .none, unit != .decade, unit != .century
        else { return nil }
        return (amount, unit)
    }

    func bareDurationMatch(at i: Int) -> DateMatch? {
        if var fraction = fractionalDuration(at: i, introduced: false) {
            // `un an et demi` alone, but `à une heure et demie` is a clock time (read before this).
            if keyword(i - 1) == .a || keyword(i - 1) == .vers, fraction.grain == .hour { return nil }
            fraction.rule = "duration-bare"
            return fraction
        }
        // `3 prochains jours`, `deux dernières semaines` (no article).
        if keyword(i + 1) == .last || keyword(i + 1) == .next, count(i) != nil, let recent = recent(i, from: i, forward: nil) {
            return recent
        }
        guard isNumber(i) || entry(i).number >= 2, let quantity = quantity(at: i), let count = quantity.count,
              isNumber(i) || count >= 2, keyword(quantity.end) != .ago
        else { return nil }
        if keyword(quantity.end) == .last || keyword(quantity.end) == .next, quantity.unit != .minute {
            // `2 semaines passées`, `3 mois suivants`.
            var match = recentDuration(i, quantity.end + 1, count, quantity.unit, forward: keyword(quantity.end) == .next)
            match.confidence = 0.75
            return match
        }
        if let compound = compoundDuration(i, first: (count, quantity.unit), end: quantity.end) { return compound }
        return duration(i, quantity.end, count, quantity.unit, rule: "duration-bare")
    }

    /// `1 an 2 mois`, `1 année, 09 mois, 01 semaines`, `3 heures 20 minutes`, `two
    /// years and six months`: counts of ever finer units, one duration (`P1Y2M`, `P1Y9M7D`, `PT3H20M`).
    private func compoundDuration(_ i: Int, first: (Int, DateUnit), end: Int) -> DateMatch? {
        var parts = [first]
        var end = end
        while parts.count < 6 {
            var j = end
            if keyword(j) == .et || keyword(j) == .and || punctuation(j) == 0x2C { j += 1 }
            guard let next = quantity(at: j), let n = next.count, next.unit.rawValue < parts[parts.count - 1].1.rawValue
            else { break }
            parts.append((n, next.unit))
            end = next.end
        }
        guard parts.count > 1 else { return nil }
        var years = 0, months = 0, days = 0, hours = 0, minutes = 0, seconds = 0
        for (n, unit) in parts {
            switch unit {
            case .century: years += 100 * n
            case .decade: years += 10 * n
            case .year: years += n
            case .month: months += n
            case .week: days += 7 * n
            case .day: days += n
            case .hour: hours += n
            case .minute: minutes += n
            case .second: seconds += n
            }
        }
        var value = "P"
        if years > 0 { value += String(years) + "Y" }
        if months > 0 { value += String(months) + "M" }
        if days > 0 { value += String(days) + "D" }
        if hours > 0 || minutes > 0 || seconds > 0 {
            value += "T"
            if hours > 0 { value += String(hours) + "H" }
            if minutes > 0 { value += String(minutes) + "M" }
            if seconds > 0 { value += String(seconds) + "S" }
        }
        guard value != "P" else { return nil }
        return DateMatch(i, end, kind: .duration, value: value, grain: parts[parts.count - 1].1.granularity,
                         confidence: 0.85, rule: "duration-compound")
    }
}
