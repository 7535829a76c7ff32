/// Tells French from English by counting frequent function words.
///
/// News pages in the corpus are French or English; the function words of each language (`le`, `des`, `est`,
/// `dans`… and `the`, `of`, `was`, `which`…) make up a large share of any running text and are almost never
/// shared, so counting them is enough to decide, with a confidence that grows with the margin and with the number
/// of words seen. Words that exist in both languages (`a`, `on`, `an`, `as`, `but`, `or`, `son`, `plus`) are
/// left out of both lists so that they never vote.
///
/// ```swift
/// let guess = LanguageIdentifier().identify("Le ministre a annoncé la création d’un fonds pour les régions.")
/// // guess.code == "fr"
/// ```
///
/// Text with fewer than five function words (a title, a menu) gets `und` with a confidence below 0.2.
public struct LanguageIdentifier: Sendable {
    /// Function words needed before a language is named.
    public static let minimumFunctionWords = 5

    /// Creates an identifier. It has no state; the word table is built once per process.
    public init() {}

    /// Guesses the language of `text`.
    ///
    /// The confidence is `margin × n / (n + 3)`, where `n` is the number of function words counted and
    /// `margin = |fr − en| / n`: 0.625 for five words all of one language, about 0.86 for a 40-word paragraph
    /// (about 20 function words), 0.94 for fifty function words, lower when the two languages are mixed.
    ///
    /// - Parameter text: Any text; only its letters matter.
    /// - Returns: `fr` or `en` with a confidence in 0…1, or `und` when there are fewer than
    ///   ``minimumFunctionWords`` function words or as many of each language.
    /// - Complexity: O(n) in the UTF-8 length of `text`, one pass over the bytes, no allocation.
    public func identify(_ text: Substring) -> LanguageGuess {
        var counts = FunctionWordCounts()
        let utf8 = text.utf8
        if utf8.withContiguousStorageIfAvailable({ count($0, into: &counts) }) == nil {
            Array(utf8).withUnsafeBufferPointer { count($0, into: &counts) }
        }
        return counts.guess
    }

    /// Counts the French and English function words of `p` into `counts`.
    ///
    /// Words are runs of ASCII letters and Latin-1 letters (`é`, `à`, `Ç`, `œ`); everything else, including
    /// apostrophes, separates words, so `l’eau` counts `l`. A word is folded to lowercase and packed byte by byte
    /// into a `UInt64` (function words are at most 8 bytes long; longer words are skipped without a lookup).
    func count(_ p: UnsafeBufferPointer<UInt8>, into counts: inout FunctionWordCounts) {
        let table = FunctionWordTable.shared
        let n = p.count
        var key: UInt64 = 0
        var length = 0
        var i = 0
        while i < n {
            let b = p[i]
            if (b | 0x20) &- 0x61 < 26 {
                if length < 8 { key = key &<< 8 | UInt64(b | 0x20) }
                length &+= 1
                i &+= 1
                continue
            }
            if i &+ 1 < n, (b == 0xC3 && p[i &+ 1] >= 0x80 && p[i &+ 1] != 0x97 && p[i &+ 1] != 0xB7)
                || (b == 0xC5 && (p[i &+ 1] == 0x92 || p[i &+ 1] == 0x93))
            {
                var c = p[i &+ 1]
                if b == 0xC3 && c < 0xA0 { c &+= 0x20 }  // À…Þ → à…þ
                if b == 0xC5 { c = 0x93 }
                if length &+ 2 <= 8 { key = key &<< 16 | UInt64(b) &<< 8 | UInt64(c) }
                length &+= 2
                i &+= 2
                continue
            }
            if length > 0 {
                if length <= 8 { table.vote(key, into: &counts) }
                key = 0
                length = 0
            }
            i &+= 1
        }
        if length > 0 && length <= 8 { table.vote(key, into: &counts) }
    }
}

/// Function words counted so far.
struct FunctionWordCounts: Sendable {
    var french = 0
    var english = 0

    /// The guess these counts support (see ``LanguageIdentifier/identify(_:)``).
    var guess: LanguageGuess {
        let total = french + english
        guard total >= LanguageIdentifier.minimumFunctionWords, french != english else {
            // Few words, or a perfect tie: undetermined, with a confidence that says how little was seen.
            return LanguageGuess(code: "und", confidence: min(0.16, Double(total) * 0.04))
        }
        let margin = Double(abs(french - english)) / Double(total)
        let confidence = margin * Double(total) / Double(total + 3)
        return LanguageGuess(code: french > english ? "fr" : "en", confidence: min(1, max(0, confidence)))
    }
}

/// Open-addressed table of packed function words: 1 = French, 2 = English.
struct FunctionWordTable: Sendable {
    private let keys: [UInt64]
    private let languages: [UInt8]
    private let mask: Int

    static let shared = FunctionWordTable()

    @inline(__always)
    func vote(_ key: UInt64, into counts: inout FunctionWordCounts) {
        var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> 55) & mask
        while true {
            let k = keys[slot]
            if k == key {
                if languages[slot] == 1 { counts.french &+= 1 } else { counts.english &+= 1 }
                return
            }
            if k == 0 { return }
            slot = (slot &+ 1) & mask
        }
    }

    private init() {
        // Facts about the two languages, not data: their most frequent grammatical words, minus the ones they
        // share (a, on, an, as, but, or, son, plus, me, te…).
        let french = """
            le la les l un une des du de d et est sont était ont été être dans pour par sur avec au aux ce cette ces \
            il elle ils elles nous vous leur leurs lui qui que qu ne pas se sa ses mais où ou selon après avant \
            depuis entre sans sous chez aussi très déjà comme dont cela tout tous toute toutes même lors fait \
            avait avaient ainsi encore notre nos votre vos mon ma mes ton ta tes y été à
            """
        let english = """
            the of and to in is was were are be been being for that with by at from this these those it its \
            which who whom whose they their them he his she her we our you your will would could should has have \
            had not than into about after also there when what where while said more most some such only other \
            over just between because
            """
        var entries: [(UInt64, UInt8)] = []
        for (words, language) in [(french, UInt8(1)), (english, UInt8(2))] {
            for word in words.split(whereSeparator: { $0 == " " || $0 == "\n" }) {
                var key: UInt64 = 0
                for byte in word.utf8 { key = key &<< 8 | UInt64(byte) }
                if !entries.contains(where: { $0.0 == key }) { entries.append((key, language)) }
            }
        }
        var capacity = 16
        while capacity < entries.count * 3 { capacity *= 2 }
        var keys = [UInt64](repeating: 0, count: capacity)
        var languages = [UInt8](repeating: 0, count: capacity)
        let mask = capacity - 1
        for (key, language) in entries {
            var slot = Int(truncatingIfNeeded: (key &* 0x9E37_79B9_7F4A_7C15) &>> 55) & mask
            while keys[slot] != 0 { slot = (slot + 1) & mask }
            keys[slot] = key
            languages[slot] = language
        }
        self.keys = keys
        self.languages = languages
        self.mask = mask
    }
}
