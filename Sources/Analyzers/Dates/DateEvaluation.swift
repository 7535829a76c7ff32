import CorpusKit
import Foundation

/// Scores a date extractor against the gold files read by ``DateEvaluationData``.
///
/// Each row's text is given to the extractor with the row's reference date as anchor (`base_date`, seconds and
/// UTC offset dropped: the gold values are local wall-clock times), and the expressions found are compared with
/// what the row states. Rows that are a date alone — Duckling's phrases and dateparser's parse cases — go to
/// ``parse`` when there is one (``DateExtractor/parse(_:anchor:)``); the `(all, searched as running text)` lines
/// score them with ``extract`` too. The rules, per file:
///
/// - **duckling** (`duckling instant`, `duckling interval`, `duckling open_interval_after`…): an `instant` row
///   is correct when some expression's interval start or value — or one of its ``TemporalExpression/alternatives``
///   (the other reading of an underspecified expression) — equals `start` at the row's `grain`: only the fields
///   down to the grain are compared (year; year-month; year-month-day for `day` and `week`, the week being named
///   by its Monday; then hour, minute, second, a missing minute or second counting as 0). An `interval` row needs
///   an expression whose interval start and (exclusive) interval end both equal `start` and `end` at the grain.
///   For `open_interval_before`/`_after` the bound (in `start`) must equal the start, end or value of an
///   expression. A `negative` row is correct when nothing is found.
/// - **dateparser**: `absolute`, `partial_or_relative`, `iso8601`, `relative_past`, `relative_future`: an
///   expression's start, value or alternative equals `expected_iso` at the row's `period` (`day`: the date;
///   `week`: the same Monday-to-Sunday week; `month`; `year`; no period: to the minute, or to the day when the
///   expected time is midnight). Rows anchored on the real clock (`(now)`, `days_ago=N`) are anchored on
///   2014-09-01T10:30 (the mocked now of dateparser's freshness tests) and expect that date minus N days.
///   `search`: an expression whose text is `expected_span` (dateparser includes a leading `le`; our span may
///   leave it out) and whose value is right, or a range whose text holds the span and one of whose ends is the
///   date (dateparser lists the two ends of `du 1 septembre 1939 au 2 septembre 1945` as two dates). `search_span`: an expression whose text is the whole string.
///   `negative`: nothing found. `translation` rows assert dateparser's internal French→English translation, not
///   a date: they are skipped (and counted in ``Result/skipped``).
/// - **recognizers** value rows (Parser and Model specs): the `timex` (any of its ` | ` alternatives; a range
///   `(start,end,duration)` is compared as our `start/end`, or as the interval the expression denotes; an open
///   interval `../X` as its bound `X`, which TIMEX3 marks with a modifier) must equal the value or an alternative
///   of some expression, after normalising times (`T22` = `T22:00`; seconds are dropped, since our values stop at the
///   minute). When the timex is underspecified (`XXXX-WXX-3`, `PRESENT_REF`), the past and future readings the
///   spec resolves are accepted too, and for a part of the day (`XXXX-WXX-2TMO`) the resolved day with that part
///   (`2016-11-01TMO`): the two sides give the morning different hours. A time on the row's reference day matches
///   with or without that day (`TEV` = `2016-11-07TEV`). `negative` rows: nothing found. Rows stating a span but
///   no value are skipped. Scores are given for the rows the reference C# implementation passes (`dotnet_passes = yes`: the
///   target), per `kind`, and for all rows.
/// - **recognizers** span rows (Extractor specs): per spec case, the expected spans (text and UTF-16 start, as
///   written) against the text and start of every expression found, as ``CorpusKit/MatchCounts``. A single-type
///   spec (a `DurationExtractor` case, say) lists only spans of its type, so its precision is a lower bound.
///
/// `(all, no alternatives)` lines repeat a total counting only the chosen reading of each expression.
public struct DateEvaluator: Sendable {
    /// Finds the temporal expressions of a text, given the reference date.
    public typealias Extract = @Sendable (_ text: String, _ anchor: PublicationDate?) -> [TemporalExpression]

    /// What the evaluation produced: the report, and the rows that were not scored.
    public struct Result: Sendable {
        /// The scores and the first mismatches of each category.
        public var report: EvaluationReport
        /// Rows not scored, by reason (`dateparser translation`), with their number.
        public var skipped: [(reason: String, rows: Int)]
    }

    /// Reads a string that is one date (``DateExtractor/parse(_:anchor:)``), for the rows that are a date
    /// expression alone (dateparser's parse cases, Duckling's phrases); nil to search those rows like running
    /// text too.
    public typealias Parse = @Sendable (_ text: String, _ anchor: PublicationDate?) -> TemporalExpression?

    /// The extractor under test.
    public var extract: Extract
    /// The parser under test, for rows that are a date alone.
    public var parse: Parse?
    /// The extractor for conversational text (chat, requests to an assistant), which is what Recognizers-Text's
    /// rows are: when set, those rows are scored with it, and the `news register` line keeps ``extract``'s
    /// figure.
    public var conversation: Extract?
    /// How many mismatches to keep per category, for `--explain`.
    public var mismatchesPerCategory: Int

    /// Creates an evaluator of the given extraction function.
    public init(
        mismatchesPerCategory: Int = 10, parse: Parse? = nil, conversation: Extract? = nil,
        extract: @escaping Extract
    ) {
        self.extract = extract
        self.parse = parse
        self.conversation = conversation
        self.mismatchesPerCategory = mismatchesPerCategory
    }

    /// The reference time of dateparser rows anchored on the real clock.
    static let clockAnchor = "2014-09-01T10:30"

    /// Scores the extractor on every file.
    /// - Parameter files: Gold files, in the order their scores should be shown.
    /// - Returns: The report (task `dates`, dataset: the file paths) and the rows skipped.
    public func evaluate(_ files: [DateEvaluationData]) -> Result {
        var state = State(mismatchesPerCategory: mismatchesPerCategory, extract: extract, parse: parse)
        state.conversation = conversation
        for file in files {
            switch file.cases {
            case .duckling(let rows): state.score(duckling: rows)
            case .dateparser(let rows): state.score(dateparser: rows)
            case .recognizers(let rows): state.score(recognizers: rows)
            }
        }
        var report = EvaluationReport(
            task: "dates", dataset: files.map(\.path).joined(separator: ", "), items: state.items)
        report.entries = state.order.map { name in
            if let counts = state.matches[name] { return .init(name: name, score: .matches(counts)) }
            return .init(name: name, score: .accuracy(state.accuracy[name] ?? .init()))
        }
        report.mismatches = state.mismatches
        return Result(report: report, skipped: state.skipped)
    }

    // MARK: - Scoring state

    private struct State {
        let mismatchesPerCategory: Int
        let extract: Extract
        let parse: Parse?
        var conversation: Extract?
        var items = 0
        var order: [String] = []
        var accuracy: [String: AccuracyCounts] = [:]
        var matches: [String: MatchCounts] = [:]
        var mismatches: [EvaluationReport.Mismatch] = []
        var mismatchCount: [String: Int] = [:]
        var skipped: [(reason: String, rows: Int)] = []
        var cache: [String: [TemporalExpression]] = [:]

        init(mismatchesPerCategory: Int, extract: @escaping Extract, parse: Parse?) {
            self.mismatchesPerCategory = mismatchesPerCategory
            self.extract = extract
            self.parse = parse
        }

        /// A row that is a date alone: parsed when there is a parser, else searched.
        mutating func phrase(_ text: String, anchor: PublicationDate?) -> [TemporalExpression] {
            guard let parse else { return expressions(text, anchor: anchor) }
            let key = "parse\u{1}" + (anchor?.iso8601 ?? "") + "\u{1}" + text
            if let found = cache[key] { return found }
            let found = parse(text, anchor).map { [$0] } ?? []
            cache[key] = found
            return found
        }

        mutating func expressions(_ text: String, anchor: PublicationDate?) -> [TemporalExpression] {
            let key = (anchor?.iso8601 ?? "") + "\u{1}" + text
            if let found = cache[key] { return found }
            let found = extract(text, anchor)
            cache[key] = found
            return found
        }

        /// The expressions the conversation extractor finds (the standard one when there is none).
        mutating func conversational(_ text: String, anchor: PublicationDate?) -> [TemporalExpression] {
            guard let conversation else { return expressions(text, anchor: anchor) }
            let key = "conversation\u{1}" + (anchor?.iso8601 ?? "") + "\u{1}" + text
            if let found = cache[key] { return found }
            let found = conversation(text, anchor)
            cache[key] = found
            return found
        }

        mutating func declare(_ name: String) {
            if accuracy[name] == nil && matches[name] == nil { order.append(name) }
        }

        mutating func record(_ name: String, _ correct: Bool) {
            declare(name)
            accuracy[name, default: .init()].record(correct)
        }

        mutating func add(_ name: String, _ counts: MatchCounts) {
            declare(name)
            matches[name, default: .init()] += counts
        }

        mutating func skip(_ reason: String) {
            if let index = skipped.firstIndex(where: { $0.reason == reason }) {
                skipped[index].rows += 1
            } else {
                skipped.append((reason, 1))
            }
        }

        mutating func mismatch(_ category: String, id: String, text: String, expected: String, found: [TemporalExpression]) {
            let count = mismatchCount[category, default: 0]
            guard count < mismatchesPerCategory else { return }
            mismatchCount[category] = count + 1
            mismatches.append(.init(
                id: "\(category): \(id) «\(DateEvaluator.shortened(text))»", expected: expected,
                found: DateEvaluator.describe(found)))
        }

        // MARK: duckling

        mutating func score(duckling rows: [DucklingDateCase]) {
            var total = AccuracyCounts(), strict = AccuracyCounts(), searchedTotal = AccuracyCounts()
            for row in rows {
                items += 1
                let found = phrase(row.text, anchor: DateEvaluator.anchor(row.baseDate))
                let searched = expressions(row.text, anchor: DateEvaluator.anchor(row.baseDate))
                let category = "duckling \(row.kind)"
                let grain = DateEvaluator.Grain(row.grain) ?? .second
                func correct(alternatives: Bool, in found: [TemporalExpression]) -> Bool {
                    switch row.kind {
                    case "negative":
                        return found.isEmpty
                    case "interval":
                        guard let start = row.start.flatMap(EvaluationDateParts.init), let end = row.end.flatMap(EvaluationDateParts.init)
                        else { return false }
                        return found.contains { expression in
                            var readings = [(expression.intervalStart, expression.intervalEnd)]
                            if alternatives { readings += expression.alternatives.map { ($0.intervalStart, $0.intervalEnd) } }
                            return readings.contains { reading in
                                guard let ourStart = reading.0.flatMap(EvaluationDateParts.init),
                                    let ourEnd = reading.1.flatMap(EvaluationDateParts.init)
                                else { return false }
                                return ourStart.matches(start, at: grain) && ourEnd.matches(end, at: grain)
                            }
                        }
                    case "open_interval_before", "open_interval_after":
                        guard let bound = row.start.flatMap(EvaluationDateParts.init) else { return false }
                        return found.contains { expression in
                            DateEvaluator.instants(of: expression, alternatives: alternatives, ends: true)
                                .contains { $0.matches(bound, at: grain) }
                        }
                    default:
                        guard let start = row.start.flatMap(EvaluationDateParts.init) else { return false }
                        return found.contains { expression in
                            DateEvaluator.instants(of: expression, alternatives: alternatives, ends: false)
                                .contains { $0.matches(start, at: grain) }
                        }
                    }
                }
                let isCorrect = correct(alternatives: true, in: found)
                record(category, isCorrect)
                total.record(isCorrect)
                strict.record(correct(alternatives: false, in: found))
                if parse != nil { searchedTotal.record(correct(alternatives: true, in: searched)) }
                if !isCorrect {
                    let expected: String
                    switch row.kind {
                    case "negative": expected = "(nothing)"
                    case "interval": expected = "\(row.start ?? "")/\(row.end ?? "") at \(row.grain)"
                    default: expected = "\(row.start ?? "") at \(row.grain)"
                    }
                    mismatch(category, id: row.id, text: row.text, expected: expected, found: found)
                }
            }
            if !rows.isEmpty { recordTotals("duckling", total: total, strict: strict, searched: searchedTotal) }
        }

        // MARK: dateparser

        mutating func score(dateparser rows: [DateparserDateCase]) {
            var total = AccuracyCounts(), strict = AccuracyCounts(), searchedTotal = AccuracyCounts()
            for row in rows {
                guard row.kind != "translation" else {
                    skip("dateparser translation (asserts dateparser's French→English translation, not a date)")
                    continue
                }
                items += 1
                var anchor = DateEvaluator.anchor(row.baseDate)
                var expectedText = row.expectedISO
                if row.baseDate == "(now)" || (expectedText == nil && DateEvaluator.daysAgo(row.expectedRaw) != nil) {
                    anchor = PublicationDate(iso8601: DateEvaluator.clockAnchor)
                    if expectedText == nil, let days = DateEvaluator.daysAgo(row.expectedRaw),
                        let now = EvaluationDateParts(DateEvaluator.clockAnchor)
                    {
                        expectedText = now.addingDays(-days).iso8601
                    }
                }
                // `search` and `search_span` rows are running text; the others are a date alone, to parse.
                let inText = row.kind == "search" || row.kind == "search_span"
                let found = inText ? expressions(row.text, anchor: anchor) : phrase(row.text, anchor: anchor)
                let searched = expressions(row.text, anchor: anchor)
                let category = "dateparser \(row.kind)"
                let expected = expectedText.flatMap(EvaluationDateParts.init)
                let grain = DateEvaluator.Grain(period: row.period, expected: expected)
                func valueMatches(_ expression: TemporalExpression, alternatives: Bool) -> Bool {
                    guard let expected else { return false }
                    return DateEvaluator.instants(of: expression, alternatives: alternatives, ends: false)
                        .contains { $0.matches(expected, at: grain) }
                }
                func correct(alternatives: Bool, in found: [TemporalExpression]) -> Bool {
                    switch row.kind {
                    case "negative":
                        return found.isEmpty
                    case "search_span":
                        let whole = (row.expectedSpan ?? row.text).trimmingCharacters(in: .whitespaces)
                        return found.contains { $0.text == whole }
                    case "search":
                        let span = row.expectedSpan ?? ""
                        return found.contains { expression in
                            DateEvaluator.sameSearchSpan(expression.text, span)
                                && valueMatches(expression, alternatives: alternatives)
                        } || found.contains { expression in
                            // A date found as one end of a range (`du 1 septembre 1939 au 2 septembre 1945`):
                            // the range's text holds the expected span and one of its ends is the date.
                            guard let expected, expression.kind == .interval, !span.isEmpty,
                                  expression.text.contains(DateEvaluator.withoutArticle(span))
                            else { return false }
                            return expression.value.split(separator: "/").contains { end in
                                EvaluationDateParts(String(end))?.matches(expected, at: grain) == true
                            }
                        }
                    default:
                        return found.contains { valueMatches($0, alternatives: alternatives) }
                    }
                }
                let isCorrect = correct(alternatives: true, in: found)
                record(category, isCorrect)
                total.record(isCorrect)
                strict.record(correct(alternatives: false, in: found))
                if parse != nil { searchedTotal.record(correct(alternatives: true, in: searched)) }
                if !isCorrect {
                    var wanted: String
                    switch row.kind {
                    case "negative": wanted = "(nothing)"
                    case "search_span": wanted = "span «\(row.expectedSpan ?? "")»"
                    default: wanted = "\(expectedText ?? "") at \(grain.rawValue)"
                    }
                    if row.kind == "search" { wanted = "span «\(row.expectedSpan ?? "")» " + wanted }
                    mismatch(category, id: row.id, text: row.text, expected: wanted, found: found)
                }
            }
            if total.total > 0 { recordTotals("dateparser", total: total, strict: strict, searched: searchedTotal) }
        }

        // MARK: recognizers

        mutating func score(recognizers rows: [RecognizersDateCase]) {
            var passes = AccuracyCounts(), passesStrict = AccuracyCounts(), all = AccuracyCounts()
            var passesNews = AccuracyCounts()
            var spanRows: [RecognizersDateCase] = []
            var valueKinds: [String] = []
            var byKind: [String: AccuracyCounts] = [:]
            for row in rows {
                if row.isSpanCase {
                    spanRows.append(row)
                    continue
                }
                let isNegative = row.kind == "negative"
                let expected = DateEvaluator.expectedValues(timex: row.timex, resolution: row.resolution)
                guard isNegative || !expected.isEmpty else {
                    skip("recognizers rows stating a span but no value")
                    continue
                }
                items += 1
                let anchor = DateEvaluator.anchor(row.baseDate)
                let found = conversational(row.text, anchor: anchor)
                let foundInNews = conversation == nil ? found : expressions(row.text, anchor: anchor)
                func correct(alternatives: Bool, in found: [TemporalExpression]) -> Bool {
                    if isNegative { return found.isEmpty }
                    return found.contains { expression in
                        var values = [expression.value]
                        if alternatives { values += expression.alternatives.map(\.value) }
                        // An open interval `../2016-11-08T17:00` is TIMEX3's `2016-11-08T17` with a BEFORE mod.
                        values += values.compactMap(DateEvaluator.openBound)
                        // A time on the reference day is that time with or without the day: `ce soir` is the spec's
                        // `TEV` and our `2016-11-07TEV`; `8 du matin` our `T08:00` and the spec's `2016-11-07T08`.
                        if let day = row.baseDate?.prefix(10), day.count == 10 {
                            // Each end of a range too: `T16:00/T17:00` and `2016-11-07T16:00/2016-11-07T17:00`.
                            values += values.compactMap { value in
                                let parts = value.split(separator: "/", omittingEmptySubsequences: false)
                                let moved = parts.compactMap { part -> String? in
                                    if part.hasPrefix("T") { return String(day) + part }
                                    return part.hasPrefix(day + "T") ? String(part.dropFirst(10)) : nil
                                }
                                return moved.count == parts.count ? moved.joined(separator: "/") : nil
                            }
                        }
                        // A range timex `(1970-01-01,1980-01-01,P10Y)` is what the expression denotes: its interval.
                        values += DateEvaluator.intervalValue(expression.intervalStart, expression.intervalEnd)
                        if alternatives {
                            values += expression.alternatives.flatMap { DateEvaluator.intervalValue($0.intervalStart, $0.intervalEnd) }
                        }
                        return values.contains { expected.contains(DateEvaluator.normalizedValue($0)) }
                    }
                }
                let isCorrect = correct(alternatives: true, in: found)
                all.record(isCorrect)
                if row.dotnetPasses {
                    passes.record(isCorrect)
                    passesStrict.record(correct(alternatives: false, in: found))
                    if conversation != nil { passesNews.record(correct(alternatives: true, in: foundInNews)) }
                    if byKind[row.kind] == nil { valueKinds.append(row.kind) }
                    byKind[row.kind, default: .init()].record(isCorrect)
                }
                if !isCorrect {
                    let category = "recognizers \(row.kind)" + (row.dotnetPasses ? " (dotnet passes)" : " (other specs)")
                    var wanted = isNegative ? "(nothing)" : row.timex ?? ""
                    let readings = expected.subtracting(DateEvaluator.expectedValues(timex: row.timex, resolution: nil))
                    if !readings.isEmpty { wanted += " (or " + readings.sorted().joined(separator: ", ") + ")" }
                    mismatch(category, id: row.id, text: row.text, expected: wanted, found: found)
                }
            }
            if passes.total > 0 || all.total > 0 {
                for kind in valueKinds { record("recognizers \(kind) (dotnet passes)", byKind[kind]!) }
                declare("recognizers (dotnet passes)")
                accuracy["recognizers (dotnet passes)", default: .init()] += passes
                declare("recognizers (dotnet passes, no alternatives)")
                accuracy["recognizers (dotnet passes, no alternatives)", default: .init()] += passesStrict
                if conversation != nil {
                    declare("recognizers (dotnet passes, news register)")
                    accuracy["recognizers (dotnet passes, news register)", default: .init()] += passesNews
                }
                declare("recognizers (all specs)")
                accuracy["recognizers (all specs)", default: .init()] += all
            }
            scoreSpans(spanRows)
        }

        /// The `(all)`, `(all, no alternatives)` and, with a parser, `(all, searched as running text)` lines of a file.
        mutating func recordTotals(_ set: String, total: AccuracyCounts, strict: AccuracyCounts, searched: AccuracyCounts) {
            record("\(set) (all)", total)
            record("\(set) (all, no alternatives)", strict)
            if parse != nil { record("\(set) (all, searched as running text)", searched) }
        }

        mutating func record(_ name: String, _ counts: AccuracyCounts) {
            declare(name)
            accuracy[name, default: .init()] += counts
        }

        struct Span: Hashable {
            var text: String
            var start: Int
        }

        mutating func scoreSpans(_ rows: [RecognizersDateCase]) {
            guard !rows.isEmpty else { return }
            var groups: [String: [RecognizersDateCase]] = [:]
            var sources: [String] = []
            for row in rows {
                let key = row.source.isEmpty ? row.id : row.source
                if groups[key] == nil { sources.append(key) }
                groups[key, default: []].append(row)
            }
            var passes = MatchCounts(), all = MatchCounts()
            for source in sources {
                let group = groups[source]!
                let first = group[0]
                items += group.count
                let gold = group.compactMap { row in
                    row.expectedSpan.map { Span(text: $0, start: row.spanStart ?? 0) }
                }
                let found = conversational(first.text, anchor: DateEvaluator.anchor(first.baseDate))
                let predicted = found.map { Span(text: $0.text, start: DateEvaluator.utf16Start(of: $0, in: first.text)) }
                let counts = MatchCounts(predicted: predicted, gold: gold)
                all += counts
                let passing = group.allSatisfy(\.dotnetPasses)
                if passing { passes += counts }
                if counts.falsePositives > 0 || counts.falseNegatives > 0 {
                    let category = "recognizers spans" + (passing ? " (dotnet passes)" : " (other specs)")
                    let wanted = gold.isEmpty
                        ? "(nothing)" : gold.map { "«\($0.text)»@\($0.start)" }.joined(separator: "; ")
                    mismatch(category, id: first.id, text: first.text, expected: wanted, found: found)
                }
            }
            add("recognizers spans (dotnet passes)", passes)
            add("recognizers spans (all specs)", all)
        }
    }

    // MARK: - Helpers

    /// The granularity a value is compared at.
    enum Grain: String {
        case year, month, week, day, hour, minute, second

        init?(_ name: String) {
            if name == "quarter" {
                self = .month
            } else {
                self.init(rawValue: name)
            }
        }

        /// A dateparser `period`, or, when there is none, the precision of the expected value.
        init(period: String?, expected: EvaluationDateParts?) {
            if let period, let grain = Grain(period) {
                self = grain
            } else if let expected, (expected.hour ?? 0) != 0 || (expected.minute ?? 0) != 0 {
                self = .minute
            } else {
                self = .day
            }
        }
    }

    /// The anchor of a row: its `base_date` without seconds or UTC offset, `nil` when there is none.
    static func anchor(_ baseDate: String?) -> PublicationDate? {
        guard let baseDate else { return nil }
        if baseDate == "(now)" { return PublicationDate(iso8601: clockAnchor) }
        guard var date = PublicationDate(iso8601: baseDate) else { return nil }
        date.utcOffsetMinutes = nil
        return date
    }

    /// `N` in dateparser's `days_ago=N`.
    static func daysAgo(_ raw: String) -> Int? {
        guard raw.hasPrefix("days_ago=") else { return nil }
        return Int(raw.dropFirst("days_ago=".count).trimmingCharacters(in: .whitespaces))
    }

    /// The instants an expression can stand for: its interval start, its value, its alternatives (when asked)
    /// and its interval end (when asked); values that are not calendar dates (`XXXX-03-14`, `P3D`) are left out.
    static func instants(of expression: TemporalExpression, alternatives: Bool, ends: Bool) -> [EvaluationDateParts] {
        var texts: [String] = []
        if let start = expression.intervalStart { texts.append(start) }
        if ends, let end = expression.intervalEnd { texts.append(end) }
        texts.append(expression.value)
        if alternatives {
            for reading in expression.alternatives {
                if let start = reading.intervalStart { texts.append(start) }
                if ends, let end = reading.intervalEnd { texts.append(end) }
                texts.append(reading.value)
            }
        }
        var parts: [EvaluationDateParts] = []
        for text in texts {
            for piece in text.split(separator: "/") {
                if let value = EvaluationDateParts(String(piece)) { parts.append(value) }
                if !ends { break }  // an interval value `a/b` stands for its start
            }
        }
        return parts
    }

    /// A search span without the leading article dateparser includes.
    static func withoutArticle(_ span: String) -> String {
        for article in ["le ", "Le ", "l'", "L'"] where span.hasPrefix(article) { return String(span.dropFirst(article.count)) }
        return span
    }

    /// Whether our text is dateparser's search span, which may include a leading `le`/`Le`.
    static func sameSearchSpan(_ ours: String, _ expected: String) -> Bool {
        if ours == expected { return true }
        for article in ["le ", "Le ", "l'", "L'"] where expected.hasPrefix(article) {
            if ours == String(expected.dropFirst(article.count)) { return true }
        }
        return false
    }

    /// The UTF-16 offset of an expression's start in `text` (how Recognizers-Text counts).
    static func utf16Start(of expression: TemporalExpression, in text: String) -> Int {
        let utf8 = text.utf8
        let offset = min(max(expression.span.start, 0), utf8.count)
        let index = utf8.index(utf8.startIndex, offsetBy: offset)
        return text.utf16.distance(from: text.utf16.startIndex, to: index)
    }

    /// The values a recognizers row accepts, normalised: each timex alternative, and the resolved past and future
    /// readings when the timex is underspecified.
    static func expectedValues(timex: String?, resolution: String?) -> Set<String> {
        var values = Set<String>()
        let timexes = (timex ?? "").components(separatedBy: " | ").map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        for value in timexes { values.insert(normalizedValue(value)) }
        let underspecified = timexes.contains { $0.contains("X") || $0.contains("REF") }
        if underspecified, let resolution {
            let resolved = resolvedValues(resolution)
            values.formUnion(resolved.map(normalizedValue))
            // `XXXX-WXX-2TMO` resolved to a day: that day with the same part of the day (`2016-11-01TMO`), whatever
            // hours each side gives the morning.
            for timex in timexes {
                guard let t = timex.lastIndex(of: "T"), timex.distance(from: t, to: timex.endIndex) == 3 else { continue }
                let part = timex[timex.index(after: t)...]
                guard ["MO", "AF", "EV", "NI", "DT"].contains(part) else { continue }
                for reading in resolved where reading.count >= 10 {
                    values.insert(String(reading.prefix(10)) + "T" + part)
                }
            }
        }
        return values
    }

    /// The readings of a `resolution` field, as TIMEX-like strings (`2016-08-31`, `2016-11-07T05:00/…`).
    static func resolvedValues(_ resolution: String) -> [String] {
        var values: [String] = []
        if resolution.hasPrefix("future=") {
            // `future={json} past={json}`
            var objects: [String] = []
            if let pastRange = resolution.range(of: "} past=") {
                objects.append(String(resolution[resolution.index(resolution.startIndex, offsetBy: 7)...pastRange.lowerBound]))
                objects.append(String(resolution[pastRange.upperBound...]))
            }
            for object in objects {
                guard let data = object.data(using: .utf8),
                    let fields = try? JSONSerialization.jsonObject(with: data) as? [String: String]
                else { continue }
                func time(_ key: String) -> String? { fields[key].map { "T" + $0 } }
                if let date = fields["date"] ?? fields["dateTime"] ?? time("time") {
                    values.append(date)
                }
                if let start = fields["startDate"] ?? fields["startDateTime"] ?? time("startTime"),
                    let end = fields["endDate"] ?? fields["endDateTime"] ?? time("endTime")
                {
                    values.append(start + "/" + end)
                } else if let end = fields["endDate"] ?? fields["endDateTime"] {
                    values.append(end)  // `avant 17h`: an interval open at its start, named by its bound
                } else if let start = fields["startDate"] ?? fields["startDateTime"] {
                    values.append(start)
                }
            }
        } else {
            // `type:value | type:start..end [mod=…]`
            for part in resolution.components(separatedBy: " | ") {
                guard let colon = part.firstIndex(of: ":") else { continue }
                let type = part[..<colon]
                guard ["date", "datetime", "time", "daterange", "datetimerange", "timerange"].contains(String(type))
                else { continue }
                var value = String(part[part.index(after: colon)...])
                if let space = value.range(of: " mod=") { value = String(value[..<space.lowerBound]) }
                let isTime = type == "time" || type == "timerange"
                let pieces = value.components(separatedBy: "..").map { isTime ? "T" + $0 : $0 }
                // `..2016-11-03 17:00:00 mod=before` (`avant 17h`): open at one end, named by its bound.
                let bounds = pieces.filter { !$0.isEmpty && $0 != "T" }
                values.append(bounds.count == pieces.count ? pieces.joined(separator: "/") : bounds.joined())
            }
        }
        return values
    }

    /// A value in comparison form: a range `(a,b,duration)` becomes `a/b`; in each part a space before the time
    /// becomes `T`, the time is `hh:mm` (`T22` → `T22:00`, seconds dropped); letters are upper-cased.
    static func normalizedValue(_ value: String) -> String {
        var text = value.trimmingCharacters(in: .whitespaces)
        if text.hasPrefix("(") && text.hasSuffix(")") {
            let parts = text.dropFirst().dropLast().split(separator: ",", omittingEmptySubsequences: false)
            if parts.count >= 2 { text = parts[0] + "/" + parts[1] }
        }
        return text.split(separator: "/", omittingEmptySubsequences: false).map { part -> String in
            var piece = String(part).uppercased()
            if let duration = canonicalDuration(piece) { return duration }
            // A season of no stated year: TIMEX3's `XXXX-SU` is the spec's `SU`.
            if piece.hasPrefix("XXXX-"), ["SP", "SU", "FA", "WI"].contains(String(piece.dropFirst(5))) {
                return String(piece.dropFirst(5))
            }
            // `2016-11-07 22:00:00` → `2016-11-07T22:00:00`
            if piece.count > 11, piece[piece.index(piece.startIndex, offsetBy: 10)] == " " {
                piece.replaceSubrange(
                    piece.index(piece.startIndex, offsetBy: 10)...piece.index(piece.startIndex, offsetBy: 10), with: "T")
            }
            guard !piece.hasPrefix("P"), let t = piece.firstIndex(of: "T") else { return piece }
            let time = piece[piece.index(after: t)...]
            let fields = time.split(separator: ":", omittingEmptySubsequences: false)
            guard (1...3).contains(fields.count), fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isNumber) })
            else { return piece }
            return piece[...t] + fields[0] + ":" + (fields.count > 1 ? fields[1] : "00")
        }.joined(separator: "/")
    }

    /// A duration in one form whatever its units: `PT1.5H`, `PT90M` and `PT1H30M` are all `P0MT5400S`, `P0.5Y` and
    /// `P6M` both `P6MT0S` (months and seconds are kept apart: a month has no fixed length). Nil when the value is
    /// not a duration with known amounts.
    static func canonicalDuration(_ value: String) -> String? {
        guard value.hasPrefix("P"), value.count > 2 else { return nil }
        var months = 0.0, seconds = 0.0
        var number = ""
        var inTime = false
        for character in value.dropFirst() {
            if character.isNumber || character == "." {
                number.append(character)
                continue
            }
            if character == "T", number.isEmpty, !inTime { inTime = true; continue }
            guard let amount = Double(number) else { return nil }
            number = ""
            switch (character, inTime) {
            case ("Y", false): months += 12 * amount
            case ("M", false): months += amount
            case ("W", false): seconds += 7 * 86_400 * amount
            case ("D", false): seconds += 86_400 * amount
            case ("H", true): seconds += 3_600 * amount
            case ("M", true): seconds += 60 * amount
            case ("S", true): seconds += amount
            default: return nil
            }
        }
        guard number.isEmpty else { return nil }
        func text(_ amount: Double) -> String {
            amount == amount.rounded() ? String(Int(amount)) : String((amount * 1000).rounded() / 1000)
        }
        return "P" + text(months) + "MT" + text(seconds) + "S"
    }

    /// The bound of an open interval value (`../X`, `X/..`), which TIMEX3 writes as `X` with a modifier.
    static func openBound(_ value: String) -> String? {
        if value.hasPrefix("../") { return String(value.dropFirst(3)) }
        if value.hasSuffix("/..") { return String(value.dropLast(3)) }
        return nil
    }

    /// An interval as a range value `start/end`, midnight times left out (`1970-01-01/1980-01-01`); empty when
    /// either end is unknown.
    static func intervalValue(_ start: String?, _ end: String?) -> [String] {
        guard let start, let end else { return [] }
        func trimmed(_ instant: String) -> String { instant.hasSuffix("T00:00") ? String(instant.dropLast(6)) : instant }
        return [trimmed(start) + "/" + trimmed(end)]
    }

    /// `2013-02-12 [relative-today]; …`, or `(nothing)`.
    static func describe(_ expressions: [TemporalExpression]) -> String {
        guard !expressions.isEmpty else { return "(nothing)" }
        return expressions.map { expression in
            var text = "«\(expression.text)» \(expression.value)"
            if let start = expression.intervalStart {
                text += " [\(start)–\(expression.intervalEnd ?? "")]"
            }
            if !expression.alternatives.isEmpty { text += " alt " + expression.alternatives.map(\.value).joined(separator: ",") }
            return text
        }.joined(separator: "; ")
    }

    static func shortened(_ text: String) -> String {
        text.count <= 70 ? text : String(text.prefix(69)) + "…"
    }
}

extension DateEvaluator {
    /// An evaluator of the standard ``DateExtractor``, in the news register, and in the conversation register for
    /// Recognizers-Text's chat and assistant rows.
    public init(mismatchesPerCategory: Int = 10) {
        let extractor = DateExtractor()
        let chat = DateExtractor(register: .conversation)
        self.init(
            mismatchesPerCategory: mismatchesPerCategory, parse: { extractor.parse($0, anchor: $1) },
            conversation: { chat.extract(from: $0, anchor: $1) }
        ) {
            extractor.extract(from: $0, anchor: $1)
        }
    }
}

/// Calendar fields of an ISO 8601 date-time at any precision (`2013`, `2013-02`, `2013-02-12T04:30:00-02:00`);
/// a fraction of a second and a UTC offset are accepted and ignored.
struct EvaluationDateParts: Hashable {
    var year: Int
    var month: Int?
    var day: Int?
    var hour: Int?
    var minute: Int?
    var second: Int?

    init(year: Int, month: Int?, day: Int?, hour: Int? = nil, minute: Int? = nil, second: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    init?(_ text: String) {
        let bytes = Array(text.utf8)
        var i = 0
        func number(_ digits: Int) -> Int? {
            guard i + digits <= bytes.count else { return nil }
            var value = 0
            for byte in bytes[i..<(i + digits)] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                value = value * 10 + Int(byte - 0x30)
            }
            i += digits
            return value
        }
        func consume(_ byte: UInt8) -> Bool {
            guard i < bytes.count && bytes[i] == byte else { return false }
            i += 1
            return true
        }
        guard let year = number(4) else { return nil }
        self.year = year
        if consume(0x2D) {
            guard let month = number(2), (1...12).contains(month) else { return nil }
            self.month = month
            if consume(0x2D) {
                guard let day = number(2), day >= 1, day <= PublicationDate.daysIn(month: month, year: year) else {
                    return nil
                }
                self.day = day
                if consume(0x54) || consume(0x20) {
                    guard let hour = number(2), hour < 24 else { return nil }
                    self.hour = hour
                    if consume(0x3A) {
                        guard let minute = number(2), minute < 60 else { return nil }
                        self.minute = minute
                        if consume(0x3A) {
                            guard let second = number(2), second < 61 else { return nil }
                            self.second = second
                            if consume(0x2E) || consume(0x2C) {
                                while i < bytes.count, bytes[i] >= 0x30, bytes[i] <= 0x39 { i += 1 }
                            }
                        }
                    }
                    if !consume(0x5A), i < bytes.count, bytes[i] == 0x2B || bytes[i] == 0x2D {
                        i += 1
                        guard number(2) != nil else { return nil }
                        _ = consume(0x3A)
                        _ = number(2)
                    }
                }
            }
        }
        guard i == bytes.count else { return nil }
    }

    /// Whether the fields down to `grain` equal those of `expected`. Below the hour, a missing minute or
    /// second counts as 0; a week compares the Mondays of the two dates.
    func matches(_ expected: EvaluationDateParts, at grain: DateEvaluator.Grain) -> Bool {
        guard year == expected.year else { return false }
        if grain == .year { return true }
        guard month == expected.month else { return false }
        if grain == .month { return true }
        if grain == .week {
            guard let ours = dayNumber, let theirs = expected.dayNumber else { return false }
            return Self.monday(ours) == Self.monday(theirs)
        }
        guard day == expected.day else { return false }
        if grain == .day { return true }
        guard let hour, hour == expected.hour else { return false }
        if grain == .hour { return true }
        guard (minute ?? 0) == (expected.minute ?? 0) else { return false }
        if grain == .minute { return true }
        return (second ?? 0) == (expected.second ?? 0)
    }

    /// Days since 1970-01-01, when the date has a day.
    var dayNumber: Int? {
        guard let month, let day else { return nil }
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146097 + doe - 719468
    }

    /// The Monday on or before a day number (1970-01-01 was a Thursday).
    static func monday(_ dayNumber: Int) -> Int {
        let weekday = ((dayNumber + 3) % 7 + 7) % 7  // 0 = Monday
        return dayNumber - weekday
    }

    /// The same time `days` days later (earlier when negative).
    func addingDays(_ days: Int) -> EvaluationDateParts {
        guard let number = dayNumber else { return self }
        // Howard Hinnant's civil_from_days.
        let z = number + days + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let doe = z - era * 146097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return EvaluationDateParts(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
    }

    /// `2014-08-30T10:30` at the fields that are set.
    var iso8601: String {
        func pad(_ value: Int, _ width: Int = 2) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        var text = pad(year, 4)
        guard let month else { return text }
        text += "-" + pad(month)
        guard let day else { return text }
        text += "-" + pad(day)
        guard let hour else { return text }
        text += "T" + pad(hour) + ":" + pad(minute ?? 0)
        if let second, second != 0 { text += ":" + pad(second) }
        return text
    }
}
