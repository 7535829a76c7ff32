import CorpusKit

/// The recogniser's working state for one text: the tokens, their folded keys and gazetteer flags (computed
/// once, on demand), and the names found so far. Rules are extensions of this type, one file per family.
///
/// Every rule looks a bounded number of tokens ahead or back (a name has at most ``maxNameWords`` words, a
/// title at most ``maxTitleWords``), so a text is scanned in linear time.
struct EntityScanner {
    let structure: TextStructure
    let bytes: UnsafeBufferPointer<UInt8>
    let tokens: [Token]
    let gazetteer: EntityGazetteer
    /// Sentence and paragraph index of each token.
    let sentenceOf: [Int32]
    let paragraphOf: [Int32]
    /// Folded key of each word token, computed on first use (length 0 = not yet).
    private var keys: TokenKeys
    /// ``WordClass`` bits of each token, computed on first use.
    private var classes: [UInt16]
    /// Gazetteer flags of each token, `UInt32.max` until computed.
    private var flagCache: [UInt32]
    /// Words capitalised somewhere other than at a sentence start: evidence for a sentence-initial word.
    var capitalisedInside: Set<NameKey> = []
    /// Lines written mostly in capitals (tickers, shouted headlines): their all-caps words are not acronyms.
    var shoutedLine: [Bool]
    var candidates: [NameCandidate] = []

    static let maxNameWords = 8
    static let maxTitleWords = 8

    init(structure: TextStructure, bytes: UnsafeBufferPointer<UInt8>, gazetteer: EntityGazetteer) {
        self.structure = structure
        self.bytes = bytes
        self.tokens = structure.tokens
        self.gazetteer = gazetteer
        (sentenceOf, paragraphOf) = structure.tokenLocations()
        keys = TokenKeys(count: structure.tokens.count)
        classes = [UInt16](repeating: WordClass.unknown, count: structure.tokens.count)
        flagCache = [UInt32](repeating: UInt32.max, count: structure.tokens.count)
        // Shouted lines: at least three words, four in five of them in capitals.
        var shouted = [Bool](repeating: false, count: structure.tokens.count)
        var lineStart = 0
        func closeLine(_ end: Int) {
            var words = 0, caps = 0
            for t in lineStart..<end where structure.tokens[t].kind == .word {
                words += 1
                if structure.tokens[t].has(.allCaps) { caps += 1 }
            }
            if words >= 3, caps * 5 >= words * 4 { for t in lineStart..<end { shouted[t] = true } }
        }
        for (t, token) in structure.tokens.enumerated() where t > 0 && token.has(.lineStart) {
            closeLine(t)
            lineStart = t
        }
        closeLine(structure.tokens.count)
        shoutedLine = shouted
    }

    // MARK: - Token helpers (all safe out of range)

    var count: Int { tokens.count }

    func isWord(_ i: Int) -> Bool { i >= 0 && i < count && tokens[i].kind == .word }

    /// A word starting with a capital that can belong to a name: not an elided article (`L’`), not inside a
    /// shouted line unless it is title case.
    func isCapitalised(_ i: Int) -> Bool {
        guard isWord(i) else { return false }
        let token = tokens[i]
        guard token.has(.capitalized), !token.has(.elision) else { return false }
        return !(token.has(.allCaps) && shoutedLine[i])
    }

    func isLower(_ i: Int) -> Bool { isWord(i) && !tokens[i].has(.capitalized) }

    /// The folded key of token `i`.
    mutating func key(_ i: Int) -> NameKey { keys.key(i, tokens, bytes) }

    /// The folded key of tokens `range` (words and numbers; punctuation such as the period of `M.` stays in
    /// its token).
    mutating func key(_ range: Range<Int>) -> NameKey {
        var key = NameKey()
        for t in range where t >= 0 && t < count && (tokens[t].kind == .word || tokens[t].kind == .number) {
            key.append(bytes, tokens[t].span.start, tokens[t].span.end)
        }
        return key
    }

    /// The gazetteer flags of token `i` (computed once per token).
    mutating func flags(_ i: Int) -> EntityGazetteer.Flags {
        guard i >= 0, i < count else { return [] }
        if flagCache[i] == UInt32.max { flagCache[i] = gazetteer.flags(key(i)).rawValue }
        return EntityGazetteer.Flags(rawValue: flagCache[i])
    }

    /// Whether token `i` follows token `i - 1` on the same line, after exactly one space (or a no-break space),
    /// or glued to it. A tab, a run of spaces or a line break ends a name.
    func joined(_ i: Int) -> Bool {
        guard i > 0, i < count else { return false }
        let token = tokens[i]
        if token.has(.lineStart) { return false }
        let gapStart = tokens[i - 1].span.end, gapEnd = token.span.start
        switch gapEnd - gapStart {
        case 0: return true
        case 1: return bytes[gapStart] == 0x20
        case 2: return bytes[gapStart] == 0xC2 && bytes[gapStart + 1] == 0xA0
        case 3: return bytes[gapStart] == 0xE2 && bytes[gapStart + 1] == 0x80 && bytes[gapStart + 2] == 0xAF
        default: return false
        }
    }

    /// The ASCII-folded bytes of a short word, for comparisons with small fixed lists (particles, adjective
    /// endings); `nil` when longer than 24 bytes.
    func foldedWord(_ i: Int) -> [UInt8]? {
        guard isWord(i) else { return nil }
        let span = tokens[i].span
        guard span.end - span.start <= 48 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(span.end - span.start)
        NameFolding.fold(bytes, span.start, span.end) { out.append($0) }
        return out.count <= 24 ? out : nil
    }

    /// Whether the word at `i` belongs to a class of ``NameWords`` (computed once per token).
    mutating func isOneOf(_ i: Int, _ wordClass: WordClass) -> Bool {
        guard isWord(i) else { return false }
        if classes[i] == WordClass.unknown {
            classes[i] = NameWords.classes.lookup(key(i)) ?? 0
        }
        return classes[i] & wordClass.rawValue != 0
    }

    func text(_ range: Range<Int>) -> String {
        guard !range.isEmpty, range.lowerBound >= 0, range.upperBound <= count else { return "" }
        return String(structure.text(of: TextSpan(start: tokens[range.lowerBound].span.start,
                                                  end: tokens[range.upperBound - 1].span.end)))
    }
}

/// The small word lists a word can belong to, as bits.
struct WordClass: OptionSet, Sendable {
    let rawValue: UInt16
    static let particle = WordClass(rawValue: 1 << 0)
    static let placePreposition = WordClass(rawValue: 1 << 1)
    static let link = WordClass(rawValue: 1 << 2)
    static let linkArticle = WordClass(rawValue: 1 << 3)
    static let purposeLink = WordClass(rawValue: 1 << 4)
    static let placeTrigger = WordClass(rawValue: 1 << 5)
    static let organisationTrigger = WordClass(rawValue: 1 << 6)
    static let streetTrigger = WordClass(rawValue: 1 << 7)
    static let article = WordClass(rawValue: 1 << 8)
    static let leadingAdjective = WordClass(rawValue: 1 << 9)
    static let companySuffix = WordClass(rawValue: 1 << 10)
    static let titleStop = WordClass(rawValue: 1 << 11)
    /// Marks a token whose classes are not computed yet.
    static let unknown: UInt16 = 1 << 15
}

/// Small word lists the rules compare folded words with.
enum NameWords {
    /// Every list, by folded word, as ``WordClass`` bits.
    static let classes: NameTable<UInt16> = {
        let lists: [(Set<[UInt8]>, WordClass)] = [
            (particles, .particle), (placePrepositions, .placePreposition), (organisationLinks, .link),
            (linkArticles, .linkArticle), (set(["of", "for", "on", "pour"]), .purposeLink),
            (placeTriggers, .placeTrigger), (organisationTriggers, .organisationTrigger),
            (streetTriggers, .streetTrigger), (articles, .article), (leadingAdjectives, .leadingAdjective),
            (companySuffixes, .companySuffix), (EntityScanner.titleStops, .titleStop),
        ]
        var bits: [[UInt8]: UInt16] = [:]
        for (words, wordClass) in lists {
            for word in words { bits[word, default: 0] |= wordClass.rawValue }
        }
        return NameTable(bits.map { word, mask in
            var key = NameKey()
            key.append(folded: word)
            return (key, mask)
        })
    }()

    static func set(_ words: [String]) -> Set<[UInt8]> { Set(words.map { Array($0.utf8) }) }

    /// Particles inside names: `Charles de Gaulle`, `Zine el-Abidine Ben Ali`, `Mohamed Ould Ghazouani`.
    static let particles = set(["de", "du", "des", "d'", "la", "le", "ben", "bin", "ibn", "el", "al", "ould", "van",
                                "von", "der", "den", "di", "da", "dos", "das", "del", "della", "bou", "abou", "abu",
                                "ait", "ter", "ten", "mc", "st"])
    /// Prepositions that put a place after them: `à Nancy`, `en Algérie`, `au Maroc`, `depuis Alger`.
    static let placePrepositions = set(["a", "en", "au", "aux", "vers", "depuis", "pres", "in", "at", "from", "to",
                                        "near"])
    /// Words joining the parts of an organisation name: `de`, `du`, `des`, `d'`, `of`, `for`, `on`.
    static let organisationLinks = set(["de", "du", "des", "d'", "of", "for", "on", "pour"])
    /// Articles after a link: `de la`, `de l'`, `of the`.
    static let linkArticles = set(["la", "l'", "the", "les"])
    /// Endings of French adjectives that continue an organisation name (`européenne`, `nationale`, `unies`);
    /// verbs (`évalue`, `pense`, `relie`) must not match, so a bare `-e` is not an ending.
    static let adjectiveEndings: [[UInt8]] = [
        "al", "ale", "ales", "aux", "ique", "iques", "ien", "ienne", "iens", "iennes", "ais", "aise", "aises", "ain",
        "aine", "ains", "aines", "el", "elle", "els", "elles", "if", "ive", "ifs", "ives", "aire", "aires", "ee",
        "ees", "eur", "eure", "ere", "uni", "unie", "unis", "unies", "iale", "ial", "ois", "oise", "en", "enne",
        "ens", "ennes", "ard", "able", "ables", "ible", "ibles",
    ].map { Array($0.utf8) }

    /// Lower-case nouns that lead a place or an organisation named after them: `rue du Château`, `place
    /// Cuvier`, `église Notre-Dame`, `école Jules-Ferry`, `boulangerie Leroy`.
    static let placeTriggers = set([
        "rue", "avenue", "boulevard", "place", "quai", "impasse", "chemin", "allee", "route", "pont", "parc",
        "square", "jardin", "cite", "quartier", "eglise", "cathedrale", "chapelle", "basilique", "mosquee",
        "synagogue", "salle", "stade", "gare", "aeroport", "port", "musee", "chateau", "maison", "centre",
        "hopital", "clinique", "prison", "theatre", "cinema", "cine", "palais", "tour", "foret", "lac", "mont",
        "vallee", "col", "ile", "plage", "street", "avenue", "square", "road",
    ])
    /// Triggers that take `de`, `du`, `des` before their name (`rue de la République`, `salle du Parc`).
    static let streetTriggers = set([
        "rue", "avenue", "boulevard", "place", "quai", "impasse", "chemin", "allee", "route", "square", "salle",
        "cite", "jardin", "parc",
    ])
    /// French and English adjectives that come before a noun and are capitalised in titles and headings, not
    /// in names (`Petit Prince`, `Jeune Homme`, `Grand Séminaire`, `Old Town`).
    static let leadingAdjectives = set([
        "petit", "petite", "petits", "petites", "grand", "grande", "grands", "grandes", "jeune", "jeunes", "vieux",
        "vieille", "bon", "bonne", "bons", "bonnes", "beau", "belle", "nouveau", "nouvelle", "nouveaux", "gros",
        "grosse", "haut", "haute", "bas", "basse", "premier", "premiere", "dernier", "derniere", "seul", "seule",
        "cher", "chere", "pauvre", "vrai", "vraie", "autre", "seconde", "second", "deuxieme", "troisieme", "meme",
        "tout", "toute", "tous", "toutes", "sainte", "saints", "old", "new", "great", "little", "big", "young", "good",
        "first", "last", "north", "south", "east", "west",
    ])
    /// Articles, which come before names of things but not before people's names (`le Petit Prince`).
    static let articles = set(["le", "la", "les", "l'", "un", "une", "des", "du", "au", "aux", "the", "a", "an"])
    static let organisationTriggers = set([
        "ecole", "lycee", "college", "universite", "laiterie", "boulangerie", "entreprise", "societe", "association",
        "club", "fondation", "institut", "groupe", "cabinet", "journal", "magazine", "quotidien", "hebdomadaire",
        "radio", "chaine", "agence", "banque", "compagnie", "syndicat", "parti", "mouvement", "federation",
        "academie", "restaurant", "hotel", "supermarche", "usine", "brasserie", "librairie",
    ])
    /// Last words that make a name a company's: `Hälsa Pharma GmbH`, `Greenmoor Capital`, `Novartis Limited`.
    static let companySuffixes = set([
        "gmbh", "ltd", "limited", "inc", "corp", "corporation", "sa", "sas", "sarl", "spa", "plc", "llc", "ag", "nv",
        "bv", "capital", "holding", "holdings", "group", "groupe", "partners", "pharma", "telecom", "airlines",
        "airways", "motors", "bank", "media", "energy", "energie",
    ])

    static func looksAdjectival(_ word: [UInt8]) -> Bool {
        guard word.count >= 4 else { return false }
        return adjectiveEndings.contains { ending in
            ending.count < word.count && word.suffix(ending.count).elementsEqual(ending)
        }
    }
}
