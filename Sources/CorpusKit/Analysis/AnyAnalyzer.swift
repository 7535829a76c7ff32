import Foundation

/// An analyzer with its types erased, as the registry and pipeline store it.
struct AnyAnalyzer: Sendable {
    let id: AnalyzerID
    let dependencies: [AnalyzerID]
    let abstract: String
    let isReportedByDefault: Bool
    let outputTypeName: String
    let summaryTypeName: String
    let hasSummary: Bool
    let run: @Sendable (Article, AnalysisContext) throws -> any Sendable & Encodable
    let summarize: @Sendable (any Sendable, Article) -> (any AnalyzerSummary)?
    let emptySummary: @Sendable () -> any AnalyzerSummary
    let decodeSummary: @Sendable (any Decoder) throws -> any AnalyzerSummary

    init<A: Analyzer>(_ analyzer: A) {
        id = analyzer.id
        dependencies = analyzer.dependencies
        abstract = analyzer.abstract
        isReportedByDefault = analyzer.isReportedByDefault
        outputTypeName = String(describing: A.Output.self)
        summaryTypeName = String(describing: A.Summary.self)
        hasSummary = A.Summary.self != NoSummary.self
        run = { article, context in try analyzer.analyze(article, in: context) }
        summarize = { output, article in
            guard let output = output as? A.Output else { return nil }
            return analyzer.summarize(output, of: article)
        }
        emptySummary = { A.Summary() }
        decodeSummary = { decoder in try A.Summary(from: decoder) }
    }
}

/// Merges two type-erased summaries of the same type; `nil` when the types differ.
func mergeSummaries(_ lhs: any AnalyzerSummary, _ rhs: any AnalyzerSummary) -> (any AnalyzerSummary)? {
    func open<S: AnalyzerSummary>(_ lhs: S) -> (any AnalyzerSummary)? {
        guard let rhs = rhs as? S else { return nil }
        var merged = lhs
        merged.merge(rhs)
        return merged
    }
    return open(lhs)
}

/// Encodes any `Encodable` through an existential.
struct AnyEncodable: Encodable {
    let value: any Encodable
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
