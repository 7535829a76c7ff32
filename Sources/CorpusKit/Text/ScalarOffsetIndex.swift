/// Converts between UTF-8 offsets and Unicode scalar offsets of one text.
///
/// Scalar offsets are what Python's `str`, JavaScript's `codePointAt` loops and most annotation tools count, so
/// they are the offsets of every serialised CorpusKit output. The index is built once per text in one pass and
/// then answers each conversion in O(log n) (O(1) for ASCII text).
public struct ScalarOffsetIndex: Sendable {
    /// UTF-8 offsets at which each non-ASCII scalar starts, in order. Empty for ASCII text.
    private let nonASCIIStarts: [Int]
    /// Extra UTF-8 bytes (beyond one) before each entry of `nonASCIIStarts`, cumulative, including that scalar.
    private let extraBytesThrough: [Int]
    private let utf8Count: Int

    /// Builds the index for `text`.
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    public init(_ text: String) {
        var starts: [Int] = []
        var extra: [Int] = []
        var total = 0
        var offset = 0
        var copy = text
        copy.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x80 { i &+= 1; continue }
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                total += length - 1
                starts.append(i)
                extra.append(total)
                i &+= length
            }
            offset = n
        }
        nonASCIIStarts = starts
        extraBytesThrough = extra
        utf8Count = offset
    }

    /// The scalar offset of a UTF-8 offset (which should fall on a scalar boundary).
    public func scalarOffset(ofUTF8Offset utf8Offset: Int) -> Int {
        if nonASCIIStarts.isEmpty { return utf8Offset }
        // Number of non-ASCII scalars starting strictly before utf8Offset.
        var low = 0, high = nonASCIIStarts.count
        while low < high {
            let mid = (low + high) / 2
            if nonASCIIStarts[mid] < utf8Offset { low = mid + 1 } else { high = mid }
        }
        return low == 0 ? utf8Offset : utf8Offset - extraBytesThrough[low - 1]
    }

    /// The UTF-8 offset of a scalar offset. Offsets past the end map to the end of the text.
    public func utf8Offset(ofScalarOffset scalarOffset: Int) -> Int {
        if nonASCIIStarts.isEmpty { return Swift.min(scalarOffset, utf8Count) }
        // Find the number k of non-ASCII scalars before the target: the largest k with
        // scalarOffset(nonASCIIStarts[k-1]) < scalarOffset.
        var low = 0, high = nonASCIIStarts.count
        while low < high {
            let mid = (low + high) / 2
            let startScalar = nonASCIIStarts[mid] - (mid == 0 ? 0 : extraBytesThrough[mid - 1])
            if startScalar < scalarOffset { low = mid + 1 } else { high = mid }
        }
        let result = low == 0 ? scalarOffset : scalarOffset + extraBytesThrough[low - 1]
        return Swift.min(result, utf8Count)
    }
}
