import CorpusKit
import CorpusKitAnalyzers
import Foundation
import Testing

/// A stand-in extractor: returns the expressions listed for a text, and remembers the anchors it was given.
private final class StubExtractor: @unchecked Sendable {
    private let table: [String: [TemporalExpression]]
    private let lock = NSLock()
    private var seen: [String: String] = [:]

    init(_ table: [String: [TemporalExpression]]) { self.table = table }

    func extract(_ text: String, _ anchor: PublicationDate?) -> [TemporalExpression] {
        lock.withLock { seen[text] = anchor?.iso8601 ?? "(none)" }
        return table[text] ?? []
    }

    func anchor(of text: String) -> String? { lock.withLock { seen[text] } }

    var evaluator: DateEvaluator { DateEvaluator { [self] in extract($0, $1) } }
}

/// An expression for `phrase` inside `sentence`.
private func expression(
    _ phrase: String, in sentence: String, _ value: String, kind: TemporalExpression.Kind = .date,
    granularity: TemporalExpression.Granularity = .day, start: String? = nil, end: String? = nil,
    alternatives: [String] = []
) -> TemporalExpression {
    let range = sentence.range(of: phrase)!
    return TemporalExpression(
        span: TextSpan(range, in: sentence), text: phrase, kind: kind, value: value, granularity: granularity,
        intervalStart: start, intervalEnd: end, alternatives: alternatives.map { .init(value: $0) }, rule: "stub")
}

private func accuracy(_ report: EvaluationReport, _ name: String) -> AccuracyCounts? {
    if case .accuracy(let counts)? = report.score(name) { return counts }
    return nil
}

private func matches(_ report: EvaluationReport, _ name: String) -> MatchCounts? {
    if case .matches(let counts)? = report.score(name) { return counts }
    return nil
}

@Suite("Date evaluation data")
struct DateEvaluationDataTests {
    @Test func ducklingFormatIsRecognisedFromItsHeader() throws {
        let tsv = """
            id\ttext\tstart\tend\tgrain\tkind\tholiday\tbase_date\tsource
            t-1\tlundi prochain\t2021-06-14T00:00:00\t\tday\tinstant\t\t2021-06-09T15:45:00+02:00\tmine
            t-2\t"elle a dit ""demain""\"\t2021-06-10T00:00:00\t\tday\tinstant\t\t2021-06-09T15:45:00+02:00\tmine

            """
        let data = try DateEvaluationData.parse(tsv, path: "mine.tsv")
        #expect(data.format == .duckling)
        guard case .duckling(let rows) = data.cases else { Issue.record("not duckling"); return }
        #expect(rows.count == 2)
        #expect(rows[1].text == "elle a dit \"demain\"")
        #expect(rows[1].line == 3)
        #expect(rows[0].end == nil)
        #expect(rows[0].grain == "day")
    }

    @Test func quotedFieldsMaySpanLinesAndFilesMayUseCRLF() throws {
        let tsv = "id\ttext\texpected_iso\texpected_span\tbase_date\tkind\tperiod\texpected_raw\tsettings\tsource\r\n"
            + "p-1\t\"ligne un\nligne deux\"\t2020-01-05T00:00:00\t\t2020-02-01T00:00:00\tabsolute\tday\traw\t\tmine\r\n"
            + "p-2\tpas de date\t\t\t\tnegative\t\tnone\t\tmine\r\n"
        let data = try DateEvaluationData.parse(tsv, path: "dp.tsv")
        guard case .dateparser(let rows) = data.cases else { Issue.record("not dateparser"); return }
        #expect(rows.map(\.text) == ["ligne un\nligne deux", "pas de date"])
        #expect(rows.map(\.line) == [2, 4])
        #expect(rows[1].expectedISO == nil)
        #expect(rows[0].period == "day")
    }

    @Test func recognizersRowsAreValueOrSpanRowsByTheirSpec() throws {
        let tsv = """
            id\ttext\texpected_span\tspan_start\ttype\ttimex\tresolution\tbase_date\tdotnet_passes\tkind\tspec\tsource
            r-1\tOn part jeudi\tjeudi\t8\tdate\tXXXX-WXX-4\t"future={""date"": ""2022-03-10""} past={""date"": ""2022-03-03""}"\t2022-03-07T00:00:00\tyes\tdate\tDateParser\ta#0
            r-2\tOn part jeudi\tjeudi\t8\tdate\t\t\t\tno\tdate\tDateExtractor\tb#0
            """
        let data = try DateEvaluationData.parse(tsv, path: "rt.tsv")
        guard case .recognizers(let rows) = data.cases else { Issue.record("not recognizers"); return }
        #expect(rows[0].resolution == #"future={"date": "2022-03-10"} past={"date": "2022-03-03"}"#)
        #expect(rows[0].dotnetPasses && !rows[1].dotnetPasses)
        #expect(!rows[0].isSpanCase && rows[1].isSpanCase)
        #expect(rows[0].spanStart == 8)
    }

    @Test(arguments: [
        ("id\ttext\n1\tx\n", "bad.tsv:1", "unrecognised header"),
        (
            "id\ttext\tstart\tend\tgrain\tkind\tholiday\tbase_date\tsource\nd-1\thier\t2021-01-01\n",
            "bad.tsv:2", "expected 9 tab-separated fields, found 3"
        ),
        (
            "id\ttext\tstart\tend\tgrain\tkind\tholiday\tbase_date\tsource\nd-1\thier\tlundi\t\tday\tinstant\t\t\ts\n",
            "bad.tsv:2", "'start' is not an ISO 8601 date-time"
        ),
        (
            "id\ttext\tstart\tend\tgrain\tkind\tholiday\tbase_date\tsource\nd-1\thier\t2021-01-01\t\tday\tinstant\t\t\ts\n"
                + "d-2\t\"hier\t2021-01-01\t\tday\tinstant\t\t\ts\n",
            "bad.tsv:3", "a quoted field is not closed"
        ),
        ("", "bad.tsv", "empty"),
    ])
    func malformedFilesNameTheFileAndLine(text: String, location: String, message: String) {
        do {
            _ = try DateEvaluationData.parse(text, path: "bad.tsv")
            Issue.record("parsed a malformed file")
        } catch let error as CorpusKitError {
            #expect(error.location?.description == location, "\(error)")
            #expect(error.message.contains(message), "\(error)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func aMissingFileIsAnUnreadableInput() {
        #expect(throws: CorpusKitError.self) {
            try DateEvaluationData.load(path: "/nonexistent/dates.tsv")
        }
    }
}

@Suite("Date evaluator")
struct DateEvaluatorTests {
    static let base = "2021-06-09T15:45:00+02:00"

    @Test func ducklingRowsAreComparedDownToTheirGrain() {
        let rows = [
            DucklingDateCase(
                id: "d-1", text: "le lendemain", start: "2021-06-10T00:00:00", end: nil, grain: "day",
                kind: "instant", baseDate: Self.base, line: 2),
            DucklingDateCase(
                id: "d-2", text: "à midi", start: "2021-06-09T12:00:00", end: nil, grain: "hour", kind: "instant",
                baseDate: Self.base, line: 3),
            DucklingDateCase(
                id: "d-3", text: "samedi", start: "2021-06-12T00:00:00", end: nil, grain: "day", kind: "instant",
                baseDate: Self.base, line: 4),
            DucklingDateCase(
                id: "d-4", text: "la semaine prochaine", start: "2021-06-14T00:00:00", end: nil, grain: "week",
                kind: "instant", baseDate: Self.base, line: 5),
            DucklingDateCase(
                id: "d-5", text: "ce matin", start: "2021-06-09T04:00:00", end: "2021-06-09T12:00:00", grain: "hour",
                kind: "interval", baseDate: Self.base, line: 6),
            DucklingDateCase(
                id: "d-6", text: "ma tante a trois chats", start: nil, end: nil, grain: "", kind: "negative",
                baseDate: Self.base, line: 7),
            DucklingDateCase(
                id: "d-7", text: "le mois prochain", start: "2021-07-01T00:00:00", end: nil, grain: "month",
                kind: "instant", baseDate: Self.base, line: 8),
        ]
        let stub = StubExtractor([
            // Day grain: the time of the start does not matter.
            "le lendemain": [
                expression("lendemain", in: "le lendemain", "2021-06-10", start: "2021-06-10T00:00", end: "2021-06-11T00:00")
            ],
            // Wrong hour.
            "à midi": [expression("midi", in: "à midi", "T13:00", kind: .time, granularity: .hour, start: "2021-06-09T13:00")],
            // Past reading chosen, the future one is an alternative.
            "samedi": [expression("samedi", in: "samedi", "2021-06-05", alternatives: ["2021-06-12"])],
            "la semaine prochaine": [
                expression(
                    "la semaine prochaine", in: "la semaine prochaine", "2021-W24", granularity: .week,
                    start: "2021-06-14T00:00", end: "2021-06-21T00:00")
            ],
            "ce matin": [
                expression(
                    "ce matin", in: "ce matin", "2021-06-09TMO", kind: .interval, granularity: .hour,
                    start: "2021-06-09T04:00", end: "2021-06-09T12:00")
            ],
            "ma tante a trois chats": [],
            "le mois prochain": [expression("le mois prochain", in: "le mois prochain", "2021-07", granularity: .month)],
        ])
        let result = stub.evaluator.evaluate([DateEvaluationData(path: "dk.tsv", cases: .duckling(rows))])
        let report = result.report
        #expect(report.task == "dates")
        #expect(report.dataset == "dk.tsv")
        #expect(report.items == 7)
        #expect(accuracy(report, "duckling instant") == AccuracyCounts(correct: 4, total: 5))
        #expect(accuracy(report, "duckling interval") == AccuracyCounts(correct: 1, total: 1))
        #expect(accuracy(report, "duckling negative") == AccuracyCounts(correct: 1, total: 1))
        #expect(accuracy(report, "duckling (all)") == AccuracyCounts(correct: 6, total: 7))
        #expect(accuracy(report, "duckling (all, no alternatives)") == AccuracyCounts(correct: 5, total: 7))
        // The anchor is the base date without its offset.
        #expect(stub.anchor(of: "samedi") == "2021-06-09T15:45")
        #expect(report.mismatches.count == 1)
        #expect(report.mismatches.first?.id == "duckling instant: d-2 «à midi»")
        #expect(report.mismatches.first?.expected == "2021-06-09T12:00:00 at hour")
        #expect(report.mismatches.first?.found.contains("2021-06-09T13:00") == true)
    }

    @Test func dateparserRowsUseTheirPeriodAndSkipTranslations() {
        let rows = [
            DateparserDateCase(
                id: "p-1", text: "Il y a 3 mois", expectedISO: "2021-03-09T15:45:00", expectedSpan: nil,
                baseDate: "2021-06-09T15:45:00", kind: "relative_past", period: "month", expectedRaw: "", line: 2),
            DateparserDateCase(
                id: "p-2", text: "Il y a 2 semaines", expectedISO: "2021-05-26T15:45:00", expectedSpan: nil,
                baseDate: "2021-06-09T15:45:00", kind: "relative_past", period: "week", expectedRaw: "", line: 3),
            DateparserDateCase(
                id: "p-3", text: "avant-hier", expectedISO: nil, expectedSpan: nil, baseDate: "(now)",
                kind: "relative_past", period: "day", expectedRaw: "days_ago=2", line: 4),
            DateparserDateCase(
                id: "p-4", text: "Mis à jour le 3 mai 2019 à midi", expectedISO: "2019-05-03T00:00:00",
                expectedSpan: "le 3 mai 2019", baseDate: nil, kind: "search", period: nil, expectedRaw: "", line: 5),
            DateparserDateCase(
                id: "p-5", text: "appelez le 06 12 34 56 78", expectedISO: nil, expectedSpan: nil, baseDate: nil,
                kind: "negative", period: nil, expectedRaw: "", line: 6),
            DateparserDateCase(
                id: "p-6", text: "hier", expectedISO: nil, expectedSpan: nil, baseDate: nil, kind: "translation",
                period: nil, expectedRaw: "translates", line: 7),
            DateparserDateCase(
                id: "p-7", text: "7 juillet 2018 à 9h05", expectedISO: "2018-07-07T09:05:00", expectedSpan: nil,
                baseDate: nil, kind: "iso8601", period: nil, expectedRaw: "", line: 8),
        ]
        let stub = StubExtractor([
            // Month period: the day does not matter.
            "Il y a 3 mois": [expression("Il y a 3 mois", in: "Il y a 3 mois", "2021-03", granularity: .month)],
            // Week period: any day of the week of 2021-05-26 (Monday 24 to Sunday 30).
            "Il y a 2 semaines": [expression("Il y a 2 semaines", in: "Il y a 2 semaines", "2021-05-24")],
            "avant-hier": [expression("avant-hier", in: "avant-hier", "2014-08-30")],
            "Mis à jour le 3 mai 2019 à midi": [
                expression(
                    "3 mai 2019 à midi", in: "Mis à jour le 3 mai 2019 à midi", "2019-05-03T12:00", kind: .dateTime,
                    granularity: .minute)
            ],
            "appelez le 06 12 34 56 78": [expression("06 12", in: "appelez le 06 12 34 56 78", "XXXX-12-06")],
            // No period and a time: compared to the minute.
            "7 juillet 2018 à 9h05": [
                expression("7 juillet 2018 à 9h05", in: "7 juillet 2018 à 9h05", "2018-07-07T09:50", kind: .dateTime, granularity: .minute)
            ],
        ])
        let result = stub.evaluator.evaluate([DateEvaluationData(path: "dp.tsv", cases: .dateparser(rows))])
        let report = result.report
        #expect(report.items == 6)
        #expect(accuracy(report, "dateparser relative_past") == AccuracyCounts(correct: 3, total: 3))
        #expect(stub.anchor(of: "avant-hier") == "2014-09-01T10:30")
        // The span differs ("3 mai 2019 à midi" against "le 3 mai 2019").
        #expect(accuracy(report, "dateparser search") == AccuracyCounts(correct: 0, total: 1))
        #expect(accuracy(report, "dateparser negative") == AccuracyCounts(correct: 0, total: 1))
        #expect(accuracy(report, "dateparser iso8601") == AccuracyCounts(correct: 0, total: 1))
        #expect(accuracy(report, "dateparser (all)") == AccuracyCounts(correct: 3, total: 6))
        #expect(report.score("dateparser translation") == nil)
        #expect(result.skipped.count == 1)
        #expect(result.skipped.first?.rows == 1)
        #expect(result.skipped.first?.reason.hasPrefix("dateparser translation") == true)
    }

    @Test func searchSpansMayLeaveOutTheLeadingArticle() {
        let sentence = "Publié le 3 mai 2019 par la rédaction"
        let rows = [
            DateparserDateCase(
                id: "p-1", text: sentence, expectedISO: "2019-05-03T00:00:00", expectedSpan: "le 3 mai 2019",
                baseDate: nil, kind: "search", period: nil, expectedRaw: "", line: 2)
        ]
        let stub = StubExtractor([sentence: [expression("3 mai 2019", in: sentence, "2019-05-03")]])
        let report = stub.evaluator.evaluate([DateEvaluationData(path: "dp.tsv", cases: .dateparser(rows))]).report
        #expect(accuracy(report, "dateparser search") == AccuracyCounts(correct: 1, total: 1))
    }

    @Test func recognizersValuesAreComparedAsTimexWithEitherReading() {
        func row(
            _ id: String, _ text: String, timex: String?, resolution: String? = nil, passes: Bool = true,
            kind: String = "date", spec: String = "DateParser"
        ) -> RecognizersDateCase {
            RecognizersDateCase(
                id: id, text: text, expectedSpan: nil, spanStart: nil, type: kind, timex: timex, resolution: resolution,
                baseDate: "2022-03-07T00:00:00", dotnetPasses: passes, kind: kind, spec: spec, source: "\(id)#0",
                line: 2)
        }
        let rows = [
            // Underspecified: the past reading of the resolution is ours.
            row("r-1", "On se voit jeudi", timex: "XXXX-WXX-4",
                resolution: #"future={"date": "2022-03-10"} past={"date": "2022-03-03"}"#),
            // A range is compared as start/end.
            row("r-2", "du 4 au 9 avril 2022", timex: "(2022-04-04,2022-04-09,P5D)", kind: "daterange"),
            // Hours: T22 is T22:00.
            row("r-3", "vers 22 heures", timex: "T22", kind: "time", spec: "TimeParser"),
            // Model resolution listing both readings: ours is the earlier one.
            row("r-4", "le 14 juillet à 8h", timex: "XXXX-07-14T08",
                resolution: "datetime:2021-07-14 08:00:00 | datetime:2022-07-14 08:00:00", kind: "datetime",
                spec: "DateTimeModel"),
            // Wrong.
            row("r-5", "en 2019", timex: "2019", kind: "daterange"),
            // Negative, not passing in .NET.
            row("r-6", "le numéro 17", timex: nil, passes: false, kind: "negative", spec: "DateTimeModel"),
            // Span only, no value: skipped.
            row("r-7", "dans 3 semaines", timex: nil, resolution: "future={} past={}", spec: "MergedParser"),
        ]
        let stub = StubExtractor([
            "On se voit jeudi": [expression("jeudi", in: "On se voit jeudi", "2022-03-03", alternatives: ["2022-03-10"])],
            "du 4 au 9 avril 2022": [
                expression("du 4 au 9 avril 2022", in: "du 4 au 9 avril 2022", "2022-04-04/2022-04-09", kind: .interval)
            ],
            "vers 22 heures": [expression("22 heures", in: "vers 22 heures", "T22:00", kind: .time, granularity: .hour)],
            "le 14 juillet à 8h": [
                expression(
                    "14 juillet à 8h", in: "le 14 juillet à 8h", "2021-07-14T08:00", kind: .dateTime,
                    granularity: .minute)
            ],
            "en 2019": [expression("2019", in: "en 2019", "2018", granularity: .year)],
            "le numéro 17": [],
        ])
        let result = stub.evaluator.evaluate([DateEvaluationData(path: "rt.tsv", cases: .recognizers(rows))])
        let report = result.report
        #expect(report.items == 6)
        #expect(accuracy(report, "recognizers date (dotnet passes)") == AccuracyCounts(correct: 1, total: 1))
        #expect(accuracy(report, "recognizers daterange (dotnet passes)") == AccuracyCounts(correct: 1, total: 2))
        #expect(accuracy(report, "recognizers time (dotnet passes)") == AccuracyCounts(correct: 1, total: 1))
        #expect(accuracy(report, "recognizers datetime (dotnet passes)") == AccuracyCounts(correct: 1, total: 1))
        #expect(accuracy(report, "recognizers (dotnet passes)") == AccuracyCounts(correct: 4, total: 5))
        #expect(accuracy(report, "recognizers (dotnet passes, no alternatives)") == AccuracyCounts(correct: 4, total: 5))
        #expect(accuracy(report, "recognizers (all specs)") == AccuracyCounts(correct: 5, total: 6))
        #expect(result.skipped.map(\.rows) == [1])
        #expect(report.mismatches.map(\.id) == ["recognizers daterange (dotnet passes): r-5 «en 2019»"])
    }

    @Test func durationsAndTimesOnTheReferenceDayCompareByMeaning() {
        // (text, spec timex, our value, kind): durations in other units, a time with or without its day.
        let cases: [(String, String, String, TemporalExpression.Kind)] = [
            ("une heure et demie", "PT1.5H", "PT90M", .duration),
            ("six mois", "P0.5Y", "P6M", .duration),
            ("une semaine", "P1W", "P7D", .duration),
            ("ce soir", "TEV", "2022-03-07TEV", .dateTime),
            ("à 8 heures", "2022-03-07T08", "T08:00", .time),
            // Wrong: a month has no fixed length, and another day is another day.
            ("un mois", "P1M", "P30D", .duration),
            ("demain soir", "TEV", "2022-03-08TEV", .dateTime),
        ]
        let rows = cases.enumerated().map { index, item in
            RecognizersDateCase(
                id: "t-\(index)", text: item.0, expectedSpan: nil, spanStart: nil, type: "time", timex: item.1,
                resolution: nil, baseDate: "2022-03-07T00:00:00", dotnetPasses: true, kind: "time",
                spec: "TimeParser", source: "t#\(index)", line: 2 + index)
        }
        let stub = StubExtractor(Dictionary(uniqueKeysWithValues: cases.map { item in
            (item.0, [expression(item.0, in: item.0, item.2, kind: item.3, granularity: .hour)])
        }))
        let report = stub.evaluator.evaluate([DateEvaluationData(path: "rt.tsv", cases: .recognizers(rows))]).report
        #expect(accuracy(report, "recognizers (dotnet passes)") == AccuracyCounts(correct: 5, total: 7))
        #expect(report.mismatches.map(\.id) == [
            "recognizers time (dotnet passes): t-5 «un mois»", "recognizers time (dotnet passes): t-6 «demain soir»",
        ])
    }

    @Test func aResolutionOpenAtOneEndIsNamedByItsBound() {
        let row = RecognizersDateCase(
            id: "o-1", text: "jeudi avant 17h", expectedSpan: nil, spanStart: nil, type: "datetimerange",
            timex: "XXXX-WXX-4T17", resolution: "datetimerange:..2022-03-03 17:00:00 mod=before",
            baseDate: "2022-03-07T00:00:00", dotnetPasses: true, kind: "datetimerange", spec: "DateTimeModel",
            source: "o#1", line: 2)
        let stub = StubExtractor([
            "jeudi avant 17h": [
                expression("jeudi avant 17h", in: "jeudi avant 17h", "../2022-03-03T17:00", kind: .interval,
                           granularity: .hour)
            ]
        ])
        let report = stub.evaluator.evaluate([DateEvaluationData(path: "rt.tsv", cases: .recognizers([row]))]).report
        #expect(accuracy(report, "recognizers (dotnet passes)") == AccuracyCounts(correct: 1, total: 1))
    }

    @Test func recognizersRowsAreReadAsConversationAndTheNewsFigureIsKept() {
        let rows = ["je repasse à 7", "le 3 mars"].enumerated().map { index, text in
            RecognizersDateCase(
                id: "c-\(index)", text: text, expectedSpan: nil, spanStart: nil, type: "time",
                timex: index == 0 ? "T07" : "XXXX-03-03", resolution: nil, baseDate: "2022-03-07T00:00:00",
                dotnetPasses: true, kind: "time", spec: "TimeParser", source: "c#\(index)", line: 2 + index)
        }
        let news = StubExtractor(["le 3 mars": [expression("3 mars", in: "le 3 mars", "XXXX-03-03")]])
        let chat = StubExtractor([
            "je repasse à 7": [expression("à 7", in: "je repasse à 7", "T07:00", kind: .time, granularity: .hour)],
            "le 3 mars": [expression("3 mars", in: "le 3 mars", "XXXX-03-03")],
        ])
        let evaluator = DateEvaluator(conversation: { chat.extract($0, $1) }) { news.extract($0, $1) }
        let report = evaluator.evaluate([DateEvaluationData(path: "rt.tsv", cases: .recognizers(rows))]).report
        #expect(accuracy(report, "recognizers (dotnet passes)") == AccuracyCounts(correct: 2, total: 2))
        #expect(accuracy(report, "recognizers (dotnet passes, news register)") == AccuracyCounts(correct: 1, total: 2))
        // Without a conversation extractor there is no separate news line.
        let plain = news.evaluator.evaluate([DateEvaluationData(path: "rt.tsv", cases: .recognizers(rows))]).report
        #expect(accuracy(plain, "recognizers (dotnet passes, news register)") == nil)
    }

    @Test func recognizersSpansAreMatchedByTextAndUTF16Start() {
        // "Réunion" has one scalar (é) that takes two UTF-8 bytes but one UTF-16 unit.
        let sentence = "Réunion décalée au 5 octobre, puis 🎉 le 12 octobre"
        func row(_ id: String, _ span: String?, _ start: Int?, source: String, passes: Bool = true) -> RecognizersDateCase {
            RecognizersDateCase(
                id: id, text: sentence, expectedSpan: span, spanStart: start, type: "date", timex: nil,
                resolution: nil, baseDate: nil, dotnetPasses: passes, kind: span == nil ? "negative" : "date",
                spec: "DateExtractor", source: source, line: 2)
        }
        let octobre5 = sentence.utf16.distance(
            from: sentence.utf16.startIndex, to: sentence.range(of: "5 octobre")!.lowerBound)
        let octobre12 = sentence.utf16.distance(
            from: sentence.utf16.startIndex, to: sentence.range(of: "12 octobre")!.lowerBound)
        #expect(octobre5 == 19)
        let rows = [
            row("s-1", "5 octobre", octobre5, source: "case#1"),
            row("s-2", "le 12 octobre", octobre12 - 3, source: "case#1"),
        ]
        let stub = StubExtractor([
            sentence: [
                expression("5 octobre", in: sentence, "XXXX-10-05"),
                expression("12 octobre", in: sentence, "XXXX-10-12"),
            ]
        ])
        let report = stub.evaluator.evaluate([DateEvaluationData(path: "sp.tsv", cases: .recognizers(rows))]).report
        #expect(report.items == 2)
        #expect(matches(report, "recognizers spans (dotnet passes)") == MatchCounts(truePositives: 1, falsePositives: 1, falseNegatives: 1))
        #expect(matches(report, "recognizers spans (all specs)") == MatchCounts(truePositives: 1, falsePositives: 1, falseNegatives: 1))
        #expect(report.mismatches.count == 1)
        #expect(report.mismatches.first?.expected.contains("«le 12 octobre»@\(octobre12 - 3)") == true)
    }

    @Test func rowsThatAreADateAloneAreParsedAndTheSearchFigureIsKept() {
        let rows = [
            DucklingDateCase(id: "d-1", text: "le 10", start: "2021-06-10T00:00:00", end: nil, grain: "day",
                             kind: "instant", baseDate: nil, line: 2),
        ]
        let parsed = TemporalExpression(span: TextSpan(start: 0, end: 5), text: "le 10", kind: .date,
                                        value: "2021-06-10", granularity: .day, rule: "stub")
        let stub = StubExtractor([:])
        let evaluator = DateEvaluator(mismatchesPerCategory: 2, parse: { _, _ in parsed }) { stub.extract($0, $1) }
        let report = evaluator.evaluate([DateEvaluationData(path: "dk.tsv", cases: .duckling(rows))]).report
        #expect(accuracy(report, "duckling instant") == AccuracyCounts(correct: 1, total: 1))
        #expect(accuracy(report, "duckling (all, searched as running text)") == AccuracyCounts(correct: 0, total: 1))
    }

    @Test func mismatchesAreKeptUpToTheLimitPerCategory() {
        let rows = (1...5).map { index in
            DucklingDateCase(
                id: "d-\(index)", text: "phrase \(index)", start: "2021-06-10T00:00:00", end: nil, grain: "day",
                kind: "instant", baseDate: nil, line: index + 1)
        }
        let stub = StubExtractor([:])
        let evaluator = DateEvaluator(mismatchesPerCategory: 2) { stub.extract($0, $1) }
        let report = evaluator.evaluate([DateEvaluationData(path: "dk.tsv", cases: .duckling(rows))]).report
        #expect(accuracy(report, "duckling instant") == AccuracyCounts(correct: 0, total: 5))
        #expect(report.mismatches.count == 2)
        #expect(report.mismatches.allSatisfy { $0.found == "(nothing)" })
    }

    @Test func scoresAreReportedInFileOrder() throws {
        let duckling = try DateEvaluationData.parse(
            "id\ttext\tstart\tend\tgrain\tkind\tholiday\tbase_date\tsource\nd-1\trien ici\t\t\t\tnegative\t\t\ts\n",
            path: "a.tsv")
        let dateparser = try DateEvaluationData.parse(
            "id\ttext\texpected_iso\texpected_span\tbase_date\tkind\tperiod\texpected_raw\tsettings\tsource\n"
                + "p-1\trien là\t\t\t\tnegative\t\tnone\t\ts\n",
            path: "b.tsv")
        let report = StubExtractor([:]).evaluator.evaluate([dateparser, duckling]).report
        #expect(report.dataset == "b.tsv, a.tsv")
        #expect(report.entries.map(\.name) == [
            "dateparser negative", "dateparser (all)", "dateparser (all, no alternatives)", "duckling negative",
            "duckling (all)", "duckling (all, no alternatives)",
        ])
    }
}
