import CorpusKit
import Foundation

/// Near-duplicate articles and passages shared across a corpus, computed from a ``DuplicateSummary`` by
/// ``DuplicateSummary/report(threshold:)``.
///
/// - A **cluster** is a group of articles linked by estimated Jaccard similarities of at least the threshold
///   (the same wire story in several outlets, the same page saved twice). Linking is transitive: in a chain
///   a ≈ b ≈ c, a and c may be less similar, which ``Cluster/minimumSimilarity`` shows.
/// - A **shared passage** is a sentence of at least 8 words found in articles of at least two different
///   clusters (an article in no cluster is its own): a quotation or a paragraph reused by another story.
///   Sentences shared only within one cluster are not listed, since the cluster already says so.
///
/// The report is deterministic: clusters come largest first, then by their first article id; passages come
/// in the most articles first, then by first article id; article ids are sorted within each.
public struct DuplicateReport: Sendable, Hashable, Codable {
    /// The default similarity threshold: a copy with a new headline and a few changed words stays above it,
    /// two stories on the same subject stay far below.
    public static let defaultThreshold = 0.8

    /// The threshold used, after clamping to 1/128…1.
    public var threshold: Double
    /// The number of articles compared (those too short for a signature included).
    public var articleCount: Int
    /// The near-duplicate clusters.
    public var clusters: [Cluster]
    /// The passages shared across clusters.
    public var sharedPassages: [SharedPassage]

    /// Creates a report.
    /// - Parameters:
    ///   - threshold: The similarity threshold used.
    ///   - articleCount: The number of articles compared.
    ///   - clusters: The near-duplicate clusters.
    ///   - sharedPassages: The shared passages.
    public init(
        threshold: Double = DuplicateReport.defaultThreshold, articleCount: Int = 0, clusters: [Cluster] = [],
        sharedPassages: [SharedPassage] = []
    ) {
        self.threshold = threshold
        self.articleCount = articleCount
        self.clusters = clusters
        self.sharedPassages = sharedPassages
    }

    /// Articles that are near-duplicates of one another.
    public struct Cluster: Sendable, Hashable, Codable {
        /// The article ids, sorted; at least two.
        public var articles: [String]
        /// The lowest estimated similarity between two of its articles.
        ///
        /// Computed over every pair for clusters of up to 300 articles; for larger ones, over the pairs that
        /// linked the cluster, to stay near-linear.
        public var minimumSimilarity: Double
        /// The mean estimated similarity over the same pairs as ``minimumSimilarity``.
        public var meanSimilarity: Double

        /// Creates a cluster.
        /// - Parameters:
        ///   - articles: The sorted article ids.
        ///   - minimumSimilarity: The lowest pairwise similarity.
        ///   - meanSimilarity: The mean pairwise similarity.
        public init(articles: [String], minimumSimilarity: Double, meanSimilarity: Double) {
            self.articles = articles
            self.minimumSimilarity = minimumSimilarity
            self.meanSimilarity = meanSimilarity
        }
    }

    /// A sentence found in articles of different clusters.
    public struct SharedPassage: Sendable, Hashable, Codable {
        /// The hash of its folded words.
        public var hash: PassageHash
        /// Its text as the first article (by id) has it, cut to ``DuplicateSummary/excerptLength`` characters.
        public var text: String
        /// Every article that contains it, sorted.
        public var articles: [String]

        /// Creates a shared passage.
        /// - Parameters:
        ///   - hash: The hash of its words.
        ///   - text: An excerpt of its text.
        ///   - articles: The sorted ids of the articles that contain it.
        public init(hash: PassageHash, text: String, articles: [String]) {
            self.hash = hash
            self.text = text
            self.articles = articles
        }
    }
}

/// Computes a ``DuplicateReport``: LSH banding proposes candidate pairs, MinHash estimates verify them, and a
/// union-find groups the verified pairs into clusters.
///
/// Nothing here iterates a `Set` or `Dictionary` (their order is seeded per process): groups are formed by sorting,
/// so the same entries give the same report in any run.
struct DuplicateFinder {
    /// Entries in a canonical order: by id, then by content for entries that share an id.
    let entries: [DuplicateSummary.Entry]
    let threshold: Double
    /// The fewest equal signature values for a pair to reach the threshold.
    let requiredMatches: Int

    /// Buckets up to this size are checked pair by pair. Larger ones (hundreds of copies of one page, or of a
    /// templated brief) are checked against one representative per cluster found so far in the bucket, so that
    /// they cost O(size) rather than O(size²).
    static let exactBucketLimit = 64
    /// At most this many representatives per large bucket: with it, the work per article and band is bounded
    /// whatever the corpus. Thousands of templated briefs that share most of their words but stay below the
    /// threshold would otherwise make every article meet every other. A pair missed in one such bucket is
    /// usually found in another band.
    static let representativeLimit = 32
    /// Clusters up to this size report similarities over all their pairs.
    static let allPairsLimit = 300

    init(entries: [DuplicateSummary.Entry], threshold: Double) {
        self.entries = entries.sorted(by: Self.precedes)
        let threshold = threshold.isNaN ? DuplicateReport.defaultThreshold : threshold
        let length = Double(MinHashSignature.length)
        self.threshold = min(max(threshold, 1 / length), 1)
        // The tolerance keeps 0.8 × 128 = 102.4 from becoming 103.00000001 through rounding.
        requiredMatches = Int((self.threshold * length - 1e-9).rounded(.up))
    }

    func report() -> DuplicateReport {
        var sets = UnionFind(count: entries.count)
        let edges = link(&sets)
        let clusters = clusters(sets: &sets, edges: edges)
        let passages = sharedPassages(sets: &sets)
        return DuplicateReport(
            threshold: threshold, articleCount: entries.count, clusters: clusters, sharedPassages: passages)
    }

    // MARK: Candidate pairs

    /// The banding for a threshold: the most rows per band (fewest candidate pairs) that still make a pair at the
    /// threshold a candidate with probability ≥ 99.5 %, that is 1 − (1 − t^rows)^bands ≥ 0.995.
    static func bandLayout(threshold: Double) -> (rows: Int, bands: Int) {
        let length = MinHashSignature.length
        var layout = (rows: 1, bands: length)
        for rows in 1...32 {
            let bands = length / rows
            let missed = pow(1 - pow(threshold, Double(rows)), Double(bands))
            if 1 - missed >= 0.995 { layout = (rows, bands) }
        }
        return layout
    }

    /// Verifies candidate pairs band by band and joins those at or above the threshold; returns the joining
    /// pairs (a spanning forest of the clusters) with their similarity.
    private func link(_ sets: inout UnionFind) -> [(Int, Int, Double)] {
        let comparable = entries.indices.filter { entries[$0].signature.values.count == MinHashSignature.length }
        guard comparable.count >= 2 else { return [] }
        let (rows, bands) = Self.bandLayout(threshold: threshold)
        var edges: [(Int, Int, Double)] = []
        var keyed: [(key: UInt64, index: Int)] = []
        keyed.reserveCapacity(comparable.count)

        /// Joins the pair when it reaches the threshold; returns whether the two are now in one cluster.
        @discardableResult
        func verify(_ a: Int, _ b: Int) -> Bool {
            guard sets.find(a) != sets.find(b) else { return true }
            guard let matches = entries[a].signature.matches(entries[b].signature, atLeast: requiredMatches) else {
                return false
            }
            sets.union(a, b)
            edges.append((a, b, Double(matches) / Double(MinHashSignature.length)))
            return true
        }

        for band in 0..<bands {
            keyed.removeAll(keepingCapacity: true)
            for index in comparable {
                var key = UInt64(band)
                entries[index].signature.values.withUnsafeBufferPointer { values in
                    for row in (band * rows)..<((band + 1) * rows) {
                        key = FingerprintHashing.combine(key, UInt64(values[row]))
                    }
                }
                keyed.append((FingerprintHashing.finalize(key), index))
            }
            keyed.sort { ($0.key, $0.index) < ($1.key, $1.index) }
            var start = 0
            while start < keyed.count {
                var end = start + 1
                while end < keyed.count && keyed[end].key == keyed[start].key { end += 1 }
                let bucket = keyed[start..<end].map(\.index)
                start = end
                guard bucket.count >= 2 else { continue }
                if bucket.count <= Self.exactBucketLimit {
                    for (position, a) in bucket.enumerated() {
                        for b in bucket[(position + 1)...] { verify(a, b) }
                    }
                } else {
                    var representatives: [Int] = []
                    for member in bucket {
                        var joined = false
                        for representative in representatives where verify(member, representative) { joined = true }
                        if !joined && representatives.count < Self.representativeLimit {
                            representatives.append(member)
                        }
                    }
                }
            }
        }
        return edges
    }

    // MARK: Clusters

    private func clusters(sets: inout UnionFind, edges: [(Int, Int, Double)]) -> [DuplicateReport.Cluster] {
        guard !edges.isEmpty else { return [] }
        // Clusters are numbered by their first member; entries are sorted, so each cluster's ids come out sorted.
        // Arrays indexed by root rather than dictionaries keep the order the same in every process.
        var slotOfRoot = [Int](repeating: -1, count: entries.count)
        var members: [[Int]] = []
        for index in entries.indices where sets.size(of: index) > 1 {
            let root = sets.find(index)
            if slotOfRoot[root] < 0 {
                slotOfRoot[root] = members.count
                members.append([])
            }
            members[slotOfRoot[root]].append(index)
        }
        var edgeSimilarities = [[Double]](repeating: [], count: members.count)
        for (a, _, similarity) in edges { edgeSimilarities[slotOfRoot[sets.find(a)]].append(similarity) }

        var clusters: [DuplicateReport.Cluster] = []
        for (slot, members) in members.enumerated() {
            var similarities: [Double] = []
            if members.count <= Self.allPairsLimit {
                for (position, a) in members.enumerated() {
                    for b in members[(position + 1)...] {
                        similarities.append(entries[a].signature.similarity(to: entries[b].signature))
                    }
                }
            } else {
                similarities = edgeSimilarities[slot]
            }
            clusters.append(
                DuplicateReport.Cluster(
                    articles: members.map { entries[$0].id },
                    minimumSimilarity: similarities.min() ?? 0,
                    meanSimilarity: similarities.isEmpty ? 0 : similarities.reduce(0, +) / Double(similarities.count)))
        }
        // A stable sort: clusters with equal keys (possible only when ids repeat) keep their first-member order.
        return clusters.enumerated().sorted { x, y in
            let a = x.element, b = y.element
            if a.articles.count != b.articles.count { return a.articles.count > b.articles.count }
            if a.articles != b.articles { return a.articles.lexicographicallyPrecedes(b.articles) }
            return x.offset < y.offset
        }.map(\.element)
    }

    // MARK: Passages

    private func sharedPassages(sets: inout UnionFind) -> [DuplicateReport.SharedPassage] {
        var occurrences: [(hash: PassageHash, entry: Int, passage: Int)] = []
        for (entry, record) in entries.enumerated() {
            for (passage, hash) in record.passageHashes.enumerated() { occurrences.append((hash, entry, passage)) }
        }
        occurrences.sort { ($0.hash, $0.entry, $0.passage) < ($1.hash, $1.entry, $1.passage) }

        var shared: [DuplicateReport.SharedPassage] = []
        var start = 0
        while start < occurrences.count {
            var end = start + 1
            while end < occurrences.count && occurrences[end].hash == occurrences[start].hash { end += 1 }
            let group = occurrences[start..<end]
            start = end
            var articles: [Int] = []
            for occurrence in group where articles.last != occurrence.entry { articles.append(occurrence.entry) }
            guard articles.count >= 2 else { continue }
            let firstRoot = sets.find(articles[0])
            guard articles.contains(where: { sets.find($0) != firstRoot }) else { continue }
            let first = group[group.startIndex]
            shared.append(
                DuplicateReport.SharedPassage(
                    hash: first.hash, text: entries[first.entry].excerpt(at: first.passage),
                    articles: articles.map { entries[$0].id }))
        }
        return shared.sorted { a, b in
            if a.articles.count != b.articles.count { return a.articles.count > b.articles.count }
            if a.articles != b.articles { return a.articles.lexicographicallyPrecedes(b.articles) }
            if a.text != b.text { return a.text < b.text }
            return a.hash < b.hash
        }
    }

    // MARK: Canonical order

    /// A total order on entries: by id, then (for the same id in two shards) by signature, then by passages, so
    /// that sorting gives one order whatever order the entries came in.
    static func precedes(_ a: DuplicateSummary.Entry, _ b: DuplicateSummary.Entry) -> Bool {
        if a.id != b.id { return a.id < b.id }
        if a.signature.values != b.signature.values {
            return a.signature.values.lexicographicallyPrecedes(b.signature.values)
        }
        if a.passageHashes != b.passageHashes { return a.passageHashes.lexicographicallyPrecedes(b.passageHashes) }
        let (x, y) = (a.passages.map(\.excerpt), b.passages.map(\.excerpt))
        return x.lexicographicallyPrecedes(y)
    }
}

/// Disjoint sets over 0..<count with path halving and union by size: near-constant time per operation.
struct UnionFind {
    private var parent: [Int]
    private var sizes: [Int]

    init(count: Int) {
        parent = Array(0..<count)
        sizes = Array(repeating: 1, count: count)
    }

    mutating func find(_ element: Int) -> Int {
        var element = element
        while parent[element] != element {
            parent[element] = parent[parent[element]]
            element = parent[element]
        }
        return element
    }

    mutating func union(_ a: Int, _ b: Int) {
        var rootA = find(a), rootB = find(b)
        guard rootA != rootB else { return }
        if sizes[rootA] < sizes[rootB] || (sizes[rootA] == sizes[rootB] && rootB < rootA) { swap(&rootA, &rootB) }
        parent[rootB] = rootA
        sizes[rootA] += sizes[rootB]
    }

    mutating func size(of element: Int) -> Int { sizes[find(element)] }
}
