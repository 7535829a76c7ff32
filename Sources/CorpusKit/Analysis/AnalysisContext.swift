/// The read-only outputs of an analyzer's dependencies for the article being analysed.
public struct AnalysisContext: Sendable {
    var results: [AnalyzerID: any Sendable]
    /// Declared output types, to name them in error messages.
    let producedTypes: [AnalyzerID: String]

    init(results: [AnalyzerID: any Sendable] = [:], producedTypes: [AnalyzerID: String] = [:]) {
        self.results = results
        self.producedTypes = producedTypes
    }

    /// The output for `key`, or `nil` when it is not available (not a dependency, failed, or another type).
    public subscript<Value>(key: ResultKey<Value>) -> Value? {
        results[key.id] as? Value
    }

    /// The output for `key`.
    /// - Throws: ``CorpusKitError`` with code ``CorpusKitError/Code/missingResult`` naming what is missing or
    ///   which type the analyzer really produces.
    public func require<Value>(_ key: ResultKey<Value>) throws -> Value {
        guard let value = results[key.id] else {
            throw CorpusKitError(
                .missingResult,
                "no result for '\(key.id)' in the context: list it in the analyzer's dependencies")
        }
        guard let typed = value as? Value else {
            let actual = producedTypes[key.id] ?? String(describing: type(of: value))
            throw CorpusKitError(
                .missingResult, "'\(key.id)' produces \(actual), not \(Value.self)")
        }
        return typed
    }

    /// Ids whose outputs are available.
    public var availableIDs: [AnalyzerID] { results.keys.sorted() }
}
