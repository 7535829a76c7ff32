/// The results of a pipeline for one article: the article, each analyzer's output, and what failed.
public struct ArticleAnalysis: Sendable {
    /// The article as analysed.
    public let article: Article
    /// The analyzers whose outputs are reported, in the order they were selected.
    public let reportedIDs: [AnalyzerID]
    /// Every output computed, including dependencies that were not selected.
    let outputs: [AnalyzerID: any Sendable & Encodable]
    /// Failures of analyzers on this article; empty when everything ran.
    public let errors: [CorpusKitError]

    init(
        article: Article, reportedIDs: [AnalyzerID], outputs: [AnalyzerID: any Sendable & Encodable],
        errors: [CorpusKitError]
    ) {
        self.article = article
        self.reportedIDs = reportedIDs
        self.outputs = outputs
        self.errors = errors
    }

    /// The output for `key`, or `nil` when that analyzer did not run, failed, or produces another type.
    public subscript<Value>(key: ResultKey<Value>) -> Value? {
        outputs[key.id] as? Value
    }

    /// The output of an analyzer, untyped (for generic display and encoding).
    public func output(of id: AnalyzerID) -> (any Sendable & Encodable)? { outputs[id] }

    /// Whether every analyzer succeeded.
    public var succeeded: Bool { errors.isEmpty }
}
