import CorpusKit

// Byline, date-line and site-header parsing for page cleaning.
//
// Everything here works on the UTF-8 bytes of one short line (at most `BylineParser.maximumLineBytes`): the line
// is split into word, number and punctuation tokens in a stack buffer, each word is looked up once in a small
// open-addressed table of folded keys, and a hand-written grammar reads the tokens. No regular expression, no
// `String` per token, no heap allocation unless the caller asks for the details of a line that is metadata.
// The grammar is deliberately a whole-line grammar: a line is metadata only when every token belongs to a
// byline, date, "published in", role or widget segment, which is what keeps body sentences that merely contain
// a date (`Le 14 mars, le ministre a annoncé…`) out.

// MARK: - Folded word keys

/// A word folded to lowercase ASCII without accents and packed 5 bits per letter into a `UInt64`.
///
/// Keys compare words case- and accent-insensitively in one integer comparison (`Publié`, `PUBLIE` and `publie`
/// have the same key). Letters are coded 1…26 (27 for a letter that has no ASCII base), so keys of different
/// lengths never collide. Only the first 12 letters are packed; a longer word sets the top bit, which makes
/// long keywords match by their first 12 letters (`correspondant`, `correspondante`).
struct BylineWordKey {
    private(set) var value: UInt64 = 0
    private(set) var letters = 0

    @inline(__always)
    mutating func push(_ code: UInt64) {
        if letters < 12 {
            value = value &<< 5 | code
        } else {
            value |= 1 &<< 63
        }
        letters &+= 1
    }

    /// Pushes the letter whose UTF-8 encoding starts at `i` (`length` bytes).
    @inline(__always)
    mutating func pushLetter(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ length: Int) {
        let b = p[i]
        if b < 0x80 {
            push(UInt64((b | 0x20) &- 0x60))
            return
        }
        if length == 2 {
            let c = p[i &+ 1]
            if b == 0xC3 {
                let lower = c >= 0xA0 ? c : c &+ 0x20  // fold the uppercase half onto the lowercase half
                switch lower {
                case 0xA0...0xA6: push(1)  // à á â ã ä å æ
                case 0xA7: push(3)  // ç
                case 0xA8...0xAB: push(5)  // è é ê ë
                case 0xAC...0xAF: push(9)  // ì í î ï
                case 0xB1: push(14)  // ñ
                case 0xB2...0xB6, 0xB8: push(15)  // ò ó ô õ ö ø
                case 0xB9...0xBC: push(21)  // ù ú û ü
                case 0xBD, 0xBF: push(25)  // ý ÿ
                default: push(27)
                }
                return
            }
            if b == 0xC5 && (c == 0x92 || c == 0x93) {  // Œ œ
                push(15)
                push(5)
                return
            }
        }
        push(27)
    }

    /// The key of an ASCII or Latin-1 keyword.
    static func of(_ word: String) -> UInt64 {
        var copy = word
        return copy.withUTF8 { p -> UInt64 in
            var key = BylineWordKey()
            var i = 0
            while i < p.count {
                let length = BylineByteClass.scalarLength(p[i])
                key.pushLetter(p, i, Swift.min(length, p.count - i))
                i += length
            }
            return key.value
        }
    }
}

// MARK: - Byte classes

/// What a character is, for the byline grammar.
enum BylineByteClass: UInt8 {
    case letter, space, dash, hyphen, bullet, apostrophe, degree, copyright, quote, symbol

    @inline(__always)
    static func scalarLength(_ lead: UInt8) -> Int {
        lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1
    }

    @inline(__always)
    static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    @inline(__always)
    static func isASCIILetter(_ b: UInt8) -> Bool { (b | 0x20) &- 0x61 < 26 }

    /// Classifies the non-ASCII scalar starting at `i` and returns its byte length (clamped to the buffer).
    ///
    /// Only the punctuation that matters to bylines is singled out; other symbols are `.symbol`, and every other
    /// scalar (accented letters, other scripts, combining marks, emoji) is a letter, which is harmless: such words
    /// are never keywords.
    @inline(__always)
    static func classify(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> (BylineByteClass, Int) {
        let b = p[i]
        let length = Swift.min(scalarLength(b), p.count - i)
        if length == 2 {
            let c = p[i &+ 1]
            if b == 0xC2 {
                switch c {
                case 0xA0: return (.space, 2)
                case 0xB7: return (.bullet, 2)
                case 0xB0, 0xBA: return (.degree, 2)
                case 0xA9: return (.copyright, 2)
                case 0xAB, 0xBB: return (.quote, 2)
                default: return (.symbol, 2)
                }
            }
            if b == 0xC3 && (c == 0x97 || c == 0xB7) { return (.symbol, 2) }  // × ÷
            return (.letter, 2)
        }
        if length == 3 {
            let c = p[i &+ 1], d = p[i &+ 2]
            if b == 0xE2 {
                if c == 0x80 {
                    switch d {
                    case 0x80...0x8B, 0xAF: return (.space, 3)
                    case 0x90, 0x91: return (.hyphen, 3)
                    case 0x92...0x95: return (.dash, 3)
                    case 0x98, 0x99: return (.apostrophe, 3)
                    case 0x9C...0x9F: return (.quote, 3)
                    case 0xA2, 0xA3, 0xB9, 0xBA: return (.bullet, 3)
                    default: return (.symbol, 3)
                    }
                }
                if c == 0x81 && d == 0xA0 { return (.space, 3) }  // word joiner
                return (.symbol, 3)  // arrows, maths, currency, box drawing…
            }
            if b == 0xEF && c == 0xBB && d == 0xBF { return (.space, 3) }  // BOM
            if b == 0xE3 && c == 0x80 && d == 0x80 { return (.space, 3) }  // ideographic space
            return (.letter, 3)
        }
        if length == 1 { return (.symbol, 1) }  // stray continuation byte: cannot happen in a String
        return (.letter, length)
    }

    /// Whether a letter starts at `i`.
    @inline(__always)
    static func startsLetter(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = p[i]
        if b < 0x80 { return isASCIILetter(b) }
        return classify(p, i).0 == .letter
    }
}

// MARK: - Lexicon

/// What a word can be in a byline, a date line or a site header.
struct BylineWordFlags: OptionSet, Sendable {
    let rawValue: UInt32

    static let month = BylineWordFlags(rawValue: 1 << 0)
    static let weekday = BylineWordFlags(rawValue: 1 << 1)
    /// `publié`, `published`, `posted`, `date`, `paru`…
    static let published = BylineWordFlags(rawValue: 1 << 2)
    /// `modifié`, `actualisé`, `updated`, `màj`…
    static let updated = BylineWordFlags(rawValue: 1 << 3)
    /// `mis`, `mise` (`mis à jour`, `mis en ligne`).
    static let mis = BylineWordFlags(rawValue: 1 << 4)
    /// `last`, `dernière` (`last updated`, `dernière mise à jour`).
    static let last = BylineWordFlags(rawValue: 1 << 5)
    /// `le`, `on`: the word before a date.
    static let leOn = BylineWordFlags(rawValue: 1 << 6)
    /// `à`, `a`, `at`: the word before a time.
    static let atWord = BylineWordFlags(rawValue: 1 << 7)
    /// `dans`, `in` (`Publié dans X`).
    static let inWord = BylineWordFlags(rawValue: 1 << 8)
    /// `par`, `by`.
    static let byMarker = BylineWordFlags(rawValue: 1 << 9)
    /// `auteur`, `author`, `texte`, `signé`.
    static let authorLabel = BylineWordFlags(rawValue: 1 << 10)
    /// `écrit`, `written`, `rédigé` (before `par`/`by`).
    static let written = BylineWordFlags(rawValue: 1 << 11)
    /// Lowercase name particles: `de`, `du`, `van`, `ben`, `ould`…
    static let particle = BylineWordFlags(rawValue: 1 << 12)
    /// `et`, `and`, `avec`, `with`.
    static let joiner = BylineWordFlags(rawValue: 1 << 13)
    /// House bylines: `rédaction`, `staff`, `agences`, `AFP`, `MAP`…
    static let house = BylineWordFlags(rawValue: 1 << 14)
    /// Job titles after a byline: `staff writer`, `envoyé spécial`, `correspondant`…
    static let role = BylineWordFlags(rawValue: 1 << 15)
    /// Header widgets: `connecter`, `s'abonner`, `subscribe`, `login`, `newsletter`, `météo`…
    static let widgetCore = BylineWordFlags(rawValue: 1 << 16)
    /// Small words of widgets: `se`, `in`, `mon`, `my`…
    static let widgetHelper = BylineWordFlags(rawValue: 1 << 17)
    /// `er`, `st`, `nd`, `rd`, `th`, `e`, `eme` after a day number.
    static let ordinal = BylineWordFlags(rawValue: 1 << 18)
    /// Time zones (`GMT`, `UTC`, `BST`, `CET`…); the offset is in ``BylineWord/zoneMinutes``.
    static let zone = BylineWordFlags(rawValue: 1 << 19)
    /// Prepositions allowed inside a role (`envoyé spécial à Dakar`, `correspondent in Nairobi`).
    static let preposition = BylineWordFlags(rawValue: 1 << 20)
    /// Leading articles dropped when comparing outlet names (`le`, `la`, `the`).
    static let article = BylineWordFlags(rawValue: 1 << 21)
    /// `first`, `première` (`First published`, `Première publication`).
    static let first = BylineWordFlags(rawValue: 1 << 22)
    /// Site navigation and sharing words (`Accueil`, `Contact`, `Mentions`, `Share`): never part of a person's or
    /// an outlet's name in a `Name | Outlet` line.
    static let navigation = BylineWordFlags(rawValue: 1 << 23)
    /// Section and heading words (`News`, `Actualités`, `Live`, `Photo`, `Opinion`), and words of sports clubs
    /// (`Real`, `United`, `City`): never part of a person's name.
    static let notName = BylineWordFlags(rawValue: 1 << 24)
    /// Words of sports clubs and competitions that no outlet name has (`FC`, `Olympique`, `Ligue`, `Cup`): a match
    /// line `Paris Saint-Germain – Olympique de Marseille` is not `Name — Outlet`.
    static let club = BylineWordFlags(rawValue: 1 << 25)

    /// Words that can start a date segment (checked before a name swallows them).
    static let dateStart: BylineWordFlags = [.month, .weekday, .published, .updated, .mis, .last, .first, .leOn]
    /// Capitalised words that never start or continue a blog category (`in Local News`).
    static let notCategory: BylineWordFlags = dateStart.union([.navigation, .widgetCore])
    /// Words that are never one of the words of a person's name in ``BylineParser/personNameEnd(_:_:)``, unless
    /// they are also name particles (`le`, `st`).
    static let notPersonName: BylineWordFlags = [
        .published, .updated, .mis, .last, .first, .leOn, .atWord, .inWord, .byMarker, .authorLabel, .written,
        .joiner, .house, .role, .widgetCore, .widgetHelper, .ordinal, .preposition, .navigation, .notName, .club,
    ]
}

/// The meaning of one folded word.
struct BylineWord: Sendable {
    var flags: BylineWordFlags = []
    /// 1…12 for month names.
    var month: UInt8 = 0
    /// UTC offset of a time-zone abbreviation, in minutes.
    var zoneMinutes: Int16 = 0

    /// ``zoneMinutes`` of a zone whose offset depends on the season (`ET`, `PT`).
    static let unknownOffset = Int16.min
    static let none = BylineWord()
}

/// A fixed open-addressed hash table from folded keys to lexemes, built once per process.
struct BylineLexicon: Sendable {
    private let keys: [UInt64]
    private let values: [BylineWord]
    private let mask: Int

    static let shared = BylineLexicon()

    @inline(__always)
    func lookup(_ key: UInt64) -> BylineWord {
        guard key != 0 else { return .none }
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> 52) & mask
        while true {
            let k = keys[slot]
            if k == key { return values[slot] }
            if k == 0 { return .none }
            slot = (slot &+ 1) & mask
        }
    }

    private init() {
        var entries: [(UInt64, BylineWord)] = []
        func add(_ words: String, _ flags: BylineWordFlags, month: UInt8 = 0, zone: Int16 = 0) {
            for word in words.split(separator: " ") {
                let key = BylineWordKey.of(String(word))
                if let index = entries.firstIndex(where: { $0.0 == key }) {
                    entries[index].1.flags.formUnion(flags)
                    if month != 0 { entries[index].1.month = month }
                    if flags.contains(.zone) { entries[index].1.zoneMinutes = zone }
                } else {
                    entries.append((key, BylineWord(flags: flags, month: month, zoneMinutes: zone)))
                }
            }
        }
        let months = [
            "janvier janv jan january", "fevrier fevr fev feb february", "mars mar march", "avril avr apr april",
            "mai may", "juin jun june", "juillet juil jul july", "aout aug august",
            "septembre sept sep september", "octobre oct october", "novembre nov november",
            "decembre dec december",
        ]
        for (index, names) in months.enumerated() { add(names, .month, month: UInt8(index + 1)) }
        add(
            "lundi mardi mercredi jeudi vendredi samedi dimanche lun mer jeu ven sam dim "
                + "monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun",
            .weekday)
        add("publie publiee publies published posted paru parue date publication cree creee created", .published)
        add("modifie modifiee actualise actualisee updated update modified edited revised maj", .updated)
        add("mis mise", .mis)
        add("last derniere dernier", .last)
        add("le on", .leOn)
        add("a at vers", .atWord)
        add("dans in", .inWord)
        add("par by", .byMarker)
        add("auteur auteure auteurs author authors texte signe", .authorLabel)
        add("ecrit ecrite written redige redigee", .written)
        add(
            "de du des d la le les l van von der den ter el al ben bin ibn ould bent da di dos das do del della "
                + "mc y st abou abu ait",
            .particle)
        add("et and avec with", .joiner)
        add(
            "redaction redac staff agences agence agencies wire wires newsroom desk web afp ap aps map reuters ansa "
                + "dpa efe ats belga apa xinhua tap aip",
            .house)
        add(
            "staff writer writers reporter correspondent correspondant correspondante envoye envoyee special "
                + "speciale editor editrice redacteur redactrice journaliste chroniqueur chroniqueuse columnist "
                + "contributor photographe photographer senior chief chef permanent permanente stagiaire",
            .role)
        add("a au aux en in at of pour for", .preposition)
        add(
            "connecter deconnecter connexion deconnexion abonner sabonner abonnez abonnezvous abonnement subscribe "
                + "subscription login logout log signin signup sign register inscrire sinscrire inscription compte "
                + "account rechercher recherche search menu newsletter newsletters meteo weather profil profile espace",
            .widgetCore)
        add("se s in out up mon my votre your vous", .widgetHelper)
        add("er st nd rd th e eme", .ordinal)
        add("le la les l the", .article)
        add("first premiere premier", .first)
        add(
            "accueil home contact contacts contactez contacter about apropos mentions legales legal privacy "
                + "confidentialite cookies terms conditions cgu cgv faq aide help partager share imprimer print "
                + "commentaires commentaire comments facebook twitter linkedin whatsapp instagram youtube tiktok rss "
                + "sitemap archives publicite advertising read lire suite listen ecouter follow suivre save",
            .navigation)
        add(
            "news actualites actualite actu breaking live direct video videos photo photos image images diaporama "
                + "galerie gallery exclusive exclusif analysis analyse opinion opinions tribune editorial edito "
                + "interview entretien infos info sport sports economie politique culture societe monde world "
                + "business international national region regions sante health credit credits real united city "
                + "sporting racing athletic olympic",
            .notName)
        add("fc cf ac sc rc afc olympique atletico stade club ligue league coupe cup champions", .club)
        add("gmt utc z", .zone, zone: 0)
        add("bst cet wat", .zone, zone: 60)
        add("cest eet cat sast", .zone, zone: 120)
        add("eat msk", .zone, zone: 180)
        add("est", .zone, zone: -300)
        add("edt", .zone, zone: -240)
        add("pst", .zone, zone: -480)
        add("pdt", .zone, zone: -420)
        // `ET`, `PT`, `CT`, `HNE`: the zone is named but summer time is not, so no offset is claimed.
        add("et pt ct hne hae", .zone, zone: BylineWord.unknownOffset)

        var capacity = 16
        while capacity < entries.count * 2 { capacity *= 2 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var values = [BylineWord](repeating: .none, count: capacity)
        let mask = capacity - 1
        for (key, value) in entries {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> 52) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            values[slot] = value
        }
        self.keys = keys
        self.values = values
        self.mask = mask
    }
}

/// Keys of single words the grammar tests by identity.
enum BylineKeys {
    static let posted = BylineWordKey.of("posted")
    static let jour = BylineWordKey.of("jour")
    static let en = BylineWordKey.of("en")
    static let ligne = BylineWordKey.of("ligne")
    static let de = BylineWordKey.of("de")
    static let of = BylineWordKey.of("of")
    static let h = BylineWordKey.of("h")
    static let t = BylineWordKey.of("t")
    static let z = BylineWordKey.of("z")
    static let am = BylineWordKey.of("am")
    static let pm = BylineWordKey.of("pm")
    static let a = BylineWordKey.of("a")
    static let p = BylineWordKey.of("p")
    static let m = BylineWordKey.of("m")
    static let c = BylineWordKey.of("c")
    static let f = BylineWordKey.of("f")
    static let gmt = BylineWordKey.of("gmt")
    static let utc = BylineWordKey.of("utc")
    static let copyright = BylineWordKey.of("copyright")
    static let www = BylineWordKey.of("www")
    static let tous = BylineWordKey.of("tous")
    static let all = BylineWordKey.of("all")
    static let droits = BylineWordKey.of("droits")
    static let rights = BylineWordKey.of("rights")
    static let some = BylineWordKey.of("some")
    static let legalForms: Set<UInt64> = Set(
        "ltd limited sa sarl sas sasu inc llc plc gmbh".split(separator: " ").map { BylineWordKey.of(String($0)) })
}

// MARK: - Tokens

/// One token of a short line.
struct BylineToken {
    enum Kind: UInt8 { case word, number, punct }

    var kind: Kind
    /// For punctuation: the ASCII byte, or one of the ``BylinePunct`` codes.
    var punct: UInt8 = 0
    /// Whether whitespace (or the line start) comes right before the token.
    var spaceBefore: Bool
    /// First letter uppercase.
    var capitalized = false
    /// At least two letters, all uppercase (`AFP`, `MOST`).
    var allCaps = false
    /// Number of digits (numbers) or letters (words).
    var length = 0
    /// The value of a number (its first 9 digits).
    var value = 0
    /// Byte offsets of the token in the line.
    var start: Int
    var end: Int
    /// Folded key of a word.
    var key: UInt64 = 0
    var lex: BylineWord = .none

    @inline(__always) var isWord: Bool { kind == .word }
    @inline(__always) var isNumber: Bool { kind == .number }
    @inline(__always) func isPunct(_ code: UInt8) -> Bool { kind == .punct && punct == code }
    @inline(__always) func has(_ flags: BylineWordFlags) -> Bool { kind == .word && !lex.flags.isDisjoint(with: flags) }
}

/// Punctuation codes for non-ASCII marks (ASCII punctuation is coded by its own byte).
enum BylinePunct {
    static let dash: UInt8 = 1
    static let bullet: UInt8 = 2
    static let degree: UInt8 = 3
    static let copyright: UInt8 = 4
    static let quote: UInt8 = 5
    static let symbol: UInt8 = 6
}

enum BylineTokenizer {
    /// Splits `p` into tokens written to `out`.
    /// - Returns: The number of tokens, or `nil` when there are more than `capacity` and `truncate` is false.
    /// - Complexity: O(n) in the byte count of `p`.
    static func tokenize(
        _ p: UnsafeBufferPointer<UInt8>, into out: UnsafeMutablePointer<BylineToken>, capacity: Int,
        lexicon: BylineLexicon, truncate: Bool
    ) -> Int? {
        let n = p.count
        var count = 0
        var i = 0
        var space = true
        while i < n {
            let b = p[i]
            var cls: BylineByteClass
            var length = 1
            if b < 0x80 {
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                    space = true
                    i &+= 1
                    continue
                }
                cls = BylineByteClass.isASCIILetter(b) ? .letter : .symbol
            } else {
                (cls, length) = BylineByteClass.classify(p, i)
                if cls == .space {
                    space = true
                    i &+= length
                    continue
                }
            }
            guard count < capacity else { return truncate ? count : nil }
            if BylineByteClass.isDigit(b) {
                var j = i
                var value = 0
                var digits = 0
                while j < n, BylineByteClass.isDigit(p[j]) {
                    if digits < 9 { value = value &* 10 &+ Int(p[j] &- 0x30) }
                    digits &+= 1
                    j &+= 1
                }
                (out + count).initialize(
                    to: BylineToken(kind: .number, spaceBefore: space, length: digits, value: value, start: i, end: j))
                count &+= 1
                i = j
            } else if cls == .letter {
                var key = BylineWordKey()
                var upper = 0, lower = 0
                var firstUpper = false
                var j = i
                var len = length
                while true {
                    let c = p[j]
                    let isUpper: Bool
                    if c < 0x80 {
                        isUpper = c < 0x61
                    } else if c == 0xC3 && len == 2 {
                        isUpper = p[j &+ 1] < 0x9F
                    } else if c == 0xC5 && len == 2 {
                        isUpper = p[j &+ 1] == 0x92
                    } else {
                        isUpper = false
                    }
                    if key.letters == 0 { firstUpper = isUpper }
                    if isUpper { upper &+= 1 } else { lower &+= 1 }
                    key.pushLetter(p, j, len)
                    j &+= len
                    guard j < n else { break }
                    // Next scalar: a letter continues the word; an apostrophe or hyphen between letters too.
                    let d = p[j]
                    if d < 0x80 {
                        if BylineByteClass.isASCIILetter(d) { len = 1; continue }
                        if (d == 0x27 || d == 0x2D) && j &+ 1 < n && BylineByteClass.startsLetter(p, j &+ 1) {
                            j &+= 1
                            len = BylineByteClass.scalarLength(p[j])
                            len = Swift.min(len, n - j)
                            continue
                        }
                        break
                    }
                    let (next, nextLength) = BylineByteClass.classify(p, j)
                    if next == .letter { len = nextLength; continue }
                    if (next == .apostrophe || next == .hyphen) && j &+ nextLength < n
                        && BylineByteClass.startsLetter(p, j &+ nextLength)
                    {
                        j &+= nextLength
                        len = Swift.min(BylineByteClass.scalarLength(p[j]), n - j)
                        continue
                    }
                    break
                }
                var token = BylineToken(kind: .word, spaceBefore: space, start: i, end: j)
                token.capitalized = firstUpper
                token.allCaps = upper >= 2 && lower == 0
                token.length = key.letters
                token.key = key.value
                token.lex = lexicon.lookup(key.value)
                (out + count).initialize(to: token)
                count &+= 1
                i = j
            } else {
                var code: UInt8
                switch cls {
                case .dash: code = BylinePunct.dash
                case .bullet: code = BylinePunct.bullet
                case .degree: code = BylinePunct.degree
                case .copyright: code = BylinePunct.copyright
                case .quote: code = BylinePunct.quote
                case .apostrophe: code = 0x27
                case .hyphen: code = 0x2D
                default: code = b < 0x80 ? b : BylinePunct.symbol
                }
                (out + count).initialize(
                    to: BylineToken(kind: .punct, punct: code, spaceBefore: space, start: i, end: i &+ length))
                count &+= 1
                i &+= length
            }
            space = false
        }
        return count
    }
}

// MARK: - Parsed line

/// How a date was introduced.
enum BylineDateRole: Sendable {
    /// `Publié le`, `Published`, `Posted on`, `date`, `Publié dans X le`.
    case published
    /// `Mis à jour le`, `Updated`, `Modifié le`.
    case updated
    /// A bare date, or one introduced by `Le`/`On` only.
    case plain
}

/// A date found in a line, with calendar fields already validated.
struct BylineDateHit: Sendable {
    var role: BylineDateRole
    /// Whether the date came after `Le`/`On` (a byline-style date).
    var introducedByLe: Bool
    var year: Int?
    var month: Int
    var day: Int
    var hour: Int?
    var minute: Int?
    var offsetMinutes: Int?
    /// Byte range of the whole segment (prefix words included) in the line.
    var start: Int
    var end: Int
}

/// A name found in a line (author or outlet).
struct BylineNameHit: Sendable {
    /// `par`: `Par X`, `By X`; `label`: `Auteur : X`; `bare`: a name without marker next to a date
    /// (`Karim Alaoui | Le 14/03/2024`, or a name alone on the line next to a date line); `house`: a house byline
    /// alone (`La Rédaction`); `nameOutlet`: `Amélie Durand | Le Courrier Picard`.
    enum Marker: Sendable { case par, label, bare, house, nameOutlet }
    var marker: Marker
    /// Byte range of the name.
    var start: Int
    var end: Int
    /// Byte range of the whole author segment (marker included).
    var segmentStart: Int
    var segmentEnd: Int
    /// Whether every word is a house-byline word (`La Rédaction`, `AFP`, `Staff Reporter`).
    var isHouse: Bool
    /// Where the name ends once a trailing `avec agences` / `with AFP` is cut (equals `end` when there is none).
    var personEnd: Int
}

/// Everything the grammar found in a metadata line.
struct BylineLineFacts: Sendable {
    var kind: MetadataLineKind
    var dates: [BylineDateHit]
    var author: BylineNameHit?
    /// `Publié dans X`: X's byte range, and the whole segment's.
    var outlet: (start: Int, end: Int)?
    var outletSegment: (start: Int, end: Int)?
    /// `Amélie Durand | Le Courrier Picard`: the outlet after the author's name (never set with ``outlet``).
    var bylineOutlet: (start: Int, end: Int)? = nil
}

// MARK: - Grammar

/// Parses one short line into byline, date, "published in", role and widget segments.
struct BylineParser {
    /// Lines longer than this are never metadata (bylines and header widgets are short).
    static let maximumLineBytes = 200
    /// Token buffer size: a 200-byte line cannot hold more metadata tokens than this.
    static let tokenCapacity = 112

    private let t: UnsafeMutablePointer<BylineToken>
    private let count: Int

    private init(tokens: UnsafeMutablePointer<BylineToken>, count: Int) {
        self.t = tokens
        self.count = count
    }

    /// Parses the bytes of one line.
    /// - Returns: What the line is, or `nil` when it is not wholly metadata.
    /// - Complexity: O(1) for lines over ``maximumLineBytes``; otherwise linear in practice (a name segment
    ///   re-checks for a date at a few keyword positions, each check bounded by the 112-token buffer).
    static func parse(_ p: UnsafeBufferPointer<UInt8>) -> BylineLineFacts? {
        guard !p.isEmpty, p.count <= maximumLineBytes else { return nil }
        let lexicon = BylineLexicon.shared
        if !quickAccept(p, lexicon: lexicon) { return nil }
        return BylineTokenizer.withTokens(p, capacity: tokenCapacity, truncate: false) { base, count -> BylineLineFacts? in
            let parser = BylineParser(tokens: base, count: count)
            return parser.parseLine() ?? parser.parseNameOutlet()
        }
    }

    /// The byte range of the person's name that is the whole of `p` (`Clémence Aubert-Lavigne`,
    /// `Hamid ben Youssef`, `Oliver J. Hartley`), or `nil`. See ``personNameEnd(_:_:)`` for what a name is.
    static func personName(_ p: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int)? {
        guard !p.isEmpty, p.count <= 80 else { return nil }
        return BylineTokenizer.withTokens(p, capacity: 16, truncate: false) { base, count -> (Int, Int)? in
            let parser = BylineParser(tokens: base, count: count)
            guard parser.personNameEnd(0, count) == count else { return nil }
            return (base[0].start, base[count - 1].end)
        }
    }

    /// The cheap first look: a line with no digit can only be a byline (`Par …`, `By …`, `Auteur : …`, a house
    /// name, `Amélie Durand | Le Courrier Picard`) or a widget line (`Se connecter | S'abonner`), so its first word
    /// must be one of a few keywords, or it must start with a capital and hold a bar or a dash.
    private static func quickAccept(_ p: UnsafeBufferPointer<UInt8>, lexicon: BylineLexicon) -> Bool {
        var firstLetter = -1
        var barOrDash = false
        for i in 0..<p.count {
            let b = p[i]
            if BylineByteClass.isDigit(b) { return true }
            if firstLetter < 0 && (BylineByteClass.isASCIILetter(b) || b >= 0xC3 && b <= 0xC5) { firstLetter = i }
            if b == 0x7C {
                barOrDash = true
            } else if b == 0x80, i > 0, p[i - 1] == 0xE2, i + 1 < p.count, p[i + 1] == 0x93 || p[i + 1] == 0x94 {
                barOrDash = true  // `–`, `—`
            }
        }
        guard firstLetter >= 0 else { return false }
        if barOrDash, firstLetter == 0, p[0] &- 0x41 < 26 || (p[0] == 0xC3 && p.count > 1 && p[1] < 0x9F) {
            return true
        }
        var key = BylineWordKey()
        var i = firstLetter
        while i < p.count {
            let b = p[i]
            let length = Swift.min(BylineByteClass.scalarLength(b), p.count - i)
            if b < 0x80 {
                guard BylineByteClass.isASCIILetter(b) else { break }
            } else if BylineByteClass.classify(p, i).0 != .letter {
                break
            }
            key.pushLetter(p, i, length)
            i += length
        }
        let flags = lexicon.lookup(key.value).flags
        return !flags.isDisjoint(with: [
            .byMarker, .authorLabel, .written, .published, .house, .widgetCore, .widgetHelper, .article,
        ])
    }

    // MARK: Whole line

    private enum Segment { case none, date, author, bare, role, widget, publishedIn, category }

    private func parseLine() -> BylineLineFacts? {
        var dates: [BylineDateHit] = []
        var author: BylineNameHit?
        var firstBare: BylineNameHit?
        var outlet: (start: Int, end: Int)?
        var outletSegment: (start: Int, end: Int)?
        var authorMarkers = 0, bareNames = 0, widgets = 0, segments = 0
        var placeDateline = false
        var previous = Segment.none
        var separatorWasComma = false
        var needSeparator = false
        var authorWasPublished = false
        var k = 0
        while k < count {
            if isSeparator(k) {
                separatorWasComma = t[k].isPunct(0x2C)
                needSeparator = false
                k += 1
                continue
            }
            if needSeparator {
                // Segments may follow each other without a separator only in `Par X le 14/03/2024`,
                // `Publié le 14/03/2024 par X` and `Posted on March 14, 2024 by Jane Doe`.
                if let (end, hit) = parseDateSegment(k) {
                    var hit = hit
                    // `Publié par X le 14/03/2024`, `Posted by Jane Doe on March 14, 2024`: a publication date.
                    if previous == .author && authorWasPublished && hit.role == .plain { hit.role = .published }
                    dates.append(hit)
                    previous = .date
                    k = end
                    segments += 1
                    continue
                }
                if previous == .date, let (end, hit, _) = parseAuthor(k) {
                    if author == nil { author = hit }
                    authorMarkers += 1
                    previous = .author
                    k = end
                    segments += 1
                    continue
                }
                // `Posted by Jane Doe on March 14, 2024 in Local News`, `Publié le … par X dans Économie`.
                if previous == .date || previous == .author, let end = parseCategory(k) {
                    previous = .category
                    k = end
                    segments += 1
                    continue
                }
                return nil
            }
            if let (end, hit) = parseDateSegment(k) {
                var hit = hit
                if previous == .bare && separatorWasComma { placeDateline = true }
                if previous == .author && authorWasPublished && hit.role == .plain { hit.role = .published }
                dates.append(hit)
                previous = .date
                k = end
            } else if let (end, name, hit) = parsePublishedIn(k) {
                outlet = name
                outletSegment = (t[k].start, t[end - 1].end)
                if let hit { dates.append(hit) }
                previous = .publishedIn
                k = end
            } else if let (end, hit, published) = parseAuthor(k) {
                if author == nil { author = hit }
                authorMarkers += 1
                authorWasPublished = published
                previous = .author
                k = end
            } else if let end = parseWidget(k) {
                widgets += 1
                previous = .widget
                k = end
            } else if previous == .author || previous == .bare || previous == .role, let end = parseRole(k) {
                previous = .role
                k = end
            } else if let end = parseName(k) {
                bareNames += 1
                if firstBare == nil {
                    let (isHouse, personEnd) = houseSplit(k, end)
                    firstBare = BylineNameHit(
                        marker: .bare, start: t[k].start, end: t[end - 1].end, segmentStart: t[k].start,
                        segmentEnd: t[end - 1].end, isHouse: isHouse, personEnd: personEnd)
                }
                previous = .bare
                k = end
            } else {
                return nil
            }
            segments += 1
            needSeparator = true
            separatorWasComma = false
        }

        let kind: MetadataLineKind
        if widgets > 0 {
            guard authorMarkers == 0, bareNames == 0, outlet == nil else { return nil }
            kind = .siteHeader
        } else if outlet != nil {
            kind = .publishedIn
        } else if authorMarkers > 0 {
            kind = .byline
        } else if bareNames > 0 {
            if !dates.isEmpty {
                guard bareNames <= 2 else { return nil }
                if placeDateline && bareNames == 1 {
                    kind = .dateLine  // `Rabat, le 14 mars 2024`: a place, not an author
                } else {
                    kind = .byline
                    author = firstBare
                }
            } else if bareNames == 1, segments == 1, let bare = firstBare, bare.isHouse {
                kind = .byline
                author = BylineNameHit(
                    marker: .house, start: bare.start, end: bare.end, segmentStart: bare.segmentStart,
                    segmentEnd: bare.segmentEnd, isHouse: true, personEnd: bare.end)
            } else {
                return nil
            }
        } else if !dates.isEmpty {
            kind = .dateLine
        } else {
            return nil
        }
        return BylineLineFacts(kind: kind, dates: dates, author: author, outlet: outlet, outletSegment: outletSegment)
    }

    @inline(__always)
    private func isSeparator(_ k: Int) -> Bool {
        let token = t[k]
        guard token.kind == .punct else { return false }
        switch token.punct {
        case 0x7C, BylinePunct.dash, BylinePunct.bullet, 0x2C, 0x3B, 0x2F: return true  // | — • , ; /
        case 0x2D: return token.spaceBefore  // a spaced hyphen: `Hatem - 3 mars 2021`
        default: return false
        }
    }

    // MARK: Dates

    /// `[Publié|Mis à jour|Updated|date…] [:] [le|on] <date> [time]`.
    private func parseDateSegment(_ i: Int) -> (Int, BylineDateHit)? {
        var k = i
        var role = BylineDateRole.plain
        var sawPrefix = false
        var steps = 0
        while k < count && steps < 6 {
            steps += 1
            let token = t[k]
            if token.isWord {
                let flags = token.lex.flags
                if flags.contains(.published) {
                    if role == .plain { role = .published }
                    sawPrefix = true
                    k += 1
                    continue
                }
                if flags.contains(.updated) {
                    role = .updated
                    sawPrefix = true
                    k += 1
                    continue
                }
                if flags.contains(.mis), k + 2 < count {
                    if t[k + 1].has(.atWord), t[k + 2].key == BylineKeys.jour {
                        role = .updated
                        sawPrefix = true
                        k += 3
                        continue
                    }
                    if t[k + 1].key == BylineKeys.en, t[k + 2].key == BylineKeys.ligne {
                        if role == .plain { role = .published }
                        sawPrefix = true
                        k += 3
                        continue
                    }
                }
                if flags.contains(.last), !sawPrefix, k + 1 < count, t[k + 1].has([.updated, .mis]) {
                    k += 1
                    continue
                }
                // `First published`, `Première publication`: the publication date, whatever follows.
                if flags.contains(.first), !sawPrefix, k + 1 < count, t[k + 1].has(.published) {
                    k += 1
                    continue
                }
                if sawPrefix, token.key == BylineKeys.de || token.key == BylineKeys.of {  // `Date de publication`
                    k += 1
                    continue
                }
                break
            }
            if sawPrefix && token.isPunct(0x3A) {
                k += 1
                continue
            }
            break
        }
        var introducedByLe = false
        if k < count, t[k].has(.leOn) {
            introducedByLe = true
            k += 1
        }
        guard let core = parseDateCore(k, allowYearless: sawPrefix) else { return nil }
        var hit = BylineDateHit(
            role: role, introducedByLe: introducedByLe, year: core.year, month: core.month, day: core.day,
            hour: nil, minute: nil, offsetMinutes: nil, start: t[i].start, end: t[core.end - 1].end)
        var end = core.end
        if let time = parseTime(end, afterISO: core.iso) {
            hit.hour = time.hour
            hit.minute = time.minute
            hit.offsetMinutes = time.offset
            end = time.end
            hit.end = t[end - 1].end
        }
        return (end, hit)
    }

    private struct DateCore {
        var year: Int?
        var month: Int
        var day: Int
        var end: Int
        var iso: Bool
    }

    /// `[weekday[.][,]]` then `14/03/2024`, `14-03-24`, `12 - 02 - 2021`, `2024-03-14`, `14 mars 2024`,
    /// `1er mars 2024`, `March 14, 2024`, `March 14th 2024`.
    private func parseDateCore(_ i: Int, allowYearless: Bool) -> DateCore? {
        var k = i
        if k < count, t[k].has(.weekday) {
            k += 1
            if k < count, t[k].isPunct(0x2E), !t[k].spaceBefore { k += 1 }
            if k < count, t[k].isPunct(0x2C) { k += 1 }
        }
        guard k < count else { return nil }
        let first = t[k]
        if first.isNumber {
            // Numeric forms: n sep n sep n with one separator kind.
            if k + 4 < count, t[k + 1].kind == .punct, t[k + 2].isNumber, t[k + 4].isNumber {
                let sep = t[k + 1].punct
                guard sep == 0x2F || sep == 0x2D || sep == 0x2E, t[k + 3].isPunct(sep) else { return nil }
                let a = first, b = t[k + 2], c = t[k + 4]
                guard b.length <= 2 else { return nil }
                if a.length == 4 && c.length <= 2 {
                    guard let date = validate(year: a.value, month: b.value, day: c.value) else { return nil }
                    return DateCore(year: date.0, month: date.1, day: date.2, end: k + 5, iso: sep == 0x2D)
                }
                guard a.length <= 2, c.length == 4 || c.length == 2 else { return nil }
                let year = c.length == 2 ? 2000 + c.value : c.value
                // Day first; month first only when nothing else can be meant (`03/14/2024`).
                let date =
                    validate(year: year, month: b.value, day: a.value)
                    ?? (b.value > 12 ? validate(year: year, month: a.value, day: b.value) : nil)
                guard let date else { return nil }
                return DateCore(year: date.0, month: date.1, day: date.2, end: k + 5, iso: false)
            }
            // Day, month name, year.
            guard first.length <= 2 else { return nil }
            var j = k + 1
            if j < count, t[j].has(.ordinal), !t[j].spaceBefore { j += 1 }
            guard j < count, t[j].has(.month) else { return nil }
            let month = Int(t[j].lex.month)
            j += 1
            if j < count, t[j].isPunct(0x2E), !t[j].spaceBefore { j += 1 }
            if j + 1 < count, t[j].isPunct(0x2C), t[j + 1].isNumber, t[j + 1].length == 4 { j += 1 }
            if j < count, t[j].isNumber, t[j].length == 4 {
                guard let date = validate(year: t[j].value, month: month, day: first.value) else { return nil }
                return DateCore(year: date.0, month: date.1, day: date.2, end: j + 1, iso: false)
            }
            guard allowYearless, first.value >= 1, first.value <= PublicationDate.daysIn(month: month, year: 2024)
            else { return nil }
            return DateCore(year: nil, month: month, day: first.value, end: j, iso: false)
        }
        if first.has(.month) {
            // Month name, day, year (English order).
            let month = Int(first.lex.month)
            var j = k + 1
            if j < count, t[j].isPunct(0x2E), !t[j].spaceBefore { j += 1 }
            guard j < count, t[j].isNumber, t[j].length <= 2 else { return nil }
            let day = t[j].value
            j += 1
            if j < count, t[j].has(.ordinal), !t[j].spaceBefore { j += 1 }
            if j + 1 < count, t[j].isPunct(0x2C), t[j + 1].isNumber { j += 1 }
            if j < count, t[j].isNumber, t[j].length == 4 {
                guard let date = validate(year: t[j].value, month: month, day: day) else { return nil }
                return DateCore(year: date.0, month: date.1, day: date.2, end: j + 1, iso: false)
            }
            guard allowYearless, day >= 1, day <= PublicationDate.daysIn(month: month, year: 2024) else {
                return nil
            }
            return DateCore(year: nil, month: month, day: day, end: j, iso: false)
        }
        return nil
    }

    private func validate(year: Int, month: Int, day: Int) -> (Int, Int, Int)? {
        guard (1900...2100).contains(year), (1...12).contains(month), day >= 1,
            day <= PublicationDate.daysIn(month: month, year: year)
        else { return nil }
        return (year, month, day)
    }

    private struct TimeOfDay {
        var hour: Int
        var minute: Int
        var offset: Int?
        var end: Int
    }

    /// `[à|at|,|-|—|T] 18h32 | 18 h 32 | 18h | 18:32[:05] | 18.32 | 6:32 pm | 6 pm` then an optional zone.
    private func parseTime(_ i: Int, afterISO: Bool) -> TimeOfDay? {
        var k = i
        guard k < count else { return nil }
        if afterISO && t[k].isWord && t[k].key == BylineKeys.t && !t[k].spaceBefore {
            k += 1
        } else {
            let token = t[k]
            if token.kind == .punct {
                switch token.punct {
                case 0x2C, 0x2D, BylinePunct.dash, 0x7C, BylinePunct.bullet: k += 1
                default: break
                }
            }
            if k < count, t[k].has(.atWord) { k += 1 }
        }
        guard k < count, t[k].isNumber, t[k].length <= 2 else { return nil }
        var hour = t[k].value
        var minute = 0
        k += 1
        var needsMeridiem = false
        if k < count, t[k].isWord, t[k].key == BylineKeys.h {
            k += 1
            if k < count, t[k].isNumber, t[k].length == 2, t[k].value < 60 {
                minute = t[k].value
                k += 1
            }
        } else if k + 1 < count, t[k].isPunct(0x3A), t[k + 1].isNumber, t[k + 1].length == 2 {
            minute = t[k + 1].value
            k += 2
            if k + 1 < count, t[k].isPunct(0x3A), !t[k].spaceBefore, t[k + 1].isNumber, t[k + 1].length == 2 {
                k += 2  // seconds
                if k + 1 < count, t[k].isPunct(0x2E) || t[k].isPunct(0x2C), !t[k].spaceBefore,
                    t[k + 1].isNumber, !t[k + 1].spaceBefore
                {
                    k += 2  // fractions
                }
            }
        } else if k + 1 < count, t[k].isPunct(0x2E), !t[k].spaceBefore, t[k + 1].isNumber, t[k + 1].length == 2,
            !t[k + 1].spaceBefore
        {
            minute = t[k + 1].value  // `08.30`, `9.05 pm`: a dotted time (British and French sites)
            k += 2
        } else {
            needsMeridiem = true  // `6 pm`
        }
        // am / pm / a.m. / p.m.
        var meridiem: UInt64 = 0
        if k < count, t[k].isWord {
            let key = t[k].key
            if key == BylineKeys.am || key == BylineKeys.pm {
                meridiem = key
                k += 1
            } else if (key == BylineKeys.a || key == BylineKeys.p), k + 2 < count, t[k + 1].isPunct(0x2E),
                t[k + 2].key == BylineKeys.m, !t[k + 1].spaceBefore, !t[k + 2].spaceBefore
            {
                meridiem = key == BylineKeys.a ? BylineKeys.am : BylineKeys.pm
                k += 3
                if k < count, t[k].isPunct(0x2E), !t[k].spaceBefore { k += 1 }
            }
        }
        if meridiem != 0 {
            guard (1...12).contains(hour) else { return nil }
            if meridiem == BylineKeys.pm && hour != 12 { hour += 12 }
            if meridiem == BylineKeys.am && hour == 12 { hour = 0 }
        } else if needsMeridiem {
            return nil
        }
        guard hour < 24, minute < 60 else { return nil }
        var time = TimeOfDay(hour: hour, minute: minute, offset: nil, end: k)
        if let (offset, end) = parseZone(k) {
            time.offset = offset
            time.end = end
        }
        return time
    }

    /// `Z`, `GMT`, `UTC+1`, `GMT+01:00`, `(GMT+1)`, `BST`, `+01:00`, `-0500`; `ET`/`PT` are read but give no
    /// offset (`nil`).
    private func parseZone(_ i: Int) -> (Int?, Int)? {
        var k = i
        guard k < count else { return nil }
        var parenthesised = false
        if t[k].isPunct(0x28), k + 1 < count, t[k + 1].has(.zone) {
            parenthesised = true
            k += 1
        }
        var offset: Int? = 0
        var sawZone = false
        if t[k].has(.zone) {
            // A lone `Z` only right after the time (`09:15:00Z`); `EST`, `ET` only in upper case (French `est`,
            // `et`).
            if t[k].key == BylineKeys.z && t[k].spaceBefore { return nil }
            let zone = t[k].lex.zoneMinutes
            if (zone == -300 || zone == BylineWord.unknownOffset) && !t[k].allCaps { return nil }
            offset = zone == BylineWord.unknownOffset ? nil : Int(zone)
            sawZone = true
            k += 1
        }
        let allowsSign = !sawZone || t[k - 1].key == BylineKeys.gmt || t[k - 1].key == BylineKeys.utc
        if allowsSign, k + 1 < count, t[k].isPunct(0x2B) || t[k].isPunct(0x2D), !t[k].spaceBefore || sawZone,
            t[k + 1].isNumber, !t[k + 1].spaceBefore
        {
            let sign = t[k].isPunct(0x2D) ? -1 : 1
            let number = t[k + 1]
            var hours = 0, minutes = 0
            var next = k + 2
            if number.length == 4 {
                hours = number.value / 100
                minutes = number.value % 100
            } else if number.length <= 2 {
                hours = number.value
                if next + 1 < count, t[next].isPunct(0x3A), t[next + 1].isNumber, t[next + 1].length == 2 {
                    minutes = t[next + 1].value
                    next += 2
                }
            } else {
                return sawZone ? finishZone(offset, k, parenthesised) : nil
            }
            guard hours <= 14, minutes < 60 else { return sawZone ? finishZone(offset, k, parenthesised) : nil }
            offset = sign * (hours * 60 + minutes)
            return finishZone(offset, next, parenthesised)
        }
        return sawZone ? finishZone(offset, k, parenthesised) : nil
    }

    private func finishZone(_ offset: Int?, _ k: Int, _ parenthesised: Bool) -> (Int?, Int)? {
        guard parenthesised else { return (offset, k) }
        guard k < count, t[k].isPunct(0x29) else { return nil }
        return (offset, k + 1)
    }

    // MARK: Names

    /// `Publié dans X [le <date>]`, `Published in X [on <date>]`. Not `Posted in X`, a blog's category.
    private func parsePublishedIn(_ i: Int) -> (Int, (start: Int, end: Int), BylineDateHit?)? {
        guard i + 2 < count, t[i].has(.published), t[i].key != BylineKeys.posted, t[i + 1].has(.inWord) else {
            return nil
        }
        var k = i + 2
        let nameStart = k
        var lastNameToken = -1
        var sawCapital = false
        var words = 0
        while k < count {
            let token = t[k]
            if isSeparator(k) { break }
            if token.isWord {
                if words > 0, token.has(.leOn), parseDateCore(k + 1, allowYearless: true) != nil { break }
                if token.capitalized || token.allCaps { sawCapital = true }
                words += 1
            } else if token.isNumber {
                if words > 0, parseDateCore(k, allowYearless: true) != nil { break }
            } else if !(token.isPunct(0x2E) || token.isPunct(0x26) || token.isPunct(0x27) || token.isPunct(0x2D)) {
                return nil
            }
            if token.kind != .punct { lastNameToken = k }
            k += 1
            guard words <= 8 else { return nil }
        }
        guard lastNameToken >= nameStart, sawCapital else { return nil }
        let name = (start: t[nameStart].start, end: t[lastNameToken].end)
        k = lastNameToken + 1
        var hit: BylineDateHit?
        if k < count, !isSeparator(k) {
            guard let (end, date) = parseDateSegment(k) else { return nil }
            hit = date
            hit?.role = .published
            hit?.start = t[i].start
            k = end
        }
        return (k, name, hit)
    }

    /// The category of a blog byline, after its date or author: `in Local News`, `in Politics, World Affairs`,
    /// `dans Économie`. Every item starts with a capital; the list runs to the end of the line or to a separator
    /// other than a comma, so `in a hurry` or `in Paris last week` are never categories.
    private func parseCategory(_ i: Int) -> Int? {
        guard i + 1 < count, t[i].has(.inWord) else { return nil }
        var k = i + 1
        var words = 0
        var itemStart = true
        var lastWasName = false
        while k < count {
            let token = t[k]
            if token.isWord {
                if token.capitalized || token.allCaps {
                    guard !token.has(BylineWordFlags.notCategory) else { return nil }
                    lastWasName = true
                } else if !itemStart, token.has([.particle, .article, .joiner, .preposition]) {
                    lastWasName = false
                } else {
                    return nil
                }
                itemStart = false
                words += 1
                guard words <= 8 else { return nil }
            } else if token.isPunct(0x2C) || token.isPunct(0x26) {
                guard lastWasName else { return nil }
                itemStart = true
                lastWasName = false
            } else if isSeparator(k) {
                break
            } else {
                return nil
            }
            k += 1
        }
        return lastWasName ? k : nil
    }

    /// `Amélie Durand | Le Courrier Picard`, `Samuel Okoro — The Lagos Herald`: a person's name, one bar or dash,
    /// and an outlet name, nothing else. The whole line is a byline; whether its name is the page's author depends
    /// on where the line is, which ``PageMetadataExtractor`` decides.
    private func parseNameOutlet() -> BylineLineFacts? {
        var separator = -1
        for k in 0..<count where t[k].kind == .punct {
            let punct = t[k].punct
            if punct == 0x7C || punct == BylinePunct.dash {
                guard separator < 0 else { return nil }
                separator = k
            }
        }
        guard separator >= 2, separator + 1 < count, personNameEnd(0, separator) == separator,
            outletNameEnd(separator + 1) == count
        else { return nil }
        let name = BylineNameHit(
            marker: .nameOutlet, start: t[0].start, end: t[separator - 1].end, segmentStart: t[0].start,
            segmentEnd: t[separator - 1].end, isHouse: false, personEnd: t[separator - 1].end)
        // `Karim Alaoui | AFP`, `Jane Doe — Staff Writer`: an agency or a role, not the page's outlet.
        var onlyHouseOrRole = true
        for k in (separator + 1)..<count where t[k].isWord && !t[k].has([.house, .role, .particle, .article]) {
            onlyHouseOrRole = false
        }
        return BylineLineFacts(
            kind: .byline, dates: [], author: name, outlet: nil, outletSegment: nil,
            bylineOutlet: onlyHouseOrRole ? nil : (t[separator + 1].start, t[count - 1].end))
    }

    /// Where the person's name that starts at token `i` ends, reading at most up to `limit`: 2–4 capitalised words
    /// (`Léa`, `Aubert-Lavigne`, `O'Reilly`, `DUVAL`, an initial `J.`), with lowercase particles in between
    /// (`van der`, `ben`, `el`) and at least two words of two letters or more, one of them not in capitals.
    /// Month names are fine (`June Carter`); a leading article (`Le Quotidien`) is not, nor byline, date, house,
    /// role, widget, navigation, section or sports-club words (`Staff Writer`, `Breaking News`, `Photo Karim
    /// Alaoui`, `Real Madrid`), digits or punctuation other than an initial's period.
    /// - Returns: `limit` when the tokens `i..<limit` are exactly a name, or `nil`.
    private func personNameEnd(_ i: Int, _ limit: Int) -> Int? {
        var k = i
        var capitalised = 0, longWords = 0, mixedCase = 0, particles = 0
        var end = -1
        while k < limit {
            let token = t[k]
            guard token.isWord else { break }
            let isInitial = token.length == 1 && token.capitalized && k + 1 < limit && t[k + 1].isPunct(0x2E)
                && !t[k + 1].spaceBefore
            if isInitial {
                guard capitalised > 0 else { return nil }  // `J. Smith` is too thin for a bare line
                capitalised += 1
                k += 2
                continue
            }
            if token.capitalized {
                if token.has(.particle) && !token.has(.article) {
                    // `El Mehdi`, `Ben`, `Van`: a capitalised particle counts as a name word.
                } else {
                    guard !token.has(BylineWordFlags.notPersonName), !(k == i && token.has(.article)) else {
                        return nil
                    }
                }
                capitalised += 1
                if token.length >= 2 { longWords += 1 }
                if !token.allCaps { mixedCase += 1 }
                end = k + 1
            } else if capitalised > 0, token.has(.particle), particles < 2 {
                particles += 1
            } else {
                return nil
            }
            k += 1
            guard capitalised <= 4 else { return nil }
        }
        guard end > i, capitalised >= 2, longWords >= 2, mixedCase >= 1, t[end - 1].length >= 2 else { return nil }
        // Nothing but the name: a trailing particle (`Jean de`) or an initial at the end is not a name.
        return end == k ? end : nil
    }

    /// Where the outlet name that starts at token `i` ends: 1–6 words, the first capitalised, then capitalised
    /// words, small words (`de`, `of`, `the`, `&`), numbers (`France 24`, `Le360`) or a glued domain suffix
    /// (`Hespress.com`); no lowercase tagline, no navigation or widget word.
    private func outletNameEnd(_ i: Int) -> Int? {
        guard i < count, t[i].isWord, t[i].capitalized || t[i].allCaps else { return nil }
        var k = i
        var words = 0
        var end = -1
        while k < count {
            let token = t[k]
            if token.isWord {
                let glued = k > i && t[k - 1].isPunct(0x2E) && !token.spaceBefore
                if token.has([.navigation, .widgetCore, .club, .published, .updated, .byMarker, .authorLabel]) {
                    return nil
                }
                if token.capitalized || token.allCaps || glued {
                    end = k + 1
                } else if !token.has([.particle, .article, .joiner, .preposition]) {
                    return nil
                }
                words += 1
                guard words <= 6 else { return nil }
            } else if token.isNumber {
                guard k > i, token.length <= 4 else { return nil }
                end = k + 1
            } else if token.isPunct(0x2E) {
                guard !token.spaceBefore, k + 1 < count, t[k + 1].isWord, !t[k + 1].spaceBefore else { return nil }
            } else if !token.isPunct(0x26) {
                return nil
            }
            k += 1
        }
        return end == k ? end : nil
    }

    /// `Par X`, `By X`, `Auteur : X`, `Écrit par X`, `Publié par X`, `Posted by X`.
    /// - Returns: The end, the name, and whether the marker was `Publié par`/`Posted by`.
    private func parseAuthor(_ i: Int) -> (Int, BylineNameHit, Bool)? {
        var k = i
        guard k < count, t[k].isWord else { return nil }
        var published = false
        if t[k].has([.published, .written]), k + 1 < count, t[k + 1].has(.byMarker) {
            published = t[k].has(.published)
            k += 1
        }
        let marker: BylineNameHit.Marker
        if t[k].has(.byMarker) {
            marker = .par
        } else if t[k].has(.authorLabel) {
            marker = .label
            guard k + 1 < count, t[k + 1].isPunct(0x3A) || t[k + 1].isWord else { return nil }
        } else {
            return nil
        }
        k += 1
        if k < count, t[k].isPunct(0x3A) { k += 1 }
        guard let end = parseName(k) else { return nil }
        let (isHouse, personEnd) = houseSplit(k, end)
        return (
            end,
            BylineNameHit(
                marker: marker, start: t[k].start, end: t[end - 1].end, segmentStart: t[i].start,
                segmentEnd: t[end - 1].end, isHouse: isHouse, personEnd: personEnd),
            published
        )
    }

    /// Up to 8 words, each capitalised, all caps, or (after the first) a particle, joiner or house word;
    /// initials and short titles keep their period (`Priya R. Natarajan`, `Dr. Slim`). Stops before a date or a
    /// blog category (`in Politics`).
    /// - Returns: The index after the last name word, or `nil` when a lowercase word shows a sentence.
    private func parseName(_ i: Int) -> Int? {
        var k = i
        var words = 0
        var end = -1
        while k < count {
            let token = t[k]
            if token.isWord {
                if words > 0, token.has(BylineWordFlags.dateStart), parseDateSegment(k) != nil { break }
                if words > 0, token.has(.inWord), parseCategory(k) != nil { break }  // `by Jane Doe in Politics`
                if token.capitalized || token.allCaps {
                    guard words > 0 || !token.has([.widgetCore]) else { return nil }
                    end = k + 1
                } else if words > 0, token.has([.particle, .joiner, .house]) {
                    if token.has(.house) { end = k + 1 }
                } else {
                    return nil
                }
                words += 1
                k += 1
                if k < count, t[k].isPunct(0x2E), !t[k].spaceBefore, token.capitalized, token.length <= 3 {
                    k += 1
                    end = k
                }
            } else if token.isPunct(0x26), words > 0 {
                words += 1
                k += 1
            } else {
                break
            }
            guard words <= 8 else { return nil }
        }
        return end > i ? end : nil
    }

    /// A role after a byline: `Staff Writer`, `envoyé spécial à Dakar`, `correspondent in Nairobi`, `Rabat`.
    private func parseRole(_ i: Int) -> Int? {
        var k = i
        var words = 0
        var end = -1
        while k < count {
            let token = t[k]
            guard token.isWord else { break }
            if words > 0, token.has(BylineWordFlags.dateStart), parseDateSegment(k) != nil { break }
            if token.capitalized || token.has(.role) {
                end = k + 1
            } else if words > 0, token.has([.preposition, .particle]) {
                // allowed inside, never last
            } else {
                return nil
            }
            words += 1
            k += 1
            guard words <= 6 else { return nil }
        }
        return end > i ? end : nil
    }

    /// Whether the name between tokens `i..<end` is a house byline, and where a person's name ends before a
    /// trailing `avec agences` / `with AFP`.
    private func houseSplit(_ i: Int, _ end: Int) -> (Bool, Int) {
        var sawHouse = false
        var allHouse = true
        for k in i..<end where t[k].isWord {
            let flags = t[k].lex.flags
            if flags.contains(.house) {
                sawHouse = true
            } else if !flags.isDisjoint(with: [.particle, .joiner, .article, .role]) {
                continue
            } else {
                allHouse = false
            }
        }
        let isHouse = sawHouse && allHouse
        var personEnd = t[end - 1].end
        if !isHouse {
            // `Karim Alaoui avec agences`: cut at the joiner when only house words follow it.
            for k in (i + 1)..<end where t[k].isWord && t[k].has(.joiner) {
                var onlyHouse = k + 1 < end
                for j in (k + 1)..<end where t[j].isWord && !t[j].has([.house, .particle, .article]) {
                    onlyHouse = false
                }
                if onlyHouse {
                    personEnd = t[k - 1].end
                    break
                }
            }
        }
        return (isHouse, personEnd)
    }

    // MARK: Widgets

    /// `Se connecter`, `S'abonner`, `Log in`, `Newsletter`, `Mon compte`, or weather: `Rabat 27°C`, `27 °C`.
    private func parseWidget(_ i: Int) -> Int? {
        var k = i
        var core = false
        var words = 0
        while k < count, t[k].has([.widgetCore, .widgetHelper]), words < 4 {
            if t[k].has(.widgetCore) { core = true }
            k += 1
            words += 1
        }
        if core { return k }
        k = i
        words = 0
        while k < count, t[k].isWord, t[k].capitalized, words < 3 {
            k += 1
            words += 1
        }
        if k < count, t[k].isPunct(0x3A) { k += 1 }
        if k + 1 < count, t[k].isPunct(0x2D), t[k + 1].isNumber, !t[k + 1].spaceBefore { k += 1 }
        guard k + 1 < count, t[k].isNumber, t[k].length <= 2, t[k + 1].isPunct(BylinePunct.degree) else { return nil }
        k += 2
        if k < count, t[k].isWord, !t[k].spaceBefore, t[k].key == BylineKeys.c || t[k].key == BylineKeys.f { k += 1 }
        return k
    }
}

// MARK: - Outlet helpers

extension BylineTokenizer {
    /// Tokenizes `p` into a buffer on the stack and runs `body` on the tokens.
    /// - Returns: What `body` returns, or `nil` when the line gives no token (or more than `capacity`, unless
    ///   `truncate`).
    static func withTokens<Result>(
        _ p: UnsafeBufferPointer<UInt8>, capacity: Int, truncate: Bool,
        _ body: (UnsafeMutablePointer<BylineToken>, Int) -> Result?
    ) -> Result? {
        let lexicon = BylineLexicon.shared
        return withUnsafeTemporaryAllocation(of: BylineToken.self, capacity: capacity) { buffer -> Result? in
            guard let base = buffer.baseAddress,
                let count = tokenize(p, into: base, capacity: capacity, lexicon: lexicon, truncate: truncate),
                count > 0
            else { return nil }
            defer { base.deinitialize(count: count) }
            return body(base, count)
        }
    }
}

enum PageOutletParser {
    /// `© 2024 Le Quotidien. Tous droits réservés.`, `© Ouest Sports 2024 — …`, `Copyright (c) 2024 X`.
    /// - Returns: The byte range of the outlet name in the line, or `nil` (also when the name is a `www.` domain,
    ///   which ``domain(in:)`` handles).
    static func copyrightName(_ p: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int)? {
        // Only `©…`, `Copyright…` and `(c)…` lines can match: look at the first byte before tokenizing, since this
        // is tried on every removed line of the page.
        guard let first = p.first, first == 0xC2 || first == 0x43 || first == 0x63 || first == 0x28 else { return nil }
        return BylineTokenizer.withTokens(p, capacity: 48, truncate: true) { t, count -> (Int, Int)? in
            var k = 0
            if t[0].isPunct(BylinePunct.copyright) {
                k = 1
            } else if t[0].isWord && t[0].key == BylineKeys.copyright {
                k = 1
                if k < count, t[k].isPunct(BylinePunct.copyright) { k += 1 }
            } else if count >= 3, t[0].isPunct(0x28), t[1].key == BylineKeys.c, t[2].isPunct(0x29) {
                k = 3
            } else {
                return nil
            }
            if k + 2 < count, t[k].isPunct(0x28), t[k + 1].key == BylineKeys.c, t[k + 2].isPunct(0x29) { k += 3 }
            while k < count, t[k].isNumber || t[k].isPunct(0x2D) || t[k].isPunct(BylinePunct.dash) || t[k].isPunct(0x2C) {
                k += 1
            }
            guard k < count, t[k].isWord, t[k].capitalized || t[k].allCaps, t[k].key != BylineKeys.www else { return nil }
            let first = k
            var last = -1
            var words = 0
            while k < count {
                let token = t[k]
                if token.isWord {
                    if token.key == BylineKeys.tous || token.key == BylineKeys.all || token.key == BylineKeys.droits
                        || token.key == BylineKeys.rights || token.key == BylineKeys.some
                    {
                        break
                    }
                    if !(token.capitalized || token.allCaps || token.has([.particle, .joiner, .article])) { break }
                    if !token.has([.particle, .joiner]) { last = k }
                    words += 1
                } else if token.isPunct(0x2E) {
                    // `RevuePresse.ma` keeps its dot; `Ltd.` or a final period ends the name.
                    guard k + 1 < count, t[k + 1].isWord, !t[k + 1].spaceBefore, !token.spaceBefore else { break }
                    return nil  // a domain-like name: leave it to the domain rule
                } else if !token.isPunct(0x26) {
                    break
                }
                k += 1
                guard words <= 6 else { return nil }
            }
            guard last >= first else { return nil }
            // Drop a trailing legal form (`Example Courier Media Ltd`).
            while last > first, BylineKeys.legalForms.contains(t[last].key) { last -= 1 }
            return (t[first].start, t[last].end)
        }
    }

    /// `Le Quotidien — Toute l'actualité du Maroc et du monde`, `RevuePresse.ma — la revue de presse en continu`:
    /// a short capitalised name, one dash or bar, and a tagline of 2–16 words with at least one lowercase word.
    /// - Returns: The byte range of the name, or `nil` when the line is not shaped like a slogan.
    static func sloganName(_ p: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int)? {
        guard !p.isEmpty, p.count <= BylineParser.maximumLineBytes, BylineParser.parse(p) == nil else { return nil }
        return BylineTokenizer.withTokens(p, capacity: 64, truncate: false) { t, count -> (Int, Int)? in
            guard count > 2 else { return nil }
            var separator = -1
            for k in 0..<count {
                let token = t[k]
                let isSeparator =
                    token.isPunct(BylinePunct.dash) || token.isPunct(0x7C) || (token.isPunct(0x2D) && token.spaceBefore)
                guard isSeparator else { continue }
                guard separator < 0 else { return nil }
                separator = k
            }
            guard separator >= 1, separator < count - 1 else { return nil }
            var words = 0
            var last = -1
            for k in 0..<separator {
                let token = t[k]
                if token.isWord {
                    let gluedAfterDot = k > 0 && t[k - 1].isPunct(0x2E) && !token.spaceBefore
                    if words == 0 && !(token.capitalized || token.allCaps) { return nil }
                    if !(token.capitalized || token.allCaps || gluedAfterDot
                        || token.has([.particle, .article, .joiner]))
                    {
                        return nil
                    }
                    words += 1
                    last = k
                } else if token.isPunct(0x2E), !token.spaceBefore, k + 1 < separator, !t[k + 1].spaceBefore {
                    continue
                } else if !token.isPunct(0x26) {
                    return nil
                }
            }
            guard (1...5).contains(words), last >= 0 else { return nil }
            var taglineWords = 0
            var sawLowercase = false
            for k in (separator + 1)..<count {
                let token = t[k]
                if token.isNumber { return nil }
                guard token.isWord else { continue }
                taglineWords += 1
                if !token.capitalized && !token.allCaps && !token.has([.particle, .article, .joiner]) {
                    sawLowercase = true
                }
            }
            guard (2...16).contains(taglineWords), sawLowercase else { return nil }
            return (t[0].start, t[last].end)
        }
    }

    /// Whether a line looks like a masthead: 1–6 capitalised words (particles and `&` allowed), nothing else.
    static func isMastheadShaped(_ p: UnsafeBufferPointer<UInt8>) -> Bool {
        guard !p.isEmpty, p.count <= 80 else { return false }
        return BylineTokenizer.withTokens(p, capacity: 16, truncate: false) { t, count -> Bool? in
            var words = 0
            for k in 0..<count {
                let token = t[k]
                if token.isWord {
                    if words == 0 && !(token.capitalized || token.allCaps) { return false }
                    if !(token.capitalized || token.allCaps || token.has([.particle, .article, .joiner])) {
                        return false
                    }
                    words += 1
                } else if !token.isPunct(0x26) {
                    return false
                }
            }
            return (1...6).contains(words)
        } ?? false
    }

    /// The host of the first e-mail address in `p` (`redaction@lequotidien-exemple.ma` → `lequotidien-exemple.ma`).
    static func emailDomain(in p: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int, addressStart: Int)? {
        let n = p.count
        var i = 1
        while i + 4 < n {
            guard p[i] == 0x40 else {
                i += 1
                continue
            }
            var local = i
            while local > 0 {
                let b = p[local - 1]
                guard BylineByteClass.isASCIILetter(b) || BylineByteClass.isDigit(b) || b == 0x2E || b == 0x2D || b == 0x5F
                    || b == 0x2B
                else { break }
                local -= 1
            }
            let start = i + 1
            var j = start
            while j < n, BylineByteClass.isASCIILetter(p[j]) || BylineByteClass.isDigit(p[j]) || p[j] == 0x2D || p[j] == 0x2E {
                j += 1
            }
            while j > start, p[j - 1] == 0x2E || p[j - 1] == 0x2D { j -= 1 }
            var lastDot = -1
            for k in start..<j where p[k] == 0x2E { lastDot = k }
            if local < i, lastDot > start, j - lastDot - 1 >= 2, j - start <= 253 {
                var lettersOnly = true
                for k in (lastDot + 1)..<j where !BylineByteClass.isASCIILetter(p[k]) { lettersOnly = false }
                if lettersOnly { return (start, j, local) }
            }
            i = j + 1
        }
        return nil
    }

    /// The first `www.` host in `p`: its byte range without `www.`, after trimming trailing dots.
    static func domain(in p: UnsafeBufferPointer<UInt8>) -> (start: Int, end: Int, wwwStart: Int)? {
        let n = p.count
        guard n >= 8 else { return nil }
        var i = 0
        while i + 4 < n {
            if p[i] | 0x20 == 0x77, p[i + 1] | 0x20 == 0x77, p[i + 2] | 0x20 == 0x77, p[i + 3] == 0x2E,
                i == 0 || !(BylineByteClass.isASCIILetter(p[i - 1]) || BylineByteClass.isDigit(p[i - 1]) || p[i - 1] == 0x2E)
            {
                let start = i + 4
                var j = start
                while j < n {
                    let b = p[j]
                    guard BylineByteClass.isASCIILetter(b) || BylineByteClass.isDigit(b) || b == 0x2D || b == 0x2E else { break }
                    j += 1
                }
                while j > start, p[j - 1] == 0x2E || p[j - 1] == 0x2D { j -= 1 }
                // Needs a dot and a top-level label of at least two letters, and fits DNS (253 bytes at most,
                // which also keeps the masthead comparison of a hostile megabyte "host" cheap).
                var lastDot = -1
                for k in start..<j where p[k] == 0x2E { lastDot = k }
                if lastDot > start, j - lastDot - 1 >= 2, j - start <= 253 {
                    var lettersOnly = true
                    for k in (lastDot + 1)..<j where !BylineByteClass.isASCIILetter(p[k]) { lettersOnly = false }
                    if lettersOnly { return (start, j, i) }
                }
                i = j
                continue
            }
            i += 1
        }
        return nil
    }
}
