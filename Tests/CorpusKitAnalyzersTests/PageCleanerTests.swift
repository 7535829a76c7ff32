import CorpusKit
import CorpusKitAnalyzers
import Testing

@Suite("Page cleaning")
struct PageCleanerTests {
    let cleaner = PageCleaner()

    private func reasons(_ page: CleanedPage) -> [String] {
        page.report.removed.map { "\($0.location.line):\($0.reason)" }
    }

    @Test func frenchPageKeepsTitleLeadSubheadingsAndQuotes() {
        let page = cleaner.clean("""
            La Gazette de l'Oriental — L'info de l'Est, chaque jour
            Accueil | National | Régions | Sport | Culture
            Accueil > Régions > Oujda

            Oujda : la nouvelle ligne de bus électrique entre en service
            Par Nadia Berrada — Le 14/03/2024 à 18h32
            Partager | Tweet | E-mail
            La ville inaugure sa première ligne de bus électrique, qui reliera la gare au campus universitaire en vingt minutes.
            Les dix véhicules, livrés en janvier, circuleront de six heures à minuit, sept jours sur sept, pour un ticket à quatre dirhams.
            Un chantier de deux ans
            « Ce projet montre que nos villes moyennes peuvent aussi réussir leur transition », a déclaré le maire, M. Younes Tahiri.
            Les travaux avaient pris du retard à cause de la réfection de deux carrefours du centre-ville, selon la régie des transports.
            Lire aussi : Transport urbain : Berkane lance un appel d'offres
            Mots-clés : bus, transport, Oujda
            Les plus lus
            1. Météo : des pluies attendues sur le littoral
            2. Football : le MCO s'impose à domicile
            © 2024 La Gazette de l'Oriental — Tous droits réservés
            """)
        #expect(page.body == """
            Oujda : la nouvelle ligne de bus électrique entre en service
            La ville inaugure sa première ligne de bus électrique, qui reliera la gare au campus universitaire en vingt minutes.
            Les dix véhicules, livrés en janvier, circuleront de six heures à minuit, sept jours sur sept, pour un ticket à quatre dirhams.
            Un chantier de deux ans
            « Ce projet montre que nos villes moyennes peuvent aussi réussir leur transition », a déclaré le maire, M. Younes Tahiri.
            Les travaux avaient pris du retard à cause de la réfection de deux carrefours du centre-ville, selon la régie des transports.
            """)
        #expect(reasons(page) == [
            "1:outside-article", "2:menu", "3:menu", "6:byline", "7:social", "13:read-also", "14:tags",
            "15:related-list", "16:related-list", "17:related-list", "18:footer",
        ])
    }

    @Test func englishPageDropsCookiesCommentsAndNewsletter() {
        let page = cleaner.clean("""
            We use cookies to improve your experience. Accept all | Manage settings
            The Valley Herald
            Home | Local | Business | Sport

            Council approves new flood defences for the river quarter
            Residents welcome the plan but warn that work must start before winter
            By Tom Ellison | March 14, 2024
            The city council voted on Tuesday to fund a two-kilometre flood wall along the river quarter, after three floods in five years.
            Engineers expect the first section to be finished by next autumn, with the rest completed the following year.
            "We have waited long enough for this decision," said Ann Porter, who chairs the residents' association.
            Sign up for our morning briefing — the day's local news in your inbox.
            2 Comments
            Mike R. · March 14, 2024
            About time. My cellar flooded twice last year and nobody came to help.
            Leave a comment
            Your email address will not be published. Required fields are marked *
            """)
        #expect(page.body == """
            Council approves new flood defences for the river quarter
            Residents welcome the plan but warn that work must start before winter
            The city council voted on Tuesday to fund a two-kilometre flood wall along the river quarter, after three floods in five years.
            Engineers expect the first section to be finished by next autumn, with the rest completed the following year.
            "We have waited long enough for this decision," said Ann Porter, who chairs the residents' association.
            """)
        let removed = page.report.removed
        #expect(removed.first?.reason == .newsletter)
        #expect(removed.first { $0.text.hasPrefix("About time") }?.reason == .comments)
        #expect(removed.first { $0.text.hasPrefix("Sign up") }?.reason == .newsletter)
    }

    @Test func repeatsAreDroppedAndTheFirstOccurrenceKept() {
        let paragraph = "Le conseil municipal a voté mardi un budget en hausse de 4 %, porté par les investissements dans les écoles et la voirie."
        let caption = "Photo : le nouveau marché couvert de la place centrale, inauguré samedi."
        let page = cleaner.clean("""
            Le budget de la ville adopté sans surprise
            \(paragraph)
            \(caption)
            L'opposition a dénoncé une hausse des impôts locaux, que la majorité juge modeste au regard des projets prévus.
            \(caption)
            \(caption.replacingOccurrences(of: "samedi", with: "samedi dernier"))
            \(caption)
            Le budget de la ville adopté sans surprise
            \(paragraph)
            L'opposition a dénoncé une hausse des impôts locaux, que la majorité juge modeste au regard des projets prévus.
            """)
        // The caption with one word added is a near repeat (12 of 13 words shared): dropped too.
        #expect(page.body == """
            Le budget de la ville adopté sans surprise
            \(paragraph)
            \(caption)
            L'opposition a dénoncé une hausse des impôts locaux, que la majorité juge modeste au regard des projets prévus.
            """)
        #expect(page.report.removedCounts[.duplicate] == 6)
    }

    @Test func nearRepeatWithAChangedFigureIsDropped() {
        let first = "Selon la préfecture, 1 200 personnes ont été évacuées dans la nuit de samedi à dimanche après la crue."
        let page = cleaner.clean("""
            \(first)
            \(first.replacingOccurrences(of: "1 200", with: "1 250"))
            """)
        #expect(page.body == first)
    }

    @Test func aParagraphCutByAnAdIsRejoined() {
        let page = cleaner.clean("""
            Le port de Tanger bat un nouveau record de trafic
            Le port a traité plus de huit millions de conteneurs l'an dernier, un record porté par les lignes vers
            PUBLICITÉ — Votre crédit auto en 48 heures, sans frais de dossier.
            l'Afrique de l'Ouest et par la hausse des échanges avec l'Europe du Sud.
            La direction prévoit une nouvelle extension des quais d'ici à trois ans, pour un coût non communiqué.
            """)
        #expect(page.body == """
            Le port de Tanger bat un nouveau record de trafic
            Le port a traité plus de huit millions de conteneurs l'an dernier, un record porté par les lignes vers l'Afrique de l'Ouest et par la hausse des échanges avec l'Europe du Sud.
            La direction prévoit une nouvelle extension des quais d'ici à trois ans, pour un coût non communiqué.
            """)
        #expect(page.report.rejoined.map(\.line) == [4])
        #expect(page.report.removed.map(\.reason) == [.advertising])
    }

    @Test func tickersHashtagsAndSocialEmbedsAreRemoved() {
        let page = cleaner.clean("""
            EN CONTINU  Économie : le dirham se stabilise  Sport : la sélection qualifiée  Culture : le festival reporté
            La sélection nationale s'est qualifiée jeudi soir pour la phase finale après une victoire nette face au Bénin.
            Publication Instagram de @federation_foot
            🎉🇲🇦 QUALIFIÉS !!! Merci à tous 🙌 #DimaMaghrib
            ❤️ 12 400   💬 310
            #Football #Qualification #CAN
            Le sélectionneur a salué « un groupe solidaire » et donné rendez-vous aux supporters pour le match retour.
            """)
        #expect(page.body == """
            La sélection nationale s'est qualifiée jeudi soir pour la phase finale après une victoire nette face au Bénin.
            Le sélectionneur a salué « un groupe solidaire » et donné rendez-vous aux supporters pour le match retour.
            """)
        #expect(page.report.removed.map(\.reason) == [.ticker, .social, .social, .social, .tags])
    }

    @Test func bylinesBelowTheTitleAndCaptionsBeforeTheLead() {
        let page = cleaner.clean("""
            Le Courrier de l'Atlas
            Actualités ▾   Régions ▾   Sport   Culture   S'abonner

            Agadir : le port de pêche modernise sa criée
            Temps de lecture : 4 min
            Publication : 12 avril 2024, 7 h 30

            — Publicité —
            Les mareyeurs découvrent la nouvelle halle de vente, le 10 avril. (Photo Y. Idrissi/Le Courrier)

            La nouvelle criée du port d'Agadir a ouvert ses portes mercredi, après deux ans de travaux financés par la région.
            Les pêcheurs espèrent des ventes plus rapides et une meilleure conservation du poisson, grâce aux chambres froides.
            Réagissez à cet article (2)
            Un pêcheur — 12 avril 2024, 9 h 10
            Enfin une halle digne de ce nom, il était temps que les travaux se terminent.
            """)
        #expect(page.body == """
            Agadir : le port de pêche modernise sa criée
            Les mareyeurs découvrent la nouvelle halle de vente, le 10 avril. (Photo Y. Idrissi/Le Courrier)
            La nouvelle criée du port d'Agadir a ouvert ses portes mercredi, après deux ans de travaux financés par la région.
            Les pêcheurs espèrent des ventes plus rapides et une meilleure conservation du poisson, grâce aux chambres froides.
            """)
        let reasons = Dictionary(page.report.removed.map { ($0.location.line, $0.reason) }, uniquingKeysWith: { a, _ in a })
        #expect(reasons[2] == .menu)  // laid out with runs of spaces
        #expect(reasons[5] == .byline)  // reading time
        #expect(reasons[8] == .advertising)  // keyword behind dashes
        #expect(reasons[13] == .comments)
        #expect(reasons[15] == .comments)
    }

    @Test func cookieBannersAndSubscriptionAppealsAreRemoved() {
        let page = cleaner.clean("""
            🍪 Ce site utilise des traceurs
            Avec votre accord, nos partenaires et nous utilisons des cookies pour mesurer l'audience et personnaliser les annonces.
            Rabat : la ligne de tramway prolongée jusqu'à l'aéroport
            Les travaux du prolongement de la ligne 1 commenceront en septembre, pour une mise en service prévue en 2027.
            Cet article vous a plu ? Soutenez une information indépendante : abonnez-vous dès 1 € par mois.
            📩 LA NEWSLETTER TRANSPORTS
            Version imprimable
            Le Courrier de l'Atlas est édité par Atlas Médias SARL, capital social de 100 000 dirhams.
            """)
        #expect(page.body == """
            Rabat : la ligne de tramway prolongée jusqu'à l'aéroport
            Les travaux du prolongement de la ligne 1 commenceront en septembre, pour une mise en service prévue en 2027.
            """)
        #expect(page.report.removed.map(\.reason) == [
            .newsletter, .newsletter, .newsletter, .newsletter, .navigation, .footer,
        ])
    }

    @Test(arguments: [
        "Share prices fell sharply on Monday after the central bank raised its main rate by half a point.",
        "Close to 200 people gathered outside the courthouse on Friday morning to support the defendants.",
        "Suivant la recommandation du comité, le gouvernement a suspendu le projet pour six mois au moins.",
        "Annonce faite, le ministre a quitté la salle sans répondre aux questions des journalistes présents.",
        "Source de tensions depuis des années, le barrage fait l'objet d'une nouvelle médiation internationale.",
    ])
    func sentencesThatStartLikeButtonsAreKept(sentence: String) {
        let page = cleaner.clean("Un titre de page pour le test\n\(sentence)\nUne seconde phrase assez longue pour former un vrai paragraphe de corps.")
        #expect(page.body.contains(sentence))
    }

    @Test func aPageOfNoiseIsKeptWholeRatherThanEmptied() {
        let text = "Accueil | Monde | Sport\nPartager | Tweet\n© 2024 Exemple"
        let page = cleaner.clean(text)
        #expect(page.body == text)
        #expect(page.report.keptWholePage)
    }

    @Test func aShortBriefWithoutProseIsKept() {
        let page = cleaner.clean("Rabat : coupure d'eau mardi dans trois quartiers\nDe 8 h à 14 h")
        #expect(page.body == "Rabat : coupure d'eau mardi dans trois quartiers\nDe 8 h à 14 h")
    }

    @Test func locationsAreLinesAndScalarOffsets() throws {
        let page = cleaner.clean("Économie | Société | Sport\nUn titre assez long pour être un titre\nUne phrase de corps suffisamment longue pour passer pour un paragraphe de texte.")
        let menu = try #require(page.report.removed.first)
        #expect(menu.location == PageLocation(line: 1, start: 0, end: 26))
        #expect(menu.text == "Économie | Société | Sport")
    }

    @Test func hostileInputDoesNotTrap() {
        let inputs = [
            String(repeating: "x", count: 1_000_000),
            String(repeating: "« ", count: 10_000),
            String(repeating: "a\u{0}b\n", count: 1_000),
            String(repeating: "\n", count: 10_000),
            String(repeating: "e\u{301}", count: 5_000) + "\n" + String(repeating: "👩‍👩‍👧 ", count: 2_000),
            "",
        ]
        for input in inputs {
            let page = cleaner.clean(input)
            #expect(page.body.utf8.count <= input.utf8.count)
            // Whatever the input, a page with text is never emptied.
            if input.unicodeScalars.contains(where: { $0.properties.isAlphabetic }) { #expect(!page.body.isEmpty) }
        }
    }
}

@Suite("Page cleaning in the pipeline")
struct CleaningStageTests {
    let page = """
        Le Journal du Test
        Accueil | Politique | Monde
        Le Parlement adopte la loi sur l'eau potable
        Par Samir Ouali — Le 14/03/2024 à 18h32
        Les députés ont adopté mardi, à une large majorité, le projet de loi sur la gestion de l'eau potable.
        Le texte prévoit une tarification progressive et un plan d'investissement dans les réseaux ruraux.
        © 2024 Le Journal du Test — Tous droits réservés
        """

    @Test func theStandardRegistryCleansBeforeAnalyzers() throws {
        let pipeline = try Pipeline(registry: .standard, selecting: [.cleaning, .text])
        let analysis = pipeline.analyze(Article(id: "loi-eau", text: page))
        #expect(analysis.article.body.hasPrefix("Le Parlement adopte la loi sur l'eau potable\nLes députés"))
        #expect(analysis.article.rawText == page)
        #expect(analysis.article.title == "Le Parlement adopte la loi sur l'eau potable")
        #expect(analysis[.text]?.paragraphs.count == 3)
        #expect(analysis[.cleaning]?.filledFields.contains("title") == true)
    }

    @Test func inputMetadataWins() throws {
        let pipeline = try Pipeline(registry: .standard, selecting: [.cleaning])
        let article = Article(id: "a", text: page, title: "Titre donné", source: "Agence")
        let analysis = pipeline.analyze(article)
        #expect(analysis.article.title == "Titre donné")
        #expect(analysis.article.source == "Agence")
        #expect(analysis[.cleaning]?.filledFields.contains("title") == false)
    }

    @Test func cleaningCanBeTurnedOff() throws {
        let pipeline = try Pipeline(registry: .standard, selecting: [.text], preprocessing: false)
        let analysis = pipeline.analyze(Article(id: "a", text: page))
        #expect(analysis.article.body == page)
        #expect(analysis.article.title == nil)
    }
}
