import CorpusKit

/// The dates a corpus talks about and the dates it was published, counted by day (`2024-03-14`) and by month
/// (`2024-03`): the corpus summary of the date analyzer.
///
/// A mention counts when it is a date or a date-time whose value names a calendar day (granularity `day`,
/// `hour` or `minute`: it counts for its day and its month) or a month (granularity `month`: it counts for its
/// month only). Years, weeks, seasons, quarters, intervals, durations, sets, values with an unknown year
/// (`XXXX-03-14`) and expressions flagged as page boilerplate (bylines, menus) are not counted. An article
/// published on a day counts for that day and month; one dated to the month only, for the month.
///
/// Summaries merge by adding counts, so shards of a corpus merge to the same timeline in any order.
public struct DateTimeline: AnalyzerSummary, Hashable {
    /// Mentions of each day, `2024-03-14` → count.
    public var mentionsByDay: [String: Int]
    /// Mentions of each month (day and month mentions), `2024-03` → count.
    public var mentionsByMonth: [String: Int]
    /// Articles published on each day.
    public var publicationsByDay: [String: Int]
    /// Articles published in each month.
    public var publicationsByMonth: [String: Int]

    /// The empty timeline.
    public init() {
        mentionsByDay = [:]
        mentionsByMonth = [:]
        publicationsByDay = [:]
        publicationsByMonth = [:]
    }

    /// Creates a timeline from counts.
    public init(
        mentionsByDay: [String: Int], mentionsByMonth: [String: Int], publicationsByDay: [String: Int] = [:],
        publicationsByMonth: [String: Int] = [:]
    ) {
        self.mentionsByDay = mentionsByDay
        self.mentionsByMonth = mentionsByMonth
        self.publicationsByDay = publicationsByDay
        self.publicationsByMonth = publicationsByMonth
    }

    /// The contribution of one article.
    /// - Parameters:
    ///   - expressions: The article's temporal expressions.
    ///   - publishedAt: When the article was published, if known.
    public static func contribution(of expressions: [TemporalExpression], publishedAt: PublicationDate?) -> DateTimeline {
        var timeline = DateTimeline()
        for expression in expressions where expression.kind == .date || expression.kind == .dateTime {
            guard !expression.flags.contains(.boilerplate) else { continue }
            switch expression.granularity {
            case .day, .hour, .minute:
                guard let (month, day) = calendarKeys(expression.value), let day else { continue }
                timeline.mentionsByDay[day, default: 0] += 1
                timeline.mentionsByMonth[month, default: 0] += 1
            case .month:
                guard let (month, _) = calendarKeys(expression.value) else { continue }
                timeline.mentionsByMonth[month, default: 0] += 1
            default:
                continue
            }
        }
        if let date = publishedAt, let month = date.month {
            let monthKey = pad(date.year, 4) + "-" + pad(month, 2)
            timeline.publicationsByMonth[monthKey, default: 0] += 1
            if let day = date.day {
                timeline.publicationsByDay[monthKey + "-" + pad(day, 2), default: 0] += 1
            }
        }
        return timeline
    }

    /// Adds another timeline's counts.
    public mutating func merge(_ other: DateTimeline) {
        mentionsByDay.merge(other.mentionsByDay, uniquingKeysWith: +)
        mentionsByMonth.merge(other.mentionsByMonth, uniquingKeysWith: +)
        publicationsByDay.merge(other.publicationsByDay, uniquingKeysWith: +)
        publicationsByMonth.merge(other.publicationsByMonth, uniquingKeysWith: +)
    }

    /// The total number of mentions counted by day.
    public var dayMentionCount: Int { mentionsByDay.values.reduce(0, +) }

    /// Days by number of mentions, most mentioned first (ties in date order).
    public func mostMentionedDays(_ limit: Int = 10) -> [(day: String, mentions: Int)] {
        mentionsByDay.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(limit)
            .map { ($0.key, $0.value) }
    }

    /// `2024-03` and `2024-03-14` from a value starting `2024-03-14` (`nil` day for `2024-03`); `nil` when the
    /// value does not start with a four-digit year and a valid month (`XXXX-03-14`, `2024-W11`).
    static func calendarKeys(_ value: String) -> (month: String, day: String?)? {
        let bytes = Array(value.utf8)
        func digits(_ range: Range<Int>) -> Int? {
            guard range.upperBound <= bytes.count else { return nil }
            var number = 0
            for byte in bytes[range] {
                guard byte >= 0x30 && byte <= 0x39 else { return nil }
                number = number * 10 + Int(byte - 0x30)
            }
            return number
        }
        guard let year = digits(0..<4), bytes.count >= 7, bytes[4] == 0x2D, let month = digits(5..<7),
            (1...12).contains(month)
        else { return nil }
        let monthKey = String(decoding: bytes[0..<7], as: UTF8.self)
        guard bytes.count >= 10, bytes[7] == 0x2D, let day = digits(8..<10),
            day >= 1, day <= PublicationDate.daysIn(month: month, year: year),
            bytes.count == 10 || bytes[10] == 0x54
        else { return (monthKey, nil) }
        return (monthKey, String(decoding: bytes[0..<10], as: UTF8.self))
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }
}
