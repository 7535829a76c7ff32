/// The identifier of an analyzer instance: short lowercase words for CorpusKit's own (`text`, `dates`),
/// reverse-DNS for third parties (`org.example.topics`).
///
/// Identifiers belong to instances, not types, so two differently configured instances of one analyzer type
/// can be registered side by side (`sentiment` and `sentiment-strict`).
public struct AnalyzerID: RawRepresentable, Sendable, Hashable, Comparable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    /// Creates an identifier.
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }
    public static func < (lhs: AnalyzerID, rhs: AnalyzerID) -> Bool { lhs.rawValue < rhs.rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// The standard text-structure analyzer (tokens, sentences, paragraphs).
    public static let text: AnalyzerID = "text"
}
