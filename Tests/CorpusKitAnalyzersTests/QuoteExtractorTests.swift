import CorpusKit
import CorpusKitAnalyzers
import Testing

/// News sentences written for these tests.
enum QuoteFixtures {
    static func quotes(_ text: String) -> [Quote] { QuoteExtractor().quotes(in: text) }

    /// `text | speaker entity (method)` of each quotation.
    static func summary(_ text: String) -> [String] {
        quotes(text).map { quote in
            let speaker = quote.speakerEntity.map { "\($0.name) (\($0.method))" } ?? "-"
            return "\(quote.text) | \(speaker)"
        }
    }
}

@Suite("Quotes: attribution shapes")
struct QuoteAttributionTests {
    @Test func invertedCueAfterTheQuote() throws {
        let text = "Le ministre des Affaires étrangères, Jean Martin, était à Alger. « Nous avons signé un accord historique », a déclaré le ministre Jean Martin."
        let quote = try #require(QuoteFixtures.quotes(text).first)
        #expect(quote.text == "Nous avons signé un accord historique")
        #expect(quote.kind == .direct)
        #expect(quote.quoteMarks == "«»")
        #expect(quote.cue?.lemma == "déclarer")
        #expect(quote.cue?.text == "a déclaré")
        #expect(quote.speaker?.text == "le ministre Jean Martin")
        #expect(quote.speakerEntity?.name == "Jean Martin")
        #expect(quote.speakerEntity?.method == "name")
    }

    @Test func subjectFirstAfterTheQuote() {
        #expect(QuoteFixtures.summary("« Les prix vont encore monter cette année », Nadia Berrada a ajouté.")
            == ["Les prix vont encore monter cette année | Nadia Berrada (name)"])
    }

    @Test func invertedPronounResolvesToThePreviousSpeaker() {
        let text = "« Le dialogue reste ouvert avec tous les partenaires », a affirmé Karim Benali. « Nous ne céderons rien sur le fond du dossier », a-t-il ajouté."
        #expect(QuoteFixtures.summary(text) == [
            "Le dialogue reste ouvert avec tous les partenaires | Karim Benali (name)",
            "Nous ne céderons rien sur le fond du dossier | Karim Benali (pronoun)",
        ])
        let second = QuoteFixtures.quotes(text).last
        #expect(second?.cue?.lemma == "ajouter")
    }

    @Test func cueBeforeTheQuoteWithAColon() {
        #expect(QuoteFixtures.summary("La présidente Sophie Renard a déclaré : « Le budget sera voté avant l'été. »")
            == ["Le budget sera voté avant l'été. | Sophie Renard (name)"])
    }

    @Test func inciseCutsTheQuoteInTwoFragments() throws {
        let text = "« Nous irons jusqu'au bout, a assuré Paul Girard, quoi qu'il en coûte. »"
        let quote = try #require(QuoteFixtures.quotes(text).first)
        #expect(quote.fragments.count == 2)
        #expect(quote.text == "Nous irons jusqu'au bout […] quoi qu'il en coûte.")
        #expect(quote.speakerEntity?.name == "Paul Girard")
        let inverted = try #require(QuoteFixtures.quotes("« La route est coupée, dit-elle, depuis trois jours. » Mme Lina Haddad habite le village.").first)
        #expect(inverted.fragments.count == 2)
        #expect(inverted.cue?.lemma == "dire")
    }

    @Test func partialQuoteIsMixed() throws {
        let quote = try #require(QuoteFixtures.quotes("Le président Omar Said a réitéré son « engagement total » envers la région.").first)
        #expect(quote.kind == .mixed)
        #expect(quote.text == "engagement total")
        #expect(quote.speakerEntity?.name == "Omar Said")
    }

    @Test func indirectSpeechAndSelon() {
        #expect(QuoteFixtures.summary("Le ministre Jean Martin a affirmé que les négociations reprendront lundi.")
            == ["les négociations reprendront lundi | Jean Martin (name)"])
        #expect(QuoteFixtures.summary("Selon Amina Touré, la récolte sera meilleure que prévu.")
            == ["la récolte sera meilleure que prévu | Amina Touré (name)"])
        #expect(QuoteFixtures.summary("La récolte sera meilleure que prévu, selon Amina Touré.")
            == ["La récolte sera meilleure que prévu | Amina Touré (name)"])
        // No speaker to resolve: not a quotation.
        #expect(QuoteFixtures.quotes("Il faut dire que la récolte sera bonne.").isEmpty)
    }

    @Test func englishShapes() {
        #expect(QuoteFixtures.summary("\"We will not back down,\" said Laura Mitchell.")
            == ["We will not back down, | Laura Mitchell (name)"])
        #expect(QuoteFixtures.summary("“Prices will keep rising,” Daniel Hughes said.")
            == ["Prices will keep rising, | Daniel Hughes (name)"])
    }

    @Test func floatingQuoteAfterAnAttributedOne() throws {
        let text = "« L'usine rouvrira en mai », a annoncé Claire Dubois.\n\n« Les salariés seront tous réembauchés dans les mêmes conditions. »"
        let quotes = QuoteFixtures.quotes(text)
        #expect(quotes.count == 2)
        #expect(quotes.last?.speakerEntity?.name == "Claire Dubois")
        #expect(quotes.last?.speakerEntity?.method == "previous")
        #expect((quotes.last?.confidence ?? 1) < (quotes.first?.confidence ?? 0))
    }

    @Test func ceDernierAndRoles() {
        let text = "Le ministre de la Justice, Marc Lefort, a reçu Paul Girard. « La réforme sera retirée », a déclaré ce dernier. « Rien n'est décidé à ce stade du débat », a répondu le ministre."
        let summary = QuoteFixtures.summary(text)
        #expect(summary.contains("La réforme sera retirée | Paul Girard (ce-dernier)"))
        #expect(summary.contains("Rien n'est décidé à ce stade du débat | Marc Lefort (role)"))
    }
}

@Suite("Quotes: more shapes and speakers")
struct QuoteMoreShapesTests {
    @Test func moreIndirectShapes() {
        #expect(QuoteFixtures.summary("D'après Amina Touré, la récolte sera meilleure que prévu.")
            == ["la récolte sera meilleure que prévu | Amina Touré (name)"])
        #expect(QuoteFixtures.summary("Pour Karim Benali, cette réforme arrive bien trop tard.")
            == ["cette réforme arrive bien trop tard | Karim Benali (name)"])
        #expect(QuoteFixtures.summary("Laura Mitchell said that the plant will reopen in May.")
            == ["the plant will reopen in May | Laura Mitchell (name)"])
        #expect(QuoteFixtures.summary("According to Daniel Hughes, prices will keep rising next year.")
            == ["prices will keep rising next year | Daniel Hughes (name)"])
        // A participle continues the sentence's subject.
        #expect(QuoteFixtures.summary("Le maire Paul Girard a salué l'accord, ajoutant que les travaux commenceront en juin.")
            == ["les travaux commenceront en juin | Paul Girard (name)"])
        // A negated cue still reports.
        #expect(QuoteFixtures.summary("Sophie Renard n'a pas manqué de noter que le budget était en baisse.")
            == ["le budget était en baisse | Sophie Renard (name)"])
    }

    @Test func mixedSentence() throws {
        let quote = try #require(QuoteFixtures.quotes("Jean Martin a souligné que le texte était prêt, « à la virgule près », selon lui.").first)
        #expect(quote.kind == .mixed)
        #expect(quote.speakerEntity?.name == "Jean Martin")
    }

    @Test func headlineSpeaker() throws {
        let quote = try #require(QuoteFixtures.quotes("Jean Martin : « Nous ne reculerons pas sur la réforme des retraites »\nLe ministre s'est exprimé hier.").first)
        #expect(quote.speakerEntity?.name == "Jean Martin")
        #expect(quote.cue == nil)
    }

    @Test func titledSurnameAndOrganisationSpeakers() {
        let text = "Jean Martin est arrivé hier. « Le calendrier sera tenu jusqu'au bout », a déclaré M. Martin."
        #expect(QuoteFixtures.summary(text) == ["Le calendrier sera tenu jusqu'au bout | Jean Martin (name)"])
        let capital = QuoteFixtures.quotes("Washington a répondu : « Aucune sanction ne sera levée cette année. »")
        #expect(capital.first?.speakerEntity?.name == "Washington")
        #expect(capital.first?.speakerEntity?.kind == .organization)
    }

    @Test func twoSpeakers() throws {
        let quote = try #require(QuoteFixtures.quotes("« Nous signerons le texte ensemble dès lundi », ont annoncé MM. Jean Martin et Paul Girard.").first)
        #expect(quote.speakerEntity?.name == "Jean Martin")
        #expect(quote.coSpeakers.map(\.name) == ["Paul Girard"])
    }

    @Test func tickersAndNamesAreNotQuotes() {
        #expect(QuoteFixtures.quotes("EN DIRECT | « Nous ne céderons rien », dit le ministre | Météo | Sports").isEmpty)
        #expect(QuoteFixtures.quotes("Le navire, baptisé « Étoile du Nord », a quitté le port ce matin.").isEmpty)
    }
}

@Suite("Quotes: marks and what is not a quote")
struct QuoteMarkTests {
    @Test func notQuotes() {
        #expect(QuoteFixtures.quotes("Le colloque s'est tenu sur le thème « Villes et climat au XXIe siècle ».").isEmpty)
        #expect(QuoteFixtures.quotes("L'opération « Vent du Sud » a pris fin hier dans la région.").isEmpty)
        #expect(QuoteFixtures.quotes("Ce « succès » laisse les habitants perplexes.").isEmpty)
    }

    @Test func straightQuotesAlternateAndApostrophesAreNotMarks() {
        let quotes = QuoteFixtures.quotes("\"L'accord est signé\", a indiqué Rami Saleh. \"Aujourd'hui c'est un grand jour\", a-t-il ajouté.")
        #expect(quotes.map(\.text) == ["L'accord est signé", "Aujourd'hui c'est un grand jour"])
    }

    @Test func nestedQuotesOfAnotherType() throws {
        let quote = try #require(QuoteFixtures.quotes("« Il m'a dit “on verra demain” et il est parti », a raconté Léa Morel.").first)
        #expect(quote.text == "Il m'a dit “on verra demain” et il est parti")
        #expect(quote.speakerEntity?.name == "Léa Morel")
    }

    @Test func quoteOverSeveralParagraphs() throws {
        let text = "Jean Martin a déclaré : « Le projet avance bien sur tous les fronts.\n\n« Les travaux finiront avant l'hiver prochain. »"
        let quote = try #require(QuoteFixtures.quotes(text).first)
        #expect(quote.fragments.count == 2)
        #expect(quote.speakerEntity?.name == "Jean Martin")
    }

    @Test func malformedMarksNeverTrap() {
        let texts = [
            String(repeating: "« ", count: 5_000), String(repeating: "» ", count: 5_000), String(repeating: "\"", count: 3_001),
            "« Ouvert sans fin, a dit Jean Martin", "» fermé « ouvert “ mixte ” ‹ › „ fin", "— ", "—", "« »", "\"\"",
            "« Un texte\n\nqui continue sans guillemet », a dit Paul Girard.",
        ]
        for text in texts {
            let structure = TextStructure(analyzing: text)
            for quote in QuoteFixtures.quotes(text) {
                #expect(quote.span.end <= structure.text.utf8.count)
                for fragment in quote.fragments { #expect(fragment.range(in: structure.text) != nil) }
            }
        }
        let unclosed = QuoteFixtures.quotes("« Nous ne lâcherons rien sur les salaires, a dit Paul Girard")
        #expect(unclosed.allSatisfy { $0.confidence < 0.6 })
    }

    @Test func dialogueLinesStopAtTheirNarration() {
        let text = "L'entretien a duré une heure.\n\n— Reviendrez-vous l'an prochain ? demanda la journaliste Inès Morel.\n\n— Sans doute, répondit le maire, si le budget suit.\n\n— Et la gare ?"
        let quotes = QuoteFixtures.quotes(text)
        #expect(quotes.map(\.text) == ["Reviendrez-vous l'an prochain ?", "Sans doute […] si le budget suit.", "Et la gare ?"])
        #expect(quotes.first?.speakerEntity?.name == "Inès Morel")
        #expect(quotes.dropFirst().first?.speaker?.text == "le maire")
        #expect(quotes.allSatisfy { $0.quoteMarks == "—" })
    }

    @Test func dialogueDash() throws {
        let quote = try #require(QuoteFixtures.quotes("— Nous reviendrons demain, répondit le maire Paul Girard, avec les plans.").first)
        #expect(quote.quoteMarks == "—")
        #expect(quote.fragments.count == 2)
        #expect(quote.speakerEntity?.name == "Paul Girard")
    }
}

@Suite("Quotes: corpus index")
struct QuoteIndexTests {
    @Test func speakersAndReprintedQuotesMergeAcrossShards() {
        let wire = "« Les négociations reprendront dès la semaine prochaine », a déclaré Jean Martin."
        let other = "« Nous attendons des actes et non des promesses », a affirmé Nadia Berrada."
        var whole = QuoteIndex(), left = QuoteIndex(), right = QuoteIndex()
        for (k, (id, text)) in [("a", wire), ("b", wire), ("c", other), ("d", wire)].enumerated() {
            let contribution = QuoteIndex.contribution(of: QuoteFixtures.quotes(text), articleID: id)
            whole.merge(contribution)
            if k < 2 { left.merge(contribution) } else { right.merge(contribution) }
        }
        left.merge(right)
        #expect(left == whole)
        #expect(whole.bySpeaker["person\u{1F}Jean Martin"] == 3)
        #expect(whole.bySpeaker["person\u{1F}Nadia Berrada"] == 1)
        #expect(whole.reprinted.count == 1)
        #expect(whole.reprinted.first?.articleCount == 3)
        #expect(whole.reprinted.first?.articles == ["a", "b", "d"])
    }
}
