/// Cheap facts about one line, computed in one pass over its UTF-8 bytes, that the cleaning rules decide on.
struct LineFeatures {
    /// Unicode scalars in the line.
    var scalars = 0
    /// Words: runs of letters or digits (apostrophes and hyphens inside do not split).
    var words = 0
    /// Letters (any script).
    var letters = 0
    /// Upper-case ASCII or Latin-1 letters.
    var upperLetters = 0
    /// Digits.
    var digits = 0
    /// Words that start with an upper-case letter.
    var capitalizedWords = 0
    /// The line ends with `.`, `!`, `?`, `…`, `:` or `;`, possibly followed by closing quotes or brackets.
    var endsWithTerminal = false
    /// A sentence ends inside the line (`.`, `!` or `?` followed by a space and more text): prose or a caption,
    /// not a headline.
    var hasInnerSentenceEnd = false
    /// The line ends with `:` (a list heading such as `Read also:`).
    var endsWithColon = false
    /// The first letter of the line is lower case.
    var startsLowercase = false
    /// The line starts with a list marker: `1.`, `2 -`, `•`, `-`, `›`, `>`, `*`.
    var startsWithListMarker = false
    /// Separators between menu items: ` | `, ` > `, ` » `, ` › `, ` • `, ` · `, ` / `.
    var menuSeparators = 0
    /// Runs of two or more spaces inside the line (tickers glue headlines with them).
    var doubleSpaces = 0
    /// Occurrences of ` : ` (rubric-style headlines: `Football : …`).
    var spacedColons = 0
    /// Words starting with `#`.
    var hashtags = 0
    /// Words starting with `@`.
    var mentions = 0
    /// Scalars at or above U+1F000 and a few pictographic ranges: emoji.
    var emoji = 0
    /// Contains something shaped like an e-mail address.
    var hasEmail = false
    /// Contains a run of at least 9 digits separated only by spaces, dots, dashes or parentheses, or a `+`
    /// followed by 8 such digits: a phone number (a date such as `12 - 02 - 2021` has only 8 digits).
    var hasPhone = false
    /// Contains `www.` or a `.com`/`.fr`/`.ma`-style domain.
    var hasDomain = false

    private enum Kind: UInt8 { case other, space, digit, upper, lower, letter }

    /// Kinds of ASCII bytes: one lookup instead of a chain of comparisons per byte.
    private static let asciiKinds: [Kind] = (0..<128).map { byte -> Kind in
        switch byte {
        case 0x20, 0x09: return .space
        case 0x30...0x39: return .digit
        case 0x41...0x5A: return .upper
        case 0x61...0x7A: return .lower
        default: return .other
        }
    }

    /// Computes the features of `bytes` (one line, trimmed).
    /// - Complexity: O(n), with a table lookup per ASCII byte.
    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        let n = bytes.count
        var i = 0
        var inWord = false
        var sawLetter = false
        var digitRun = 0  // digits in the current phone-like run
        var separatorsInRun = 0  // separators since the last digit
        var plusBeforeRun = false
        var atSignInWord = false
        var openGuillemets = 0
        var lastScalar: UInt32 = 0
        var lastNonCloser: UInt32 = 0
        var previousWasSpace = true
        var previousByte: UInt8 = 0x20
        var spaceRun = 0
        let kinds = Self.asciiKinds
        while i < n {
            // Most bytes are lower-case letters inside a word: take a run of them in a tight loop.
            if inWord && sawLetter {
                var j = i
                while j < n && bytes[j] &- 0x61 < 26 { j &+= 1 }
                if j > i {
                    let run = j - i
                    letters &+= run
                    scalars &+= run
                    digitRun = 0
                    plusBeforeRun = false
                    spaceRun = 0
                    lastScalar = UInt32(bytes[j - 1])
                    lastNonCloser = lastScalar
                    previousWasSpace = false
                    previousByte = bytes[j - 1]
                    i = j
                    if i >= n { break }
                }
            }
            let b = bytes[i]
            let scalar: UInt32
            let length: Int
            let kind: Kind
            if b < 0x80 {
                scalar = UInt32(b)
                length = 1
                kind = kinds[Int(b)]
            } else {
                if b >= 0xF0, i + 3 < n {
                    scalar = UInt32(b & 0x07) << 18 | UInt32(bytes[i + 1] & 0x3F) << 12
                        | UInt32(bytes[i + 2] & 0x3F) << 6 | UInt32(bytes[i + 3] & 0x3F)
                    length = 4
                } else if b >= 0xE0, i + 2 < n {
                    scalar = UInt32(b & 0x0F) << 12 | UInt32(bytes[i + 1] & 0x3F) << 6 | UInt32(bytes[i + 2] & 0x3F)
                    length = 3
                } else if b >= 0xC0, i + 1 < n {
                    scalar = UInt32(b & 0x1F) << 6 | UInt32(bytes[i + 1] & 0x3F)
                    length = 2
                } else {
                    scalar = 0xFFFD
                    length = 1
                }
                if scalar == 0xA0 || scalar == 0x202F || (scalar >= 0x2000 && scalar <= 0x200A) {
                    kind = .space
                } else if scalar >= 0xC0 && scalar <= 0xDE && scalar != 0xD7 {
                    kind = .upper
                } else if (scalar >= 0xDF && scalar <= 0xFF && scalar != 0xF7) || scalar == 0x153 {
                    kind = .lower
                } else if scalar >= 0x100 && scalar < 0x2000 && !(scalar >= 0x300 && scalar < 0x370) {
                    kind = .letter
                } else {
                    kind = .other
                }
            }

            scalars &+= 1
            switch kind {
            case .space:
                spaceRun += 1
                if spaceRun == 2 { doubleSpaces += 1 }
                inWord = false
                atSignInWord = false
            case .digit, .upper, .lower, .letter:
                spaceRun = 0
                if !inWord {
                    words += 1
                    inWord = true
                    if kind == .upper { capitalizedWords += 1 }
                    if previousByte == 0x23 { hashtags += 1 }  // #
                    if previousByte == 0x40 { mentions += 1 }  // @
                }
                if kind == .digit {
                    digits += 1
                    digitRun += 1
                    separatorsInRun = 0
                    if digitRun >= 9 || (digitRun >= 8 && plusBeforeRun) { hasPhone = true }
                } else {
                    letters += 1
                    if kind == .upper { upperLetters += 1 }
                    if !sawLetter {
                        sawLetter = true
                        startsLowercase = kind == .lower
                    }
                    digitRun = 0
                    plusBeforeRun = false
                }
                lastScalar = scalar
                lastNonCloser = scalar
            case .other:
                spaceRun = 0
                // Apostrophes and hyphens keep a word going; other marks end it.
                if !(scalar == 0x27 || scalar == 0x2019 || scalar == 0x2D) { inWord = false }
                switch scalar {
                case 0x40:  // @ inside a word: an e-mail address once a dot follows
                    if inWord || (!previousWasSpace && previousByte != 0x40) { atSignInWord = true }
                case 0x2E where atSignInWord:
                    hasEmail = true
                case 0xAB:
                    openGuillemets += 1
                case 0x2E, 0x21, 0x3F:
                    if i + 2 < n && bytes[i + 1] == 0x20 && bytes[i + 2] != 0x20 { hasInnerSentenceEnd = true }
                default: break
                }
                // Phone numbers: long runs of digits with light separators.
                switch scalar {
                case 0x2E, 0x2D, 0x28, 0x29:
                    separatorsInRun += 1
                    if separatorsInRun > 2 { digitRun = 0 }
                case 0x2B:
                    digitRun = 0
                    separatorsInRun = 0
                    plusBeforeRun = true
                default:
                    digitRun = 0
                    plusBeforeRun = false
                }
                if scalar >= 0x1F000 || (scalar >= 0x2600 && scalar <= 0x27BF) { emoji += 1 }
                if previousWasSpace {
                    let next = i + length < n ? bytes[i + length] : 0x20
                    let spaceAfter = next == 0x20 || next == 0xC2 || next == 0xE2
                    switch scalar {
                    case 0xBB where openGuillemets > 0:  // » closing a « is a quote, not a breadcrumb
                        openGuillemets -= 1
                    case 0x7C, 0x3E, 0xBB, 0x203A, 0x2022, 0xB7, 0x2F:  // | > » › • · /
                        if spaceAfter { menuSeparators += 1 }
                    case 0x3A:  // :
                        if spaceAfter { spacedColons += 1 }
                    default: break
                    }
                }
                lastScalar = scalar
                switch scalar {
                case 0xBB, 0x201D, 0x22, 0x29, 0x5D, 0x2019, 0x27: break  // » ” " ) ] ’ '
                default: lastNonCloser = scalar
                }
            }
            if kind == .space {
                // Spaces inside a phone number (`05 37 00 12 34`) are light separators too.
                separatorsInRun += 1
                if separatorsInRun > 2 { digitRun = 0 }
            }
            previousWasSpace = kind == .space
            previousByte = b
            i &+= length
        }
        // Terminal punctuation is judged on the last scalar that is not a closing quote or bracket.
        endsWithTerminal = lastNonCloser == 0x2E || lastNonCloser == 0x21 || lastNonCloser == 0x3F
            || lastNonCloser == 0x2026 || lastNonCloser == 0x3A || lastNonCloser == 0x3B
        endsWithColon = lastScalar == 0x3A
        // List markers: `1.`, `12 -`, `•`, `-`, `›`, `>`, `*`.
        if n > 0 {
            var k = 0
            while k < n && bytes[k] >= 0x30 && bytes[k] <= 0x39 { k += 1 }
            if k > 0 && k <= 2 && k < n && (bytes[k] == 0x2E || bytes[k] == 0x29 || bytes[k] == 0x20) {
                startsWithListMarker = true
            } else if k == 0 {
                let b = bytes[0]
                if b == 0x2D || b == 0x2A || b == 0x3E { startsWithListMarker = n > 1 && bytes[1] == 0x20 }
                if n >= 3 && b == 0xE2 && bytes[1] == 0x80 && (bytes[2] == 0xA2 || bytes[2] == 0xBA) {
                    startsWithListMarker = true  // • ›
                }
            }
        }
    }

    /// Whether the line reads like body prose: enough words and final punctuation.
    var isProse: Bool { words >= 12 && endsWithTerminal && !endsWithColon }

    /// Whether the line could be a headline or subheading: a few words, no final punctuation.
    var isHeadlineLike: Bool { words >= 3 && words <= 30 && !endsWithTerminal }
}
