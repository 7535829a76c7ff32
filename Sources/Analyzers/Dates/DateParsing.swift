import CorpusKit
import Foundation

/// Parsing a string that is itself a date: a dateline, the `date` field of scraped records, a comment's age.
extension DateExtractor {
    /// Reads a string that is one date or timestamp: `Publié le 12 - 02 - 2021`, `jeudi 04 novembre 2021 à
    /// 18h32`, `le 16 vers 6h dans la soirée`, or an age as pages and feeds print them: `il y a 2 heures`,
    /// `moins de 21 min`, `1 an 2 mois`, `3 days ago`, `en 2 heures`.
    ///
    /// ``extract(from:anchor:)`` searches running text and leaves ambiguous shapes alone; parsing knows the string
    /// is a date, so it reads them: `le 16` is the nearest 16th (past-biased, the other kept as alternative),
    /// `17 02` is 17 February, the parts of the string are joined into one expression (`le 16 vers 6h dans la
    /// soirée` is the 16th at 18:00), and a bare duration is an age — that long before `anchor` (after it with
    /// `en`, `dans`, `in`).
    ///
    /// ```swift
    /// let now = PublicationDate(iso8601: "2024-03-15T10:30")
    /// DateExtractor().parse("il y a 2 heures", anchor: now)?.value   // "2024-03-15T08:30"
    /// DateExtractor().parse("le 16", anchor: now)?.value             // "2024-02-16"
    /// ```
    /// - Returns: One expression for the whole string, or nil when it holds no date.
    /// - Complexity: O(n) in the length of the string.
    public func parse(_ text: String, anchor: PublicationDate?) -> TemporalExpression? {
        let structure = TextStructure(analyzing: text)
        if let age = DateAge(structure).expression(anchor: anchor) { return age }
        var copy = structure.text
        let found = copy.withUTF8 { bytes -> [TemporalExpression] in
            var scanner = DateScanner(structure: structure, bytes: bytes, anchor: anchor)
            scanner.lenient = true
            if register == .conversation { scanner.readConversationally() }
            scanner.run()
            return scanner.results
        }
        guard var result = found.first else { return nil }
        var rest: [TemporalExpression] = []
        for next in found.dropFirst() {
            if let joined = Self.joining(result, next, in: structure) { result = joined } else { rest.append(next) }
        }
        // What was not joined: the expression covering most of the string is the date.
        result = ([result] + rest).max { $0.span.end - $0.span.start < $1.span.end - $1.span.start } ?? result
        if result.kind == .duration, let age = DateAge.shifting(result, in: structure, anchor: anchor) { return age }
        return result
    }

    /// A date followed by its time (`le 16 … vers 18h`), or a time followed by its part of the day (`vers 6h dans
    /// la soirée`), as one expression; nil when the two do not combine.
    static func joining(_ first: TemporalExpression, _ next: TemporalExpression, in structure: TextStructure)
        -> TemporalExpression?
    {
        var point: DatePoint
        let value = first.value
        if value.count == 10, let day = DatePoint.dayNumber(of: value), next.value.hasPrefix("T"),
           let (hour, minute) = clock(next.value)
        {
            point = .day(day)
            point.hour = hour
            point.minute = minute
            point.grain = next.granularity == .hour ? .hour : .minute
        } else if value.count >= 13, let day = DatePoint.dayNumber(of: String(value.prefix(10))),
                  let (hour, minute) = clock(String(value.dropFirst(10))), next.value.hasPrefix("T"),
                  next.kind == .time, let part = partOfDay(next.value)
        {
            point = .day(day)
            point.hour = DateScanner.hour(hour, in: part)
            point.minute = minute
            point.grain = first.granularity
        } else {
            return nil
        }
        var joined = first
        joined.span = TextSpan(start: first.span.start, end: next.span.end)
        joined.text = String(structure.text(of: joined.span))
        joined.kind = .dateTime
        joined.value = point.value
        joined.granularity = point.grain
        joined.intervalStart = point.bounds?.start
        joined.intervalEnd = point.bounds?.end
        joined.alternatives = first.alternatives.compactMap { reading in
            guard let day = DatePoint.dayNumber(of: String(reading.value.prefix(10))) else { return nil }
            var other = DatePoint.day(day)
            (other.hour, other.minute, other.grain) = (point.hour, point.minute, point.grain)
            return other.reading
        }
        joined.flags = first.flags.filter { $0 != .dayFromAnchor }
        joined.rule = first.rule + "+" + next.rule
        return joined
    }

    /// The hour and minute of a `T18`, `T18:32` or `T18:32:05` value.
    private static func clock(_ value: String) -> (Int, Int?)? {
        let digits = value.dropFirst().split(separator: ":")
        guard value.hasPrefix("T"), let first = digits.first, let hour = Int(first) else { return nil }
        return (hour, digits.count > 1 ? Int(digits[1]) : nil)
    }

    /// The part of the day of a `TEV`, `TAF`, `TMO`, `TNI` value.
    private static func partOfDay(_ value: String) -> String? {
        let code = String(value.dropFirst())
        return ["MO", "AF", "EV", "NI"].contains(code) ? code : nil
    }
}

/// An age as pages and feeds print it (`il y a 2 heures`, `moins de 21 min`, `1 an 2 mois`, `3 days ago`,
/// `en 2 heures`), read word by word: an optional lead (`il y a`, `moins de`, `environ`, `en`, `dans`, `in`),
/// amounts with their units (`2 heures`, `21min`, `3j`, `une semaine`), an optional `ago`.
struct DateAge {
    let structure: TextStructure
    /// Folded words and numbers of the string, punctuation left out.
    let words: [String]

    init(_ structure: TextStructure) {
        self.structure = structure
        let tokens = structure.tokens.lazy.filter { $0.kind == .word || $0.kind == .number }.prefix(17)
        // An age is a few words: a longer string is not one, and is not folded word by word.
        guard tokens.count <= 16 else {
            words = []
            return
        }
        words = tokens.map { token in
            String(structure.text(of: token.span)).folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
                .replacingOccurrences(of: "’", with: "'")
        }
    }

    /// Units by the words and abbreviations that name them.
    static let units: [String: Calendar.Component] = {
        var units: [String: Calendar.Component] = [:]
        for (component, names) in [
            (Calendar.Component.second, ["s", "sec", "secs", "seconde", "secondes", "second", "seconds"]),
            (.minute, ["m", "mn", "min", "mins", "minute", "minutes"]),
            (.hour, ["h", "hr", "hrs", "heure", "heures", "hour", "hours"]),
            (.day, ["j", "d", "jour", "jours", "day", "days"]),
            (.weekOfYear, ["sem", "semaine", "semaines", "w", "week", "weeks"]),
            (.month, ["mois", "month", "months"]),
            (.year, ["an", "ans", "annee", "annees", "y", "year", "years"]),
        ] {
            for name in names { units[name] = component }
        }
        return units
    }()

    static let englishUnits: Set<String> = ["second", "seconds", "minute", "minutes", "hour", "hours", "day", "days",
                                             "week", "weeks", "month", "months", "year", "years"]

    static let numberWords: [String: Int] = [
        "un": 1, "une": 1, "a": 1, "an": 1, "one": 1, "deux": 2, "two": 2, "trois": 3, "three": 3, "quatre": 4,
        "four": 4, "cinq": 5, "five": 5, "six": 6, "sept": 7, "seven": 7, "huit": 8, "eight": 8, "neuf": 9,
        "nine": 9, "dix": 10, "ten": 10,
    ]

    /// Words that may open an age, longest first: past unless `en`, `dans`, `in`.
    static let leads: [([String], Bool)] = [
        (["il", "y", "a", "moins", "de"], false), (["il", "y", "a", "plus", "de"], false), (["il", "y", "a"], false),
        (["moins", "de"], false), (["plus", "de"], false), (["less", "than"], false), (["environ"], false),
        (["about"], false), (["en"], true), (["dans"], true), (["in"], true),
    ]

    /// The amounts and the direction (true: after the anchor), when the whole string is an age.
    func amounts() -> (amounts: [(Int, Calendar.Component)], future: Bool)? {
        var i = 0
        var future = false
        for (lead, ahead) in Self.leads where words.count > lead.count && Array(words[0..<lead.count]) == lead {
            i = lead.count
            future = ahead
            break
        }
        var end = words.count
        let ago = end > i && words[end - 1] == "ago"
        if ago {
            guard !future else { return nil }
            end -= 1
        }
        var amounts: [(Int, Calendar.Component)] = []
        while i < end {
            let word = words[i]
            if word == "et" || word == "and" { i += 1; continue }
            // `21min`, `3j`, `2h`: the amount and its unit glued.
            let digits = word.prefix { $0.isASCII && $0.isNumber }
            if !digits.isEmpty, digits.count < word.count, let n = Int(digits),
               let unit = Self.units[String(word.dropFirst(digits.count))]
            {
                amounts.append((n, unit))
                i += 1
                continue
            }
            guard i + 1 < end, let n = Int(word) ?? Self.numberWords[word], let unit = Self.units[words[i + 1]],
                  words[i + 1].count > 1 || !digits.isEmpty,
                  // English `ago` after English units only (`4 heures ago` mixes two languages).
                  !ago || Self.englishUnits.contains(words[i + 1])
            else { return nil }
            amounts.append((n, unit))
            i += 2
        }
        guard !amounts.isEmpty else { return nil }
        // A lone `21h` with no lead is a clock time, not an age; a bare `en 2021` is a year.
        if amounts.count == 1, i == words.count, words.count == 1, amounts[0].1 == .hour { return nil }
        return (amounts, future)
    }

    /// The instant of the age before (after) the anchor, as an expression; nil when the string is not an age.
    func expression(anchor: PublicationDate?) -> TemporalExpression? {
        guard let (amounts, future) = amounts(), let anchor else { return nil }
        return Self.instant(amounts, future: future, anchor: anchor, structure: structure, rule: "parse-age")
    }

    /// A duration the scanner found (`1 an 2 mois` → `P1Y2M`) as an age, when the string is that duration alone.
    static func shifting(_ duration: TemporalExpression, in structure: TextStructure, anchor: PublicationDate?)
        -> TemporalExpression?
    {
        // Only a bare amount of time: `les 3 derniers jours` already has its interval, back from the anchor.
        guard let anchor, duration.intervalStart == nil, let amounts = amounts(ofISO: duration.value) else { return nil }
        let first = structure.tokens.first { $0.kind == .word || $0.kind == .number }
        let lead = first.map { String(structure.text(of: $0.span)).lowercased() } ?? ""
        let future = ["en", "dans", "in"].contains(lead) && first.map { $0.span.start < duration.span.start } == true
        guard ["pendant", "durant", "pour", "depuis", "for", "during", "since"].contains(lead) == false else { return nil }
        // The duration must be the whole string but for its lead (`15h passé de 15 minutes` is not an age).
        let outside = structure.tokens.filter { token in
            (token.kind == .word || token.kind == .number)
                && (token.span.end <= duration.span.start || token.span.start >= duration.span.end)
        }
        let leadWords: Set<String> = ["en", "dans", "in", "il", "y", "a", "environ", "about", "ago", "moins", "de"]
        guard outside.allSatisfy({ leadWords.contains(String(structure.text(of: $0.span)).lowercased()) }) else {
            return nil
        }
        return instant(amounts, future: future, anchor: anchor, structure: structure, rule: "parse-age")
    }

    /// The amounts of an ISO 8601 duration (`P1Y9M7D`, `PT2H30M`).
    static func amounts(ofISO value: String) -> [(Int, Calendar.Component)]? {
        guard value.hasPrefix("P") else { return nil }
        var amounts: [(Int, Calendar.Component)] = []
        var number = ""
        var time = false
        for character in value.dropFirst() {
            if character == "T" { time = true; continue }
            if character.isNumber { number.append(character); continue }
            guard let n = Int(number) else { return nil }
            number = ""
            switch character {
            case "Y": amounts.append((n, .year))
            case "M": amounts.append((n, time ? .minute : .month))
            case "W": amounts.append((n, .weekOfYear))
            case "D": amounts.append((n, .day))
            case "H": amounts.append((n, .hour))
            case "S": amounts.append((n, .second))
            default: return nil
            }
        }
        return amounts.isEmpty ? nil : amounts
    }

    /// The anchor moved by the amounts, at the grain of the finest unit.
    static func instant(_ amounts: [(Int, Calendar.Component)], future: Bool, anchor: PublicationDate,
                        structure: TextStructure, rule: String) -> TemporalExpression?
    {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(secondsFromGMT: 0)!
        let start = DateComponents(year: anchor.year, month: anchor.month ?? 1, day: anchor.day ?? 1,
                                   hour: anchor.hour ?? 0, minute: anchor.minute ?? 0)
        guard var date = calendar.date(from: start) else { return nil }
        for (n, unit) in amounts {
            guard let moved = calendar.date(byAdding: unit, value: future ? n : -n, to: date) else { return nil }
            date = moved
        }
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard let year = c.year, let month = c.month, let day = c.day else { return nil }
        var point = DatePoint(grain: .day, year: year, month: month, day: day)
        let finest = amounts.map(\.1)
        if finest.contains(.hour) || finest.contains(.minute) || finest.contains(.second) {
            point.hour = c.hour
            point.minute = c.minute
            point.grain = finest.contains(.minute) || finest.contains(.second) ? .minute : .hour
            if finest.contains(.second) { point.second = c.second }
        }
        let span = TextSpan(start: structure.tokens.first?.span.start ?? 0, end: structure.tokens.last?.span.end ?? 0)
        return TemporalExpression(
            span: span, text: String(structure.text(of: span)), kind: point.hasTime ? .dateTime : .date,
            value: point.value, granularity: point.grain, intervalStart: point.bounds?.start,
            intervalEnd: point.bounds?.end, anchor: .init(source: "given", value: anchor.iso8601), confidence: 0.8,
            rule: future ? rule + "-ahead" : rule)
    }
}
