import CorpusKit

/// Expressions resolved against a reference date: `hier`, `demain`, `aujourd'hui`, `la veille`, `le lendemain`,
/// weekdays (`mardi`, `ce jeudi`, `jeudi dernier`, `last Tuesday`), `il y a trois ans`, `two years ago`,
/// `dans trois jours`, `la semaine dernière`, `l'an dernier`, `next week`, `en mars dernier`, `en mars`.
///
/// The reference is the publication date; a weekday that names the weekday of the last explicit date of the
/// text is that date (`signé jeudi 04 novembre 2021 … signé jeudi`), and `la veille`/`le lendemain` count from
/// that date too. News is past-biased: when the text does not say the direction, the past reading is chosen,
/// the future one is kept in `alternatives` and the match is flagged ``TemporalExpression/Flag/directionInferred``.
extension DateScanner {
    /// Which way a relative expression points.
    enum Direction { case inferred, past, future }

    func relativeMatch(at i: Int) -> DateMatch? {
        guard let match = relativeDate(at: i) else { return nil }
        return attachingTime(to: match)
    }

    private func relativeDate(at i: Int) -> DateMatch? {
        let e = entry(i)
        if isNumber(i) || e.number >= 1 || e.keyword == .a, let later = laterOrEarlier(at: i) { return later }
        if e.keyword == .le, let day = dayOfMonthWithTime(i) { return day }
        switch e.keyword {
        case .hier, .yesterday: return dayOffset(i, i + 1, -1, rule: "relative-yesterday")
        case .avantHier: return dayOffset(i, i + 1, -2, rule: "relative-day-before-yesterday")
        case .demain, .tomorrow: return dayOffset(i, i + 1, 1, rule: "relative-tomorrow")
        case .apresDemain: return dayOffset(i, i + 1, 2, rule: "relative-day-after-tomorrow")
        case .aujourdhui, .today: return dayOffset(i, i + 1, 0, rule: "relative-today")
        case .tonight:
            guard var match = dayOffset(i, i + 1, 0, rule: "relative-tonight") else { return nil }
            match.point?.partOfDay = "NI"
            match.point?.grain = .hour
            match.kind = .dateTime
            return match
        case .la where keyword(i + 1) == .nuit && keyword(i + 2) == .last:
            // `la nuit dernière`: the night before the publication day (the one that followed yesterday).
            guard var match = dayOffset(i, i + 3, -1, rule: "relative-last-night") else { return nil }
            match.point?.partOfDay = "NI"
            match.point?.grain = .hour
            match.kind = .dateTime
            return match
        case .la where keyword(i + 1) == .nuit && (keyword(i + 2) == .de || keyword(i + 2) == .du):
            return nightBetween(i, i + 3)
        case .dans where keyword(i + 1) == .la && keyword(i + 2) == .nuit
            && (keyword(i + 3) == .de || keyword(i + 3) == .du):
            return nightBetween(i, i + 4)
        case .avant where keyword(i + 1) == .hier:
            return dayOffset(i, i + 2, -2, rule: "relative-day-before-yesterday")
        case .apres where keyword(i + 1) == .demain:
            return dayOffset(i, i + 2, 2, rule: "relative-day-after-tomorrow")
        case .la where keyword(i + 1) == .veille:
            return ofDate(i, i + 2, -1, rule: "relative-eve") ?? referenceOffset(i, i + 2, -1, rule: "relative-eve")
        case .le where keyword(i + 1) == .lendemain, .au where keyword(i + 1) == .lendemain:
            return ofDate(i, i + 2, 1, rule: "relative-day-after")
                ?? referenceOffset(i, i + 2, 1, rule: "relative-day-after")
        case .lendemain where conversational && keyword(i - 1) != .le && keyword(i - 1) != .au:
            // In messages, `lendemain` alone is tomorrow: `je reviens lendemain 8:00`.
            return referenceOffset(i, i + 1, 1, rule: "relative-day-after")
        case .maintenant:
            return presentReference(i, i + 1)
        case .en where keyword(i + 1) == .ce && keyword(i + 2) == .moment:
            return presentReference(i, i + 3)
        case .a where keyword(i + 1) == .elidedL && entry(i + 2).unit == .hour && !entry(i + 2).plural
            && keyword(i + 3) == .actuelle:
            return presentReference(i, i + 4)
        case .tout where keyword(i + 1) == .de && keyword(i + 2) == .suite:
            return presentReference(i, i + 3)
        case .right where keyword(i + 1) == .maintenant:
            return presentReference(i, i + 2)
        case .le where entry(i + 1).unit == .day && !entry(i + 1).plural:
            // `le jour d'avant` / `le jour précédent` is `la veille`; `le jour d'après` / `le jour suivant` is
            // `le lendemain`.
            let next = keyword(i + 2)
            if next == .elidedD, keyword(i + 3) == .avant || keyword(i + 3) == .apres {
                return keyword(i + 3) == .avant ? referenceOffset(i, i + 4, -1, rule: "relative-eve")
                    : referenceOffset(i, i + 4, 1, rule: "relative-day-after")
            }
            if next == .last || next == .next {
                return next == .last ? referenceOffset(i, i + 3, -1, rule: "relative-eve")
                    : referenceOffset(i, i + 3, 1, rule: "relative-day-after")
            }
            return nil
        case .le where keyword(i + 1) == .weekend, .the where keyword(i + 1) == .weekend:
            // `le week-end`, `le week-end dernier`, `le week-end prochain`.
            let following = keyword(i + 2)
            if following == .last || following == .next {
                return weekend(i, i + 3, following == .last ? .past : .future)
            }
            return weekend(i, i + 2, .inferred)
        case .ce where keyword(i + 1) == .weekend, .this where keyword(i + 1) == .weekend:
            return weekend(i, i + 2, .inferred)
        case .last where keyword(i + 1) == .weekend && isEnglishDirection(i),
             .next where keyword(i + 1) == .weekend && isEnglishDirection(i):
            return weekend(i, i + 2, e.keyword == .last ? .past : .future)
        case .ce, .this:
            if let weekday = fullWeekday(i + 1) {
                return weekdayMatch(i, i + 2, weekday, .inferred, rule: "relative-this-weekday")
            }
            if let part = partOfDay(at: i + 1), e.keyword == .ce || part != "NI" {
                // `ce matin`, `ce soir`, `cette nuit`, `this morning`.
                guard var match = dayOffset(i, i + 2, 0, rule: "relative-this-part-of-day") else { return nil }
                match.point?.partOfDay = part
                match.point?.grain = .hour
                match.kind = .dateTime
                return withTimeAfterPartOfDay(match)
            }
            if let unit = entry(i + 1).unit, !entry(i + 1).plural {
                return unitOffset(i, i + 2, unit, 0, rule: "relative-this-unit")
            }
            return nil
        case .last, .next:
            // `last`, `next`, `coming` before what they modify; French `dernier`, `prochain` come after.
            guard isEnglishDirection(i) else { return nil }
            let offset = e.keyword == .last ? -1 : 1
            if let weekday = fullWeekday(i + 1) {
                return weekdayMatch(i, i + 2, weekday, offset < 0 ? .past : .future,
                                    rule: offset < 0 ? "relative-last-weekday" : "relative-next-weekday")
            }
            if let unit = entry(i + 1).unit, !entry(i + 1).plural {
                return unitOffset(i, i + 2, unit, offset, rule: offset < 0 ? "relative-last-unit" : "relative-next-unit")
            }
            if let month = monthField(at: i + 1), !entry(i + 1).monthAbbreviation {
                return monthOffset(i, i + 2, month, offset < 0 ? .past : .future, rule: "relative-month")
            }
            return nil
        case .la, .le, .elidedL:
            // `la semaine dernière`, `le mois prochain`, `l'an dernier`, `l'année passée`, `la semaine qui suit`,
            // `le mois qui vient`.
            guard let unit = entry(i + 1).unit, !entry(i + 1).plural else { return nil }
            if lowercased(i + 2) == Array("qui".utf8), [Array("suit".utf8), Array("vient".utf8)].contains(lowercased(i + 3)) {
                return unitOffset(i, i + 4, unit, 1, rule: "relative-next-unit")
            }
            let direction = keyword(i + 2)
            guard direction == .last || direction == .next else { return nil }
            let offset = direction == .last ? -1 : 1
            return unitOffset(i, i + 3, unit, offset, rule: offset < 0 ? "relative-last-unit" : "relative-next-unit")
        case .dans where keyword(i + 1) == .la || keyword(i + 1) == .le || keyword(i + 1) == .elidedL:
            // `dans la semaine`, `dans le mois`, `dans l'année`: within the anchor's current unit (not `dans la
            // semaine du 3 mars`, `dans la semaine qui suit`).
            guard let unit = entry(i + 2).unit, !entry(i + 2).plural, unit == .week || unit == .month || unit == .year,
                  ![.de, .du, .elidedD, .last, .next].contains(keyword(i + 3)), !isNumber(i + 3),
                  lowercased(i + 3) != Array("qui".utf8)
            else { return nil }
            return unitOffset(i, i + 3, unit, 0, rule: "relative-this-unit")
        case .il:
            // `il y a trois ans`, `il y a environ deux heures`, and the common misspelling `il ya`.
            var j: Int
            if keyword(i + 1) == .y, keyword(i + 2) == .a { j = i + 3 } else if keyword(i + 1) == .ya { j = i + 2 } else {
                return nil
            }
            // `il y a environ / près de / à peu près / plus de / moins de / quelque / presque deux ans`: the
            // amount is approximate, the reading the same (with less confidence).
            let before = j
            if keyword(j) == .environ { j += 1 }
            let approximators: [[String]] = [["a", "peu", "pres"], ["pres", "de"], ["plus", "de"], ["moins", "de"],
                                             ["au", "moins"], ["quelque"], ["presque"], ["quasiment"], ["pres", "d'"]]
            for words in approximators where words.indices.allSatisfy({ folded(j + $0) == words[$0] }) {
                j += words.count
                break
            }
            guard let quantity = quantity(at: j) else { return nil }
            if let compound = compoundOffset(i, quantity, past: true, rule: "relative-ago") { return compound }
            var match = quantityOffset(i, quantity.end, quantity.count, quantity.unit, past: true, rule: "relative-ago")
            if j > before + (keyword(before) == .environ ? 1 : 0) { match?.confidence = 0.7 }
            return match
        case .dans, .inEN:
            if let quantity = quantity(at: keyword(i + 1) == .environ ? i + 2 : i + 1) {
                if let compound = compoundOffset(i, quantity, past: false, rule: "relative-in") { return compound }
                return quantityOffset(i, quantity.end, quantity.count, quantity.unit, past: false,
                                      rule: "relative-in")
            }
            // `in March` (capitalised: `in may` is rarely a month); `dans` introduces no month.
            return e.keyword == .inEN && isCapitalized(i + 1) ? inMonth(i) : nil
        case .en:
            return inMonth(i)
        default:
            break
        }
        if e.keyword == .a || e.keyword == .few || e.number >= 0 || isNumber(i) || e.unit == .year {
            // `two years ago`, `a year ago`.
            // English `ago` after an English unit only: `4 heures ago` mixes languages and is left alone.
            if let quantity = quantity(at: i), keyword(quantity.end) == .ago,
               Self.englishUnits.contains(lowercased(quantity.end - 1))
            {
                return quantityOffset(i, quantity.end + 1, quantity.count, quantity.unit, past: true,
                                      rule: "relative-ago")
            }
        }
        if e.weekday != 0, e.weekdayAbbreviation, isCapitalized(i), let time = bareTime(at: i + 1), time.minute != nil {
            // `Jeu 15:12`, `Sam. 09h30`: a comment or page timestamp, the weekday abbreviated before a clock time.
            var match = weekdayMatch(i, i + 1, Int(e.weekday), .inferred, rule: "relative-weekday")
            match.alternatives = []
            return attachingTime(to: match)
        }
        if let weekday = fullWeekday(i) {
            let following = keyword(i + 1)
            if let match = weekdayAndDay(i, weekday) ?? weekdayOfWeek(i, weekday) { return match }
            if following == .last || following == .next {
                return weekdayMatch(i, i + 2, weekday, following == .last ? .past : .future,
                                    rule: following == .last ? "relative-last-weekday" : "relative-next-weekday")
            }
            if [Array("un".utf8), Array("a".utf8)].contains(lowercased(i - 1)), tokens[i - 1].span.end - tokens[i - 1].span.start <= 2 {
                // `tombe un dimanche`, `on a Monday`: some such day, not a date.
                return nil
            }
            if keyword(i - 1) == .le {
                // `le dimanche` with no date is habitual (`le magasin ferme le dimanche`): a set, not a day.
                var point = DatePoint(grain: .day)
                point.weekday = weekday
                return DateMatch(i, i + 1, kind: .set, value: point.value, grain: .day, confidence: 0.5,
                                 rule: "set-weekday-habitual")
            }
            return weekdayMatch(i, i + 1, weekday, .inferred, rule: "relative-weekday")
        }
        if let month = monthField(at: i), !entry(i).monthAbbreviation {
            let following = keyword(i + 1)
            if following == .last || following == .next {
                return monthOffset(i, i + 2, month, following == .last ? .past : .future, rule: "relative-month")
            }
        }
        return nil
    }

    /// `samedi 16`, `jeudi 15`: a weekday and a day of the month with no month — the nearest month, within six
    /// on either side of the anchor and preferably before it, in which that day falls on that weekday; the
    /// nearest on the other side is the other reading.
    private func weekdayAndDay(_ i: Int, _ weekday: Int) -> DateMatch? {
        var dayNumber: Int?
        if let shape = number(i + 1), shape.groups == 1, shape.lengths.0 <= 2,
           shape.suffix == .none || shape.suffix == .ordinal, (1...31).contains(shape.values.0)
        {
            dayNumber = shape.values.0
        } else if isWord(i + 1), entry(i + 1).number >= 1, entry(i + 1).number <= 31,
                  keyword(i + 2) == .a || tokens.indices.contains(i + 2) && tokens[i + 2].kind == .punctuation
        {
            // `vendredi quinze à seize heures`: a day in words, before a time or a pause.
            dayNumber = Int(entry(i + 1).number)
        }
        guard let day = dayNumber, monthField(at: i + 2) == nil, entry(i + 2).unit == nil,
              !nounFollows(i + 1) || keyword(i + 2) == .a, !isNumber(i + 2),
              keyword(i + 2) != .h, punctuation(i + 2) != 0x2F, punctuation(i + 2) != 0x2D
        else { return nil }
        guard let anchor = anchorDate, let anchorMonth = anchor.month, let reference = anchorDay else {
            var match = unanchored(i, i + 2, grain: .day, rule: "relative-weekday-day")
            match.point?.day = day
            match.point?.weekday = weekday
            return match
        }
        var past: Int?, future: Int?
        for offset in -6...6 {
            let m = CalendarMath.addMonths(year: anchor.year, month: anchorMonth, offset)
            guard CalendarMath.isValid(year: m.year, month: m.month, day: day),
                  CalendarMath.weekday(year: m.year, month: m.month, day: day) == weekday
            else { continue }
            let number = CalendarMath.dayNumber(year: m.year, month: m.month, day: day)
            if number <= reference { past = number } else if future == nil { future = number }
        }
        guard let chosen = Self.nearerPast(past, future, reference) else { return nil }
        var match = DateMatch(i, i + 2, point: .day(chosen), confidence: 0.75, rule: "relative-weekday-day")
        match.anchor = publicationAnchor
        if let other = chosen == past ? future : past { match.alternatives = [DatePoint.day(other).reading] }
        match.flag(.directionInferred)
        return attachingTime(to: match)
    }

    /// `le 16 à 18h`, `le 2 vers 5h`: a day of the month with no month, made a date by the time after it — the
    /// nearest such day around the anchor (past-biased, see ``nearerPast(_:_:_:)``), the other as alternative.
    /// Also `le 17 de 14h à 16h`, and `Le 16, les manifestants…` opening a sentence, the way news dates a
    /// paragraph. Otherwise `le 16`
    /// stays unread (a department, a page, a rank, a shirt number).
    private func dayOfMonthWithTime(_ i: Int) -> DateMatch? {
        let opensSentence = (tokens[i].has(.sentenceStart) && isCapitalized(i) && punctuation(i + 2) == 0x2C)
            || (lenient && !isNumber(i + 2) && entry(i + 2).unit == nil && absoluteDate(at: i + 1) == nil)
            // In conversation, `le 23` ending a clause (`je reviens le 23.`, `pour le 27 !`, `le 17 pour trois
            // heures`).
            || (conversational && (!isWord(i + 2) || entry(i + 2).function) && !isNumber(i + 2)
                && punctuation(i + 2) != 0x25)
        guard let shape = number(i + 1), shape.groups == 1, shape.lengths.0 <= 2,
              shape.suffix == .none || shape.suffix == .ordinal, (1...31).contains(shape.values.0),
              monthField(at: i + 2) == nil,
              opensSentence || timeField(at: i + 2) != nil || timeRange(at: i + 2) != nil
                || (conversational && looseTimeRange(at: i + 2) != nil)
                || (keyword(i + 2) == .jusqu && timeAt(i + 4) != nil),
              bareTime(at: i + 1) == nil
        else { return nil }
        guard let match = dayOfMonth(shape.values.0, from: i, to: i + 2) else { return nil }
        if conversational, var range = looseTimeRange(at: i + 2, dayBefore: match) {
            range.start = i  // `le 17 de 14 à 16`
            return range
        }
        return attachingTime(to: match)
    }

    /// Day `day` of a month left unsaid, over tokens `start..<end`: the nearest such day around the anchor
    /// (past-biased, see ``nearerPast(_:_:_:)``), the other kept as alternative.
    func dayOfMonth(_ day: Int, from start: Int, to end: Int) -> DateMatch? {
        guard let anchor = anchorDate, let anchorMonth = anchor.month, let reference = anchorDay else { return nil }
        var past: Int?, future: Int?
        for offset in -2...2 {
            let m = CalendarMath.addMonths(year: anchor.year, month: anchorMonth, offset)
            guard CalendarMath.isValid(year: m.year, month: m.month, day: day) else { continue }
            let number = CalendarMath.dayNumber(year: m.year, month: m.month, day: day)
            if number <= reference { past = number } else if future == nil { future = number }
        }
        guard let chosen = Self.nearerPast(past, future, reference) else { return nil }
        var match = DateMatch(start, end, point: .day(chosen), confidence: 0.65, rule: "partial-day")
        match.anchor = publicationAnchor
        if let other = chosen == past ? future : past { match.alternatives = [DatePoint.day(other).reading] }
        match.flag(.directionInferred)
        return match
    }

    /// Of a past and a future day, the one to choose when news is past-biased: the past one unless the future
    /// one is less than a third as far.
    static func nearerPast(_ past: Int?, _ future: Int?, _ reference: Int) -> Int? {
        guard let past else { return future }
        guard let future else { return past }
        return (future - reference) * 3 < reference - past ? future : past
    }

    /// `mercredi de la semaine prochaine`, `mardi la semaine dernière`, `lundi en huit`, `lundi en quinze`: a
    /// weekday of the next or last week, or a week or two after the coming one.
    private func weekdayOfWeek(_ i: Int, _ weekday: Int) -> DateMatch? {
        guard let anchorDay else { return nil }
        var j = i + 1
        if keyword(j) == .en, let n = count(j + 1), n == 8 || n == 15 {
            let anchorWeekday = CalendarMath.weekday(anchorDay)
            // The coming such day (today included), then a week (two for `en quinze`) later.
            let coming = anchorDay + (weekday - anchorWeekday + 7) % 7
            var match = DateMatch(i, j + 2, point: .day(coming + (n == 8 ? 7 : 14)), confidence: 0.85,
                                  rule: "relative-weekday-en-huit")
            match.anchor = publicationAnchor
            return attachingTime(to: match)
        }
        if keyword(j) == .de { j += 1 }
        // `mardi cette semaine`, `mardi de cette semaine`: that day of the anchor's week.
        if keyword(j) == .ce, entry(j + 1).unit == .week, !entry(j + 1).plural {
            let monday = anchorDay - (CalendarMath.weekday(anchorDay) - 1)
            var match = DateMatch(i, j + 2, point: .day(monday + weekday - 1), confidence: 0.85,
                                  rule: "relative-weekday-of-this-week")
            match.anchor = publicationAnchor
            return attachingTime(to: match)
        }
        guard keyword(j) == .la, entry(j + 1).unit == .week, !entry(j + 1).plural else { return nil }
        var direction = keyword(j + 2)
        var end = j + 3
        if keyword(j + 2) == .elidedD, keyword(j + 3) == .apres {
            direction = .next  // `la semaine d'après`
            end = j + 4
        }
        guard direction == .last || direction == .next else { return nil }
        let monday = anchorDay - (CalendarMath.weekday(anchorDay) - 1) + (direction == .next ? 7 : -7)
        var match = DateMatch(i, end, point: .day(monday + weekday - 1), confidence: 0.85,
                              rule: "relative-weekday-of-week")
        match.anchor = publicationAnchor
        return attachingTime(to: match)
    }

    /// Whether the direction word at `i` is English (`last`, `next`, `coming`), which precedes its noun.
    func isEnglishDirection(_ i: Int) -> Bool {
        guard i >= 0, i < count, tokens[i].span.start < bytes.count else { return false }
        switch bytes[tokens[i].span.start] | 0x20 {
        case 0x6C, 0x6E, 0x63: return true  // l, n, c
        default: return false
        }
    }

    /// A full (non-abbreviated, singular) weekday name at token `j`.
    func fullWeekday(_ j: Int) -> Int? {
        let e = entry(j)
        guard e.weekday != 0, !e.weekdayAbbreviation, !e.plural else { return nil }
        return Int(e.weekday)
    }

    /// `maintenant`, `en ce moment`, `à l'heure actuelle`, `tout de suite`, `now`, `right now`, `currently`:
    /// `PRESENT_REF`, a day-grained date whose interval is the anchor (its minute when the anchor has a time,
    /// else its day).
    private func presentReference(_ start: Int, _ end: Int) -> DateMatch? {
        var match = DateMatch(start, end, kind: .date, value: "PRESENT_REF", grain: .day, confidence: 0.8,
                              rule: "relative-present")
        guard let anchorDay, let anchor = anchorDate else {
            match.flag(.unanchored)
            return match
        }
        match.anchor = publicationAnchor
        if let hour = anchor.hour, (0...23).contains(hour) {
            let minutes = hour * 60 + (anchor.minute ?? 0)
            match.intervalStart = DatePoint.instant(anchorDay, minutes: minutes)
            match.intervalEnd = DatePoint.instant(anchorDay + (minutes + 1) / 1440, minutes: (minutes + 1) % 1440)
        } else {
            match.intervalStart = DatePoint.instant(anchorDay)
            match.intervalEnd = DatePoint.instant(anchorDay + 1)
        }
        return match
    }

    /// `le week-end`, `ce week-end`, `le week-end dernier`, `this weekend`, `last weekend`: the interval from
    /// Saturday 00:00 to Monday 00:00 (exclusive), valued `YYYY-Www-WE`. Its Saturday is found as a weekday's
    /// day is (past-biased when the direction is not said, the other weekend kept as the alternative); on a
    /// Sunday, `le week-end dernier` is the one before the current weekend.
    private func weekend(_ start: Int, _ end: Int, _ direction: Direction) -> DateMatch? {
        var saturday = weekdayMatch(start, end, 6, direction, rule: "relative-weekend")
        if direction == .past, let anchorDay, CalendarMath.weekday(anchorDay) == 7,
           let day = saturday.point?.dayNumber
        {
            saturday.point = .day(day - 7)
        }
        var match = DateMatch(start, end, kind: .interval, value: "XXXX-WXX-WE", grain: .day,
                              confidence: saturday.confidence, rule: saturday.rule)
        match.flags = saturday.flags
        match.anchor = saturday.anchor
        guard let day = saturday.point?.dayNumber else { return match }
        func value(_ saturday: Int) -> String {
            let week = CalendarMath.isoWeek(saturday)
            return DatePoint.pad(week.year, 4) + "-W" + DatePoint.pad(week.week, 2) + "-WE"
        }
        match.value = value(day)
        match.intervalStart = DatePoint.instant(day)
        match.intervalEnd = DatePoint.instant(day + 2)
        match.alternatives = saturday.alternatives.compactMap { reading in
            Self.parseDay(reading.value).map { .init(value: value($0), intervalStart: DatePoint.instant($0),
                                                     intervalEnd: DatePoint.instant($0 + 2)) }
        }
        return match
    }

    /// The folded (lower case, accent-free, `’` as `'`) text of token `i`, empty out of range.
    func folded(_ i: Int) -> String {
        guard i >= 0, i < count else { return "" }
        var key: [UInt8] = []
        NameFolding.fold(bytes, tokens[i].span.start, tokens[i].span.end) { key.append($0) }
        return String(decoding: key, as: UTF8.self)
    }

    static let englishUnits: Set<[UInt8]> = Set(
        ["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days", "week", "weeks", "month", "months",
         "year", "years", "decade", "decades", "century", "centuries", "fortnight", "fortnights"].map { Array($0.utf8) })

    /// `la nuit de samedi à dimanche`, `la nuit du 3 au 4 mars`, `la nuit du 14 au 15`: the night that follows
    /// the first day (`…TNI`, 24:00 to 04:00 after it), when the second day is the day after it.
    private func nightBetween(_ start: Int, _ j: Int) -> DateMatch? {
        var first: DateMatch
        var end: Int
        if let weekday = fullWeekday(j) {
            // Two weekdays: the first resolved as usual, the second must follow it.
            guard keyword(j + 1) == .a || keyword(j + 1) == .au, fullWeekday(j + 2) == weekday % 7 + 1 else { return nil }
            first = weekdayMatch(j, j + 1, weekday, .inferred, rule: "relative-night-of")
            end = j + 3
        } else if let shape = number(j), shape.groups == 1, shape.lengths.0 <= 2,
                  keyword(j + 1) == .au, let second = absoluteDate(at: j + 2) ?? bareDayOfMonth(j + 2),
                  let secondDay = second.point?.dayNumber, CalendarMath.civil(secondDay - 1).day == shape.values.0
        {
            // `du 3 au 4 mars 2024`, `du 14 au 15`: the second date says the month.
            first = second
            first.point = .day(secondDay - 1)
            first.alternatives = second.alternatives.compactMap { reading in
                Self.parseDay(reading.value).map { DatePoint.day($0 - 1).reading }
            }
            end = second.end
        } else {
            return nil
        }
        guard var point = first.point, point.grain == .day else { return nil }
        point.partOfDay = "NI"
        point.grain = .hour
        first.point = point
        first.alternatives = point.onEachDay(of: first.alternatives)
        first.start = start
        first.end = end
        first.kind = .dateTime
        first.rule = "relative-night-of"
        return first
    }

    /// A day of the anchor's month or the one before, with no month written (`au 15` in `la nuit du 14 au 15`).
    private func bareDayOfMonth(_ j: Int) -> DateMatch? {
        guard let shape = number(j), shape.groups == 1, shape.lengths.0 <= 2, (1...31).contains(shape.values.0),
              monthField(at: j + 1) == nil, let anchor = anchorDate, let month = anchor.month, let reference = anchorDay,
              CalendarMath.isValid(year: anchor.year, month: month, day: shape.values.0)
        else { return nil }
        var day = CalendarMath.dayNumber(year: anchor.year, month: month, day: shape.values.0)
        if day > reference {
            let previous = CalendarMath.addMonths(year: anchor.year, month: month, -1)
            guard CalendarMath.isValid(year: previous.year, month: previous.month, day: shape.values.0) else { return nil }
            day = CalendarMath.dayNumber(year: previous.year, month: previous.month, day: shape.values.0)
        }
        var match = DateMatch(j, j + 1, point: .day(day), confidence: 0.7, rule: "partial-day")
        match.anchor = publicationAnchor
        match.flag(.directionInferred)
        return match
    }

    /// An anchor-relative day.
    private func dayOffset(_ start: Int, _ end: Int, _ offset: Int, rule: String) -> DateMatch? {
        guard let anchorDay else { return unanchored(start, end, grain: .day, rule: rule) }
        var match = DateMatch(start, end, point: .day(anchorDay + offset), confidence: 0.9, rule: rule)
        match.anchor = publicationAnchor
        return match
    }

    /// `la veille` / `le lendemain`: relative to the last explicit date of the text, else to the publication.
    private func referenceOffset(_ start: Int, _ end: Int, _ offset: Int, rule: String) -> DateMatch? {
        if let previousDay {
            var match = DateMatch(start, end, point: .day(previousDay + offset), confidence: 0.75, rule: rule)
            match.anchor = .init(source: "previous", value: DatePoint.day(previousDay).value)
            return match
        }
        guard var match = dayOffset(start, end, offset, rule: rule) else { return nil }
        match.confidence = 0.6
        return match
    }

    /// `le lendemain du 13 février`, `la veille du 3 mars 2021`, `au lendemain de jeudi`: the day after (before)
    /// the date that follows `du`/`de` at token `j`. `nil` when no date follows (`au lendemain de l'élection`).
    private func ofDate(_ start: Int, _ j: Int, _ offset: Int, rule: String) -> DateMatch? {
        let k = keyword(j)
        guard k == .du || k == .de || k == .elidedD else { return nil }
        var date: DateMatch?
        if let fields = calendarFields(at: j + 1) {
            date = fields.point?.year == nil ? inferredYear(fields) : fields
        } else if entry(j + 1).holiday != nil, let holiday = holidayMatch(at: j + 1) {
            date = holiday  // `la veille de Noël`, `le lendemain de Pâques`
        } else if k != .du, let weekday = fullWeekday(j + 1) {
            date = weekdayMatch(j + 1, j + 2, weekday, .inferred, rule: "relative-weekday")
        }
        guard let date, let point = date.point else { return nil }
        var match: DateMatch
        if let day = point.dayNumber {
            match = DateMatch(start, date.end, point: .day(day + offset), confidence: 0.85, rule: rule + "-of-date")
        } else {
            match = unanchored(start, date.end, grain: .day, rule: rule + "-of-date")
        }
        match.anchor = .init(source: "previous", value: point.value)
        match.alternatives = date.alternatives.compactMap { reading in
            Self.parseDay(reading.value).map { DatePoint.day($0 + offset).reading }
        }
        return match
    }

    /// `trois jours plus tard`, `deux semaines après`, `un mois auparavant`, `two days later`, `a year
    /// earlier`: so many days, weeks, months or years after (before) the last explicit date of the text — the
    /// narrative's time — or, without one, the anchor. `après`/`avant` count only at the end of a clause (`deux
    /// jours après son arrivée` is relative to an event the extractor cannot date: it stays a duration).
    private func laterOrEarlier(at i: Int) -> DateMatch? {
        guard let quantity = quantity(at: i), let count = quantity.count, count <= 1000 else { return nil }
        let unit = quantity.unit
        guard unit == .day || unit == .week || unit == .month || unit == .year else { return nil }
        var j = quantity.end
        var later: Bool
        switch keyword(j) {
        case .plus where keyword(j + 1) == .tard: later = true; j += 2
        case .plus where keyword(j + 1) == .tot: later = false; j += 2
        case .later: later = true; j += 1
        case .earlier, .auparavant: later = false; j += 1
        case .apres, .avant:
            later = keyword(j) == .apres
            j += 1
            guard j >= self.count || tokens[j].kind == .punctuation || tokens[j].has(.lineStart) else { return nil }
        default:
            return nil
        }
        let rule = later ? "relative-later" : "relative-earlier"
        let reference: Int
        var anchor: TemporalExpression.Anchor?
        var confidence = 0.7
        if let previousDay {
            reference = previousDay
            anchor = .init(source: "previous", value: DatePoint.day(previousDay).value)
        } else if let anchorDay {
            reference = anchorDay
            anchor = publicationAnchor
            confidence = 0.55
        } else {
            return unanchored(i, j, grain: unit == .week ? .day : unit.granularity, rule: rule)
        }
        guard let day = shift(reference, by: later ? count : -count, unit) else { return nil }
        var point = DatePoint.day(day)
        switch unit {
        case .month: point = DatePoint(grain: .month, year: point.year, month: point.month)
        case .year: point = DatePoint(grain: .year, year: point.year)
        default: break
        }
        var match = DateMatch(i, j, point: point, confidence: confidence, rule: rule)
        match.anchor = anchor
        return match
    }

    /// An expression that needs an anchor the article does not have.
    func unanchored(_ start: Int, _ end: Int, grain: TemporalExpression.Granularity, rule: String) -> DateMatch {
        var match = DateMatch(start, end, point: DatePoint(grain: grain), confidence: 0.4, rule: rule)
        match.flag(.unanchored)
        return match
    }

    /// A weekday resolved to a day.
    func weekdayMatch(_ start: Int, _ end: Int, _ weekday: Int, _ direction: Direction, rule: String)
        -> DateMatch
    {
        if direction == .inferred, let previousDay, CalendarMath.weekday(previousDay) == weekday {
            var match = DateMatch(start, end, point: .day(previousDay), confidence: 0.75, rule: rule + "+previous")
            match.anchor = .init(source: "previous", value: DatePoint.day(previousDay).value)
            return match
        }
        guard let anchorDay else {
            var match = unanchored(start, end, grain: .day, rule: rule)
            match.point?.weekday = weekday
            return match
        }
        let anchorWeekday = CalendarMath.weekday(anchorDay)
        let day: Int
        var match: DateMatch
        switch direction {
        case .inferred:
            // The latest such weekday on or before the publication day; the next one as the alternative.
            day = anchorDay - (anchorWeekday - weekday + 7) % 7
            var future = anchorDay + (weekday - anchorWeekday + 7) % 7
            if future == day { future += 7 }
            match = DateMatch(start, end, point: .day(day), confidence: rule == "relative-weekday" ? 0.6 : 0.7,
                              rule: rule)
            match.alternatives = [DatePoint.day(future).reading]
            match.flag(.directionInferred)
        case .past:
            day = anchorDay - ((anchorWeekday - weekday + 6) % 7 + 1)
            match = DateMatch(start, end, point: .day(day), confidence: 0.85, rule: rule)
        case .future:
            day = anchorDay + ((weekday - anchorWeekday + 6) % 7 + 1)
            match = DateMatch(start, end, point: .day(day), confidence: 0.85, rule: rule)
        }
        match.anchor = publicationAnchor
        return match
    }

    /// `la semaine dernière`, `ce mois-ci`, `l'an prochain`, `next week`.
    private func unitOffset(_ start: Int, _ end: Int, _ unit: DateUnit, _ offset: Int, rule: String) -> DateMatch? {
        shifted(start, end, unit, offset, rule: rule, confidence: 0.9)
    }

    /// The anchor moved by `offset` units, at the unit's granularity.
    private func shifted(_ start: Int, _ end: Int, _ unit: DateUnit, _ offset: Int, rule: String,
                         confidence: Double) -> DateMatch?
    {
        guard let anchor = anchorDate else { return unanchored(start, end, grain: unit.granularity, rule: rule) }
        var point: DatePoint
        switch unit {
        case .year:
            point = DatePoint(grain: .year, year: anchor.year + offset)
        case .decade:
            point = DatePoint(grain: .decade, year: anchor.year)
            point.decade = anchor.year / 10 + offset
        case .century:
            point = DatePoint(grain: .century, year: anchor.year)
            point.century = anchor.year / 100 + offset
        case .month:
            guard let month = anchor.month else { return unanchored(start, end, grain: .month, rule: rule) }
            let shifted = CalendarMath.addMonths(year: anchor.year, month: month, offset)
            point = DatePoint(grain: .month, year: shifted.year, month: shifted.month)
        case .week:
            guard let anchorDay else { return unanchored(start, end, grain: .week, rule: rule) }
            let week = CalendarMath.isoWeek(anchorDay + 7 * offset)
            point = DatePoint(grain: .week, year: week.year)
            point.week = week.week
        case .day:
            guard let anchorDay else { return unanchored(start, end, grain: .day, rule: rule) }
            point = .day(anchorDay + offset)
        case .hour, .minute, .second:
            guard let anchorDay else { return unanchored(start, end, grain: .day, rule: rule) }
            if let hour = anchor.hour {
                // Seconds move the anchor by whole minutes, to the minute before.
                let moved = unit == .hour ? offset * 60 : unit == .minute ? offset : (offset - 59) / 60
                let minutes = hour * 60 + (anchor.minute ?? 0) + (unit == .second && offset >= 0 ? offset / 60 : moved)
                let days = minutes >= 0 ? minutes / 1440 : (minutes - 1439) / 1440
                point = .day(anchorDay + days)
                let inDay = minutes - days * 1440
                point.hour = inDay / 60
                point.minute = inDay % 60
                point.grain = .minute
            } else {
                point = .day(anchorDay)
            }
        }
        guard let year = point.year, CalendarMath.isWritable(year) else {
            return unanchored(start, end, grain: unit.granularity, rule: rule)
        }
        var match = DateMatch(start, end, point: point, confidence: confidence, rule: rule)
        match.anchor = publicationAnchor
        return match
    }

    /// A count of units: `trois ans`, `3 jours`, `deux heures`, `un an`, `a year`, `an hour`, `quelques jours`.
    func quantity(at j: Int) -> (count: Int?, unit: DateUnit, end: Int)? {
        var j = j
        var count: Int?
        let e = entry(j)
        if e.keyword == .few {
            j += 1
        } else if e.keyword == .a, keyword(j + 1) == .few {
            j += 2  // `a few days`
        } else if e.keyword == .a || (e.unit == .year && entry(j + 1).unit != nil && isWord(j)) {
            count = 1  // `a year ago`, `an hour ago`
            j += 1
        } else if let n = self.count(j), n <= 10_000 {
            count = n
            j += 1
            // `vingt quatre heures`, `trente et un jours`: tens and units written apart.
            if isWord(j - 1), n >= 20, n <= 90, n % 10 == 0 {
                if let units = self.count(j), isWord(j), (1...9).contains(units) {
                    count = n + units
                    j += 1
                } else if keyword(j) == .et, let units = self.count(j + 1), units == 1, isWord(j + 1) {
                    count = n + 1
                    j += 2
                }
            }
        } else {
            return nil
        }
        guard let unit = entry(j).unit, keyword(j) != .ci, keyword(j) != .periodically else { return nil }
        return (count, unit, j + 1)
    }

    /// `il y a trois ans`, `dans deux semaines`, `two years ago`.
    private func quantityOffset(_ start: Int, _ end: Int, _ count: Int?, _ unit: DateUnit, past: Bool,
                                rule: String) -> DateMatch?
    {
        guard let count else {
            var match = DateMatch(start, end, kind: .date, value: past ? "PAST_REF" : "FUTURE_REF",
                                  grain: unit.granularity, confidence: 0.5, rule: rule)
            match.anchor = publicationAnchor
            return match
        }
        guard unit != .decade, unit != .century else {
            let years = count * (unit == .decade ? 10 : 100) * (past ? -1 : 1)
            return shifted(start, end, .year, years, rule: rule, confidence: 0.85)
        }
        guard var match = shifted(start, end, unit, past ? -count : count, rule: rule, confidence: 0.85) else {
            return nil
        }
        // `dans deux mois`, `il y a trois semaines`, `dans un an`: the week, month or year is the value; the
        // exact day (month then day, for years) so far from the anchor is the finer reading, kept as alternatives.
        if unit == .week || unit == .month || unit == .year, let anchorDay,
           let day = shift(anchorDay, by: past ? -count : count, unit)
        {
            let exact = DatePoint.day(day)
            if unit == .year {
                // `il y a deux ans`: that month, then that very day (`il y a deux ans jour pour jour`).
                match.alternatives = [DatePoint(grain: .month, year: exact.year, month: exact.month).reading, exact.reading]
            } else {
                match.alternatives = [exact.reading]
            }
        }
        return match
    }

    /// `d'ici trois ans`: the anchor moved forward by a quantity starting at token `j` (the match starts at `i`).
    func futureOffset(_ i: Int, quantityAt j: Int, rule: String) -> DateMatch? {
        guard let quantity = quantity(at: j), quantity.count != nil else { return nil }
        if let compound = compoundOffset(i, quantity, past: false, rule: rule) { return compound }
        return quantityOffset(i, quantity.end, quantity.count, quantity.unit, past: false, rule: rule)
    }

    /// `dans 1 an et 2 mois`, `il y a 2 ans, 3 mois et 4 jours`, `dans 1 an 2 mois`: several counted units
    /// added together, as one date at the finest unit named (weeks, hours and minutes give a day). `nil` when
    /// only one quantity is there.
    private func compoundOffset(_ start: Int, _ first: (count: Int?, unit: DateUnit, end: Int), past: Bool,
                                rule: String) -> DateMatch?
    {
        guard let firstCount = first.count else { return nil }
        var parts = [(firstCount, first.unit)]
        var end = first.end
        while parts.count < 6 {
            var j = end
            if keyword(j) == .et || keyword(j) == .and || punctuation(j) == 0x2C { j += 1 }
            guard let next = quantity(at: j), let n = next.count else { break }
            parts.append((n, next.unit))
            end = next.end
        }
        guard parts.count > 1 else { return nil }
        var months = 0, days = 0
        var finest = DateUnit.century
        for (n, unit) in parts {
            switch unit {
            case .century: months += 1200 * n
            case .decade: months += 120 * n
            case .year: months += 12 * n
            case .month: months += n
            case .week: days += 7 * n
            case .day, .hour, .minute, .second: days += unit == .day ? n : 0
            }
            if unit.rawValue < finest.rawValue { finest = unit }
        }
        let sign = past ? -1 : 1
        guard let anchor = anchorDate, let anchorMonth = anchor.month else {
            return unanchored(start, end, grain: finest == .year || finest == .month ? finest.granularity : .day,
                              rule: rule + "-compound")
        }
        var point: DatePoint
        let moved = CalendarMath.addMonths(year: anchor.year, month: anchorMonth, sign * months)
        guard CalendarMath.isWritable(moved.year) else { return nil }
        switch finest {
        case .year, .decade, .century: point = DatePoint(grain: .year, year: moved.year)
        case .month: point = DatePoint(grain: .month, year: moved.year, month: moved.month)
        default:
            guard let anchorDay = anchor.day else {
                return unanchored(start, end, grain: .day, rule: rule + "-compound")
            }
            let day = min(anchorDay, PublicationDate.daysIn(month: moved.month, year: moved.year))
            point = .day(CalendarMath.dayNumber(year: moved.year, month: moved.month, day: day) + sign * days)
        }
        var match = DateMatch(start, end, point: point, confidence: 0.85, rule: rule + "-compound")
        match.anchor = publicationAnchor
        return match
    }

    /// `mars dernier`, `juin prochain`, `last March`: the month before (after) the publication month.
    private func monthOffset(_ start: Int, _ end: Int, _ month: Int, _ direction: Direction, rule: String)
        -> DateMatch?
    {
        guard let anchor = anchorDate, let anchorMonth = anchor.month else {
            var match = unanchored(start, end, grain: .month, rule: rule)
            match.point?.month = month
            return match
        }
        var year = anchor.year
        if direction == .future {
            if month <= anchorMonth { year += 1 }
        } else if month >= anchorMonth {
            year -= 1
        }
        var match = DateMatch(start, end, point: DatePoint(grain: .month, year: year, month: month),
                              confidence: 0.85, rule: rule)
        match.anchor = publicationAnchor
        return match
    }

    /// `en mars` with no year: the latest March on or before the publication month.
    private func inMonth(_ i: Int) -> DateMatch? {
        let j = i + 1
        guard let month = monthField(at: j), !entry(j).monthAbbreviation, year(j + 1) == nil,
              keyword(j + 1) != .last, keyword(j + 1) != .next,
              // `en juillet 98`, `en octobre 14 2023`: the date is read from the month on.
              (calendarFields(at: j)?.end ?? j) <= j + 1
        else { return nil }
        var match = DateMatch(j, j + 1, point: DatePoint(grain: .month, month: month), confidence: 0.7,
                              rule: "partial-month")
        match = inferredYear(match)
        if match.anchor != nil { match.flag(.directionInferred) }
        return match
    }
}
