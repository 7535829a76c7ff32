import CorpusKit
import Foundation

/// Words, phrases and word families with a valence in −1…1, looked up in O(1) per token.
///
/// An entry is a lemma (`catastrophe`, `réussir`), a phrase (`prise d'otages`; hyphens and spaces are the
/// same), or a prefix glob (`terroris*`). Valence 0 neutralises a term (`sécurité=0`). Lookup tries the form
/// as written with its accents first, then — for words of five letters or more — the accent-free form when it
/// is unambiguous (short words such as `sur`/`sûr`, `du`/`dû`, `ou`/`où` differ by their accent alone), then
/// globs. Regular French inflections (gender, number, regular -er verbs) and English ones (-s, -ed,
/// -ing) are generated from lemmas; explicit entries always win over generated forms.
///
/// ```swift
/// var lexicon = SentimentLexicon.french
/// let report = try lexicon.load(tsv: "my-lexicon.tsv")   // duplicates, collisions, out-of-scale values
/// lexicon.set("sécurité", valence: 0)
/// ```
public struct SentimentLexicon: Sendable {
    /// What loading a file found, besides its entries: nothing is silently dropped.
    public struct LoadReport: Sendable, Hashable, Codable {
        /// Entries read.
        public var entries: Int = 0
        /// Terms listed twice in the file (`term` at line numbers); the later line wins, and is reported.
        public var duplicates: [String] = []
        /// Different spellings that become one term after normalisation (case, spaces, hyphens).
        public var collisions: [String] = []
        /// Values outside the declared scale (clamped).
        public var outOfScale: [String] = []
        /// Globs with fewer than five letters before `*` (they would match too much): skipped, except in LIWC
        /// dictionaries where they are kept as the plain word.
        public var greedyGlobs: [String] = []
        /// Terms that replaced an entry of the lexicon the file was loaded into.
        public var overridden: [String] = []
        /// Categories of the category map that the file does not declare (LIWC dictionaries).
        public var unknownCategories: [String] = []
        /// Parts of the file read but not used, with why (conditional LIWC codes).
        public var skipped: [String] = []
    }

    /// The entries, by normalised term (lower case, single spaces, `*` for globs), valence in −1…1.
    public internal(set) var entries: [String: Double] = [:]
    /// The language of generated inflections: `fr`, `en`, or both when empty.
    public var languages: Set<String> = []

    private var exact = NameTable<Double>([])
    private var accentFree = NameTable<Double>([])
    private var globs = NameTable<Double>([])
    private(set) var maximumPhraseWords = 1
    /// The keys of the first words of every phrase (one word, two words…), to stop looking for a phrase early.
    private var phrasePrefixes = NameTable<UInt8>([])

    /// An empty lexicon.
    public init() {}

    /// Our French lexicon (see `Sentiment/Lexicons/README.md`).
    public static let french: SentimentLexicon = bundled("fr")
    /// Our English lexicon.
    public static let english: SentimentLexicon = bundled("en")
    /// Both.
    public static let standard: SentimentLexicon = {
        var lexicon = french
        lexicon.merge(english, overriding: false)
        return lexicon
    }()

    private static func bundled(_ name: String) -> SentimentLexicon {
        var lexicon = SentimentLexicon()
        if let url = Bundle.module.url(forResource: name, withExtension: "tsv", subdirectory: "Lexicons"),
           let text = try? String(contentsOf: url, encoding: .utf8)
        {
            _ = try? lexicon.read(tsv: text, path: url.path)
        }
        return lexicon
    }

    // MARK: - Editing

    /// Sets a term's valence (−1…1; 0 neutralises it), replacing any entry.
    public mutating func set(_ term: String, valence: Double) {
        let key = Self.normalised(term)
        guard !key.isEmpty else { return }
        entries[key] = max(-1, min(1, valence))
        rebuild()
    }

    /// Adds another lexicon's entries: with `overriding`, its values replace ours; otherwise ours are kept.
    /// - Returns: The terms both had.
    @discardableResult
    public mutating func merge(_ other: SentimentLexicon, overriding: Bool) -> [String] {
        var shared: [String] = []
        for (term, valence) in other.entries {
            if entries[term] != nil {
                shared.append(term)
                if !overriding { continue }
            }
            entries[term] = valence
        }
        languages.formUnion(other.languages)
        rebuild()
        return shared.sorted()
    }

    // MARK: - Lookup

    /// The valence of the words `range` of a text, if the lexicon has them (no globs for phrases).
    func valence(exact key: NameKey) -> Double? { exact.lookup(key) }
    func valence(accentFree key: NameKey) -> Double? { accentFree.lookup(key) }
    func valence(glob key: NameKey) -> Double? { globs.lookup(key) }
    /// Whether some phrase starts with the words of `key`.
    func startsPhrase(_ key: NameKey) -> Bool { phrasePrefixes.lookup(key) != nil }

    // MARK: - Building

    /// Normalised term: lower case, trimmed, single spaces, hyphens as spaces.
    static func normalised(_ term: String) -> String {
        term.lowercased().replacingOccurrences(of: "-", with: " ").replacingOccurrences(of: "’", with: "'")
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).joined(separator: " ")
    }

    mutating func rebuild() {
        var exactEntries: [(NameKey, Double)] = []
        var byFolded: [NameKey: Double?] = [:]
        var globEntries: [(NameKey, Double)] = []
        var explicit = Set<NameKey>()
        var words = 1
        var prefixes: [(NameKey, UInt8)] = []
        // Keys are built word by word and joined with `appendKey`, exactly as the scorer builds them; the
        // leading words of a phrase are kept as prefixes, so the scorer stops extending a run that starts none.
        func key(_ text: String, accents: Bool) -> NameKey {
            var key: NameKey?
            var copy = text
            let structure = TextStructure(analyzing: text)
            copy.withUTF8 { bytes in
                var count = 0
                defer { words = max(words, count) }  // the scorer counts words as the tokenizer cuts them
                for token in structure.tokens where token.kind == .word || token.kind == .number {
                    count += 1
                    var word = NameKey()
                    if accents { word.appendLowercased(bytes, token.span.start, token.span.end) } else {
                        word.append(bytes, token.span.start, token.span.end)
                    }
                    if let prefix = key, accents { prefixes.append((prefix, 1)) }
                    if var joined = key { joined.appendKey(word); key = joined } else { key = word }
                }
            }
            return key ?? NameKey()
        }
        // Explicit entries first, then generated forms that no explicit entry has.
        var generated: [(String, Double)] = []
        for (term, valence) in entries {
            if term.hasSuffix("*") {
                let prefix = String(term.dropLast())
                globEntries.append((key(prefix, accents: false), valence))
                continue
            }
            let k = key(term, accents: true)
            explicit.insert(k)
            exactEntries.append((k, valence))
            if term.contains(" ") {
                // The text may write a phrase as one hyphenated token (`chef-d'œuvre`, `cessez-le-feu`,
                // `well-respected`): its key is the token's bytes with hyphens as spaces, built in one piece.
                let glued = Self.glued(term)
                if explicit.insert(glued).inserted { exactEntries.append((glued, valence)) }
            }
            for form in Self.inflections(of: term, languages: languages) { generated.append((form, valence)) }
        }
        for (form, valence) in generated {
            let k = key(form, accents: true)
            if explicit.insert(k).inserted { exactEntries.append((k, valence)) }
        }
        // Accent-free keys, kept only when every accented form folding there has the same valence.
        for (term, valence) in entries where !term.hasSuffix("*") && !Self.endsInAccentedE(term) {
            let folded = key(term, accents: false)
            if let known = byFolded[folded] {
                if let value = known, value != valence { byFolded[folded] = .some(nil) }
            } else {
                byFolded[folded] = valence
            }
        }
        exact = NameTable(exactEntries)
        accentFree = NameTable(byFolded.compactMap { key, value in value.map { (key, $0) } })
        globs = NameTable(globEntries)
        phrasePrefixes = NameTable(prefixes)
        maximumPhraseWords = words
    }

    /// The key of a phrase written as one token, hyphens for spaces (`chef-d'œuvre` for `chef d'œuvre`).
    static func glued(_ term: String) -> NameKey {
        var key = NameKey()
        var copy = term
        copy.withUTF8 { key.appendLowercased($0, 0, $0.count) }
        return key
    }

    /// Whether a single word ends in `é`, `ée`, `és`, `ées`: its accent-free form is usually another word
    /// (`rythmé`/`rythme`, `daté`/`date`, `primé`/`prime`), so it gets no accent-free fallback.
    static func endsInAccentedE(_ term: String) -> Bool {
        guard !term.contains(" ") else { return false }
        var word = Substring(term)
        if word.hasSuffix("s") { word = word.dropLast() }
        if word.hasSuffix("e") { word = word.dropLast() }
        return word.hasSuffix("é")
    }

    /// Regular inflections of a lemma (single words only).
    static func inflections(of term: String, languages: Set<String>) -> [String] {
        guard !term.contains(" "), term.count >= 3 else { return [] }
        var forms: [String] = []
        let french = languages.isEmpty || languages.contains("fr")
        let english = languages.isEmpty || languages.contains("en")
        if french {
            if term.hasSuffix("er") {
                // Regular -er verbs, but not the `-ant` form (`enfer` → `enfant`, `restaurer` → `restaurant`):
                // participles used as adjectives (`inquiétant`) are listed themselves.
                let stem = String(term.dropLast(2))
                forms += ["e", "es", "ent", "ons", "ez", "é", "ée", "és", "ées", "ait", "aient", "ais", "a",
                          "era", "eront", "erait", "eraient", "èrent", "ions", "iez"].map { stem + $0 }
            } else if term.hasSuffix("eux") {
                let stem = String(term.dropLast(3))
                forms += ["euse", "euses"].map { stem + $0 }
            } else if term.hasSuffix("if") {
                let stem = String(term.dropLast(2))
                forms += ["ive", "ives", "ifs"].map { stem + $0 }
            } else if term.hasSuffix("al") {
                let stem = String(term.dropLast(2))
                forms += ["aux", "ale", "ales"].map { stem + $0 }
            } else if term.hasSuffix("el") || term.hasSuffix("ien") {
                forms += [term + "le", term + "les", term + "s"]
            } else if term.hasSuffix("e") {
                forms += [term + "s"]
            } else if !term.hasSuffix("s"), !term.hasSuffix("x") {
                forms += [term + "e", term + "s", term + "es"]
            }
        }
        if english {
            if term.hasSuffix("y"), term.count > 3, let before = term.dropLast().last, !"aeiou".contains(before) {
                let stem = String(term.dropLast())
                forms += [stem + "ies", stem + "ied", term + "ing"]
            } else if term.hasSuffix("y") {
                forms += [term + "s", term + "ed", term + "ing"]  // `betray`, `destroy`, `enjoy`
            } else if term.hasSuffix("e") {
                forms += [term + "s", term + "d", String(term.dropLast()) + "ing"]
            } else {
                forms += [term + "s", term + "es", term + "ed", term + "ing"]
            }
        }
        return forms
    }
}
