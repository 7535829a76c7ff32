import CorpusKit

/// Coarse expressions: years in date-like contexts (`en 2019`, `depuis`, `année 2019`, `in 2019`, a year with no
/// noun after it), years of event names (`Euro 2024`, flagged ``TemporalExpression/Flag/eventName``), seasons
/// (`l'été 2023`, `cet été`), quarters and semesters (`au premier trimestre 2024`, `T1 2024`), decades
/// (`les années 1990` → `199`), centuries (`XIXe siècle`, `19-ème siècle` → `18`), and the `début`, `mi-`,
/// `fin` (`early`, `mid`, `late`) modifiers, which keep the value and are noted in the rule (`+start`, `+mid`,
/// `+end`).
extension DateScanner {
    func coarseMatch(at i: Int) -> DateMatch? {
        let e = entry(i)
        switch e.keyword {
        case .debut, .early: return modified(i, 1, "+start")
        case .fin, .late: return modified(i, 3, "+end")
        case .mi, .milieu, .mid: return modified(i, 2, "+mid")
        case .annees: return decade(i, i + 1)
        case .les, .des, .the:
            if keyword(i + 1) == .annees { return decade(i, i + 2) }
        case .ce, .this:
            if entry(i + 1).season != 0 { return season(i, i + 1, relativeOffset: 0) }
        default: break
        }
        if e.mid, e.month != 0 {
            let month = Int(e.month)
            // `mi-mars`, `mi-mars 2024`.
            return narrowed(monthPoint(i, month), 2, "+mid")
        }
        if e.season != 0 { return season(i, i, relativeOffset: nil) }
        if e.roman != 0 || e.ordinal != 0 || e.quarterCode != 0 || isNumber(i) {
            if let match = century(i) ?? quarter(i) { return match }
        }
        if isNumber(i) { return decadeNumber(i) ?? contextualYear(i) }
        if e.month != 0, !e.monthAbbreviation, !e.mid { return bareMonth(i) }
        return nil
    }

    /// A month named alone (`les ventes de février`, `Février a été doux`, `since March`): the latest such month
    /// on or before the publication month, the next one as the alternative. Not the planet or a name (`vers
    /// Mars`, `Bruno Mars`: `Mars` capitalised inside a sentence), and in English only capitalised, with `May`,
    /// `March` and `August` (also a modal, a verb and an adjective) only after a temporal word (`in May`).
    private func bareMonth(_ i: Int) -> DateMatch? {
        let span = tokens[i].span
        var word: [UInt8] = []
        for k in span.start..<span.end where bytes[k] < 0x80 { word.append(bytes[k] | 0x20) }
        let english = Self.englishMonths.contains(word)
        let sentenceStart = tokens[i].has(.sentenceStart) || tokens[i].has(.lineStart)
        if word == Array("mars".utf8), isCapitalized(i), !sentenceStart { return nil }
        if english {
            guard isCapitalized(i) else { return nil }
            if word == Array("may".utf8) || word == Array("march".utf8) || word == Array("august".utf8) {
                guard Self.englishTemporalPrepositions.contains(lowercased(i - 1)) else { return nil }
            }
        }
        var match = inferredYear(DateMatch(i, i + 1, point: DatePoint(grain: .month, month: Int(entry(i).month)),
                                           confidence: 0.6, rule: "partial-month-bare"))
        if match.anchor != nil { match.flag(.directionInferred) }
        return match
    }

    private static let englishMonths: Set<[UInt8]> = Set(
        ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
         "november", "december"].map { Array($0.utf8) })
    private static let englishTemporalPrepositions: Set<[UInt8]> = Set(
        ["in", "since", "until", "till", "during", "before", "after", "through", "by", "of", "early", "late",
         "mid", "last", "next", "this", "from"].map { Array($0.utf8) })

    /// A month alone or with its year, for `mi-mars` and `début mars`.
    private func monthPoint(_ i: Int, _ month: Int) -> DateMatch {
        if let year = year(i + 1) {
            return DateMatch(i, i + 2, point: DatePoint(grain: .month, year: year, month: month),
                             rule: "absolute-month-year")
        }
        return inferredYear(DateMatch(i, i + 1, point: DatePoint(grain: .month, month: month), confidence: 0.75,
                                      rule: "partial-month"))
    }

    /// `début mars 2024`, `fin 2023`, `mi-juin`, `early 2024`, `fin du mois de mars`, `fin de l'année 2023`,
    /// and with the anchor's current unit `en fin de mois`, `au début de l'année`, `à la fin de la semaine`,
    /// `au milieu du mois`. The interval is narrowed to the start, middle or end (see ``DatePoint/bounds``).
    private func modified(_ i: Int, _ part: UInt8, _ suffix: String) -> DateMatch? {
        var j = i + 1
        let k = keyword(j)
        if k == .de || k == .du || k == .elidedD || k == .of { j += 1 }
        if k == .de || k == .of, keyword(j) == .la || keyword(j) == .elidedL || keyword(j) == .the { j += 1 }
        var inner: DateMatch?
        if entry(j).unit == .month, !entry(j).plural, keyword(j + 1) == .de || keyword(j + 1) == .elidedD,
           let month = monthField(at: j + 2), !entry(j + 2).monthAbbreviation
        {
            // `fin du mois de mars`.
            inner = monthPoint(j + 2, month)
        } else if let match = absoluteDate(at: j) {
            inner = match
        } else if let month = monthField(at: j), !entry(j).monthAbbreviation {
            inner = monthPoint(j, month)
        } else if let year = year(j), (1000...2999).contains(year) {
            inner = DateMatch(j, j + 1, point: DatePoint(grain: .year, year: year), rule: "year")
        } else if entry(j).unit == .year, !entry(j).plural, let year = year(j + 1) {
            // `fin de l'année 2023`.
            inner = DateMatch(j, j + 2, point: DatePoint(grain: .year, year: year), rule: "year")
        } else if let unit = entry(j).unit, !entry(j).plural, unit == .week || unit == .month || unit == .year,
                  keyword(j + 1) != .last, keyword(j + 1) != .next, keyword(j + 1) != .ci
        {
            // `en fin de mois`, `au début de la semaine`: the anchor's current unit.
            inner = currentUnit(j, unit)
        } else if let match = coarseMatch(at: j) ?? relativeMatch(at: j), match.point != nil {
            inner = match
        }
        guard let match = inner else { return nil }
        var narrowedMatch = narrowed(match, part, suffix)
        narrowedMatch.start = i
        return narrowedMatch
    }

    /// The anchor's current week, month or year (`en fin de mois`), unanchored without one.
    private func currentUnit(_ j: Int, _ unit: DateUnit) -> DateMatch? {
        guard let anchorDay else { return unanchored(j, j + 1, grain: unit.granularity, rule: "relative-this-unit") }
        let today = CalendarMath.civil(anchorDay)
        var point: DatePoint
        switch unit {
        case .week:
            let week = CalendarMath.isoWeek(anchorDay)
            point = DatePoint(grain: .week, year: week.year)
            point.week = week.week
        case .month: point = DatePoint(grain: .month, year: today.year, month: today.month)
        default: point = DatePoint(grain: .year, year: today.year)
        }
        var match = DateMatch(j, j + 1, point: point, confidence: 0.75, rule: "relative-this-unit")
        match.anchor = publicationAnchor
        return match
    }

    /// A match narrowed to the start (1), middle (2) or end (3) of its point, alternatives too.
    private func narrowed(_ match: DateMatch, _ part: UInt8, _ suffix: String) -> DateMatch {
        var match = match
        guard var point = match.point else { return match }
        point.partModifier = part
        match.point = point
        match.rule += suffix
        if match.alternatives.count == 1, match.flags.contains(.yearInferred) {
            var later = point
            later.year = point.year.map { $0 + 1 }
            match.alternatives = [later.reading]
        }
        return match
    }

    /// `les années 1990`, `années 90`, `the 1990s`, `1990s`.
    private func decade(_ i: Int, _ j: Int) -> DateMatch? {
        if !isNumber(j), entry(j).number >= 20 {
            // Spelled: `les années soixante-dix`, `années quatre-vingt` (the twentieth century's), `années dix-neuf
            // soixante-dix`.
            let tens = Int(entry(j).number)
            var point = DatePoint(grain: .decade)
            if tens % 10 == 0, tens < 100 {
                point.decade = 190 + tens / 10
                return DateMatch(i, j + 1, point: point, confidence: 0.85, rule: "decade-spelled")
            }
            return nil
        }
        if !isNumber(j), (1...2).contains(entry(j).number), folded(j + 1) == "mille" {
            // `les années deux mille`.
            var point = DatePoint(grain: .decade)
            point.decade = Int(entry(j).number) * 100
            return DateMatch(i, j + 2, point: point, confidence: 0.85, rule: "decade-spelled")
        }
        if !isNumber(j), entry(j).number == 19 || entry(j).number == 20, !isNumber(j + 1), entry(j + 1).number >= 0,
           entry(j + 1).number % 10 == 0, entry(j + 1).number < 100
        {
            var point = DatePoint(grain: .decade)
            point.decade = Int(entry(j).number) * 10 + Int(entry(j + 1).number) / 10
            return DateMatch(i, j + 2, point: point, confidence: 0.85, rule: "decade-spelled")
        }
        guard let shape = number(j), shape.groups == 1, shape.suffix == .none || shape.suffix == .plural else {
            return nil
        }
        let value: Int
        if shape.lengths.0 == 4, shape.values.0 % 10 == 0, (1000...2990).contains(shape.values.0) {
            value = shape.values.0 / 10
        } else if shape.lengths.0 == 2, shape.values.0 % 10 == 0 {
            value = 190 + shape.values.0 / 10  // `années 90`: the twentieth century's
        } else {
            return nil
        }
        var point = DatePoint(grain: .decade)
        point.decade = value
        return DateMatch(i, j + 1, point: point, confidence: 0.9, rule: "decade")
    }

    /// `1990s`.
    private func decadeNumber(_ i: Int) -> DateMatch? {
        guard let shape = number(i), shape.suffix == .plural, shape.lengths.0 == 4 else { return nil }
        return decade(i, i)
    }

    /// `XIXe siècle`, `19e siècle`, `19-ème siècle`, `21st century`, `the 19th century`.
    private func century(_ i: Int) -> DateMatch? {
        var value = 0
        var j = i + 1
        let e = entry(i)
        if e.roman != 0 {
            value = Int(e.roman)
        } else if let shape = number(i), shape.groups == 1, shape.lengths.0 <= 2 {
            if shape.suffix == .ordinal {
                value = shape.values.0
            } else if shape.suffix == .none, punctuation(i + 1) == 0x2D, isAttached(i + 1), isAttached(i + 2),
                      isWord(i + 2), entry(i + 2).keyword == .none
            {
                // `19-ème`: the tokenizer splits the suffix off.
                value = shape.values.0
                j = i + 3
            } else {
                return nil
            }
        } else {
            return nil
        }
        guard keyword(j) == .siecle || keyword(j) == .century, (1...30).contains(value) else { return nil }
        var point = DatePoint(grain: .century)
        point.century = value - 1
        return DateMatch(i, j + 1, point: point, confidence: 0.9, rule: "century")
    }

    /// `premier trimestre 2024`, `1er trimestre`, `second semestre 2023`, `T1 2024`, `Q3 2023`,
    /// `first quarter of 2024`.
    private func quarter(_ i: Int) -> DateMatch? {
        var index = 0
        var j = i + 1
        var half = false
        let e = entry(i)
        if e.quarterCode != 0 {
            // `T1` alone is a metro line or a flat size: a year must follow.
            guard let year = year(i + 1) else { return nil }
            var point = DatePoint(grain: .quarter, year: year)
            point.quarter = Int(e.quarterCode)
            return DateMatch(i, i + 2, point: point, confidence: 0.85, rule: "quarter")
        }
        if e.ordinal != 0 {
            index = Int(e.ordinal)
        } else if let shape = number(i), shape.groups == 1, shape.suffix == .ordinal, shape.lengths.0 == 1 {
            index = shape.values.0
        } else {
            return nil
        }
        switch keyword(j) {
        case .trimestre, .quarter: break
        case .semestre: half = true
        default: return nil
        }
        guard index >= 1, index <= (half ? 2 : 4) else { return nil }
        j += 1
        var point = DatePoint(grain: .quarter)
        if half { point.half = index } else { point.quarter = index }
        var k = j
        if keyword(k) == .de || keyword(k) == .of || keyword(k) == .elidedD { k += 1 }
        if let year = year(k) {
            point.year = year
            return DateMatch(i, k + 1, point: point, confidence: 0.9, rule: half ? "semester" : "quarter")
        }
        var match = DateMatch(i, j, point: point, confidence: 0.7, rule: half ? "semester" : "quarter")
        if let anchor = anchorDate {
            match.point?.year = anchor.year
            match.anchor = publicationAnchor
            match.flag(.yearInferred)
        } else {
            match.flag(.unanchored)
        }
        return match
    }

    /// `l'été 2023`, `été 2023`, `summer 2023`, `cet été`, `l'été dernier`, `l'hiver prochain`.
    private func season(_ start: Int, _ j: Int, relativeOffset: Int?) -> DateMatch? {
        let season = Int(entry(j).season)
        guard season != 0 else { return nil }
        var point = DatePoint(grain: .season)
        point.season = season
        var k = j + 1
        if keyword(k) == .de || keyword(k) == .elidedD { k += 1 }
        if let year = year(k) {
            point.year = year
            return DateMatch(start, k + 1, point: point, confidence: 0.9, rule: "season")
        }
        var offset = relativeOffset
        var end = j + 1
        if offset == nil {
            // `l'été dernier`, `le printemps prochain`: a determiner before, a direction after.
            let before = keyword(j - 1)
            let after = keyword(j + 1)
            guard before == .elidedL || before == .le || before == .the || before == .last || before == .next,
                  after == .last || after == .next || before == .last || before == .next
            else {
                // In messages, `je partirai l'été`: some summer, the year unsaid.
                guard conversational, !nounFollows(j) else { return nil }
                return DateMatch(start, j + 1, point: point, confidence: 0.5, rule: "season-conversation")
            }
            offset = after == .last || before == .last ? -1 : 1
            end = after == .last || after == .next ? j + 2 : j + 1
        }
        guard let offset else { return nil }
        var match = DateMatch(start, end, point: point, confidence: 0.8, rule: "relative-season")
        guard let anchor = anchorDate else {
            match.flag(.unanchored)
            return match
        }
        // The season of the anchor's year, moved to the previous (next) occurrence when it is not yet over
        // (already begun).
        let month = anchor.month ?? 7
        let startMonth = [3, 6, 9, 12][season - 1]
        var year = anchor.year
        if offset < 0, month < startMonth + 3 { year -= 1 }
        if offset > 0, month >= startMonth { year += 1 }
        // `cet hiver` before the end of winter (20 March inclusive) is the winter that began the year before.
        if offset == 0, season == 4, month < 3 || (month == 3 && (anchor.day ?? 1) <= 20) { year -= 1 }
        match.point?.year = year
        match.anchor = publicationAnchor
        return match
    }

    /// A bare four-digit year (1800…2100) where a year is expected: after `en`, `année`, `in`, `vers`, `avant`,
    /// `après`, or with no noun after it; years of event names are flagged.
    private func contextualYear(_ i: Int) -> DateMatch? {
        guard let year = year(i), (1800...2100).contains(year) else { return nil }
        let before = entry(i - 1)
        let event = before.keyword == .event || (before.keyword == .monde && keyword(i - 3) == .coupe)
        let inContext = before.keyword == .en || before.keyword == .inEN || before.keyword == .vers
            || before.keyword == .avant || before.keyword == .apres || (before.unit == .year && !before.plural)
        guard event || inContext || !nounFollows(i) else { return nil }
        // A year glued to other tokens (`site.com/2024/`) is part of an address, not a date.
        var match = DateMatch(i, i + 1, point: DatePoint(grain: .year, year: year),
                              confidence: event ? 0.6 : inContext ? 0.9 : 0.7,
                              rule: event ? "year-event" : inContext ? "year-context" : "year")
        if event { match.flag(.eventName) }
        return match
    }
}
