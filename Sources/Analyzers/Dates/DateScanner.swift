import CorpusKit

/// What a rule found: a token range and either a calendar point or a ready-made value.
struct DateMatch {
    typealias Kind = TemporalExpression.Kind
    typealias Flag = TemporalExpression.Flag

    /// First token.
    var start: Int
    /// One past the last token.
    var end: Int
    var kind: Kind
    /// The point denoted, for dates and times (and as the parts of intervals).
    var point: DatePoint?
    /// A value that is not a single point (intervals, durations, sets); overrides the point's.
    var value: String?
    /// The granularity when ``value`` is set.
    var grain: TemporalExpression.Granularity?
    var intervalStart: String?
    var intervalEnd: String?
    var anchor: TemporalExpression.Anchor?
    var alternatives: [TemporalExpression.Reading] = []
    var flags: [Flag] = []
    var confidence: Double
    var rule: String

    /// A date or time match of a point.
    init(_ start: Int, _ end: Int, point: DatePoint, confidence: Double = 0.95, rule: String) {
        self.start = start
        self.end = end
        self.point = point
        self.kind = point.hasTime ? (point.hasDate ? .dateTime : .time) : .date
        self.confidence = confidence
        self.rule = rule
    }

    /// A match with its own value.
    init(_ start: Int, _ end: Int, kind: Kind, value: String, grain: TemporalExpression.Granularity,
         confidence: Double, rule: String)
    {
        self.start = start
        self.end = end
        self.kind = kind
        self.value = value
        self.grain = grain
        self.confidence = confidence
        self.rule = rule
    }

    mutating func flag(_ flag: Flag) {
        if !flags.contains(flag) { flags.append(flag) }
    }
}

/// The extractor's working state for one text: the tokens, their lexicon entries, the anchor, and the
/// expressions found so far. Rules are extensions of this type, one file per family.
struct DateScanner {
    let structure: TextStructure
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    /// Lexicon entry of every token (``LexEntry/empty`` for non-words).
    var lex: [LexEntry]
    /// Punctuation byte of every punctuation token (dashes folded to `-`), 0 otherwise.
    var punct: [UInt8]
    let anchorDate: PublicationDate?
    /// The anchor as a day number, when the anchor has a day.
    let anchorDay: Int?
    var results: [TemporalExpression] = []
    /// The last explicit full date found, for weekdays and `la veille` that refer back to it.
    var previousDay: Int?
    /// Whether the text is known to be one date (``DateExtractor/parse(_:anchor:)``): shapes too ambiguous in
    /// running text are read (`le 16`, `17 02`).
    var lenient = false
    /// Whether the text is chat, comments or requests (``DateExtractor/Register/conversation``): loose clock
    /// times are read (`à 7`, `sept trente`, `17 à 18`) and `le 23`, `l'après-midi` alone are dates.
    var conversational = false
    /// Shapes read when the text is one date or conversation: `le 16` alone, `le soir` alone.
    var readsLoosely: Bool { lenient || conversational }

    /// Reads the text as conversation (see ``conversational``); `après midi` written in two words is then the
    /// afternoon, not `after noon`.
    mutating func readConversationally() {
        conversational = true
        for k in 0..<max(0, lex.count - 1) where lex[k].keyword == .apres && lex[k + 1].keyword == .midi {
            lex[k].keyword = .apresMidi
            lex[k + 1] = .empty
            lex[k + 1].keyword = .continuation
        }
    }
    /// Paragraph cursor for the boilerplate flag.
    private var paragraphIndex = 0

    init(structure: TextStructure, bytes: UnsafeBufferPointer<UInt8>, anchor: PublicationDate?) {
        self.structure = structure
        self.bytes = bytes
        self.tokens = structure.tokens
        self.anchorDate = anchor
        if let anchor, let month = anchor.month, let day = anchor.day,
           CalendarMath.isValid(year: anchor.year, month: month, day: day)
        {
            anchorDay = CalendarMath.dayNumber(year: anchor.year, month: month, day: day)
        } else {
            anchorDay = nil
        }
        var lex = [LexEntry](repeating: .empty, count: tokens.count)
        var punct = [UInt8](repeating: 0, count: tokens.count)
        for index in tokens.indices {
            let token = tokens[index]
            switch token.kind {
            case .word:
                let start = token.span.start, end = token.span.end
                // Cheap pre-filter: no date word is longer than 16 folded bytes (48 raw bytes at worst).
                guard end - start <= 48, let (word, period) = FoldedWord.fold(bytes, start, end) else { continue }
                lex[index] = DateLexicon.entry(word, period: period)
            case .punctuation:
                let start = token.span.start
                guard start < bytes.count else { continue }
                let b = bytes[start]
                if b == 0xE2, start + 2 < bytes.count, bytes[start + 1] == 0x80,
                   (0x90...0x95).contains(bytes[start + 2])
                {
                    punct[index] = 0x2D  // ‐ ‑ ‒ – — ―
                } else if b < 0x80 {
                    punct[index] = b
                }
            default:
                break
            }
        }
        self.lex = lex
        self.punct = punct
    }

    // MARK: - Token helpers (all safe out of range)

    var count: Int { tokens.count }

    func entry(_ i: Int) -> LexEntry { i >= 0 && i < lex.count ? lex[i] : .empty }
    func keyword(_ i: Int) -> DateKeyword { entry(i).keyword }
    func punctuation(_ i: Int) -> UInt8 { i >= 0 && i < punct.count ? punct[i] : 0 }
    func isWord(_ i: Int) -> Bool { i >= 0 && i < count && tokens[i].kind == .word }
    func isNumber(_ i: Int) -> Bool { i >= 0 && i < count && tokens[i].kind == .number }
    func isCapitalized(_ i: Int) -> Bool { i >= 0 && i < count && tokens[i].has(.capitalized) }

    /// Whether token `i` is glued to the one before it (no space, no line break).
    func isAttached(_ i: Int) -> Bool {
        i > 0 && i < count && !tokens[i].has(.spaceBefore) && !tokens[i].has(.lineStart)
    }

    /// The ASCII letters of token `i`, lower-cased (empty out of range), to tell English words from French ones
    /// that fold alike.
    func lowercased(_ i: Int) -> [UInt8] {
        guard i >= 0, i < count else { return [] }
        var word: [UInt8] = []
        for k in tokens[i].span.start..<tokens[i].span.end where bytes[k] < 0x80 { word.append(bytes[k] | 0x20) }
        return word
    }

    /// The shape of a number token.
    func number(_ i: Int) -> NumberShape? {
        guard isNumber(i) else { return nil }
        return NumberShape(bytes, tokens[i].span.start, tokens[i].span.end)
    }

    /// A four-digit year token (1000…2999).
    func year(_ i: Int) -> Int? { number(i)?.year }

    /// A plain integer token or a number word, and the count it gives.
    func count(_ i: Int) -> Int? {
        if let shape = number(i) { return shape.isPlain && shape.lengths.0 <= 6 ? shape.values.0 : nil }
        let n = entry(i).number
        return n >= 0 ? Int(n) : nil
    }

    /// Whether a noun-like word follows token `i`: a lower-case or capitalised word that is not a function
    /// word, a month or a date keyword. Used to tell `en 2019,` from `2019 soldats`.
    func nounFollows(_ i: Int) -> Bool {
        let j = i + 1
        guard isWord(j), !tokens[j].has(.lineStart) else { return false }
        let e = entry(j)
        if e.function || e.month != 0 || e.keyword == .last || e.keyword == .next || e.keyword == .continuation {
            return false
        }
        return true
    }

    var publicationAnchor: TemporalExpression.Anchor? {
        anchorDate.map { TemporalExpression.Anchor(source: "publication", value: $0.iso8601) }
    }

    // MARK: - Driver

    /// Scans every token once; a rule that matches consumes its tokens.
    mutating func run() {
        var i = 0
        while i < count {
            if let skip = filteredEnd(at: i) {
                i = max(skip, i + 1)
                continue
            }
            if let match = match(at: i) {
                emit(match)
                i = max(match.end, i + 1)
            } else {
                i += 1
            }
        }
    }

    /// The first rule family that matches at token `i`, by priority.
    func match(at i: Int) -> DateMatch? {
        let kind = tokens[i].kind
        guard kind == .word || kind == .number else { return nil }
        let e = lex[i]
        if kind == .word {
            // Most words are not date words at all, and the commonest date keywords (`le`, `de`, `en`, `the`)
            // start an expression only before a number or another date word: skip them before trying any rule.
            guard e.isDateWord else {
                // `peu près 11`, `dqp`, `asap` in messages.
                guard conversational else { return nil }
                return aboutness(at: i) ? conversationMatch(at: i) : assoonAsPossible(at: i)
            }
            if e.function, e.keyword != .none, !isNumber(i + 1), !entry(i + 1).isDateWord {
                return conversational && isDes(i) ? assoonAsPossible(at: i) : nil  // `dès que possible`
            }
            switch e.keyword {
            // Words that only continue an expression (`plus tard`, `mardi gras`, `fête du travail`): common
            // words such as `plus` must not run every rule.
            case .tard where keyword(i - 1) == .plus:
                return nil
            case .plus, .gras, .saint, .travail, .alentours, .ya, .later, .earlier, .auparavant, .moins,
                 .demi, .quart, .h, .am, .pm, .et, .and, .of, .y, .est:
                return nil
            case .tres where keyword(i + 1) != .tot && keyword(i + 1) != .tard:
                return nil
            case .periodicAdjective where !conversational, .continuation:
                return nil
            default:
                break
            }
        }
        // Holiday names are rare: only words that can start one try the rule.
        if e.keyword == .holidayStart { return holidayMatch(at: i) }
        let holiday = e.holiday != nil || e.keyword == .nouvel || e.keyword == .fete || e.keyword == .reveillon
            || e.weekday != 0
            || (e.unit == .day && keyword(i + 1) == .de)
        // Ranked parts of a month and `la semaine du`, `le mois de`: after an article or a rank.
        let ranked = e.keyword == .le || e.keyword == .la || e.keyword == .au || e.keyword == .the
            || e.keyword == .last || e.ordinal != 0 || (isNumber(i) && entry(i + 1).unit != nil)
            || e.unit == .week || e.unit == .month
        // Loose clock times first in conversation: `de 5 à 7 demain` is a range of hours there, not of days.
        if conversational, let match = conversationMatch(at: i) { return match }
        if let match = intervalMatch(at: i) ?? durationOrSetMatch(at: i) { return match }
        if holiday, let match = holidayMatch(at: i) { return match }
        if ranked, let match = ordinalMatch(at: i) { return match }
        if let match = absoluteMatch(at: i) ?? relativeMatch(at: i) ?? coarseMatch(at: i) { return match }
        return clockMatch(at: i) ?? bareDurationMatch(at: i) ?? partOfDayMatch(at: i) ?? timeMatch(at: i)
    }

    /// Turns a match into an expression and records it.
    mutating func emit(_ match: DateMatch) {
        guard match.start >= 0, match.end <= count, match.start < match.end else { return }
        var match = match
        if match.end < count, keyword(match.end) == .continuation { match.end += 1 }  // `après| midi`
        let span = TextSpan(start: tokens[match.start].span.start, end: tokens[match.end - 1].span.end)
        let point = match.point
        if var onAnchorDay = point, onAnchorDay.hasTime, !onAnchorDay.hasDate, match.value == nil,
           match.intervalStart == nil, let anchorDay
        {
            // A bare time: its interval is on the anchor's day (the value keeps no date); midnight named as such
            // (`à minuit`, `minuit trois`) is the one that ends that day.
            let midnight = (match.start..<match.end).contains { keyword($0) == .minuit || keyword($0) == .midnight }
            let day = CalendarMath.civil(anchorDay + (midnight && onAnchorDay.hour == 0 ? 1 : 0))
            (onAnchorDay.year, onAnchorDay.month, onAnchorDay.day) = (day.year, day.month, day.day)
            if let bounds = onAnchorDay.bounds {
                match.intervalStart = bounds.start
                match.intervalEnd = bounds.end
                match.anchor = match.anchor ?? publicationAnchor
                match.flag(.dayFromAnchor)
            }
        }
        var expression = TemporalExpression(
            span: span, text: String(structure.text(of: span)), kind: match.kind,
            value: match.value ?? point?.value ?? "", granularity: match.grain ?? point?.grain ?? .day,
            intervalStart: match.intervalStart ?? point?.bounds?.start,
            intervalEnd: match.intervalEnd ?? point?.bounds?.end, anchor: match.anchor,
            alternatives: match.alternatives, flags: match.flags, confidence: match.confidence, rule: match.rule)
        if looksLikeBoilerplate(match.start) { expression.flags.append(.boilerplate) }
        results.append(expression)
        if match.value == nil, let day = point?.dayNumber, match.rule.hasPrefix("absolute")
            || match.rule.hasPrefix("numeric")
        {
            previousDay = day
        }
    }

    /// A short line (at most 12 tokens) that does not end with sentence punctuation: a byline, a dateline, a
    /// menu entry. Paragraphs are visited in order, so the cursor only moves forward.
    private mutating func looksLikeBoilerplate(_ token: Int) -> Bool {
        let paragraphs = structure.paragraphs
        while paragraphIndex < paragraphs.count, paragraphs[paragraphIndex].tokens.upperBound <= token {
            paragraphIndex += 1
        }
        guard paragraphIndex < paragraphs.count else { return false }
        let range = paragraphs[paragraphIndex].tokens
        guard range.contains(token), range.count <= 12, let last = range.last, last < count else { return false }
        return !tokens[last].has(.terminal)
    }
}
