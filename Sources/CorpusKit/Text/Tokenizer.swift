/// Splits French and English text into ``Token``s: words, numbers, punctuation and symbols.
///
/// The tokenizer is rule-based and tuned for news text scraped from the web:
///
/// - Elided articles, pronouns and conjunctions are split off with their apostrophe (`l’accord` → `l’` `accord`,
///   `qu'il` → `qu'` `il`, feature ``Token/Features/elision``); other inner apostrophes stay inside the word
///   (`aujourd’hui`, `prud’hommes`, `don't`, `O'Neill`).
/// - Inner hyphens join letters and digits (`Grande-Bretagne`, `a-t-il`, `COVID-19`,
///   ``Token/Features/hyphenated``).
/// - Titles, initials and common abbreviations keep their period (`M.`, `MM.`, `Dr.`, `F.`, `etc.`,
///   ``Token/Features/abbreviation``), so the ``SentenceSplitter`` never breaks after them.
/// - Numbers keep their inner separators, attached letters and a trailing `%` (`14/03/2024`, `18h32`, `1er`,
///   `3,5%`).
/// - An emoji with its modifiers, joiners and variation selectors is one ``Token/Kind/symbol`` token.
///
/// ```swift
/// let text = "Selon M. Dupont, l’accord a-t-il été signé le 14/03/2024 ?"
/// let tokens = Tokenizer().tokenize(text)
/// tokens.map { $0.span.substring(of: text) }
/// // ["Selon", "M.", "Dupont", ",", "l’", "accord", "a-t-il", "été", "signé", "le", "14/03/2024", "?"]
/// ```
///
/// The tokenizer reads the UTF-8 bytes of the text once, with a fast path for ASCII and a per-scalar class table
/// for the Basic Multilingual Plane, and allocates nothing per token beyond the result array: it runs at well
/// over 100 MB/s on French text in release builds. It is linear in the length of the input whatever the input
/// (megabyte lines without spaces, thousands of unmatched quote marks, control bytes) and never traps.
public struct Tokenizer: Sendable {
    /// Creates a tokenizer. Tokenizers have no configuration and no state; creating one is free.
    /// - Complexity: O(1). The scalar class table is built once per process, on the first ``tokenize(_:)``.
    public init() {}

    /// Splits `text` into tokens.
    ///
    /// Tokens come in text order, never overlap, and each token's ``Token/span`` starts and ends on Unicode
    /// scalar boundaries, so ``TextSpan/range(in:)`` always succeeds on `text`. Whitespace (including U+00A0,
    /// U+202F, U+3000), control characters, U+200B and U+FEFF produce no token; they set
    /// ``Token/Features/spaceBefore`` on the next token, and `\n`, `\r`, U+2028 and U+2029 also set
    /// ``Token/Features/lineStart``. The first token always has ``Token/Features/lineStart``.
    ///
    /// The sentence features ``Token/Features/sentenceStart`` and ``Token/Features/paragraphStart`` are left
    /// unset: ``SentenceSplitter/segment(_:tokens:)`` sets them.
    ///
    /// - Parameter text: The text to split.
    /// - Returns: The tokens of `text`, in order; empty when `text` holds no visible character.
    /// - Complexity: O(n) in the UTF-8 length of `text`.
    public func tokenize(_ text: String) -> [Token] {
        var copy = text
        return copy.withUTF8 { bytes -> [Token] in
            guard let base = bytes.baseAddress, !bytes.isEmpty else { return [] }
            return scalarClassTable.withUnsafeBufferPointer { table -> [Token] in
                // The class table always has 0x10000 entries, so its base address is never nil.
                var scanner = TokenScanner(bytes: base, count: bytes.count, classes: table.baseAddress!)
                scanner.run()
                return scanner.tokens
            }
        }
    }
}

// MARK: - Scalar classes

/// What the tokenizer needs to know about one Unicode scalar.
///
/// One byte per scalar so that the whole Basic Multilingual Plane fits a 64 KiB table: classifying a scalar in
/// the hot loop is then one load instead of several Unicode property look-ups.
enum ScalarClass: UInt8 {
    /// Any other visible scalar: emoji, currency and math signs, private use, unassigned code points.
    case symbol
    /// Whitespace that is not a line break, control characters, U+200B and U+FEFF.
    case space
    /// `\n`, `\r`, U+0085, U+2028, U+2029.
    case lineBreak
    /// Invisible scalars that glue to the token they follow: joiners, variation selectors, soft hyphen, tags.
    /// Ignored when no token precedes them.
    case format
    /// A combining mark: continues the current token, or starts a symbol token if none precedes it.
    case mark
    /// A lower-case letter.
    case lower
    /// An upper-case or title-case letter.
    case upper
    /// A letter without case (Arabic, Hebrew, CJK…) or a non-decimal number sign (`²`, `½`).
    case letter
    /// A decimal digit of any script.
    case digit
    /// `'`, `’` (U+2019), `ʼ` (U+02BC).
    case apostrophe
    /// `‘` (U+2018), `´` (U+00B4), `` ` `` (U+0060), and the look-alikes `′` (U+2032), `‵` (U+2035), `＇`
    /// (U+FF07), `՚` (U+055A), `ʻ` (U+02BB), `ʹ` (U+02B9), `ꞌ` (U+A78C): typed as apostrophes by careless
    /// keyboards and CMSs (`aujourd‘hui`, `l´accord`); an apostrophe between letters, a quote mark anywhere else.
    case looseApostrophe
    /// `-`, U+2010, U+2011: the marks that can join the parts of a compound word.
    case hyphen
    /// `.`
    case period
    /// `!` and `?`.
    case terminal
    /// `…` (U+2026).
    case ellipsis
    /// Quote marks other than the apostrophes: `"`, `«`, `»`, `“`, `”`, `„`, `‟`, `‹`, `›`, `‘`, `‚`, `‛`.
    case quote
    /// Any other punctuation, including dashes.
    case punctuation

    /// Whether the class is a letter of any case.
    @inline(__always) var isLetter: Bool { self == .lower || self == .upper || self == .letter }
    /// Whether the class is a letter of any case or a digit.
    @inline(__always) var isAlphanumeric: Bool { isLetter || self == .digit }

    /// Classifies one scalar from its Unicode properties.
    ///
    /// Explicit cases come first because the tokenizer's rules name particular scalars (the apostrophes, the
    /// joining hyphens, the spaces French typography puts before `:` and inside guillemets); the general
    /// category then decides the rest.
    static func of(_ scalar: Unicode.Scalar) -> ScalarClass {
        switch scalar.value {
        case 0x0A, 0x0D, 0x85, 0x2028, 0x2029: return .lineBreak
        // Zero-width space and byte-order mark separate words like a space would, though they are invisible.
        case 0x200B, 0xFEFF: return .space
        case 0x27, 0x2019, 0x02BC: return .apostrophe
        case 0x2018, 0xB4, 0x60, 0x2032, 0x2035, 0xFF07, 0x055A, 0x02BB, 0x02B9, 0xA78C: return .looseApostrophe
        case 0x2D, 0x2010, 0x2011: return .hyphen
        case 0x2E: return .period
        case 0x21, 0x3F: return .terminal
        case 0x2026: return .ellipsis
        case 0x22, 0xAB, 0xBB, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x2039, 0x203A:
            return .quote
        // Variation selectors, joiners, word joiner, soft hyphen, emoji tags: invisible glue.
        case 0xAD, 0x200C, 0x200D, 0x2060, 0xFE00...0xFE0F, 0xE0000...0xE007F, 0xE0100...0xE01EF:
            return .format
        // Combining diacritical marks (and their extensions): a decomposed `é` must stay one letter.
        case 0x0300...0x036F, 0x1AB0...0x1AFF, 0x1DC0...0x1DFF, 0x20D0...0x20FF, 0xFE20...0xFE2F:
            return .mark
        default: break
        }
        let properties = scalar.properties
        switch properties.generalCategory {
        case .control, .spaceSeparator: return .space
        case .lineSeparator, .paragraphSeparator: return .lineBreak
        case .format: return .format
        case .nonspacingMark, .spacingMark, .enclosingMark: return .mark
        case .decimalNumber: return .digit
        case .uppercaseLetter, .titlecaseLetter: return .upper
        case .lowercaseLetter: return .lower
        case .otherLetter, .modifierLetter, .letterNumber, .otherNumber:
            return properties.isUppercase ? .upper : properties.isLowercase ? .lower : .letter
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation,
             .initialPunctuation, .finalPunctuation, .otherPunctuation:
            return .punctuation
        default:
            // Symbols that are letters all the same (circled letters such as Ⓐ) join words.
            if properties.isAlphabetic {
                return properties.isUppercase ? .upper : properties.isLowercase ? .lower : .letter
            }
            return .symbol
        }
    }
}

/// The class of every scalar of the Basic Multilingual Plane (surrogate code points, which never occur in a
/// `String`, are `.symbol`).
///
/// Built once, lazily and thread-safely (global `let`), on the first call to ``Tokenizer/tokenize(_:)``: it
/// costs a few milliseconds and 64 KiB, and saves Unicode property look-ups on every non-ASCII scalar.
let scalarClassTable: [ScalarClass] = {
    var table = [ScalarClass](repeating: .symbol, count: 0x10000)
    for value in 0..<UInt32(0x10000) {
        if let scalar = Unicode.Scalar(value) { table[Int(value)] = ScalarClass.of(scalar) }
    }
    return table
}()

// MARK: - Scanner

/// Byte values the scanner compares against.
private enum ASCII {
    static let period: UInt8 = 0x2E
    static let hyphen: UInt8 = 0x2D
    static let percent: UInt8 = 0x25
    static let comma: UInt8 = 0x2C
    static let colon: UInt8 = 0x3A
    static let semicolon: UInt8 = 0x3B
    static let slash: UInt8 = 0x2F
}

/// The single pass over the UTF-8 bytes of one text.
///
/// Works on raw pointers because the input is a contiguous, valid UTF-8 buffer that outlives the scan
/// (`String.withUTF8`), and because bounds-checked collection access costs a measurable share of the time in
/// the hot loop. Every read is guarded by an explicit `< count` test instead.
private struct TokenScanner {
    let bytes: UnsafePointer<UInt8>
    let count: Int
    let classes: UnsafePointer<ScalarClass>
    var tokens: [Token] = []
    /// Features owed to the next token by the whitespace seen since the previous one.
    var pending: Token.Features = .lineStart

    init(bytes: UnsafePointer<UInt8>, count: Int, classes: UnsafePointer<ScalarClass>) {
        self.bytes = bytes
        self.count = count
        self.classes = classes
        // French news text averages about 5.5 UTF-8 bytes per token. Reserving one token per 5 bytes spares
        // typical text any regrowth, which would copy the whole array (a third of the run time on a 20 MB text),
        // at the price of reserving about 10 % more than needed.
        tokens.reserveCapacity(count / 5 + 8)
    }

    // MARK: Decoding

    /// The scalar starting at `i` (which must be `< count`) and its length in bytes.
    ///
    /// The text is valid UTF-8, so the continuation bytes are not checked; a truncated sequence (impossible in
    /// a `String`, but cheap to guard against) yields U+FFFD and ends at the end of the buffer.
    @inline(__always)
    func scalar(at i: Int) -> (value: UInt32, length: Int) {
        let b0 = UInt32(bytes[i])
        if b0 < 0x80 { return (b0, 1) }
        if b0 < 0xE0 {
            guard i + 1 < count else { return (0xFFFD, count - i) }
            return (((b0 & 0x1F) << 6) | (UInt32(bytes[i + 1]) & 0x3F), 2)
        }
        if b0 < 0xF0 {
            guard i + 2 < count else { return (0xFFFD, count - i) }
            return (((b0 & 0x0F) << 12) | ((UInt32(bytes[i + 1]) & 0x3F) << 6) | (UInt32(bytes[i + 2]) & 0x3F), 3)
        }
        guard i + 3 < count else { return (0xFFFD, count - i) }
        return (
            ((b0 & 0x07) << 18) | ((UInt32(bytes[i + 1]) & 0x3F) << 12) | ((UInt32(bytes[i + 2]) & 0x3F) << 6)
                | (UInt32(bytes[i + 3]) & 0x3F), 4
        )
    }

    /// The class of a scalar value.
    @inline(__always)
    func classOf(_ value: UInt32) -> ScalarClass {
        if value < 0x10000 { return classes[Int(value)] }
        return Self.supplementaryClass(value)
    }

    /// The class of a scalar beyond the BMP: mostly emoji, rare enough to look up each time.
    @inline(never)
    static func supplementaryClass(_ value: UInt32) -> ScalarClass {
        guard let scalar = Unicode.Scalar(value) else { return .symbol }
        return ScalarClass.of(scalar)
    }

    /// The class of the scalar starting at `i`, or `.space` at the end of the text (the end separates tokens
    /// like a space does).
    @inline(__always)
    func classAt(_ i: Int) -> ScalarClass {
        guard i < count else { return .space }
        let b = bytes[i]
        if b < 0x80 { return classes[Int(b)] }
        return classOf(scalar(at: i).value)
    }

    // MARK: Emitting

    @inline(__always)
    mutating func emit(_ start: Int, _ end: Int, _ kind: Token.Kind, _ features: Token.Features) {
        tokens.append(Token(span: TextSpan(start: start, end: end), kind: kind, features: features.union(pending)))
        pending = []
    }

    // MARK: Main loop

    mutating func run() {
        var i = 0
        while i < count {
            let b = bytes[i]
            let value: UInt32, length: Int, cls: ScalarClass
            if b < 0x80 {
                cls = classes[Int(b)]
                // Plain spaces are the most frequent byte of all: skip them before anything else.
                if cls == .space {
                    pending.insert(.spaceBefore)
                    i &+= 1
                    continue
                }
                value = UInt32(b)
                length = 1
            } else {
                (value, length) = scalar(at: i)
                cls = classOf(value)
            }
            switch cls {
            case .space:
                pending.insert(.spaceBefore)
                i &+= length
            case .lineBreak:
                pending.formUnion([.spaceBefore, .lineStart])
                i &+= length
            case .format:
                // An invisible joiner with nothing to join: drop it without pretending it was a space.
                i &+= length
            case .lower, .upper, .letter:
                i = scanWord(from: i, firstClass: cls, firstLength: length)
            case .digit:
                i = scanNumber(from: i)
            case .apostrophe, .looseApostrophe, .hyphen, .period, .terminal, .ellipsis, .quote, .punctuation:
                i = scanPunctuation(from: i, value: value, length: length, class: cls)
            case .mark, .symbol:
                i = scanSymbol(from: i, value: value, length: length)
            }
        }
    }

    // MARK: Words

    /// Scans a word starting with a letter at `start`, emits it (or its elided prefix, or an abbreviation with
    /// its period) and returns where scanning resumes.
    mutating func scanWord(from start: Int, firstClass: ScalarClass, firstLength: Int) -> Int {
        var features: Token.Features = firstClass == .upper ? .capitalized : []
        var letters = 1
        var uppers = firstClass == .upper ? 1 : 0
        var i = start &+ firstLength
        scan: while i < count {
            let b = bytes[i]
            let cls: ScalarClass, length: Int
            if b < 0x80 {
                cls = classes[Int(b)]
                // The hot path: ASCII letters, with nothing but a counter to update.
                if cls == .lower {
                    letters &+= 1
                    i &+= 1
                    continue
                }
                if cls == .upper {
                    letters &+= 1
                    uppers &+= 1
                    i &+= 1
                    continue
                }
                length = 1
            } else {
                let decoded = scalar(at: i)
                cls = classOf(decoded.value)
                length = decoded.length
            }
            switch cls {
            case .lower, .letter:
                letters &+= 1
                i &+= length
            case .upper:
                letters &+= 1
                uppers &+= 1
                i &+= length
            case .digit:
                // `XIXe`, `B52`, `G20`: a word that starts with letters keeps the digits that follow.
                features.insert(.hasDigit)
                i &+= length
            case .mark, .format:
                i &+= length
            case .hyphen:
                // Only an inner hyphen joins: `Grande-Bretagne`, `a-t-il`, `COVID-19`, not `Paris -` or `ex-`.
                guard classAt(i &+ length).isAlphanumeric else { break scan }
                features.insert(.hyphenated)
                i &+= length
            case .apostrophe, .looseApostrophe:
                let after = i &+ length
                let next = classAt(after)
                // A loose apostrophe (`‘`, `´`, `` ` ``) counts only between letters: `aujourd‘hui`, `l´accord`.
                if cls == .looseApostrophe && !next.isLetter { break scan }
                if !features.contains(.hyphenated), isElision(start, i),
                    next.isAlphanumeric || next == .space || next == .lineBreak
                {
                    // `l’accord`, `qu'il`, `jusqu’à`, and `l' alliance` with a stray space.
                    emit(start, after, .word, features.union(.elision).union(caseFeatures(letters, uppers)))
                    return after
                }
                // `aujourd’hui`, `prud’hommes`, `don't`, `O'Neill`: the apostrophe stays inside the word.
                guard next.isLetter else { break scan }
                i = after
            case .period:
                if let end = abbreviationEnd(start, i, letters: letters, uppers: uppers, features: features) {
                    return end
                }
                break scan
            default:
                break scan
            }
        }
        if isTitleWithoutPeriod(start, i) { features.insert(.abbreviation) }
        emit(start, i, .word, features.union(caseFeatures(letters, uppers)))
        return i
    }

    /// `.allCaps` when the word has at least two letters, all upper case.
    @inline(__always)
    func caseFeatures(_ letters: Int, _ uppers: Int) -> Token.Features {
        letters >= 2 && uppers == letters ? .allCaps : []
    }

    /// Whether `bytes[start..<end]` is, ignoring ASCII case, one of the French forms that elide before a vowel:
    /// l, d, j, m, n, s, t, c, qu, jusqu, lorsqu, puisqu, quoiqu, presqu.
    @inline(__always)
    func isElision(_ start: Int, _ end: Int) -> Bool {
        // Setting bit 5 lower-cases ASCII letters and maps no other byte onto a lower-case ASCII letter
        // (bytes of multi-byte scalars stay >= 0x80), so the folded comparisons below are exact.
        switch end &- start {
        case 1:
            switch bytes[start] | 0x20 {
            case UInt8(ascii: "l"), UInt8(ascii: "d"), UInt8(ascii: "j"), UInt8(ascii: "m"), UInt8(ascii: "n"),
                 UInt8(ascii: "s"), UInt8(ascii: "t"), UInt8(ascii: "c"):
                return true
            default: return false
            }
        case 2: return foldedEquals(start, "qu")
        case 5: return foldedEquals(start, "jusqu")
        case 6:
            return foldedEquals(start, "lorsqu") || foldedEquals(start, "puisqu") || foldedEquals(start, "quoiqu")
                || foldedEquals(start, "presqu")
        default: return false
        }
    }

    /// Whether the bytes at `start` equal `word` (lower-case, at most as long as the remaining text), with ASCII
    /// upper-case letters of the text folded to lower case. The caller has checked the length.
    @inline(__always)
    func foldedEquals(_ start: Int, _ word: StaticString) -> Bool {
        let w = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount {
            var b = bytes[start &+ k]
            if b >= 0x41 && b <= 0x5A { b |= 0x20 }
            if b != w[k] { return false }
        }
        return true
    }

    /// Whether the bytes at `start` equal `word` exactly. The caller has checked the length.
    @inline(__always)
    func exactlyEquals(_ start: Int, _ word: StaticString) -> Bool {
        let w = word.utf8Start
        for k in 0..<word.utf8CodeUnitCount where bytes[start &+ k] != w[k] { return false }
        return true
    }

    /// `Mme`, `Mmes`, `Mlle`, `Mlles`: French titles that are abbreviations even without a period.
    @inline(__always)
    func isTitleWithoutPeriod(_ start: Int, _ end: Int) -> Bool {
        // Checked on every word, so the first test rejects almost all of them at the cost of one comparison.
        guard bytes[start] == UInt8(ascii: "M") else { return false }
        switch end &- start {
        case 3: return exactlyEquals(start, "Mme")
        case 4: return exactlyEquals(start, "Mmes") || exactlyEquals(start, "Mlle")
        case 5: return exactlyEquals(start, "Mlles")
        default: return false
        }
    }

    /// Titles and company suffixes that always keep their period, compared case-sensitively because several
    /// are also ordinary words in another case (`me.`, `rep.`, `gen.`).
    func isAlwaysAbbreviation(_ start: Int, _ end: Int) -> Bool {
        switch end &- start {
        case 1: return bytes[start] == UInt8(ascii: "M")
        case 2:
            return exactlyEquals(start, "MM") || exactlyEquals(start, "Dr") || exactlyEquals(start, "Pr")
                || exactlyEquals(start, "Me") || exactlyEquals(start, "St") || exactlyEquals(start, "Mr")
                || exactlyEquals(start, "Ms") || exactlyEquals(start, "Jr") || exactlyEquals(start, "Sr")
                || exactlyEquals(start, "vs")
        case 3:
            return exactlyEquals(start, "Mme") || exactlyEquals(start, "Mgr") || exactlyEquals(start, "Ste")
                || exactlyEquals(start, "Mrs") || exactlyEquals(start, "Gen") || exactlyEquals(start, "Sen")
                || exactlyEquals(start, "Rep") || exactlyEquals(start, "Gov") || exactlyEquals(start, "Inc")
                || exactlyEquals(start, "Ltd")
        case 4:
            return exactlyEquals(start, "Mmes") || exactlyEquals(start, "Mlle") || exactlyEquals(start, "Prof")
                || exactlyEquals(start, "Corp")
        case 5: return exactlyEquals(start, "Mlles")
        default: return false
        }
    }

    /// Abbreviations that keep their period only when the text goes on in lower case or with a number
    /// (`etc., la`, `p. 12`, `le 3 janv. 2024`); before a capital the period ends the sentence. Compared
    /// ignoring ASCII case (`Oct.` and `oct.`).
    func isConditionalAbbreviation(_ start: Int, _ end: Int) -> Bool {
        switch end &- start {
        case 1: return foldedEquals(start, "p")
        case 2:
            return foldedEquals(start, "cf") || foldedEquals(start, "av") || foldedEquals(start, "no")
                || foldedEquals(start, "pp")
        case 3:
            return foldedEquals(start, "etc") || foldedEquals(start, "apr") || foldedEquals(start, "env")
                || foldedEquals(start, "vol") || foldedEquals(start, "art") || foldedEquals(start, "avr")
                || foldedEquals(start, "oct") || foldedEquals(start, "nov") || foldedEquals(start, "jan")
                || foldedEquals(start, "feb") || foldedEquals(start, "mar") || foldedEquals(start, "aug")
                || foldedEquals(start, "dec") || foldedEquals(start, "fig")
        case 4:
            return foldedEquals(start, "janv") || foldedEquals(start, "juil") || foldedEquals(start, "sept")
                || foldedEquals(start, "fév") || foldedEquals(start, "déc") || foldedEquals(start, "chap")
        case 5: return foldedEquals(start, "févr")
        default: return false
        }
    }

    /// Decides whether the period at `period` belongs to the word `bytes[start..<period]`; if so emits the
    /// abbreviation and returns the end of what it emitted.
    mutating func abbreviationEnd(
        _ start: Int, _ period: Int, letters: Int, uppers: Int, features: Token.Features
    ) -> Int? {
        let after = period &+ 1
        // `etc...`: a run of periods is an ellipsis, not an abbreviation point.
        if after < count && bytes[after] == ASCII.period { return nil }
        if features.contains(.hyphenated) || features.contains(.hasDigit) { return nil }
        let abbreviation = features.union(.abbreviation)
        if letters == 1 {
            // A single letter and its period: an initial (`F.`, `É.`), or the start of `U.S.`, `e.g.`, `J.-C.`.
            let (end, extraLetters, extraUppers) = initialsEnd(after)
            if end > after || uppers == 1 {
                emit(start, end, .word, abbreviation.union(caseFeatures(1 &+ extraLetters, uppers &+ extraUppers)))
                return end
            }
        }
        if isAlwaysAbbreviation(start, period) {
            emit(start, after, .word, abbreviation.union(caseFeatures(letters, uppers)))
            return after
        }
        if isConditionalAbbreviation(start, period) && continuesSentence(after) {
            emit(start, after, .word, abbreviation.union(caseFeatures(letters, uppers)))
            return after
        }
        return nil
    }

    /// After an initial's period at `after - 1`, extends over further one-letter groups: `U.S.A.`, `e.g.`,
    /// `J.-C.`. Returns the new end and the ASCII letters and upper-case letters added.
    func initialsEnd(_ after: Int) -> (end: Int, letters: Int, uppers: Int) {
        var end = after, letters = 0, uppers = 0
        while true {
            if end &+ 1 < count, isASCIILetter(bytes[end]), bytes[end &+ 1] == ASCII.period {
                // `S.` in `U.S.`: one letter and its period.
                letters &+= 1
                if bytes[end] < 0x60 { uppers &+= 1 }
                end &+= 2
            } else if end &+ 2 < count, bytes[end] == ASCII.hyphen, isASCIIUpper(bytes[end &+ 1]),
                bytes[end &+ 2] == ASCII.period
            {
                // `-C.` in `J.-C.`, `-P.` in `J.-P. Sartre`.
                letters &+= 1
                uppers &+= 1
                end &+= 3
            } else {
                return (end, letters, uppers)
            }
        }
    }

    @inline(__always) func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) func isASCIIUpper(_ b: UInt8) -> Bool { b >= 0x41 && b <= 0x5A }

    /// Whether the text after a period at `after - 1` goes on with the same sentence: the next visible scalar
    /// (on the same line) is a lower-case letter, a digit, `,`, `;`, `:`, or an initial such as the `J.-C.` of
    /// `av. J.-C.`.
    func continuesSentence(_ after: Int) -> Bool {
        var i = after
        // Scans only the spaces between this period and the next token; the main loop scans them once more,
        // so the whole tokenization stays linear.
        while i < count {
            let b = bytes[i]
            if b < 0x80 {
                let cls = classes[Int(b)]
                if cls == .space {
                    i &+= 1
                    continue
                }
                switch cls {
                case .lower, .digit: return true
                case .upper:
                    return i &+ 2 < count && bytes[i &+ 1] == ASCII.period && bytes[i &+ 2] == ASCII.hyphen
                default: return b == ASCII.comma || b == ASCII.semicolon || b == ASCII.colon
                }
            }
            let (value, length) = scalar(at: i)
            let cls = classOf(value)
            if cls == .space {
                i &+= length
                continue
            }
            return cls == .lower || cls == .digit
        }
        return false
    }

    // MARK: Numbers

    /// Scans a number starting with a digit at `start`: digits, attached letters (`18h32`, `1er`, `3ème`),
    /// single separators between digits (`14/03/2024`, `3,5`, `10:48`, `2021-2027`) and a trailing `%`.
    mutating func scanNumber(from start: Int) -> Int {
        var i = start
        scan: while i < count {
            let b = bytes[i]
            let cls: ScalarClass, length: Int
            if b < 0x80 {
                cls = classes[Int(b)]
                if cls == .digit || cls == .lower {
                    i &+= 1
                    continue
                }
                length = 1
            } else {
                let decoded = scalar(at: i)
                cls = classOf(decoded.value)
                length = decoded.length
            }
            switch cls {
            case .digit, .lower, .upper, .letter, .mark, .format:
                i &+= length
            default:
                switch b {
                case ASCII.slash, ASCII.period, ASCII.comma, ASCII.colon, ASCII.hyphen:
                    // A separator joins only when a digit follows: `2024.` at a sentence end keeps its period apart.
                    guard classAt(i &+ 1) == .digit else { break scan }
                    i &+= 2
                case ASCII.percent:
                    i &+= 1
                    break scan
                default:
                    break scan
                }
            }
        }
        emit(start, i, .number, .hasDigit)
        return i
    }

    // MARK: Punctuation and symbols

    /// Scans a punctuation mark and any run of the same mark (`...`, `!!!`, `--`).
    mutating func scanPunctuation(from start: Int, value: UInt32, length: Int, class cls: ScalarClass) -> Int {
        var i = start &+ length
        while i < count {
            let (next, nextLength) = scalar(at: i)
            if next == value {
                i &+= nextLength
                continue
            }
            let nextClass = classOf(next)
            if nextClass == .mark || nextClass == .format {
                i &+= nextLength
                continue
            }
            break
        }
        let features: Token.Features
        switch cls {
        case .period, .terminal, .ellipsis: features = .terminal
        // An apostrophe that was not taken by a word (`'` before a space, `’` opening a quotation) is a quote.
        case .quote, .apostrophe, .looseApostrophe: features = .quoteMark
        default: features = []
        }
        emit(start, i, .punctuation, features)
        return i
    }

    /// Scans a symbol (or a combining mark with nothing before it) together with what makes one emoji out of
    /// several scalars: variation selectors, skin-tone modifiers, keycap, tags, a second regional indicator,
    /// and each zero-width joiner with the scalar it joins.
    mutating func scanSymbol(from start: Int, value: UInt32, length: Int) -> Int {
        var i = start &+ length
        if value >= 0x1F1E6 && value <= 0x1F1FF && i < count {
            // Flags are pairs of regional indicators; a third one starts the next flag.
            let (next, nextLength) = scalar(at: i)
            if next >= 0x1F1E6 && next <= 0x1F1FF { i &+= nextLength }
        }
        while i < count {
            let (next, nextLength) = scalar(at: i)
            if next == 0x200D {
                i &+= nextLength
                // The joined scalar belongs to this token whatever it is, unless it is a space or the end.
                if i < count {
                    let (joined, joinedLength) = scalar(at: i)
                    let joinedClass = classOf(joined)
                    if joinedClass != .space && joinedClass != .lineBreak { i &+= joinedLength }
                }
                continue
            }
            if next >= 0x1F3FB && next <= 0x1F3FF {
                i &+= nextLength
                continue
            }
            let nextClass = classOf(next)
            if nextClass == .mark || nextClass == .format {
                i &+= nextLength
                continue
            }
            break
        }
        emit(start, i, .symbol, [])
        return i
    }
}
