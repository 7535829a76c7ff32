import CorpusKit

/// Finds the dates, times, intervals, durations and sets of each article, normalised to TIMEX3 values; its corpus
/// summary is a ``DateTimeline`` (dates mentioned and publication dates, by day and month), mergeable across shards.
///
/// The analyzer runs ``DateExtractor`` over the shared `text` structure of the article body (after page
/// cleaning, when it ran: removed lines are not in the body) and resolves relative expressions against
/// ``CorpusKit/Article/publishedAt``, whether it came with the input or was found by the cleaning stage. An
/// article without a publication date still gets its absolute dates; its relative expressions are flagged
/// ``TemporalExpression/Flag/unanchored``.
///
/// ```swift
/// let pipeline = try Pipeline(registry: .standard, selecting: [.dates])
/// ```
public struct DateAnalyzer: Analyzer {
    /// The id of this instance.
    public let id: AnalyzerID
    /// The register of writing read (``DateExtractor/Register/news`` in the standard registry).
    public let register: DateExtractor.Register

    /// Creates the analyzer.
    /// - Parameters:
    ///   - id: Its id; the standard instance uses `dates`.
    ///   - register: ``DateExtractor/Register/conversation`` for comment threads, chat logs and messages, where
    ///     `à 7` or `17 à 18` are clock times.
    public init(id: AnalyzerID = .dates, register: DateExtractor.Register = .news) {
        self.id = id
        self.register = register
    }

    /// `text`: the shared tokens.
    public var dependencies: [AnalyzerID] { [.text] }

    /// One line for `corpus-tool list`.
    public var abstract: String {
        "Dates, times, intervals, durations and sets (French, English), as TIMEX3 values anchored to the publication date."
    }

    /// Extracts the article's temporal expressions.
    /// - Parameters:
    ///   - article: The article; its ``CorpusKit/Article/publishedAt`` is the anchor.
    ///   - context: Holds the `text` analyzer's ``CorpusKit/TextStructure``.
    /// - Returns: The expressions in text order.
    /// - Throws: ``CorpusKit/CorpusKitError`` when the `text` result is missing.
    /// - Complexity: O(n) in the length of the body.
    public func analyze(_ article: Article, in context: AnalysisContext) throws -> [TemporalExpression] {
        DateExtractor(register: register).extract(from: try context.require(.text), anchor: article.publishedAt)
    }

    /// The article's contribution to the corpus timeline: dates mentioned and publication dates, by day and month.
    public func summarize(_ output: [TemporalExpression], of article: Article) -> DateTimeline {
        DateTimeline.contribution(of: output, publishedAt: article.publishedAt)
    }
}
