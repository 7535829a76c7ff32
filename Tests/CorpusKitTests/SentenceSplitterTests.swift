import CorpusKit
import Testing

/// Tokens, sentences and paragraphs of `text`.
private func segment(_ text: String) -> (tokens: [Token], sentences: [Sentence], paragraphs: [Paragraph]) {
    var tokens = Tokenizer().tokenize(text)
    let result = SentenceSplitter().segment(text, tokens: &tokens)
    return (tokens, result.sentences, result.paragraphs)
}

/// The texts of the sentences of `text`.
private func sentences(_ text: String) -> [String] {
    segment(text).sentences.map { String($0.span.substring(of: text)) }
}

/// The texts of the paragraphs of `text`.
private func paragraphs(_ text: String) -> [String] {
    segment(text).paragraphs.map { String($0.span.substring(of: text)) }
}

/// Checks the structural invariants: sentences and paragraphs tile the tokens in order, spans run from the first
/// token's start to the last token's end, and exactly the first tokens carry the start flags.
private func checkStructure(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) {
    let (tokens, sentences, paragraphs) = segment(text)
    var nextToken = 0
    for sentence in sentences {
        #expect(sentence.tokens.lowerBound == nextToken, sourceLocation: sourceLocation)
        #expect(!sentence.tokens.isEmpty, sourceLocation: sourceLocation)
        nextToken = sentence.tokens.upperBound
        #expect(sentence.span.start == tokens[sentence.tokens.lowerBound].span.start, sourceLocation: sourceLocation)
        #expect(sentence.span.end == tokens[sentence.tokens.upperBound - 1].span.end, sourceLocation: sourceLocation)
        #expect(sentence.span.range(in: text) != nil, sourceLocation: sourceLocation)
    }
    #expect(nextToken == tokens.count, sourceLocation: sourceLocation)
    var nextSentence = 0
    var paragraphToken = 0
    for paragraph in paragraphs {
        #expect(paragraph.sentences.lowerBound == nextSentence, sourceLocation: sourceLocation)
        #expect(!paragraph.sentences.isEmpty, sourceLocation: sourceLocation)
        nextSentence = paragraph.sentences.upperBound
        #expect(paragraph.tokens.lowerBound == paragraphToken, sourceLocation: sourceLocation)
        paragraphToken = paragraph.tokens.upperBound
        #expect(sentences[paragraph.sentences.lowerBound].tokens.lowerBound == paragraph.tokens.lowerBound,
                sourceLocation: sourceLocation)
        #expect(sentences[paragraph.sentences.upperBound - 1].tokens.upperBound == paragraph.tokens.upperBound,
                sourceLocation: sourceLocation)
        #expect(paragraph.span.start == tokens[paragraph.tokens.lowerBound].span.start, sourceLocation: sourceLocation)
        #expect(paragraph.span.end == tokens[paragraph.tokens.upperBound - 1].span.end, sourceLocation: sourceLocation)
    }
    #expect(nextSentence == sentences.count, sourceLocation: sourceLocation)
    let sentenceStarts = Set(sentences.map(\.tokens.lowerBound))
    let paragraphStarts = Set(paragraphs.map(\.tokens.lowerBound))
    for (index, token) in tokens.enumerated() {
        #expect(token.has(.sentenceStart) == sentenceStarts.contains(index), sourceLocation: sourceLocation)
        #expect(token.has(.paragraphStart) == paragraphStarts.contains(index), sourceLocation: sourceLocation)
        #expect(token.has(.paragraphStart) == token.has(.lineStart), sourceLocation: sourceLocation)
    }
}

@Suite("Sentence splitter")
struct SentenceSplitterTests {
    @Test("Splits news text into sentences")
    func basic() {
        let text = "Le conseil municipal s’est réuni lundi soir. Les élus ont voté le budget à l’unanimité. "
            + "La séance a duré trois heures."
        #expect(sentences(text) == [
            "Le conseil municipal s’est réuni lundi soir.", "Les élus ont voté le budget à l’unanimité.",
            "La séance a duré trois heures.",
        ])
        checkStructure(text)
    }

    @Test("No break after abbreviations and initials", arguments: [
        "M. Dupont a été réélu dimanche avec 58 % des voix.",
        "Le Dr. Martin a opéré le patient pendant six heures.",
        "MM. Durand et Leroy ont signé le contrat hier.",
        "Mme. Roux et Mlle Petit sont arrivées ensemble.",
        "Le président John F. Kennedy a été assassiné à Dallas en 1963.",
        "Le philosophe J. Dupuis publie un nouvel essai.",
        "Il cite des fruits, des légumes, etc. et beaucoup de pain.",
        "La ville fut fondée en 52 av. J.-C. par les Romains.",
        "The U.S. economy grew faster than expected.",
        "Le texte est à la p. 12 du rapport.",
    ])
    func noBreakAfterAbbreviation(_ text: String) {
        #expect(sentences(text) == [text])
    }

    @Test("Breaks after a terminal mark before what starts a sentence", arguments: [
        ("Il est parti. Le lendemain, il est revenu.", ["Il est parti.", "Le lendemain, il est revenu."]),
        ("Que faire ? « Rien », répond-il.", ["Que faire ?", "« Rien », répond-il."]),
        ("Vraiment ?! Oui.", ["Vraiment ?!", "Oui."]),
        ("Incroyable ! Les Bleus gagnent.", ["Incroyable !", "Les Bleus gagnent."]),
        ("Il attend… Puis il repart.", ["Il attend…", "Puis il repart."]),
        ("Il attend... Puis il repart.", ["Il attend...", "Puis il repart."]),
        ("Bilan de l’année. 2024 sera meilleure.", ["Bilan de l’année.", "2024 sera meilleure."]),
        ("Fin du débat. – Oui, dit-elle.", ["Fin du débat.", "– Oui, dit-elle."]),
        ("Fin du débat. — Non, dit-il.", ["Fin du débat.", "— Non, dit-il."]),
        ("Il est parti. L’équipe reste.", ["Il est parti.", "L’équipe reste."]),
        ("He said \"Go.\" Then he left.", ["He said \"Go.\"", "Then he left."]),
        ("We left. \"Go,\" he said.", ["We left.", "\"Go,\" he said."]),
        ("Il a dit (enfin.) Puis rien.", ["Il a dit (enfin.)", "Puis rien."]),
        ("Il est parti. M. Dupont est resté.", ["Il est parti.", "M. Dupont est resté."]),
        ("Le match est fini. Élysée et Matignon réagissent.", ["Le match est fini.", "Élysée et Matignon réagissent."]),
        ("Voir la note. “Nothing,” she said.", ["Voir la note.", "“Nothing,” she said."]),
    ])
    func breaks(_ text: String, _ expected: [String]) {
        #expect(sentences(text) == expected)
        checkStructure(text)
    }

    @Test("No break before lower case or inside a word", arguments: [
        "Il hésite… puis repart vers la gare.",
        "Le site lemonde.fr a publié l’article.",
        "Il a dit non. et il est parti sans un mot.",
        "Les prix ont augmenté de 3,5 % en 2024. selon l’Insee.",
        "Super ! 😀 on se retrouve demain.",
    ])
    func noBreak(_ text: String) {
        #expect(sentences(text) == [text])
    }

    @Test("No break inside guillemets; the quotation ends with its »")
    func guillemets() {
        let text = "Le ministre a déclaré : « Nous irons. Nous verrons. » Puis il a quitté la salle."
        #expect(sentences(text) == [
            "Le ministre a déclaré : « Nous irons. Nous verrons. »", "Puis il a quitté la salle.",
        ])
        let whole = "« Nous irons. Nous verrons. » Puis il est parti."
        #expect(sentences(whole) == ["« Nous irons. Nous verrons. »", "Puis il est parti."])
        let nested = "Il lit : « Elle écrit : « Partez. Vite. » Fin. » Ensuite il se tait."
        #expect(sentences(nested) == ["Il lit : « Elle écrit : « Partez. Vite. » Fin. »", "Ensuite il se tait."])
        checkStructure(text)
        checkStructure(nested)
    }

    @Test("The example from the TextStructure documentation")
    func documentationExample() {
        let structure = TextStructure(analyzing: "M. Martin l’a dit : « Nous irons. » Puis il est parti.")
        #expect(structure.sentences.count == 2)
        #expect(structure.text(of: structure.tokens[0]) == "M.")
        #expect(structure.text(of: structure.sentences[1].span) == "Puis il est parti.")
        #expect(structure.paragraphs.count == 1)
    }

    @Test("Always breaks at a line break; each line is a paragraph")
    func lineBreaks() {
        let text = "Réforme des retraites : le Sénat vote\nLe texte a été adopté de justesse. Il passe en commission"
            + "\nmercredi prochain."
        #expect(sentences(text) == [
            "Réforme des retraites : le Sénat vote", "Le texte a été adopté de justesse.", "Il passe en commission",
            "mercredi prochain.",
        ])
        #expect(paragraphs(text) == [
            "Réforme des retraites : le Sénat vote", "Le texte a été adopté de justesse. Il passe en commission",
            "mercredi prochain.",
        ])
        let (_, found, foundParagraphs) = segment(text)
        #expect(foundParagraphs.map(\.sentences) == [0..<1, 1..<3, 3..<4])
        #expect(found.count == 4)
        checkStructure(text)
    }

    @Test("Blank lines produce no paragraph", arguments: [
        "Un.\n\n\nDeux.\n   \nTrois.", "\n\nUn.\r\n\r\nDeux.\r\n\u{00A0}\r\nTrois.\n\n", "Un.\u{2029}Deux.\u{2028}Trois.",
    ])
    func blankLines(_ text: String) {
        #expect(paragraphs(text) == ["Un.", "Deux.", "Trois."])
        #expect(sentences(text) == ["Un.", "Deux.", "Trois."])
        checkStructure(text)
    }

    @Test("An unmatched « is forgotten at the line break")
    func unmatchedGuillemetReset() {
        let text = "Il a crié « au secours. Puis plus rien.\nLa police est arrivée. Elle a tout fouillé."
        #expect(sentences(text) == [
            "Il a crié « au secours. Puis plus rien.", "La police est arrivée.", "Elle a tout fouillé.",
        ])
        checkStructure(text)
    }

    @Test("Ten thousand unmatched « complete and do not swallow the next line")
    func manyUnmatchedGuillemets() {
        let text = String(repeating: "« ", count: 10_000) + "Fin. Début.\nLa suite arrive. Elle est là."
        let found = sentences(text)
        #expect(found.count == 3)
        #expect(found.suffix(2) == ["La suite arrive.", "Elle est là."])
        checkStructure(text)
    }

    @Test("Guillemet depth is capped, so three » close any run of «")
    func depthCap() {
        let text = "« « « « « Partez. » » » Ensuite il se tait."
        #expect(sentences(text) == ["« « « « « Partez. » » »", "Ensuite il se tait."])
    }

    @Test("sentenceStart and paragraphStart flags")
    func flags() {
        let text = "Titre de l’article\nM. Dupont arrive. Il parle. « Bonjour. » Il part.\n\nFin."
        let (tokens, _, _) = segment(text)
        let starts = tokens.filter { $0.has(.sentenceStart) }.map { String($0.span.substring(of: text)) }
        #expect(starts == ["Titre", "M.", "Il", "«", "Il", "Fin"])
        let paragraphStarts = tokens.filter { $0.has(.paragraphStart) }.map { String($0.span.substring(of: text)) }
        #expect(paragraphStarts == ["Titre", "M.", "Fin"])
        checkStructure(text)
    }

    @Test("Segmenting twice gives the same tokens and sentences")
    func idempotent() {
        let text = "Il pleut. Le match est reporté.\nNouvelle date : samedi."
        var tokens = Tokenizer().tokenize(text)
        let first = SentenceSplitter().segment(text, tokens: &tokens)
        let flagged = tokens
        let second = SentenceSplitter().segment(text, tokens: &tokens)
        #expect(tokens == flagged)
        #expect(first.sentences == second.sentences)
        #expect(first.paragraphs == second.paragraphs)
    }

    @Test("Texts without tokens have no sentences or paragraphs", arguments: ["", "   ", "\n\n\r\n", "\u{200B}"])
    func empty(_ text: String) {
        let (tokens, found, foundParagraphs) = segment(text)
        #expect(tokens.isEmpty && found.isEmpty && foundParagraphs.isEmpty)
    }

    @Test("Structure invariants on varied texts", arguments: [
        "Un seul mot",
        "Ligne un\nLigne deux\n\nLigne trois",
        "Que se passe-t-il ? Personne ne le sait… Les enquêteurs cherchent encore !",
        "« Non ! » « Oui ? » « Peut-être. »",
        "» » Fin. « «",
        "L’ONU a publié son rapport le 14/03/2024 à 18h32. Il prévoit +3,5% de croissance. 👍🏽 Bravo.",
    ])
    func structure(_ text: String) {
        checkStructure(text)
    }
}
