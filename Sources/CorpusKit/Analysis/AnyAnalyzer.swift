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

/// Merges `part` into the type-erased running summary `total`, in place; `false` (and `total` unchanged) when
/// their types differ.
///
/// The running summary is cast out to its concrete type and the existential is emptied before merging, so the
/// concrete value is uniquely owned: an array it holds grows in place instead of being copied on every article
/// (opening the existential directly copies its payload, which made article-by-article merging quadratic).
func mergeSummary(into total: inout any AnalyzerSummary, _ part: any AnalyzerSummary) -> Bool {
    func open<S: AnalyzerSummary>(_ part: S) -> Bool {
        guard var typed = total as? S else { return false }
        total = NoSummary()
        typed.merge(part)
        total = typed
        return true
    }
    return open(part)
}

/// Encodes any `Encodable` through an existential.
struct AnyEncodable: Encodable {
    let value: any Encodable
    func encode(to encoder: any Encoder) throws { try value.encode(to: encoder) }
}
