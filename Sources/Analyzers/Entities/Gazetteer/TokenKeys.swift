import CorpusKit

/// The folded ``NameKey`` of each token of a text, computed on first use: scanners look the same word up many
/// times (as a name, a title, a cue), and fold it once.
struct TokenKeys {
    private var keys: [NameKey]
    private var done: [Bool]

    init(count: Int) {
        keys = [NameKey](repeating: NameKey(), count: count)
        done = [Bool](repeating: false, count: count)
    }

    /// The key of token `i` of `tokens` over `bytes` (empty out of range).
    mutating func key(_ i: Int, _ tokens: [Token], _ bytes: UnsafeBufferPointer<UInt8>) -> NameKey {
        guard i >= 0, i < keys.count, i < tokens.count else { return NameKey() }
        if done[i] { return keys[i] }
        var key = NameKey()
        key.append(bytes, tokens[i].span.start, tokens[i].span.end)
        keys[i] = key
        done[i] = true
        return key
    }
}
