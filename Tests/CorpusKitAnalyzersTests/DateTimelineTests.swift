import CorpusKit
import CorpusKitAnalyzers
import Foundation
import Testing

private func mention(
    _ value: String, _ kind: TemporalExpression.Kind = .date, _ granularity: TemporalExpression.Granularity = .day,
    flags: [TemporalExpression.Flag] = []
) -> TemporalExpression {
    TemporalExpression(
        span: TextSpan(start: 0, end: 1), text: value, kind: kind, value: value, granularity: granularity, flags: flags,
        rule: "test")
}

@Suite("Date timeline")
struct DateTimelineTests {
    @Test func daysAndMonthsAreCountedFromDatesAndDateTimes() {
        let expressions = [
            mention("2024-03-14"),
            mention("2024-03-14T18:32", .dateTime, .minute),
            mention("2024-03-20T09", .dateTime, .hour),
            mention("2024-04", .date, .month),
            // Not counted: a year, a week, an unknown year, an interval, a duration, boilerplate.
            mention("2024", .date, .year),
            mention("2024-W11", .date, .week),
            mention("XXXX-03-14"),
            mention("2024-06-03/2024-06-07", .interval, .day),
            mention("P3D", .duration, .day),
            mention("2024-03-15", flags: [.boilerplate]),
        ]
        let timeline = DateTimeline.contribution(
            of: expressions, publishedAt: PublicationDate(iso8601: "2024-03-15T08:00+01:00"))
        #expect(timeline.mentionsByDay == ["2024-03-14": 2, "2024-03-20": 1])
        #expect(timeline.mentionsByMonth == ["2024-03": 3, "2024-04": 1])
        #expect(timeline.publicationsByDay == ["2024-03-15": 1])
        #expect(timeline.publicationsByMonth == ["2024-03": 1])
        #expect(timeline.dayMentionCount == 3)
        #expect(timeline.mostMentionedDays(1).map(\.day) == ["2024-03-14"])
    }

    @Test func publicationDatesCountAtTheirPrecision() {
        let monthOnly = DateTimeline.contribution(of: [], publishedAt: PublicationDate(iso8601: "2021-03"))
        #expect(monthOnly.publicationsByDay.isEmpty)
        #expect(monthOnly.publicationsByMonth == ["2021-03": 1])
        let yearOnly = DateTimeline.contribution(of: [], publishedAt: PublicationDate(iso8601: "2021"))
        #expect(yearOnly == DateTimeline())
        #expect(DateTimeline.contribution(of: [], publishedAt: nil) == DateTimeline())
    }

    @Test func shardsMergeToTheSameTimelineInAnyOrder() {
        let articles: [([TemporalExpression], String?)] = [
            ([mention("2024-03-14"), mention("2024-03", .date, .month)], "2024-03-15"),
            ([mention("2024-03-14T10:00", .dateTime, .minute)], "2024-03-14T12:00"),
            ([mention("2023-12-31")], nil),
            ([], "2024-02"),
            ([mention("2024-03-01"), mention("2024-03-14")], "2024-03-15"),
        ]
        let contributions = articles.map { expressions, published in
            DateTimeline.contribution(of: expressions, publishedAt: published.flatMap { PublicationDate(iso8601: $0) })
        }
        func merged(_ parts: [DateTimeline]) -> DateTimeline {
            var total = DateTimeline()
            for part in parts { total.merge(part) }
            return total
        }
        let whole = merged(contributions)
        #expect(whole.mentionsByDay == ["2024-03-14": 3, "2023-12-31": 1, "2024-03-01": 1])
        #expect(whole.mentionsByMonth == ["2024-03": 5, "2023-12": 1])
        #expect(whole.publicationsByDay == ["2024-03-15": 2, "2024-03-14": 1])
        #expect(whole.publicationsByMonth == ["2024-03": 3, "2024-02": 1])
        // Shards merged in another order, and shards of shards.
        #expect(merged(contributions.reversed()) == whole)
        let shardA = merged([contributions[3], contributions[0]])
        let shardB = merged([contributions[4], contributions[1], contributions[2]])
        #expect(merged([shardB, shardA]) == whole)
        #expect(merged([shardA, shardB]) == whole)
        // The empty timeline is neutral.
        #expect(merged([DateTimeline(), whole, DateTimeline()]) == whole)
    }

    @Test func timelinesRoundTripThroughJSON() throws {
        let timeline = DateTimeline.contribution(
            of: [mention("2024-03-14")], publishedAt: PublicationDate(iso8601: "2024-03-15"))
        let data = try JSONEncoder().encode(timeline)
        #expect(try JSONDecoder().decode(DateTimeline.self, from: data) == timeline)
    }
}
