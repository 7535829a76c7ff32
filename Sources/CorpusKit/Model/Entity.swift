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
public struct EntityMention: Sendable, Hashable, Codable {
    /// Where the name is (the title, when any, is not inside the span).
    public var span: TextSpan
    /// The name as written.
    public var text: String
    /// A title or role written with the name (`M.`, `le ministre des Affaires étrangères`), kept out of the name.
    public var title: String?

    /// Creates a mention.
    public init(span: TextSpan, text: String, title: String? = nil) {
        self.span = span
        self.text = text
        self.title = title
    }
}

/// A named thing (person, organisation, place…) with its variants and mentions.
///
/// `Martin`, `Jean Martin` and `M. Martin` in one article are one `Entity` with canonical name `Jean Martin`,
/// aliases `Martin`, and three mentions.
public struct Entity: Sendable, Hashable, Codable {
    /// What sort of thing it is.
    public var kind: EntityKind
    /// The name used to report it (usually the longest, most complete form).
    public var canonicalName: String
    /// Other names it goes by: variants, acronyms, spellings from other outlets. Never contains the canonical name.
    public var aliases: [String]
    /// Where it is mentioned, in text order. Empty for corpus-level entities built from counts.
    public var mentions: [EntityMention]

    /// Creates an entity.
    public init(kind: EntityKind, canonicalName: String, aliases: [String] = [], mentions: [EntityMention] = []) {
        self.kind = kind
        self.canonicalName = canonicalName
        self.aliases = aliases.filter { $0 != canonicalName }
        self.mentions = mentions
    }
}
