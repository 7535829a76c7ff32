/// The result of scoring a task against gold data, as `corpus-tool evaluate` prints it.
///
/// Every task fills the same structure, so reports are printed, written as JSON and compared the same way.
public struct EvaluationReport: Sendable, Codable {
    /// A scored line of the report: match counts, an accuracy, or a derived number (a macro-F1).
    public enum Score: Sendable, Hashable, Codable {
        case matches(MatchCounts)
        case accuracy(AccuracyCounts)
        /// A number computed from other lines, such as the mean of per-class F1 scores.
        case value(Double)
    }

    /// A named score, such as `paragraphs` or `title`.
    public struct Entry: Sendable, Hashable, Codable {
        /// What is scored.
        public var name: String
        /// The score.
        public var score: Score

        /// Creates an entry.
        public init(name: String, score: Score) {
            self.name = name
            self.score = score
        }
    }

    /// One item that did not match its gold, kept for inspection.
    public struct Mismatch: Sendable, Hashable, Codable {
        /// The item's id.
        public var id: String
        /// What was expected.
        public var expected: String
        /// What was produced.
        public var found: String

        /// Creates a mismatch.
        public init(id: String, expected: String, found: String) {
            self.id = id
            self.expected = expected
            self.found = found
        }
    }

    /// The task (`cleaning`, `dates`…).
    public var task: String
    /// Where the gold came from.
    public var dataset: String
    /// Items scored.
    public var items: Int
    /// Scores, in the order they should be shown.
    public var entries: [Entry]
    /// Per-item scores, in input order (optional detail).
    public var perItem: [String: [Entry]]
    /// Mismatches, for explanation.
    public var mismatches: [Mismatch]

    /// Creates a report.
    public init(
        task: String, dataset: String, items: Int = 0, entries: [Entry] = [], perItem: [String: [Entry]] = [:],
        mismatches: [Mismatch] = []
    ) {
        self.task = task
        self.dataset = dataset
        self.items = items
        self.entries = entries
        self.perItem = perItem
        self.mismatches = mismatches
    }

    /// The score named `name`, if any.
    public func score(_ name: String) -> Score? { entries.first { $0.name == name }?.score }
}
