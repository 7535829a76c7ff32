/// One input of a corpus: an article, or the error that kept an input from becoming one.
///
/// Readers yield entries in input order, so a failed input keeps its place and is reported, never dropped.
public typealias CorpusEntry = Result<Article, CorpusKitError>
