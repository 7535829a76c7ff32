import CorpusKit

/// The tone of a corpus by publication month, by outlet, by entity and by speaker: for each, the sum of
/// article (entity, quotation) scores and their count, so that shards merge by adding.
public struct SentimentIndex: AnalyzerSummary, Hashable {
    /// A running mean.
    public struct Mean: Sendable, Hashable, Codable {
        public var sum: Double = 0
        public var count: Int = 0
        /// The mean, 0 when empty.
        public var value: Double { count > 0 ? sum / Double(count) : 0 }
        mutating func add(_ score: Double) { sum += score; count += 1 }
        mutating func merge(_ other: Mean) { sum += other.sum; count += other.count }
    }

    public var byMonth: [String: Mean]
    public var byOutlet: [String: Mean]
    /// By `kind\u{1F}name`.
    public var byEntity: [String: Mean]
    public var bySpeaker: [String: Mean]

    /// An empty index.
    public init() {
        byMonth = [:]
        byOutlet = [:]
        byEntity = [:]
        bySpeaker = [:]
    }

    /// One article's contribution.
    public static func contribution(of sentiment: ArticleSentiment, article: Article) -> SentimentIndex {
        var index = SentimentIndex()
        if let date = article.publishedAt, let month = date.month {
            let key = String(format: "%04d-%02d", date.year, month)
            index.byMonth[key, default: Mean()].add(sentiment.tone.score)
        }
        if let source = article.source { index.byOutlet[source, default: Mean()].add(sentiment.tone.score) }
        for entity in sentiment.entities where entity.sentences > 0 {
            index.byEntity[entity.kind.rawValue + "\u{1F}" + entity.name, default: Mean()].add(entity.score)
        }
        for quote in sentiment.quotes {
            if let speaker = quote.speaker { index.bySpeaker[speaker, default: Mean()].add(quote.score) }
        }
        return index
    }

    /// Adds another index.
    public mutating func merge(_ other: SentimentIndex) {
        for (k, v) in other.byMonth { byMonth[k, default: Mean()].merge(v) }
        for (k, v) in other.byOutlet { byOutlet[k, default: Mean()].merge(v) }
        for (k, v) in other.byEntity { byEntity[k, default: Mean()].merge(v) }
        for (k, v) in other.bySpeaker { bySpeaker[k, default: Mean()].merge(v) }
    }
}
