/// Finds where UTF-8 goes wrong, so a bad file is reported at its byte, not just "invalid".
enum UTF8Validation {
    /// The offset of the first byte that does not start or continue a valid UTF-8 sequence, or `nil` when the
    /// bytes are valid UTF-8 (overlong forms, surrogates and values above U+10FFFF are invalid).
    /// - Complexity: O(n), with a fast path over ASCII.
    static func firstInvalidOffset(in bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = bytes.count
        var i = 0
        while i < n {
            let b0 = bytes[i]
            if b0 < 0x80 { i &+= 1; continue }
            func continuation(_ k: Int) -> Bool { i + k < n && bytes[i + k] & 0xC0 == 0x80 }
            if b0 >= 0xC2 && b0 <= 0xDF {
                guard continuation(1) else { return i }
                i &+= 2
            } else if b0 >= 0xE0 && b0 <= 0xEF {
                guard continuation(1), continuation(2) else { return i }
                let b1 = bytes[i + 1]
                if b0 == 0xE0 && b1 < 0xA0 { return i }  // overlong
                if b0 == 0xED && b1 > 0x9F { return i }  // surrogate
                i &+= 3
            } else if b0 >= 0xF0 && b0 <= 0xF4 {
                guard continuation(1), continuation(2), continuation(3) else { return i }
                let b1 = bytes[i + 1]
                if b0 == 0xF0 && b1 < 0x90 { return i }  // overlong
                if b0 == 0xF4 && b1 > 0x8F { return i }  // above U+10FFFF
                i &+= 4
            } else {
                return i
            }
        }
        return nil
    }

    /// 1-based line number of `offset`, counting `\n`.
    static func line(of offset: Int, in bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var line = 1
        for k in 0..<Swift.min(offset, bytes.count) where bytes[k] == 0x0A { line += 1 }
        return line
    }
}
