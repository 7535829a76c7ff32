import CorpusKit

/// Finds, types, merges and counts the people, organisations and places of each article; its corpus summary is
/// an ``EntityIndex`` (mentions, documents, first and last publication dates, spellings), mergeable across shards.
///
/// The analyzer runs ``EntityRecognizer`` over the shared `text` structure of the article body (after page
/// cleaning, when it ran). Its output is the article's ``CorpusKit/Entity`` list, in order of first mention:
/// `{"name", "kind", "count", "aliases", "variants", "mentions"}` in the JSONL output.
///
/// ```swift
/// var gazetteer = EntityGazetteer.standard
/// gazetteer.add("Sonelgaz", kind: .organization)
/// var registry = AnalyzerRegistry.standard
/// registry.replace(with: EntityAnalyzer(recognizer: EntityRecognizer(gazetteer: gazetteer)))
/// ```
public struct EntityAnalyzer: Analyzer {
    /// The id of this instance.
    public let id: AnalyzerID
    /// The recogniser used (its gazetteer can be extended).
    public let recognizer: EntityRecognizer

    /// Creates the analyzer.
    /// - Parameters:
    ///   - id: Its id; the standard instance uses `entities`.
    ///   - recognizer: The recogniser, with the standard gazetteer by default.
    public init(id: AnalyzerID = .entities, recognizer: EntityRecognizer = EntityRecognizer()) {
        self.id = id
        self.recognizer = recognizer
    }

    /// `text`: the shared tokens.
    public var dependencies: [AnalyzerID] { [.text] }

    /// One line for `corpus-tool list`.
    public var abstract: String {
        "People, organisations and places (French, English), typed, merged within the article and counted."
    }

    /// Finds and merges the article's entities.
    /// - Throws: ``CorpusKit/CorpusKitError`` when the `text` result is missing.
    /// - Complexity: O(n) in the length of the body.
    public func analyze(_ article: Article, in context: AnalysisContext) throws -> [Entity] {
        recognizer.entities(in: try context.require(.text))
    }

    /// The article's contribution to the corpus index.
    public func summarize(_ output: [Entity], of article: Article) -> EntityIndex {
        EntityIndex.contribution(of: output, publishedAt: article.publishedAt)
    }
}

extension AnalyzerID {
    /// The standard entity analyzer.
    public static let entities: AnalyzerID = "entities"
}

extension ResultKey where Value == [Entity] {
    /// The entities of the standard entity analyzer.
    public static var entities: Self { Self(.entities) }
}
