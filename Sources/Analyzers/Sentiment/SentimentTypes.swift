import CorpusKit

/// One lexicon term found in a text and what happened to it.
public struct SentimentHit: Sendable, Hashable, Codable {
    /// The words as written.
    public var text: String
    /// Where they are.
    public var span: TextSpan
    /// The lexicon's valence (−1…1).
    public var valence: Double
    /// The valence after its modifiers.
    public var score: Double
    /// What changed it: `negated`, `intensified`, `dampened`, `before-contrast`, `after-contrast`, `emphasis`.
    public var modifiers: [String]

    private enum CodingKeys: String, CodingKey { case text, start, end, valence, score, modifiers }

    /// Creates a hit.
    public init(text: String, span: TextSpan, valence: Double, score: Double, modifiers: [String]) {
        self.text = text
        self.span = span
        self.valence = valence
        self.score = score
        self.modifiers = modifiers
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try span.encodeOffsets(to: &container, startKey: .start, endKey: .end, userInfo: encoder.userInfo)
        try container.encode(Self.rounded(valence), forKey: .valence)
        try container.encode(Self.rounded(score), forKey: .score)
        try container.encode(modifiers, forKey: .modifiers)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        span = try TextSpan(decodingOffsetsFrom: container, startKey: .start, endKey: .end, userInfo: decoder.userInfo)
        valence = try container.decode(Double.self, forKey: .valence)
        score = try container.decode(Double.self, forKey: .score)
        modifiers = try container.decode([String].self, forKey: .modifiers)
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}

/// The tone of a sentence: its bounded compound score, label and the hits that explain it.
public struct SentenceTone: Sendable, Hashable, Codable {
    /// Index in the article's sentences.
    public var sentence: Int
    /// −1…1 (`sum / sqrt(sum² + 1)` over the hits' scores).
    public var score: Double
    public var label: SentimentLabel
    public var hits: [SentimentHit]
}

/// Positive, negative or neutral.
public enum SentimentLabel: String, Sendable, Hashable, Codable {
    case positive, negative, neutral
}

/// The tone of a stretch of text made of sentences (an article, a paragraph, an entity's sentences, a quote).
public struct Tone: Sendable, Hashable, Codable {
    /// The overall score, −1…1: the mean of the sentence scores (never one compound over a whole text).
    public var score: Double
    public var label: SentimentLabel
    /// Shares of positive, negative and neutral sentences.
    public var positiveShare: Double
    public var negativeShare: Double
    public var neutralShare: Double
    /// (P − N) / (P + N) over the positive and negative hits; 0 without hits.
    public var netTone: Double
    /// (P + N) / words.
    public var density: Double
    public var hits: Int
    /// The words scored over (entity words included).
    public var words: Int
    public var sentences: Int
}

/// A sentiment analysis of one article: its tone, its sentences', paragraphs', quotes' and entities'.
public struct ArticleSentiment: Sendable, Hashable, Codable {
    public var tone: Tone
    public var sentences: [SentenceTone]
    public var paragraphs: [Tone]
    /// The tone of each quotation of the `quotes` analyzer (what the speaker said), in their order.
    public var quotes: [QuoteTone]
    /// The tone of the sentences that mention each entity (its own quoted words left out).
    public var entities: [EntityTone]

    /// A quotation's tone.
    public struct QuoteTone: Sendable, Hashable, Codable {
        public var quote: Int
        public var speaker: String?
        public var score: Double
        public var label: SentimentLabel
    }

    /// An entity's tone.
    public struct EntityTone: Sendable, Hashable, Codable {
        public var name: String
        public var kind: EntityKind
        public var score: Double
        public var label: SentimentLabel
        public var sentences: Int
    }
}
