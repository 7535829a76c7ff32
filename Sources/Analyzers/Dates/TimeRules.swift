import CorpusKit

/// Times of day: `18h32`, `18 h 32`, `16h`, `10:48`, `5 pm`, `midi`, `minuit`, and parts of the day (`soir`),
/// joined to the date before them or standing alone.
extension DateScanner {
    /// A time at token `j`, possibly introduced by `à`, `at`, `vers`, a comma or a dash.
    func timeField(at j: Int) -> (hour: Int, minute: Int?, end: Int)? {
        if let time = bareTime(at: j) { return time }
        let k = keyword(j)
        let p = punctuation(j)
        guard k == .a || k == .at || k == .vers || p == 0x2C || p == 0x2D else { return nil }
        return bareTime(at: j + 1)
    }

    /// A time starting exactly at token `j`.
    func bareTime(at j: Int) -> (hour: Int, minute: Int?, end: Int)? {
        switch keyword(j) {
        case .midi, .noon: return (12, 0, j + 1)
        case .minuit, .midnight: return (0, 0, j + 1)
        default: break
        }
        guard let shape = number(j) else { return nil }
        var hour: Int
        var minute: Int?
        var end = j + 1
        if shape.groups == 2, shape.separator == 0x68 || shape.separator == 0x3A, shape.lengths.1 == 2,
           shape.lengths.0 <= 2, shape.suffix == .none || shape.suffix == .other && shape.separator == 0x68
        {
            // `18h32`, `10:48` (a `18h32min` suffix is tolerated after `h`).
            hour = shape.values.0
            minute = shape.values.1
        } else if shape.groups == 1, shape.suffix == .hour, shape.lengths.0 <= 2 {
            hour = shape.values.0  // `16h`
        } else if shape.isPlain, shape.lengths.0 <= 2, keyword(j + 1) == .h {
            // `18 h 32`, `18 h`.
            hour = shape.values.0
            end = j + 2
            if let next = number(j + 2), next.isPlain, next.lengths.0 == 2 {
                minute = next.values.0
                end = j + 3
            }
        } else if shape.isPlain, shape.lengths.0 <= 2, keyword(j + 1) == .am || keyword(j + 1) == .pm {
            hour = shape.values.0  // `5 pm`
        } else {
            return nil
        }
        let meridiem = keyword(end)
        if meridiem == .am || meridiem == .pm {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == .pm, hour < 12 { hour += 12 }
            if meridiem == .am, hour == 12 { hour = 0 }
            end += 1
        }
        guard (0...23).contains(hour), minute.map({ (0...59).contains($0) }) ?? true else { return nil }
        return (hour, minute, end)
    }

    /// A part of the day at token `j` (`soir`, `matin`, `après-midi`, `nuit`), as a TIMEX3 code.
    func partOfDay(at j: Int) -> String? {
        switch keyword(j) {
        case .matin: "MO"
        case .apresMidi: "AF"
        case .soir: "EV"
        case .nuit: "NI"
        default: nil
        }
    }

    /// Extends a day match with a following time (`à 18h32`, `- 10:48`) or part of the day (`soir`).
    func attachingTime(to match: DateMatch) -> DateMatch {
        guard var point = match.point, point.grain == .day, !point.hasTime else { return match }
        var match = match
        if let time = timeField(at: match.end) {
            point.hour = time.hour
            point.minute = time.minute
            point.grain = time.minute == nil ? .hour : .minute
            match.end = time.end
            match.rule += "+time"
        } else if let part = partOfDay(at: match.end) {
            point.partOfDay = part
            match.end += 1
            match.rule += "+part-of-day"
        } else {
            return match
        }
        match.point = point
        match.kind = .dateTime
        if let value = match.alternatives.first, !value.isEmpty, match.alternatives.count == 1 {
            // Keep the alternative reading at the same precision as the chosen one.
            var alternative = DatePoint(grain: point.grain)
            if let parsed = Self.parseDay(value) {
                alternative = DatePoint.day(parsed)
                alternative.hour = point.hour
                alternative.minute = point.minute
                alternative.partOfDay = point.partOfDay
                alternative.grain = point.grain
                match.alternatives = [alternative.value]
            }
        }
        return match
    }

    /// The day number of a `YYYY-MM-DD` value, if it is one.
    static func parseDay(_ value: String) -> Int? {
        let utf8 = Array(value.utf8)
        guard utf8.count == 10, utf8[4] == 0x2D, utf8[7] == 0x2D else { return nil }
        func digits(_ range: Range<Int>) -> Int? {
            var v = 0
            for k in range {
                let b = utf8[k]
                guard b >= 0x30, b <= 0x39 else { return nil }
                v = v * 10 + Int(b - 0x30)
            }
            return v
        }
        guard let y = digits(0..<4), let m = digits(5..<7), let d = digits(8..<10),
              CalendarMath.isValid(year: y, month: m, day: d)
        else { return nil }
        return CalendarMath.dayNumber(year: y, month: m, day: d)
    }

    /// A time standing alone: `à 18h32`, `16h`, `à midi`. Bare `midi`/`minuit` need `à` (`le Midi` is a region).
    func timeMatch(at i: Int) -> DateMatch? {
        let introduced = keyword(i) == .a || keyword(i) == .at || keyword(i) == .vers
        guard introduced || tokens[i].kind == .number else { return nil }
        let start = introduced ? i + 1 : i
        guard let time = bareTime(at: start) else { return nil }
        var point = DatePoint(grain: time.minute == nil ? .hour : .minute)
        point.hour = time.hour
        point.minute = time.minute
        return DateMatch(start, time.end, point: point, confidence: 0.8, rule: "time")
    }
}
