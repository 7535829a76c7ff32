import CorpusKit
import Foundation
import Testing

/// The texts of the tokens of `text`.
private func words(_ text: String) -> [String] {
    Tokenizer().tokenize(text).map { String($0.span.substring(of: text)) }
}

/// The tokens of `text` with their texts.
private func tokens(_ text: String) -> [(text: String, token: Token)] {
    Tokenizer().tokenize(text).map { (String($0.span.substring(of: text)), $0) }
}

/// The first token of `text` whose text is `word`.
private func token(_ word: String, in text: String) -> Token? {
    tokens(text).first { $0.text == word }?.token
}

/// Checks what must hold for every input: spans are valid string ranges, non-empty, in order, not overlapping,
/// and only whitespace lies between tokens.
private func checkInvariants(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let result = Tokenizer().tokenize(text)
    var previousEnd = 0
    for (index, token) in result.enumerated() {
        #expect(token.span.range(in: text) != nil, "token \(index) \(token.span)", sourceLocation: sourceLocation)
        #expect(!token.span.isEmpty, sourceLocation: sourceLocation)
        #expect(token.span.start >= previousEnd, sourceLocation: sourceLocation)
        previousEnd = token.span.end
    }
    #expect(previousEnd <= text.utf8.count, sourceLocation: sourceLocation)
    if let first = result.first { #expect(first.has(.lineStart), sourceLocation: sourceLocation) }
}

@Suite("Tokenizer")
struct TokenizerTests {
    // MARK: Elision and apostrophes

    @Test("Elided forms are split off with their apostrophe", arguments: [
        ("l’accord", ["l’", "accord"]),
        ("L'Opinion", ["L'", "Opinion"]),
        ("qu’il", ["qu’", "il"]),
        ("jusqu’à", ["jusqu’", "à"]),
        ("n'a", ["n'", "a"]),
        ("d’Europe", ["d’", "Europe"]),
        ("s'est", ["s'", "est"]),
        ("c’était", ["c’", "était"]),
        ("j'ai", ["j'", "ai"]),
        ("m’a", ["m’", "a"]),
        ("t'as", ["t'", "as"]),
        ("lorsqu'elle", ["lorsqu'", "elle"]),
        ("puisqu’on", ["puisqu’", "on"]),
        ("quoiqu'il", ["quoiqu'", "il"]),
        ("presqu’île", ["presqu’", "île"]),
        ("QU'IL", ["QU'", "IL"]),
        ("dʼabord", ["dʼ", "abord"]),
        ("l' alliance", ["l'", "alliance"]),
        ("l’\u{00A0}Assemblée", ["l’", "Assemblée"]),
    ])
    func elision(_ input: String, _ expected: [String]) throws {
        let result = tokens(input)
        #expect(result.map(\.text) == expected)
        let first = try #require(result.first)
        #expect(first.token.kind == .word)
        #expect(first.token.has(.elision))
        #expect(!result[1].token.has(.elision))
    }

    @Test("A sentence with several elisions")
    func elisionsInSentence() {
        let text = "L’Assemblée a rejeté l'amendement qu’avait déposé l’opposition, n'est-ce pas ?"
        #expect(words(text) == [
            "L’", "Assemblée", "a", "rejeté", "l'", "amendement", "qu’", "avait", "déposé", "l’", "opposition",
            ",", "n'", "est-ce", "pas", "?",
        ])
        let first = token("L’", in: text)
        #expect(first?.has([.elision, .capitalized]) == true)
        #expect(first?.has(.allCaps) == false)
    }

    @Test("Apostrophes between letters that are not elisions stay inside the word", arguments: [
        "aujourd'hui", "aujourd’hui", "prud’hommes", "don't", "O'Neill", "entr’ouvert", "Saint-Jean-d'Angély",
    ])
    func innerApostrophe(_ word: String) {
        let result = tokens("Il a dit \(word) hier")
        #expect(result.map(\.text) == ["Il", "a", "dit", word, "hier"])
        #expect(result[3].token.kind == .word)
        #expect(!result[3].token.has(.elision))
    }

    @Test("Apostrophes not between letters are quote marks")
    func apostropheAsQuote() {
        let text = "the students' union said 'no' to ’this’"
        #expect(words(text) == ["the", "students", "'", "union", "said", "'", "no", "'", "to", "’", "this", "’"])
        for result in tokens(text) where result.text == "'" || result.text == "’" {
            #expect(result.token.kind == .punctuation)
            #expect(result.token.has(.quoteMark))
        }
    }

    // MARK: Hyphens

    @Test("Inner hyphens join a compound into one token", arguments: [
        "Grande-Bretagne", "a-t-il", "porte-parole", "Jean-Pierre", "COVID-19", "va-t-en", "Saint\u{2010}Denis",
        "week\u{2011}end",
    ])
    func hyphenated(_ word: String) throws {
        let result = tokens("Selon \(word), oui.")
        #expect(result.map(\.text) == ["Selon", word, ",", "oui", "."])
        let compound = result[1].token
        #expect(compound.kind == .word)
        #expect(compound.has(.hyphenated))
    }

    @Test("COVID-19 is one all-caps word with a digit")
    func covid() throws {
        let covid = try #require(token("COVID-19", in: "La COVID-19 recule."))
        #expect(covid.has([.hyphenated, .hasDigit, .allCaps, .capitalized]))
    }

    @Test("Hyphens that do not join two parts are punctuation", arguments: [
        ("Paris - Lyon", ["Paris", "-", "Lyon"]),
        ("les ex- et futurs", ["les", "ex", "-", "et", "futurs"]),
        ("-il", ["-", "il"]),
        ("fin -- début", ["fin", "--", "début"]),
        ("Paris – Lyon — Nice", ["Paris", "–", "Lyon", "—", "Nice"]),
    ])
    func looseHyphen(_ input: String, _ expected: [String]) {
        let result = tokens(input)
        #expect(result.map(\.text) == expected)
        for item in result where item.text.first == "-" || item.text == "–" || item.text == "—" {
            #expect(item.token.kind == .punctuation)
            #expect(!item.token.has(.terminal))
        }
    }

    // MARK: Abbreviations

    @Test("Titles always keep their period", arguments: [
        ("M. Dupont", "M."), ("MM. Durand et Roux", "MM."), ("Mme. Roux", "Mme."), ("Dr. Martin", "Dr."),
        ("Pr. Raoult", "Pr."), ("Mgr. Aupetit", "Mgr."), ("Me. Dupond-Moretti", "Me."), ("St. Louis", "St."),
        ("Ste. Anne", "Ste."), ("Mr. Smith", "Mr."), ("Mrs. Smith", "Mrs."), ("Ms. Jones", "Ms."),
        ("Prof. Higgins", "Prof."), ("Gen. Patton", "Gen."), ("Sen. Warren", "Sen."), ("Rep. Ocasio", "Rep."),
        ("Gov. Newsom", "Gov."), ("Jr. Senior", "Jr."), ("Sr. Junior", "Sr."), ("Apple Inc. Shares", "Inc."),
        ("Acme Ltd. Board", "Ltd."), ("Acme Corp. Board", "Corp."), ("Lyon vs. Marseille", "vs."),
    ])
    func titleAbbreviation(_ input: String, _ abbreviation: String) throws {
        let found = try #require(token(abbreviation, in: input))
        #expect(found.kind == .word)
        #expect(found.has(.abbreviation))
        #expect(!found.has(.terminal))
        #expect(!words(input).contains("."))
    }

    @Test("Mme, Mmes, Mlle need no period")
    func titlesWithoutPeriod() {
        let text = "Mme Roux, Mmes Roux et Blanc, Mlle Petit et Mlles Grand."
        for word in ["Mme", "Mmes", "Mlle", "Mlles"] {
            #expect(token(word, in: text)?.has(.abbreviation) == true, "\(word)")
        }
        #expect(token("Roux", in: text)?.has(.abbreviation) == false)
    }

    @Test("M. and MM. are abbreviations only in upper case")
    func lowercaseM() {
        #expect(words("il a dit m. non") == ["il", "a", "dit", "m", ".", "non"])
        #expect(token("MM.", in: "MM. Durand")?.has([.abbreviation, .allCaps]) == true)
        // `me.` is an ordinary word at a sentence end; only `Me.` is the lawyer's title.
        #expect(words("Tell me. The end") == ["Tell", "me", ".", "The", "end"])
    }

    @Test("John F. Kennedy is three tokens with the initial as an abbreviation")
    func initial() throws {
        let result = tokens("John F. Kennedy")
        #expect(result.map(\.text) == ["John", "F.", "Kennedy"])
        let initial = result[1].token
        #expect(initial.kind == .word)
        #expect(initial.has([.abbreviation, .capitalized]))
        #expect(!initial.has(.allCaps))
    }

    @Test("Chains of initials are one token", arguments: [
        ("en 52 av. J.-C. la ville", "J.-C."), ("les U.S.A. et", "U.S.A."), ("des fruits, e.g. des pommes", "e.g."),
        ("selon J.-P. Sartre", "J.-P."), ("Édouard É. Martin", "É."),
    ])
    func initials(_ input: String, _ expected: String) throws {
        let found = try #require(token(expected, in: input), "\(words(input))")
        #expect(found.has(.abbreviation))
    }

    @Test("Conditional abbreviations keep their period before lower case or a digit", arguments: [
        ("des fruits, etc. et des légumes", "etc."), ("des fruits, etc., et des légumes", "etc."),
        ("voir cf. plus haut", "cf."), ("à la p. 12", "p."), ("le 5 av. notre ère", "av."),
        ("vers 300 apr. notre ère", "apr."), ("env. 40 personnes", "env."), ("le vol. 3", "vol."),
        ("l'art. 49.3", "art."), ("le no. 5", "no."), ("le 3 janv. 2024", "janv."), ("le 3 févr. 2024", "févr."),
        ("le 3 fév. 2024", "fév."), ("le 3 avr. 2024", "avr."), ("le 3 juil. 2024", "juil."),
        ("le 3 sept. 2024", "sept."), ("le 3 oct. 2024", "oct."), ("le 3 nov. 2024", "nov."),
        ("le 3 déc. 2024", "déc."), ("on Jan. 3", "Jan."), ("on Feb. 3", "Feb."), ("on Mar. 3", "Mar."),
        ("on Apr. 3", "Apr."), ("on Aug. 3", "Aug."), ("on Sept. 3", "Sept."), ("on Oct. 3", "Oct."),
        ("on Nov. 3", "Nov."), ("on Dec. 3", "Dec."),
    ])
    func conditionalAbbreviation(_ input: String, _ abbreviation: String) throws {
        let found = try #require(token(abbreviation, in: input), "\(words(input))")
        #expect(found.has(.abbreviation))
        #expect(found.kind == .word)
    }

    @Test("Before a capital, a conditional abbreviation's period ends the sentence", arguments: [
        ("des fruits, etc. Le lendemain", "etc"), ("Ils étaient sept. Le soir", "sept"), ("en oct. Puis", "oct"),
        ("etc.\nLa suite", "etc"), ("la fin etc.", "etc"), ("et etc... puis", "etc"),
    ])
    func conditionalSentenceEnd(_ input: String, _ word: String) {
        let result = words(input)
        let index = result.firstIndex(of: word)
        #expect(index != nil, "\(result)")
        if let index { #expect(result[index + 1].hasPrefix(".")) }
    }

    // MARK: Numbers

    @Test("Numbers keep separators, attached letters and percent", arguments: [
        "18h32", "16h", "14/03/2024", "14.03.2024", "14-03-24", "10:48", "3,5", "2021-2027", "1.500", "3,5%",
        "12%", "1er", "2e", "3ème", "10km", "5G", "1.500.000", "2024",
    ])
    func number(_ number: String) throws {
        let result = tokens("Il y a \(number) ici")
        #expect(result.map(\.text) == ["Il", "y", "a", number, "ici"])
        let found = result[3].token
        #expect(found.kind == .number)
        #expect(found.has([.hasDigit, .spaceBefore]))
        #expect(!found.has(.capitalized))
    }

    @Test("Separators that no digit follows are not part of the number", arguments: [
        ("en 2024.", ["en", "2024", "."]), ("18 h 32", ["18", "h", "32"]), ("3,5 %", ["3,5", "%"]),
        ("en 2024, puis", ["en", "2024", ",", "puis"]), ("de 10 à 12.", ["de", "10", "à", "12", "."]),
        ("1..2", ["1", "..", "2"]), ("à 20h-22h", ["à", "20h-22h"]),
    ])
    func numberBoundaries(_ input: String, _ expected: [String]) {
        #expect(words(input) == expected)
    }

    @Test("Words that start with letters keep what follows", arguments: [
        ("XIXe", false), ("B52", true), ("G20", true), ("A380", true),
    ])
    func wordWithDigits(_ word: String, _ hasDigit: Bool) throws {
        let found = try #require(token(word, in: "Le \(word) arrive."))
        #expect(found.kind == .word)
        #expect(found.has(.capitalized))
        // `XIXe` is a Roman numeral: letters only.
        #expect(found.has(.hasDigit) == hasDigit)
        #expect(!found.has(.allCaps))
    }

    // MARK: Case features

    @Test("Case features", arguments: [
        ("Paris", true, false), ("paris", false, false), ("ONU", true, true), ("A", true, false),
        ("Élysée", true, false), ("ÉTÉ", true, true), ("élysée", false, false), ("Αθήνα", true, false),
        ("МОСКВА", true, true), ("القاهرة", false, false), ("eBay", false, false), ("PhD", true, false),
    ])
    func caseFeatures(_ word: String, _ capitalized: Bool, _ allCaps: Bool) throws {
        let result = tokens(word)
        #expect(result.count == 1)
        let found = try #require(result.first?.token)
        #expect(found.kind == .word)
        #expect(found.has(.capitalized) == capitalized)
        #expect(found.has(.allCaps) == allCaps)
    }

    // MARK: Punctuation

    @Test("Punctuation marks and runs", arguments: [
        ("Quoi ?!", ["Quoi", "?", "!"]), ("Attendez...", ["Attendez", "..."]), ("Enfin…", ["Enfin", "…"]),
        ("Non !!!", ["Non", "!!!"]), ("(voir ci-dessous)", ["(", "voir", "ci-dessous", ")"]),
        ("a;b:c", ["a", ";", "b", ":", "c"]), ("“Yes,” he said", ["“", "Yes", ",", "”", "he", "said"]),
        ("„Ja“", ["„", "Ja", "“"]), ("‹ oui ›", ["‹", "oui", "›"]), ("\"Non\"", ["\"", "Non", "\""]),
    ])
    func punctuation(_ input: String, _ expected: [String]) {
        #expect(words(input) == expected)
    }

    @Test("Terminal and quote-mark features")
    func punctuationFeatures() {
        let text = "Vraiment ? Oui ! Bon… Enfin... « Non » “Yes” \"So\" ‘right’, fin."
        for item in tokens(text) where item.token.kind == .punctuation {
            let terminal = ["?", "!", "…", "...", "."].contains(item.text)
            let quote = ["«", "»", "“", "”", "\"", "‘", "’"].contains(item.text)
            #expect(item.token.has(.terminal) == terminal, "\(item.text)")
            #expect(item.token.has(.quoteMark) == quote, "\(item.text)")
        }
    }

    // MARK: Spaces and line breaks

    @Test("No-break spaces are spaces: « Bonjour » gives three tokens")
    func guillemetsWithNoBreakSpaces() {
        for space in ["\u{00A0}", "\u{202F}"] {
            let text = "«\(space)Bonjour\(space)»"
            let result = tokens(text)
            #expect(result.map(\.text) == ["«", "Bonjour", "»"])
            #expect(result.map { $0.token.has(.spaceBefore) } == [false, true, true])
            #expect(result[0].token.has(.quoteMark) && result[2].token.has(.quoteMark))
        }
    }

    @Test("Unicode spaces separate tokens", arguments: [
        "\u{00A0}", "\u{202F}", "\u{2000}", "\u{2009}", "\u{200A}", "\u{3000}", "\t", "\u{200B}", "\u{FEFF}",
        "\u{0B}", "\u{0C}", "\u{0}", "\u{1F}", "\u{7F}", "\u{205F}",
    ])
    func spaces(_ space: String) {
        let result = tokens("un\(space)deux")
        #expect(result.map(\.text) == ["un", "deux"])
        #expect(result[1].token.has(.spaceBefore))
        #expect(!result[1].token.has(.lineStart))
    }

    @Test("Line breaks set lineStart", arguments: ["\n", "\r", "\r\n", "\u{2028}", "\u{2029}", "\n\n\n", " \r\n "])
    func lineBreaks(_ lineBreak: String) {
        let result = tokens("Premier.\(lineBreak)Deuxième.")
        #expect(result.map(\.text) == ["Premier", ".", "Deuxième", "."])
        #expect(result.map { $0.token.has(.lineStart) } == [true, false, true, false])
        #expect(result[2].token.has(.spaceBefore))
    }

    @Test("CRLF text")
    func crlf() {
        let text = "Le match a commencé.\r\nLes Bleus mènent 2-0.\r\n\r\nFin du direct.\r\n"
        let result = tokens(text)
        #expect(result.map(\.text) == [
            "Le", "match", "a", "commencé", ".", "Les", "Bleus", "mènent", "2-0", ".", "Fin", "du", "direct", ".",
        ])
        #expect(result.filter { $0.token.has(.lineStart) }.map(\.text) == ["Le", "Les", "Fin"])
        checkInvariants(text)
    }

    @Test("The first token is always at a line start; leading spaces set spaceBefore")
    func firstToken() {
        #expect(tokens("Bonjour")[0].token.features == [.capitalized, .lineStart])
        #expect(tokens("  Bonjour")[0].token.features == [.capitalized, .lineStart, .spaceBefore])
        #expect(tokens("\u{FEFF}Bonjour")[0].text == "Bonjour")
    }

    @Test("Empty and blank texts give no tokens", arguments: ["", " ", "\n\n", "\u{00A0}\u{202F}\t\r\n", "\u{200D}"])
    func blank(_ text: String) {
        #expect(Tokenizer().tokenize(text).isEmpty)
    }

    // MARK: Emoji, symbols, combining marks

    @Test("An emoji with its modifiers is one symbol token", arguments: [
        "👨‍👩‍👧‍👦", "👩🏽‍💻", "👍🏽", "❤️", "1️⃣", "#️⃣", "🏳️‍🌈", "🇫🇷", "🏴󠁧󠁢󠁳󠁣󠁴󠁿", "😀",
    ])
    func emoji(_ emoji: String) throws {
        let result = tokens("Bravo \(emoji) !")
        #expect(result.map(\.text) == ["Bravo", emoji, "!"])
        let kind = result[1].token.kind
        #expect(kind == .symbol || (kind == .number && emoji == "1️⃣") || (kind == .punctuation && emoji == "#️⃣"))
    }

    @Test("Flags pair regional indicators; emoji glued to words are split off")
    func flagsAndGluedEmoji() {
        #expect(words("🇫🇷🇩🇪🇮") == ["🇫🇷", "🇩🇪", "🇮"])
        #expect(words("Bravo👏!") == ["Bravo", "👏", "!"])
        #expect(words("😀😀") == ["😀", "😀"])
        #expect(words("10 € + 5 $") == ["10", "€", "+", "5", "$"])
        #expect(tokens("€")[0].token.kind == .symbol)
    }

    @Test("Combining accents continue the word")
    func combiningMarks() {
        let decomposed = "e\u{301}te\u{301}"
        #expect(words("Un \(decomposed) chaud") == ["Un", decomposed, "chaud"])
        #expect(tokens("E\u{301}TE\u{301}")[0].token.has(.allCaps))
        #expect(words("a\u{20D7} b\u{1DC4}c\u{FE20}") == ["a\u{20D7}", "b\u{1DC4}c\u{FE20}"])
        // A combining mark with nothing before it is a token of its own.
        #expect(words("x \u{301} y") == ["x", "\u{301}", "y"])
        // A soft hyphen or a joiner inside a word does not split it.
        #expect(words("infor\u{AD}mation") == ["infor\u{AD}mation"])
    }

    // MARK: Robustness

    @Test("A 1 MB line without spaces")
    func megabyteLine() {
        let letters = String(repeating: "a", count: 1_000_000)
        #expect(Tokenizer().tokenize(letters).count == 1)
        let mixed = String(repeating: "ab1-c'd", count: 150_000)
        let result = Tokenizer().tokenize(mixed)
        #expect(!result.isEmpty && result.count < 10)
        checkInvariants(mixed)
        let punctuation = String(repeating: ".,", count: 500_000)
        #expect(Tokenizer().tokenize(punctuation).count == 1_000_000)
    }

    @Test("Ten thousand unmatched guillemets")
    func unmatchedGuillemets() {
        let text = String(repeating: "«", count: 10_000) + " fin"
        let result = Tokenizer().tokenize(text)
        #expect(result.count == 2)
        #expect(result[0].span.utf8Count == 20_000)
        let spaced = String(repeating: "« ", count: 10_000)
        #expect(Tokenizer().tokenize(spaced).count == 10_000)
    }

    @Test("NUL and control bytes are spaces")
    func controlBytes() {
        #expect(words("un\u{0}deux\u{1}\u{2}trois\u{7F}") == ["un", "deux", "trois"])
        #expect(words("\u{0}\u{0}") == [])
        checkInvariants("\u{0}a\u{0}\u{0}b\u{85}c")
    }

    @Test("Every span is a valid range of the text", arguments: [
        "", "a", "é", "l’", "’", "'", "M.", "J.-", "U.S.", "e.g", "1,", "1%", "a-", "-a", "«»", "\u{301}", "👨‍",
        "🇫", "\u{200D}x", "x\u{200D}", "‍👩", "\r", "\r\n\r", "a\u{2028}b", "Mme", "etc.", "p.", "p. ",
        "l' ", "jusqu’", "3,5%%", "1.2.3.", "XIX e", "A.B", "a'b'c", "a--b", "…...", "?!?!",
        "Le 14/03/2024 à 18h32, M. Dupont (Les Républicains) a dit : « On verra ! » 😀👍🏽",
    ])
    func spansRoundTrip(_ text: String) {
        checkInvariants(text)
    }

    @Test("Random texts never trap and keep the span invariants")
    func fuzz() {
        // A fixed generator so failures are reproducible.
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next(_ bound: Int) -> Int {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((state >> 33) % UInt64(bound))
        }
        let pieces: [String] = [
            "a", "Z", "é", "É", "ß", "œ", "ω", "Ж", "ع", "中", "1", "٣", " ", "\u{00A0}", "\u{202F}", "\n", "\r",
            "\r\n", "\t", "\u{0}", ".", "..", "…", "!", "?", ",", ";", ":", "-", "‐", "–", "—", "'", "’", "ʼ",
            "‘", "«", "»", "“", "”", "\"", "(", ")", "/", "%", "€", "\u{301}", "\u{20E3}", "\u{FE0F}", "\u{200D}",
            "\u{200B}", "\u{FEFF}", "\u{AD}", "😀", "🏽", "🇫", "👨‍👩‍👧", "M", "Mme", "etc", "l", "qu", "J", "\u{2028}",
            "\u{E0067}", "\u{10FFFF}", "\u{E000}", "\u{85}",
        ]
        for _ in 0..<300 {
            var text = ""
            for _ in 0..<next(60) { text += pieces[next(pieces.count)] }
            checkInvariants(text)
            var result = Tokenizer().tokenize(text)
            let segmentation = SentenceSplitter().segment(text, tokens: &result)
            #expect(segmentation.sentences.map(\.tokens.count).reduce(0, +) == result.count)
        }
    }

    // MARK: JSON

    @Test("Token JSON is flat and readable, with scalar offsets when an index is given")
    func tokenJSON() throws {
        let text = "é l’a"
        let all = Tokenizer().tokenize(text)
        #expect(all.map { String($0.span.substring(of: text)) } == ["é", "l’", "a"])
        // `é` is two UTF-8 bytes and `’` three: `a` is scalar 4 but UTF-8 byte 7.
        let a = all[2]
        #expect(a.span.start == 7)

        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        let plain = try JSONSerialization.jsonObject(with: encoder.encode(a)) as? [String: Any]
        #expect(plain?["start"] as? Int == 7)
        #expect(plain?["end"] as? Int == 8)
        #expect(plain?["kind"] as? String == "word")

        encoder.userInfo[.scalarOffsets] = ScalarOffsetIndex(text)
        let data = try encoder.encode(all[1])
        #expect(String(decoding: data, as: UTF8.self) == #"{"end":4,"features":["elision","spaceBefore"],"kind":"word","start":2}"#)
        let scalar = try JSONSerialization.jsonObject(with: encoder.encode(a)) as? [String: Any]
        #expect(scalar?["start"] as? Int == 4)
        #expect(scalar?["end"] as? Int == 5)

        let decoder = JSONDecoder()
        decoder.userInfo[.scalarOffsets] = ScalarOffsetIndex(text)
        #expect(try decoder.decode([Token].self, from: encoder.encode(all)) == all)
        #expect(try JSONDecoder().decode([Token].self, from: JSONEncoder().encode(all)) == all)
    }

    @Test("Token JSON decoding rejects unknown features and kinds, accepts missing features")
    func tokenJSONDecoding() throws {
        let decoder = JSONDecoder()
        let bare = try decoder.decode(Token.self, from: Data(#"{"start":1,"end":3,"kind":"number"}"#.utf8))
        #expect(bare == Token(span: TextSpan(start: 1, end: 3), kind: .number))
        #expect(throws: DecodingError.self) {
            try decoder.decode(Token.self, from: Data(#"{"start":1,"end":3,"kind":"word","features":["bold"]}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try decoder.decode(Token.self, from: Data(#"{"start":1,"end":3,"kind":"noun"}"#.utf8))
        }
        #expect(throws: DecodingError.self) {
            try decoder.decode(Token.self, from: Data(#"{"start":3,"end":1,"kind":"word"}"#.utf8))
        }
        #expect(Token.Features([.allCaps, .elision]).names == ["allCaps", "elision"])
        #expect(Token.Features(name: "paragraphStart") == .paragraphStart)
        #expect(Token.Features(name: "nope") == nil)
    }
}

@Suite("Loose apostrophes")
struct LooseApostropheTests {
    @Test(arguments: [
        ("aujourd‘hui", ["aujourd‘hui"]),
        ("l´accord", ["l´", "accord"]),
        ("qu`il", ["qu`", "il"]),
        ("le ‘mot’ cité", ["le", "‘", "mot", "’", "cité"]),
        ("prix ` x", ["prix", "`", "x"]),
    ])
    func betweenLettersTheyAreApostrophes(text: String, expected: [String]) {
        let tokens = Tokenizer().tokenize(text)
        #expect(tokens.map { String($0.span.substring(of: text)) } == expected)
    }

    @Test func theyMarkElisionsLikeTheUsualApostrophe() {
        let text = "l´accord"
        let tokens = Tokenizer().tokenize(text)
        #expect(tokens.first?.has(.elision) == true)
    }
}
