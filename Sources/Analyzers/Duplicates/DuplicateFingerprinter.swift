import CorpusKit

extension AnalyzerID {
    /// The standard duplicate fingerprinter (``DuplicateFingerprinter``).
    public static let duplicates: AnalyzerID = "duplicates"
}

extension ResultKey where Value == DuplicateFingerprint {
    /// The fingerprint computed by the standard `duplicates` analyzer.
    public static var duplicates: Self { Self(.duplicates) }
}

/// Fingerprints each article so that a corpus can be searched for near-duplicates (the same wire story in several
/// outlets, the same page saved twice) and for sentences reused across articles.
///
/// Per article it computes a ``DuplicateFingerprint``: a 128-value MinHash signature of the article's 5-word
/// shingles and a hash of every sentence of at least 8 words. The comparison is corpus-level: each article
/// contributes an entry to a ``DuplicateSummary``, and ``DuplicateSummary/report(threshold:)`` finds the clusters
/// and the shared passages once every article has been seen (summaries of shards merge first).
///
/// Words (and numbers) are the `text` analyzer's tokens, compared case- and accent-folded; punctuation is left
/// out, so a copy whose quote marks, apostrophes or capitals changed still matches. The analyzer reads the body
/// as analyzers see it, after page cleaning.
///
/// ```swift
/// let pipeline = try Pipeline(registry: .standard, selecting: [.duplicates])
/// let summary = pipeline.run(CorpusReader(paths: ["corpus/"])) { _ in }
/// let report = summary.summary(of: .duplicates, as: DuplicateSummary.self)?.report() ?? DuplicateReport()
/// for cluster in report.clusters { print(cluster.articles, cluster.meanSimilarity) }
/// ```
///
/// Its per-article output only feeds the summary, so it is not reported unless selected
/// (``isReportedByDefault`` is `false`).
public struct DuplicateFingerprinter: Analyzer {
    /// Words per shingle. Five words make a shingle specific enough that unrelated news articles share almost none,
    /// and short enough that a changed word disturbs only five shingles.
    public static let shingleSize = 5
    /// The fewest words (and numbers) a sentence needs to be hashed as a passage; shorter sentences ("Lire aussi",
    /// datelines, "Partager sur Facebook") recur everywhere and would be noise.
    public static let minimumPassageWords = 8

    /// The id of this instance.
    public let id: AnalyzerID

    /// Creates the analyzer.
    /// - Parameter id: Its id; the standard instance uses `duplicates`.
    public init(id: AnalyzerID = .duplicates) { self.id = id }

    /// `text`: the shared tokens and sentences.
    public var dependencies: [AnalyzerID] { [.text] }

    /// One line for `corpus-tool list`.
    public var abstract: String {
        "Near-duplicate fingerprints: MinHash of 5-word shingles, hashes of sentences of 8+ words."
    }

    /// `false`: fingerprints are only useful through the corpus summary.
    public var isReportedByDefault: Bool { false }

    /// Fingerprints one article from its shared text structure.
    /// - Parameters:
    ///   - article: The article (its body is what the `text` analyzer tokenized).
    ///   - context: Holds the `text` analyzer's ``CorpusKit/TextStructure``.
    /// - Returns: The article's fingerprint.
    /// - Throws: ``CorpusKit/CorpusKitError`` when the `text` result is missing.
    /// - Complexity: O(n) in the length of the body.
    public func analyze(_ article: Article, in context: AnalysisContext) throws -> DuplicateFingerprint {
        fingerprint(try context.require(.text))
    }

    /// The article's entry in the corpus summary: its id, signature, and passages with short excerpts.
    /// - Parameters:
    ///   - output: The article's fingerprint.
    ///   - article: The article as analysed (its body is where the passages' spans point).
    /// - Returns: A summary holding this one article.
    /// - Complexity: O(p) for p passages (each excerpt is at most ``DuplicateSummary/excerptLength`` characters).
    public func summarize(_ output: DuplicateFingerprint, of article: Article) -> DuplicateSummary {
        // A passage repeated inside one article (a page pasted twice) is one passage of that article.
        var seen: Set<PassageHash> = []
        seen.reserveCapacity(output.passages.count)
        var hashes: [PassageHash] = []
        var excerptBytes: [UInt8] = []
        var excerptEnds: [Int] = []
        var body = article.body
        body.withUTF8 { bytes in
            for passage in output.passages where seen.insert(passage.hash).inserted {
                DuplicateSummary.appendExcerpt(of: passage.span, in: bytes, to: &excerptBytes)
                hashes.append(passage.hash)
                excerptEnds.append(excerptBytes.count)
            }
        }
        return DuplicateSummary(entries: [
            DuplicateSummary.Entry(
                id: article.id, signature: output.signature, passageHashes: hashes, excerptBytes: excerptBytes,
                excerptEnds: excerptEnds)
        ])
    }

    /// Fingerprints a text that has been tokenized and split into sentences.
    ///
    /// Usable without a pipeline. Spans outside the text (from a structure built by hand) are clamped, never
    /// trusted.
    /// - Parameter structure: The text's tokens and sentences.
    /// - Returns: The fingerprint; its signature is empty when the text has fewer than ``shingleSize`` words.
    /// - Complexity: O(n) in the length of the text: each word is hashed once, and each shingle costs O(1).
    public func fingerprint(_ structure: TextStructure) -> DuplicateFingerprint {
        var text = structure.text
        let tokens = structure.tokens
        // Hash every word once; `wordsBefore[i]` is the number of words among tokens 0..<i, so a sentence's words
        // are `wordHashes[wordsBefore[lower]..<wordsBefore[upper]]` without a second pass over its tokens.
        var wordHashes: [UInt64] = []
        wordHashes.reserveCapacity(tokens.count)
        var wordsBefore = [Int](repeating: 0, count: tokens.count + 1)
        text.withUTF8 { bytes in
            tokens.withUnsafeBufferPointer { tokens in
                for index in 0..<tokens.count {
                    let token = tokens[index]
                    if token.kind == .word || token.kind == .number {
                        let end = min(max(token.span.end, 0), bytes.count)
                        let start = min(max(token.span.start, 0), end)
                        wordHashes.append(FingerprintHashing.wordHash(bytes, from: start, to: end))
                    }
                    wordsBefore[index + 1] = wordHashes.count
                }
            }
        }

        let shingleCount = max(wordHashes.count - Self.shingleSize + 1, 0)
        var sketch = FingerprintHashing.OnePermutationSketch()
        wordHashes.withUnsafeBufferPointer { words in
            for first in 0..<shingleCount {
                var shingle: UInt64 = 0
                for offset in 0..<Self.shingleSize { shingle = FingerprintHashing.combine(shingle, words[first + offset]) }
                sketch.add(FingerprintHashing.finalize(shingle))
            }
        }
        let signature = sketch.finish()

        var passages: [DuplicateFingerprint.Passage] = []
        for sentence in structure.sentences {
            let lower = min(max(sentence.tokens.lowerBound, 0), tokens.count)
            let upper = min(max(sentence.tokens.upperBound, lower), tokens.count)
            let words = wordsBefore[lower]..<wordsBefore[upper]
            guard words.count >= Self.minimumPassageWords else { continue }
            var hash: UInt64 = 0
            for word in words { hash = FingerprintHashing.combine(hash, wordHashes[word]) }
            passages.append(
                DuplicateFingerprint.Passage(
                    hash: PassageHash(rawValue: FingerprintHashing.finalize(hash)), span: sentence.span))
        }
        return DuplicateFingerprint(signature: signature, shingleCount: shingleCount, passages: passages)
    }
}
