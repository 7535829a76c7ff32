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
        /// How many articles quote it.
        public var articleCount: Int
        /// The first articles quoting it (at most ``SharedQuote/maximumListed``), in the order they were added.
        public var articles: [String]

        /// How many article ids are kept per quotation: a wire quotation can be reprinted by thousands of
        /// articles, and merging must stay cheap.
        public static let maximumListed = 20
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
                index.shared[key] = SharedQuote(text: quote.text, speaker: quote.speakerEntity?.name, articleCount: 1,
                                                articles: [articleID])
            }
        }
        return index
    }

    /// Adds another index.
    public mutating func merge(_ other: QuoteIndex) {
        bySpeaker.merge(other.bySpeaker, uniquingKeysWith: +)
        for (key, quote) in other.shared {
            if var known = shared[key] {
                known.articleCount += quote.articleCount
                for id in quote.articles where known.articles.count < SharedQuote.maximumListed {
                    known.articles.append(id)
                }
                if known.speaker == nil { known.speaker = quote.speaker }
                shared[key] = known
            } else {
                shared[key] = quote
            }
        }
    }

    /// The quotations found in more than one article, most widely quoted first.
    public var reprinted: [SharedQuote] {
        shared.values.filter { $0.articleCount > 1 }
            .sorted { ($1.articleCount, $0.text) < ($0.articleCount, $1.text) }
    }
}
