/// Groups the tokens of a text into sentences and paragraphs.
///
/// Scraped articles put one block of text per line, so every line with at least one token is a paragraph, and
/// no sentence crosses a line break. Inside a line, a sentence ends after a terminal mark (`.`, `!`, `?`, `…`,
/// `...`), together with any closing quote marks or brackets right after it, when what follows starts a new
/// sentence: a capitalized word, a number, an opening quote or a dash. Two rules keep well-known traps shut:
///
/// - Abbreviations and initials carry their own period (the ``Tokenizer`` puts it inside `M.`, `Dr.`, `F.`), so
///   `M. Dupont` and `John F. Kennedy` never split.
/// - Nothing splits inside French guillemets: `« Nous irons. Nous verrons. » Puis il est parti.` is two
///   sentences, the quotation and what follows. The nesting depth is capped and reset at every line break, so
///   an unmatched `«` can swallow at most the rest of its own line.
///
/// ```swift
/// let text = "M. Martin l’a dit : « Nous irons. » Puis il est parti."
/// var tokens = Tokenizer().tokenize(text)
/// let (sentences, paragraphs) = SentenceSplitter().segment(text, tokens: &tokens)
/// sentences.count    // 2
/// paragraphs.count   // 1
/// ```
public struct SentenceSplitter: Sendable {
    /// Creates a sentence splitter. Splitters have no configuration and no state; creating one is free.
    /// - Complexity: O(1).
    public init() {}

    /// How many nested guillemets are tracked. Real text rarely nests more than two; a cap keeps a run of
    /// unmatched `«` from needing as many `»` to close it.
    static let maximumQuoteDepth = 3

    /// Splits tokenized text into sentences and paragraphs and marks their first tokens.
    ///
    /// Sets ``Token/Features/sentenceStart`` on the first token of each sentence and
    /// ``Token/Features/paragraphStart`` on the first token of each paragraph, clearing both everywhere else
    /// (so segmenting the same tokens twice gives the same result). Paragraph boundaries come from
    /// ``Token/Features/lineStart``; the first token always starts a paragraph.
    ///
    /// - Parameters:
    ///   - text: The text the tokens were computed on; quote marks are told apart by reading their bytes.
    ///   - tokens: The tokens of `text` from ``Tokenizer/tokenize(_:)``, in order.
    /// - Returns: The sentences and paragraphs, in order. Each sentence and paragraph spans from the start of its
    ///   first token to the end of its last, and together they cover every token exactly once.
    /// - Complexity: O(t) in the number of tokens.
    public func segment(_ text: String, tokens: inout [Token]) -> (sentences: [Sentence], paragraphs: [Paragraph]) {
        var copy = text
        return copy.withUTF8 { bytes in segment(bytes: bytes, tokens: &tokens) }
    }

    private func segment(
        bytes: UnsafeBufferPointer<UInt8>, tokens: inout [Token]
    ) -> (sentences: [Sentence], paragraphs: [Paragraph]) {
        var sentences: [Sentence] = []
        var paragraphs: [Paragraph] = []
        let count = tokens.count
        // News sentences average 20 to 30 tokens.
        sentences.reserveCapacity(count / 16 + 1)

        var paragraphStart = 0
        while paragraphStart < count {
            var paragraphEnd = paragraphStart + 1
            while paragraphEnd < count && !tokens[paragraphEnd].features.contains(.lineStart) { paragraphEnd += 1 }

            let firstSentence = sentences.count
            var sentenceStart = paragraphStart
            var depth = 0
            // True while the tokens since the last terminal mark are only closing marks (`.`, `. »`, `?!)`).
            var afterTerminal = false
            for index in paragraphStart..<paragraphEnd {
                tokens[index].features.remove([.sentenceStart, .paragraphStart])
                let token = tokens[index]
                switch Mark(of: token, in: bytes) {
                case .openingGuillemet:
                    depth = min(depth + 1, Self.maximumQuoteDepth)
                    afterTerminal = false
                case .closingGuillemet:
                    depth = max(depth - 1, 0)
                case .closing:
                    break
                case .ambiguousQuote where !token.features.contains(.spaceBefore):
                    // `"` or `’` glued to what precedes it closes a quotation.
                    break
                default:
                    afterTerminal = token.features.contains(.terminal)
                }
                guard afterTerminal, depth == 0, index + 1 < paragraphEnd else { continue }
                let next = tokens[index + 1]
                let nextMark = Mark(of: next, in: bytes)
                // More terminal marks or closing marks belong to this sentence: decide after them.
                if next.features.contains(.terminal) || nextMark.isClosing(spaceBefore: next.features) { continue }
                if startsSentence(next, mark: nextMark, in: bytes) {
                    appendSentence(sentenceStart..<index + 1, tokens: &tokens, to: &sentences)
                    sentenceStart = index + 1
                    afterTerminal = false
                }
            }
            appendSentence(sentenceStart..<paragraphEnd, tokens: &tokens, to: &sentences)

            tokens[paragraphStart].features.insert(.paragraphStart)
            paragraphs.append(
                Paragraph(
                    span: Self.span(from: tokens[paragraphStart], to: tokens[paragraphEnd - 1]),
                    sentences: firstSentence..<sentences.count,
                    tokens: paragraphStart..<paragraphEnd))
            paragraphStart = paragraphEnd
        }
        return (sentences, paragraphs)
    }

    private func appendSentence(_ range: Range<Int>, tokens: inout [Token], to sentences: inout [Sentence]) {
        tokens[range.lowerBound].features.insert(.sentenceStart)
        let span = Self.span(from: tokens[range.lowerBound], to: tokens[range.upperBound - 1])
        sentences.append(Sentence(span: span, tokens: range))
    }

    /// From the start of `first` to the end of `last`. Tokens from the ``Tokenizer`` are in order; the clamp
    /// only keeps tokens built by hand out of order from tripping ``TextSpan``'s precondition.
    private static func span(from first: Token, to last: Token) -> TextSpan {
        TextSpan(start: first.span.start, end: max(first.span.start, last.span.end))
    }

    /// Whether `token`, coming right after a terminal mark and its closing marks, opens a new sentence: a word
    /// that does not start in lower case (`Le`, `L’`, `M.`, or a word of a script without case), a number, an
    /// opening quote or a dash.
    private func startsSentence(_ token: Token, mark: Mark, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        switch token.kind {
        case .number:
            return true
        case .word:
            if token.features.contains(.capitalized) { return true }
            return !startsWithLowercase(token, in: bytes)
        case .punctuation:
            switch mark {
            case .openingGuillemet, .opening, .dash, .ambiguousQuote: return true
            default: return false
            }
        case .symbol:
            return false
        }
    }

    /// Whether the first scalar of `token` is a lower-case letter.
    private func startsWithLowercase(_ token: Token, in bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        let start = token.span.start
        guard start >= 0, start < bytes.count else { return true }
        let b0 = bytes[start]
        // A word token starting with an ASCII byte starts with an ASCII letter; only `.capitalized` ones are
        // upper case, and the caller has ruled those out.
        if b0 < 0x80 { return true }
        var iterator = bytes[start...].makeIterator()
        var decoder = UTF8()
        guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { return true }
        return scalar.properties.isLowercase
    }
}

/// The quote marks, brackets and dashes the splitter tells apart, read from a token's first bytes.
private enum Mark {
    /// `«`
    case openingGuillemet
    /// `»`
    case closingGuillemet
    /// `“`, `„`, `‹`, `‘`, `(`, `[`, `{`
    case opening
    /// `”`, `›`, `)`, `]`, `}`
    case closing
    /// `"`, `'`, `’`: opening after a space, closing when glued to what precedes.
    case ambiguousQuote
    /// `-`, `–`, `—`, `―` standing alone.
    case dash
    /// Anything else.
    case other

    init(of token: Token, in bytes: UnsafeBufferPointer<UInt8>) {
        self = .other
        guard token.kind == .punctuation else { return }
        let start = token.span.start
        guard start >= 0, start < bytes.count else { return }
        switch bytes[start] {
        case UInt8(ascii: "\""), UInt8(ascii: "'"): self = .ambiguousQuote
        case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"): self = .opening
        case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): self = .closing
        case UInt8(ascii: "-"): self = .dash
        case 0xC2 where start + 1 < bytes.count:
            switch bytes[start + 1] {
            case 0xAB: self = .openingGuillemet
            case 0xBB: self = .closingGuillemet
            default: break
            }
        case 0xE2 where start + 2 < bytes.count && bytes[start + 1] == 0x80:
            switch bytes[start + 2] {
            case 0x9C, 0x9E, 0xB9, 0x98: self = .opening  // “ „ ‹ ‘
            case 0x9D, 0xBA: self = .closing  // ” ›
            case 0x99: self = .ambiguousQuote  // ’
            case 0x93, 0x94, 0x95: self = .dash  // – — ―
            default: break
            }
        default: break
        }
    }

    /// Whether the mark closes what precedes it; an ambiguous quote does so when no space comes before it.
    func isClosing(spaceBefore features: Token.Features) -> Bool {
        switch self {
        case .closingGuillemet, .closing: return true
        case .ambiguousQuote: return !features.contains(.spaceBefore)
        default: return false
        }
    }
}
