import CorpusKit

/// Finds the people, organisations and places named in a text, and merges the mentions of each into one
/// ``CorpusKit/Entity``.
///
/// Rules and small gazetteers (``EntityGazetteer``), in French and English: runs of capitalised words with the
/// particles of personal names (`de`, `ben`, `el`, `ould`, `van`), titles and roles kept out of the name and
/// stored on the mention (`M.`, `Mme`, `le ministre des Affaires étrangères`), organisations by head word
/// (`Ministère`, `Union`, `Banque`, `Council`) and acronym, places by gazetteer and by context (`à Nancy`).
/// Never an entity: an elided article alone (`L’`), a span across a line break, a tab or a run of spaces, a
/// sentence-initial capitalised word with no other evidence, page labels, months and weekdays, demonyms.
///
/// ```swift
/// let entities = EntityRecognizer().entities(in: "Le ministre des Affaires étrangères, Jean Martin, est à Alger. M. Martin a parlé.")
/// entities.map(\.canonicalName)   // ["Jean Martin", "Alger"]
/// entities[0].mentions.count      // 2
/// ```
public struct EntityRecognizer: Sendable {
    /// The word lists used.
    public var gazetteer: EntityGazetteer

    /// Creates a recogniser with the given lists (the standard ones by default).
    public init(gazetteer: EntityGazetteer = .standard) {
        self.gazetteer = gazetteer
    }

    /// The entities of a tokenized text, in order of first mention.
    /// - Complexity: O(n) in the length of the text.
    public func entities(in structure: TextStructure) -> [Entity] {
        analyze(structure).entities
    }

    /// Tokenizes `text` and returns its entities.
    public func entities(in text: String) -> [Entity] {
        entities(in: TextStructure(analyzing: text))
    }

    /// The entities, and how many one-word names were left apart because two people share them.
    func analyze(_ structure: TextStructure) -> (entities: [Entity], ambiguous: Int) {
        guard !structure.tokens.isEmpty else { return ([], 0) }
        var text = structure.text
        return text.withUTF8 { bytes in
            var scanner = EntityScanner(structure: structure, bytes: bytes, gazetteer: gazetteer)
            scanner.run()
            return EntityMerger(gazetteer: gazetteer).merge(scanner.candidates, scanner: scanner)
        }
    }
}
