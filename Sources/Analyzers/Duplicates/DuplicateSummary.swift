import CorpusKit
import Foundation

/// The corpus summary of the `duplicates` analyzer: each article's id, MinHash signature and passage hashes (with
/// a short excerpt of each passage), from which ``report(threshold:)`` finds near-duplicates and shared passages.
///
/// Summaries merge by concatenation, which is associative; the report sorts entries by article id first, so it
/// does not depend on the order in which shards were merged.
///
/// ```swift
/// var total = try pipeline.decodeSummary(from: shardA)
/// try total.merge(try pipeline.decodeSummary(from: shardB))
/// let report = total.summary(of: .duplicates, as: DuplicateSummary.self)?.report(threshold: 0.8)
/// ```
///
/// Memory grows with the corpus: about 0.6 KB per article plus about 110 bytes per passage (sentence of 8 words
/// or more), most of it the excerpt.
public struct DuplicateSummary: AnalyzerSummary {
    /// The longest excerpt kept for a passage, in characters (an ellipsis marks a cut).
    public static let excerptLength = 120

    /// One article as the summary records it.
    ///
    /// The passages are stored compactly (their hashes, and every excerpt in one UTF-8 buffer) because a corpus has
    /// one per sentence: one `String` per passage would make allocation the main cost of summarising an article,
    /// and of its memory. ``passages`` rebuilds the records; the report only decodes the excerpts it shows.
    public struct Entry: Sendable, Hashable, Codable {
        /// The article's id.
        public var id: String
        /// Its MinHash signature (empty for an article of fewer than 5 words).
        public var signature: MinHashSignature
        /// The hashes of its distinct passages, in text order.
        public private(set) var passageHashes: [PassageHash]
        /// The excerpts of the passages, one after the other, in UTF-8.
        private var excerptBytes: [UInt8]
        /// Where each excerpt ends in `excerptBytes`; each starts where the previous one ends.
        private var excerptEnds: [Int]

        /// Creates an entry.
        /// - Parameters:
        ///   - id: The article's id.
        ///   - signature: Its signature.
        ///   - passages: Its distinct passages.
        public init(id: String, signature: MinHashSignature, passages: [Passage]) {
            var excerptBytes: [UInt8] = []
            var excerptEnds: [Int] = []
            for passage in passages {
                excerptBytes.append(contentsOf: passage.excerpt.utf8)
                excerptEnds.append(excerptBytes.count)
            }
            self.init(
                id: id, signature: signature, passageHashes: passages.map(\.hash), excerptBytes: excerptBytes,
                excerptEnds: excerptEnds)
        }

        /// Creates an entry from its stored parts; `excerptEnds` has one offset per hash, in increasing order.
        init(
            id: String, signature: MinHashSignature, passageHashes: [PassageHash], excerptBytes: [UInt8],
            excerptEnds: [Int]
        ) {
            self.id = id
            self.signature = signature
            self.passageHashes = passageHashes
            self.excerptBytes = excerptBytes
            self.excerptEnds = excerptEnds
        }

        /// Its distinct passages, in text order.
        /// - Complexity: O(p) for p passages (each excerpt becomes a `String`).
        public var passages: [Passage] {
            get { passageHashes.indices.map { Passage(hash: passageHashes[$0], excerpt: excerpt(at: $0)) } }
            set { self = Entry(id: id, signature: signature, passages: newValue) }
        }

        /// The excerpt of the passage at `index` in ``passageHashes``.
        func excerpt(at index: Int) -> String {
            guard excerptEnds.indices.contains(index) else { return "" }
            let end = min(excerptEnds[index], excerptBytes.count)
            let start = min(index == 0 ? 0 : excerptEnds[index - 1], end)
            return String(decoding: excerptBytes[start..<end], as: UTF8.self)
        }

        private enum CodingKeys: String, CodingKey { case id, signature, passages }

        /// Encodes the entry as `{"id", "signature", "passages": [{"hash", "excerpt"}]}`.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(signature, forKey: .signature)
            try container.encode(passages, forKey: .passages)
        }

        /// Decodes an entry written by ``encode(to:)``.
        public init(from decoder: any Decoder) throws {
            let container = try decoder.container(keyedBy: CodingKeys.self)
            self.init(
                id: try container.decode(String.self, forKey: .id),
                signature: try container.decode(MinHashSignature.self, forKey: .signature),
                passages: try container.decode([Passage].self, forKey: .passages))
        }
    }

    /// A passage of an article: its hash, and the beginning of its text to show people.
    public struct Passage: Sendable, Hashable, Codable {
        /// The hash of the passage's folded words.
        public var hash: PassageHash
        /// The passage's text, cut to at most ``DuplicateSummary/excerptLength`` characters.
        public var excerpt: String

        /// Creates a passage record.
        /// - Parameters:
        ///   - hash: The hash of its words.
        ///   - excerpt: The beginning of its text.
        public init(hash: PassageHash, excerpt: String) {
            self.hash = hash
            self.excerpt = excerpt
        }
    }

    /// The entries, shared between summary values that extend one another (see ``EntryLog``).
    private var log: EntryLog
    /// How many of the log's entries belong to this value.
    private var count: Int

    /// The summary of no articles.
    public init() {
        log = EntryLog([])
        count = 0
    }

    /// A summary holding these entries.
    /// - Parameter entries: One entry per article.
    public init(entries: [Entry]) {
        log = EntryLog(entries)
        count = entries.count
    }

    /// The entries, in the order they were merged.
    /// - Complexity: O(n) for n entries (a copy).
    public var entries: [Entry] { log.prefix(count) }

    /// The number of articles recorded.
    public var articleCount: Int { count }

    /// Appends the other summary's entries to this one's.
    /// - Parameter other: Another summary, for example of another shard.
    /// - Complexity: Amortised O(m) for m entries in `other`, even when the pipeline merges one article at a time
    ///   into copies of the running summary.
    public mutating func merge(_ other: DuplicateSummary) {
        guard other.count > 0 else { return }
        let added = other.entries
        if !log.append(contentsOf: added, whenCountIs: count) {
            // Another value sharing the log has appended past our entries: copy ours and go on alone.
            log = EntryLog(log.prefix(count) + added)
        }
        count += added.count
    }

    /// Finds the near-duplicate clusters and the passages shared by articles of different clusters.
    /// - Parameter threshold: The least estimated Jaccard similarity of 5-word shingles for two articles to be
    ///   near-duplicates, in 0…1; values below 1/128 count as 1/128, above 1 as 1, and NaN as the default.
    /// - Returns: The report, the same whatever the order in which the summary was merged.
    /// - Complexity: O(n log n) for n articles plus O(p log p) for p passages: the banding compares each article
    ///   with a bounded number of others per band (at most 63 in small buckets, 32 in large ones), and each
    ///   comparison costs at most 128 steps.
    public func report(threshold: Double = DuplicateReport.defaultThreshold) -> DuplicateReport {
        DuplicateFinder(entries: entries, threshold: threshold).report()
    }

    /// Appends the beginning of a passage to `buffer`: at most ``excerptLength`` characters, cut after a word when
    /// possible.
    ///
    /// Works on UTF-8 bytes and counts Unicode scalars rather than `Character`s: excerpts are built for every
    /// sentence of the corpus, and grapheme breaking or `String` index validation would make this the slowest step
    /// of summarising an article. A text of at most ``excerptLength`` scalars has at most as many characters; a
    /// longer one is cut at its last space within the limit (a grapheme boundary), or at the limit itself when its
    /// second half has no space.
    /// - Parameters:
    ///   - span: The passage, in UTF-8 offsets; clamped to `bytes` and to scalar boundaries, so a span from
    ///     elsewhere can neither trap nor produce invalid UTF-8.
    ///   - bytes: The UTF-8 text of the body.
    ///   - buffer: Where the excerpt's bytes go.
    static func appendExcerpt(of span: TextSpan, in bytes: UnsafeBufferPointer<UInt8>, to buffer: inout [UInt8]) {
        @inline(__always) func isContinuation(_ byte: UInt8) -> Bool { byte & 0xC0 == 0x80 }
        var end = min(max(span.end, 0), bytes.count)
        var start = min(max(span.start, 0), end)
        while start < end && isContinuation(bytes[start]) { start += 1 }
        while end > start && end < bytes.count && isContinuation(bytes[end]) { end -= 1 }
        let passage = UnsafeBufferPointer(rebasing: bytes[start..<end])
        guard passage.count > excerptLength else {
            buffer.append(contentsOf: passage)
            return
        }
        var scalars = 0
        var lastScalarStart = 0
        var lastSpace = -1
        for offset in 0..<passage.count where !isContinuation(passage[offset]) {
            if scalars == excerptLength {
                // More than `excerptLength` scalars: cut, keeping room for the ellipsis (U+2026, E2 80 A6).
                let cut = lastSpace >= 0 ? lastSpace : graphemeStart(before: lastScalarStart, in: passage)
                buffer.append(contentsOf: UnsafeBufferPointer(rebasing: passage[..<cut]))
                buffer.append(contentsOf: [0xE2, 0x80, 0xA6])
                return
            }
            scalars += 1
            lastScalarStart = offset
            // The spaces of news text: U+0020, tab, U+00A0 (C2 A0) and U+202F (E2 80 AF).
            let byte = passage[offset]
            if scalars > excerptLength / 2 {
                let next = offset + 1 < passage.count ? passage[offset + 1] : 0
                let third = offset + 2 < passage.count ? passage[offset + 2] : 0
                if byte == 0x20 || byte == 0x09 || (byte == 0xC2 && next == 0xA0)
                    || (byte == 0xE2 && next == 0x80 && third == 0xAF)
                {
                    lastSpace = offset
                }
            }
        }
        buffer.append(contentsOf: passage)
    }

    /// `offset`, moved back while the scalar there extends the one before it (a combining accent, a skin-tone
    /// modifier, a variation selector) or follows a zero-width joiner, so that a cut there does not split a
    /// character. Checks byte patterns rather than Unicode properties: it runs once per long passage without a space.
    static func graphemeStart(before offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        func byte(_ index: Int) -> UInt8 { index >= 0 && index < bytes.count ? bytes[index] : 0 }
        func extends(_ index: Int) -> Bool {
            let (a, b, c, d) = (byte(index), byte(index + 1), byte(index + 2), byte(index + 3))
            return (a == 0xCC && b >= 0x80) || (a == 0xCD && b <= 0xAF)  // U+0300–U+036F
                || (a == 0xE2 && b == 0x80 && c == 0x8D)  // U+200D zero-width joiner
                || (a == 0xEF && b == 0xB8 && c <= 0x8F)  // U+FE00–U+FE0F variation selectors
                || (a == 0xF0 && b == 0x9F && c == 0x8F && d >= 0xBB)  // U+1F3FB–U+1F3FF skin tones
        }
        func previousScalar(_ index: Int) -> Int {
            var index = index - 1
            while index > 0 && bytes[index] & 0xC0 == 0x80 { index -= 1 }
            return max(index, 0)
        }
        var cut = offset
        // A few steps at most: a sequence longer than that is cut anyway rather than scanned back to its start.
        for _ in 0..<16 where cut > 0 {
            let previous = previousScalar(cut)
            guard extends(cut) || (byte(previous) == 0xE2 && byte(previous + 1) == 0x80 && byte(previous + 2) == 0x8D)
            else { break }
            cut = previous
        }
        return cut
    }

    private enum CodingKeys: String, CodingKey { case articles }

    /// Encodes the entries as `{"articles": [...]}`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(entries, forKey: .articles)
    }

    /// Decodes a summary written by ``encode(to:)``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(entries: try container.decode([Entry].self, forKey: .articles))
    }
}

/// Append-only storage shared by summary values, so that merging one article at a time stays linear.
///
/// The pipeline merges each article's summary into a copy of the running total, so an array held by value would
/// not be uniquely referenced and every merge would copy all entries so far: quadratic in the corpus. Instead,
/// values share this log and each remembers how many entries are its own. A value may append in place only when
/// the log holds exactly its entries; values that saw fewer entries never see the later ones, so summaries keep
/// value semantics. The lock makes the check-and-append atomic for values used on different threads.
final class EntryLog: @unchecked Sendable {
    private let lock = NSLock()
    private var storage: [DuplicateSummary.Entry]

    init(_ entries: [DuplicateSummary.Entry]) { storage = entries }

    /// Appends `entries` if the log holds exactly `expected` entries; returns whether it did.
    func append(contentsOf entries: [DuplicateSummary.Entry], whenCountIs expected: Int) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard storage.count == expected else { return false }
        storage.append(contentsOf: entries)
        return true
    }

    /// The first `count` entries.
    func prefix(_ count: Int) -> [DuplicateSummary.Entry] {
        lock.lock()
        defer { lock.unlock() }
        return count >= storage.count ? storage : Array(storage.prefix(count))
    }
}
