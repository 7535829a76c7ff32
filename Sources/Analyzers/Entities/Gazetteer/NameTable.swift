/// A read-only open-addressing table from folded names to values, built once.
///
/// Lookups hash nothing: a ``NameKey`` already carries a 64-bit hash of its folded bytes, so a probe is a
/// multiply and a few comparisons — several times cheaper than `Dictionary`'s seeded `Hasher`, and every
/// capitalised word of every article is looked up.
struct NameTable<Value: Sendable>: Sendable {
    private var keys: [UInt64]
    private var values: [Value?]
    private var mask: Int

    init(_ entries: some Sequence<(NameKey, Value)>) {
        let list = Array(entries)
        var capacity = 16
        while capacity < list.count * 2 + 1 { capacity *= 2 }
        keys = [UInt64](repeating: 0, count: capacity)
        values = [Value?](repeating: nil, count: capacity)
        mask = capacity - 1
        for (key, value) in list {
            let k = Self.mix(key)
            var slot = Int(truncatingIfNeeded: k >> 32) & mask
            while values[slot] != nil, keys[slot] != k { slot = (slot + 1) & mask }
            keys[slot] = k
            values[slot] = value
        }
    }

    /// The hash and the length in one 64-bit key (two names colliding on both is astronomically unlikely for
    /// lists of a few thousand names).
    @inline(__always)
    private static func mix(_ key: NameKey) -> UInt64 {
        (key.hash ^ (UInt64(truncatingIfNeeded: key.length) &* 0x9E37_79B9_7F4A_7C15)) | 1
    }

    @inline(__always)
    func lookup(_ key: NameKey) -> Value? {
        let k = Self.mix(key)
        var slot = Int(truncatingIfNeeded: k >> 32) & mask
        while let value = values[slot] {
            if keys[slot] == k { return value }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
