/// The kind of a named entity. Open for extension: declare your own with `EntityKind("product")`.
public struct EntityKind: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates a kind from its name.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public static let person: EntityKind = "person"
    public static let organization: EntityKind = "organization"
    public static let location: EntityKind = "location"
    public static let misc: EntityKind = "misc"

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }
}

/// One occurrence of an entity in an article's body.
///
/// In JSON a mention is flat: `{"start", "end", "text", "title", "sentence", "paragraph"}`, offsets in Unicode
/// scalars when the pipeline writes them (see ``TextSpan``), every key present (`null` when unknown).
public struct EntityMention: Sendable, Hashable, Codable {
    /// Where the name is (the title, when any, is not inside the span).
    public var span: TextSpan
    /// The name as written.
    public var text: String
    /// A title or role written with the name (`M.`, `le ministre des Affaires étrangères`), kept out of the name.
    public var title: String?
    /// The index of the sentence holding the mention, in the article's ``TextStructure/sentences``.
    public var sentence: Int?
    /// The index of the paragraph holding the mention, in the article's ``TextStructure/paragraphs``.
    public var paragraph: Int?

    /// Creates a mention.
    public init(span: TextSpan, text: String, title: String? = nil, sentence: Int? = nil, paragraph: Int? = nil) {
        self.span = span
        self.text = text
        self.title = title
        self.sentence = sentence
        self.paragraph = paragraph
    }

    private enum CodingKeys: String, CodingKey { case start, end, text, title, sentence, paragraph }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try span.encodeOffsets(to: &container, startKey: .start, endKey: .end, userInfo: encoder.userInfo)
        try container.encode(text, forKey: .text)
        try container.encode(title, forKey: .title)
        try container.encode(sentence, forKey: .sentence)
        try container.encode(paragraph, forKey: .paragraph)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        span = try TextSpan(decodingOffsetsFrom: container, startKey: .start, endKey: .end, userInfo: decoder.userInfo)
        text = try container.decode(String.self, forKey: .text)
        title = try container.decodeIfPresent(String.self, forKey: .title)
        sentence = try container.decodeIfPresent(Int.self, forKey: .sentence)
        paragraph = try container.decodeIfPresent(Int.self, forKey: .paragraph)
    }
}

/// A named thing (person, organisation, place…) with its variants and mentions.
///
/// `Martin`, `Jean Martin` and `M. Martin` in one article are one `Entity` with canonical name `Jean Martin`,
/// alias `Martin`, and three mentions. In JSON: `{"name", "kind", "count", "aliases", "variants", "mentions"}`.
public struct Entity: Sendable, Hashable, Codable {
    /// One way an entity is written, how often, and why it was merged into the entity.
    public struct Variant: Sendable, Hashable, Codable {
        /// The form as written (`M. Martin` is counted as `Martin`: titles are not part of names).
        public var text: String
        /// How many mentions use it.
        public var count: Int
        /// Why this form is the entity: `canonical`, `same` (equal after folding case, accents, apostrophes and
        /// hyphens), `surname` (a part of the full name), `acronym` (linked to its expansion), `transliteration`
        /// (a spelling variant), `alias` (a user alias file); `ambiguous` marks a surname two people of the article
        /// share, reported as its own entity rather than merged.
        public var reason: String

        /// Creates a variant.
        public init(text: String, count: Int, reason: String) {
            self.text = text
            self.count = count
            self.reason = reason
        }
    }

    /// What sort of thing it is.
    public var kind: EntityKind
    /// The name used to report it (usually the longest, most complete form).
    public var canonicalName: String
    /// Other names it goes by: variants, acronyms, spellings from other outlets. Never contains the canonical name.
    public var aliases: [String]
    /// Every form with its count and the reason it was merged, canonical first.
    public var variants: [Variant]
    /// Where it is mentioned, in text order. Empty for corpus-level entities built from counts.
    public var mentions: [EntityMention]

    /// How many times it is mentioned (the mentions, or the variants' counts when there are no mentions).
    public var count: Int {
        mentions.isEmpty ? variants.reduce(0) { $0 + $1.count } : mentions.count
    }

    /// Creates an entity.
    public init(
        kind: EntityKind, canonicalName: String, aliases: [String] = [], variants: [Variant] = [],
        mentions: [EntityMention] = []
    ) {
        self.kind = kind
        self.canonicalName = canonicalName
        self.aliases = aliases.filter { $0 != canonicalName }
        self.variants = variants
        self.mentions = mentions
    }

    private enum CodingKeys: String, CodingKey { case name, kind, count, aliases, variants, mentions }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(canonicalName, forKey: .name)
        try container.encode(kind, forKey: .kind)
        try container.encode(count, forKey: .count)
        try container.encode(aliases, forKey: .aliases)
        try container.encode(variants, forKey: .variants)
        try container.encode(mentions, forKey: .mentions)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        kind = try container.decode(EntityKind.self, forKey: .kind)
        canonicalName = try container.decode(String.self, forKey: .name)
        aliases = try container.decodeIfPresent([String].self, forKey: .aliases) ?? []
        variants = try container.decodeIfPresent([Variant].self, forKey: .variants) ?? []
        mentions = try container.decodeIfPresent([EntityMention].self, forKey: .mentions) ?? []
    }
}
