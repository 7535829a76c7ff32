import CorpusKit

extension AnalyzerRegistry {
    /// Every standard CorpusKit analyzer and the page-cleaning stage, registered under their standard ids.
    ///
    /// Build it once at startup, add your own analyzers, and hand it to a ``CorpusKit/Pipeline``:
    ///
    /// ```swift
    /// var registry = AnalyzerRegistry.standard
    /// try registry.register(MyAnalyzer())
    /// ```
    public static var standard: AnalyzerRegistry {
        // The core `text` analyzer; the date, entity, quote and sentiment analyzers join here as they land.
        var registry = AnalyzerRegistry.core
        registry.addStandardPreprocessor(PageCleaner())
        registry.addStandard(DateAnalyzer())
        registry.addStandard(EntityAnalyzer())
        registry.addStandard(QuoteAnalyzer())
        registry.addStandard(SentimentAnalyzer())
        registry.addStandard(DuplicateFingerprinter())
        return registry
    }

    /// Adds a standard analyzer. Standard ids are fixed and distinct, so `register`'s duplicate-id error cannot
    /// happen here; a clash introduced by a later edit is caught by the assertion in debug builds and the tests,
    /// instead of a `try!` that would trap every release build at startup.
    private mutating func addStandard<A: Analyzer>(_ analyzer: A) {
        assert(
            !contains(analyzer.id) && !preprocessorIDs.contains(analyzer.id),
            "standard analyzer id '\(analyzer.id)' is registered twice")
        replace(with: analyzer)
    }

    /// Adds a standard preprocessing stage, on the same terms as ``addStandard(_:)``.
    private mutating func addStandardPreprocessor<P: ArticlePreprocessor>(_ preprocessor: P) {
        assert(
            !contains(preprocessor.id) && !preprocessorIDs.contains(preprocessor.id),
            "standard stage id '\(preprocessor.id)' is registered twice")
        replace(withPreprocessor: preprocessor)
    }
}
