/// The analyzers an application makes available, built once at startup and handed to a ``Pipeline``.
///
/// A value, not a global: tests and programs build the registry they need, and which analyzers run is chosen
/// per pipeline. Registration order is kept (it is the order of `corpus-tool list`).
///
/// ```swift
/// var registry = AnalyzerRegistry.standard        // CorpusKitAnalyzers: every standard analyzer
/// try registry.register(KeywordInContext(keywords: ["eau"]))
/// let pipeline = try Pipeline(registry: registry)
/// ```
public struct AnalyzerRegistry: Sendable {
    private(set) var analyzers: [AnyAnalyzer] = []
    private var indexByID: [AnalyzerID: Int] = [:]
    /// Stages that rewrite articles before analysis, in the order they run.
    private(set) var preprocessors: [AnyPreprocessor] = []

    /// An empty registry.
    public init() {}

    /// A registry holding CorpusKit's core analyzer, `text` (tokens, sentences, paragraphs).
    /// `CorpusKitAnalyzers` adds the standard analyzers in `AnalyzerRegistry.standard`.
    public static var core: AnalyzerRegistry {
        var registry = AnalyzerRegistry()
        registry.add(AnyAnalyzer(TextStructureAnalyzer()))
        return registry
    }

    /// Adds an analyzer.
    /// - Parameter analyzer: The analyzer; its id must not be registered yet.
    /// - Throws: ``CorpusKitError/Code/duplicateAnalyzer`` when an analyzer with the same id is registered.
    ///   Dependencies are checked when a ``Pipeline`` is built, so analyzers can be registered in any order.
    public mutating func register<A: Analyzer>(_ analyzer: A) throws {
        try checkNew(analyzer.id)
        add(AnyAnalyzer(analyzer))
    }

    /// Adds a stage that rewrites articles before analysis (see ``ArticlePreprocessor``); stages run in the
    /// order they are registered.
    /// - Throws: ``CorpusKitError/Code/duplicateAnalyzer`` when an analyzer or stage has the same id.
    public mutating func register<P: ArticlePreprocessor>(preprocessor: P) throws {
        try checkNew(preprocessor.id)
        preprocessors.append(AnyPreprocessor(preprocessor))
    }

    /// Replaces the stage registered under the same id (keeping its place), or adds it at the end.
    public mutating func replace<P: ArticlePreprocessor>(withPreprocessor preprocessor: P) {
        if let index = preprocessors.firstIndex(where: { $0.id == preprocessor.id }) {
            preprocessors[index] = AnyPreprocessor(preprocessor)
        } else {
            preprocessors.append(AnyPreprocessor(preprocessor))
        }
    }

    private func checkNew(_ id: AnalyzerID) throws {
        guard !id.rawValue.isEmpty else {
            throw CorpusKitError(.unknownAnalyzer, "an analyzer id must not be empty")
        }
        guard indexByID[id] == nil, !preprocessors.contains(where: { $0.id == id }) else {
            throw CorpusKitError(
                .duplicateAnalyzer,
                "an analyzer with id '\(id)' is already registered; give this instance another id",
                analyzerID: id)
        }
    }

    /// Replaces the analyzer registered under the same id, or adds it when there is none.
    /// - Parameter analyzer: The analyzer to use from now on.
    public mutating func replace<A: Analyzer>(with analyzer: A) {
        if let index = indexByID[analyzer.id] {
            analyzers[index] = AnyAnalyzer(analyzer)
        } else {
            add(AnyAnalyzer(analyzer))
        }
    }

    /// Removes the analyzer or preprocessing stage with this id, if any.
    public mutating func remove(_ id: AnalyzerID) {
        preprocessors.removeAll { $0.id == id }
        guard let index = indexByID[id] else { return }
        analyzers.remove(at: index)
        indexByID = [:]
        for (position, analyzer) in analyzers.enumerated() { indexByID[analyzer.id] = position }
    }

    private mutating func add(_ analyzer: AnyAnalyzer) {
        indexByID[analyzer.id] = analyzers.count
        analyzers.append(analyzer)
    }

    /// Ids of the registered analyzers, in registration order.
    public var ids: [AnalyzerID] { analyzers.map(\.id) }

    /// Ids of the preprocessing stages, in the order they run.
    public var preprocessorIDs: [AnalyzerID] { preprocessors.map(\.id) }

    /// Whether an analyzer with this id is registered.
    public func contains(_ id: AnalyzerID) -> Bool { indexByID[id] != nil }

    /// What is known about each preprocessing stage, then each analyzer, in registration order.
    public var descriptions: [AnalyzerDescription] {
        preprocessors.map {
            AnalyzerDescription(
                id: $0.id, abstract: $0.abstract, dependencies: [], outputType: $0.reportTypeName, summaryType: nil,
                isPreprocessor: true)
        }
            + analyzers.map {
                AnalyzerDescription(
                    id: $0.id, abstract: $0.abstract, dependencies: $0.dependencies, outputType: $0.outputTypeName,
                    summaryType: $0.hasSummary ? $0.summaryTypeName : nil, isPreprocessor: false)
            }
    }

    func analyzer(_ id: AnalyzerID) -> AnyAnalyzer? { indexByID[id].map { analyzers[$0] } }
}

/// A registered analyzer as `corpus-tool list` shows it.
public struct AnalyzerDescription: Sendable, Hashable, Codable {
    /// The analyzer's id.
    public var id: AnalyzerID
    /// One line saying what it finds.
    public var abstract: String
    /// The ids it depends on.
    public var dependencies: [AnalyzerID]
    /// The Swift type of its output.
    public var outputType: String
    /// The Swift type of its corpus summary, when it has one.
    public var summaryType: String?
    /// Whether this is a preprocessing stage (it rewrites articles before analyzers run).
    public var isPreprocessor: Bool
}
