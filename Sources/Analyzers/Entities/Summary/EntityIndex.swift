import CorpusKit

/// The entities of a corpus: for each entity (by kind and name, as merged within its articles) the mentions,
/// the number of articles naming it, the first and last publication dates, and every spelling with its count.
///
/// Mergeable across shards (``merge(_:)`` adds counts). ``entities(minimumMentions:)`` then merges names across
/// articles: equal after folding, and spelling variants of transliterated names (`Abdelmadjid Tebboune` ~
/// `Abdelmajid Tebboune`, `Mohamed` ~ `Mohammed`) — see ``TransliterationKey``.
public struct EntityIndex: AnalyzerSummary, Hashable {
    /// One entity as counted in the corpus.
    public struct Record: Sendable, Hashable, Codable {
        /// What sort of thing it is.
        public var kind: EntityKind
        /// Its name (the canonical name chosen in its articles).
        public var name: String
        /// Mentions in all articles.
        public var mentions: Int
        /// Articles naming it.
        public var documents: Int
        /// Earliest and latest publication date (ISO 8601 at their precision) of those articles, when known.
        public var firstPublished: String?
        public var lastPublished: String?
        /// Every spelling, with its count.
        public var spellings: [String: Int]

        /// Creates a record.
        public init(kind: EntityKind, name: String, mentions: Int = 0, documents: Int = 0,
                    firstPublished: String? = nil, lastPublished: String? = nil, spellings: [String: Int] = [:])
        {
            self.kind = kind
            self.name = name
            self.mentions = mentions
            self.documents = documents
            self.firstPublished = firstPublished
            self.lastPublished = lastPublished
            self.spellings = spellings
        }

        mutating func add(_ other: Record) {
            mentions += other.mentions
            documents += other.documents
            firstPublished = Self.earlier(firstPublished, other.firstPublished)
            lastPublished = Self.later(lastPublished, other.lastPublished)
            spellings.merge(other.spellings, uniquingKeysWith: +)
        }

        // ISO 8601 strings of one calendar sort as text (an earlier date at a coarser precision sorts first).
        static func earlier(_ a: String?, _ b: String?) -> String? {
            guard let a else { return b }
            guard let b else { return a }
            return min(a, b)
        }

        static func later(_ a: String?, _ b: String?) -> String? {
            guard let a else { return b }
            guard let b else { return a }
            return max(a, b)
        }
    }

    /// The records, by kind and name (`person\u{1F}Jean Martin`).
    public var records: [String: Record]

    /// An empty index.
    public init() { records = [:] }

    /// The index of one article's entities.
    public static func contribution(of entities: [Entity], publishedAt: PublicationDate?) -> EntityIndex {
        var index = EntityIndex()
        let date = publishedAt?.iso8601
        for entity in entities {
            var spellings: [String: Int] = [:]
            for variant in entity.variants { spellings[variant.text, default: 0] += variant.count }
            if spellings.isEmpty { spellings[entity.canonicalName] = entity.count }
            let record = Record(kind: entity.kind, name: entity.canonicalName, mentions: entity.count, documents: 1,
                                firstPublished: date, lastPublished: date, spellings: spellings)
            let key = entity.kind.rawValue + "\u{1F}" + entity.canonicalName
            if records(index, key) { index.records[key]?.add(record) } else { index.records[key] = record }
        }
        // Two entities of one article with one canonical name count the article once.
        for key in index.records.keys { index.records[key]?.documents = 1 }
        return index
    }

    private static func records(_ index: EntityIndex, _ key: String) -> Bool { index.records[key] != nil }

    /// Adds another index's counts.
    public mutating func merge(_ other: EntityIndex) {
        for (key, record) in other.records {
            if records[key] != nil { records[key]?.add(record) } else { records[key] = record }
        }
    }
}
