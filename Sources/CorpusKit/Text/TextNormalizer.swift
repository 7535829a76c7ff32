import Foundation

/// Turns text as read into the body analyzers see: NFC, `\n` line breaks, no control characters, no BOM.
///
/// Normalising once, when an ``Article`` is created, means no analyzer ever has to think about `e` + U+0301
/// versus `é`, Windows line endings or a stray NUL from a broken scraper.
public enum TextNormalizer {
    /// Normalises `text`:
    /// - a leading byte-order mark (U+FEFF) is dropped;
    /// - `\r\n` and a lone `\r` become `\n`; U+2028 and U+2029 stay (the tokenizer treats them as line breaks);
    /// - other C0 control characters except tab, and DEL, become a space;
    /// - the result is in Unicode Normalization Form C.
    ///
    /// Text that needs none of this (the common case) is returned as it is, without copying.
    /// - Complexity: O(n); one pass over the UTF-8 bytes when nothing needs changing.
    public static func normalize(_ text: String) -> String {
        var needsControlFix = false
        var needsNFC = false
        var hasBOM = false
        var copy = text
        copy.withUTF8 { bytes in
            let n = bytes.count
            if n >= 3, bytes[0] == 0xEF, bytes[1] == 0xBB, bytes[2] == 0xBF { hasBOM = true }
            var i = 0
            while i < n {
                let b = bytes[i]
                if b < 0x80 {
                    if (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F { needsControlFix = true }
                    i &+= 1
                    continue
                }
                // Decode the scalar value to decide whether NFC could change it.
                let length: Int
                var value: UInt32
                if b >= 0xF0 { length = 4; value = UInt32(b & 0x07) }
                else if b >= 0xE0 { length = 3; value = UInt32(b & 0x0F) }
                else { length = 2; value = UInt32(b & 0x1F) }
                var k = 1
                while k < length, i + k < n {
                    value = (value << 6) | UInt32(bytes[i + k] & 0x3F)
                    k += 1
                }
                if !isNFCStable(value) { needsNFC = true }
                i &+= length
            }
        }
        guard needsControlFix || needsNFC || hasBOM else { return text }

        var result = text
        if hasBOM { result = String(result.unicodeScalars.dropFirst()) }
        if needsControlFix {
            var bytes: [UInt8] = []
            bytes.reserveCapacity(result.utf8.count)
            var previousWasCR = false
            for b in result.utf8 {
                if b == 0x0D {
                    bytes.append(0x0A)
                    previousWasCR = true
                    continue
                }
                if b == 0x0A && previousWasCR {
                    previousWasCR = false
                    continue  // second half of \r\n: already written as \n
                }
                previousWasCR = false
                if (b < 0x20 && b != 0x09 && b != 0x0A) || b == 0x7F { bytes.append(0x20) } else { bytes.append(b) }
            }
            result = String(decoding: bytes, as: UTF8.self)
        }
        if needsNFC { result = result.precomposedStringWithCanonicalMapping }
        return result
    }

    /// Whether NFC leaves this scalar alone in every context: true for the scalars news text is made of
    /// (Latin-1, Latin Extended, general punctuation, currency signs), false for combining marks and for the
    /// rest (checked by Foundation instead: rare enough not to matter for speed).
    @inline(__always)
    static func isNFCStable(_ value: UInt32) -> Bool {
        if value < 0x300 { return true }
        if value >= 0x2002 && value <= 0x206F { return true }  // general punctuation (U+2000/2001 are singletons)
        if value >= 0x20A0 && value <= 0x20CF { return true }  // currency signs
        return false
    }
}
