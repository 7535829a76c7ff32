/// Remembers the paragraphs of one page and says when a new one repeats an earlier one, exactly or nearly:
/// a caption repeated four times, a whole article pasted twice, a paragraph re-pasted with a figure changed.
///
/// Exact repeats are found by a hash of the folded text (case, accents, punctuation and spacing ignored); near
/// repeats of longer paragraphs by the overlap of their word sets (Jaccard), against a bounded window of recent
/// paragraphs so that the cost stays linear on hostile pages with thousands of lines. Hashes are FNV-1a with
/// fixed constants, so results never change between runs (Swift's `Hasher` is seeded per process).
struct RepeatedParagraphs {
    /// Word-set overlap at or above which two paragraphs of 8 words or more are the same paragraph.
    var nearThreshold: Double
    private var exact: Set<UInt64> = []
    private var recent: [[UInt64]] = []  // sorted word hashes of recent long paragraphs
    private static let window = 64

    init(nearThreshold: Double) { self.nearThreshold = nearThreshold }

    /// Whether `line` repeats a paragraph seen before; if not, remembers it.
    /// - Complexity: O(n) for the line plus O(window × words) for long lines.
    mutating func isRepeat(_ line: UnsafeBufferPointer<UInt8>) -> Bool {
        let folded = TextFolding.folded(line, lettersAndDigitsOnly: true)
        if folded.isEmpty { return false }
        // One pass: the hash of the whole text, the hash without digits ("Lu 312 fois" = "Lu 313 fois", a score
        // updated in a re-paste), and a hash per word for the near-repeat test.
        var full: UInt64 = 0xcbf29ce484222325
        var withoutDigits: UInt64 = 0xcbf29ce484222325
        var word: UInt64 = 0xcbf29ce484222325
        var words: [UInt64] = []
        folded.withUnsafeBufferPointer { bytes in
            for byte in bytes {
                full = (full ^ UInt64(byte)) &* 0x100000001b3
                if byte < 0x30 || byte > 0x39 { withoutDigits = (withoutDigits ^ UInt64(byte)) &* 0x100000001b3 }
                if byte == 0x20 {
                    words.append(word)
                    word = 0xcbf29ce484222325
                } else {
                    word = (word ^ UInt64(byte)) &* 0x100000001b3
                }
            }
        }
        words.append(word)
        withoutDigits ^= 0x5bd1e995  // keep the two kinds of key apart in one set
        if exact.contains(full) || exact.contains(withoutDigits) { return true }

        if words.count >= 8 && nearThreshold < 1 {
            words.sort()
            var set: [UInt64] = []
            set.reserveCapacity(words.count)
            for word in words where set.last != word { set.append(word) }
            for earlier in recent.reversed() {
                let ratio = Double(min(set.count, earlier.count)) / Double(max(set.count, earlier.count))
                guard ratio >= nearThreshold else { continue }
                if Self.jaccard(set, earlier) >= nearThreshold { return true }
            }
            recent.append(set)
            if recent.count > Self.window { recent.removeFirst() }
        }
        exact.insert(full)
        exact.insert(withoutDigits)
        return false
    }

    /// |A ∩ B| / |A ∪ B| of two sorted arrays of distinct values.
    private static func jaccard(_ a: [UInt64], _ b: [UInt64]) -> Double {
        var i = 0, j = 0, common = 0
        while i < a.count && j < b.count {
            if a[i] == b[j] { common += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        let union = a.count + b.count - common
        return union == 0 ? 0 : Double(common) / Double(union)
    }
}
