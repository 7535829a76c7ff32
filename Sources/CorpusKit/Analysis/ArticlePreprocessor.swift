/// A stage that rewrites each article before any analyzer runs. Page cleaning is one: it replaces the body
/// with the article's own text and fills in metadata found in the page.
///
/// Preprocessors are registered in the ``AnalyzerRegistry`` like analyzers (ids share one namespace) and run in
/// registration order. A pipeline built with `preprocessing: false` skips them all; replace the standard one
/// with ``AnalyzerRegistry/replace(withPreprocessor:)`` or drop it with ``AnalyzerRegistry/remove(_:)``.
///
/// Each run's ``Report`` is available to analyzers in their context under the preprocessor's id (when it ran),
/// and is written in the output when that id is selected. A preprocessor that throws leaves the article as it
/// was; the failure is recorded and the analyzers still run.
public protocol ArticlePreprocessor: Sendable {
    /// What the stage reports about one article (for example the blocks it removed and why).
    associatedtype Report: Sendable & Codable

    /// The stage's id.
    var id: AnalyzerID { get }
    /// One line saying what the stage does, shown by `corpus-tool list`.
    var abstract: String { get }

    /// Rewrites `article` and reports what was done.
    /// - Parameter article: The article to rewrite in place; keep ``Article/rawText`` as it is.
    /// - Returns: The report for this article.
    /// - Throws: Any error; the article is then analysed as it was before this stage.
    func process(_ article: inout Article) throws -> Report
}

extension ArticlePreprocessor {
    /// An empty description.
    public var abstract: String { "" }
    /// The typed key of this stage's report.
    public var key: ResultKey<Report> { ResultKey(id) }
}

/// A preprocessor with its types erased.
struct AnyPreprocessor: Sendable {
    let id: AnalyzerID
    let abstract: String
    let reportTypeName: String
    let run: @Sendable (inout Article) throws -> any Sendable & Encodable

    init<P: ArticlePreprocessor>(_ preprocessor: P) {
        id = preprocessor.id
        abstract = preprocessor.abstract
        reportTypeName = String(describing: P.Report.self)
        run = { article in try preprocessor.process(&article) }
    }
}
