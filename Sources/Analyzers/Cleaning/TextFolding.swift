/// Folds text to lower-case, accent-free ASCII-ish bytes for matching keywords and comparing paragraphs,
/// without allocating a `String` per line.
///
/// `À`…`ÿ` lose their accents (`é` → `e`, `Ç` → `c`), `œ` becomes `oe`, typographic apostrophes become `'`,
/// no-break spaces become spaces and runs of spaces collapse; other bytes are copied as they are.
enum TextFolding {
    /// Base letters of U+00C0…U+00FF, indexed by the second UTF-8 byte minus 0x80 (`C3 80` is `À`).
    static let latin1Base: [UInt8] = Array("aaaaaaaceeeeiiiidnooooo*ouuuuyps".utf8) + Array("aaaaaaaceeeeiiiidnooooo/ouuuuypy".utf8)

    /// ASCII folding for keyword matching: letters lowered, spacing marks to a space, the rest kept.
    private static let matchTable: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x41...0x5A: return UInt8(byte) | 0x20
        case 0x20, 0x09, 0x0A, 0x0D, 0x00...0x08, 0x0B, 0x0C, 0x0E...0x1F, 0x7F: return 0x20
        default: return UInt8(byte)
        }
    }

    /// ASCII folding for paragraph keys (``RepeatedParagraphs``): letters lowered, digits kept, everything else a
    /// space.
    static let keyTable: [UInt8] = (0..<128).map { byte -> UInt8 in
        switch byte {
        case 0x41...0x5A: return UInt8(byte) | 0x20
        case 0x61...0x7A, 0x30...0x39: return UInt8(byte)
        default: return 0x20
        }
    }

    /// The folded form of `bytes`.
    /// - Parameters:
    ///   - bytes: UTF-8 bytes (a whole line or part of one).
    ///   - limit: Stop after about this many output bytes.
    /// - Complexity: O(n), one allocation.
    static func folded(_ bytes: UnsafeBufferPointer<UInt8>, limit: Int = .max) -> [UInt8] {
        // Folding never makes text longer (œ → oe keeps two bytes), so the result is written through a pointer
        // into storage of the input's size: no per-byte capacity checks.
        let capacity = Swift.min(bytes.count, limit)
        return [UInt8](unsafeUninitializedCapacity: capacity + 4) { out, count in
            let base = out.baseAddress!
            let n = bytes.count
            var o = 0
            var i = 0
            var pendingSpace = false
            @inline(__always) func write(_ byte: UInt8) {
                if pendingSpace {
                    if o > 0 && base[o - 1] != 0x20 { base[o] = 0x20; o &+= 1 }
                    pendingSpace = false
                }
                base[o] = byte
                o &+= 1
            }
            let table = matchTable
            let latin1 = latin1Base
            while i < n && o < capacity {
                let b = bytes[i]
                if b < 0x80 {
                    i &+= 1
                    let f = table[Int(b)]
                    if f == 0x20 {
                        pendingSpace = true
                    } else {
                        if pendingSpace {
                            if o > 0 && base[o - 1] != 0x20 { base[o] = 0x20; o &+= 1 }
                            pendingSpace = false
                        }
                        base[o] = f
                        o &+= 1
                    }
                    continue
                }
                let b1: UInt8 = i + 1 < n ? bytes[i + 1] : 0
                if b == 0xC3 && b1 >= 0x80 && b1 <= 0xBF {  // À…ÿ
                    let letter = latin1[Int(b1 &- 0x80)]
                    write(letter)
                    i &+= 2
                    continue
                }
                if b == 0xC5 && (b1 == 0x93 || b1 == 0x92) {  // œ Œ
                    write(0x6F)
                    if o < capacity { write(0x65) }
                    i &+= 2
                    continue
                }
                if b == 0xC2 && b1 == 0xA0 {  // no-break space
                    pendingSpace = true
                    i &+= 2
                    continue
                }
                if b == 0xE2 && b1 == 0x80 && i + 2 < n {
                    let b2 = bytes[i + 2]
                    if b2 == 0x98 || b2 == 0x99 {  // ‘ ’
                        write(0x27)
                        i &+= 3
                        continue
                    }
                    if b2 <= 0x8A || b2 == 0xAF {  // en quad … hair space, narrow no-break space
                        pendingSpace = true
                        i &+= 3
                        continue
                    }
                }
                // Any other scalar: copied whole (the 4 spare bytes make room).
                let length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                let end = Swift.min(i + length, n)
                write(bytes[i])
                var k = i + 1
                while k < end { base[o] = bytes[k]; o &+= 1; k &+= 1 }
                i &+= length
            }
            count = o
        }
    }

    /// Whether `folded` starts with `prefix` (already folded).
    @inline(__always)
    static func hasPrefix(_ folded: [UInt8], _ prefix: [UInt8]) -> Bool {
        folded.count >= prefix.count && folded.withUnsafeBufferPointer { buffer in
            var k = 0
            while k < prefix.count {
                if buffer[k] != prefix[k] { return false }
                k &+= 1
            }
            return true
        }
    }

    /// Whether `folded` contains `needle` (already folded). Naive search: lines are short and needles shorter.
    static func contains(_ folded: [UInt8], _ needle: [UInt8]) -> Bool {
        guard !needle.isEmpty, folded.count >= needle.count else { return false }
        let first = needle[0]
        let lastStart = folded.count - needle.count
        return folded.withUnsafeBufferPointer { buffer in
            var i = 0
            while i <= lastStart {
                if buffer[i] == first {
                    var k = 1
                    while k < needle.count && buffer[i + k] == needle[k] { k &+= 1 }
                    if k == needle.count { return true }
                }
                i &+= 1
            }
            return false
        }
    }
}
