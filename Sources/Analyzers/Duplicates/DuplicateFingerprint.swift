import CorpusKit

/// What the `duplicates` analyzer computes for one article: a MinHash signature of its wording and the hashes of
/// its longer sentences.
///
/// Fingerprints are compared across a corpus by ``DuplicateSummary/report(threshold:)``; on their own they say
/// nothing. Words are compared case- and accent-folded (`Été` = `ete`, `l’` = `l'`), so a copy that only
/// changed typography still matches.
///
/// ```swift
/// let fingerprinter = DuplicateFingerprinter()
/// let a = fingerprinter.fingerprint(TextStructure(analyzing: "Le conseil municipal a voté jeudi soir le budget de la ville."))
/// let b = fingerprinter.fingerprint(TextStructure(analyzing: "LE CONSEIL MUNICIPAL a voté jeudi soir le budget de la ville !"))
/// a.signature.similarity(to: b.signature)   // 1.0
/// ```
public struct DuplicateFingerprint: Sendable, Hashable, Codable {
    /// The MinHash signature of the article's 5-word shingles; empty when it has fewer than 5 words.
    public var signature: MinHashSignature
    /// How many 5-word shingles the signature summarises (words − 4, or 0).
    public var shingleCount: Int
    /// The article's sentences of at least ``DuplicateFingerprinter/minimumPassageWords`` words, in text order.
    public var passages: [Passage]

    /// Creates a fingerprint from its parts.
    /// - Parameters:
    ///   - signature: The MinHash signature (empty for articles too short to compare).
    ///   - shingleCount: The number of shingles behind it.
    ///   - passages: The hashed sentences with their spans.
    public init(signature: MinHashSignature, shingleCount: Int, passages: [Passage]) {
        self.signature = signature
        self.shingleCount = shingleCount
        self.passages = passages
    }

    /// A sentence long enough to be recognised when another article reuses it.
    public struct Passage: Sendable, Hashable, Codable {
        /// The hash of the sentence's folded words (punctuation left out).
        public var hash: PassageHash
        /// Where the sentence is in the article's body.
        public var span: TextSpan

        /// Creates a passage.
        /// - Parameters:
        ///   - hash: The hash of its words.
        ///   - span: Its place in the body.
        public init(hash: PassageHash, span: TextSpan) {
            self.hash = hash
            self.span = span
        }
    }
}

/// A fixed-length MinHash signature of a set of shingles: the share of positions where two signatures agree
/// estimates the Jaccard similarity of the two sets (shared shingles over all distinct shingles).
///
/// The signature is a one-permutation MinHash with optimal densification: each shingle hash falls in one of
/// ``length`` bins by its top bits and each bin keeps its smallest value; an empty bin takes the value of a bin
/// chosen by a probe sequence fixed per position. Each position of two signatures agrees with probability equal
/// to the Jaccard similarity, as with ``length`` independent hash functions, at a fraction of their cost.
///
/// Encoded in JSON as an array of 128 integers below 2³², which every JSON reader holds exactly.
public struct MinHashSignature: Sendable, Hashable, Codable {
    /// The number of values in a non-empty signature.
    ///
    /// 128 values estimate a similarity of 0.8 within about ±0.035 (one standard deviation).
    public static let length = 128

    /// The values; empty for a text with no shingle.
    public let values: [UInt32]

    /// Creates a signature.
    /// - Parameter values: ``length`` values, or none for a text too short to compare. Signatures of another
    ///   length are kept but never match anything (see ``similarity(to:)``).
    public init(values: [UInt32]) { self.values = values }

    /// The signature of a text with no shingle.
    public static let empty = MinHashSignature(values: [])

    /// Whether this is the signature of a text too short to compare.
    public var isEmpty: Bool { values.isEmpty }

    /// The estimated Jaccard similarity of the two shingle sets: the share of positions where the values agree.
    /// - Parameter other: Another signature.
    /// - Returns: A value in 0…1 (a multiple of 1/128); 0 when either signature is empty or the lengths differ.
    /// - Complexity: O(``length``).
    public func similarity(to other: MinHashSignature) -> Double {
        guard !values.isEmpty, values.count == other.values.count else { return 0 }
        return Double(matches(other)) / Double(values.count)
    }

    /// The number of positions where the two signatures agree when it is at least `required`, or `nil` as soon as
    /// too many positions differ for that: most candidate pairs are far apart, and stopping early makes checking
    /// them several times cheaper. The caller checks that the lengths are equal.
    func matches(_ other: MinHashSignature, atLeast required: Int) -> Int? {
        values.withUnsafeBufferPointer { mine in
            other.values.withUnsafeBufferPointer { theirs in
                let count = min(mine.count, theirs.count)
                let allowedMismatches = count - required
                var mismatches = 0
                var index = 0
                while index < count {
                    if mine[index] != theirs[index] {
                        mismatches += 1
                        if mismatches > allowedMismatches { return nil }
                    }
                    index += 1
                }
                return count - mismatches
            }
        }
    }

    /// The number of positions where the two signatures agree; the caller checks that the lengths are equal.
    func matches(_ other: MinHashSignature) -> Int {
        values.withUnsafeBufferPointer { mine in
            other.values.withUnsafeBufferPointer { theirs in
                var count = 0
                for index in 0..<min(mine.count, theirs.count) where mine[index] == theirs[index] { count += 1 }
                return count
            }
        }
    }

    /// Encodes the values as a plain array.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(values)
    }

    /// Decodes a plain array of values.
    public init(from decoder: any Decoder) throws {
        values = try decoder.singleValueContainer().decode([UInt32].self)
    }
}

/// The 64-bit hash of a passage's folded words, the same in every run and on every machine.
///
/// Encoded in JSON as 16 lower-case hexadecimal digits (`"0f3a…"`): a 64-bit integer would lose precision in
/// JavaScript and in other readers that hold numbers as doubles.
public struct PassageHash: RawRepresentable, Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// The hash.
    public let rawValue: UInt64

    /// Creates a hash from its value.
    /// - Parameter rawValue: The 64-bit value.
    public init(rawValue: UInt64) { self.rawValue = rawValue }

    /// The 16 hexadecimal digits, zero-padded.
    public var description: String {
        let digits = String(rawValue, radix: 16)
        return String(repeating: "0", count: 16 - digits.count) + digits
    }

    /// Orders hashes by value.
    public static func < (lhs: PassageHash, rhs: PassageHash) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Encodes the hash as its 16 hexadecimal digits.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Decodes a hash written by ``encode(to:)``.
    /// - Throws: `DecodingError` when the string is not 1 to 16 hexadecimal digits.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard text.utf8.count <= 16, let value = UInt64(text, radix: 16) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "\"\(text)\" is not a 64-bit hexadecimal passage hash")
        }
        rawValue = value
    }
}
