import CorpusKit

/// Finds temporal expressions in French and English news text and normalises them to TIMEX3 values.
///
/// The extractor works on the shared tokens of a ``CorpusKit/TextStructure``: each word is folded once (lower
/// case, no accents, `’` as `'`) into a fixed-size buffer and looked up in a small lexicon of months, weekdays,
/// number words and date keywords; rules then read a bounded number of tokens ahead, so extraction is linear in
/// the length of the text and allocates only for the expressions it returns.
///
/// Relative expressions (`hier`, `mardi`, `il y a trois ans`, `la semaine dernière`) are resolved against
/// `anchor`, normally the publication date. News is past-biased: when the text does not say whether a weekday
/// or a day-month is past or future, the past reading is chosen and the other kept in
/// ``TemporalExpression/alternatives``. Without an anchor such expressions are flagged
/// ``TemporalExpression/Flag/unanchored`` and resolved only when the text itself allows it.
///
/// ```swift
/// let anchor = PublicationDate(year: 2024, month: 3, day: 15)
/// let found = DateExtractor().extract(from: "Le 14/03/2024 à 18h32, le ministre a parlé hier.", anchor: anchor)
/// found.map(\.value)   // ["2024-03-14T18:32", "2024-03-14"]
/// ```
public struct DateExtractor: Sendable {
    /// The kind of writing the extractor reads, which decides how loosely a clock time may be written.
    public enum Register: String, Sendable, Hashable, CaseIterable {
        /// Edited prose (the default): an hour is read with `h`, `heures`, a colon or a meridiem (`à 18h`,
        /// `à 7 heures`, `7:30`, `5 pm`), or after a part of the day (`ce soir à 7`); `passer de 5 à 7` and
        /// `à 7 contre 3` are not times, `le 23` alone is not a date.
        case news
        /// Messages, comments and requests to an assistant: also `je reviens à 7`, `à peu près 11`,
        /// `sept trente`, `huit quarante pm`, `8 et demie`, `10 ce soir`, `17 à 18`, `de 5 à 7 demain`, and `le 23`
        /// or `l'après-midi` alone.
        case conversation
    }

    /// The kind of writing read; ``Register/news`` unless set.
    public var register: Register

    /// Creates an extractor for a register of writing. The lexicon is built once per process.
    public init(register: Register = .news) {
        self.register = register
    }

    /// The temporal expressions of a tokenized text, in text order, without overlaps.
    /// - Parameters:
    ///   - structure: The text's tokens, sentences and paragraphs (the `text` analyzer's output).
    ///   - anchor: The date relative expressions count from (the publication date), if known.
    /// - Returns: One expression per date, time, interval, duration or set found.
    /// - Complexity: O(n) in the length of the text.
    public func extract(from structure: TextStructure, anchor: PublicationDate?) -> [TemporalExpression] {
        guard !structure.tokens.isEmpty else { return [] }
        var text = structure.text
        return text.withUTF8 { bytes in
            var scanner = DateScanner(structure: structure, bytes: bytes, anchor: anchor)
            if register == .conversation { scanner.readConversationally() }
            scanner.run()
            return scanner.results
        }
    }

    /// Tokenizes `text` and extracts its temporal expressions.
    /// - Parameters:
    ///   - text: Any text.
    ///   - anchor: The date relative expressions count from, if known.
    /// - Returns: The expressions, in text order.
    /// - Complexity: O(n) in the length of the text.
    public func extract(from text: String, anchor: PublicationDate?) -> [TemporalExpression] {
        extract(from: TextStructure(analyzing: text), anchor: anchor)
    }
}
