import Foundation

/// Corpus-level results of a run: counts, and the merged summary of every selected analyzer that has one.
///
/// Summaries merge: analyse shards of a corpus apart (in other processes or on other machines), write each
/// summary as JSON, then decode them with ``Pipeline/decodeSummary(from:)`` and ``merge(_:)`` them; the result
/// equals that of one run over the whole corpus.
public struct CorpusSummary: Sendable, Encodable {
    /// Articles analysed (including those where an analyzer failed).
    public var articles = 0
    /// Inputs that could not be loaded.
    public var failedInputs = 0
    /// Articles on which at least one analyzer failed.
    public var articlesWithErrors = 0
    /// Failures per analyzer id.
    public var failuresByAnalyzer: [AnalyzerID: Int] = [:]
    /// Merged summaries per analyzer id.
    public internal(set) var analyzers: [AnalyzerID: any AnalyzerSummary] = [:]

    /// An empty summary.
    public init() {}

    /// The summary of an analyzer, typed.
    public func summary<Value: AnalyzerSummary>(of id: AnalyzerID, as type: Value.Type = Value.self) -> Value? {
        analyzers[id] as? Value
    }

    /// Adds another summary into this one.
    /// - Throws: ``CorpusKitError/Code/incompatibleSummary`` when the same analyzer id has summaries of
    ///   different types in the two.
    public mutating func merge(_ other: CorpusSummary) throws {
        for (id, summary) in other.analyzers {
            if var mine = analyzers.removeValue(forKey: id) {
                defer { analyzers[id] = mine }
                guard mergeSummary(into: &mine, summary) else {
                    throw CorpusKitError(
                        .incompatibleSummary,
                        "summaries of '\(id)' have different types: \(type(of: mine)) and \(type(of: summary))",
                        analyzerID: id)
                }
            } else {
                analyzers[id] = summary
            }
        }
        articles += other.articles
        failedInputs += other.failedInputs
        articlesWithErrors += other.articlesWithErrors
        failuresByAnalyzer.merge(other.failuresByAnalyzer, uniquingKeysWith: +)
    }

    mutating func addFailedInput() { failedInputs += 1 }

    mutating func add(_ analysis: ArticleAnalysis, contributions: [AnalyzerID: any AnalyzerSummary]) {
        articles += 1
        if !analysis.errors.isEmpty { articlesWithErrors += 1 }
        for error in analysis.errors {
            if let id = error.analyzerID { failuresByAnalyzer[id, default: 0] += 1 }
        }
        for (id, contribution) in contributions {
            // Taken out of the dictionary so that the merge owns it alone (see `mergeSummary(into:_:)`).
            guard var current = analyzers.removeValue(forKey: id), mergeSummary(into: &current, contribution) else {
                analyzers[id] = contribution
                continue
            }
            analyzers[id] = current
        }
    }

    private enum CodingKeys: String, CodingKey {
        case articles, failedInputs, articlesWithErrors, failuresByAnalyzer, analyzers
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(articles, forKey: .articles)
        try container.encode(failedInputs, forKey: .failedInputs)
        try container.encode(articlesWithErrors, forKey: .articlesWithErrors)
        try container.encode(
            Dictionary(uniqueKeysWithValues: failuresByAnalyzer.map { ($0.key.rawValue, $0.value) }),
            forKey: .failuresByAnalyzer)
        try container.encode(
            Dictionary(uniqueKeysWithValues: analyzers.map { ($0.key.rawValue, AnyEncodable(value: $0.value)) }),
            forKey: .analyzers)
    }
}

extension CorpusSummary: Decodable {
    /// Decodes a summary; only possible through ``Pipeline/decodeSummary(from:)``, which knows the types.
    public init(from decoder: any Decoder) throws {
        guard let box = decoder.userInfo[SummaryDecodingBox.key] as? SummaryDecodingBox else {
            throw CorpusKitError(
                .incompatibleSummary, "decode summaries with Pipeline.decodeSummary(from:), which knows their types")
        }
        let container = try decoder.container(keyedBy: CodingKeys.self)
        articles = try container.decode(Int.self, forKey: .articles)
        failedInputs = try container.decode(Int.self, forKey: .failedInputs)
        articlesWithErrors = try container.decodeIfPresent(Int.self, forKey: .articlesWithErrors) ?? 0
        let failures = try container.decodeIfPresent([String: Int].self, forKey: .failuresByAnalyzer) ?? [:]
        failuresByAnalyzer = Dictionary(uniqueKeysWithValues: failures.map { (AnalyzerID($0.key), $0.value) })
        let nested = try container.nestedContainer(keyedBy: DynamicKey.self, forKey: .analyzers)
        for key in nested.allKeys {
            let id = AnalyzerID(key.stringValue)
            guard let analyzer = box.analyzer(id) else {
                throw CorpusKitError(
                    .incompatibleSummary, "the summary has an entry for '\(id)', which this pipeline does not run",
                    analyzerID: id)
            }
            analyzers[id] = try analyzer.decodeSummary(nested.superDecoder(forKey: key))
        }
    }
}

/// Lets ``CorpusSummary`` find the summary type of each analyzer while decoding.
struct SummaryDecodingBox: Sendable {
    static let key = CodingUserInfoKey(rawValue: "corpuskit.summaryDecoding")!
    let analyzer: @Sendable (AnalyzerID) -> AnyAnalyzer?
}

struct DynamicKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
