import CorpusKit

/// A temporal expression found in an article: a date, a time, a date-time, an interval, a duration or a set,
/// with its normalised value and how it was resolved.
///
/// Values follow TIMEX3: `2024-03-14`, `2024-03`, `2024-03-14T18:32`, `2024-W11`, `2024-SU` (season),
/// `2024-Q1`, `199` (the 1990s), `18` (the XIXe siècle: a century is named by its first two digits),
/// `XXXX-03-14` when the year is unknown, `2024-06-03/2024-06-07` for an interval, `P5Y`/`P3D`/`PT2H` for a
/// duration, `XXXX` sets with `P1Y` frequency in ``value`` for recurring expressions (`chaque année` → `P1Y`).
public struct TemporalExpression: Sendable, Hashable, Codable {
    /// What sort of expression this is.
    public enum Kind: String, Sendable, Hashable, Codable {
        case date, time, dateTime, interval, duration, set
    }

    /// The finest unit the expression names.
    public enum Granularity: String, Sendable, Hashable, Codable {
        case century, decade, year, season, quarter, month, week, day, hour, minute
    }

    /// Where the reference point of a relative expression came from.
    public struct Anchor: Sendable, Hashable, Codable {
        /// What the anchor is: `publication` (the article's date), `page` (a page date), `previous` (an explicit
        /// date earlier in the text), `given` (set by the caller).
        public var source: String
        /// The anchor's value, ISO 8601 at its precision.
        public var value: String

        /// Creates an anchor.
        public init(source: String, value: String) {
            self.source = source
            self.value = value
        }
    }

    /// Another reading of an expression whose direction or year was inferred: its value and the interval it
    /// denotes (`mardi` read as next Tuesday rather than last Tuesday).
    public struct Reading: Sendable, Hashable, Codable {
        /// The TIMEX3-compatible value of this reading.
        public var value: String
        /// First instant of what this reading denotes, ISO 8601, when known.
        public var intervalStart: String?
        /// Instant just after it (exclusive), ISO 8601, when known.
        public var intervalEnd: String?

        /// Creates a reading.
        public init(value: String, intervalStart: String? = nil, intervalEnd: String? = nil) {
            self.value = value
            self.intervalStart = intervalStart
            self.intervalEnd = intervalEnd
        }
    }

    /// Something worth knowing about the expression.
    public enum Flag: String, Sendable, Hashable, Codable {
        /// The weekday contradicts the date (`mercredi 14 mars 2024`: a Thursday); the date is kept.
        case weekdayMismatch
        /// The year was inferred (from a weekday and a day-month, or from the anchor).
        case yearInferred
        /// Past or future was inferred (news is past-biased); the other reading is in ``alternatives``.
        case directionInferred
        /// The expression sits in a line that looks like page boilerplate (byline, menu, ticker).
        case boilerplate
        /// A year inside an event name (`Euro 2024`, `COP28`).
        case eventName
        /// Relative to nothing known: no anchor was available.
        case unanchored
        /// A time of day the text ties to no day (`à 15 heures`, `dans la soirée`): the value keeps no date
        /// (`T15:00`), and ``intervalStart``/``intervalEnd`` place it on the anchor's day, the likeliest reading
        /// in news.
        case dayFromAnchor
    }

    /// Where the expression is in the body.
    public var span: TextSpan
    /// The text as written.
    public var text: String
    /// Date, time, date-time, interval, duration or set.
    public var kind: Kind
    /// The TIMEX3-compatible value.
    public var value: String
    /// The finest unit named.
    public var granularity: Granularity
    /// First instant of what the expression denotes, ISO 8601 (`2024-03-14T00:00`), when known.
    public var intervalStart: String?
    /// Instant just after it (exclusive), ISO 8601, when known.
    public var intervalEnd: String?
    /// The reference point used for a relative expression.
    public var anchor: Anchor?
    /// Other readings, each with its value and interval (for example the future reading of `mardi` when the
    /// past one was chosen).
    public var alternatives: [Reading]
    /// Remarks on the expression.
    public var flags: [Flag]
    /// 0…1.
    public var confidence: Double
    /// The rule that fired, for explanation and tests (`absolute-day-month-year`, `relative-yesterday`…).
    public var rule: String

    /// Creates an expression.
    public init(
        span: TextSpan, text: String, kind: Kind, value: String, granularity: Granularity,
        intervalStart: String? = nil, intervalEnd: String? = nil, anchor: Anchor? = nil, alternatives: [Reading] = [],
        flags: [Flag] = [], confidence: Double = 1, rule: String
    ) {
        self.span = span
        self.text = text
        self.kind = kind
        self.value = value
        self.granularity = granularity
        self.intervalStart = intervalStart
        self.intervalEnd = intervalEnd
        self.anchor = anchor
        self.alternatives = alternatives
        self.flags = flags
        self.confidence = confidence
        self.rule = rule
    }
}

extension AnalyzerID {
    /// The standard date analyzer.
    public static let dates: AnalyzerID = "dates"
}

extension ResultKey where Value == [TemporalExpression] {
    /// The temporal expressions of the standard date analyzer.
    public static var dates: Self { Self(.dates) }
}
