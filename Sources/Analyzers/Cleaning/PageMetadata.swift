import CorpusKit

/// Where something was found in a page: a 1-based line number and Unicode scalar offsets into the text before
/// cleaning (the normalised raw text, `TextNormalizer.normalize(article.rawText)`).
///
/// Cleaning rewrites the body, so these positions cannot be body spans; they point into the page as read.
public struct PageLocation: Sendable, Hashable, Codable {
    /// 1-based line of the page.
    public var line: Int
    /// Unicode scalar offset of the first character, in the text before cleaning.
    public var start: Int
    /// Unicode scalar offset one past the last character.
    public var end: Int

    /// Creates a location.
    public init(line: Int, start: Int, end: Int) {
        self.line = line
        self.start = start
        self.end = end
    }
}

/// A metadata value found in a page, with the text it came from and the rule that found it.
public struct FoundValue<Value: Sendable & Hashable & Codable>: Sendable, Hashable, Codable {
    /// The value.
    public var value: Value
    /// Where its evidence is.
    public var location: PageLocation
    /// The evidence as written (`Publié dans L'Opinion le 12 - 02 - 2021`).
    public var evidence: String
    /// The rule that found it (`byline-date`, `published-in`, `domain`, `footer-copyright`…).
    public var rule: String

    /// Creates a found value.
    public init(value: Value, location: PageLocation, evidence: String, rule: String) {
        self.value = value
        self.location = location
        self.evidence = evidence
        self.rule = rule
    }
}

/// A language guess with its confidence in 0…1.
public struct LanguageGuess: Sendable, Hashable, Codable {
    /// ISO 639-1 code: `fr`, `en`, or `und` when undetermined.
    public var code: String
    /// 0…1; below 0.5 the guess should not be trusted.
    public var confidence: Double

    /// Creates a guess.
    public init(code: String, confidence: Double) {
        self.code = code
        self.confidence = confidence
    }
}

/// What a page says about its article, found by the cleaner. Input metadata (JSONL fields) always wins over
/// these when the article's fields are filled in.
public struct PageMetadata: Sendable, Hashable, Codable {
    /// The headline.
    public var title: FoundValue<String>?
    /// When the article was published (a byline, a date line, a `date …` header).
    public var publishedAt: FoundValue<PublicationDate>?
    /// A date shown by the site itself (a header widget with today's date, a crawl date): not the publication date.
    public var pageDate: FoundValue<PublicationDate>?
    /// The outlet (`Publié dans X`, a slogan line, a domain, a copyright footer).
    public var source: FoundValue<String>?
    /// The author or byline.
    public var author: FoundValue<String>?
    /// Whether the byline is a house byline (`La Rédaction`, `Staff`, `avec agences`) rather than a person.
    public var isHouseByline: Bool
    /// The language of the kept body.
    public var language: LanguageGuess?

    /// Creates metadata.
    public init(
        title: FoundValue<String>? = nil, publishedAt: FoundValue<PublicationDate>? = nil,
        pageDate: FoundValue<PublicationDate>? = nil, source: FoundValue<String>? = nil,
        author: FoundValue<String>? = nil, isHouseByline: Bool = false, language: LanguageGuess? = nil
    ) {
        self.title = title
        self.publishedAt = publishedAt
        self.pageDate = pageDate
        self.source = source
        self.author = author
        self.isHouseByline = isHouseByline
        self.language = language
    }
}

/// One line of a page as the cleaner sees it, handed to the metadata extractor.
public struct PageLine: Sendable, Hashable {
    /// What the cleaner decided for the line.
    public enum Role: Sendable, Hashable {
        /// Part of the article: title, lead, subheading or body paragraph.
        case kept
        /// Removed, with the reason.
        case removed(RemovalReason)
    }

    /// 1-based line number in the page.
    public var number: Int
    /// UTF-8 span of the line (without its line break) in the text before cleaning.
    public var span: TextSpan
    /// The cleaner's decision.
    public var role: Role
    /// Unicode scalar offset of `span.start`, when the caller knows it (saves indexing the whole page).
    public var scalarStart: Int?

    /// Creates a line.
    public init(number: Int, span: TextSpan, role: Role, scalarStart: Int? = nil) {
        self.number = number
        self.span = span
        self.role = role
        self.scalarStart = scalarStart
    }
}

/// Why the cleaner removed a block. `String`-backed and open, so that custom cleaners can add reasons.
public struct RemovalReason: RawRepresentable, Sendable, Hashable, Codable, ExpressibleByStringLiteral,
    CustomStringConvertible
{
    public let rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(stringLiteral value: String) { self.rawValue = value }
    public var description: String { rawValue }

    public init(from decoder: any Decoder) throws {
        rawValue = try decoder.singleValueContainer().decode(String.self)
    }
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(rawValue)
    }

    /// Site menus and breadcrumbs (`Accueil > Actualité`, `Accueil | Politique | Sport`).
    public static let menu: RemovalReason = "menu"
    /// "Lire aussi" / "Read also" links.
    public static let readAlso: RemovalReason = "read-also"
    /// Related or most-read lists and their headings.
    public static let relatedList: RemovalReason = "related-list"
    /// Previous/next article links.
    public static let navigation: RemovalReason = "navigation"
    /// Tag and hashtag lines.
    public static let tags: RemovalReason = "tags"
    /// Share and like counters, social buttons (`Lu 312 fois`, `Partager`, `Tweet`).
    public static let social: RemovalReason = "social"
    /// Comment forms, comment counts and comment policy.
    public static let comments: RemovalReason = "comments"
    /// Newsletter, subscription and cookie text.
    public static let newsletter: RemovalReason = "newsletter"
    /// Headline tickers: several headlines glued on one line.
    public static let ticker: RemovalReason = "ticker"
    /// Image widgets: report-an-image, galleries, photo credits alone on a line.
    public static let imageWidget: RemovalReason = "image-widget"
    /// Footers: addresses, phone numbers, copyright, legal links.
    public static let footer: RemovalReason = "footer"
    /// "Click here to read at the source" lines.
    public static let sourceLink: RemovalReason = "source-link"
    /// Bylines and date lines (their content goes to the metadata).
    public static let byline: RemovalReason = "byline"
    /// Site header: slogan, login links, date/weather widget.
    public static let siteHeader: RemovalReason = "site-header"
    /// Advertising labels.
    public static let advertising: RemovalReason = "advertising"
    /// A paragraph already seen in this page (exactly or nearly).
    public static let duplicate: RemovalReason = "duplicate"
    /// Short lines outside the article's body (before its title or after its last paragraph).
    public static let outsideArticle: RemovalReason = "outside-article"
}
