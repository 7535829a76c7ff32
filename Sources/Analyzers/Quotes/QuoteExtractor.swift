import CorpusKit

/// Finds who said what: direct quotations in any quotation marks (`« »`, `“ ”`, `„ “`, `‹ ›`, `"`) or after a
/// dialogue dash, partial quotations inside reported speech, and indirect speech (`X a affirmé que …`, `selon
/// X, …`), each with its cue, its speaker phrase and the entity that speaker is.
///
/// Attribution shapes, French and English: `« Q », a déclaré X`, `« Q », X a ajouté`, `« Q », a-t-il dit`,
/// `X a déclaré : « Q »`, `« Q1, dit-il, Q2 »` (one quotation in two fragments), `X a réitéré son « Q »`
/// (mixed), `X : « Q »` (headline), a quotation with no cue right after an attributed one (the same speaker,
/// lower confidence), `X a affirmé que …`, `selon X, …`, `…, selon X`, `d'après X`, `Pour X, …`, `"Q," X said`,
/// `according to X`. Not quotations: titles and names in marks (`l'opération « … »`, `baptisé « … »`), scare
/// quotes of one or two words with no cue. Never throws, on any input.
public struct QuoteExtractor: Sendable {
    /// The reporting words used.
    public var cues: CueLexicon

    /// Creates an extractor with the standard cue lexicon.
    public init(cues: CueLexicon = .standard) { self.cues = cues }

    /// The quotations of a text, in order, given its entities (speakers resolve to them; pass `[]` without).
    /// - Complexity: O(n + q·log m) for n tokens, m entity mentions and q quotations (look-backs are bounded).
    public func quotes(in structure: TextStructure, entities: [Entity]) -> [Quote] {
        guard !structure.tokens.isEmpty else { return [] }
        var text = structure.text
        return text.withUTF8 { bytes in
            var scanner = QuoteScanner(structure: structure, bytes: bytes, entities: entities, cues: cues)
            scanner.run()
            return scanner.quotes
        }
    }

    /// Tokenizes `text`, finds its entities with the standard recogniser, and returns its quotations.
    public func quotes(in text: String) -> [Quote] {
        let structure = TextStructure(analyzing: text)
        return quotes(in: structure, entities: EntityRecognizer().entities(in: structure))
    }
}
