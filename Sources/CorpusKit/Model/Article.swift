/// One news article: its text as read, its normalised body, and what is known about it.
///
/// The body is normalised once, here (see ``TextNormalizer``), and every analyzer reads that same `String`; the
/// raw text is kept unchanged so that nothing is lost when a cleaning stage rewrites the body.
///
/// ```swift
/// var article = Article(id: "rabat-eau", text: "Le 14/03/2024 à 18h32\nL’Office national de l’eau…")
/// article.source = "Le Quotidien"
/// ```
public struct Article: Sendable, Hashable, Codable, Identifiable {
    /// Stable identifier: the file name without extension for `.txt` input, the `id` field for JSONL.
    public var id: String
    /// The headline, when known.
    public var title: String?
    /// The text analyzers read: NFC, `\n` line breaks, no control characters. Set it with ``setBody(_:)``.
    public private(set) var body: String
    /// The text exactly as read (without a byte-order mark), kept for cleaning stages and audits.
    public let rawText: String
    /// When the article was published, with its precision and origin.
    public var publishedAt: PublicationDate?
    /// The outlet (`Le Quotidien`, `example-news.com`).
    public var source: String?
    /// The author or byline.
    public var author: String?
    /// The page address.
    public var url: String?
    /// An ISO 639-1 language code such as `fr` or `en`, when known.
    public var language: String?
    /// Other fields of the input, kept as they were.
    public var metadata: [String: MetadataValue]

    /// Creates an article from its text; the body is the normalised text.
    /// - Parameters:
    ///   - id: A stable identifier, unique in its corpus.
    ///   - text: The text as read.
    ///   - title: The headline, when known.
    ///   - publishedAt: The publication date, when known.
    ///   - source: The outlet, when known.
    ///   - author: The author, when known.
    ///   - url: The page address, when known.
    ///   - language: An ISO 639-1 code, when known.
    ///   - metadata: Other fields to keep.
    /// - Complexity: O(n) in the length of `text` (one scan; a copy only when normalisation changes something).
    public init(
        id: String, text: String, title: String? = nil, publishedAt: PublicationDate? = nil,
        source: String? = nil, author: String? = nil, url: String? = nil, language: String? = nil,
        metadata: [String: MetadataValue] = [:]
    ) {
        self.id = id
        self.rawText = text
        self.body = TextNormalizer.normalize(text)
        self.title = title.map(TextNormalizer.normalize)
        self.publishedAt = publishedAt
        self.source = source
        self.author = author
        self.url = url
        self.language = language
        self.metadata = metadata
    }

    /// Replaces the body (a cleaning stage does this), normalising the new text; the raw text is unchanged.
    /// - Parameter text: The new body.
    public mutating func setBody(_ text: String) {
        body = TextNormalizer.normalize(text)
    }

    /// The text a span of the body covers.
    public subscript(span: TextSpan) -> Substring { span.substring(of: body) }
}
