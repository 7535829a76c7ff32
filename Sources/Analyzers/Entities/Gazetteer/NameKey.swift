import CorpusKit

/// The folded form of a name, as a hash and the folded bytes: case, accents and apostrophes folded, hyphens as
/// spaces, tokens joined by one space (`Grande-Bretagne` = `grande bretagne`, `Côte d’Ivoire` = `cote d'ivoire`).
///
/// Built token by token without allocating (a 64-bit FNV-1a hash over the folded bytes), so the recogniser can
/// look every capitalised word and every run of words up in the gazetteers at no more cost than hashing them.
struct NameKey: Hashable, Sendable {
    private(set) var hash: UInt64 = 0xCBF2_9CE4_8422_2325
    private(set) var length: Int = 0

    /// Appends the folded bytes of `bytes[start..<end]`, preceded by a space when the key is not empty.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        if length > 0 { add(0x20) }
        NameFolding.fold(bytes, start, end) { add($0) }
    }

    /// Appends `bytes[start..<end]` lower-cased but with its accents kept (`Sûr` → `sûr`, `sur` stays `sur`):
    /// ASCII and Latin-1 capitals lowered, apostrophe look-alikes as `'`, hyphens as spaces.
    mutating func appendLowercased(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        if length > 0 { add(0x20) }
        var k = max(start, 0)
        let end = min(end, bytes.count)
        while k < end {
            let b = bytes[k]
            if b < 0x80 {
                add(b >= 0x41 && b <= 0x5A ? b | 0x20 : b == 0x2D ? 0x20 : b == 0x60 ? 0x27 : b)
                k += 1
            } else if b == 0xC3, k + 1 < end, (0x80...0x9E).contains(bytes[k + 1]), bytes[k + 1] != 0x97 {
                add(0xC3)
                add(bytes[k + 1] + 0x20)
                k += 2
            } else if b == 0xE2, k + 2 < end, bytes[k + 1] == 0x80, bytes[k + 2] == 0x99 || bytes[k + 2] == 0x98 {
                add(0x27)
                k += 3
            } else {
                add(b)
                k += 1
            }
        }
    }

    /// Appends another key's words after a space (hashes continue: `a` then `b` equals the key of `a b` only
    /// when built the same way, so phrases are looked up with keys built word by word, as they were stored).
    mutating func appendKey(_ other: NameKey) {
        add(0x20)
        hash = (hash ^ other.hash) &* 0x0000_0100_0000_01B3
        length += other.length
    }

    /// Appends one already folded byte.
    mutating func appendByte(_ byte: UInt8) { add(byte) }

    /// Appends a folded string (used when building the gazetteers).
    mutating func append(folded bytes: [UInt8]) {
        if length > 0 { add(0x20) }
        for b in bytes { add(b) }
    }

    @inline(__always)
    private mutating func add(_ byte: UInt8) {
        hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01B3
        length += 1
    }

    /// The key of a whole string, tokenized the way article text is.
    static func of(_ text: String) -> NameKey {
        var key = NameKey()
        var copy = text
        let structure = TextStructure(analyzing: text)
        copy.withUTF8 { bytes in
            // Punctuation is left out (`M.` keeps its period inside the token; `Saint-Denis` is one token).
            for token in structure.tokens where token.kind == .word || token.kind == .number {
                key.append(bytes, token.span.start, token.span.end)
            }
        }
        return key
    }

    /// The number of word and number tokens of a name, as the recogniser will see them.
    static func wordCount(_ text: String) -> Int {
        TextStructure(analyzing: text).tokens.filter { $0.kind == .word || $0.kind == .number }.count
    }
}

/// Folding of names for comparison: ASCII and Latin letters lower-cased and stripped of accents (`É` → `e`,
/// `ç` → `c`, `œ` → `oe`, `ł` → `l`, `ş` → `s`), every apostrophe-like mark as `'`, hyphens as spaces; other
/// scalars are kept as they are (Arabic or Cyrillic names are compared exactly).
enum NameFolding {
    /// Calls `emit` with each folded byte of `bytes[start..<end]`.
    @inline(__always)
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int, _ emit: (UInt8) -> Void) {
        var k = max(start, 0)
        let end = min(end, bytes.count)
        while k < end {
            let b = bytes[k]
            if b < 0x80 {
                if b >= 0x41 && b <= 0x5A { emit(b | 0x20) }
                else if b == 0x2D { emit(0x20) }
                else if b == 0x60 { emit(0x27) }
                else { emit(b) }
                k += 1
                continue
            }
            let width = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : b >= 0xC0 ? 2 : 1
            if width == 2, k + 1 < end {
                let c = bytes[k + 1]
                if let folded = twoByteFold(b, c) {
                    if folded.1 != 0 { emit(folded.0); emit(folded.1) } else { emit(folded.0) }
                    k += 2
                    continue
                }
            } else if width == 3, k + 2 < end, b == 0xE2, bytes[k + 1] == 0x80 {
                let c = bytes[k + 2]
                if c == 0x98 || c == 0x99 || c == 0xB2 || c == 0xB5 { emit(0x27); k += 3; continue }  // ‘ ’ ′ ‵
                if c == 0x90 || c == 0x91 { emit(0x20); k += 3; continue }  // ‐ ‑
            }
            // Any other scalar: kept byte for byte.
            let stop = min(k + width, end)
            while k < stop { emit(bytes[k]); k += 1 }
        }
    }

    /// The folding of a two-byte scalar `b c`: one or two ASCII bytes (second 0 when one), or nil to keep it.
    @inline(__always)
    private static func twoByteFold(_ b: UInt8, _ c: UInt8) -> (UInt8, UInt8)? {
        switch b {
        case 0xC3:
            switch c {
            case 0x80...0x85, 0xA0...0xA5: return (0x61, 0)
            case 0x86, 0xA6: return (0x61, 0x65)  // æ
            case 0x87, 0xA7: return (0x63, 0)
            case 0x88...0x8B, 0xA8...0xAB: return (0x65, 0)
            case 0x8C...0x8F, 0xAC...0xAF: return (0x69, 0)
            case 0x91, 0xB1: return (0x6E, 0)
            case 0x92...0x96, 0x98, 0xB2...0xB6, 0xB8: return (0x6F, 0)
            case 0x99...0x9C, 0xB9...0xBC: return (0x75, 0)
            case 0x9D, 0xBD, 0xBF: return (0x79, 0)
            case 0x9F: return (0x73, 0x73)  // ß
            default: return nil
            }
        case 0xC4:
            switch c {
            case 0x80...0x85: return (0x61, 0)  // ā ă ą
            case 0x86...0x8D: return (0x63, 0)  // ć ĉ ċ č
            case 0x8E...0x91: return (0x64, 0)  // ď đ
            case 0x92...0x9B: return (0x65, 0)  // ē … ě
            case 0x9C...0xA3: return (0x67, 0)  // ĝ ğ ġ ģ
            case 0xA8...0xB1: return (0x69, 0)  // ĩ … ı
            case 0xB9...0xBF: return (0x6C, 0)  // ĺ … ŀ
            default: return nil
            }
        case 0xC5:
            switch c {
            case 0x80...0x82: return (0x6C, 0)  // ŀ ł
            case 0x83...0x88: return (0x6E, 0)  // ń … ň
            case 0x8C...0x91: return (0x6F, 0)  // ō ŏ ő
            case 0x92, 0x93: return (0x6F, 0x65)  // œ
            case 0x94...0x99: return (0x72, 0)  // ŕ … ř
            case 0x9A...0xA1: return (0x73, 0)  // ś … š
            case 0xA2...0xA5: return (0x74, 0)  // ţ ť
            case 0xA8...0xB3: return (0x75, 0)  // ũ … ų
            case 0xB8, 0xBD, 0xBE, 0xB9...0xBC: return c == 0xB8 ? (0x79, 0) : (0x7A, 0)  // ÿ ź ż ž
            default: return nil
            }
        case 0xCA where c == 0xBC || c == 0xBB || c == 0xB9: return (0x27, 0)  // ʼ ʻ ʹ
        case 0xC2 where c == 0xB4: return (0x27, 0)  // ´
        default: return nil
        }
    }

    /// The folded string of a text (for display keys and tests).
    static func folded(_ text: String) -> String {
        var out: [UInt8] = []
        var copy = text
        copy.withUTF8 { bytes in fold(bytes, 0, bytes.count) { out.append($0) } }
        return String(decoding: out, as: UTF8.self)
    }
}
