/// Remembers the paragraphs of one page and says when a new one repeats an earlier one, exactly or nearly:
/// a caption repeated four times, a whole article pasted twice, a paragraph re-pasted with a figure changed.
///
/// Exact repeats are found by a hash of the folded text (case, accents, punctuation and spacing ignored), and by
/// a second hash without figures. Near repeats of paragraphs of 8 words or more are found by the overlap of their
/// word sets (Jaccard), computed only for an earlier paragraph of similar length that starts or ends with the
/// same four words, within a bounded window of recent paragraphs: the cost stays linear on hostile pages with
/// thousands of lines. Hashes are FNV-1a with fixed constants, so results never change between runs (Swift's
/// `Hasher` is seeded per process).
struct RepeatedParagraphs {
    /// Word-set overlap at or above which two paragraphs of 8 words or more are the same paragraph.
    var nearThreshold: Double
    private var exact: Set<UInt64> = []

    /// A recent long paragraph, kept for the near-repeat test.
    private struct Recent {
        var head: UInt64  // hash of its first four words
        var tail: UInt64  // hash of its last four words
        var words: [UInt64]  // word hashes, in order
    }

    private var recent: [Recent] = []
    private static let window = 64
    private static let anchorWords = 4
    /// Word hashes of the line being checked; kept between calls to avoid an allocation per line.
    private var words: [UInt64] = []

    init(nearThreshold: Double) { self.nearThreshold = nearThreshold }

    private static let offset: UInt64 = 0xcbf29ce484222325
    private static let prime: UInt64 = 0x100000001b3

    /// Whether `line` repeats a paragraph seen before; if not, remembers it.
    /// - Complexity: O(n) for the line, plus O(words × log words) when an earlier paragraph is a candidate.
    mutating func isRepeat(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        // One pass, folding as it goes (case and accents ignored, anything but letters and digits a separator):
        // a hash per word. The paragraph's keys combine them: all words, and the words without figures
        // ("Lu 312 fois" = "Lu 313 fois", a score updated in a re-paste).
        let offset = Self.offset, prime = Self.prime
        var full = offset
        var withoutDigits = offset
        var word = offset
        var wordLength = 0
        var wordHasDigit = false
        words.removeAll(keepingCapacity: true)
        let keyTable = TextFolding.keyTable
        let latin1Base = TextFolding.latin1Base
        let n = line.count
        var i = 0
        while i <= n {
            var byte: UInt8 = 0x20
            if i < n {
                let b = line[i]
                if b < 0x80 {
                    byte = keyTable[Int(b)]
                    i &+= 1
                } else if b == 0xC3 && i + 1 < n && line[i + 1] >= 0x80 && line[i + 1] <= 0xBF {
                    let letter = latin1Base[Int(line[i + 1] &- 0x80)]
                    byte = letter == 0x2A || letter == 0x2F ? 0x20 : letter
                    i &+= 2
                } else {
                    // Other scalars separate words, like punctuation (they are rare in French and English news).
                    i &+= b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                }
            } else {
                i &+= 1  // the final separator closes the last word
            }
            if byte != 0x20 {
                wordLength &+= 1
                word = (word ^ UInt64(byte)) &* prime
                if byte <= 0x39 { wordHasDigit = true }
            } else if wordLength > 0 {
                words.append(word)
                full = (full ^ word) &* prime
                if !wordHasDigit { withoutDigits = (withoutDigits ^ word) &* prime }
                word = offset
                wordLength = 0
                wordHasDigit = false
            }
        }
        if words.isEmpty { return false }
        withoutDigits ^= 0x5bd1e995  // keep the two kinds of key apart in one set
        if exact.contains(full) || exact.contains(withoutDigits) { return true }
        exact.insert(full)
        exact.insert(withoutDigits)

        guard words.count >= 8 && nearThreshold < 1 else { return false }
        let head = Self.combine(words.prefix(Self.anchorWords))
        let tail = Self.combine(words.suffix(Self.anchorWords))
        for earlier in recent.reversed() where earlier.head == head || earlier.tail == tail {
            let ratio = Double(min(words.count, earlier.words.count)) / Double(max(words.count, earlier.words.count))
            if ratio >= nearThreshold && Self.jaccard(words, earlier.words) >= nearThreshold { return true }
        }
        recent.append(Recent(head: head, tail: tail, words: words))
        if recent.count > Self.window { recent.removeFirst() }
        return false
    }

    private static func combine(_ hashes: ArraySlice<UInt64>) -> UInt64 {
        var value = offset
        for hash in hashes { value = (value ^ hash) &* prime }
        return value
    }

    /// |A ∩ B| / |A ∪ B| of the word sets of two paragraphs.
    private static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        func distinctSorted(_ words: [UInt64]) -> [UInt64] {
            var sorted = words.sorted()
            var write = 0
            for read in sorted.indices where read == 0 || sorted[read] != sorted[read - 1] {
                sorted[write] = sorted[read]
                write += 1
            }
            sorted.removeLast(sorted.count - write)
            return sorted
        }
        let a = distinctSorted(a), b = distinctSorted(b)
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        let union = a.count + b.count - common
        return union == 0 ? 0 : Double(common) / Double(union)
    }
}
