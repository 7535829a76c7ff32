/// A plug-in that analyses one article at a time and produces a typed, serialisable result.
///
/// Analyzers are synchronous and pure: the ``Pipeline`` decides what runs where, computes each dependency once
/// per article and hands its output to those that asked for it through an ``AnalysisContext``. An analyzer that
/// throws fails for that article only; the run goes on and the failure is recorded.
///
/// ```swift
/// struct LongSentences: Analyzer {
///     var id: AnalyzerID = "org.example.long-sentences"
///     var dependencies: [AnalyzerID] { [.text] }
///     var abstract: String { "Counts sentences longer than 40 tokens." }
///
///     func analyze(_ article: Article, in context: AnalysisContext) throws -> Int {
///         let text = try context.require(.text)
///         return text.sentences.filter { $0.tokens.count > 40 }.count
///     }
/// }
/// ```
///
/// An analyzer can also contribute to a corpus-level ``Summary``: ``summarize(_:of:)`` maps one article's output
/// to a summary, and summaries merge (``AnalyzerSummary/merge(_:)``), so shards of a corpus analysed apart give
/// the same total as one run.
public protocol Analyzer: Sendable {
    /// What the analyzer produces for one article.
    associatedtype Output: Sendable & Codable
    /// What the analyzer contributes to a corpus summary; ``NoSummary`` when nothing.
    associatedtype Summary: AnalyzerSummary = NoSummary

    /// The identifier of this instance (see ``AnalyzerID``).
    var id: AnalyzerID { get }
    /// Analyzers whose outputs this one reads through its context. They run first, once per article.
    var dependencies: [AnalyzerID] { get }
    /// One line saying what the analyzer finds, shown by `corpus-tool list`.
    var abstract: String { get }
    /// Whether a pipeline built without an explicit selection reports this analyzer. `false` suits analyzers
    /// whose per-article output only feeds a corpus summary (fingerprints for duplicate detection, say).
    var isReportedByDefault: Bool { get }

    /// Analyses one article.
    /// - Parameters:
    ///   - article: The article; read its normalised ``Article/body``.
    ///   - context: Outputs of the analyzers listed in ``dependencies``.
    /// - Returns: The analyzer's result for this article.
    /// - Throws: Any error; it is recorded for this article and analyzer, and the run continues.
    func analyze(_ article: Article, in context: AnalysisContext) throws -> Output

    /// The corpus-summary contribution of one article's output.
    func summarize(_ output: Output, of article: Article) -> Summary
}

extension Analyzer {
    /// No dependencies.
    public var dependencies: [AnalyzerID] { [] }
    /// An empty description.
    public var abstract: String { "" }
    /// Reported by default.
    public var isReportedByDefault: Bool { true }
    /// The typed key of this instance's output.
    public var key: ResultKey<Output> { ResultKey(id) }
}

extension Analyzer where Summary == NoSummary {
    /// Contributes nothing.
    public func summarize(_ output: Output, of article: Article) -> NoSummary { NoSummary() }
}

/// A corpus-level summary that is built per article and merged: a commutative monoid.
///
/// `init()` is the empty summary; `merge` must be associative and, for summaries from disjoint shards,
/// commutative, so that any split of a corpus merges to the same result.
public protocol AnalyzerSummary: Sendable, Codable {
    /// The summary of no articles.
    init()
    /// Adds another summary into this one.
    mutating func merge(_ other: Self)
}

/// The summary of analyzers that have none.
public struct NoSummary: AnalyzerSummary, Hashable {
    public init() {}
    public mutating func merge(_ other: NoSummary) {}
}
