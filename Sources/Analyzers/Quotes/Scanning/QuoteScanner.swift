import CorpusKit

/// The quote extractor's working state for one text: the tokens, their sentence and paragraph, their folded
/// keys (computed on demand), the entity mentions of the article, and the quotations found so far.
struct QuoteScanner {
    let structure: TextStructure
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let cues: CueLexicon
    let sentenceOf: [Int32]
    let paragraphOf: [Int32]
    /// Entity mentions, in text order: the first token of each and its entity.
    let mentions: [(span: TextSpan, entity: Int)]
    let entities: [Entity]
    private var keys: TokenKeys
    var quotes: [Quote] = []
    /// For each token, how many separators (`|`, `•`, `·`) its line holds: headline tickers have several.
    let separatorsInLine: [Int32]
    /// Other speakers found by the last resolution (`MM. Jean Martin et Paul Girard`).
    var lastCoSpeakers: [Quote.SpeakerEntity] = []
    /// The entity of the last resolved speaker, for `il`, `elle`, `-t-il` and floating quotes.
    var lastSpeaker: Int?
    /// The end token of the last quote found, and its speaker, for floating quotes.
    var lastQuoteEnd = -1

    init(structure: TextStructure, bytes: UnsafeBufferPointer<UInt8>, entities: [Entity], cues: CueLexicon) {
        self.structure = structure
        self.bytes = bytes
        self.tokens = structure.tokens
        self.cues = cues
        self.entities = entities
        (sentenceOf, paragraphOf) = structure.tokenLocations()
        var mentions: [(TextSpan, Int)] = []
        for (index, entity) in entities.enumerated() {
            for mention in entity.mentions { mentions.append((mention.span, index)) }
        }
        self.mentions = mentions.sorted { $0.0.start < $1.0.start }.map { (span: $0.0, entity: $0.1) }
        keys = TokenKeys(count: structure.tokens.count)
        var separators = [Int32](repeating: 0, count: structure.tokens.count)
        var lineStart = 0
        var inLine: Int32 = 0
        func close(_ end: Int) { for t in lineStart..<end { separators[t] = inLine } }
        for (t, token) in structure.tokens.enumerated() {
            if t > 0, token.has(.lineStart) {
                close(t)
                lineStart = t
                inLine = 0
            }
            let span = token.span
            if token.kind != .word, token.kind != .number, span.start < bytes.count {
                let b = bytes[span.start]
                if b == 0x7C { inLine += 1 }  // |
                if b == 0xE2, span.start + 2 < bytes.count, bytes[span.start + 1] == 0x80, bytes[span.start + 2] == 0xA2 {
                    inLine += 1  // •
                }
                if b == 0xC2, span.start + 1 < bytes.count, bytes[span.start + 1] == 0xB7 { inLine += 1 }  // ·
            }
        }
        close(structure.tokens.count)
        separatorsInLine = separators
    }

    // MARK: - Token helpers (safe out of range)

    var count: Int { tokens.count }

    func isWord(_ i: Int) -> Bool { i >= 0 && i < count && tokens[i].kind == .word }

    mutating func key(_ i: Int) -> NameKey { keys.key(i, tokens, bytes) }

    /// The cue at token `i`, if it is one.
    mutating func cue(_ i: Int) -> CueLexicon.Entry? {
        guard isWord(i) else { return nil }
        return cues.entry(key(i))
    }

    /// The one-byte punctuation at `i`, 0 otherwise (dashes folded to `-`).
    func punctuation(_ i: Int) -> UInt8 {
        guard i >= 0, i < count, tokens[i].kind == .punctuation else { return 0 }
        let span = tokens[i].span
        let b = bytes[span.start]
        if b < 0x80 { return span.end - span.start == 1 ? b : 0 }
        if b == 0xE2, span.start + 2 < bytes.count, bytes[span.start + 1] == 0x80,
           (0x93...0x95).contains(bytes[span.start + 2])
        {
            return 0x2D  // – — ―
        }
        return 0
    }

    /// The token starting at byte `offset`, by binary search (tokens are in text order).
    func tokenIndex(startingAt offset: Int) -> Int? {
        var low = 0, high = count
        while low < high {
            let mid = (low + high) / 2
            if tokens[mid].span.start < offset { low = mid + 1 } else { high = mid }
        }
        return low < count && tokens[low].span.start == offset ? low : nil
    }

    func sameSentence(_ a: Int, _ b: Int) -> Bool {
        guard a >= 0, b >= 0, a < count, b < count else { return false }
        return sentenceOf[a] == sentenceOf[b]
    }

    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= count else { return "" }
        return String(structure.text(of: span(range)))
    }

    func span(_ range: Range<Int>) -> TextSpan {
        TextSpan(start: tokens[range.lowerBound].span.start, end: tokens[range.upperBound - 1].span.end)
    }

    /// The folded lower-case bytes of a short word, for comparisons with small word lists.
    func folded(_ i: Int) -> [UInt8] {
        guard isWord(i) else { return [] }
        let span = tokens[i].span
        guard span.end - span.start <= 40 else { return [] }
        var out: [UInt8] = []
        NameFolding.fold(bytes, span.start, span.end) { out.append($0) }
        return out
    }

    func isOne(_ i: Int, of words: Set<[UInt8]>) -> Bool { words.contains(folded(i)) }
}

/// Words the quote rules compare with.
enum QuoteWords {
    static let pronouns = NameWords.set(["il", "elle", "ils", "elles", "he", "she", "they", "on"])
    static let lastMentioned = NameWords.set(["dernier", "derniere"])
    /// Words before quotation marks that make the quoted words a title or a name, not speech.
    static let titleTriggers = NameWords.set([
        "theme", "titre", "intitule", "intitulee", "baptise", "baptisee", "appele", "appelee", "nomme", "nommee",
        "surnomme", "surnommee", "denomme", "denommee", "operation", "slogan", "programme", "projet", "livre",
        "roman", "film", "emission", "journal", "quotidien", "hebdomadaire", "chanson", "album", "festival",
        "campagne", "plan", "mot", "label", "collectif", "association", "mouvement", "dit", "dite", "named",
        "called", "titled", "dubbed", "slogan", "rubrique", "page", "dossier", "exposition", "spectacle",
        "tableau", "toile", "oeuvre", "serie", "piece", "declaration", "charte", "pacte", "accord", "rapport",
        "etude", "loi", "texte", "reforme", "initiative", "strategie", "sommet", "forum", "conference",
    ])
    /// Conjunctions that introduce indirect speech.
    static let that = NameWords.set(["que", "qu'", "that"])
    static let auxiliaries = NameWords.set(["a", "ont", "avait", "avaient", "aura", "auront", "aurait", "auraient",
                                            "est", "sont", "etait", "has", "have", "had", "was", "is"])
    static let negations = NameWords.set(["n'", "ne", "pas", "not", "jamais", "manque", "manquer", "de", "d'"])
}
