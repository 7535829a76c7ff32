import CorpusKit

/// Settings of the sentiment engine.
public struct SentimentOptions: Sendable, Hashable {
    /// A sentence (or text) is positive at or above this score, negative at or below its opposite.
    public var threshold: Double = 0.05
    /// Multiplier of a negated term (flips and weakens it).
    public var negation: Double = -0.6
    /// Multipliers after an intensifier (`très`) and a dampener (`plutôt`, `un peu`).
    public var intensifier: Double = 1.3
    public var dampener: Double = 0.6
    /// Weights of a clause before and after a contrast word (`mais`, `however`).
    public var beforeContrast: Double = 0.5
    public var afterContrast: Double = 1.5
    /// Whether ALL-CAPS words and `!` add emphasis (off for news: acronyms, capitalised headlines).
    public var emphasis: Bool = false
    /// Multiplier of a term after a shifter (`mettre fin à la guerre`, `reduce poverty`, `baisse du chômage`):
    /// ending or lowering something reverses its tone.
    public var shift: Double = -0.6

    /// The defaults.
    public init() {}
}

/// The engine: scores the sentences of a tokenized text with a lexicon, French and English negation scoped to
/// the clause, intensifiers, dampeners and contrast, and leaves out the words of given spans (entities).
struct SentimentScorer {
    let lexicon: SentimentLexicon
    let options: SentimentOptions

    /// Word classes of the modifiers, by accent-free folded word.
    struct Modifier: OptionSet, Sendable {
        let rawValue: UInt16
        static let ne = Modifier(rawValue: 1 << 0)
        static let particle = Modifier(rawValue: 1 << 1)  // pas, jamais, plus, rien, guère, aucun, personne…
        static let negator = Modifier(rawValue: 1 << 2)  // pas (alone), sans, aucun, ni, not, never, no, without…
        static let intensifier = Modifier(rawValue: 1 << 3)
        static let dampener = Modifier(rawValue: 1 << 4)
        static let contrast = Modifier(rawValue: 1 << 5)
        static let que = Modifier(rawValue: 1 << 6)
        static let shifter = Modifier(rawValue: 1 << 7)  // end, prevent, reduce, fin, empêcher, baisse…
        static let nounShifter = Modifier(rawValue: 1 << 8)  // fin, baisse, end: only before de/of/the… (`la fin est bonne`)
        static let linker = Modifier(rawValue: 1 << 9)  // de, du, à, la, of, to, the, against…
        static let peu = Modifier(rawValue: 1 << 10)
        static let un = Modifier(rawValue: 1 << 11)
        static let purpose = Modifier(rawValue: 1 << 12)  // for, pour: `fight for` is no shift
    }

    /// Modifiers that a lexicon phrase may start with (not articles and prepositions: most phrases start with
    /// a content word, and looking phrases up at every `de` would cost for nothing).
    static let phraseStarters: Modifier = [.ne, .particle, .negator, .intensifier, .dampener, .shifter, .peu]

    static let modifiers: NameTable<UInt16> = {
        var bits: [String: Modifier] = [:]
        func add(_ words: [String], _ m: Modifier) { for w in words { bits[w, default: []].insert(m) } }
        add(["ne", "n'"], .ne)
        add(["pas", "jamais", "plus", "rien", "guere", "aucun", "aucune", "personne", "nullement", "point", "nulle"], .particle)
        add(["pas", "sans", "aucun", "aucune", "ni", "jamais", "not", "never", "no", "without", "nor", "cannot",
             "neither", "nobody", "nothing", "none"], .negator)
        add(["tres", "extremement", "vraiment", "profondement", "particulierement", "totalement", "completement",
             "tellement", "terriblement", "absolument", "hautement", "vivement", "fort", "super", "hyper", "very",
             "extremely", "really", "deeply", "highly", "so", "totally", "completely", "utterly", "incredibly",
             "particularly", "especially"], .intensifier)
        add(["assez", "plutot", "peu", "legerement", "moyennement", "relativement", "somewhat", "slightly", "rather",
             "fairly", "barely", "hardly", "quelque"], .dampener)
        add(["mais", "cependant", "pourtant", "toutefois", "neanmoins", "but", "however", "yet", "although",
             "though", "nevertheless"], .contrast)
        add(["que", "qu'"], .que)
        add(["peu"], .peu)
        add(["un"], .un)
        add(["for", "pour"], .purpose)
        add(["fin", "baisse", "recul", "reduction", "diminution", "sortie", "lutte", "end", "decline", "fight",
             "lift", "lower", "ease", "cut", "cuts", "combat"], .nounShifter)
        add(["de", "du", "des", "d'", "a", "au", "aux", "la", "le", "les", "l'", "contre", "of", "to", "in", "the",
             "an", "their", "his", "her", "its", "this", "these", "those", "against", "on"], .linker)
        // Shifters: ending, preventing or lowering a state reverses the tone of the term that follows.
        add(["end", "ends", "ended", "ending", "stop", "stops", "stopped", "stopping", "prevent", "prevents",
             "prevented", "preventing", "avert", "averted", "averting", "combat", "combats", "combating", "combatting",
             "tackle", "tackles", "tackled", "tackling", "curb", "curbs", "curbed", "curbing", "reduce", "reduces",
             "reduced", "reducing", "reduction", "ease", "eases", "eased", "easing", "alleviate", "alleviated",
             "alleviating", "relieve", "relieved", "overcome", "overcame", "overcoming", "resolve", "resolved",
             "resolving", "eliminate", "eliminated", "eliminating", "eradicate", "eradicated", "eradicating", "lower",
             "lowered", "lowering", "lessen", "lessened", "mitigate", "mitigated", "halt", "halted", "halting",
             "solve", "solved", "solving", "lift", "lifted", "lifting", "avoid", "avoided", "avoiding", "fight",
             "fights", "fighting", "fought", "defeat", "defeated", "defeating", "decline", "declined",
             "fin", "finir", "arreter", "arrete", "arretes", "arretee", "arreterait", "stopper", "stoppe", "stoppee",
             "empecher", "empeche", "empechent", "empeches", "empechee", "eviter", "evite", "evitent", "evites",
             "evitee", "prevenir", "previent", "combattre", "combattu", "combattent", "lutter", "lutte", "luttent",
             "reduire", "reduit", "reduite", "reduisent", "reduction", "diminuer", "diminue", "diminuent",
             "diminution", "baisser", "baisse", "baissent", "recul", "reculer", "recule", "eradiquer", "eradique",
             "eliminer", "elimine", "enrayer", "enraye", "endiguer", "endigue", "freiner", "freine", "resoudre",
             "resolu", "resolue", "surmonter", "surmonte", "vaincre", "vaincu", "attenuer", "attenue", "apaiser",
             "apaise", "soulager", "soulage", "lever", "leve", "levee", "sortir", "sortie"], .shifter)
        return NameTable(bits.map { word, mask in
            var key = NameKey()
            key.append(folded: Array(word.utf8))
            return (key, mask.rawValue)
        })
    }()

    /// The tone of each sentence of `structure`, leaving out the tokens inside `excluded` (sorted spans).
    func sentences(of structure: TextStructure, excluding excluded: [TextSpan]) -> [SentenceTone] {
        var text = structure.text
        return text.withUTF8 { bytes in
            var state = State(bytes: bytes, tokens: structure.tokens)
            var tones: [SentenceTone] = []
            tones.reserveCapacity(structure.sentences.count)
            var skip = 0  // index into excluded
            for (index, sentence) in structure.sentences.enumerated() {
                tones.append(score(sentence.tokens, index: index, state: &state, excluded: excluded, cursor: &skip,
                                   structure: structure))
            }
            return tones
        }
    }

    struct State {
        let bytes: UnsafeBufferPointer<UInt8>
        let tokens: [Token]
        var accented: [NameKey?]
        var plain: TokenKeys

        init(bytes: UnsafeBufferPointer<UInt8>, tokens: [Token]) {
            self.bytes = bytes
            self.tokens = tokens
            accented = [NameKey?](repeating: nil, count: tokens.count)
            plain = TokenKeys(count: tokens.count)
        }

        mutating func plainKey(_ i: Int) -> NameKey { plain.key(i, tokens, bytes) }

        mutating func accentedKey(_ i: Int) -> NameKey {
            if let key = accented[i] { return key }
            var key = NameKey()
            key.appendLowercased(bytes, tokens[i].span.start, tokens[i].span.end)
            accented[i] = key
            return key
        }

        mutating func modifier(_ i: Int) -> Modifier {
            guard i >= 0, i < tokens.count, tokens[i].kind == .word else { return [] }
            var m = Modifier(rawValue: SentimentScorer.modifiers.lookup(plainKey(i)) ?? 0)
            // English contractions: `isn't`, `don't`, `can't`.
            let span = tokens[i].span
            if span.end - span.start >= 4, bytes[span.end - 1] | 0x20 == 0x74, bytes[span.end - 3] | 0x20 == 0x6E {
                let apostrophe = bytes[span.end - 2] == 0x27
                    || (span.end - span.start >= 6 && bytes[span.end - 4] == 0xE2 && bytes[span.end - 2] == 0x99)
                if apostrophe { m.insert(.negator) }
            }
            return m
        }

        /// Clause punctuation (and quote marks) at `i`.
        func isBoundary(_ i: Int) -> Bool {
            guard i >= 0, i < tokens.count else { return true }
            let token = tokens[i]
            if token.has(.quoteMark) { return true }
            guard token.kind == .punctuation else { return false }
            let b = bytes[token.span.start]
            return b == 0x2C || b == 0x3B || b == 0x3A || b == 0x28 || b == 0x29 || b == 0x2E || b == 0x21 || b == 0x3F
                || b == 0xE2  // dashes
        }
    }

    private func score(_ range: Range<Int>, index: Int, state: inout State, excluded: [TextSpan], cursor: inout Int,
                       structure: TextStructure) -> SentenceTone
    {
        var hits: [SentimentHit] = []
        let tokens = state.tokens
        var negatedFrom: Int?  // negation active from this token to the end of the clause
        var boost = 1.0, boostLeft = 0
        var boostName = ""
        var contrastAt: Int?
        var shiftedAt: Int?  // the token of the term a shifter reverses
        var t = range.lowerBound
        while t < range.upperBound {
            let token = tokens[t]
            if state.isBoundary(t) {
                negatedFrom = nil
                shiftedAt = nil
                boostLeft = 0
                t += 1
                continue
            }
            guard token.kind == .word else { t += 1; continue }
            // Entity words are not scored (`Nations unies`, a party's name).
            while cursor < excluded.count, excluded[cursor].end <= token.span.start { cursor += 1 }
            if cursor < excluded.count, excluded[cursor].start <= token.span.start, token.span.end <= excluded[cursor].end {
                t += 1
                continue
            }
            let m = state.modifier(t)
            // A lexicon phrase that starts with a modifier (`pas terrible`, `sans queue ni tête`, `peu
            // convaincant`) is read as written: the phrase carries its own negation.
            if !m.isDisjoint(with: Self.phraseStarters), lexicon.maximumPhraseWords > 1,
               let (valence, end) = phrase(t, range: range, state: &state)
            {
                var value = valence
                var modifiers: [String] = []
                if boostLeft > 0 { value *= boost; modifiers.append(boostName) }
                if shiftedAt == t { value *= options.shift; modifiers.append("shifted") }
                let span = TextSpan(start: token.span.start, end: tokens[end - 1].span.end)
                hits.append(SentimentHit(text: String(structure.text(of: span)), span: span, valence: valence,
                                         score: value, modifiers: modifiers))
                negatedFrom = nil
                boostLeft = 0
                t = end
                continue
            }
            if m.contains(.contrast) {
                contrastAt = t
                negatedFrom = nil
                t += 1
                continue
            }
            if m.contains(.ne) {
                // `ne … pas|jamais|plus|rien…` negates the clause; `ne … que` restricts and does not.
                var k = t + 1
                var negates = false
                while k < range.upperBound, !state.isBoundary(k), k - t <= 8 {
                    let mk = state.modifier(k)
                    if mk.contains(.que) { break }
                    if mk.contains(.particle) { negates = true; break }
                    k += 1
                }
                if negates { negatedFrom = t }
                t += 1
                continue
            }
            if m.contains(.negator), negatedFrom == nil, let end = negationStart(t, state: &state, range: range) {
                if end > t { t = end; continue }  // a non-negation phrase (`sans doute`, `pas mal`) is skipped
                negatedFrom = t
                t += 1
                continue
            }
            // `peu convaincant`, `peu de succès`: bare `peu` (not `un peu`, a dampener) says the opposite.
            let barePeu = m.contains(.peu) && !state.modifier(t - 1).contains(.un)
            // A shifter before a term (within five words of the clause) reverses it and is not scored itself.
            if m.contains(.shifter) || barePeu, shiftedAt == nil,
               let target = shiftTarget(after: t, range: range, state: &state)
            {
                shiftedAt = target
                t += 1
                continue
            }
            if m.contains(.intensifier), t + 1 >= range.upperBound || state.isBoundary(t + 1),
               let (valence, end) = lookup(t, range: range, state: &state)
            {
                // `C'est super.`: an intensifier with nothing to intensify is a word of its own.
                var value = valence
                var modifiers: [String] = []
                if negatedFrom != nil { value *= options.negation; modifiers.append("negated") }
                hits.append(SentimentHit(text: String(structure.text(of: token.span)), span: token.span,
                                         valence: valence, score: value, modifiers: modifiers))
                t = end
                continue
            }
            if m.contains(.intensifier) { boost = options.intensifier; boostLeft = 2; boostName = "intensified"; t += 1; continue }
            if m.contains(.dampener) { boost = options.dampener; boostLeft = 2; boostName = "dampened"; t += 1; continue }
            if token.has(.elision) { t += 1; continue }
            // A lexicon term: the longest phrase, the word with its accents, without them, a glob.
            if let (valence, end) = lookup(t, range: range, state: &state) {
                var value = valence
                var modifiers: [String] = []
                if boostLeft > 0 { value *= boost; modifiers.append(boostName) }
                if negatedFrom != nil { value *= options.negation; modifiers.append("negated") }
                if shiftedAt == t { value *= options.shift; modifiers.append("shifted") }
                if options.emphasis, token.has(.allCaps) { value *= 1.3; modifiers.append("emphasis") }
                let span = TextSpan(start: token.span.start, end: tokens[end - 1].span.end)
                hits.append(SentimentHit(text: String(structure.text(of: span)), span: span, valence: valence,
                                         score: value, modifiers: modifiers))
                boostLeft = 0
                t = end
                continue
            }
            if boostLeft > 0 { boostLeft -= 1 }
            t += 1
        }
        // Contrast: the clause after `mais` weighs more than the one before.
        if let contrastAt {
            let pivot = tokens[contrastAt].span.start
            for k in hits.indices {
                if hits[k].span.start < pivot {
                    hits[k].score *= options.beforeContrast
                    hits[k].modifiers.append("before-contrast")
                } else {
                    hits[k].score *= options.afterContrast
                    hits[k].modifiers.append("after-contrast")
                }
            }
        }
        var sum = hits.reduce(0) { $0 + $1.score }
        if options.emphasis, range.upperBound > range.lowerBound, let last = tokens[range.upperBound - 1] as Token?,
           last.kind == .punctuation, state.bytes[last.span.start] == 0x21
        {
            sum *= 1.2
        }
        let score = sum / (sum * sum + 1).squareRoot()
        return SentenceTone(sentence: index, score: SentimentHit.rounded(score), label: label(score), hits: hits)
    }

    /// Whether the negator at `t` opens a negation: returns `t` when it does, the token after a fixed phrase
    /// that is not a negation (`sans doute`, `pas mal`, `non seulement`, `plus que jamais`), or nil.
    private func negationStart(_ t: Int, state: inout State, range: Range<Int>) -> Int? {
        let word = state.plainKey(t)
        func next(_ k: Int, is text: String) -> Bool {
            guard k < range.upperBound, state.tokens[k].kind == .word else { return false }
            var key = NameKey()
            key.append(folded: Array(text.utf8))
            return state.plainKey(k) == key
        }
        func key(_ text: String) -> NameKey {
            var key = NameKey()
            key.append(folded: Array(text.utf8))
            return key
        }
        if word == key("sans"), next(t + 1, is: "doute") { return t + 2 }
        if word == key("pas"), next(t + 1, is: "mal") { return t + 2 }
        if word == key("jamais"), t >= 2, state.plainKey(t - 1) == key("que"), state.plainKey(t - 2) == key("plus") {
            return t + 1
        }
        if word == key("no"), next(t + 1, is: "doubt") { return t + 2 }
        return t
    }

    /// The token of the polar lexicon term a shifter at `t` reverses: the first term within five words of the
    /// clause, when it has a valence (a topic word with valence 0 stops the search); nil otherwise.
    private func shiftTarget(after t: Int, range: Range<Int>, state: inout State) -> Int? {
        // `fight for`, `lutter pour`: on the side of what follows, not against it.
        var first = t + 1
        while first < range.upperBound, state.tokens[first].kind != .word, !state.isBoundary(first) { first += 1 }
        if first < range.upperBound, state.modifier(first).contains(.purpose) { return nil }
        // A noun (`la fin`, `la baisse`) shifts only what it governs: `la fin de la guerre`, not `la fin est bonne`.
        if state.modifier(t).contains(.nounShifter) {
            var next = t + 1
            while next < range.upperBound, state.tokens[next].kind != .word, !state.isBoundary(next) { next += 1 }
            guard next < range.upperBound, state.modifier(next).contains(.linker) else { return nil }
        }
        var k = t + 1
        var words = 0
        while k < range.upperBound, words < 5, !state.isBoundary(k) {
            if state.tokens[k].kind == .word {
                words += 1
                let m = state.modifier(k)
                if m.contains(.contrast) || m.contains(.negator) || m.contains(.ne) || m.contains(.shifter) { return nil }
                if !state.tokens[k].has(.elision), let (valence, _) = lookup(k, range: range, state: &state) {
                    return valence != 0 ? k : nil
                }
            }
            k += 1
        }
        return nil
    }

    /// The valence of a phrase of two words or more starting at `t`, and the token after it.
    private func phrase(_ t: Int, range: Range<Int>, state: inout State) -> (Double, Int)? {
        guard let found = lookup(t, range: range, state: &state), found.1 > t + 1 else { return nil }
        return found
    }

    /// The valence of the term starting at `t` and the token after it.
    private func lookup(_ t: Int, range: Range<Int>, state: inout State) -> (Double, Int)? {
        // Phrases, longest first.
        if lexicon.maximumPhraseWords > 1, lexicon.startsPhrase(state.accentedKey(t)) {
            var key = state.accentedKey(t)
            var best: (Double, Int)?
            var k = t + 1
            var words = 1
            while k < range.upperBound, words < lexicon.maximumPhraseWords, !state.isBoundary(k) {
                if state.tokens[k].kind == .word {
                    var joined = key
                    joined.appendKey(state.accentedKey(k))
                    key = joined
                    words += 1
                    if let value = lexicon.valence(exact: key) { best = (value, k + 1) }
                    if !lexicon.startsPhrase(key) { break }  // no longer phrase begins with these words
                } else if state.tokens[k].kind != .punctuation {
                    break
                }
                k += 1
            }
            if let best { return best }
        }
        if let value = lexicon.valence(exact: state.accentedKey(t)) { return (value, t + 1) }
        // Without accents only for words of five letters or more (`sur` is not `sûr`).
        if state.tokens[t].span.end - state.tokens[t].span.start >= 5,
           let value = lexicon.valence(accentFree: state.plainKey(t))
        {
            return (value, t + 1)
        }
        // Globs: prefixes of five to twelve letters.
        let span = state.tokens[t].span
        var prefix = NameKey()
        var letters = 0
        var found: Double?
        NameFolding.fold(state.bytes, span.start, span.end) { _ in letters += 1 }
        if letters >= 5 {
            var count = 0
            var bytes: [UInt8] = []
            bytes.reserveCapacity(letters)
            NameFolding.fold(state.bytes, span.start, span.end) { bytes.append($0) }
            for b in bytes {
                prefix.appendByte(b)
                count += 1
                if count >= 5, count <= 12, count < bytes.count, let value = lexicon.valence(glob: prefix) {
                    found = value
                }
            }
        }
        return found.map { ($0, t + 1) }
    }

    func label(_ score: Double) -> SentimentLabel {
        score >= options.threshold ? .positive : score <= -options.threshold ? .negative : .neutral
    }

    /// The tone of some sentences (an article, a paragraph, an entity's sentences).
    func tone(_ sentences: some Collection<SentenceTone>, tokens: Int) -> Tone {
        var positive = 0, negative = 0, neutral = 0
        var hitsPositive = 0, hitsNegative = 0, hits = 0
        var sum = 0.0, scored = 0
        for sentence in sentences {
            switch sentence.label {
            case .positive: positive += 1
            case .negative: negative += 1
            case .neutral: neutral += 1
            }
            if !sentence.hits.isEmpty {
                sum += sentence.score
                scored += 1
            }
            for hit in sentence.hits {
                hits += 1
                if hit.score > 0 { hitsPositive += 1 } else if hit.score < 0 { hitsNegative += 1 }
            }
        }
        let total = max(sentences.count, 1)
        let score = scored > 0 ? sum / Double(scored) : 0
        let polar = hitsPositive + hitsNegative
        return Tone(
            score: SentimentHit.rounded(score), label: label(score),
            positiveShare: SentimentHit.rounded(Double(positive) / Double(total)),
            negativeShare: SentimentHit.rounded(Double(negative) / Double(total)),
            neutralShare: SentimentHit.rounded(Double(neutral) / Double(total)),
            netTone: polar > 0 ? SentimentHit.rounded(Double(hitsPositive - hitsNegative) / Double(polar)) : 0,
            density: tokens > 0 ? SentimentHit.rounded(Double(polar) / Double(tokens)) : 0,
            hits: hits, words: tokens, sentences: sentences.count)
    }
}
