/// A sentence: its span and the tokens it holds.
public struct Sentence: Sendable, Hashable, Codable {
    /// From the first byte of the first token to the last byte of the last token.
    public var span: TextSpan
    /// Indices into ``TextStructure/tokens``.
    public var tokens: Range<Int>

    /// Creates a sentence.
    public init(span: TextSpan, tokens: Range<Int>) {
        self.span = span
        self.tokens = tokens
    }
}

/// A paragraph: a line of text (scraped pages put one block per line); blank lines separate nothing more.
public struct Paragraph: Sendable, Hashable, Codable {
    /// From the first to the last non-space byte of the paragraph.
    public var span: TextSpan
    /// Indices into ``TextStructure/sentences``.
    public var sentences: Range<Int>
    /// Indices into ``TextStructure/tokens``.
    public var tokens: Range<Int>

    /// Creates a paragraph.
    public init(span: TextSpan, sentences: Range<Int>, tokens: Range<Int>) {
        self.span = span
        self.sentences = sentences
        self.tokens = tokens
    }
}

/// Tokens, sentences and paragraphs of one text, computed once and shared by all analyzers.
///
/// This is the output of the standard `text` analyzer; read it from an analyzer with `context[.text]`.
///
/// ```swift
/// let structure = TextStructure(analyzing: "M. Martin l’a dit : « Nous irons. » Puis il est parti.")
/// structure.sentences.count   // 2
/// structure.text(of: structure.tokens[0])   // "M."
/// ```
public struct TextStructure: Sendable, Hashable, Codable {
    /// The analysed text.
    public let text: String
    /// All tokens, in text order.
    public var tokens: [Token]
    /// All sentences, in text order.
    public var sentences: [Sentence]
    /// All paragraphs, in text order.
    public var paragraphs: [Paragraph]

    /// Tokenizes and segments `text`.
    /// - Complexity: O(n) in the length of `text`.
    public init(analyzing text: String) {
        self.text = text
        var tokens = Tokenizer().tokenize(text)
        let segmentation = SentenceSplitter().segment(text, tokens: &tokens)
        self.tokens = tokens
        self.sentences = segmentation.sentences
        self.paragraphs = segmentation.paragraphs
    }

    /// Creates a structure from parts computed elsewhere.
    public init(text: String, tokens: [Token], sentences: [Sentence], paragraphs: [Paragraph]) {
        self.text = text
        self.tokens = tokens
        self.sentences = sentences
        self.paragraphs = paragraphs
    }

    /// The text of a token.
    public func text(of token: Token) -> Substring { token.span.substring(of: text) }
    /// The text of a span.
    public func text(of span: TextSpan) -> Substring { span.substring(of: text) }
    /// The tokens of a sentence.
    public func tokens(of sentence: Sentence) -> ArraySlice<Token> { tokens[sentence.tokens] }

    /// For each token, the index of its sentence and of its paragraph (-1 for a token outside all of them), so
    /// that a scan over tokens knows where it is without searching.
    /// - Complexity: O(n) in the number of tokens.
    public func tokenLocations() -> (sentences: [Int32], paragraphs: [Int32]) {
        var sentenceOf = [Int32](repeating: -1, count: tokens.count)
        for (index, sentence) in sentences.enumerated() {
            for t in sentence.tokens where t < sentenceOf.count { sentenceOf[t] = Int32(index) }
        }
        var paragraphOf = [Int32](repeating: -1, count: tokens.count)
        for (index, paragraph) in paragraphs.enumerated() {
            for t in paragraph.tokens where t < paragraphOf.count { paragraphOf[t] = Int32(index) }
        }
        return (sentenceOf, paragraphOf)
    }

    private enum CodingKeys: String, CodingKey { case tokens, sentences, paragraphs }

    /// Encodes tokens, sentences and paragraphs (the text itself is the article body and is not repeated).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(tokens, forKey: .tokens)
        try container.encode(sentences, forKey: .sentences)
        try container.encode(paragraphs, forKey: .paragraphs)
    }

    /// Decodes a structure; its `text` is empty because the encoded form does not repeat the article body.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        text = ""
        tokens = try container.decode([Token].self, forKey: .tokens)
        sentences = try container.decode([Sentence].self, forKey: .sentences)
        paragraphs = try container.decode([Paragraph].self, forKey: .paragraphs)
    }
}
