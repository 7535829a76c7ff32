import Dispatch
import Foundation

/// Runs selected analyzers, and what they depend on, over articles: one article per core at a time, results
/// in input order, failures recorded per article and analyzer without stopping the run.
///
/// Configuration errors (unknown ids, missing dependencies, cycles) are thrown when the pipeline is built, so a
/// run never starts half-configured.
///
/// ```swift
/// let pipeline = try Pipeline(registry: .standard, selecting: ["text"])
/// let summary = try pipeline.run(CorpusReader(paths: ["Examples/corpus"])) { result in
///     switch result {
///     case .success(let analysis): print(analysis.article.id, analysis[.text]?.sentences.count ?? 0)
///     case .failure(let error): print("skipped:", error)
///     }
/// }
/// ```
public struct Pipeline: Sendable {
    /// The analyzers whose outputs are reported, in selection order.
    public let selectedIDs: [AnalyzerID]
    /// Every analyzer that runs, dependencies first.
    public let executionOrder: [AnalyzerID]
    /// The preprocessing stages that run before the analyzers, in order (empty when preprocessing is off).
    public var preprocessorIDs: [AnalyzerID] { preprocessors.map(\.id) }
    private let preprocessors: [AnyPreprocessor]
    private let stages: [Stage]
    private let producedTypes: [AnalyzerID: String]

    private struct Stage: Sendable {
        let analyzer: AnyAnalyzer
        /// Positions in `stages` of this stage's dependencies.
        let dependencyPositions: [Int]
    }

    /// Builds a pipeline.
    /// - Parameters:
    ///   - registry: The registered analyzers and preprocessing stages.
    ///   - ids: The analyzers (or preprocessing stages, for their reports) to report; `nil` for the stages that run
    ///     and every registered analyzer reported by default (``Analyzer/isReportedByDefault``), in that order.
    ///   - preprocessing: Whether the registry's preprocessing stages (page cleaning) run first.
    /// - Throws: ``CorpusKitError`` with code ``CorpusKitError/Code/unknownAnalyzer`` for an id that is not
    ///   registered (or a stage selected while preprocessing is off), ``CorpusKitError/Code/missingDependency``
    ///   when a dependency is not registered, and ``CorpusKitError/Code/dependencyCycle`` naming the cycle.
    public init(registry: AnalyzerRegistry, selecting ids: [AnalyzerID]? = nil, preprocessing: Bool = true) throws {
        let preprocessors = preprocessing ? registry.preprocessors : []
        var reported: [AnalyzerID] = []  // analyzers and stages, in selection order
        var selected: [AnalyzerID] = []  // analyzers only
        // By default: the reports of the stages that run (what cleaning removed, and why), then every analyzer
        // reported by default.
        let defaultIDs = preprocessors.map(\.id) + registry.analyzers.filter(\.isReportedByDefault).map(\.id)
        for id in ids ?? defaultIDs where !reported.contains(id) {
            if registry.preprocessorIDs.contains(id) {
                guard preprocessing else {
                    throw CorpusKitError(
                        .unknownAnalyzer, "'\(id)' is a preprocessing stage, and preprocessing is turned off",
                        analyzerID: id)
                }
                reported.append(id)
                continue
            }
            guard registry.contains(id) else {
                let known = (registry.preprocessorIDs + registry.ids).map(\.rawValue).joined(separator: ", ")
                throw CorpusKitError(
                    .unknownAnalyzer, "no analyzer '\(id)' is registered (registered: \(known))", analyzerID: id)
            }
            selected.append(id)
            reported.append(id)
        }
        // Depth-first topological order; `path` holds the current chain of dependencies to report a cycle exactly.
        var order: [AnalyzerID] = []
        var done: Set<AnalyzerID> = []
        var path: [AnalyzerID] = []
        func visit(_ id: AnalyzerID) throws {
            if done.contains(id) { return }
            if let start = path.firstIndex(of: id) {
                let cycle = (path[start...] + [id]).map(\.rawValue).joined(separator: " → ")
                throw CorpusKitError(.dependencyCycle, "analyzers depend on each other in a cycle: \(cycle)",
                    analyzerID: id)
            }
            guard let analyzer = registry.analyzer(id) else { return }
            path.append(id)
            for dependency in analyzer.dependencies {
                guard registry.contains(dependency) else {
                    throw CorpusKitError(
                        .missingDependency,
                        "'\(id)' depends on '\(dependency)', which is not registered", analyzerID: id)
                }
                try visit(dependency)
            }
            path.removeLast()
            done.insert(id)
            order.append(id)
        }
        for id in selected { try visit(id) }

        var position: [AnalyzerID: Int] = [:]
        var stages: [Stage] = []
        for id in order {
            let analyzer = registry.analyzer(id)!
            stages.append(Stage(analyzer: analyzer, dependencyPositions: analyzer.dependencies.map { position[$0]! }))
            position[id] = stages.count - 1
        }
        self.selectedIDs = reported
        self.executionOrder = order
        self.preprocessors = preprocessors
        self.stages = stages
        self.producedTypes = Dictionary(uniqueKeysWithValues: stages.map { ($0.analyzer.id, $0.analyzer.outputTypeName) })
    }

    // MARK: One article

    /// Analyses one article on the calling thread.
    /// - Returns: The outputs of every analyzer that ran and the failures; never throws.
    public func analyze(_ article: Article) -> ArticleAnalysis {
        var context = AnalysisContext(producedTypes: producedTypes)
        var outputs: [AnalyzerID: any Sendable & Encodable] = [:]
        var errors: [CorpusKitError] = []
        var article = article
        for preprocessor in preprocessors {
            // Work on a copy so that a stage that throws half-way leaves the article as it was.
            var candidate = article
            do {
                let report = try preprocessor.run(&candidate)
                article = candidate
                outputs[preprocessor.id] = report
                context.results[preprocessor.id] = report
            } catch {
                errors.append(Self.failure(error, article: article, stage: preprocessor.id))
            }
        }
        var failed = [Bool](repeating: false, count: stages.count)
        for (index, stage) in stages.enumerated() {
            let id = stage.analyzer.id
            if let blocker = stage.dependencyPositions.first(where: { failed[$0] }) {
                failed[index] = true
                errors.append(CorpusKitError(
                    .dependencyFailed, "not run because '\(stages[blocker].analyzer.id)' failed",
                    articleID: article.id, analyzerID: id))
                continue
            }
            do {
                let output = try stage.analyzer.run(article, context)
                outputs[id] = output
                context.results[id] = output
            } catch {
                failed[index] = true
                errors.append(Self.failure(error, article: article, stage: id))
            }
        }
        return ArticleAnalysis(article: article, reportedIDs: selectedIDs, outputs: outputs, errors: errors)
    }

    /// A thrown error as a ``CorpusKitError`` naming the article and the stage.
    private static func failure(_ error: any Error, article: Article, stage: AnalyzerID) -> CorpusKitError {
        guard var error = error as? CorpusKitError else {
            return CorpusKitError(.analyzerFailed, String(describing: error), articleID: article.id, analyzerID: stage)
        }
        error.articleID = error.articleID ?? article.id
        error.analyzerID = error.analyzerID ?? stage
        return error
    }

    // MARK: Many articles

    /// Analyses articles on all cores and returns the results in input order.
    /// - Complexity: O(total text length); one article per core at a time.
    public func analyze(_ articles: [Article]) -> [ArticleAnalysis] {
        parallelMap(articles) { analyze($0) }
    }

    /// Streams a corpus through the pipeline in input order, with bounded memory: entries are read in batches,
    /// each batch is analysed on all cores, and `handle` is called on the calling thread for each entry in order.
    ///
    /// Inputs that failed to load arrive as `.failure` at their place in the order; nothing is dropped.
    /// - Parameters:
    ///   - entries: Articles or load failures, such as a ``CorpusReader`` or a ``Corpus``'s ``Corpus/entries``.
    ///   - batchSize: How many entries are held in memory at once (at least one per core).
    ///   - handle: Called once per entry, in input order.
    /// - Returns: The merged corpus summary of every analyzer that has one.
    /// - Throws: Only what `handle` throws; reading stops there.
    @discardableResult
    public func run<Entries: Sequence>(
        _ entries: Entries, batchSize: Int = 256,
        _ handle: (Result<ArticleAnalysis, CorpusKitError>) throws -> Void
    ) rethrows -> CorpusSummary where Entries.Element == CorpusEntry {
        try run(entries, batchSize: batchSize, preparing: { _ in () }) { result in
            try handle(result.map(\.analysis))
        }
    }

    /// Streams a corpus like ``run(_:batchSize:_:)``, and also runs `prepare` on each analysis in parallel,
    /// on the worker that analysed it — for per-article work such as encoding results, which would otherwise
    /// run on one thread.
    /// - Parameters:
    ///   - entries: Articles or load failures.
    ///   - batchSize: How many entries are held in memory at once (at least one per core).
    ///   - prepare: Called concurrently (so it must be safe to call from several threads at once), once per
    ///     analysed article.
    ///   - handle: Called once per entry, in input order, with the analysis and what `prepare` made of it.
    /// - Returns: The merged corpus summary.
    /// - Throws: Only what `handle` throws; reading stops there.
    @discardableResult
    public func run<Entries: Sequence, Prepared: Sendable>(
        _ entries: Entries, batchSize: Int = 256, preparing prepare: @Sendable (ArticleAnalysis) -> Prepared,
        _ handle: (Result<(analysis: ArticleAnalysis, prepared: Prepared), CorpusKitError>) throws -> Void
    ) rethrows -> CorpusSummary where Entries.Element == CorpusEntry {
        var summary = emptySummary()
        var batch: [CorpusEntry] = []
        let size = Swift.max(batchSize, ProcessInfo.processInfo.activeProcessorCount)
        batch.reserveCapacity(size)
        func flush() throws {
            // Analysis, summary contributions and `prepare` all run on the workers; the calling thread only
            // merges and hands results on, in order.
            let results = parallelMap(batch) { entry in
                entry.map { article -> Processed<Prepared> in
                    let analysis = analyze(article)
                    return Processed(
                        analysis: analysis, contributions: summaryContribution(of: analysis), prepared: prepare(analysis))
                }
            }
            batch.removeAll(keepingCapacity: true)
            for result in results {
                switch result {
                case .failure(let error):
                    summary.addFailedInput()
                    try handle(.failure(error))
                case .success(let processed):
                    summary.add(processed.analysis, contributions: processed.contributions)
                    try handle(.success((processed.analysis, processed.prepared)))
                }
            }
        }
        for entry in entries {
            batch.append(entry)
            if batch.count == size { try flush() }
        }
        if !batch.isEmpty { try flush() }
        return summary
    }

    /// One analysed article with the work done beside it on its worker.
    private struct Processed<Prepared: Sendable>: Sendable {
        let analysis: ArticleAnalysis
        let contributions: [AnalyzerID: any AnalyzerSummary]
        let prepared: Prepared
    }

    /// Streams an asynchronous sequence of corpus entries through the pipeline, keeping input order, with at
    /// most two articles per core in flight.
    /// - Parameters:
    ///   - entries: Articles or load failures, for example a ``CorpusReader``.
    ///   - handle: Called once per entry, in input order.
    /// - Returns: The merged corpus summary.
    @discardableResult
    public func run<Entries: AsyncSequence & Sendable>(
        _ entries: Entries, _ handle: (Result<ArticleAnalysis, CorpusKitError>) async throws -> Void
    ) async throws -> CorpusSummary where Entries.Element == CorpusEntry {
        var summary = emptySummary()
        let window = 2 * Swift.max(1, ProcessInfo.processInfo.activeProcessorCount)
        try await withThrowingTaskGroup(of: (Int, Result<ArticleAnalysis, CorpusKitError>).self) { group in
            var iterator = entries.makeAsyncIterator()
            var nextToStart = 0
            var nextToEmit = 0
            var pending: [Int: Result<ArticleAnalysis, CorpusKitError>] = [:]
            var exhausted = false
            while true {
                while !exhausted && nextToStart - nextToEmit < window {
                    guard let entry = try await iterator.next() else { exhausted = true; break }
                    let position = nextToStart
                    group.addTask { (position, entry.map { self.analyze($0) }) }
                    nextToStart += 1
                }
                guard let (position, result) = try await group.next() else { break }
                pending[position] = result
                while let ready = pending.removeValue(forKey: nextToEmit) {
                    switch ready {
                    case .failure: summary.addFailedInput()
                    case .success(let analysis): summary.add(analysis, contributions: summaryContribution(of: analysis))
                    }
                    try await handle(ready)
                    nextToEmit += 1
                }
            }
        }
        return summary
    }

    // MARK: Summaries

    /// A summary of no articles, with an empty entry for every selected analyzer that has a summary.
    public func emptySummary() -> CorpusSummary {
        var summary = CorpusSummary()
        for stage in stages where stage.analyzer.hasSummary && selectedIDs.contains(stage.analyzer.id) {
            summary.analyzers[stage.analyzer.id] = stage.analyzer.emptySummary()
        }
        return summary
    }

    func summaryContribution(of analysis: ArticleAnalysis) -> [AnalyzerID: any AnalyzerSummary] {
        var contributions: [AnalyzerID: any AnalyzerSummary] = [:]
        for stage in stages where stage.analyzer.hasSummary && selectedIDs.contains(stage.analyzer.id) {
            guard let output = analysis.outputs[stage.analyzer.id],
                  let contribution = stage.analyzer.summarize(output, analysis.article)
            else { continue }
            contributions[stage.analyzer.id] = contribution
        }
        return contributions
    }

    /// Decodes a summary written by ``CorpusSummary``'s `encode(to:)`, using this pipeline's analyzers to know
    /// the summary types.
    /// - Throws: ``CorpusKitError/Code/incompatibleSummary`` when the data names an analyzer this pipeline does
    ///   not run, or a `DecodingError` when the data is not a summary.
    public func decodeSummary(from data: Data) throws -> CorpusSummary {
        let decoder = JSONDecoder()
        let box = SummaryDecodingBox { id in self.stages.first { $0.analyzer.id == id && $0.analyzer.hasSummary }?.analyzer }
        decoder.userInfo[SummaryDecodingBox.key] = box
        return try decoder.decode(CorpusSummary.self, from: data)
    }
}

/// Maps `transform` over `items` on all cores, keeping order.
///
/// `transform` is called concurrently. That is safe for the pipeline's use: it only reads the `Sendable`
/// pipeline and writes the slot of its own index, so the box that carries it across threads is unchecked.
func parallelMap<T: Sendable, U: Sendable>(_ items: [T], _ transform: (T) -> U) -> [U] {
    if items.count <= 1 { return items.map(transform) }
    return withoutActuallyEscaping(transform) { transform in
        Array(unsafeUninitializedCapacity: items.count) { buffer, initialized in
            items.withUnsafeBufferPointer { input in
                let shared = UncheckedSendable(value: (buffer.baseAddress!, input, transform))
                DispatchQueue.concurrentPerform(iterations: input.count) { index in
                    let (output, input, transform) = shared.value
                    (output + index).initialize(to: transform(input[index]))
                }
            }
            initialized = items.count
        }
    }
}

/// Carries a value the compiler cannot prove `Sendable` across threads; see ``parallelMap(_:_:)`` for why that
/// is safe where it is used.
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}
