import CorpusKit

/// The shape of a number token: up to three digit groups, their separator and what follows the digits.
///
/// `14/03/2024` is three groups separated by `/`; `18h32` two groups separated by `h`; `1er` one group with an
/// ordinal suffix; `3,5%` two groups separated by `,` with a percent suffix. Parsing reads the token's bytes once
/// and allocates nothing.
struct NumberShape {
    /// What follows the last digit group.
    enum Suffix: Equatable {
        case none
        /// `er`, `e`, `ème`, `re`, `ère`, `st`, `nd`, `rd`, `th`.
        case ordinal
        /// `16h`.
        case hour
        /// `%`.
        case percent
        /// `1990s`.
        case plural
        /// `8pm`, `7:30am`, `11p.m.`.
        case am, pm
        /// Anything else.
        case other
    }

    /// Group values (only the first ``groups`` are meaningful).
    var values: (Int, Int, Int) = (0, 0, 0)
    /// Group lengths in digits.
    var lengths: (Int, Int, Int) = (0, 0, 0)
    /// Number of digit groups, 1…3.
    var groups = 0
    /// The separator byte (lower-cased), 0 for a single group.
    var separator: UInt8 = 0
    var suffix: Suffix = .none

    /// Value of group `k`.
    func value(_ k: Int) -> Int { k == 0 ? values.0 : k == 1 ? values.1 : values.2 }
    /// Length of group `k`.
    func length(_ k: Int) -> Int { k == 0 ? lengths.0 : k == 1 ? lengths.1 : lengths.2 }

    /// A plain integer: one group, no suffix.
    var isPlain: Bool { groups == 1 && suffix == .none }

    /// A year written in four digits, 1000…2999.
    var year: Int? {
        isPlain && lengths.0 == 4 && (1000...2999).contains(values.0) ? values.0 : nil
    }

    /// Parses bytes `start..<end`; `nil` when they are not one to three digit groups with one kind of separator
    /// (or a group is longer than 9 digits, which no date field is).
    init?(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) {
        var k = max(start, 0)
        let end = min(end, bytes.count)
        guard end - k <= 24 else { return nil }
        var value = 0
        var length = 0
        func store(_ shape: inout NumberShape) -> Bool {
            guard length > 0, shape.groups < 3 else { return false }
            switch shape.groups {
            case 0: shape.values.0 = value; shape.lengths.0 = length
            case 1: shape.values.1 = value; shape.lengths.1 = length
            default: shape.values.2 = value; shape.lengths.2 = length
            }
            shape.groups += 1
            value = 0
            length = 0
            return true
        }
        while k < end {
            let b = bytes[k]
            if b >= 0x30 && b <= 0x39 {
                guard length < 9 else { return nil }
                value = value * 10 + Int(b - 0x30)
                length += 1
                k += 1
                continue
            }
            let lower = b >= 0x41 && b <= 0x5A ? b | 0x20 : b
            let isSeparator = lower == 0x2F || lower == 0x2D || lower == 0x2E || lower == 0x3A || lower == 0x2C
                || lower == 0x68
            // A separator must be followed by a digit; otherwise what follows is the suffix.
            if isSeparator, length > 0, k + 1 < end, bytes[k + 1] >= 0x30, bytes[k + 1] <= 0x39 {
                guard separator == 0 || separator == lower, store(&self) else { return nil }
                separator = lower
                k += 1
                continue
            }
            break
        }
        guard store(&self) else { return nil }
        if k < end {
            suffix = Self.suffix(bytes, k, end)
        }
    }

    private static func suffix(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> Suffix {
        guard let (word, _) = FoldedWord.fold(bytes, start, end) else { return .other }
        switch word {
        case FoldedWord("er"), FoldedWord("e"), FoldedWord("eme"), FoldedWord("re"), FoldedWord("ere"),
             FoldedWord("st"), FoldedWord("nd"), FoldedWord("rd"), FoldedWord("th"), FoldedWord("ieme"):
            return .ordinal
        case FoldedWord("h"): return .hour
        case FoldedWord("%"): return .percent
        case FoldedWord("s"): return .plural
        case FoldedWord("am"), FoldedWord("a.m"), FoldedWord("a.m."): return .am
        case FoldedWord("pm"), FoldedWord("p.m"), FoldedWord("p.m."): return .pm
        default: return .other
        }
    }
}
