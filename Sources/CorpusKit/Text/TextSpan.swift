import Foundation

/// A half-open range of a text, stored as UTF-8 byte offsets.
///
/// Spans are what every analyzer returns: they are small, `Sendable`, cheap to compare and independent of the
/// `String` they point into. Turn one into a `Range<String.Index>` with ``TextSpan/range(in:)`` (O(1) on native
/// Swift strings) or into Unicode scalar offsets, which is what Python's `str` indexes, with
/// ``ScalarOffsetIndex``. When a span is encoded by the pipeline's JSON output it is written as
/// `{"start": s, "end": e}` in **Unicode scalar offsets** of the article body.
public struct TextSpan: Sendable, Hashable, Comparable {
    /// UTF-8 offset of the first byte.
    public var start: Int
    /// UTF-8 offset one past the last byte.
    public var end: Int

    /// Creates a span from UTF-8 byte offsets.
    /// - Parameters:
    ///   - start: Offset of the first byte.
    ///   - end: Offset one past the last byte; must not be smaller than `start`.
    @inlinable
    public init(start: Int, end: Int) {
        precondition(start <= end, "TextSpan start must not exceed end")
        self.start = start
        self.end = end
    }

    /// Creates a span covering `range` of `text`.
    /// - Parameters:
    ///   - range: A range of indices of `text`.
    ///   - text: The string the range belongs to.
    public init(_ range: Range<String.Index>, in text: String) {
        let utf8 = text.utf8
        self.init(
            start: utf8.distance(from: utf8.startIndex, to: range.lowerBound),
            end: utf8.distance(from: utf8.startIndex, to: range.upperBound))
    }

    /// Number of UTF-8 bytes covered.
    @inlinable public var utf8Count: Int { end - start }
    /// Whether the span covers no text.
    @inlinable public var isEmpty: Bool { start == end }

    /// The span as indices of `text`.
    /// - Parameter text: The string the span was computed on.
    /// - Returns: The range, or `nil` when the span lies outside `text` or splits a Unicode scalar.
    /// - Complexity: O(1) for native Swift strings.
    public func range(in text: String) -> Range<String.Index>? {
        let utf8 = text.utf8
        guard start >= 0, end <= utf8.count else { return nil }
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        let upper = utf8.index(lower, offsetBy: end - start)
        guard lower.samePosition(in: text.unicodeScalars) != nil,
              upper.samePosition(in: text.unicodeScalars) != nil
        else { return nil }
        return lower..<upper
    }

    /// The text the span covers.
    /// - Parameter text: The string the span was computed on.
    /// - Returns: The covered substring, or an empty substring when the span does not fit `text`.
    public func substring(of text: String) -> Substring {
        guard let range = range(in: text) else { return text[text.endIndex...] }
        return text[range]
    }

    /// The smallest span covering both spans.
    public func union(_ other: TextSpan) -> TextSpan {
        TextSpan(start: Swift.min(start, other.start), end: Swift.max(end, other.end))
    }

    /// Whether the two spans share at least one byte.
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    /// Whether `other` lies entirely inside this span.
    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        (lhs.start, lhs.end) < (rhs.start, rhs.end)
    }
}

extension TextSpan: Codable {
    private enum CodingKeys: String, CodingKey { case start, end }

    /// Encodes the span. With a ``ScalarOffsetIndex`` in the encoder's `userInfo` under
    /// ``Swift/CodingUserInfoKey/scalarOffsets`` (the pipeline's JSON writer sets one per article) the offsets
    /// written are Unicode scalar offsets; otherwise they are the UTF-8 offsets.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try encodeOffsets(to: &container, startKey: .start, endKey: .end, userInfo: encoder.userInfo)
    }

    /// Decodes a span, converting scalar offsets back to UTF-8 when a ``ScalarOffsetIndex`` is in the decoder's
    /// `userInfo` under ``Swift/CodingUserInfoKey/scalarOffsets``.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(decodingOffsetsFrom: container, startKey: .start, endKey: .end, userInfo: decoder.userInfo)
    }

    /// Writes the span's offsets into a keyed container owned by another type, so that records such as
    /// ``Token`` can embed `start` and `end` flat (`{"start":0,"end":5,"kind":"word"}`) instead of nesting a
    /// span object.
    ///
    /// This is the one place that decides which offsets are written: with a ``ScalarOffsetIndex`` in `userInfo`
    /// under ``Swift/CodingUserInfoKey/scalarOffsets`` they are Unicode scalar offsets, otherwise UTF-8 offsets.
    ///
    /// - Parameters:
    ///   - container: The container to write into.
    ///   - startKey: The key for the start offset.
    ///   - endKey: The key for the end offset.
    ///   - userInfo: The encoder's `userInfo`.
    /// - Complexity: O(log n) with a scalar index (n non-ASCII scalars in the text), O(1) otherwise.
    public func encodeOffsets<Key: CodingKey>(
        to container: inout KeyedEncodingContainer<Key>, startKey: Key, endKey: Key,
        userInfo: [CodingUserInfoKey: Any]
    ) throws {
        if let index = userInfo[.scalarOffsets] as? ScalarOffsetIndex {
            try container.encode(index.scalarOffset(ofUTF8Offset: start), forKey: startKey)
            try container.encode(index.scalarOffset(ofUTF8Offset: end), forKey: endKey)
        } else {
            try container.encode(start, forKey: startKey)
            try container.encode(end, forKey: endKey)
        }
    }

    /// Reads a span written by ``encodeOffsets(to:startKey:endKey:userInfo:)`` from a keyed container owned
    /// by another type, converting scalar offsets back to UTF-8 when a ``ScalarOffsetIndex`` is in `userInfo`.
    ///
    /// - Parameters:
    ///   - container: The container to read from.
    ///   - startKey: The key of the start offset.
    ///   - endKey: The key of the end offset.
    ///   - userInfo: The decoder's `userInfo`.
    /// - Throws: `DecodingError` when a key is missing or the end comes before the start.
    /// - Complexity: O(log n) with a scalar index (n non-ASCII scalars in the text), O(1) otherwise.
    public init<Key: CodingKey>(
        decodingOffsetsFrom container: KeyedDecodingContainer<Key>, startKey: Key, endKey: Key,
        userInfo: [CodingUserInfoKey: Any]
    ) throws {
        var start = try container.decode(Int.self, forKey: startKey)
        var end = try container.decode(Int.self, forKey: endKey)
        if let index = userInfo[.scalarOffsets] as? ScalarOffsetIndex {
            start = index.utf8Offset(ofScalarOffset: start)
            end = index.utf8Offset(ofScalarOffset: end)
        }
        // Checked before `init(start:end:)` so that bad input throws instead of tripping its precondition.
        guard start >= 0 else {
            throw DecodingError.dataCorruptedError(
                forKey: startKey, in: container, debugDescription: "span start \(start) is negative")
        }
        guard start <= end else {
            throw DecodingError.dataCorruptedError(
                forKey: endKey, in: container, debugDescription: "span end \(end) is before its start \(start)")
        }
        self.init(start: start, end: end)
    }
}

extension CodingUserInfoKey {
    /// The `userInfo` key under which a ``ScalarOffsetIndex`` makes ``TextSpan`` encode scalar offsets.
    public static let scalarOffsets = CodingUserInfoKey(rawValue: "corpuskit.scalarOffsets")!
}
