import CorpusKit

/// The quotations of a corpus: how many each speaker entity has, and the same words quoted by several
/// articles (a wire quotation reprinted by several outlets), mergeable across shards.
public struct QuoteIndex: AnalyzerSummary, Hashable {
    /// Quotations by speaker (`kind\u{1F}name`; `unknown` when unresolved).
    public var bySpeaker: [String: Int]
    /// For each quotation (its words folded: case, accents, spaces), the articles quoting it and one form.
    public var shared: [String: SharedQuote]

    /// One quotation and where it appears.
    public struct SharedQuote: Sendable, Hashable, Codable {
        /// The words as first seen.
        public var text: String
        /// The speaker as first resolved, if any.
        public var speaker: String?
        /// The articles quoting it, sorted.
        public var articles: [String]
    }

    /// An empty index.
    public init() {
        bySpeaker = [:]
        shared = [:]
    }

    /// One article's contribution.
    public static func contribution(of quotes: [Quote], articleID: String) -> QuoteIndex {
        var index = QuoteIndex()
        for quote in quotes {
            let speaker = quote.speakerEntity.map { $0.kind.rawValue + "\u{1F}" + $0.name } ?? "unknown"
            index.bySpeaker[speaker, default: 0] += 1
            guard quote.kind == .direct, quote.text.count >= 20 else { continue }
            let key = NameFolding.folded(quote.text).split(whereSeparator: { $0 == " " || $0 == "\n" }).joined(separator: " ")
            if index.shared[key] == nil {
                index.shared[key] = SharedQuote(text: quote.text, speaker: quote.speakerEntity?.name, articles: [articleID])
            }
        }
        return index
    }

    /// Adds another index.
    public mutating func merge(_ other: QuoteIndex) {
        bySpeaker.merge(other.bySpeaker, uniquingKeysWith: +)
        for (key, quote) in other.shared {
            if var known = shared[key] {
                known.articles = Array(Set(known.articles + quote.articles)).sorted()
                if known.speaker == nil { known.speaker = quote.speaker }
                shared[key] = known
            } else {
                shared[key] = quote
            }
        }
    }

    /// The quotations found in more than one article, most widely quoted first.
    public var reprinted: [SharedQuote] {
        shared.values.filter { $0.articles.count > 1 }
            .sorted { ($1.articles.count, $0.text) < ($0.articles.count, $1.text) }
    }
}
