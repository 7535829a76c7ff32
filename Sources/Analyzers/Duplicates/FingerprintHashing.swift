import CorpusKit

/// The fixed hash functions behind duplicate fingerprints.
///
/// Everything here is seeded with constants, never with Swift's `Hasher` (which is seeded randomly per process):
/// signatures and passage hashes must be identical across runs, processes and machines, because summaries of
/// shards computed apart are merged and compared.
enum FingerprintHashing {
    // MARK: Mixing

    /// FNV-1a's 64-bit offset basis and prime: one multiply per byte, good enough to spread word bytes before
    /// the finaliser below does the real mixing.
    static let fnvOffset: UInt64 = 0xCBF2_9CE4_8422_2325
    static let fnvPrime: UInt64 = 0x0000_0100_0000_01B3

    /// MurmurHash3's 64-bit finaliser: every output bit depends on every input bit, which FNV alone does not give.
    @inline(__always)
    static func finalize(_ value: UInt64) -> UInt64 {
        var k = value
        k ^= k >> 33
        k &*= 0xFF51_AFD7_ED55_8CCD
        k ^= k >> 33
        k &*= 0xC4CE_B9FE_1A85_EC53
        k ^= k >> 33
        return k
    }

    /// Folds one more value into an ordered combination (shingles and passages are sequences: order matters).
    @inline(__always)
    static func combine(_ state: UInt64, _ value: UInt64) -> UInt64 {
        (state ^ value) &* 0x9E37_79B9_7F4A_7C15 &+ 0x632B_E59B_D9B4_E019
    }

    // MARK: Words

    /// The hash of one word, case- and accent-folded: `Été`, `été` and `ete` hash alike, and so do `l’` and `l'`.
    ///
    /// Folding happens byte by byte while hashing, so no folded `String` is ever built: lower-case ASCII, the
    /// Latin-1 letters (`À`–`ÿ`) and `Œ œ Š š Ž ž Ÿ` map to their base letters (`æ` → `ae`, `ß` → `ss`), typographic
    /// apostrophes (U+2018, U+2019, U+02BC) to `'` and Unicode hyphens (U+2010, U+2011) to `-`. Other bytes
    /// (Greek, Cyrillic, rarer accents) are hashed as they are, case included: outlets copying each other's
    /// text keep those letters as they were, so folding them would buy little for its cost.
    /// - Parameters:
    ///   - bytes: The UTF-8 text.
    ///   - start: Offset of the word's first byte; the caller keeps it within `bytes`.
    ///   - end: Offset one past its last byte; the caller keeps it within `bytes`.
    @inline(__always)
    static func wordHash(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int, to end: Int) -> UInt64 {
        var hash = fnvOffset
        @inline(__always) func feed(_ byte: UInt8) { hash = (hash ^ UInt64(byte)) &* fnvPrime }
        var index = start
        while index < end {
            let byte = bytes[index]
            if byte < 0x80 {
                // ASCII upper case to lower case: 'A'...'Z' → 'a'...'z'.
                feed(byte &- 0x41 < 26 ? byte | 0x20 : byte)
                index += 1
                continue
            }
            if index + 1 < end {
                let next = bytes[index + 1]
                let folded: (UInt8, UInt8)
                switch byte {
                case 0xC3: folded = latin1Letter(next)
                case 0xC5: folded = latinExtendedLetter(next)
                case 0xCA where next == 0xBC: folded = (0x27, 0)  // U+02BC modifier letter apostrophe
                case 0xE2 where next == 0x80 && index + 2 < end: folded = punctuation(bytes[index + 2])
                default: folded = (0, 0)
                }
                if folded.0 != 0 {
                    feed(folded.0)
                    if folded.1 != 0 { feed(folded.1) }
                    index += byte == 0xE2 ? 3 : 2
                    continue
                }
            }
            feed(byte)
            index += 1
        }
        return finalize(hash)
    }

    /// The base letters of U+00C0–U+00FF, given the second UTF-8 byte after 0xC3; `(0, 0)` for `×`, `÷`, `Þ`, `þ`.
    @inline(__always)
    private static func latin1Letter(_ byte: UInt8) -> (UInt8, UInt8) {
        switch byte {
        case 0x80...0x85, 0xA0...0xA5: return (0x61, 0)  // À…Å à…å → a
        case 0x86, 0xA6: return (0x61, 0x65)  // Æ æ → ae
        case 0x87, 0xA7: return (0x63, 0)  // Ç ç → c
        case 0x88...0x8B, 0xA8...0xAB: return (0x65, 0)  // È…Ë è…ë → e
        case 0x8C...0x8F, 0xAC...0xAF: return (0x69, 0)  // Ì…Ï ì…ï → i
        case 0x90, 0xB0: return (0x64, 0)  // Ð ð → d
        case 0x91, 0xB1: return (0x6E, 0)  // Ñ ñ → n
        case 0x92...0x96, 0x98, 0xB2...0xB6, 0xB8: return (0x6F, 0)  // Ò…Ö Ø ò…ö ø → o
        case 0x99...0x9C, 0xB9...0xBC: return (0x75, 0)  // Ù…Ü ù…ü → u
        case 0x9D, 0xBD, 0xBF: return (0x79, 0)  // Ý ý ÿ → y
        case 0x9F: return (0x73, 0x73)  // ß → ss
        default: return (0, 0)
        }
    }

    /// `Œ œ Š š Ÿ Ž ž`, given the second UTF-8 byte after 0xC5; `(0, 0)` for the rest of U+0140–U+017F.
    @inline(__always)
    private static func latinExtendedLetter(_ byte: UInt8) -> (UInt8, UInt8) {
        switch byte {
        case 0x92, 0x93: return (0x6F, 0x65)  // Œ œ → oe
        case 0xA0, 0xA1: return (0x73, 0)  // Š š → s
        case 0xB8: return (0x79, 0)  // Ÿ → y
        case 0xBD, 0xBE: return (0x7A, 0)  // Ž ž → z
        default: return (0, 0)
        }
    }

    /// Typographic apostrophes and hyphens, given the third UTF-8 byte of U+2000–U+203F.
    @inline(__always)
    private static func punctuation(_ byte: UInt8) -> (UInt8, UInt8) {
        switch byte {
        case 0x98, 0x99: return (0x27, 0)  // ‘ ’ → '
        case 0x90, 0x91: return (0x2D, 0)  // ‐ ‑ → -
        default: return (0, 0)
        }
    }

    // MARK: MinHash

    /// One-permutation MinHash with optimal densification (Li, Owen & Zhang 2012; Shrivastava 2017).
    ///
    /// Classic MinHash computes 128 hash functions per shingle; here each shingle's hash is computed once, its top
    /// 7 bits choose one of 128 bins and its low 32 bits are the value, and each bin keeps its smallest value.
    /// That is O(1) per shingle instead of O(128) (measured: under 1 ns against about 50 ns for 64 full-width
    /// multiplications), and on random sets its estimates are unbiased with a spread no larger than 128
    /// independent functions, at every set size from 20 shingles up.
    ///
    /// Bins that no shingle reached borrow the value of a bin chosen by a probe sequence that depends only on the
    /// bin's position (``densify(_:filled:)``), so for any two texts each position agrees with probability equal to
    /// their Jaccard similarity, empty bins included, and the signature stays usable for LSH banding.
    struct OnePermutationSketch {
        /// The smallest value per bin; meaningful only where `filled` says so, until ``finish()``.
        private(set) var values = [UInt32](repeating: .max, count: MinHashSignature.length)
        /// Which bins a shingle reached: bit `b % 64` of word `b / 64`.
        private var filled: (UInt64, UInt64) = (0, 0)

        /// The number of leading hash bits that choose a bin: 7 for the 128 bins of ``MinHashSignature/length``.
        static var binBits: Int { 7 }

        /// Adds one shingle, given its finalized 64-bit hash.
        @inline(__always)
        mutating func add(_ shingle: UInt64) {
            let bin = Int(truncatingIfNeeded: shingle >> UInt64(64 - Self.binBits))
            let value = UInt32(truncatingIfNeeded: shingle)
            if value < values[bin] { values[bin] = value }
            if bin < 64 { filled.0 |= 1 << UInt64(bin) } else { filled.1 |= 1 << UInt64(bin - 64) }
        }

        /// Fills the empty bins and returns the signature (empty when no shingle was added).
        mutating func finish() -> MinHashSignature {
            guard filled != (0, 0) else { return .empty }
            FingerprintHashing.densify(&values, filled: filled)
            return MinHashSignature(values: values)
        }
    }

    /// A fixed seed for the densification probes; changing it changes every signature of a short text.
    static let probeSeed: UInt64 = 0x5DEE_CE66_D1CE_4E5B

    /// Gives each empty bin the value of the first filled bin in its own probe sequence.
    ///
    /// The sequence for bin `i` is the same for every text, and only bins filled by shingles are borrowed from
    /// (never bins filled by this loop): that is what makes the collision probability exact. A text with a single
    /// filled bin needs about 128 probes per empty bin; after 1,024 probes (probability below 10⁻³ even then) the
    /// next filled bin in circular order is taken, which is deterministic too and bounds the work.
    static func densify(_ values: inout [UInt32], filled: (UInt64, UInt64)) {
        let count = values.count
        func isFilled(_ bin: Int) -> Bool {
            bin < 64 ? filled.0 & (1 << UInt64(bin)) != 0 : filled.1 & (1 << UInt64(bin - 64)) != 0
        }
        // Only empty bins are written below, so filled bins keep their own values while they are read.
        for bin in 0..<count where !isFilled(bin) {
            var source = -1
            for attempt in 1...1024 {
                let probe = finalize(probeSeed ^ (UInt64(bin) << 32 | UInt64(attempt)))
                let candidate = Int(truncatingIfNeeded: probe >> UInt64(64 - OnePermutationSketch.binBits))
                if isFilled(candidate) {
                    source = candidate
                    break
                }
            }
            if source < 0 {
                source = (1..<count).lazy.map { (bin + $0) % count }.first(where: isFilled) ?? bin
            }
            values[bin] = values[source]
        }
    }
}
