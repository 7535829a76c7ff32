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
        guard !analyzer.id.rawValue.isEmpty else {
            throw CorpusKitError(.unknownAnalyzer, "an analyzer id must not be empty")
        }
        guard indexByID[analyzer.id] == nil else {
            throw CorpusKitError(
                .duplicateAnalyzer,
                "an analyzer with id '\(analyzer.id)' is already registered; give this instance another id",
                analyzerID: analyzer.id)
        }
        add(AnyAnalyzer(analyzer))
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

    /// Removes the analyzer with this id, if any.
    public mutating func remove(_ id: AnalyzerID) {
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

    /// Whether an analyzer with this id is registered.
    public func contains(_ id: AnalyzerID) -> Bool { indexByID[id] != nil }

    /// What is known about each registered analyzer, in registration order.
    public var descriptions: [AnalyzerDescription] {
        analyzers.map {
            AnalyzerDescription(
                id: $0.id, abstract: $0.abstract, dependencies: $0.dependencies, outputType: $0.outputTypeName,
                summaryType: $0.hasSummary ? $0.summaryTypeName : nil)
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
}
