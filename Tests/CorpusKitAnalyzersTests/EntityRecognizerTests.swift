import CorpusKit
import CorpusKitAnalyzers
import Foundation
import Testing

/// Sentences written for these tests.
enum EntityFixtures {
    static func entities(_ text: String) -> [Entity] { EntityRecognizer().entities(in: text) }

    /// `kind:name` of each entity, in order of first mention.
    static func names(_ text: String) -> [String] {
        entities(text).map { "\($0.kind.rawValue):\($0.canonicalName)" }
    }

    static func entity(_ name: String, in text: String) -> Entity? {
        entities(text).first { $0.canonicalName == name }
    }
}

@Suite("Entities: recognition and typing")
struct EntityRecognitionTests {
    @Test func peopleByTitleRoleAndGivenName() throws {
        let text = "Le ministre des Affaires étrangères, Jean Martin, est arrivé à Alger. Le président Tebboune l'a reçu."
        #expect(EntityFixtures.names(text) == ["person:Jean Martin", "location:Alger", "person:Tebboune"])
        let martin = try #require(EntityFixtures.entity("Jean Martin", in: text))
        #expect(martin.mentions.first?.title == "ministre des Affaires étrangères")
        #expect(martin.mentions.first?.text == "Jean Martin")
        #expect(EntityFixtures.entity("Tebboune", in: text)?.mentions.first?.title == "président")
        // Honorifics, English titles, initials, particles, hyphenated names.
        #expect(EntityFixtures.names("Mme Nadia Berrada a répondu.") == ["person:Nadia Berrada"])
        #expect(EntityFixtures.entity("Rishi Sunak", in: "Then Prime Minister Rishi Sunak spoke.")?.mentions.first?.title
            == "Prime Minister")
        #expect(EntityFixtures.names("Un hommage à John F. Kennedy a eu lieu.") == ["person:John F. Kennedy"])
        #expect(EntityFixtures.names("Le général Charles de Gaulle a parlé.") == ["person:Charles de Gaulle"])
        #expect(EntityFixtures.names("Hier, Mohamed Ould Ghazouani a voté.") == ["person:Mohamed Ould Ghazouani"])
        #expect(EntityFixtures.names("Selon Jean-Luc Ferrand, rien n'est joué.") == ["person:Jean-Luc Ferrand"])
    }

    @Test func organisationsByHeadWordAcronymAndList() {
        #expect(EntityFixtures.names("L'Union africaine a réagi.") == ["organization:Union africaine"])
        #expect(EntityFixtures.names("Le Ministère de l'Intérieur a publié un communiqué.")
            == ["organization:Ministère de l'Intérieur"])
        #expect(EntityFixtures.names("La Banque centrale européenne relève ses taux.")
            == ["organization:Banque centrale européenne"])
        #expect(EntityFixtures.names("Le Conseil de sécurité se réunit.") == ["organization:Conseil de sécurité"])
        #expect(EntityFixtures.names("The Department of State said nothing.") == ["organization:Department of State"])
        #expect(EntityFixtures.names("Le FMI prévoit une reprise.") == ["organization:FMI"])
        #expect(EntityFixtures.names("Un rapport de l'OTAN circule.") == ["organization:OTAN"])
        #expect(EntityFixtures.names("Greenmoor Capital rachète une usine.").contains("organization:Greenmoor Capital"))
        // A head word does not swallow a verb after it.
        #expect(EntityFixtures.names("La Commission évalue le plan.") == ["organization:Commission"])
    }

    @Test func associationsNameTheirMembersAtLength() {
        #expect(EntityFixtures.names("L'Association nationale des anciens marins de la Loire a déposé une gerbe.")
            == ["organization:Association nationale des anciens marins de la Loire"])
        #expect(EntityFixtures.names("L'Union départementale des retraités, veufs et familles de mineurs a voté.")
            == ["organization:Union départementale des retraités, veufs et familles de mineurs"])
        // Other heads keep two groups, and a verb or a singular word still ends the name.
        #expect(EntityFixtures.names("La Fédération des pêcheurs demande une enquête.")
            == ["organization:Fédération des pêcheurs"])
        #expect(EntityFixtures.names("Le Comité des riverains, les élus et la préfecture se réunissent.")
            .first == "organization:Comité des riverains")
    }

    @Test func placesByListCountryAndContext() {
        #expect(EntityFixtures.names("Il vit en Algérie depuis 2010.") == ["location:Algérie"])
        #expect(EntityFixtures.names("Le sommet se tient au Caire, pas à Rabat.") == ["location:Caire", "location:Rabat"])
        #expect(EntityFixtures.names("Une réunion à Le Caire et en Côte d'Ivoire.")
            == ["location:Le Caire", "location:Côte d'Ivoire"])
        #expect(EntityFixtures.names("La sécheresse frappe l'Afrique de l'Ouest.") == ["location:Afrique de l'Ouest"])
        #expect(EntityFixtures.names("Elle habite à Brunville-sur-Aube.") == ["location:Brunville-sur-Aube"])
        #expect(EntityFixtures.names("La fête a lieu rue du Moulin.") == ["location:rue du Moulin"])
        #expect(EntityFixtures.names("Il travaille à Montvert.") == ["location:Montvert"])
    }

    @Test func neverEntities() {
        // An elided article alone, sentence-initial words with no evidence, page labels, months, weekdays,
        // demonyms, roman numerals, codes with digits.
        #expect(EntityFixtures.names("L'équipe a gagné. Cependant, le match fut long.").isEmpty)
        #expect(EntityFixtures.names("Accueil\nPolitique\nEconomie").isEmpty)
        #expect(EntityFixtures.names("Le vote aura lieu Mardi, en Janvier.").isEmpty)
        #expect(EntityFixtures.names("Les Marocains et les Algérois ont voté.").isEmpty)
        #expect(EntityFixtures.names("Une église du XIXe siècle, classe de CM2.").isEmpty)
        #expect(EntityFixtures.names("Le Petit Prince reste un classique.").isEmpty)
        // Words written in capitals are not acronyms: accents, hyphens, six letters or more, months (a short
        // shouted word such as `FERME` still reads as an acronym).
        #expect(EntityFixtures.names("Rubrique : la MAISON brûle, INCENDIE à l'ÉTAT-CIVIL, vente en JANVIER.").isEmpty)
    }

    @Test func spansNeverCrossLinesTabsOrSpaceRuns() {
        #expect(EntityFixtures.names("Hier, Jean Martin\nDupont est venu.") == ["person:Jean Martin"])
        let tab = EntityFixtures.names("Hier, Jean Martin\tDupont est venu.")
        #expect(!tab.contains("person:Jean Martin Dupont"))
        let spaces = EntityFixtures.names("Hier, Jean Martin   Dupont est venu.")
        #expect(!spaces.contains("person:Jean Martin Dupont"))
    }

    @Test func sentenceInitialWordNeedsEvidence() {
        // `Dupuis` at the start of a sentence counts because it is capitalised elsewhere in the text.
        #expect(EntityFixtures.names("Dupuis a parlé.").isEmpty)
        #expect(EntityFixtures.names("Dupuis a parlé. Le maire a remercié Sophie Dupuis.")
            == ["person:Sophie Dupuis"])
        #expect(EntityFixtures.entity("Sophie Dupuis", in: "Dupuis a parlé. Le maire a remercié Sophie Dupuis.")?
            .mentions.count == 2)
    }

    @Test func shoutedLinesHaveNoAcronyms() {
        #expect(EntityFixtures.names("FLASH INFO : LA GREVE CONTINUE\nLe FMI prévoit une reprise.") == ["organization:FMI"])
    }

    @Test func neverTrapsOnHostileText() {
        let hostile = [
            String(repeating: "A", count: 100_000), String(repeating: "« ", count: 5_000),
            String(repeating: "M. ", count: 10_000), "\u{0}\u{1}Jean\u{0}Martin", "👩‍👩‍👧 Jean Martin 🇫🇷 à Paris",
            "Jose\u{301} Garci\u{301}a est là.", "", "(", "(ONU", "ONU (", String(repeating: "Union de ", count: 3_000),
        ]
        for text in hostile {
            let entities = EntityFixtures.entities(text)
            let structure = TextStructure(analyzing: text)
            for entity in entities {
                for mention in entity.mentions {
                    #expect(mention.span.end <= structure.text.utf8.count)
                    #expect(mention.span.range(in: structure.text) != nil)
                }
            }
        }
    }
}

@Suite("Entities: merging within an article")
struct EntityMergingTests {
    @Test func surnameAndTitledSurnameJoinTheFullName() throws {
        let text = "Jean Martin est arrivé lundi. M. Martin a salué la foule. Martin repart demain."
        let entities = EntityFixtures.entities(text)
        #expect(entities.count == 1)
        let martin = try #require(entities.first)
        #expect(martin.canonicalName == "Jean Martin")
        #expect(martin.count == 3)
        #expect(martin.aliases == ["Martin"])
        #expect(martin.variants.map(\.reason) == ["canonical", "surname"])
        #expect(martin.variants.last?.count == 2)
        #expect(martin.mentions.map(\.title) == [nil, "M.", nil])
        #expect(martin.mentions.map(\.sentence) == [0, 1, 2])
    }

    @Test func ambiguousSurnameIsNotMerged() {
        let text = "Jean Martin et Paul Martin sont frères. M. Martin a parlé."
        let names = EntityFixtures.names(text)
        #expect(names.contains("person:Jean Martin"))
        #expect(names.contains("person:Paul Martin"))
        #expect(EntityFixtures.entity("Jean Martin", in: text)?.count == 1)
        #expect(EntityFixtures.entity("Paul Martin", in: text)?.count == 1)
        // Reported: the shared surname is an entity of its own, marked ambiguous.
        let martin = EntityFixtures.entity("Martin", in: text)
        #expect(martin?.kind == .person)
        #expect(martin?.variants.first?.reason == "ambiguous")
    }

    @Test func acronymsJoinTheirExpansion() throws {
        let forward = "L'Office national de l'eau potable (ONEP) investit. Selon l'ONEP, les travaux avancent."
        let onep = try #require(EntityFixtures.entities(forward).first)
        #expect(onep.canonicalName == "Office national de l'eau potable")
        #expect(onep.count == 3)
        #expect(onep.variants.contains { $0.text == "ONEP" && $0.count == 2 && $0.reason == "acronym" })
        let backward = "Le CNRS (Centre national de la recherche scientifique) recrute."
        #expect(EntityFixtures.names(backward) == ["organization:Centre national de la recherche scientifique"])
        // A known pair from the list joins without parentheses.
        let known = "L'Organisation des Nations unies a voté. L'ONU publiera le texte."
        #expect(EntityFixtures.names(known) == ["organization:Organisation des Nations unies"])
        // Letters that do not fit are not an acronym of the name.
        #expect(EntityFixtures.names("L'Union africaine (FMI) a réagi.").count == 2)
    }

    @Test func foldedSpellingsMerge() throws {
        let text = "La Grande-Bretagne a voté. En Grande Bretagne, le débat continue."
        let entities = EntityFixtures.entities(text)
        #expect(entities.count == 1)
        #expect(entities.first?.count == 2)
        #expect(entities.first?.variants.map(\.reason).sorted() == ["canonical", "same"])
    }

    @Test func kindsNeverMerge() {
        // `Florence` the city and `Florence` a person's given name in the same text stay apart from each other.
        let names = EntityFixtures.names("Il vit à Florence. Florence Arthaud n'y était pas. Florence est belle.")
        #expect(names == ["location:Florence", "person:Florence Arthaud"])
        #expect(EntityFixtures.entity("Florence Arthaud", in: "Il vit à Florence. Florence Arthaud n'y était pas.")?.count == 1)
    }
}

@Suite("Entities: gazetteer extension")
struct EntityGazetteerTests {
    @Test func addForceAndForbid() {
        var gazetteer = EntityGazetteer.standard
        gazetteer.add("Sonelgaz", kind: .organization)
        gazetteer.add("Tizi Bouzar", kind: .location)
        gazetteer.forbid("Alger")
        let recognizer = EntityRecognizer(gazetteer: gazetteer)
        let names = recognizer.entities(in: "Sonelgaz investit à Tizi Bouzar et à Alger.").map {
            "\($0.kind.rawValue):\($0.canonicalName)"
        }
        #expect(names == ["organization:Sonelgaz", "location:Tizi Bouzar"])
    }

    @Test func loadsAUserFileAndNamesBadLines() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ck-names-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let good = directory.appendingPathComponent("names.tsv")
        try "# my names\nAtlas Bleu\torganization\n!Maroc\n".write(to: good, atomically: true, encoding: .utf8)
        var gazetteer = EntityGazetteer.standard
        try gazetteer.load(contentsOf: good.path)
        let names = EntityRecognizer(gazetteer: gazetteer).entities(in: "Atlas Bleu a ouvert au Maroc.").map(\.canonicalName)
        #expect(names == ["Atlas Bleu"])
        let bad = directory.appendingPathComponent("bad.tsv")
        try "Atlas Bleu\torganization\nsans type\n".write(to: bad, atomically: true, encoding: .utf8)
        var other = EntityGazetteer.standard
        #expect {
            try other.load(contentsOf: bad.path)
        } throws: { error in
            (error as? CorpusKitError)?.location?.line == 2
        }
        #expect(throws: CorpusKitError.self) { try other.load(contentsOf: directory.appendingPathComponent("none").path) }
    }
}

@Suite("Entities: corpus index")
struct EntityIndexTests {
    static func article(_ id: String, _ text: String, _ date: String) -> (entities: [Entity], date: PublicationDate?) {
        (EntityFixtures.entities(text), PublicationDate(iso8601: date))
    }

    @Test func transliteratedSpellingsMergeAcrossArticles() throws {
        let a = Self.article("a", "Le président Abdelmadjid Tebboune a parlé.", "2024-03-01")
        let b = Self.article("b", "Le président Abdelmajid Tebboune a voyagé.", "2024-03-05")
        let c = Self.article("c", "Abdelmadjid Tebboune a reçu Mohamed Ali, puis Mohammed Ali.", "2024-03-09")
        var index = EntityIndex()
        for article in [a, b, c] { index.merge(.contribution(of: article.entities, publishedAt: article.date)) }
        let entities = index.entities()
        let tebboune = try #require(entities.first { $0.name.hasSuffix("Tebboune") })
        #expect(tebboune.name == "Abdelmadjid Tebboune")
        #expect(tebboune.mentions == 3)
        #expect(tebboune.documents == 3)
        #expect(tebboune.firstPublished == "2024-03-01")
        #expect(tebboune.lastPublished == "2024-03-09")
        #expect(tebboune.variants.contains { $0.text == "Abdelmajid Tebboune" && $0.reason == "transliteration" })
        #expect(index.mergedNames()["person\u{1F}Abdelmajid Tebboune"] == "Abdelmadjid Tebboune")
    }

    @Test func ambiguousSpellingIsNotMerged() {
        // `Karim Benzar` is one edit from both `Karim Benzer` and `Karim Benzad`: it joins neither.
        var index = EntityIndex()
        for name in ["Karim Benzer", "Karim Benzar", "Karim Benzad"] {
            let entity = Entity(kind: .person, canonicalName: name, variants: [.init(text: name, count: 1, reason: "canonical")])
            index.merge(.contribution(of: [entity], publishedAt: nil))
        }
        let names = Set(index.entities().map(\.name))
        #expect(names.contains("Karim Benzar"))
    }

    @Test func aliasesForceAndForbidMerges() throws {
        var index = EntityIndex()
        for name in ["Abdelmadjid Tebboune", "Abdelmajid Tebboune", "Tebboune Abdelmadjid", "Jean Martin"] {
            let entity = Entity(kind: .person, canonicalName: name, variants: [.init(text: name, count: 1, reason: "canonical")])
            index.merge(.contribution(of: [entity], publishedAt: nil))
        }
        var aliases = EntityAliases()
        aliases.merge("Tebboune Abdelmadjid", into: "Abdelmadjid Tebboune")
        let forced = index.entities(aliases: aliases)
        #expect(forced.count == 2)
        #expect(forced.first?.mentions == 3)
        #expect(forced.first?.variants.contains { $0.text == "Tebboune Abdelmadjid" && $0.reason == "alias" } == true)
        var apart = EntityAliases()
        apart.separate("Abdelmadjid Tebboune", "Abdelmajid Tebboune")
        #expect(index.entities(aliases: apart).count == 4)
        // From a file, with bad lines named.
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ck-aliases-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = directory.appendingPathComponent("aliases.tsv")
        try "# aliases\nTebboune Abdelmadjid\t=\tAbdelmadjid Tebboune\n".write(to: file, atomically: true, encoding: .utf8)
        var loaded = EntityAliases()
        try loaded.load(contentsOf: file.path)
        #expect(loaded == aliases)
        let bad = directory.appendingPathComponent("bad.tsv")
        try "Tebboune\t~\tAbdelmadjid Tebboune\n".write(to: bad, atomically: true, encoding: .utf8)
        #expect { try loaded.load(contentsOf: bad.path) } throws: { ($0 as? CorpusKitError)?.location?.line == 1 }
    }

    @Test func shardsMergeToTheSameIndex() throws {
        let texts = ["Jean Martin est à Rabat.", "M. Martin quitte Rabat.", "La Banque mondiale prête au Maroc."]
        var whole = EntityIndex()
        var left = EntityIndex(), right = EntityIndex()
        for (k, text) in texts.enumerated() {
            let contribution = EntityIndex.contribution(of: EntityFixtures.entities(text), publishedAt: nil)
            whole.merge(contribution)
            if k == 0 { left.merge(contribution) } else { right.merge(contribution) }
        }
        left.merge(right)
        #expect(left == whole)
        let data = try JSONEncoder().encode(whole)
        #expect(try JSONDecoder().decode(EntityIndex.self, from: data) == whole)
    }
}
