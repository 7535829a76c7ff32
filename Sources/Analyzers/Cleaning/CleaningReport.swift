import CorpusKit

/// What page cleaning did to one article: the blocks it removed and why, the paragraphs it re-joined, the
/// metadata it found, and which article fields it filled from the page.
public struct CleaningReport: Sendable, Hashable, Codable {
    /// A removed line.
    public struct RemovedBlock: Sendable, Hashable, Codable {
        /// Where the line was in the page.
        public var location: PageLocation
        /// The line as written.
        public var text: String
        /// Why it was removed.
        public var reason: RemovalReason

        /// Creates a removed block.
        public init(location: PageLocation, text: String, reason: RemovalReason) {
            self.location = location
            self.text = text
            self.reason = reason
        }
    }

    /// Removed lines, in page order.
    public var removed: [RemovedBlock]
    /// Lines joined to the paragraph before them (a paragraph cut in two by an ad or a sidebar).
    public var rejoined: [PageLocation]
    /// Metadata found in the page.
    public var metadata: PageMetadata
    /// Lines kept in the body.
    public var keptLines: Int
    /// Article fields filled from the page because the input did not give them (`title`, `publishedAt`,
    /// `source`, `author`, `language`).
    public var filledFields: [String]
    /// Set when every line looked like noise: the body was then left as it was, so that no article is emptied.
    public var keptWholePage: Bool

    /// Creates a report.
    public init(
        removed: [RemovedBlock] = [], rejoined: [PageLocation] = [], metadata: PageMetadata = PageMetadata(),
        keptLines: Int = 0, filledFields: [String] = [], keptWholePage: Bool = false
    ) {
        self.removed = removed
        self.rejoined = rejoined
        self.metadata = metadata
        self.keptLines = keptLines
        self.filledFields = filledFields
        self.keptWholePage = keptWholePage
    }

    /// Number of removed lines per reason.
    public var removedCounts: [RemovalReason: Int] {
        removed.reduce(into: [:]) { $0[$1.reason, default: 0] += 1 }
    }
}

extension CleaningReport: CustomStringConvertible {
    /// `31 kept, 12 removed (menu 3, social 2, …), 1 re-joined`.
    public var description: String {
        let reasons = removedCounts.sorted { ($0.value, $1.key.rawValue) > ($1.value, $0.key.rawValue) }
            .map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        var text = "\(keptLines) kept, \(removed.count) removed"
        if !reasons.isEmpty { text += " (\(reasons))" }
        if !rejoined.isEmpty { text += ", \(rejoined.count) re-joined" }
        return text
    }
}

extension AnalyzerID {
    /// The standard page-cleaning stage.
    public static let cleaning: AnalyzerID = "cleaning"
}

extension ResultKey where Value == CleaningReport {
    /// The report of the standard page-cleaning stage.
    public static var cleaning: Self { Self(.cleaning) }
}
