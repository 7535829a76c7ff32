/// One token of a text, with its span and features.
///
/// Tokens are produced once per article by ``Tokenizer`` (through the standard `text` analyzer) and shared by
/// every analyzer. A token stores only offsets; read its text with ``TextSpan/substring(of:)`` or
/// ``TextStructure/text(of:)``.
public struct Token: Sendable, Hashable {
    /// What sort of token this is.
    public enum Kind: String, Sendable, Hashable, Codable {
        /// Letters, possibly with inner hyphens or apostrophes (`Grande-Bretagne`, `aujourd'hui`), an elided
        /// form (`l’`, `qu'`), or an abbreviation with its period (`M.`, `J.`).
        case word
        /// Starts with a digit: `2024`, `14/03/2024`, `18h32`, `3,5%`, `1er`.
        case number
        /// Punctuation, including quote marks and dashes; a run of the same mark (`...`, `!!`) is one token.
        case punctuation
        /// Any other visible scalar: emoji (with its modifiers), currency signs, math symbols.
        case symbol
    }

    /// Boolean features of a token, computed by the tokenizer and the sentence splitter.
    public struct Features: OptionSet, Sendable, Hashable, Codable {
        public let rawValue: UInt32
        public init(rawValue: UInt32) { self.rawValue = rawValue }

        /// The first letter is upper case (`Paris`, `ONU`, `L’`).
        public static let capitalized = Features(rawValue: 1 << 0)
        /// At least two letters and all of them upper case (`ONU`, `FMI`).
        public static let allCaps = Features(rawValue: 1 << 1)
        /// The token contains a digit.
        public static let hasDigit = Features(rawValue: 1 << 2)
        /// An elided article, pronoun or conjunction ending in an apostrophe (`l’`, `d'`, `qu’`, `jusqu'`).
        public static let elision = Features(rawValue: 1 << 3)
        /// An abbreviation or initial that includes its period (`M.`, `MM.`, `Dr.`, `J.`, `etc.`).
        public static let abbreviation = Features(rawValue: 1 << 4)
        /// The token contains an inner hyphen (`Grande-Bretagne`, `a-t-il`).
        public static let hyphenated = Features(rawValue: 1 << 5)
        /// A quote mark: `«`, `»`, `“`, `”`, `„`, `‹`, `›`, `"`, or a lone `'`/`’` used as a quote.
        public static let quoteMark = Features(rawValue: 1 << 6)
        /// Sentence-final punctuation: `.`, `!`, `?`, `…`, `...`.
        public static let terminal = Features(rawValue: 1 << 7)
        /// Whitespace (including U+00A0 and U+202F) comes right before the token.
        public static let spaceBefore = Features(rawValue: 1 << 8)
        /// A line break comes between the previous token and this one (always set on the first token).
        public static let lineStart = Features(rawValue: 1 << 9)
        /// First token of a sentence (set by the sentence splitter).
        public static let sentenceStart = Features(rawValue: 1 << 10)
        /// First token of a paragraph (set by the sentence splitter).
        public static let paragraphStart = Features(rawValue: 1 << 11)
    }

    /// Where the token is, in UTF-8 offsets of the text.
    public var span: TextSpan
    /// The token's kind.
    public var kind: Kind
    /// The token's features.
    public var features: Features

    /// Creates a token.
    public init(span: TextSpan, kind: Kind, features: Features = []) {
        self.span = span
        self.kind = kind
        self.features = features
    }

    /// Whether the token has all of `features`.
    @inlinable public func has(_ features: Features) -> Bool { self.features.contains(features) }
}

extension Token.Features {
    /// Every named feature with the name it has in JSON, in bit order.
    ///
    /// The names are the static property names, so `["capitalized", "sentenceStart"]` reads the same in Swift
    /// and in the pipeline's JSON output.
    /// - Complexity: O(1) to access.
    public static let named: [(feature: Token.Features, name: String)] = [
        (.capitalized, "capitalized"), (.allCaps, "allCaps"), (.hasDigit, "hasDigit"), (.elision, "elision"),
        (.abbreviation, "abbreviation"), (.hyphenated, "hyphenated"), (.quoteMark, "quoteMark"),
        (.terminal, "terminal"), (.spaceBefore, "spaceBefore"), (.lineStart, "lineStart"),
        (.sentenceStart, "sentenceStart"), (.paragraphStart, "paragraphStart"),
    ]

    /// The names of the features in the set, in bit order (`["capitalized", "spaceBefore"]`).
    ///
    /// - Returns: One name per named feature present; bits without a name are left out.
    /// - Complexity: O(k), k the number of named features (12).
    public var names: [String] {
        Self.named.compactMap { contains($0.feature) ? $0.name : nil }
    }

    /// The feature called `name`, as listed in ``named``.
    ///
    /// - Parameter name: A feature name such as `"elision"`.
    /// - Returns: `nil` when no feature has that name.
    /// - Complexity: O(k), k the number of named features (12).
    public init?(name: String) {
        guard let entry = Self.named.first(where: { $0.name == name }) else { return nil }
        self = entry.feature
    }
}

extension Token: Codable {
    private enum CodingKeys: String, CodingKey { case start, end, kind, features }

    /// Encodes the token as one flat, readable object:
    /// `{"start":0,"end":2,"kind":"word","features":["capitalized","elision"]}`.
    ///
    /// `start` and `end` follow the same rules as ``TextSpan``'s encoding: Unicode scalar offsets when the
    /// encoder's `userInfo` holds a ``ScalarOffsetIndex`` under ``Swift/CodingUserInfoKey/scalarOffsets``,
    /// UTF-8 offsets otherwise.
    /// - Parameter encoder: The encoder to write to.
    /// - Complexity: O(log n) with a scalar index (n non-ASCII scalars in the text), O(1) otherwise.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try span.encodeOffsets(to: &container, startKey: .start, endKey: .end, userInfo: encoder.userInfo)
        try container.encode(kind, forKey: .kind)
        try container.encode(features.names, forKey: .features)
    }

    /// Decodes a token written by ``encode(to:)``.
    ///
    /// A missing `features` key means no features.
    /// - Parameter decoder: The decoder to read from.
    /// - Throws: `DecodingError` on a missing offset or kind, an unknown kind or an unknown feature name (an
    ///   unknown name is more likely a typo than a feature from the future, and silently dropping it would
    ///   change what analyzers see).
    /// - Complexity: O(log n) with a scalar index (n non-ASCII scalars in the text), O(1) otherwise.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        span = try TextSpan(
            decodingOffsetsFrom: container, startKey: .start, endKey: .end, userInfo: decoder.userInfo)
        kind = try container.decode(Kind.self, forKey: .kind)
        var features: Features = []
        for name in try container.decodeIfPresent([String].self, forKey: .features) ?? [] {
            guard let feature = Features(name: name) else {
                throw DecodingError.dataCorruptedError(
                    forKey: .features, in: container, debugDescription: "unknown token feature \"\(name)\"")
            }
            features.insert(feature)
        }
        self.features = features
    }
}
