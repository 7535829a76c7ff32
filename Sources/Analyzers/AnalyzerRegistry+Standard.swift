import CorpusKit

extension AnalyzerRegistry {
    /// Every standard CorpusKit analyzer, registered under its standard id, in dependency-friendly order.
    ///
    /// Build it once at startup, add your own analyzers, and hand it to a ``CorpusKit/Pipeline``:
    ///
    /// ```swift
    /// var registry = AnalyzerRegistry.standard
    /// try registry.register(MyAnalyzer())
    /// ```
    public static var standard: AnalyzerRegistry {
        // The core `text` analyzer; the date, entity, quote and sentiment analyzers join here as they land.
        AnalyzerRegistry.core
    }
}
