import CorpusKit

/// Finds the quotations of each article — direct, partial and indirect — with their cues and speakers,
/// resolved to the article's entities; its corpus summary is a ``QuoteIndex`` (quotations by speaker, and the
/// same words quoted by several articles), mergeable across shards.
///
/// ```swift
/// let pipeline = try Pipeline(registry: .standard, selecting: [.quotes])
/// ```
public struct QuoteAnalyzer: Analyzer {
    /// The id of this instance.
    public let id: AnalyzerID
    /// The extractor used.
    public let extractor: QuoteExtractor

    /// Creates the analyzer.
    public init(id: AnalyzerID = .quotes, extractor: QuoteExtractor = QuoteExtractor()) {
        self.id = id
        self.extractor = extractor
    }

    /// `text` for the tokens, `entities` for the speakers.
    public var dependencies: [AnalyzerID] { [.text, .entities] }

    /// One line for `corpus-tool list`.
    public var abstract: String {
        "Who said what: direct, partial and indirect quotations with cues and speakers resolved to entities."
    }

    /// Finds the article's quotations.
    /// - Throws: ``CorpusKit/CorpusKitError`` when the `text` or `entities` result is missing.
    public func analyze(_ article: Article, in context: AnalysisContext) throws -> [Quote] {
        extractor.quotes(in: try context.require(.text), entities: try context.require(.entities))
    }

    /// The article's contribution to the corpus index.
    public func summarize(_ output: [Quote], of article: Article) -> QuoteIndex {
        QuoteIndex.contribution(of: output, articleID: article.id)
    }
}
