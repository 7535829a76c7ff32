/// A typed handle on an analyzer's output: the analyzer's id plus the type of what it produces.
///
/// Read results with it from an ``AnalysisContext`` (inside an analyzer) or an ``ArticleAnalysis`` (after a
/// run). Declare short names for your own analyzers the way CorpusKit does for its own:
///
/// ```swift
/// extension ResultKey where Value == KeywordHits {
///     static var keywords: Self { Self("org.example.keywords") }
/// }
/// let hits = analysis[.keywords]
/// ```
public struct ResultKey<Value: Sendable>: Sendable, Hashable {
    /// The id of the analyzer instance that produces the value.
    public let id: AnalyzerID

    /// Creates a key for the analyzer with this id.
    public init(_ id: AnalyzerID) { self.id = id }
}

extension ResultKey where Value == TextStructure {
    /// Tokens, sentences and paragraphs from the standard `text` analyzer.
    public static var text: Self { Self(.text) }
}
