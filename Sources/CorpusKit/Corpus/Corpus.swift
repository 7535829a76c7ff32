/// An ordered collection of articles held in memory.
///
/// For corpora larger than memory, stream a ``CorpusReader`` through ``Pipeline/run(_:batchSize:_:)`` instead;
/// both give the pipeline the same ``CorpusEntry`` values.
public struct Corpus: RandomAccessCollection, Sendable {
    /// The articles, in order.
    public private(set) var articles: [Article]

    /// Creates a corpus from articles.
    public init(_ articles: [Article] = []) { self.articles = articles }

    /// Loads every input of `paths` into memory.
    /// - Parameter paths: Files, directories, or `-` for JSONL on standard input (see ``CorpusReader``).
    /// - Returns: The corpus of the inputs that loaded, and the errors of those that did not, in input order.
    public static func load(paths: [String]) -> (corpus: Corpus, failures: [CorpusKitError]) {
        var articles: [Article] = []
        var failures: [CorpusKitError] = []
        for entry in CorpusReader(paths: paths) {
            switch entry {
            case .success(let article): articles.append(article)
            case .failure(let error): failures.append(error)
            }
        }
        return (Corpus(articles), failures)
    }

    /// Appends an article.
    public mutating func append(_ article: Article) { articles.append(article) }

    /// The articles as pipeline entries.
    public var entries: LazyMapSequence<[Article], CorpusEntry> { articles.lazy.map { .success($0) } }

    public var startIndex: Int { articles.startIndex }
    public var endIndex: Int { articles.endIndex }
    public subscript(position: Int) -> Article { articles[position] }
}
