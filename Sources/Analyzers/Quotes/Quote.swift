import CorpusKit

/// A quotation found in an article: what was said, how (direct, indirect or mixed), the cue that reports it,
/// who said it, and the entity that speaker is.
///
/// In JSON: `{"text", "start", "end", "fragments": [{"start", "end"}], "kind", "quoteMarks", "cue": {"text",
/// "start", "end", "lemma"}, "speaker": {"text", "start", "end"}, "speakerEntity": {"name", "kind", "method"},
/// "coSpeakers": [...], "confidence", "paragraph"}`, offsets in Unicode scalars, every key present (`null` when unknown).
public struct Quote: Sendable, Hashable, Codable {
    /// How the words are reported.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// The speaker's words in quotation marks (or after a dialogue dash).
        case direct
        /// Reported speech without quotation marks: `X a affirmé que …`, `selon X, …`.
        case indirect
        /// Reported speech with some words quoted: `X a réitéré son « engagement total »`.
        case mixed
    }

    /// The reporting word: a verb (`a déclaré`, `ajoute-t-elle`, `said`), `selon`, `d'après`.
    public struct Cue: Sendable, Hashable, Codable {
        /// As written.
        public var text: String
        /// Where it is.
        public var span: TextSpan
        /// Its lemma (`déclarer`, `selon`, `say`).
        public var lemma: String

        /// Creates a cue.
        public init(text: String, span: TextSpan, lemma: String) {
            self.text = text
            self.span = span
            self.lemma = lemma
        }

        private enum CodingKeys: String, CodingKey { case text, start, end, lemma }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try span.encodeOffsets(to: &container, startKey: .start, endKey: .end, userInfo: encoder.userInfo)
            try container.encode(lemma, forKey: .lemma)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decode(String.self, forKey: .text)
            span = try TextSpan(decodingOffsetsFrom: container, startKey: .start, endKey: .end, userInfo: decoder.userInfo)
            lemma = try container.decode(String.self, forKey: .lemma)
        }
    }

    /// The words naming the speaker in the text (`le ministre des Affaires étrangères, Jean Martin`, `il`).
    public struct Speaker: Sendable, Hashable, Codable {
        /// As written.
        public var text: String
        /// Where it is.
        public var span: TextSpan

        /// Creates a speaker mention.
        public init(text: String, span: TextSpan) {
            self.text = text
            self.span = span
        }

        private enum CodingKeys: String, CodingKey { case text, start, end }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(text, forKey: .text)
            try span.encodeOffsets(to: &container, startKey: .start, endKey: .end, userInfo: encoder.userInfo)
        }

        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            text = try container.decode(String.self, forKey: .text)
            span = try TextSpan(decodingOffsetsFrom: container, startKey: .start, endKey: .end, userInfo: decoder.userInfo)
        }
    }

    /// The entity the speaker resolved to, and how.
    public struct SpeakerEntity: Sendable, Hashable, Codable {
        /// The entity's canonical name in the article.
        public var name: String
        /// Its kind (a person, or an organisation speaking: `l'Élysée`, `Washington`).
        public var kind: EntityKind
        /// How it was resolved: `name` (a name in the speaker phrase), `pronoun` (`il`, `-t-elle`: the previous
        /// speaker or the last person named), `ce-dernier` (the last person named), `role` (`le ministre`: the
        /// person named earlier with that title), `previous` (a quote right after another, with no cue).
        public var method: String

        /// Creates a resolution.
        public init(name: String, kind: EntityKind, method: String) {
            self.name = name
            self.kind = kind
            self.method = method
        }
    }

    /// The quoted (or reported) words; the fragments of a quote cut by an incise are joined with ` […] `.
    public var text: String
    /// From the start of the first fragment to the end of the last.
    public var span: TextSpan
    /// The pieces of the quotation, without the incises between them (`« Q1, dit-il, Q2 »` has two).
    public var fragments: [TextSpan]
    public var kind: Kind
    /// The marks around it: `«»`, `“”`, `""`, `‹›`, `—` (dialogue dash), or empty for indirect speech.
    public var quoteMarks: String
    public var cue: Cue?
    public var speaker: Speaker?
    public var speakerEntity: SpeakerEntity?
    /// Other speakers of the same words (`ont annoncé MM. Jean Martin et Paul Girard`), in order.
    public var coSpeakers: [SpeakerEntity]
    /// 0…1.
    public var confidence: Double
    /// The index of the paragraph where it starts.
    public var paragraph: Int

    /// Creates a quote.
    public init(text: String, span: TextSpan, fragments: [TextSpan], kind: Kind, quoteMarks: String, cue: Cue? = nil,
                speaker: Speaker? = nil, speakerEntity: SpeakerEntity? = nil, coSpeakers: [SpeakerEntity] = [],
                confidence: Double, paragraph: Int)
    {
        self.coSpeakers = coSpeakers
        self.text = text
        self.span = span
        self.fragments = fragments
        self.kind = kind
        self.quoteMarks = quoteMarks
        self.cue = cue
        self.speaker = speaker
        self.speakerEntity = speakerEntity
        self.confidence = confidence
        self.paragraph = paragraph
    }

    private struct Fragment: Codable {
        var span: TextSpan
        private enum CodingKeys: String, CodingKey { case start, end }
        init(_ span: TextSpan) { self.span = span }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try span.encodeOffsets(to: &container, startKey: .start, endKey: .end, userInfo: encoder.userInfo)
        }
        init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            span = try TextSpan(decodingOffsetsFrom: container, startKey: .start, endKey: .end, userInfo: decoder.userInfo)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case text, start, end, fragments, kind, quoteMarks, cue, speaker, speakerEntity, coSpeakers, confidence, paragraph
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(text, forKey: .text)
        try span.encodeOffsets(to: &container, startKey: .start, endKey: .end, userInfo: encoder.userInfo)
        try container.encode(fragments.map(Fragment.init), forKey: .fragments)
        try container.encode(kind, forKey: .kind)
        try container.encode(quoteMarks, forKey: .quoteMarks)
        try container.encode(cue, forKey: .cue)
        try container.encode(speaker, forKey: .speaker)
        try container.encode(speakerEntity, forKey: .speakerEntity)
        try container.encode(coSpeakers, forKey: .coSpeakers)
        try container.encode((confidence * 100).rounded() / 100, forKey: .confidence)
        try container.encode(paragraph, forKey: .paragraph)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = try container.decode(String.self, forKey: .text)
        span = try TextSpan(decodingOffsetsFrom: container, startKey: .start, endKey: .end, userInfo: decoder.userInfo)
        fragments = try container.decode([Fragment].self, forKey: .fragments).map(\.span)
        kind = try container.decode(Kind.self, forKey: .kind)
        quoteMarks = try container.decode(String.self, forKey: .quoteMarks)
        cue = try container.decodeIfPresent(Cue.self, forKey: .cue)
        speaker = try container.decodeIfPresent(Speaker.self, forKey: .speaker)
        speakerEntity = try container.decodeIfPresent(SpeakerEntity.self, forKey: .speakerEntity)
        coSpeakers = try container.decodeIfPresent([SpeakerEntity].self, forKey: .coSpeakers) ?? []
        confidence = try container.decode(Double.self, forKey: .confidence)
        paragraph = try container.decode(Int.self, forKey: .paragraph)
    }
}

extension AnalyzerID {
    /// The standard quote analyzer.
    public static let quotes: AnalyzerID = "quotes"
}

extension ResultKey where Value == [Quote] {
    /// The quotations of the standard quote analyzer.
    public static var quotes: Self { Self(.quotes) }
}
