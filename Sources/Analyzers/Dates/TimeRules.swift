import CorpusKit

/// Times of day: `18h32`, `18 h 32`, `16h`, `10:48`, `5 pm`, `midi`, `minuit`, and parts of the day (`soir`),
/// joined to the date before them or standing alone.
extension DateScanner {
    /// A time at token `j`, possibly introduced by `à`, `at`, `vers`, `à environ`, `aux alentours de`,
    /// `autour de`, a comma or a dash.
    func timeField(at j: Int) -> (hour: Int, minute: Int?, end: Int)? {
        if let time = bareTime(at: j) ?? clockTime(at: j, introduced: true) { return time }
        if conversational, keyword(j) == .pour, let time = bareTime(at: j + 1), !(number(j + 1)?.isPlain ?? true) {
            return time  // `14 octobre pour 8:00am`, in messages
        }
        if let k = afterTimeIntroducer(j) { return bareTime(at: k) ?? clockTime(at: k, introduced: true) }
        let p = punctuation(j)
        guard p == 0x2C || p == 0x2D else { return nil }
        return bareTime(at: j + 1) ?? clockTime(at: j + 1, introduced: false)
    }

    /// The token after a word or phrase that introduces a clock time at `j`: `à`, `at`, `vers`, `dès`,
    /// `à environ`, `vers environ`, `aux alentours de`, `autour de`, `around`.
    func afterTimeIntroducer(_ j: Int) -> Int? {
        switch keyword(j) {
        case .a, .at, .vers: return keyword(j + 1) == .environ || keyword(j + 1) == .autour ? j + 2 : j + 1
        case .au where keyword(j + 1) == .alentours && keyword(j + 2) == .de: return j + 3
        case .autour where keyword(j + 1) == .de: return j + 2
        case .autour: return j + 1  // `around 5 pm`
        case .environ: return j + 1
        default: return isDes(j) ? j + 1 : nil
        }
    }

    /// Whether token `j` is `dès` (folded like the article `des`, told apart by its accent).
    func isDes(_ j: Int) -> Bool {
        keyword(j) == .des && tokens[j].span.end - tokens[j].span.start == 4
    }

    /// Whether the word before token `j` makes a following `N heures` a clock time rather than a duration:
    /// `à`, `vers`, `dès`, `jusqu'à`, `avant`, `après`, `at`, `il est`, `c'est`.
    func introducesClockTime(_ j: Int) -> Bool {
        switch keyword(j) {
        case .a, .at, .vers, .avant, .apres, .est, .until: return true
        default: return isDes(j)
        }
    }

    /// A clock time written with the word `heure(s)` at token `j`: `23 heures`, `vingt heures trente`,
    /// `9 heures 30`, `3 heures du matin`, `8 heures et demie`, `midi et demi`, `onze heures moins le quart`.
    ///
    /// `N heures` is a duration as often as a time, so it is read as a time only when `introduced` (the caller
    /// saw `à`, `vers`, `dès`, `jusqu'à`, `avant`, `après`, `il est` or a day before it) or when the phrase itself
    /// says so: minutes (`20 heures 30`, `et demie`) or a part of the day (`du matin`, `du soir`). Either way a
    /// following `de`/`d'` + noun (`à deux heures de route`, `deux heures et demie de débat`) keeps it a duration.
    func clockTime(at j: Int, introduced: Bool) -> (hour: Int, minute: Int?, end: Int)? {
        var hour: Int
        var end: Int
        var named = false
        switch keyword(j) {
        case .midi: hour = 12; end = j + 1; named = true
        case .minuit: hour = 0; end = j + 1; named = true
        default:
            if let shape = number(j) {
                guard shape.isPlain, shape.lengths.0 <= 2 else { return nil }
                hour = shape.values.0
            } else {
                let n = entry(j).number
                guard n >= 0 else { return nil }
                hour = Int(n)
            }
            var unit = j + 1
            if hour == 20, keyword(unit) == .et, entry(unit + 1).number == 1, !isNumber(unit + 1) {
                hour = 21  // `vingt et une heures`
                unit += 2
            }
            guard (0...24).contains(hour), entry(unit).unit == .hour else { return nil }
            if hour == 24 { hour = 0 }
            end = unit + 1
        }
        var minute: Int?
        var strong = false
        if keyword(end) == .et, keyword(end + 1) == .demi {
            minute = 30; end += 2; strong = true
        } else if keyword(end) == .et, keyword(end + 1) == .quart {
            minute = 15; end += 2; strong = true
        } else if keyword(end) == .et, let m = count(end + 1), (1...59).contains(m), entry(end + 2).unit == .minute {
            minute = m; end += 3; strong = true  // `quinze heures et quinze minutes`
        } else if count(end) == 3, keyword(end + 1) == .quart {
            minute = 45; end += 2; strong = true  // `onze heures trois quarts`
        } else if keyword(end) == .moins, keyword(end + 1) == .le || keyword(end + 1) == .la,
                  keyword(end + 2) == .quart
        {
            minute = 45; hour = (hour + 23) % 24; end += 3; strong = true
        } else if keyword(end) == .moins, let m = count(end + 1), (1...30).contains(m) {
            // `midi moins cinq`, `huit heures moins dix`.
            minute = 60 - m; hour = (hour + 23) % 24; end += 2
            if entry(end).unit == .minute { end += 1 }
            strong = true
        } else if named, let m = count(end), (1...59).contains(m), entry(end + 1).unit == nil, !nounFollows(end) {
            minute = m; end += 1; strong = true  // `midi quinze`, `minuit trois`
        } else if !named, entry(end + 1).unit != .hour, entry(end + 1).unit != .day {
            // `9 heures 30`, `vingt heures trente` (but not `2 heures 30 minutes`, a duration, when not introduced).
            var m: Int?
            if let shape = number(end), shape.isPlain, shape.lengths.0 == 2 { m = shape.values.0 }
            else if entry(end).number > 0 { m = Int(entry(end).number) }
            if let m, (1...59).contains(m) {
                minute = m
                end += 1
                // `9 heures 30` is a time; `3 heures 20 minutes` is one only when introduced (`à 3 heures 20
                // minutes`), else a duration.
                if entry(end).unit == .minute { end += 1 } else { strong = true }
            }
        }
        // `du matin`, `de l'après-midi`, `du soir`, `de la nuit`.
        var k = end
        if keyword(k) == .du { k += 1 } else if keyword(k) == .de, keyword(k + 1) == .elidedL || keyword(k + 1) == .la { k += 2 }
        if k > end, let part = partOfDay(at: k) {
            switch part {
            case "AF", "EV": if hour < 12 { hour += 12 }
            case "MO", "NI": if hour == 12 { hour = 0 }
            default: break
            }
            end = k + 1
            strong = true
        } else if keyword(end) == .de || keyword(end) == .elidedD || keyword(end) == .du {
            // `deux heures de route`, `à trois heures de Paris`.
            return nil
        }
        // `de 9 heures à 11 heures`: the start of a range of clock times.
        let rangeStart = keyword(j - 1) == .de && keyword(end) == .a
            && clockTime(at: end + 1, introduced: true) != nil
        guard introduced || strong || named || rangeStart || introducesClockTime(j - 1) else { return nil }
        return (hour, minute, end)
    }

    /// A clock time with `heure(s)` that its context marks as one (see ``clockTime(at:introduced:)``), tried
    /// before bare durations so that `il est vingt heures` and `3 heures du matin` are not `PT20H`, `PT3H`.
    func clockMatch(at i: Int) -> DateMatch? {
        guard isNumber(i) || entry(i).number >= 0 else { return nil }
        guard let time = clockTime(at: i, introduced: false) else {
            if let time = clockTime(at: i, introduced: true) {
                // `16 heures chaque lundi`: a weekly set after `N heures` makes it a clock time.
                var point = DatePoint(grain: time.minute == nil ? .hour : .minute)
                point.hour = time.hour
                point.minute = time.minute
                if let set = recurringDay(after: DateMatch(i, time.end, point: point, rule: "time-clock")) { return set }
            }
            // `8 heures ce soir`: a day after `N heures` makes it a clock time too.
            guard let time = clockTime(at: i, introduced: true), dayAfterTime(at: time.end, forward: false) != nil
            else { return nil }
            var point = DatePoint(grain: time.minute == nil ? .hour : .minute)
            point.hour = time.hour
            point.minute = time.minute
            let match = withFollowingDay(DateMatch(i, time.end, point: point, confidence: 0.75, rule: "time-clock"))
            return match.point?.hasDate == true ? match : nil
        }
        var point = DatePoint(grain: time.minute == nil ? .hour : .minute)
        point.hour = time.hour
        point.minute = time.minute
        let match = DateMatch(i, time.end, point: point, confidence: 0.8, rule: "time-clock")
        return recurringDay(after: match) ?? withFollowingDay(match)
    }

    /// A time starting exactly at token `j`.
    func bareTime(at j: Int) -> (hour: Int, minute: Int?, end: Int)? {
        switch keyword(j) {
        case .midi, .minuit:
            // `midi et demi`, `minuit et quart`, `midi moins cinq`, `midi quinze` go through the clock-time reader.
            if keyword(j + 1) == .et || keyword(j + 1) == .moins || count(j + 1) != nil,
               let time = clockTime(at: j, introduced: true), time.minute != nil
            {
                return time
            }
            return (keyword(j) == .midi ? 12 : 0, 0, j + 1)
        case .noon: return (12, 0, j + 1)
        case .midnight: return (0, 0, j + 1)
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
        } else if shape.suffix == .none, seconds(at: j) != nil {
            hour = shape.values.0  // `18:32:05`
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
                if entry(end).unit == .minute { end += 1 }  // `19 h 21 min`
            }
        } else if shape.isPlain, shape.lengths.0 <= 2, keyword(j + 1) == .am || keyword(j + 1) == .pm {
            hour = shape.values.0  // `5 pm`
        } else if shape.suffix == .am || shape.suffix == .pm, shape.lengths.0 <= 2,
                  shape.groups == 1 || (shape.groups >= 2 && shape.separator == 0x3A && shape.lengths.1 == 2
                      && (shape.groups == 2 || shape.lengths.2 == 2))
        {
            // `8pm`, `7:30am`, `7:56:30pm`, `11p.m.`: the meridiem glued to the number.
            hour = shape.values.0
            if shape.groups >= 2 { minute = shape.values.1 }
            guard (1...12).contains(hour) else { return nil }
            if shape.suffix == .pm, hour < 12 { hour += 12 }
            if shape.suffix == .am, hour == 12 { hour = 0 }
            return minute.map { (0...59).contains($0) } ?? true ? (hour, minute, end) : nil
        } else if shape.isPlain, shape.lengths.0 <= 2, shape.values.0 <= 12, keyword(j + 1) == .du || keyword(j + 1) == .de,
                  let part = partOfDay(at: keyword(j + 2) == .la || keyword(j + 2) == .elidedL ? j + 3 : j + 2),
                  part != "DT"
        {
            // `8 du matin`, `11 du soir`, `3 de l'après-midi`: the part of the day makes the number an hour.
            end = (keyword(j + 2) == .la || keyword(j + 2) == .elidedL ? j + 3 : j + 2) + 1
            hour = Self.hour(shape.values.0, in: part)
            return (hour, nil, end)
        } else {
            return nil
        }
        let meridiem = keyword(end)
        if meridiem == .am || meridiem == .pm {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == .pm, hour < 12 { hour += 12 }
            if meridiem == .am, hour == 12 { hour = 0 }
            end += 1
        } else if hour <= 12 {
            // `8h du soir`, `3h de l'après-midi`, `5h du matin`.
            var k = end
            if keyword(k) == .du { k += 1 } else if keyword(k) == .de, keyword(k + 1) == .elidedL || keyword(k + 1) == .la { k += 2 }
            if k > end, let part = partOfDay(at: k) {
                if part == "AF" || part == "EV", hour < 12 { hour += 12 }
                if part == "MO" || part == "NI", hour == 12 { hour = 0 }
                end = k + 1
            }
        }
        guard (0...23).contains(hour), minute.map({ (0...59).contains($0) }) ?? true else { return nil }
        return (hour, minute, end)
    }

    /// The seconds of a `18:32:05` (or `7:56:30pm`) time at token `j`.
    func seconds(at j: Int) -> Int? {
        guard let shape = number(j), shape.groups == 3, shape.separator == 0x3A,
              shape.lengths.0 <= 2, shape.lengths.1 == 2, shape.lengths.2 == 2, shape.values.2 <= 59
        else { return nil }
        return shape.values.2
    }

    /// The seconds of the time read in tokens `range`, if one of them is a `18:32:05` time.
    func seconds(in range: Range<Int>) -> Int? {
        for k in range where isNumber(k) { if let s = seconds(at: k) { return s } }
        return nil
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

    /// A part of the day at token `j`, bare or in a phrase: `soir`, `le matin`, `dans la soirée`,
    /// `dans la journée`, `en début de matinée`, `au début de la soirée`, `à la fin de l'après-midi`,
    /// `en milieu de journée`, `tôt le matin`, `le matin très tôt`, `dès le matin`. The TIMEX3 code, which part of
    /// it (0 all, 1 start, 2 middle, 3 end; see ``DatePoint/partOfDayHours(_:_:)``) and the end token.
    ///
    /// `standalone` is set when no day comes before: then a bare `le matin`, `le soir` (as often generic, `le
    /// soir, les rues se vident`) is not read as a time.
    func partOfDayPhrase(at j: Int, standalone: Bool = false) -> (code: String, modifier: UInt8, end: Int)? {
        /// `matin`, …, or `journée` (daytime) when `daytime` is allowed.
        func part(_ k: Int, daytime: Bool) -> String? {
            if let code = partOfDay(at: k) { return code }
            return daytime && keyword(k) == .journee ? "DT" : nil
        }
        /// `tôt`, `très tôt` (the start of the part, 1), `tard`, `très tard` (its end, 3) at token `k`, and the end
        /// token; `plus tard` is `later`, not late.
        func earlyOrLate(_ k: Int) -> (modifier: UInt8, end: Int)? {
            let m = keyword(k) == .tres ? k + 1 : k
            switch keyword(m) {
            case .tot: return (1, m + 1)
            case .tard where keyword(k - 1) != .plus: return (3, m + 1)
            default: return nil
            }
        }
        /// `le`, `la`, `l'` at token `k`.
        func article(_ k: Int) -> Bool { keyword(k) == .le || keyword(k) == .la || keyword(k) == .elidedL }
        /// début 1, milieu 2, fin 3.
        func modifier(_ k: Int) -> UInt8? {
            switch keyword(k) {
            case .debut: 1
            case .milieu: 2
            case .fin: 3
            default: nil
            }
        }
        if let code = part(j, daytime: false) {
            if let late = earlyOrLate(j + 1) { return (code, late.modifier, late.end) }  // `matin tôt`, `soir tard`
            return (code, 0, j + 1)
        }
        if let lunch = lunchtime(at: j) { return ("MI", lunch.modifier, lunch.end) }
        if conversational, keyword(j) == .elidedD || keyword(j) == .du, let code = part(j + 1, daytime: false) {
            return (code, 0, j + 2)  // `mardi d'après-midi`, `demain du matin`, in messages
        }
        if conversational, keyword(j) == .le || keyword(j) == .la, earlyOrLate(j + 1) != nil || modifier(j + 1) != nil {
            // In messages: `le tard soirée`, `le fin de nuit`.
            return partOfDayPhrase(at: j + 1, standalone: standalone)
        }
        if let early = earlyOrLate(j) {
            // `tôt le matin`, `très tôt dans la matinée`, `tard dans la nuit`, `tard en soirée`.
            var k = early.end
            if conversational {
                // In messages: `tôt matin`, `tard soirée`, `tôt d'après-midi`.
                var m = k
                if keyword(m) == .de || keyword(m) == .elidedD || keyword(m) == .du { m += 1 }
                if let code = part(m, daytime: false) { return (code, early.modifier, m + 1) }
            }
            if keyword(k) == .en, let code = part(k + 1, daytime: true) { return (code, early.modifier, k + 2) }
            if keyword(k) == .dans { k += 1 }
            guard article(k), let code = part(k + 1, daytime: k > early.end) else { return nil }
            return (code, early.modifier, k + 2)
        }
        switch keyword(j) {
        case .le, .la, .elidedL:
            guard let code = part(j + 1, daytime: false) else { return nil }
            if let late = earlyOrLate(j + 2) { return (code, late.modifier, late.end) }  // `le matin tôt`
            // `le soir` alone is habitual in running text; a string that is a date means this evening.
            return standalone && !readsLoosely ? nil : (code, 0, j + 2)
        case .dans:
            guard article(j + 1), let code = part(j + 2, daytime: true) else { return nil }
            return (code, 0, j + 3)
        case .en:
            // `en soirée`, `en matinée`, `en journée`.
            if let code = part(j + 1, daytime: true) { return (code, 0, j + 2) }
            // `en début de matinée`, `en fin d'après-midi`, `en milieu de journée`.
            guard let m = modifier(j + 1), keyword(j + 2) == .de || keyword(j + 2) == .elidedD,
                  let code = part(j + 3, daytime: true)
            else { return nil }
            return (code, m, j + 4)
        case .au where keyword(j + 1) == .cours:
            // `au cours de la nuit`, `au cours de la matinée`: never generic.
            guard keyword(j + 2) == .de, article(j + 3), let code = part(j + 4, daytime: true) else { return nil }
            return (code, 0, j + 5)
        case .pendant, .durant:
            // `pendant la nuit`, `durant la soirée`.
            guard article(j + 1), let code = part(j + 2, daytime: false) else { return nil }
            return (code, 0, j + 3)
        case .au:
            // `au soir` (`la veille au soir`), `au matin`.
            if let code = part(j + 1, daytime: false) { return standalone ? nil : (code, 0, j + 2) }
            // `au début de la soirée`, `au milieu de l'après-midi`.
            guard let m = modifier(j + 1), m != 3, keyword(j + 2) == .de, article(j + 3),
                  let code = part(j + 4, daytime: true)
            else { return nil }
            return (code, m, j + 5)
        case .debut, .milieu, .fin:
            // After a day, or before one: `lundi fin d'après-midi`, `mardi début de soirée`, `fin de la soirée
            // mardi`.
            // Alone only when no determiner makes it a noun phrase (`une fin de soirée agitée`).
            let determined = entry(j - 1).function || isWord(j - 1) && !tokens[j].has(.sentenceStart)
            guard !standalone || !determined || conversational, let m = modifier(j) else { return nil }
            var k = j + 1
            if keyword(k) == .du { k += 1 }
            else if keyword(k) == .de || keyword(k) == .elidedD { k += article(k + 1) ? 2 : 1 }
            // `fin matinée`, `début nuit` without `de`: in messages only.
            guard k > j + 1 || conversational, let code = part(k, daytime: true) else { return nil }
            return (code, m, k + 1)
        case .a:
            // `à la fin de la journée`, `à la fin de l'après-midi`.
            guard keyword(j + 1) == .la, keyword(j + 2) == .fin, keyword(j + 3) == .de, article(j + 4),
                  let code = part(j + 5, daytime: true)
            else { return nil }
            return (code, 3, j + 6)
        default:
            // `dès le matin`, `dès la matinée`.
            guard isDes(j), article(j + 1), let code = part(j + 2, daytime: false) else { return nil }
            return (code, 0, j + 3)
        }
    }

    /// Lunchtime: `à l'heure du déjeuner`, `pendant le déjeuner`, `au moment du déjeuner` (0), `après (le)
    /// déjeuner` (4), `avant (le) déjeuner` (5).
    func lunchtime(at j: Int) -> (modifier: UInt8, end: Int)? {
        func meal(_ k: Int) -> Int? {
            if keyword(k) == .dejeuner { return k + 1 }
            if keyword(k) == .le || keyword(k) == .du || keyword(k) == .de, keyword(k + 1) == .dejeuner { return k + 2 }
            return nil
        }
        switch keyword(j) {
        case .apres: return meal(j + 1).map { (4, $0) }
        case .avant: return meal(j + 1).map { (5, $0) }
        case .pendant, .durant, .during: return keyword(j + 1) == .le ? meal(j + 1).map { (0, $0) } : nil
        case .au where keyword(j + 1) == .moment: return meal(j + 2).map { (0, $0) }
        case .a where keyword(j + 1) == .elidedL && entry(j + 2).unit == .hour: return meal(j + 3).map { (0, $0) }
        default: return nil
        }
    }

    /// A part of the day standing alone in a phrase that cannot be generic: `dans la soirée`,
    /// `en fin d'après-midi`, `tôt le matin` (a time of day with no date: `TEV`, `TAF`). Bare `le matin` is left
    /// alone.
    func partOfDayMatch(at i: Int) -> DateMatch? {
        let phrase = partOfDay(at: i).map { (code: $0, modifier: UInt8(0), end: i + 1) }
            ?? partOfDayPhrase(at: i, standalone: true)
        if let (code, modifier, end) = phrase, keyword(end) == .du || keyword(end) == .de,
           let date = absoluteDate(at: end + 1), let match = date.withPartOfDay(code, modifier, from: i)
        {
            // `matinée du 15 février`, `dans la soirée du 3 mars 2024`.
            return withTimeAfterPartOfDay(match)
        }
        if let part = partOfDayPhrase(at: i) ?? partOfDayOf(at: i), let day = weekdayOrDay(after: part.end),
           part.end > i + 1 || day.rule == "relative-weekday" || conversational,
           let match = day.withPartOfDay(part.code, part.modifier, from: i)
        {
            // `dans la soirée de mardi`, `en début d'après-midi lundi`, `dans la matinée d'hier`, `fin de matinée
            // mardi`, `de la soirée mardi`.
            return withTimeAfterPartOfDay(match)
        }
        if let early = earlyOrLateDay(at: i) { return early }
        // Alone, a bare part (`soir`) says too little, except `après midi` in two words, in messages.
        guard let part = partOfDayPhrase(at: i, standalone: true), part.end > i + 1 || keyword(i + 1) == .continuation
        else { return nil }
        var point = DatePoint(grain: .hour)
        point.partOfDay = part.code
        point.partModifier = part.modifier
        return withTimeAfterPartOfDay(DateMatch(i, part.end, point: point, confidence: 0.6, rule: "time-part-of-day"))
    }

    /// `de la soirée`, `du matin`, `de l'après-midi` at token `j`: a part of the day read only when a day
    /// follows (`de la soirée mardi`).
    private func partOfDayOf(at j: Int) -> (code: String, modifier: UInt8, end: Int)? {
        var k = j
        if keyword(k) == .du { k += 1 }
        else if keyword(k) == .de, keyword(k + 1) == .la || keyword(k + 1) == .elidedL { k += 2 }
        guard k > j, let code = partOfDay(at: k) else { return nil }
        return (code, 0, k + 1)
    }

    /// `tôt` or `tard` before a day with its part: `tôt ce matin`, `tard mardi soir`, `très tard hier soir` (the
    /// start or the end of that part).
    private func earlyOrLateDay(at i: Int) -> DateMatch? {
        let m = keyword(i) == .tres ? i + 1 : i
        let modifier: UInt8
        switch keyword(m) {
        case .tot: modifier = 1
        case .tard where keyword(i - 1) != .plus: modifier = 3
        default: return nil
        }
        guard var match = relativeMatch(at: m + 1), match.start == m + 1, var point = match.point,
              point.partOfDay != nil, point.hour == nil
        else { return nil }
        point.partModifier = modifier
        match.point = point
        match.start = i
        match.rule += "+early-or-late"
        match.alternatives = point.onEachDay(of: match.alternatives)
        return match
    }

    /// A weekday or a relative day after a part of the day, with or without `de`: `de mardi`, `lundi`, `d'hier`.
    private func weekdayOrDay(after j: Int) -> DateMatch? {
        var k = j
        if keyword(k) == .de || keyword(k) == .du || keyword(k) == .elidedD { k += 1 }
        if let weekday = fullWeekday(k), keyword(k + 1) != .a, keyword(k + 1) != .au {
            return weekdayMatch(k, k + 1, weekday, .inferred, rule: "relative-weekday")
        }
        switch keyword(k) {
        case .hier, .demain, .aujourdhui, .yesterday, .today, .tomorrow:
            guard let day = relativeMatch(at: k), day.point?.grain == .day, day.point?.hasTime == false else { return nil }
            return day
        case .lendemain where conversational:
            return relativeMatch(at: k)  // `nuit lendemain`, in messages
        default:
            return nil
        }
    }

    /// A part of the day followed by a clock time (`ce matin à 8h30`, `dans l'après-midi à 3 heures`): the
    /// clock time is the finer reading, moved to the afternoon or evening when the part says so.
    func withTimeAfterPartOfDay(_ match: DateMatch) -> DateMatch {
        guard var point = match.point, let part = point.partOfDay, point.hour == nil,
              let time = timeField(at: match.end) ?? bareHour(after: match.end)
        else { return match }
        point.hour = Self.hour(time.hour, in: part)
        point.minute = time.minute
        point.second = seconds(in: match.end..<time.end)
        point.partOfDay = nil
        point.partModifier = 0
        point.grain = time.minute == nil ? .hour : .minute
        var match = match
        match.point = point
        match.end = time.end
        match.rule += "+time"
        match.alternatives = point.onEachDay(of: match.alternatives)
        return match
    }

    /// `à 7`, `vers 9`: a bare number after `à`/`vers`, an hour only because a part of the day comes just before
    /// it (`ce soir à 7`, `demain matin vers 9`); not before a noun or a unit (`ce matin à 7 ans`).
    func bareHour(after j: Int) -> (hour: Int, minute: Int?, end: Int)? {
        guard keyword(j) == .a || keyword(j) == .vers, let shape = number(j + 1), shape.isPlain, shape.lengths.0 <= 2,
              shape.values.0 <= 23, entry(j + 2).unit == nil, !nounFollows(j + 1), !isNumber(j + 2),
              punctuation(j + 2) != 0x25
        else { return nil }
        return (shape.values.0, nil, j + 2)
    }

    /// An hour read in a part of the day: `3 heures` in the afternoon is 15:00, `12 heures` at night is 0:00.
    static func hour(_ hour: Int, in part: String) -> Int {
        switch part {
        case "AF", "EV": return hour < 12 ? hour + 12 : hour
        // `8 dans la nuit` is 20:00; `3 heures dans la nuit` is 3:00.
        case "NI": return hour == 12 ? 0 : (6...11).contains(hour) ? hour + 12 : hour
        case "MO": return hour == 12 ? 0 : hour
        default: return hour
        }
    }

    /// Extends a day match with a following time (`à 18h32`, `- 10:48`) or part of the day (`soir`).
    func attachingTime(to match: DateMatch) -> DateMatch {
        guard var point = match.point, point.grain == .day, !point.hasTime else { return match }
        var match = match
        if let time = timeField(at: match.end) {
            point.hour = time.hour
            point.minute = time.minute
            point.second = seconds(in: match.end..<time.end)
            point.grain = time.minute == nil ? .hour : .minute
            match.end = time.end
            match.rule += "+time"
        } else if let part = partOfDayPhrase(at: match.end) {
            point.partOfDay = part.code
            point.partModifier = part.modifier
            point.grain = .hour
            match.end = part.end
            match.rule += "+part-of-day"
            if let time = timeField(at: match.end) ?? bareHour(after: match.end) {
                // `jeudi matin à 9 heures 30`, `mardi soir à 7`: the clock time is the finer reading, in the part.
                point.partOfDay = nil
                point.hour = Self.hour(time.hour, in: part.code)
                point.minute = time.minute
                point.grain = time.minute == nil ? .hour : .minute
                match.end = time.end
                match.rule += "+time"
            }
        } else {
            return match
        }
        match.point = point
        match.kind = .dateTime
        if match.alternatives.count == 1, let value = match.alternatives.first?.value, Self.parseDay(value) != nil {
            // Keep the alternative reading at the same precision as the chosen one.
            match.alternatives = point.onEachDay(of: match.alternatives)
        }
        return match
    }

    /// The day number of a `YYYY-MM-DD` value, if it is one.
    static func parseDay(_ value: String) -> Int? {
        value.utf8.count == 10 ? DatePoint.dayNumber(of: value) : nil
    }

    /// A time standing alone: `à 18h32`, `16h`, `à midi`, `minuit`, `vers environ 5h`; `Midi` capitalised inside
    /// a sentence is a region. A day after it joins it (`8 heures ce soir`, `13h30 samedi 21 septembre`).
    func timeMatch(at i: Int) -> DateMatch? {
        let after = afterTimeIntroducer(i)
        let namedWithMinutes = (keyword(i) == .midi || keyword(i) == .minuit)
            && (keyword(i + 1) == .et || keyword(i + 1) == .moins || count(i + 1) != nil)
            && clockTime(at: i, introduced: true)?.minute != nil
        // `minuit` is always a time; `midi` too in lower case, except the generic meal time (`le repas de midi`,
        // `le midi`); `Midi` inside a sentence or before a name is the south of France (`Midi Libre`).
        let sentenceStart = tokens[i].has(.sentenceStart) || tokens[i].has(.lineStart)
        let generic = keyword(i - 1) == .de || keyword(i - 1) == .du || keyword(i - 1) == .le
        let namedAlone = keyword(i) == .minuit
            || (keyword(i) == .midi && !generic && (!isCapitalized(i) || (sentenceStart && !isCapitalized(i + 1))))
        guard after != nil || tokens[i].kind == .number || namedWithMinutes || namedAlone else { return nil }
        // `1:23:45` alone is as often a race time as a clock time: only after `à`, `at`, `vers`, or with `am`/`pm`.
        if after == nil, seconds(at: i) != nil, number(i)?.suffix == NumberShape.Suffix.none, keyword(i + 1) != .am,
           keyword(i + 1) != .pm
        {
            return nil
        }
        let start = after ?? i
        guard let time = bareTime(at: start) ?? clockTime(at: start, introduced: after != nil) else { return nil }
        var point = DatePoint(grain: time.minute == nil ? .hour : .minute)
        point.hour = time.hour
        point.minute = time.minute
        point.second = seconds(in: start..<time.end)
        var match = DateMatch(start, time.end, point: point, confidence: 0.8, rule: "time")
        if let part = partOfDayPhrase(at: time.end, standalone: true), part.end > time.end + 1 {
            // `à 7 heures dans l'après-midi`, `à 9h dans la matinée`.
            match.point?.hour = Self.hour(time.hour, in: part.code)
            match.end = part.end
            match.rule += "+part-of-day"
        }
        return recurringDay(after: match) ?? withFollowingDay(match)
    }

    /// A bare time followed by its day: a date (`13h30 samedi 21 septembre`), a weekday, or a relative day with
    /// or without a part of it (`8 heures ce soir`, `à 3 heures cet après-midi`, `à 3 heures et quart demain
    /// après-midi`): one date-time, the hour moved to the afternoon or evening when the part says so.
    func withFollowingDay(_ match: DateMatch) -> DateMatch {
        guard var point = match.point, let hour = point.hour, !point.hasDate,
              let day = dayAfterTime(at: match.end, forward: false), let date = day.point
        else { return match }
        var combined = match
        (point.year, point.month, point.day) = (date.year, date.month, date.day)
        if let part = date.partOfDay, (part == "AF" || part == "EV"), hour < 12 { point.hour = hour + 12 }
        combined.point = point
        combined.kind = .dateTime
        combined.end = day.end
        combined.anchor = day.anchor
        combined.flags = day.flags
        combined.confidence = min(day.confidence, 0.85)
        combined.rule += "+day"
        combined.alternatives = point.onEachDay(of: day.alternatives)
        return combined
    }
}

extension DateMatch {
    /// This day match narrowed to a part of the day (`TEV`), starting at token `start`, its alternative days
    /// too; nil when it is not a day without a time.
    func withPartOfDay(_ code: String, _ modifier: UInt8, from start: Int) -> DateMatch? {
        guard var point = self.point, point.grain == .day, !point.hasTime else { return nil }
        point.partOfDay = code
        point.partModifier = modifier
        point.grain = .hour
        var match = self
        match.start = start
        match.point = point
        match.kind = .dateTime
        match.rule += "+part-of-day"
        match.alternatives = point.onEachDay(of: alternatives)
        return match
    }
}
