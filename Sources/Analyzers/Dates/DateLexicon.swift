import CorpusKit

/// A token's text folded for comparison: lower-case ASCII, accents removed, `’` as `'`, at most 16 bytes, held
/// in two integers so that folding and looking a word up allocate nothing.
struct FoldedWord: Hashable {
    /// The folded bytes, little-endian, first byte lowest.
    private(set) var low: UInt64 = 0
    private(set) var high: UInt64 = 0
    /// Number of folded bytes.
    private(set) var count: Int = 0

    /// The longest foldable word; longer tokens are never date words.
    static let capacity = 16

    init() {}

    /// Folds a lexicon entry written in folded form already.
    init(_ text: String) {
        for byte in text.utf8 where !append(byte) { break }
    }

    /// Appends one folded byte; `false` when the word is full.
    @discardableResult
    mutating func append(_ byte: UInt8) -> Bool {
        guard count < Self.capacity else { return false }
        if count < 8 {
            low |= UInt64(byte) << UInt64(8 * count)
        } else {
            high |= UInt64(byte) << UInt64(8 * (count - 8))
        }
        count += 1
        return true
    }

    /// The byte at `index` (0 past the end).
    func byte(_ index: Int) -> UInt8 {
        guard index >= 0, index < count else { return 0 }
        return index < 8 ? UInt8(truncatingIfNeeded: low >> UInt64(8 * index))
            : UInt8(truncatingIfNeeded: high >> UInt64(8 * (index - 8)))
    }

    /// The word without its first `prefix` bytes.
    func dropping(_ prefix: Int) -> FoldedWord {
        var word = FoldedWord()
        var k = prefix
        while k < count { word.append(byte(k)); k += 1 }
        return word
    }

    /// Folds bytes `start..<end` of UTF-8 text. A trailing period (abbreviation) is dropped and reported.
    /// - Returns: `nil` when the text is longer than ``capacity`` once folded or holds a scalar that has no
    ///   ASCII folding (such a token is never a date word).
    static func fold(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int)
        -> (word: FoldedWord, period: Bool)?
    {
        var word = FoldedWord()
        var k = max(start, 0)
        let end = min(end, bytes.count)
        var period = false
        if end - k > 3 * capacity { return nil }
        while k < end {
            let b = bytes[k]
            if b < 0x80 {
                if b == 0x2E, k == end - 1, word.count > 0 { period = true; break }
                if b == 0x60 {
                    // A backquote typed for an apostrophe.
                    guard word.append(0x27) else { return nil }
                    k += 1
                    continue
                }
                guard word.append(b >= 0x41 && b <= 0x5A ? b | 0x20 : b) else { return nil }
                k += 1
                continue
            }
            let folded: UInt8
            if b == 0xC3, k + 1 < end {
                folded = latin1Fold(bytes[k + 1])
                k += 2
            } else if b == 0xC5, k + 1 < end, bytes[k + 1] == 0x92 || bytes[k + 1] == 0x93 {
                guard word.append(0x6F) else { return nil }  // œ → oe
                folded = 0x65
                k += 2
            } else if b == 0xE2, k + 2 < end, bytes[k + 1] == 0x80, bytes[k + 2] == 0x98 || bytes[k + 2] == 0x99 {
                folded = 0x27  // ’ ‘ → '
                k += 3
            } else if b == 0xE2, k + 2 < end, bytes[k + 1] == 0x80, bytes[k + 2] == 0xB2 || bytes[k + 2] == 0xB5 {
                folded = 0x27  // ′ ‵ (primes) → '
                k += 3
            } else if (b == 0xCA && k + 1 < end && (bytes[k + 1] == 0xBC || bytes[k + 1] == 0xBB || bytes[k + 1] == 0xB9))
                || (b == 0xC2 && k + 1 < end && bytes[k + 1] == 0xB4) || (b == 0xD5 && k + 1 < end && bytes[k + 1] == 0x9A)
            {
                folded = 0x27  // ʼ ʻ ʹ (modifier letters), ´ (acute accent), ՚ (Armenian apostrophe) → '
                k += 2
            } else if k + 2 < end, (b == 0xEA && bytes[k + 1] == 0x9E && bytes[k + 2] == 0x8C)
                || (b == 0xEF && bytes[k + 1] == 0xBC && bytes[k + 2] == 0x87)
            {
                folded = 0x27  // ꞌ (saltillo), ＇ (fullwidth apostrophe) → '
                k += 3
            } else {
                return nil
            }
            guard folded != 0, word.append(folded) else { return nil }
        }
        return (word, period)
    }

    /// The ASCII letter of a Latin-1 accented letter given the second byte of its `C3 xx` UTF-8 form; 0 if none.
    private static func latin1Fold(_ b: UInt8) -> UInt8 {
        switch b {
        case 0x80...0x85, 0xA0...0xA5: return 0x61  // a
        case 0x87, 0xA7: return 0x63  // c
        case 0x88...0x8B, 0xA8...0xAB: return 0x65  // e
        case 0x8C...0x8F, 0xAC...0xAF: return 0x69  // i
        case 0x91, 0xB1: return 0x6E  // n
        case 0x92...0x96, 0xB2...0xB6: return 0x6F  // o
        case 0x99...0x9C, 0xB9...0xBC: return 0x75  // u
        case 0x9D, 0xBD, 0xBF: return 0x79  // y
        default: return 0
        }
    }
}

/// Function and keyword classes of date words. One per word; a word may also carry a month, weekday, number,
/// unit or season in ``LexEntry``.
enum DateKeyword: UInt8 {
    case none
    // Determiners and prepositions.
    case le, la, les, elidedL, ce, ces, en, du, au, de, elidedD, des, a, et, entre, depuis, jusqu, jusque, ici
    case pour, pendant, durant, dans, chaque, tous, partir, cours, vers, avant, apres, il, y, of, the, this
    case inEN, on, at, from, to, and, between, since, until, forEN, during, over, every, each, ago, recent, past
    // Direction.
    case last, next
    // Deictic days.
    case hier, avantHier, demain, apresDemain, aujourdhui, yesterday, today, tomorrow, tonight, veille, lendemain
    // Modifiers.
    case debut, fin, mi, milieu, early, late, mid
    // Times of day.
    case midi, minuit, noon, midnight, h, am, pm, matin, apresMidi, soir, nuit, journee
    // `tôt le matin`, `très tôt`; `trois jours plus tard`, `auparavant`, `later`, `earlier`.
    case tot, tres, plus, tard, auparavant, later, earlier
    /// `quotidiennement`, `annuellement`: once per unit (a set).
    case periodically
    /// First words of holiday names written in several words: `Action (de grâce)`, `thanks (giving)`.
    case holidayStart
    /// `quotidien`, `hebdomadaire`, `annuel`: a recurrence in conversation only (in news `le quotidien` is a
    /// newspaper and `le rapport annuel` a document).
    case periodicAdjective
    /// The second word of a compound written in two (`midi` of `après midi` in conversation): part of the word
    /// before it.
    case continuation
    // `il ya` (misspelt `il y a`); `environ`, `about` before a quantity; `aux alentours de`, `autour de`.
    case ya, environ, alentours, autour
    // Parts of holiday names: `nouvel an`, `fête du travail`, `mardi gras`, `vendredi saint`.
    case nouvel, fete, travail, gras, saint, reveillon
    // `à l'heure du déjeuner`.
    case dejeuner
    // `la première quinzaine de mai`.
    case quinzaine
    // Clock-time words: `et demie`, `et quart`, `moins le quart`, `il est`, `c'est`.
    case demi, quart, moins, est
    // Coarse units.
    case siecle, century, trimestre, semestre, quarter, annees, ci
    // Vague quantities.
    case few
    // Filters.
    case age, person, address, event, coupe, monde
    // The present: `maintenant`, `actuellement`, `now`, `currently`, and the parts of `en ce moment`,
    // `à l'heure actuelle`, `tout de suite`, `right now`.
    case maintenant, moment, actuelle, tout, suite, right
    // `week-end`, `weekend`.
    case weekend
}

/// What the lexicon knows about a word.
struct LexEntry {
    var keyword: DateKeyword = .none
    /// 1…12, 0 when not a month.
    var month: UInt8 = 0
    /// An abbreviation (`sept.`, `fév.`, `Mar`): a month only next to a day or a year.
    var monthAbbreviation = false
    /// ISO weekday 1…7, 0 when not a weekday.
    var weekday: UInt8 = 0
    /// A weekday abbreviation (`jeu.`, `Thu`): a weekday only before a full date.
    var weekdayAbbreviation = false
    /// A plural form (`lundis`, `années`, `weeks`).
    var plural = false
    /// The value of a number word (`trois`), -1 otherwise.
    var number: Int16 = -1
    /// The value of an ordinal word (`premier`, `third`), 0 otherwise.
    var ordinal: UInt8 = 0
    /// A unit of time, for durations and relative expressions.
    var unit: DateUnit? = nil
    /// 1 spring, 2 summer, 3 autumn, 4 winter, 0 otherwise.
    var season: UInt8 = 0
    /// A function word: a year followed by one is not followed by a noun.
    var function = false
    /// `mi-mars`: the month is prefixed by `mi-`.
    var mid = false
    /// A roman ordinal (`XIXe`), for centuries; 0 otherwise.
    var roman: UInt8 = 0
    /// `T1`, `Q3`: a quarter code; 0 otherwise.
    var quarterCode: UInt8 = 0
    /// A holiday's name (`noël`, `pâques`, `toussaint`); see ``Holiday``.
    var holiday: Holiday? = nil

    static let empty = LexEntry()

    /// Whether the word can take part in a temporal expression at all.
    var isDateWord: Bool {
        keyword != .none || month != 0 || weekday != 0 || number >= 0 || ordinal != 0 || unit != nil
            || season != 0 || roman != 0 || quarterCode != 0 || holiday != nil
    }
}

/// Units of time.
enum DateUnit: UInt8 {
    case second, minute, hour, day, week, month, year, decade, century

    /// The granularity a value in this unit has.
    var granularity: TemporalExpression.Granularity {
        switch self {
        case .second, .minute: .minute
        case .hour: .hour
        case .day: .day
        case .week: .week
        case .month: .month
        case .year: .year
        case .decade: .decade
        case .century: .century
        }
    }

    /// The TIMEX3 duration of `count` units (`P3D`, `PT2H`, `PXY` when the count is unknown).
    func duration(_ count: Int?) -> String {
        duration(amount: count.map(String.init) ?? "X")
    }

    /// The ISO 8601 duration of a written amount (`1.5` for `un an et demi`, `3.5` for `3,5 ans`).
    func duration(amount n: String) -> String {
        switch self {
        case .second: return "PT" + n + "S"
        case .minute: return "PT" + n + "M"
        case .hour: return "PT" + n + "H"
        case .day: return "P" + n + "D"
        case .week: return "P" + n + "W"
        case .month: return "P" + n + "M"
        case .year: return "P" + n + "Y"
        case .decade: return "P" + n + "DE"
        case .century: return "P" + n + "CE"
        }
    }
}

/// French and English month, weekday, number and keyword forms, folded.
enum DateLexicon {
    /// Looks a folded word up, recognising `mi-` months and roman ordinals (`XIXe`) too.
    static func entry(_ word: FoldedWord, period: Bool) -> LexEntry {
        if var entry = table.lookup(word) {
            // An abbreviation's period is part of it; a full word followed by a period ends a sentence.
            if period, entry.month == 0, entry.weekday == 0, entry.keyword == .none, entry.number < 0 {
                entry = .empty
            }
            return entry
        }
        // `mi-mars`, `mi-juin`.
        if word.count > 3, word.byte(0) == 0x6D, word.byte(1) == 0x69, word.byte(2) == 0x2D,
           var month = table.lookup(word.dropping(3)), month.month != 0, !month.monthAbbreviation
        {
            month.mid = true
            return month
        }
        if let roman = romanOrdinal(word) {
            var entry = LexEntry()
            entry.roman = roman
            return entry
        }
        return .empty
    }

    /// `xixe`, `xxieme`, `ier`: the value of a roman ordinal up to 39.
    private static func romanOrdinal(_ word: FoldedWord) -> UInt8? {
        var value = 0
        var k = 0
        var previous = 0
        while k < word.count {
            let v: Int
            switch word.byte(k) {
            case 0x69: v = 1
            case 0x76: v = 5
            case 0x78: v = 10
            default: v = 0
            }
            if v == 0 { break }
            value += v > previous && previous > 0 ? v - 2 * previous : v
            previous = v
            k += 1
        }
        guard k > 0, value > 0, value < 40 else { return nil }
        let suffix = word.dropping(k)
        if suffix == FoldedWord("e") || suffix == FoldedWord("eme") || (value == 1 && suffix == FoldedWord("er")) {
            return UInt8(value)
        }
        return nil
    }

    /// The lexicon as an open-addressing table, built once: a multiply-shift hash of the two words of a
    /// ``FoldedWord`` is several times cheaper than `Hasher`, and every word token of every article is looked up.
    static let table = LexiconTable(words)

    /// The lexicon entries.
    private static let words: [FoldedWord: LexEntry] = {
        var table: [FoldedWord: LexEntry] = [:]
        func add(_ words: [String], _ update: (inout LexEntry) -> Void) {
            // A word longer than a folded word holds is never looked up (`quatre-vingt-dix-neuf`): adding its
            // truncation would give `quatre-vingt-dix` its value.
            for word in words where word.utf8.count <= FoldedWord.capacity {
                var entry = table[FoldedWord(word)] ?? LexEntry()
                update(&entry)
                table[FoldedWord(word)] = entry
            }
        }
        let months: [[String]] = [
            ["janvier", "january"], ["fevrier", "february"], ["mars", "march"], ["avril", "april"], ["mai", "may"],
            ["juin", "june"], ["juillet", "july"], ["aout", "august"], ["septembre", "september"],
            ["octobre", "october"], ["novembre", "november"], ["decembre", "december"],
        ]
        let monthAbbreviations: [[String]] = [
            ["janv", "jan"], ["fevr", "fev", "feb"], ["mar"], ["avr", "apr"], [], ["jun"], ["juil", "jul"],
            ["aug"], ["sept", "sep"], ["oct"], ["nov"], ["dec"],
        ]
        for (index, names) in months.enumerated() {
            add(names) { $0.month = UInt8(index + 1) }
            add(monthAbbreviations[index]) { $0.month = UInt8(index + 1); $0.monthAbbreviation = true }
        }
        let weekdays: [[String]] = [
            ["lundi", "monday"], ["mardi", "tuesday"], ["mercredi", "wednesday"], ["jeudi", "thursday"],
            ["vendredi", "friday"], ["samedi", "saturday"], ["dimanche", "sunday"],
        ]
        let weekdayAbbreviations: [[String]] = [
            ["lun", "mon"], ["tue", "tues"], ["mer", "wed"], ["jeu", "thu", "thur", "thurs"], ["ven", "fri"],
            ["sam", "sat"], ["dim", "sun"],
        ]
        for (index, names) in weekdays.enumerated() {
            add(names) { $0.weekday = UInt8(index + 1) }
            add(names.map { $0 + "s" }) { $0.weekday = UInt8(index + 1); $0.plural = true }
            add(weekdayAbbreviations[index]) { $0.weekday = UInt8(index + 1); $0.weekdayAbbreviation = true }
        }
        // Number words, French then English.
        let units = ["zero", "un", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze",
                     "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
        for (value, word) in units.enumerated() { add([word]) { $0.number = Int16(value) } }
        add(["une"]) { $0.number = 1 }
        for (tens, word) in [(20, "vingt"), (30, "trente"), (40, "quarante"), (50, "cinquante"), (60, "soixante")] {
            add([word]) { $0.number = Int16(tens) }
            add([word + "-et-un"]) { $0.number = Int16(tens + 1) }
            for unit in 2...9 { add([word + "-" + units[unit]]) { $0.number = Int16(tens + unit) } }
        }
        // 70–99, the French way (`soixante-dix`, `quatre-vingt-douze`) and the Belgian and Swiss way (`septante`,
        // `huitante`, `octante`, `nonante`).
        let teens = ["dix", "onze", "douze", "treize", "quatorze", "quinze", "seize", "dix-sept", "dix-huit", "dix-neuf"]
        for (offset, word) in teens.enumerated() {
            add(["soixante-" + word]) { $0.number = Int16(70 + offset) }
            add(["quatre-vingt-" + word]) { $0.number = Int16(90 + offset) }
        }
        add(["soixante-et-onze"]) { $0.number = 71 }
        add(["quatre-vingt", "quatre-vingts"]) { $0.number = 80 }
        for unit in 1...9 { add(["quatre-vingt-" + units[unit]]) { $0.number = Int16(80 + unit) } }
        for (tens, words) in [(70, ["septante"]), (80, ["huitante", "octante"]), (90, ["nonante"])] {
            add(words) { $0.number = Int16(tens) }
            add(words.map { $0 + "-et-un" }) { $0.number = Int16(tens + 1) }
            for unit in 2...9 { add(words.map { $0 + "-" + units[unit] }) { $0.number = Int16(tens + unit) } }
        }
        add(["cent"]) { $0.number = 100 }
        let english = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
                       "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
                       "nineteen", "twenty"]
        for (value, word) in english.enumerated() { add([word]) { $0.number = Int16(value) } }
        add(["thirty"]) { $0.number = 30 }
        add(["forty"]) { $0.number = 40 }
        add(["fifty"]) { $0.number = 50 }
        add(["hundred"]) { $0.number = 100 }
        add(["premier", "premiere", "first"]) { $0.ordinal = 1 }
        add(["deuxieme", "second", "seconde"]) { $0.ordinal = 2 }
        add(["troisieme", "third"]) { $0.ordinal = 3 }
        add(["quatrieme", "fourth"]) { $0.ordinal = 4 }
        // Units.
        // `seconde`, `second` alone are ordinals (`une seconde étape`, `a second term`): only plurals and
        // abbreviations are units.
        add(["secondes", "seconds", "sec", "secs"]) { $0.unit = .second }
        add(["minute", "minutes", "min", "mins", "mn"]) { $0.unit = .minute }
        add(["heure", "heures", "hour", "hours", "hr", "hrs"]) { $0.unit = .hour }
        // Adverbs of frequency, once per unit; the adjectives (`quotidien`, `annuel`) are left out: `le
        // quotidien` is a newspaper, `le rapport annuel` a document.
        add(["quotidiennement", "journellement"]) { $0.unit = .day; $0.keyword = .periodically }
        add(["hebdomadairement"]) { $0.unit = .week; $0.keyword = .periodically }
        add(["mensuellement"]) { $0.unit = .month; $0.keyword = .periodically }
        add(["annuellement", "annually"]) { $0.unit = .year; $0.keyword = .periodically }
        add(["quotidien", "quotidienne", "quotidiens", "quotidiennes"]) { $0.keyword = .periodicAdjective }
        add(["hebdomadaire", "hebdomadaires", "bihebdomadaire", "bihebdomadaires"]) { $0.keyword = .periodicAdjective }
        add(["mensuel", "mensuelle", "mensuels", "mensuelles"]) { $0.keyword = .periodicAdjective }
        add(["annuel", "annuelle", "annuels", "annuelles"]) { $0.keyword = .periodicAdjective }
        // `une demi-heure`, `une demi-journée`: half a unit.
        add(["demi-heure", "demi-heures"]) { $0.unit = .hour; $0.keyword = .demi }
        add(["demi-journee", "demi-journees"]) { $0.unit = .day; $0.keyword = .demi }
        add(["demi-siecle"]) { $0.unit = .century; $0.keyword = .demi }
        add(["jour", "jours", "journee", "journees", "day", "days"]) { $0.unit = .day }
        add(["semaine", "semaines", "week", "weeks"]) { $0.unit = .week }
        add(["mois", "month", "months", "mois-ci"]) { $0.unit = .month }
        add(["an", "ans", "annee", "annees", "year", "years"]) { $0.unit = .year }
        add(["decennie", "decennies", "decade", "decades"]) { $0.unit = .decade }
        add(["minutes", "mins", "heures", "hours", "jours", "journees", "days", "semaines", "weeks", "months", "ans",
             "annees", "years", "decennies", "decades"]) { $0.plural = true }
        add(["mois-ci"]) { $0.keyword = .ci }
        add(["annees"]) { $0.keyword = .annees }
        add(["printemps", "spring"]) { $0.season = 1 }
        add(["ete", "summer"]) { $0.season = 2 }
        add(["automne", "autumn", "fall"]) { $0.season = 3 }
        add(["hiver", "winter"]) { $0.season = 4 }
        for code in 1...4 {
            add(["t" + String(code), "q" + String(code)]) { $0.quarterCode = UInt8(code) }
        }
        let keywords: [(DateKeyword, [String])] = [
            (.le, ["le"]), (.la, ["la"]), (.les, ["les"]), (.elidedL, ["l'"]), (.ce, ["ce", "cet", "cette"]),
            (.ces, ["ces"]), (.en, ["en"]), (.du, ["du"]), (.au, ["au", "aux"]), (.de, ["de"]),
            (.elidedD, ["d'"]), (.des, ["des"]), (.a, ["a"]), (.et, ["et"]), (.entre, ["entre"]),
            (.depuis, ["depuis"]), (.jusqu, ["jusqu'"]), (.jusque, ["jusque"]), (.ici, ["ici"]),
            (.pour, ["pour"]), (.pendant, ["pendant"]), (.durant, ["durant"]), (.dans, ["dans"]),
            (.chaque, ["chaque"]), (.tous, ["tous", "toutes", "tout", "toute"]), (.partir, ["partir"]), (.cours, ["cours"]),
            (.vers, ["vers"]), (.avant, ["avant", "before"]), (.apres, ["apres", "after"]), (.il, ["il"]),
            (.y, ["y"]), (.of, ["of"]), (.the, ["the"]), (.this, ["this"]), (.inEN, ["in"]), (.on, ["on"]),
            (.at, ["at"]), (.from, ["from"]), (.to, ["to", "through"]), (.and, ["and"]),
            (.between, ["between"]), (.since, ["since"]), (.until, ["until", "till"]), (.forEN, ["for"]),
            (.during, ["during"]), (.over, ["over"]), (.every, ["every"]), (.each, ["each"]), (.ago, ["ago"]),
            (.recent, ["recent"]), (.past, ["past"]),
            (.last, ["dernier", "derniere", "derniers", "dernieres", "passe", "passee", "passes", "passees", "last",
                     "precedent", "precedente", "precedents", "precedentes"]),
            (.next, ["prochain", "prochaine", "prochains", "prochaines", "next", "coming", "suivant", "suivante",
                     "suivants", "suivantes"]),
            (.hier, ["hier"]), (.avantHier, ["avant-hier"]), (.demain, ["demain"]),
            (.apresDemain, ["apres-demain"]), (.aujourdhui, ["aujourd'hui"]), (.yesterday, ["yesterday"]),
            (.today, ["today"]), (.tomorrow, ["tomorrow"]), (.tonight, ["tonight"]), (.veille, ["veille"]),
            (.lendemain, ["lendemain"]), (.debut, ["debut"]), (.fin, ["fin"]), (.mi, ["mi"]),
            (.milieu, ["milieu"]), (.early, ["early"]), (.late, ["late"]), (.mid, ["mid"]), (.midi, ["midi"]),
            (.minuit, ["minuit"]), (.noon, ["noon"]), (.midnight, ["midnight"]), (.h, ["h"]), (.am, ["am", "a.m"]),
            (.pm, ["pm", "p.m"]), (.matin, ["matin", "matinee", "morning"]), (.apresMidi, ["apres-midi", "afternoon"]),
            (.soir, ["soir", "soiree", "evening"]), (.nuit, ["nuit", "night"]),
            (.journee, ["journee"]), (.tot, ["tot"]), (.tres, ["tres"]), (.plus, ["plus"]), (.tard, ["tard"]),
            (.auparavant, ["auparavant"]), (.later, ["later"]), (.earlier, ["earlier"]), (.ya, ["ya"]),
            (.environ, ["environ", "about", "approximately", "approximativement"]), (.alentours, ["alentours"]),
            (.autour, ["autour", "around"]), (.nouvel, ["nouvel", "new"]), (.fete, ["fete"]),
            (.travail, ["travail"]), (.gras, ["gras"]), (.saint, ["saint"]), (.quinzaine, ["quinzaine"]),
            (.reveillon, ["reveillon"]), (.dejeuner, ["dejeuner", "lunch"]), (.siecle, ["siecle", "siecles"]),
            (.century, ["century", "centuries"]), (.trimestre, ["trimestre"]), (.semestre, ["semestre"]),
            (.quarter, ["quarter"]), (.few, ["quelques", "plusieurs", "few", "several"]),
            (.age, ["age", "agee", "ages", "agees", "aged"]),
            (.person, ["homme", "femme", "enfant", "garcon", "fille", "jeune", "adolescent", "adolescente",
                       "fils", "bebe", "retraite", "retraitee", "octogenaire", "man", "woman", "boy", "girl"]),
            (.address, ["rue", "avenue", "boulevard", "bd", "place", "allee", "quai", "pont", "square",
                        "impasse", "route", "chemin", "street", "road"]),
            (.event, ["euro", "mondial", "expo", "vision", "jo", "can", "olympics", "cup", "agenda", "cop"]),
            (.coupe, ["coupe"]), (.monde, ["monde"]), (.demi, ["demi", "demie"]), (.quart, ["quart", "quarts"]),
            (.moins, ["moins"]), (.est, ["est", "c'est", "sont"]),
            (.maintenant, ["maintenant", "actuellement", "now", "currently"]), (.moment, ["moment"]),
            (.actuelle, ["actuelle"]), (.tout, ["tout"]), (.suite, ["suite"]), (.right, ["right"]),
            (.weekend, ["week-end", "weekend"]), (.holidayStart, ["action", "thanks"]),
        ]
        for (keyword, words) in keywords { add(words) { $0.keyword = keyword } }
        let holidays: [(Holiday, [String])] = [
            (.christmas, ["noel", "christmas"]), (.allSaints, ["toussaint"]), (.newYearsEve, ["saint-sylvestre"]),
            (.valentines, ["saint-valentin"]), (.halloween, ["halloween"]), (.armistice, ["armistice"]),
            (.assumption, ["assomption"]), (.epiphany, ["epiphanie"]), (.easter, ["paques", "easter"]),
            (.ascension, ["ascension"]), (.pentecost, ["pentecote"]), (.thanksgiving, ["thanksgiving"]),
        ]
        for (holiday, words) in holidays { add(words) { $0.holiday = holiday } }
        add(["le", "la", "les", "l'", "et", "ou", "a", "au", "aux", "de", "d'", "des", "du", "en", "pour", "par",
             "avec", "sur", "dans", "contre", "puis", "mais", "donc", "qui", "que", "qu'", "ce", "cette", "est",
             "sont", "etait", "selon", "lors", "alors", "and", "or", "the", "in", "on", "at", "to", "of", "for",
             "with", "by", "when", "as", "was", "is", "were", "il", "elle", "ils", "elles", "on", "apres",
             "avant", "after", "before", "vers", "depuis", "since", "jusqu'", "until"]) { $0.function = true }
        return table
    }()
}

/// A fixed open-addressing hash table from folded words to lexicon entries (read-only after construction).
struct LexiconTable: Sendable {
    private let keys: [FoldedWord]
    private let entries: [LexEntry]
    private let used: [Bool]
    private let mask: Int

    init(_ words: [FoldedWord: LexEntry]) {
        var capacity = 16
        while capacity < words.count * 4 { capacity *= 2 }
        var keys = [FoldedWord](repeating: FoldedWord(), count: capacity)
        var entries = [LexEntry](repeating: .empty, count: capacity)
        var used = [Bool](repeating: false, count: capacity)
        mask = capacity - 1
        for (word, entry) in words {
            var slot = Self.hash(word) & mask
            while used[slot] { slot = (slot + 1) & mask }
            keys[slot] = word
            entries[slot] = entry
            used[slot] = true
        }
        self.keys = keys
        self.entries = entries
        self.used = used
    }

    @inline(__always)
    private static func hash(_ word: FoldedWord) -> Int {
        let mixed = (word.low &* 0x9E37_79B9_7F4A_7C15) ^ (word.high &* 0xC2B2_AE3D_27D4_EB4F) ^ UInt64(word.count)
        return Int(truncatingIfNeeded: mixed >> 40)
    }

    /// The entry of `word`, if the lexicon has it.
    func lookup(_ word: FoldedWord) -> LexEntry? {
        var slot = Self.hash(word) & mask
        while used[slot] {
            if keys[slot] == word { return entries[slot] }
            slot = (slot + 1) & mask
        }
        return nil
    }
}
