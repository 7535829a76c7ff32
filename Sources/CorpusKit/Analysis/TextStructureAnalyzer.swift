/// The standard `text` analyzer: tokens, sentences and paragraphs of the body, computed once per article and
/// shared by every analyzer that lists `.text` in its dependencies.
public struct TextStructureAnalyzer: Analyzer {
    public let id: AnalyzerID
    public var abstract: String { "Tokens (French elisions, abbreviations, dates, numbers), sentences and paragraphs." }
    /// Not in the default output: every token is a JSON object, about 14 bytes of JSON per byte of text.
    /// Select it (`--analyzers text`) to get tokens; every analyzer that needs them gets them anyway.
    public var isReportedByDefault: Bool { false }

    /// Creates the analyzer.
    /// - Parameter id: Its id; the standard instance uses `text`.
    public init(id: AnalyzerID = .text) { self.id = id }

    public func analyze(_ article: Article, in context: AnalysisContext) throws -> TextStructure {
        TextStructure(analyzing: article.body)
    }

    public func summarize(_ output: TextStructure, of article: Article) -> TextStatistics {
        var statistics = TextStatistics()
        statistics.articles = 1
        statistics.add(output)
        return statistics
    }
}

/// Corpus totals of the `text` analyzer.
public struct TextStatistics: AnalyzerSummary, Hashable, CustomStringConvertible {
    /// Articles counted.
    public var articles = 0
    /// Tokens of every kind.
    public var tokens = 0
    /// Word and number tokens.
    public var words = 0
    /// Sentences.
    public var sentences = 0
    /// Paragraphs.
    public var paragraphs = 0
    /// UTF-8 bytes of the bodies.
    public var bytes = 0

    public init() {}

    /// Adds one article's structure (not its article count).
    public mutating func add(_ structure: TextStructure) {
        tokens += structure.tokens.count
        words += structure.tokens.lazy.filter { $0.kind == .word || $0.kind == .number }.count
        sentences += structure.sentences.count
        paragraphs += structure.paragraphs.count
        bytes += structure.text.utf8.count
    }

    public mutating func merge(_ other: TextStatistics) {
        articles += other.articles
        tokens += other.tokens
        words += other.words
        sentences += other.sentences
        paragraphs += other.paragraphs
        bytes += other.bytes
    }

    public var description: String {
        "\(articles) articles, \(words) words, \(sentences) sentences, \(paragraphs) paragraphs"
    }
}

extension TextStructure: CustomStringConvertible {
    /// `412 tokens, 21 sentences, 12 paragraphs`.
    public var description: String {
        "\(tokens.count) tokens, \(sentences.count) sentences, \(paragraphs.count) paragraphs"
    }
}
