import CorpusKit

/// A name the recogniser found, before mentions of one entity are merged.
struct NameCandidate {
    /// First token of the name (the title, if any, is before it).
    var start: Int
    /// One past the last token of the name.
    var end: Int
    var kind: EntityKind
    /// The folded name, for merging.
    var key: NameKey
    /// The folded last word, for `M. Martin` → `Jean Martin`.
    var lastWord: NameKey
    /// The title or role written with the name, as a token range.
    var title: Range<Int>?
    /// For an acronym linked to its expansion in the text (`… (ONU)`), the index of the expansion's candidate.
    var expansion: Int?
    /// The number of words in the name (particles included).
    var words: Int
    /// Why the kind was chosen: `gazetteer`, `head`, `acronym`, `title`, `given-name`, `multi-word`, `context`.
    var evidence: String
}
