import CorpusKit
import CorpusKitAnalyzers
import Testing

// MARK: - Fixture helpers

/// Builds a page and its lines from marked lines: `[menu] Accueil | Sport` is removed as `menu`; an unmarked line
/// is removed as `byline`/`site-header` when ``PageMetadataExtractor/lineKind(_:)`` says so, and kept otherwise;
/// `[kept] …` forces kept. Blank lines are in the text but, as in the cleaner, not in the lines.
private func page(_ marked: [String]) -> (text: String, lines: [PageLine]) {
    let extractor = PageMetadataExtractor()
    var text = ""
    var lines: [PageLine] = []
    for (offset, raw) in marked.enumerated() {
        var line = Substring(raw)
        var role: PageLine.Role?
        if line.hasPrefix("["), let close = line.firstIndex(of: "]") {
            let tag = String(line[line.index(after: line.startIndex)..<close])
            line = line[line.index(after: close)...].drop(while: { $0 == " " })
            role = tag == "kept" ? .kept : .removed(RemovalReason(rawValue: tag))
        }
        if offset > 0 { text += "\n" }
        let start = text.utf8.count
        text += line
        guard !line.isEmpty else { continue }
        if role == nil {
            switch extractor.lineKind(line) {
            case .siteHeader: role = .removed(.siteHeader)
            case .byline, .dateLine, .publishedIn: role = .removed(.byline)
            case nil: role = .kept
            }
        }
        lines.append(PageLine(number: offset + 1, span: TextSpan(start: start, end: text.utf8.count), role: role!))
    }
    return (text, lines)
}

private func extract(_ marked: [String]) -> PageMetadata {
    let (text, lines) = page(marked)
    return PageMetadataExtractor().extract(from: text, lines: lines)
}

private let frenchBody =
    "Après cinq jours de discussions parfois tendues, les délégués réunis dans la capitale ont fini par "
    + "s’accorder sur un fonds commun, qui sera alimenté par les contributions des États membres et par des prêts "
    + "des bailleurs internationaux, selon le texte adopté vendredi."
private let englishBody =
    "Train services across much of the north will grind to a halt next week after talks between the operator and "
    + "the union broke down on Wednesday afternoon, leaving hundreds of thousands of commuters facing a week of "
    + "disruption, according to a statement from the union."

/// A page with a title, one metadata line under it, and a body paragraph.
private func headedPage(_ metadataLine: String, french: Bool = true) -> PageMetadata {
    extract([
        french ? "Sommet de Rabat : onze pays s’accordent sur un fonds commun" : "Rail strike to halt services across the north",
        metadataLine,
        "",
        french ? frenchBody : englishBody,
    ])
}

// MARK: - Line kinds

@Suite("PageMetadata line kinds")
struct PageMetadataLineKindTests {
    let extractor = PageMetadataExtractor()

    @Test(
        "Whole-line metadata is recognised",
        arguments: [
            ("Par Karim Alaoui — Le 14/03/2024 à 18h32", MetadataLineKind.byline),
            ("Le 14/03/2024 à 18h32", .dateLine),
            ("Publié le 14 mars 2024 à 18:32", .dateLine),
            ("Publié dans L'Opinion le 12 - 02 - 2021", .publishedIn),
            ("Publié dans L’Éco Hebdo le 15 - 03 - 2024", .publishedIn),
            ("Mercredi 3 Mars 2021", .dateLine),
            ("jeudi 04 novembre 2021", .dateLine),
            ("Mardi 9 Mars 2021 - 10:48", .dateLine),
            ("date 2024-03-14", .dateLine),
            ("Mis à jour le 15/03/2024 à 09h00", .dateLine),
            ("Par La Rédaction", .byline),
            ("La Rédaction", .byline),
            ("By Jane Doe", .byline),
            ("By Jane Doe, Staff Writer | March 14, 2024", .byline),
            ("Published: 14 March 2024 18:32 GMT", .dateLine),
            ("Updated March 15, 2024", .dateLine),
            ("Published 2023-11-08T09:15:00Z", .dateLine),
            ("Karim Alaoui | Le 14/03/2024", .byline),
            ("Auteur : Salma El Idrissi", .byline),
            ("Par Hela Ben Romdhane", .byline),
            ("Par Aya Kouassi-N'Guessan – 5 décembre 2023", .byline),
            ("Staff Reporter • Tuesday, 17 October 2023", .byline),
            ("By Daniel O'Reilly | June 12, 2024 6:45 pm BST", .byline),
            ("Par Léa Fontaine-Morel | Publié le 21/04/2024 à 23h05, mis à jour le 22/04/2024 à 08h14", .byline),
            ("Par Karim Alaoui, envoyé spécial à Dakar", .byline),
            ("Par Karim Alaoui le 14/03/2024", .byline),
            ("Posted on March 14, 2024 by Jane Doe", .byline),
            ("Rabat, le 14 mars 2024", .dateLine),
            ("Samedi 15 juin 2024 | Rabat 27°C | Se connecter | S'abonner", .siteHeader),
            ("Subscribe | Log in", .siteHeader),
            ("Mon compte | Newsletter", .siteHeader),
            ("Published in The Example Post on March 14, 2024", .publishedIn),
            ("Publié par Karim Alaoui le 14/03/2024 à 18h32", .byline),
            ("Écrit par Karim Alaoui", .byline),
            ("Jane Doe and John Smith | March 14, 2024", .byline),
            ("Rédaction Web", .byline),
            ("Dernière mise à jour : 15/03/2024", .dateLine),
            ("Mis en ligne le 14/03/2024", .dateLine),
            ("Date de publication : 14/03/2024", .dateLine),
            ("MàJ le 15/03/2024 à 10h", .dateLine),
            ("PUBLIÉ LE 14 MARS 2024", .dateLine),
            ("Publié le 14 mars à 18h", .dateLine),  // no year: recognised, but gives no date
        ])
    func metadataLines(line: String, kind: MetadataLineKind) {
        #expect(extractor.lineKind(Substring(line)) == kind)
    }

    @Test(
        "Body sentences, menus and numbers are not metadata",
        arguments: [
            "Le 14 mars, le ministre a annoncé un plan d’urgence pour les barrages.",
            "Le 14 mars 2024, le ministre a annoncé un plan.",
            "Tout a commencé le jeudi 04 novembre 2021, dans un appartement de la Riviera.",
            "Rendez-vous le 14/03/2024 à 18h32 au stade municipal",
            "Accueil | Politique | Économie | Société | Sport",
            "Home / News / Digital Health",
            "Tél : +212 5 37 00 00 00",
            "42 délégués",
            "Lu 312 fois",
            "Bac 2024 : les résultats attendus avant la fin du mois",
            "1. Heatwave warning issued for southern England",
            "Par ailleurs, le gouvernement a annoncé une hausse de 3 %.",
            "By 2025, the network will cover 40 villages.",
            "Le Maroc traverse une sécheresse historique",
            "MOST READ",
            "The Example Courier",
            "Newsletter Rhône Matin",
            "Le 31/02/2024",
            "Le 29/02/2023 à 18h32",
            "14 mars",
            "Le 14 mars à 18h",
            "Euro 2024",
            "Rédaction : 12 rue des Orangers",
            "Comments (12)",
            "",
            "   ",
            "😀 Par Karim Alaoui 🎉",
        ])
    func notMetadata(line: String) {
        #expect(extractor.lineKind(Substring(line)) == nil)
    }

    @Test("A line longer than the limit is never metadata, even when it starts like a byline")
    func longLines() {
        let line = "Par Karim Alaoui — Le 14/03/2024 à 18h32 " + String(repeating: "x", count: 200)
        #expect(extractor.lineKind(Substring(line)) == nil)
        #expect(PageMetadataExtractor.maximumMetadataLineBytes == 200)
    }

    @Test("A substring of a larger string is read in place")
    func substringOfLargerString() {
        let text = "Titre\nPar Karim Alaoui — Le 14/03/2024 à 18h32\nCorps"
        let lines = text.split(separator: "\n")
        #expect(lines.map { extractor.lineKind($0) } == [nil, .byline, nil])
    }

    @Test("Hostile input never traps")
    func hostileInput() {
        let inputs = [
            String(repeating: "9", count: 150), String(repeating: "/", count: 199), String(repeating: "é", count: 100),
            "Le 14/03/", "Le 14/03/2024 à", "Le 14/03/2024 à 18h", "Par", "By :", "© ", "www.", "Le 1e\u{301}r mars 2024",
            "Par Karim Alaoui — Le 14/03/2024 à 99h99", "June 12, 2024 13:45 pm", "(GMT+1", "27°", "-",
            String(repeating: "Par ", count: 50), "\u{FEFF}Le 14/03/2024", "Le\u{00A0}14\u{00A0}mars\u{00A0}2024",
        ]
        for input in inputs { _ = extractor.lineKind(Substring(input)) }
        #expect(extractor.lineKind("Le 14/03/2024 à 99h99") == nil)  // `à 99h99` is not a time: not a whole date line
        #expect(extractor.lineKind("Le\u{00A0}14\u{00A0}mars\u{00A0}2024") == .dateLine)
    }
}

// MARK: - Dates

@Suite("PageMetadata dates")
struct PageMetadataDateTests {
    @Test(
        "Every byline and date shape gives the exact date",
        arguments: [
            ("Par Karim Alaoui — Le 14/03/2024 à 18h32", "2024-03-14T18:32", PublicationDate.Precision.minute),
            ("Le 14/03/2024 à 18h32", "2024-03-14T18:32", .minute),
            ("Publié le 14 mars 2024 à 18:32", "2024-03-14T18:32", .minute),
            ("Publié dans L'Opinion le 12 - 02 - 2021", "2021-02-12", .day),
            ("Mercredi 3 Mars 2021", "2021-03-03", .day),
            ("jeudi 04 novembre 2021", "2021-11-04", .day),
            ("Mardi 9 Mars 2021 - 10:48", "2021-03-09T10:48", .minute),
            ("date 2024-03-14", "2024-03-14", .day),
            ("Mis à jour le 15/03/2024 à 09h00", "2024-03-15T09:00", .minute),
            ("By Jane Doe, Staff Writer | March 14, 2024", "2024-03-14", .day),
            ("Published: 14 March 2024 18:32 GMT", "2024-03-14T18:32Z", .minute),
            ("Updated March 15, 2024", "2024-03-15", .day),
            ("Karim Alaoui | Le 14/03/2024", "2024-03-14", .day),
            ("Le 14-03-2024", "2024-03-14", .day),
            ("Le 14.03.2024", "2024-03-14", .day),
            ("Le 14/03/24 à 18 h 32", "2024-03-14T18:32", .minute),
            ("Publié le 1er avril 2024 à 18h", "2024-04-01T18:00", .minute),
            ("Publié le 3 févr. 2024", "2024-02-03", .day),
            ("Publié le 3 fév 2024", "2024-02-03", .day),
            ("Le 10 janv. 2024", "2024-01-10", .day),
            ("Le 29 FÉVRIER 2024", "2024-02-29", .day),
            ("Le 9 avr. 2024", "2024-04-09", .day),
            ("Le 8 mai 2024", "2024-05-08", .day),
            ("Le 6 juin 2024", "2024-06-06", .day),
            ("Le 7 juil. 2022", "2022-07-07", .day),
            ("Publié le 15 août 2024", "2024-08-15", .day),
            ("Publié le 15 aout 2024", "2024-08-15", .day),
            ("Le 2 sept. 2022", "2022-09-02", .day),
            ("Le 11 oct. 2023", "2023-10-11", .day),
            ("Le 21 nov. 2023", "2023-11-21", .day),
            ("Le 12 déc. 2023", "2023-12-12", .day),
            ("Le 12 Decembre 2023", "2023-12-12", .day),
            ("Posted on Mar. 5, 2024 at 6:32 pm", "2024-03-05T18:32", .minute),
            ("Updated Sept. 3rd, 2023, 12:05 a.m.", "2023-09-03T00:05", .minute),
            ("Tuesday, 17 October 2023", "2023-10-17", .day),
            ("Published 2023-11-08T09:15:00Z", "2023-11-08T09:15Z", .minute),
            ("By Daniel O'Reilly | June 12, 2024 6:45 pm BST", "2024-06-12T18:45+01:00", .minute),
            ("Publié le 14/03/2024 à 18h32 (GMT+1)", "2024-03-14T18:32+01:00", .minute),
            ("Publié le 14/03/2024 - 18:32", "2024-03-14T18:32", .minute),
            ("Rabat, le 14 mars 2024", "2024-03-14", .day),
            ("Le lundi 14 mars 2022 à 8h05", "2022-03-14T08:05", .minute),
            ("Last updated: March 15, 2024 at 9:05 am EDT", "2024-03-15T09:05-04:00", .minute),
            ("Updated 14/03/2024 06:00 AM ET", "2024-03-14T06:00", .minute),  // ET names no fixed offset
            ("Le 14/03/2024 à 18:32:05+01:00", "2024-03-14T18:32+01:00", .minute),
            ("2024-03-14 18:32", "2024-03-14T18:32", .minute),
            ("Updated 03/14/2024", "2024-03-14", .day),  // month first only when the day cannot be first
            ("Le 04/03/2024", "2024-03-04", .day),  // ambiguous: day first
            ("Mis en ligne le 14/03/2024", "2024-03-14", .day),
        ])
    func shapes(line: String, iso: String, precision: PublicationDate.Precision) {
        let metadata = headedPage(line)
        #expect(metadata.publishedAt?.value.iso8601 == iso)
        #expect(metadata.publishedAt?.value.precision == precision)
    }

    @Test("Dates carry their text span and finder, and the evidence is the date segment")
    func origin() throws {
        let (text, lines) = page(["Un titre assez long pour être un titre", "Par Karim Alaoui — Le 14/03/2024 à 18h32", frenchBody])
        let metadata = PageMetadataExtractor().extract(from: text, lines: lines)
        let found = try #require(metadata.publishedAt)
        #expect(found.evidence == "Le 14/03/2024 à 18h32")
        #expect(found.rule == "byline-date")
        guard case .text(let span, let finder) = found.value.origin else {
            Issue.record("expected a text origin")
            return
        }
        #expect(finder == "page-cleaning")
        #expect(span.substring(of: text) == "Le 14/03/2024 à 18h32")
    }

    @Test("Impossible dates are rejected", arguments: ["Le 31/02/2024", "Le 29/02/2023", "Le 32/01/2024", "Le 14/13/2024"])
    func impossible(line: String) {
        #expect(headedPage(line).publishedAt == nil)
    }

    @Test("Publié beats Mis à jour, whatever the order")
    func publishedBeatsUpdated() {
        let metadata = extract([
            "Un titre assez long pour être un titre",
            "Mis à jour le 15/03/2024 à 09h00",
            "Publié le 14/03/2024 à 18h32",
            frenchBody,
        ])
        #expect(metadata.publishedAt?.value.iso8601 == "2024-03-14T18:32")
        #expect(metadata.publishedAt?.rule == "published-date")
        let sameLine = headedPage(
            "Par Léa Fontaine-Morel | Publié le 21/04/2024 à 23h05, mis à jour le 22/04/2024 à 08h14")
        #expect(sameLine.publishedAt?.value.iso8601 == "2024-04-21T23:05")
        #expect(sameLine.publishedAt?.evidence == "Publié le 21/04/2024 à 23h05")
        #expect(sameLine.author?.value == "Léa Fontaine-Morel")
    }

    @Test(
        "Rules say how the date was introduced",
        arguments: [
            ("Publié le 14/03/2024", "published-date"),
            ("Publié par Karim Alaoui le 14/03/2024", "published-date"),
            ("Posted by Jane Doe on March 14, 2024", "published-date"),
            ("Date de publication : 14/03/2024", "published-date"),
            ("Le 14/03/2024", "byline-date"),
            ("Par Karim Alaoui — 14/03/2024", "byline-date"),
            ("14/03/2024", "date-line"),
            ("Dernière mise à jour : 14/03/2024", "updated-date"),
            ("Publié dans L'Opinion le 14/03/2024", "published-in"),
        ])
    func rules(line: String, rule: String) {
        let metadata = headedPage(line)
        #expect(metadata.publishedAt?.rule == rule)
        #expect(metadata.publishedAt?.value.iso8601 == "2024-03-14")
    }

    @Test("An update alone is still used")
    func updateAlone() {
        let metadata = headedPage("Mis à jour le 15/03/2024 à 09h00")
        #expect(metadata.publishedAt?.value.iso8601 == "2024-03-15T09:00")
        #expect(metadata.publishedAt?.rule == "updated-date")
    }

    @Test("A header widget date goes to pageDate, never publishedAt")
    func headerWidget() {
        let metadata = extract([
            "Le Quotidien — Toute l'actualité du Maroc et du monde",
            "Samedi 15 juin 2024 | Rabat 27°C | Se connecter | S'abonner",
            "[menu] Accueil | Politique | Économie | Sport",
            "Sommet de Rabat : onze pays s’accordent sur un fonds commun",
            "Par Karim Alaoui — Le 07/06/2024 à 18h32",
            frenchBody,
        ])
        #expect(metadata.publishedAt?.value.iso8601 == "2024-06-07T18:32")
        #expect(metadata.pageDate?.value.iso8601 == "2024-06-15")
        #expect(metadata.pageDate?.rule == "header-date")
        #expect(metadata.pageDate?.location.line == 2)
    }

    @Test("A widget date alone gives no publication date")
    func widgetOnly() {
        let metadata = extract([
            "Samedi 15 juin 2024 | Rabat 27°C | Se connecter | S'abonner",
            "Sommet de Rabat : onze pays s’accordent sur un fonds commun",
            frenchBody,
        ])
        #expect(metadata.publishedAt == nil)
        #expect(metadata.pageDate?.value.iso8601 == "2024-06-15")
    }

    @Test("A byline near the title beats a date line in the header, which becomes the page date")
    func bylineNearTitle() {
        let metadata = extract([
            "[outside] The Example Courier",
            "Friday, 21 June 2024",
            "[menu] Home | News | UK | World | Business",
            "Rail strike to halt services across northern England as pay talks collapse",
            "Commuters face a week of disruption after union rejects final offer",
            "By Daniel O'Reilly | June 12, 2024 6:45 pm BST",
            englishBody,
        ])
        #expect(metadata.publishedAt?.value.iso8601 == "2024-06-12T18:45+01:00")
        #expect(metadata.publishedAt?.location.line == 6)
        #expect(metadata.pageDate?.value.iso8601 == "2024-06-21")
        #expect(metadata.pageDate?.rule == "header-date-line")
    }

    @Test("A date line just above the title is the publication date when nothing better exists")
    func dateAboveTitle() {
        let metadata = extract([
            "[outside] L’Écho de Carthage",
            "[menu] Accueil > Société > Santé",
            "Mercredi 3 Mars 2021",
            "",
            "Pénurie de médicaments : les pharmacies à court de traitements essentiels",
            "Par Hela Ben Romdhane",
            frenchBody,
            "[comments] Hatem - 3 mars 2021 à 14h12",
        ])
        #expect(metadata.publishedAt?.value.iso8601 == "2021-03-03")
        #expect(metadata.publishedAt?.rule == "date-line")
        #expect(metadata.pageDate == nil)
        #expect(metadata.author?.value == "Hela Ben Romdhane")
    }

    @Test("Labelled dates beat the site's date of the day")
    func labelledDate() {
        let metadata = extract([
            "[outside] Rhône Matin",
            "vendredi 22 mars 2024",
            "[menu] Actualités | Lyon | Métropole | Économie",
            "Croix-Rousse : une peintre oubliée du XIXe siècle enfin exposée à Lyon",
            "La Rédaction",
            "date 2024-03-14",
            frenchBody,
        ])
        #expect(metadata.publishedAt?.value.iso8601 == "2024-03-14")
        #expect(metadata.publishedAt?.rule == "published-date")
        #expect(metadata.pageDate?.value.iso8601 == "2024-03-22")
        #expect(metadata.author?.value == "La Rédaction")
        #expect(metadata.isHouseByline)
    }
}

// MARK: - Authors

@Suite("PageMetadata authors")
struct PageMetadataAuthorTests {
    @Test(
        "Authors without dates, roles or agency tails; house bylines flagged",
        arguments: [
            ("Par Karim Alaoui", "Karim Alaoui", false, "byline"),
            ("By Jane Doe", "Jane Doe", false, "byline"),
            ("Karim Alaoui | Le 14/03/2024", "Karim Alaoui", false, "byline-name"),
            ("Auteur : Salma El Idrissi", "Salma El Idrissi", false, "author-label"),
            ("By Jane Doe, Staff Writer | March 14, 2024", "Jane Doe", false, "byline"),
            ("Par Karim Alaoui — Le 14/03/2024 à 18h32", "Karim Alaoui", false, "byline"),
            ("Par Karim Alaoui avec agences", "Karim Alaoui", false, "byline"),
            ("By Priya R. Natarajan", "Priya R. Natarajan", false, "byline"),
            ("Par Karim Alaoui et Salma El Idrissi", "Karim Alaoui et Salma El Idrissi", false, "byline"),
            ("Par La Rédaction", "La Rédaction", true, "byline"),
            ("La Rédaction", "La Rédaction", true, "house-byline"),
            ("Rédaction", "Rédaction", true, "house-byline"),
            ("Par La Rédaction avec agences", "La Rédaction avec agences", true, "byline"),
            ("By Staff", "Staff", true, "byline"),
            ("Par AFP", "AFP", true, "byline"),
            ("Par MAP", "MAP", true, "byline"),
            ("By Reuters", "Reuters", true, "byline"),
            ("By AP", "AP", true, "byline"),
            ("Par APS", "APS", true, "byline"),
            ("AFP", "AFP", true, "house-byline"),
            ("La rédaction web", "La rédaction web", true, "house-byline"),
            ("Publié par Karim Alaoui le 14/03/2024 à 18h32", "Karim Alaoui", false, "byline"),
            ("Staff Reporter • Tuesday, 17 October 2023", "Staff Reporter", true, "byline-name"),
        ])
    func authors(line: String, author: String, isHouse: Bool, rule: String) {
        let metadata = headedPage(line)
        #expect(metadata.author?.value == author)
        #expect(metadata.isHouseByline == isHouse)
        #expect(metadata.author?.rule == rule)
    }

    @Test("The author evidence is the byline segment, without its date")
    func evidence() {
        let metadata = headedPage("Par Karim Alaoui — Le 14/03/2024 à 18h32")
        #expect(metadata.author?.evidence == "Par Karim Alaoui")
    }

    @Test("A place before a date is not an author")
    func place() {
        let metadata = headedPage("Rabat, le 14 mars 2024")
        #expect(metadata.author == nil)
        #expect(metadata.isHouseByline == false)
    }

    @Test("A comment signature after the body is not the author")
    func commentSignature() {
        let metadata = extract([
            "Pénurie de médicaments : les pharmacies à court de traitements",
            frenchBody,
            frenchBody,
            "[comments] 3 commentaires",
            "Hatem - 3 mars 2021 à 14h12",
            "[comments] C'est la même chose à Sfax.",
        ])
        #expect(metadata.author == nil)
    }
}

// MARK: - Outlet

@Suite("PageMetadata outlet")
struct PageMetadataSourceTests {
    @Test("Publié dans names the original outlet, even on an aggregator with its own slogan")
    func publishedIn() {
        let metadata = extract([
            "RevuePresse.ma — la revue de presse marocaine en continu",
            "[menu] Accueil | Économie | Sport | Culture",
            "Taux directeur inchangé, croissance revue à la baisse",
            "Publié dans L'Opinion le 12 - 02 - 2021",
            frenchBody,
            "[footer] © 2024 www.revuepresse-exemple.ma | Contact | Publicité",
        ])
        #expect(metadata.source?.value == "L'Opinion")
        #expect(metadata.source?.rule == "published-in")
        #expect(metadata.source?.evidence == "Publié dans L'Opinion le 12 - 02 - 2021")
        #expect(metadata.publishedAt?.value.iso8601 == "2021-02-12")
        #expect(metadata.publishedAt?.rule == "published-in")
    }

    @Test("A slogan line names the outlet")
    func slogan() {
        let metadata = extract([
            "[outside] Le Quotidien — Toute l'actualité du Maroc et du monde",
            "Sommet de Rabat : onze pays s’accordent sur un fonds commun",
            frenchBody,
            "[footer] © 2024 www.lequotidien-exemple.ma — Tous droits réservés",
        ])
        #expect(metadata.source?.value == "Le Quotidien")
        #expect(metadata.source?.rule == "slogan")
        #expect(metadata.source?.evidence == "Le Quotidien — Toute l'actualité du Maroc et du monde")
        #expect(metadata.source?.location.line == 1)
    }

    @Test("A copyright footer names the outlet")
    func copyright() {
        let metadata = extract([
            "Sommet de Rabat : onze pays s’accordent sur un fonds commun",
            frenchBody,
            "[footer] © 2024 Le Quotidien. Tous droits réservés.",
        ])
        #expect(metadata.source?.value == "Le Quotidien")
        #expect(metadata.source?.rule == "footer-copyright")
        #expect(metadata.source?.evidence == "© 2024 Le Quotidien. Tous droits réservés.")
    }

    @Test(
        "Copyright shapes",
        arguments: [
            ("© 2024 Example Courier Media Ltd. All rights reserved.", "Example Courier Media"),
            ("© Ouest Sports 2024 — www.ouestsports-exemple.fr — 12, rue du Port-Maillard", "Ouest Sports"),
            ("Copyright © 2010-2024 Abidjan Numérique", "Abidjan Numérique"),
            ("(c) 2023 L’Écho de Carthage", "L’Écho de Carthage"),
        ])
    func copyrightShapes(line: String, name: String) {
        let metadata = extract(["Un titre assez long pour être un titre", frenchBody, "[footer] " + line])
        #expect(metadata.source?.value == name)
        #expect(metadata.source?.rule == "footer-copyright")
    }

    @Test("A photo credit with © inside a kept line is not the outlet")
    func photoCredit() {
        let metadata = extract([
            "Un titre assez long pour être un titre",
            frenchBody,
            "Photo : huile sur toile. © Musée municipal de la Croix-Rousse / D. Perrin",
        ])
        #expect(metadata.source == nil)
    }

    @Test("A domain is the last resort")
    func domain() {
        let metadata = extract([
            "Sommet de Rabat : onze pays s’accordent sur un fonds commun",
            frenchBody,
            "[footer] Contact : www.LeQuotidien-exemple.ma | Tél : +212 5 37 00 00 00",
        ])
        #expect(metadata.source?.value == "lequotidien-exemple.ma")
        #expect(metadata.source?.rule == "domain")
        #expect(metadata.source?.evidence == "www.LeQuotidien-exemple.ma")
    }

    @Test("A domain in the kept body is not the outlet")
    func domainInBody() {
        let metadata = extract(["Un titre assez long pour être un titre", frenchBody + " Voir www.exemple.org."])
        #expect(metadata.source == nil)
    }

    @Test("The masthead names the outlet when the footer confirms it")
    func masthead() {
        let confirmed = extract([
            "[outside] Le Courrier du Sahel",
            "[menu] Accueil > International > Afrique",
            "Libre circulation : à Dakar, l’Union africaine tente de relancer un protocole",
            frenchBody,
            "[footer] Le Courrier du Sahel — Dakar — www.courrierdusahel-exemple.sn",
        ])
        #expect(confirmed.source?.value == "Le Courrier du Sahel")
        #expect(confirmed.source?.rule == "masthead")
        let unconfirmed = extract([
            "[outside] Le Courrier du Sahel",
            "Libre circulation : à Dakar, l’Union africaine tente de relancer un protocole",
            frenchBody,
            "[footer] Contact : www.autre-site.sn",
        ])
        #expect(unconfirmed.source?.value == "autre-site.sn")
        #expect(unconfirmed.source?.rule == "domain")
        let repeated = extract([
            "[outside] L’Écho de Carthage",
            "Pénurie de médicaments : les pharmacies à court de traitements essentiels",
            frenchBody,
            "[footer] L’Écho de Carthage — 15, rue de Marseille, 1000 Tunis — Tél. : +216 71 000 000",
        ])
        #expect(repeated.source?.value == "L’Écho de Carthage")
        #expect(repeated.source?.rule == "masthead")
        #expect(repeated.source?.location == PageLocation(line: 1, start: 0, end: 18))
    }

    @Test("An e-mail domain is used when there is no www domain")
    func emailDomain() {
        let metadata = extract([
            "Sommet de Rabat : onze pays s’accordent sur un fonds commun",
            frenchBody,
            "[footer] Écrivez-nous : redaction@LeQuotidien-exemple.ma.",
        ])
        #expect(metadata.source?.value == "lequotidien-exemple.ma")
        #expect(metadata.source?.rule == "email-domain")
        #expect(metadata.source?.evidence == "redaction@LeQuotidien-exemple.ma")
    }
}

// MARK: - Title

@Suite("PageMetadata title")
struct PageMetadataTitleTests {
    @Test("The title is the first headline-shaped kept line before the body")
    func title() {
        let metadata = extract([
            "[outside] EAST AFRICA LEDGER",
            "[kept] Energy",
            "[kept] MOST READ STORIES TODAY",
            "Solar microgrids bring round-the-clock power to 40 villages in Kenya's north",
            "Published 2023-11-08T09:15:00Z",
            "By Wanjiru Odhiambo",
            englishBody,
            "Pay-as-you-go power",
        ])
        #expect(metadata.title?.value == "Solar microgrids bring round-the-clock power to 40 villages in Kenya's north")
        #expect(metadata.title?.rule == "headline")
        #expect(metadata.title?.location.line == 4)
        #expect(metadata.author?.value == "Wanjiru Odhiambo")
        #expect(metadata.publishedAt?.value.iso8601 == "2023-11-08T09:15Z")
    }

    @Test("No title when the body comes first; sentences and list items are not titles")
    func noTitle() {
        #expect(extract([frenchBody, "Un intertitre qui arrive trop tard"]).title == nil)
        #expect(extract(["Le ministre a parlé hier soir.", frenchBody]).title == nil)
        #expect(extract(["1. Heatwave warning issued for the south", englishBody]).title == nil)
        #expect(extract(["- Commuter rail: a new timetable", englishBody]).title == nil)
    }
}

// MARK: - Language

@Suite("PageMetadata language")
struct PageMetadataLanguageTests {
    let identifier = LanguageIdentifier()

    @Test("French and English are told apart")
    func languages() {
        let french = identifier.identify(Substring(frenchBody))
        let english = identifier.identify(Substring(englishBody))
        #expect(french.code == "fr")
        #expect(english.code == "en")
        #expect(french.confidence > 0.8)
        #expect(english.confidence > 0.8)
    }

    @Test("Too few function words give und with a low confidence")
    func undetermined() {
        let title = identifier.identify("Handball : les Herblinoises arrachent leur billet")
        #expect(title.code == "und")
        #expect(title.confidence < 0.2)
        let empty = identifier.identify("")
        #expect(empty == LanguageGuess(code: "und", confidence: 0))
        #expect(identifier.identify("2024 — 14/03 — 18:32 😀").code == "und")
    }

    @Test("Confidence grows with text and drops with mixing")
    func confidenceOrdering() {
        let short = identifier.identify("Le ministre est dans la salle avec les délégués.")
        let long = identifier.identify(Substring(frenchBody + " " + frenchBody))
        let mixed = identifier.identify(Substring(frenchBody + " " + englishBody))
        #expect(short.code == "fr")
        #expect(short.confidence >= 0.5)
        #expect(short.confidence < long.confidence)
        #expect(mixed.confidence < short.confidence)
    }

    @Test("Accented and capitalised function words count")
    func accents() {
        // `À`, `été`, `où`, `Très`: only accented words, folded to lowercase.
        let guess = identifier.identify("À Rabat, où il a été très applaudi, À Dakar, Où Été")
        #expect(guess.code == "fr")
    }

    @Test("The page language comes from kept lines only")
    func pageLanguage() {
        let metadata = extract([
            "[menu] Home | News | World | Business | Opinion | Sport | Culture",
            "[footer] We use cookies to improve your experience on our site and to analyse the traffic of the site.",
            "Sommet de Rabat : onze pays s’accordent sur un fonds commun",
            frenchBody,
        ])
        #expect(metadata.language?.code == "fr")
        #expect(metadata.language.map { $0.confidence > 0.8 } == true)
        #expect(extract(["Un titre"]).language?.code == "und")
    }
}

// MARK: - Locations and robustness

@Suite("PageMetadata locations")
struct PageMetadataLocationTests {
    @Test("Locations are line numbers and Unicode scalar offsets into the text before cleaning")
    func scalarOffsets() throws {
        // Line 1 holds 3 two-byte scalars (é, è, é) and one three-byte (’): 4 scalars, 9 bytes.
        let marked = [
            "Société : l’été sans pluie",
            "Sécheresse : les barrages au plus bas depuis dix ans",
            "Par Karim Alaoui — Le 14/03/2024 à 18h32",
            frenchBody,
        ]
        let (text, lines) = page(marked)
        let metadata = PageMetadataExtractor().extract(from: text, lines: lines)
        let scalars = Array(text.unicodeScalars)
        func scalarText(_ location: PageLocation) -> String {
            var s = String.UnicodeScalarView()
            s.append(contentsOf: scalars[location.start..<location.end])
            return String(s)
        }
        let author = try #require(metadata.author)
        #expect(author.location.line == 3)
        let line3Start = marked[0].unicodeScalars.count + 1 + marked[1].unicodeScalars.count + 1
        #expect(author.location.start == line3Start)
        #expect(author.location.end == line3Start + "Par Karim Alaoui".unicodeScalars.count)
        #expect(scalarText(author.location) == "Par Karim Alaoui")
        let date = try #require(metadata.publishedAt)
        #expect(date.location.line == 3)
        #expect(date.location.start == line3Start + "Par Karim Alaoui — ".unicodeScalars.count)
        #expect(scalarText(date.location) == "Le 14/03/2024 à 18h32")
        // The date's origin span is in UTF-8 bytes: the same text, at different offsets.
        guard case .text(let span, _) = date.value.origin else {
            Issue.record("expected a text origin")
            return
        }
        #expect(span.start == text.utf8.count - frenchBody.utf8.count - 1 - "Le 14/03/2024 à 18h32".utf8.count)
        #expect(span.start != date.location.start)
        let title = try #require(metadata.title)
        #expect(title.value == "Société : l’été sans pluie")
        #expect(title.location == PageLocation(line: 1, start: 0, end: 26))
    }

    @Test("Hostile pages never trap")
    func hostilePages() {
        let extractor = PageMetadataExtractor()
        #expect(extractor.extract(from: "", lines: []) == PageMetadata(language: LanguageGuess(code: "und", confidence: 0)))
        let huge = String(repeating: "é😀a\u{301} ", count: 200_000)
        let metadata = extractor.extract(
            from: huge, lines: [PageLine(number: 1, span: TextSpan(start: 0, end: huge.utf8.count), role: .kept)])
        #expect(metadata.title == nil)
        // Spans that do not fit the text, or that split a scalar, are clamped rather than trusted.
        let text = "é\nPar Karim Alaoui"
        let odd = extractor.extract(
            from: text,
            lines: [
                PageLine(number: 1, span: TextSpan(start: 1, end: 2), role: .kept),
                PageLine(number: 2, span: TextSpan(start: 3, end: 10_000), role: .removed(.byline)),
                PageLine(number: 3, span: TextSpan(start: 50_000, end: 60_000), role: .kept),
            ])
        #expect(odd.author?.value == "Karim Alaoui")
        #expect(odd.author?.location == PageLocation(line: 2, start: 2, end: 18))
    }
}

// MARK: - Common news byline shapes

/// One byline shape: the whole-line kind, the publication date it gives, its rule, and the author.
struct NewsBylineCase: Sendable, CustomTestStringConvertible {
    var line: String
    var kind: MetadataLineKind
    var iso: String
    var precision: PublicationDate.Precision
    var rule: String
    var author: String?

    init(
        _ line: String, _ kind: MetadataLineKind, _ iso: String, _ precision: PublicationDate.Precision,
        _ rule: String, _ author: String? = nil
    ) {
        self.line = line
        self.kind = kind
        self.iso = iso
        self.precision = precision
        self.rule = rule
        self.author = author
    }

    var testDescription: String { line }
}

@Suite("PageMetadata news byline shapes")
struct PageMetadataNewsBylineTests {
    let extractor = PageMetadataExtractor()

    static let englishCases: [NewsBylineCase] = [
        .init("Posted by Marcus Whitfield on April 3, 2023", .byline, "2023-04-03", .day, "published-date", "Marcus Whitfield"),
        .init(
            "Posted by Marcus Whitfield on April 3, 2023 in Local News", .byline, "2023-04-03", .day, "published-date",
            "Marcus Whitfield"),
        .init(
            "Posted by Ruth Calloway on November 21, 2022 in Politics, World Affairs", .byline, "2022-11-21", .day,
            "published-date", "Ruth Calloway"),
        .init(
            "Posted by Marcus Whitfield on April 3, 2023, 4:15 pm", .byline, "2023-04-03T16:15", .minute,
            "published-date", "Marcus Whitfield"),
        .init(
            "Posted by Ruth Calloway on Sept. 9, 2020 at 7:05 am in Business & Tech", .byline, "2020-09-09T07:05",
            .minute, "published-date", "Ruth Calloway"),
        .init("Published by Nadia Okafor on 12 May 2022", .byline, "2022-05-12", .day, "published-date", "Nadia Okafor"),
        .init(
            "Published by Nadia Okafor on 12 May 2022 at 10:40 am", .byline, "2022-05-12T10:40", .minute,
            "published-date", "Nadia Okafor"),
        .init("Posted on 7 June 2021 by Tom Ellery", .byline, "2021-06-07", .day, "published-date", "Tom Ellery"),
        .init(
            "Posted on January 30, 2024 by Siobhan McArdle in Environment", .byline, "2024-01-30", .day,
            "published-date", "Siobhan McArdle"),
        .init("First published Wed 8 Nov 2023 07.45 GMT", .dateLine, "2023-11-08T07:45Z", .minute, "published-date"),
        .init(
            "First published on Sun 2 Jul 2023 14.00 BST · Last modified on Sun 2 Jul 2023 16.12 BST", .dateLine,
            "2023-07-02T14:00+01:00", .minute, "published-date"),
        .init("First published Fri 19 Jan 2024 18.05 CET", .dateLine, "2024-01-19T18:05+01:00", .minute, "published-date"),
        .init("Last modified on Mon 4 Dec 2023 11.20 GMT", .dateLine, "2023-12-04T11:20Z", .minute, "updated-date"),
        .init("Last updated Thu 21 Sep 2023 09.10 BST", .dateLine, "2023-09-21T09:10+01:00", .minute, "updated-date"),
    ]

    static let frenchCases: [NewsBylineCase] = [
        .init("Publication : 6 octobre 2023, 9 h 02", .dateLine, "2023-10-06T09:02", .minute, "published-date"),
        .init("Publication : 6 octobre 2023, 15 h 40 CEST", .dateLine, "2023-10-06T15:40+02:00", .minute, "published-date"),
        .init(
            "Publié le 6 octobre 2023 à 9 h 02 par Camille Roussel", .byline, "2023-10-06T09:02", .minute,
            "published-date", "Camille Roussel"),
        .init(
            "Publié le 18/02/2022 à 9h par Théo Marchetti", .byline, "2022-02-18T09:00", .minute, "published-date",
            "Théo Marchetti"),
        .init("Publié le 27 janvier 2024 à 09.30", .dateLine, "2024-01-27T09:30", .minute, "published-date"),
        .init(
            "Par Inès Dumoulin, publié le 11 juillet 2023", .byline, "2023-07-11", .day, "published-date",
            "Inès Dumoulin"),
        .init(
            "Par Inès Dumoulin, publié le 11 juillet 2023 à 17 h 45", .byline, "2023-07-11T17:45", .minute,
            "published-date", "Inès Dumoulin"),
        .init(
            "Rédigé par Baptiste Lemaire, publié le 02/05/2021", .byline, "2021-05-02", .day, "published-date",
            "Baptiste Lemaire"),
        .init(
            "Publié le 9 mars 2022 à 6 h 15 par Nour el Houda Benali dans Économie", .byline, "2022-03-09T06:15", .minute,
            "published-date", "Nour el Houda Benali"),
        .init("Mis à jour le 12 juillet 2023 à 8 h 10", .dateLine, "2023-07-12T08:10", .minute, "updated-date"),
        .init("Mis à jour le 12/07/2023 à 08.10", .dateLine, "2023-07-12T08:10", .minute, "updated-date"),
        .init("Première publication le 4 avril 2022 à 07.15", .dateLine, "2022-04-04T07:15", .minute, "published-date"),
    ]

    private func check(_ shape: NewsBylineCase, french: Bool) {
        #expect(extractor.lineKind(Substring(shape.line)) == shape.kind)
        let metadata = headedPage(shape.line, french: french)
        #expect(metadata.publishedAt?.value.iso8601 == shape.iso)
        #expect(metadata.publishedAt?.value.precision == shape.precision)
        #expect(metadata.publishedAt?.rule == shape.rule)
        #expect(metadata.author?.value == shape.author)
    }

    @Test("English Posted/Published by and First published/Last modified lines", arguments: englishCases)
    func english(shape: NewsBylineCase) {
        check(shape, french: false)
    }

    @Test("French Publication, Publié le … par, Par …, publié le, and French times", arguments: frenchCases)
    func french(shape: NewsBylineCase) {
        check(shape, french: true)
    }

    @Test("First published beats Last modified on the same line and the evidence is its own segment")
    func firstPublishedEvidence() {
        let metadata = headedPage(
            "First published on Sun 2 Jul 2023 14.00 BST · Last modified on Sun 2 Jul 2023 16.12 BST", french: false)
        #expect(metadata.publishedAt?.evidence == "First published on Sun 2 Jul 2023 14.00 BST")
    }

    @Test("A category after a Posted by line is neither the author nor the outlet")
    func category() {
        let metadata = headedPage("Posted by Marcus Whitfield on April 3, 2023 in Local News", french: false)
        #expect(metadata.author?.value == "Marcus Whitfield")
        #expect(metadata.author?.evidence == "Posted by Marcus Whitfield")
        #expect(metadata.source == nil)
    }

    @Test(
        "Body sentences with posted, par, a date or a dotted time are not bylines",
        arguments: [
            "Posted on the school website on March 3, 2023, the letter was shared widely.",
            "Posted by the ministry on March 3, 2023, the notice drew criticism.",
            "Posted by Marcus Whitfield on April 3, 2023 in a hurry",
            "Posted by Marcus Whitfield on April 3, 2023 in Local News about the mayor",
            "First published in 1998, the novel was reissued on 3 May 2023.",
            "Par Inès Dumoulin, qui a couvert le procès le 11 juillet 2023.",
            "Le rapport publié le 14 mars 2024 par Amnesty International a été critiqué.",
            "Par ailleurs, publié le 11 juillet 2023, le décret entre en vigueur.",
            "La réunion a commencé à 09.30 le 14 mars 2024.",
            "Rendez-vous le 14 mars 2024 à 9 h 02 devant la mairie",
            "Publié le 14 mars 2024 à 25.70",
            "In Local News",
            "Posted in Uncategorized",  // a blog category, not a `Published in` credit
        ])
    func bodySentences(line: String) {
        #expect(extractor.lineKind(Substring(line)) == nil)
    }
}

@Suite("PageMetadata name and outlet lines")
struct PageMetadataNameOutletTests {
    let extractor = PageMetadataExtractor()

    @Test(
        "A person's name, a bar or dash and an outlet is a byline",
        arguments: [
            "Amélie Durand | Le Courrier Picard",
            "Samuel Okoro — The Lagos Herald",
            "Léa van der Berg – L’Écho de Carthage",
            "Youssef ben Amara | Hespress.com",
            "Oliver J. Hartley | The Northern Gazette",
            "Mariam Diallo | France 24",
            "Salma El Idrissi — Le360",
        ])
    func lineKinds(line: String) {
        #expect(extractor.lineKind(Substring(line)) == .byline)
    }

    @Test(
        "Menus, headings and sentences with a bar are not name-and-outlet bylines",
        arguments: [
            "Karim Benali | Actualités | Sport",
            "Jean-Paul Mercier | Contact",
            "Accueil | Politique",
            "Le Figaro | Le Monde",
            "Breaking News | The Daily Ledger",
            "Nous Contacter | Mentions Légales",
            "Amélie Durand | le meilleur de la presse régionale",
            "Ce que dit Amélie Durand | Le Courrier Picard",
            "Ligue 1 | Le Classement",
            "Amélie Durand, Paul Girard | Le Courrier Picard",
            "Amélie Durand | Le Courrier Picard | Abonnez-vous",
            "AMÉLIE DURAND | LE COURRIER PICARD",
            "Amélie | Le Courrier Picard",
            "Anne Marie Claire Louise Durand | Le Courrier Picard",
            "Real Sociedad | Athletic Bilbao",
            "Paris Saint-Germain – Olympique de Marseille",
            "Ligue des Champions — Tirage au sort",
        ])
    func notNameOutlet(line: String) {
        #expect(extractor.lineKind(Substring(line)) == nil)
    }

    @Test("Right after the title: the author, and the outlet when nothing better exists")
    func afterTitle() {
        let metadata = extract([
            "Grève des cheminots : le trafic fortement perturbé dans les Hauts-de-France",
            "Amélie Durand | Le Courrier Picard",
            frenchBody,
        ])
        #expect(metadata.author?.value == "Amélie Durand")
        #expect(metadata.author?.rule == "byline-name")
        #expect(metadata.author?.evidence == "Amélie Durand")
        #expect(metadata.isHouseByline == false)
        #expect(metadata.source?.value == "Le Courrier Picard")
        #expect(metadata.source?.rule == "byline-outlet")
        #expect(metadata.source?.location.line == 2)
    }

    @Test("Next to a date line, even below a standfirst")
    func nextToDate() {
        let metadata = extract([
            "Lagos traders count losses after overnight market fire",
            "Emergency crews battled the blaze for six hours before bringing it under control",
            "Samuel Okoro — The Lagos Herald",
            "Published 3 May 2023 10:20 WAT",
            englishBody,
        ])
        #expect(metadata.author?.value == "Samuel Okoro")
        #expect(metadata.source?.value == "The Lagos Herald")
        #expect(metadata.publishedAt?.value.iso8601 == "2023-05-03T10:20+01:00")
        let after = extract([
            "Lagos traders count losses after overnight market fire",
            "Emergency crews battled the blaze for six hours before bringing it under control",
            "3 May 2023",
            "Samuel Okoro — The Lagos Herald",
            englishBody,
        ])
        #expect(after.author?.value == "Samuel Okoro")
    }

    @Test("A better outlet wins over the byline's")
    func betterOutlet() {
        let metadata = extract([
            "Grève des cheminots : le trafic fortement perturbé dans les Hauts-de-France",
            "Amélie Durand | Le Courrier Picard",
            frenchBody,
            "[footer] © 2024 Groupe Presse Nord. Tous droits réservés.",
        ])
        #expect(metadata.author?.value == "Amélie Durand")
        #expect(metadata.source?.value == "Groupe Presse Nord")
        #expect(metadata.source?.rule == "footer-copyright")
    }

    @Test(
        "An agency or a role after the name is not the outlet",
        arguments: [("Karim Alaoui | AFP", "Karim Alaoui"), ("Jane Whitcombe — Senior Correspondent", "Jane Whitcombe")])
    func agencyOrRole(line: String, author: String) {
        #expect(extractor.lineKind(Substring(line)) == .byline)
        let metadata = extract(["Rail strike to halt services across the north", line, englishBody])
        #expect(metadata.author?.value == author)
        #expect(metadata.source == nil)
    }

    @Test("Away from the title and from any date line, the line gives neither author nor outlet")
    func outOfContext() {
        let metadata = extract([
            "Grève des cheminots : le trafic fortement perturbé dans les Hauts-de-France",
            "Les usagers devront s’armer de patience toute la semaine, prévient la direction régionale",
            "Amélie Durand | Le Courrier Picard",
            "[kept] Une mobilisation qui dure",
            frenchBody,
            "[related] Jean-Marc Lefort | Le Courrier Picard",
            "[related] 14 mars 2024",
        ])
        #expect(metadata.author == nil)
        #expect(metadata.source == nil)
    }

    @Test("A menu line starting with a name gives nothing")
    func menu() {
        let metadata = extract([
            "[menu] Karim Benali | Actualités | Sport | Culture",
            "Sommet de Rabat : onze pays s’accordent sur un fonds commun",
            frenchBody,
        ])
        #expect(metadata.author == nil)
        #expect(metadata.source == nil)
    }
}

@Suite("PageMetadata bare author lines")
struct PageMetadataBareAuthorTests {
    let extractor = PageMetadataExtractor()

    @Test(
        "A name alone on its line is not metadata by itself: it depends on its neighbours",
        arguments: ["Clémence Aubert-Lavigne", "Oliver J. Hartley", "Hamid ben Youssef"])
    func lineKind(line: String) {
        #expect(extractor.lineKind(Substring(line)) == nil)
    }

    @Test(
        "A name line right before or after a date line, between the title and the body, is the author",
        arguments: [
            (["Clémence Aubert-Lavigne", "Publié le 14/02/2024 à 10h15"], "Clémence Aubert-Lavigne", true),
            (["Le 14/02/2024", "Hamid ben Youssef"], "Hamid ben Youssef", true),
            (["Fatima Zahra ben Salah", "", "Mis à jour le 15/02/2024"], "Fatima Zahra ben Salah", true),
            (["Published 5 March 2024", "Oliver J. Hartley"], "Oliver J. Hartley", false),
            (["Siobhan McArdle", "First published Tue 5 Mar 2024 08.30 GMT"], "Siobhan McArdle", false),
            (["Jean-Baptiste DUVAL", "14/02/2024"], "Jean-Baptiste DUVAL", true),
            (["Staff Reporter • Tuesday, 5 March 2024", "Oliver J. Hartley"], "Oliver J. Hartley", false),
        ])
    func adjacent(lines: [String], author: String, french: Bool) {
        let metadata = extract(
            [french ? "Sommet de Rabat : onze pays s’accordent sur un fonds commun" : "Rail strike to halt services across the north"]
                + lines + [french ? frenchBody : englishBody])
        #expect(metadata.author?.value == author)
        #expect(metadata.author?.rule == "byline-name")
        #expect(metadata.author?.evidence == author)
        #expect(metadata.isHouseByline == false)
    }

    @Test("Where the bare name sits and what it looks like both matter")
    func negatives() {
        let title = "Sommet de Rabat : onze pays s’accordent sur un fonds commun"
        // Before the title.
        #expect(extract(["Karim Alaoui", "Le 14/02/2024", title, frenchBody]).author == nil)
        // Not adjacent: a standfirst in between.
        #expect(
            extract([
                title, "Karim Alaoui", "Les délégués ont négocié jusqu’à l’aube dans la capitale", "Le 14/02/2024",
                frenchBody,
            ]).author == nil)
        // After the body.
        #expect(extract([title, frenchBody, "Le 14/02/2024", "Karim Alaoui"]).author == nil)
        // Not a person's name.
        #expect(extract([title, "Breaking News", "Le 14/02/2024", frenchBody]).author == nil)
        #expect(extract([title, "Photo Karim Alaoui", "Le 14/02/2024", frenchBody]).author == nil)
        #expect(extract([title, "Read More", "Le 14/02/2024", frenchBody]).author == nil)
        #expect(extract([title, "Le Quotidien", "Le 14/02/2024", frenchBody]).author == nil)
        #expect(extract([title, "Karim", "Le 14/02/2024", frenchBody]).author == nil)
        #expect(extract([title, "Anne Marie Claire Louise Durand", "Le 14/02/2024", frenchBody]).author == nil)
        #expect(extract([title, "Karim Alaoui 2024", "Le 14/02/2024", frenchBody]).author == nil)
        #expect(extract([title, "Karim Alaoui, Rabat", "Le 14/02/2024", frenchBody]).author == nil)
        // Next to a menu or a header widget, not a date line.
        #expect(extract([title, "Karim Alaoui", "[menu] Accueil | Politique", frenchBody]).author == nil)
    }

    @Test("A byline naming its own author wins over a neighbouring name line")
    func bylineWins() {
        let metadata = extract([
            "Sommet de Rabat : onze pays s’accordent sur un fonds commun",
            "Crédit Photo Agence",
            "Par Karim Alaoui — Le 14/03/2024 à 18h32",
            frenchBody,
        ])
        #expect(metadata.author?.value == "Karim Alaoui")
        #expect(metadata.author?.rule == "byline")
        let nameFirst = extract([
            "Sommet de Rabat : onze pays s’accordent sur un fonds commun",
            "Salma Idrissi",
            "Par Karim Alaoui — Le 14/03/2024 à 18h32",
            frenchBody,
        ])
        #expect(nameFirst.author?.value == "Karim Alaoui")
    }
}
