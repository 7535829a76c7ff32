import CorpusKit

/// Clock times as people type them in messages, comments and requests to an assistant, read only in the
/// ``DateExtractor/Register/conversation`` register: `je reviens à 7`, `à peu près 11`, `sept trente`,
/// `huit quarante pm`, `8 et demie`, `10 ce soir`, `8 dans la soirée`, `17 à 18`, `de 5 à 7 demain`, `1140 a.m.`.
///
/// In news these shapes are mostly not times (`passer de 5 à 7`, `à 7 contre 3`, `le 7 et demi`), so the news
/// register reads an hour only with `h`, `heures`, a colon or a meridiem, or after a part of the day.
extension DateScanner {
    /// A loosely written clock time at token `j`: an hour (digits or words, 0…24), then optionally minutes
    /// (`trente`, `40`, `et demie`, `et quart`, `et trois quarts`, `moins le quart`), a meridiem (`pm`, `p m`,
    /// `a.m.`) and a part of the day (`du soir`, `dans la soirée`, `ce matin`, `, ce soir`) that moves the hour.
    /// `marked` tells whether anything besides the bare hour was read.
    func looseTime(at j: Int) -> (hour: Int, minute: Int?, end: Int, marked: Bool)? {
        var news: (hour: Int, minute: Int?, end: Int)?
        if isNumber(j), number(j)?.isPlain != true, let time = bareTime(at: j) {
            news = time  // `6pm`, `7:30`, `18h`
        } else if isNumber(j), let time = bareTime(at: j), time.end > j + 1 {
            news = time  // `3 du matin`, `5 pm`
        } else if let time = clockTime(at: j, introduced: true) {
            news = time  // `7 heures`, `sept heures et quart`
        }
        if var time = news {
            // Minutes added loosely: `sept heures et dix`, `8 h et vingt minutes`, `9pm et trois quarts`.
            if time.minute == nil, keyword(time.end) == .et {
                let k = time.end + 1
                if keyword(k) == .demi { (time.minute, time.end) = (30, k + 1) }
                else if keyword(k) == .quart { (time.minute, time.end) = (15, k + 1) }
                else if count(k) == 3, keyword(k + 1) == .quart { (time.minute, time.end) = (45, k + 2) }
                else if entry(time.end - 1).unit == .hour || keyword(time.end - 1) == .h
                            || entry(k + 1).unit == .minute || entry(k + 2).unit == .minute,
                        // (after `heures` or `h`, or with `minutes`: not `entre 5pm et 6`)
                        let m = minutes(at: k) ?? count(k).flatMap({ (1...59).contains($0) ? ($0, k + 1) : nil })
                {
                    (time.minute, time.end) = (m.0, m.1)
                    if entry(time.end).unit == .minute { time.end += 1 }
                }
            }
            var p = time.end
            if punctuation(p) == 0x2C { p += 1 }
            if let part = looseTimePart(at: p) {
                time.hour = Self.hour(time.hour, in: part.code)
                time.end = part.end
            }
            return (time.hour, time.minute, time.end, true)
        }
        var hour: Int
        var minute: Int?
        var k = j + 1
        if let shape = number(j) {
            if shape.isPlain, shape.lengths.0 <= 2 {
                hour = shape.values.0
            } else if shape.isPlain, shape.lengths.0 == 3 || shape.lengths.0 == 4,
                      keyword(j + 1) == .am || keyword(j + 1) == .pm
            {
                hour = shape.values.0 / 100  // `1140 a.m.`
                minute = shape.values.0 % 100
            } else if shape.groups == 1, shape.lengths.0 == 3 || shape.lengths.0 == 4,
                      shape.suffix == .am || shape.suffix == .pm
            {
                // `340pm`
                hour = shape.values.0 / 100
                minute = shape.values.0 % 100
                hour = shape.suffix == .pm && hour < 12 ? hour + 12 : hour
                guard hour <= 23, minute! <= 59 else { return nil }
                return (hour, minute, j + 1, true)
            } else {
                return nil
            }
        } else if isWord(j), entry(j).number >= 0, entry(j).unit == nil {
            hour = Int(entry(j).number)
            if hour == 20, keyword(k) == .et, entry(k + 1).number == 1 { hour = 21; k += 2 }
        } else {
            return nil
        }
        guard (0...24).contains(hour) else { return nil }
        if hour == 24 { hour = 0 }
        if minute == nil {
            if keyword(k) == .et, keyword(k + 1) == .demi {
                minute = 30; k += 2
            } else if keyword(k) == .et, keyword(k + 1) == .quart {
                minute = 15; k += 2
            } else if keyword(k) == .et, count(k + 1) == 3, keyword(k + 2) == .quart {
                minute = 45; k += 3
            } else if keyword(k) == .moins, keyword(k + 1) == .le, keyword(k + 2) == .quart {
                minute = 45; hour = (hour + 23) % 24; k += 3
            } else if let m = minutes(at: k) {
                minute = m.value; k = m.end
            }
        }
        var marked = minute != nil
        if minute != nil, entry(k).unit == .hour { k += 1 }  // `sept et demie heures`
        if let meridiem = meridiem(at: k) {
            // `quinze trente p m`: a meridiem after an hour past noon only confirms it.
            guard (1...12).contains(hour) || meridiem.pm && hour <= 23 else { return nil }
            if meridiem.pm, hour < 12 { hour += 12 }
            if !meridiem.pm, hour == 12 { hour = 0 }
            k = meridiem.end
            marked = true
        }
        var p = k
        if punctuation(p) == 0x2C { p += 1 }
        if let part = looseTimePart(at: p) {
            hour = Self.hour(hour, in: part.code)
            k = part.end
            marked = true
        }
        guard hour <= 23 else { return nil }
        return (hour, minute, k, marked)
    }

    /// Minutes written after a bare hour: `30`, `05`, `trente`, `quarante cinq`, `quarante-cinq`, `quinze`.
    private func minutes(at k: Int) -> (value: Int, end: Int)? {
        if let shape = number(k) {
            guard shape.isPlain, shape.lengths.0 == 2, shape.values.0 <= 59, entry(k + 1).unit == nil else { return nil }
            return (shape.values.0, k + 1)
        }
        guard isWord(k), entry(k).number >= 10, entry(k).number <= 59, entry(k + 1).unit == nil else { return nil }
        var value = Int(entry(k).number)
        var end = k + 1
        if value % 10 == 0, value >= 20, isWord(end), (1...9).contains(entry(end).number), entry(end + 1).unit == nil {
            value += Int(entry(end).number)  // `quarante cinq`
            end += 1
        }
        return (value, end)
    }

    /// `am`, `pm`, `a.m.`, `p.m`, `p m`, `p. m.` at token `k`.
    private func meridiem(at k: Int) -> (pm: Bool, end: Int)? {
        if keyword(k) == .am { return (false, k + 1) }
        if keyword(k) == .pm { return (true, k + 1) }
        // `p m`, `p. m.`, `p.m` (split as `p.` and `m`).
        var letter = lowercased(k)
        if letter.last == 0x2E { letter.removeLast() }
        var next = lowercased(k + 1)
        if next.last == 0x2E { next.removeLast() }
        guard letter == [0x70] || letter == [0x61], next == [0x6D], isWord(k + 1) else { return nil }
        return (letter == [0x70], k + 2)
    }

    /// The part of the day after a loose time: `du soir`, `de l'après-midi`, `dans la soirée`, `ce soir`,
    /// `cet après-midi`, `dans le matin`.
    private func looseTimePart(at k: Int) -> (code: String, end: Int)? {
        var p = k
        switch keyword(p) {
        case .du: p += 1
        case .de where keyword(p + 1) == .la || keyword(p + 1) == .elidedL: p += 2
        case .dans where keyword(p + 1) == .la || keyword(p + 1) == .le || keyword(p + 1) == .elidedL: p += 2
        case .matin, .apresMidi, .soir, .nuit: break  // `6 après-midi`, `sept et demie après-midi`
        // With an anchor, `ce soir` is a day with its part, joined by ``withFollowingDay(_:)``.
        case .ce where anchorDay == nil: p += 1
        default: return nil
        }
        guard let code = partOfDay(at: p) else { return nil }
        return (code, p + 1)
    }

    /// A clock time in the conversation register, with its day when one follows (`à 7 demain`, `8pm ce soir`).
    func conversationMatch(at i: Int) -> DateMatch? {
        if let days = looseDayRange(at: i) { return days }
        if let range = looseTimeRange(at: i) { return range }
        if let recent = recentSpan(at: i) { return recent }
        if let day = looseMonthDay(at: i) { return attachingTime(to: day) }
        if let soon = assoonAsPossible(at: i) { return soon }
        if keyword(i) == .la, keyword(i + 1) == .journee, !isWord(i + 2), let anchorDay {
            // `la journée` alone, in a request: today.
            var match = DateMatch(i, i + 2, point: .day(anchorDay), confidence: 0.5, rule: "relative-today-conversation")
            match.anchor = publicationAnchor
            return match
        }
        if keyword(i) == .en || isSur(i), let day = conversationalDay(at: i),
           day.point?.weekday == nil, keyword(i - 1) != .a
        {
            return day  // `je reviendrai en 15`
        }
        if let night = lastOrNextPart(at: i) { return night }
        if keyword(i) == .periodicAdjective, lowercased(i).starts(with: Array("bi".utf8)) {
            return DateMatch(i, i + 1, kind: .set, value: "P2W", grain: .week, confidence: 0.6, rule: "set-adjective")
        }
        if keyword(i) == .periodicAdjective {
            // `une réunion hebdomadaire`: in a request, a recurrence. (No unit in the lexicon: in news these words
            // must not count as units.)
            let unit: DateUnit
            switch lowercased(i).first {
            case 0x71: unit = .day  // quotidien
            case 0x68: unit = .week  // hebdomadaire
            case 0x6D: unit = .month  // mensuel
            default: unit = .year  // annuel
            }
            return DateMatch(i, i + 1, kind: .set, value: unit.duration(1), grain: unit.granularity, confidence: 0.6,
                             rule: "set-adjective")
        }
        if let timed = partThenLooseTime(at: i) { return timed }
        if seconds(at: i) != nil, let time = bareTime(at: i) {
            // `12:34:25` alone: in a message, a clock time.
            var point = DatePoint(grain: .minute)
            (point.hour, point.minute, point.second) = (time.hour, time.minute, seconds(at: i))
            return withFollowingDay(DateMatch(i, time.end, point: point, confidence: 0.6, rule: "time-conversation"))
        }
        var start = i
        var introduced = false
        if let k = afterTimeIntroducer(i) {
            start = k
            introduced = true
        }
        if aboutness(at: start) {
            start += 2  // `à peu près 11`, `peu près 11`
            introduced = true
        }
        guard let time = looseTime(at: start) else { return nil }
        // What the news rules read as far (`8pm dans la soirée, dimanche`, `à 7 heures`) is left to them.
        if let news = bareTime(at: start) ?? clockTime(at: start, introduced: true), news.end >= time.end {
            return nil
        }
        let partOfDayAfter = dayAfterTime(at: time.end, forward: false)?.point?.partOfDay != nil
        guard introduced || time.marked || partOfDayAfter else { return nil }
        // Not an amount or a score: `à 7 ans`, `à 7 contre 3`, `7 %`.
        guard entry(time.end).unit == nil, !isNumber(time.end), punctuation(time.end) != 0x25, !nounFollows(time.end - 1)
            || looseTimePart(at: time.end) != nil || dayAfterTime(at: time.end, forward: true) != nil
        else { return nil }
        var point = DatePoint(grain: time.minute == nil ? .hour : .minute)
        point.hour = time.hour
        point.minute = time.minute
        let match = DateMatch(i, time.end, point: point, confidence: 0.6, rule: "time-conversation")
        return recurringDay(after: match) ?? withFollowingDay(match)
    }

    /// A part of the day, then its hour: `l'après-midi à 7`, `après midi 7:00`, `dans l'après-midi à 7`,
    /// `l'après-midi sept` (19:00).
    private func partThenLooseTime(at i: Int) -> DateMatch? {
        var k = i
        if keyword(k) == .dans { k += 1 }
        if keyword(k) == .le || keyword(k) == .la || keyword(k) == .elidedL { k += 1 }
        let code: String
        guard let part = partOfDay(at: k) else { return nil }
        code = part
        k += 1
        if keyword(k) == .continuation { k += 1 }  // `après midi`, the hyphen left out
        var t = k
        if let after = afterTimeIntroducer(t) { t = after }
        guard let time = looseTime(at: t), entry(time.end).unit == nil, !isNumber(time.end) else { return nil }
        var point = DatePoint(grain: time.minute == nil ? .hour : .minute)
        point.hour = Self.hour(time.hour, in: code)
        point.minute = time.minute
        point.second = seconds(in: t..<time.end)
        return withFollowingDay(DateMatch(i, time.end, point: point, confidence: 0.6, rule: "time-conversation"))
    }

    /// `dernières 3 minutes`, `prochaine heure`, `prochain 5 hrs`: the span of that many units just before or
    /// after the anchor's instant, written without an article (`les 3 dernières semaines` is read by the news
    /// rules). Minutes and hours count from the anchor's time, longer units from its day.
    func recentSpan(at i: Int) -> DateMatch? {
        let direction = keyword(i)
        guard direction == .last || direction == .next, isDernierOrProchain(i), keyword(i - 1) != .le,
              keyword(i - 1) != .la,
              keyword(i - 1) != .les, keyword(i - 1) != .elidedL
        else { return nil }
        var j = i + 1
        var count = 1
        var unit: DateUnit
        if let glued = gluedQuantity(at: j), !glued.amount.contains(".") {
            (count, unit) = (Int(glued.amount) ?? 1, glued.unit)  // `3mins`
            j += 1
        } else {
            if let n = self.count(j), n >= 1, entry(j + 1).unit != nil { count = n; j += 1 }
            guard let found = entry(j).unit, keyword(j) == .none || keyword(j) == .journee else { return nil }
            unit = found
            j += 1
        }
        return spanFromAnchor(i, j, count, unit, past: direction == .last, rule: "interval-recent-conversation")
    }

    /// The `count` units just before (`past`) or after the anchor's instant, over tokens `i..<j`: minutes and hours
    /// count from the anchor's time (midnight when it has none), longer units from its day (after it: from the next
    /// day).
    func spanFromAnchor(_ i: Int, _ j: Int, _ count: Int, _ unit: DateUnit, past: Bool, rule: String) -> DateMatch? {
        guard let anchorDay else { return nil }
        let value: String, start: String, end: String
        switch unit {
        case .second, .minute, .hour:
            let now = (anchorDate?.hour ?? 0) * 60 + (anchorDate?.minute ?? 0)
            let minutes = unit == .hour ? 60 * count : unit == .minute ? count : max(1, count / 60)
            let (from, to) = past ? (now - minutes, now) : (now, now + minutes)
            (start, end) = (DatePoint.instant(anchorDay, minutes: from), DatePoint.instant(anchorDay, minutes: to))
            value = start + "/" + end
        case .day, .week:
            let days = unit == .week ? 7 * count : count
            let (from, to) = past ? (anchorDay - days, anchorDay) : (anchorDay + 1, anchorDay + 1 + days)
            (start, end) = (DatePoint.instant(from), DatePoint.instant(to))
            value = DatePoint.day(from).value + "/" + DatePoint.day(to - 1).value  // the last day named, as in ranges
        default:
            return nil
        }
        var match = DateMatch(i, j, kind: .interval, value: value, grain: unit.granularity, confidence: 0.6,
                              rule: rule)
        match.intervalStart = start
        match.intervalEnd = end
        match.anchor = publicationAnchor
        return match
    }

    /// A month with its day in words or as an ordinal: `mai vingt et un`, `mai vingt-neuf`, `août seconde`,
    /// `seconde d'août`, `Octobre. 2`.
    private func looseMonthDay(at i: Int) -> DateMatch? {
        var day: Int?, month: Int?, end = i
        if let m = monthField(at: i) {
            var k = i + 1
            if punctuation(k) == 0x2E, isNumber(k + 1) { k += 1 }  // `Octobre. 2`
            if let shape = number(k), k > i + 1, shape.isPlain, (1...31).contains(shape.values.0) {
                (day, end) = (shape.values.0, k + 1)
            } else if isWord(k), !entry(i).monthAbbreviation, entry(k).number >= 1, entry(k).number <= 31,
                      entry(k + 1).unit == nil
            {
                // (`sept trente` is half past seven: an abbreviation takes its day in figures only.)
                var n = Int(entry(k).number)
                end = k + 1
                if n == 20 || n == 30, keyword(k + 1) == .et, entry(k + 2).number == 1 { n += 1; end = k + 3 }
                else if n == 20, isWord(k + 1), (1...9).contains(entry(k + 1).number) { n += Int(entry(k + 1).number); end = k + 2 }
                day = n
            } else if entry(k).ordinal != 0, !entry(i).monthAbbreviation {
                (day, end) = (Int(entry(k).ordinal), k + 1)
            }
            month = m
        } else if entry(i).ordinal != 0, keyword(i + 1) == .de || keyword(i + 1) == .elidedD,
                  let m = monthField(at: i + 2)
        {
            (day, month, end) = (Int(entry(i).ordinal), m, i + 3)  // `seconde de août`
        }
        guard let day, let month, day <= PublicationDate.daysIn(month: month, year: 2000), !nounFollows(end - 1)
        else { return nil }
        return inferredYear(DateMatch(i, end, point: DatePoint(grain: .day, month: month, day: day), confidence: 0.6,
                                      rule: "absolute-month-day-conversation"))
    }

    /// `dernière nuit`, `la prochaine soirée`: the part of the day before (yesterday's) or after (tomorrow's).
    private func lastOrNextPart(at i: Int) -> DateMatch? {
        let k = keyword(i) == .le || keyword(i) == .la ? i + 1 : i
        let direction = keyword(k)
        guard direction == .last || direction == .next, isDernierOrProchain(k), let code = partOfDay(at: k + 1),
              let anchorDay
        else {
            return nil
        }
        var point = DatePoint.day(anchorDay + (direction == .last ? -1 : 1))
        point.partOfDay = code
        point.grain = .hour
        var match = DateMatch(i, k + 2, point: point, confidence: 0.6, rule: "relative-part-of-day-conversation")
        match.anchor = publicationAnchor
        return match
    }

    /// After a time in a message, `sur 15`, `sur la 15`, `en 15`, `sur dimanche prochain`: its day (a day of the
    /// month is the nearest such day around the anchor, past-biased, the other kept as alternative).
    func conversationalDay(at k: Int) -> DateMatch? {
        guard isSur(k) || keyword(k) == .en else { return nil }
        var j = k + 1
        if keyword(j) == .la || keyword(j) == .le { j += 1 }
        if let weekday = fullWeekday(j) {
            let following = keyword(j + 1)
            if following == .last || following == .next {
                return weekdayMatch(k, j + 2, weekday, following == .last ? .past : .future, rule: "relative-weekday")
            }
            return weekdayMatch(k, j + 1, weekday, .inferred, rule: "relative-weekday")
        }
        guard let shape = number(j), shape.isPlain, shape.lengths.0 <= 2, (1...31).contains(shape.values.0),
              !isWord(j + 1), !isNumber(j + 1)
        else { return nil }
        return dayOfMonth(shape.values.0, from: k, to: j + 1)
    }

    /// Whether token `k` is `sur` (a function word with no date keyword of its own).
    private func isSur(_ k: Int) -> Bool {
        k >= 0 && k < count && tokens[k].span.end - tokens[k].span.start == 3 && lowercased(k) == Array("sur".utf8)
    }

    /// `dès que possible`, `le plus tôt possible`, `au plus tôt`, `dqp`, `asap`: the near future.
    func assoonAsPossible(at i: Int) -> DateMatch? {
        var end: Int?
        if isDes(i), lowercased(i + 1) == Array("que".utf8), lowercased(i + 2) == Array("possible".utf8) {
            end = i + 3
        } else if keyword(i) == .le, keyword(i + 1) == .plus, keyword(i + 2) == .tot,
                  lowercased(i + 3) == Array("possible".utf8)
        {
            end = i + 4
        } else if keyword(i) == .au, keyword(i + 1) == .plus, keyword(i + 2) == .tot {
            end = i + 3
        } else if tokens[i].span.end - tokens[i].span.start <= 4,
                  lowercased(i) == Array("dqp".utf8) || lowercased(i) == Array("asap".utf8)
        {
            end = i + 1
        }
        guard let end else { return nil }
        var match = DateMatch(i, end, kind: .date, value: "FUTURE_REF", grain: .day, confidence: 0.6,
                              rule: "relative-as-soon-as-possible")
        match.anchor = publicationAnchor
        return match
    }

    /// `dernier(e)(s)` or `prochain(e)(s)` at token `k`, not `passé` (`je passe`) or `suivant`.
    private func isDernierOrProchain(_ k: Int) -> Bool {
        let word = lowercased(k)
        return word.starts(with: Array("dern".utf8)) || word.starts(with: Array("proch".utf8))
    }

    /// `peu près` (of `à peu près`) at token `k`, accented or not.
    func aboutness(at k: Int) -> Bool {
        let next = lowercased(k + 1)
        return lowercased(k) == Array("peu".utf8) && (next == Array("pres".utf8) || next == Array("prs".utf8))
    }

    /// `17 à 18`, `5 au 6 ce soir`, `de 5 à 7 demain`, `16 jusqu'à 17`, `entre 5 et 6 de l'après-midi`: two loose
    /// hours; a meridiem or part of the day after the second applies to both.
    func looseTimeRange(at i: Int, dayBefore: DateMatch? = nil) -> DateMatch? {
        var k = i
        let opener = keyword(i)
        if opener == .de || opener == .entre || opener == .from || opener == .between { k += 1 }
        guard let first = looseTime(at: k) else { return nil }
        var c = first.end
        switch keyword(c) {
        case .a, .au, .to, .until: guard opener != .entre, opener != .between else { return nil }
        case .et, .and:
            // `entre 5 et 6`, or two clock times: `3 du matin et 5pm`.
            guard opener == .entre || opener == .between || first.marked && looseTime(at: c + 1)?.marked == true
            else { return nil }
        case .jusqu where keyword(c + 1) == .a: c += 1
        default: guard punctuation(c) == 0x2D, opener != .entre, opener != .between else { return nil }
        }
        guard let second = looseTime(at: c + 1) else { return nil }
        // Not an amount, a score or days of a month (`4 au 22 janvier`, `5 à 7 ans`, `de 3 à 4 %`).
        // `de 5 à 6 de 22/4/2016`, `de 5 au 6 de Avril 22`: the day they fall on, after `de`.
        var dayOf: DateMatch?
        if keyword(second.end) == .de, let date = absoluteDate(at: second.end + 1), date.point?.grain == .day,
           date.point?.hasTime == false
        {
            dayOf = date.point?.year == nil ? inferredYear(date) : date
        }
        guard dayOf != nil || entry(second.end).unit == nil && !isNumber(second.end)
                && punctuation(second.end) != 0x25 && entry(second.end).month == 0
                && (keyword(second.end) != .de || looseTimePart(at: second.end) != nil)
        else { return nil }
        var firstHour = first.hour
        var secondHour = second.hour
        if !second.marked, let part = dayAfterTime(at: second.end, forward: true)?.point?.partOfDay,
           part == "AF" || part == "EV"
        {
            secondHour = Self.hour(secondHour, in: part)  // `5 au 6 ce soir`
        }
        if secondHour >= 12, !first.marked, firstHour < 12, firstHour + 12 <= secondHour {
            firstHour += 12  // `5 à 6pm`, `5 au 6 ce soir`
        }
        guard firstHour < secondHour || secondHour < 12 else { return nil }
        let grain: TemporalExpression.Granularity = first.minute != nil || second.minute != nil ? .minute : .hour
        var start = DatePoint(grain: grain)
        (start.hour, start.minute) = (firstHour, first.minute)
        var end = DatePoint(grain: grain)
        (end.hour, end.minute) = (secondHour, second.minute)
        var match = timeRangeResult(from: i, start: start, end: end, endToken: second.end, dayBefore: dayOf ?? dayBefore,
                                    rule: "interval-time-conversation")
        if let dayOf { match.end = dayOf.end }
        return match
    }
}
