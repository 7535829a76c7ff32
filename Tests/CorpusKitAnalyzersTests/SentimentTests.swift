import CorpusKit
import CorpusKitAnalyzers
import Foundation
import Testing

/// A small lexicon of our own, so that these tests pin the engine, not the default lists.
enum SentimentFixtures {
    static let lexicon: SentimentLexicon = {
        var lexicon = SentimentLexicon()
        lexicon.languages = ["fr", "en"]
        for (term, valence) in [("bon", 0.5), ("aimer", 0.5), ("excellent", 0.8), ("mauvais", -0.5), ("sûr", 0.3),
                                ("catastrophe", -0.8), ("terroris*", -0.7), ("sécurité", 0), ("good", 0.5),
                                ("bad", -0.5), ("crise humanitaire", -0.9), ("succès", 0.6), ("intéressant", 0.4),
                                ("drôle", 0.4), ("long", -0.2), ("guerre", -0.6), ("chômage", -0.5),
                                ("poverty", -0.6), ("croissance", 0.4), ("chef d'œuvre", 0.9),
                                ("well respected", 0.6), ("pas terrible", -0.4), ("super", 0.6),
                                ("convaincant", 0.5), ("enfer", -0.6), ("rythmé", 0.4), ("betray", -0.7)] {
            lexicon.set(term, valence: valence)
        }
        return lexicon
    }()

    static func sentence(_ text: String) -> SentenceTone {
        let structure = TextStructure(analyzing: text)
        return SentimentAnalyzer.score(structure, entities: [], quotes: [], lexicon: lexicon).sentences[0]
    }

    static func score(_ text: String) -> Double { sentence(text).score }
    static func label(_ text: String) -> SentimentLabel { sentence(text).label }
}

@Suite("Sentiment: negation")
struct SentimentNegationTests {
    @Test(arguments: [
        "Je n'aime pas ce film.", "Ce film n'est jamais bon.", "Il n'est plus bon.", "Ce n'est guère bon.",
        "Ce n'est nullement bon.", "C'est pas bon.", "Un film sans succès.", "Ni bon ni drôle.",
        "Aucun succès pour ce film.", "It is not good.", "It isn't good.", "Never good.", "No good news.",
        "A film without good ideas.", "Je n'aime rien de bon.", "Je n'ai vu personne de bon.",
        "Ce film n'a aucun succès.", "It was cheap nor good.",
    ])
    func negationsFlipTheTerm(text: String) {
        #expect(SentimentFixtures.label(text) == .negative, "\(text)")
        #expect(SentimentFixtures.sentence(text).hits.contains { $0.modifiers.contains("negated") }, "\(text)")
    }

    @Test(arguments: [
        "Ce n'est que bon.", "C'est sans doute bon.", "Il est plus bon que jamais.", "Non seulement bon, mais excellent.",
        // `plus` negates only after `ne`: here it compares.
        "Il est plus drôle que le premier.",
    ])
    func notNegations(text: String) {
        #expect(SentimentFixtures.label(text) == .positive, "\(text)")
        #expect(!SentimentFixtures.sentence(text).hits.contains { $0.modifiers.contains("negated") }, "\(text)")
    }

    @Test func pasMalIsMildlyPositiveOrNeutralNeverNegated() {
        #expect(SentimentFixtures.label("C'est pas mal du tout.") != .negative)
    }

    @Test func scopeEndsAtClausePunctuationAndContrast() {
        // The comma closes the negation: `bon` after it is not negated.
        let hits = SentimentFixtures.sentence("Ce n'est pas mauvais, c'est bon.").hits
        #expect(hits.first { $0.text == "mauvais" }?.modifiers.contains("negated") == true)
        #expect(hits.first { $0.text == "bon" }?.modifiers.contains("negated") == false)
        let contrast = SentimentFixtures.sentence("Ce n'est pas mauvais mais bon.").hits
        #expect(contrast.first { $0.text == "bon" }?.modifiers.contains("negated") == false)
        let quoted = SentimentFixtures.sentence("Il ne dit pas « bon » ici.").hits
        #expect(quoted.first { $0.text == "bon" }?.modifiers.contains("negated") == false)
    }
}

@Suite("Sentiment: modifiers, matching, explanation")
struct SentimentModifierTests {
    @Test func intensifiersAndDampeners() {
        let plain = SentimentFixtures.score("Un bon film.")
        #expect(SentimentFixtures.score("Un très bon film.") > plain)
        #expect(SentimentFixtures.score("Un film extrêmement bon.") > plain)
        #expect(SentimentFixtures.score("Un film plutôt bon.") < plain)
        #expect(SentimentFixtures.score("Un film un peu long.") > SentimentFixtures.score("Un film long."))
        #expect(SentimentFixtures.sentence("Un très bon film.").hits.first?.modifiers == ["intensified"])
    }

    @Test(arguments: [
        ("Le sommet veut mettre fin à la guerre.", "guerre"), ("La baisse du chômage se confirme.", "chômage"),
        ("The plan would reduce poverty.", "poverty"), ("Il faut lutter contre le chômage.", "chômage"),
    ])
    func shiftersReverseTheTermThatFollows(text: String, term: String) {
        let tone = SentimentFixtures.sentence(text)
        #expect(tone.label == .positive, "\(text)")
        #expect(tone.hits.map(\.text) == [term])
        #expect(tone.hits.first?.modifiers == ["shifted"])
    }

    @Test func phrasesWrittenAsOneHyphenatedWordMatch() {
        #expect(SentimentFixtures.sentence("Un vrai chef-d'œuvre.").hits.map(\.text) == ["chef-d'œuvre"])
        #expect(SentimentFixtures.sentence("Un vrai chef d’œuvre.").hits.map(\.text) == ["chef d’œuvre"])
        #expect(SentimentFixtures.sentence("She is well-respected.").hits.map(\.valence) == [0.6])
    }

    @Test func phrasesStartingWithAModifierAreReadAsWritten() {
        // `pas terrible` is a phrase of the lexicon: not `terrible` negated, and `ne` does not flip it back.
        let tone = SentimentFixtures.sentence("Ce n'est pas terrible.")
        #expect(tone.hits.map(\.text) == ["pas terrible"])
        #expect(tone.label == .negative)
        // An intensifier with nothing after it is a word of its own; `peu` alone says the opposite, `un peu`
        // only softens.
        #expect(SentimentFixtures.label("C'est super.") == .positive)
        #expect(SentimentFixtures.label("Un film peu convaincant.") == .negative)
        #expect(SentimentFixtures.label("Un film un peu convaincant.") == .positive)
        // On the side of: `lutter pour`, `fight for` shift nothing.
        #expect(SentimentFixtures.sentence("Il faut lutter pour la croissance.").hits.first?.modifiers == [])
    }

    @Test func generatedFormsStayWords() {
        // `enfer` is not a verb whose `-ant` form would be `enfant`; `betray` makes `betrayed`.
        #expect(SentimentFixtures.sentence("Un enfant joue.").hits.isEmpty)
        #expect(SentimentFixtures.sentence("He betrayed them.").hits.map(\.text) == ["betrayed"])
        // `rythme` (a noun) is not `rythmé` without its accent; `succes` is still `succès`.
        #expect(SentimentFixtures.sentence("Le rythme du film.").hits.isEmpty)
        #expect(SentimentFixtures.sentence("Un film rythmé.").hits.map(\.text) == ["rythmé"])
    }

    @Test func shiftersStopAtTheClauseAndCountForNothingAlone() {
        // Lowering something good is bad; a shifter alone, or a term past the clause, is left as it is.
        #expect(SentimentFixtures.label("La baisse de la croissance inquiète.") == .negative)
        #expect(SentimentFixtures.sentence("La fin, la guerre.").hits.first?.modifiers == [])
        #expect(SentimentFixtures.sentence("La fin du match.").hits.isEmpty)
        // Negated and shifted: not ending a war stays negative.
        #expect(SentimentFixtures.label("Ils n'ont pas mis fin à la guerre.") == .negative)
    }

    @Test func emphasisIsOffByDefaultAndOptional() {
        var options = SentimentOptions()
        #expect(!options.emphasis)
        let structure = TextStructure(analyzing: "Un film BON !")
        let plain = SentimentAnalyzer.score(structure, entities: [], quotes: [], lexicon: SentimentFixtures.lexicon)
        options.emphasis = true
        let emphatic = SentimentAnalyzer.score(structure, entities: [], quotes: [], lexicon: SentimentFixtures.lexicon,
                                               options: options)
        #expect(plain.sentences[0].hits.first?.modifiers == [])
        #expect(emphatic.sentences[0].hits.first?.modifiers == ["emphasis"])
        #expect(emphatic.sentences[0].score > plain.sentences[0].score)
    }

    @Test func contrastWeighsTheSecondClause() {
        let tone = SentimentFixtures.sentence("Le début est mauvais, mais la fin est excellente.")
        #expect(tone.label == .positive)
        #expect(tone.hits.map(\.modifiers) == [["before-contrast"], ["after-contrast"]])
    }

    @Test func accentsFirstThenAccentFreeOnlyWhenUnambiguous() {
        #expect(SentimentFixtures.sentence("Il est sûr de lui.").hits.map(\.text) == ["sûr"])
        // `sur` (on) is not `sûr`.
        #expect(SentimentFixtures.sentence("Il est sur la table.").hits.isEmpty)
        // No accent in the text, one accented entry: found.
        #expect(SentimentFixtures.sentence("Un succes.").hits.map(\.text) == ["succes"])
    }

    @Test func inflectionsGlobsPhrasesAndNeutralisedTerms() {
        #expect(SentimentFixtures.sentence("Des films mauvaises.").hits.map(\.text) == ["mauvaises"])
        #expect(SentimentFixtures.sentence("Elle aimait ce film.").hits.map(\.text) == ["aimait"])
        #expect(SentimentFixtures.sentence("Les terroristes ont frappé.").hits.map(\.valence) == [-0.7])
        #expect(SentimentFixtures.sentence("Un succès.").hits.first?.valence == 0.6)
        #expect(SentimentFixtures.sentence("Une crise humanitaire grave.").hits.map(\.text) == ["crise humanitaire"])
        #expect(SentimentFixtures.label("La sécurité est assurée.") == .neutral)
    }

    @Test func entityWordsAreNotScored() {
        let text = "Le Bon Marché a ouvert."
        let structure = TextStructure(analyzing: text)
        let entity = Entity(kind: .organization, canonicalName: "Bon Marché",
                            mentions: [EntityMention(span: TextSpan(start: 3, end: 13), text: "Bon Marché")])
        let scored = SentimentAnalyzer.score(structure, entities: [entity], quotes: [], lexicon: SentimentFixtures.lexicon)
        #expect(scored.sentences[0].hits.isEmpty)
    }

    @Test func articleParagraphQuoteAndEntityTones() {
        let text = "Jean Martin a salué un excellent accord.\n\nLa crise humanitaire continue. C'est une catastrophe."
        let structure = TextStructure(analyzing: text)
        let entities = EntityRecognizer().entities(in: structure)
        let scored = SentimentAnalyzer.score(structure, entities: entities, quotes: [], lexicon: SentimentFixtures.lexicon)
        #expect(scored.paragraphs.count == 2)
        #expect(scored.paragraphs[0].label == .positive)
        #expect(scored.paragraphs[1].label == .negative)
        #expect(scored.tone.sentences == 3)
        #expect(abs(scored.tone.positiveShare - 1.0 / 3) < 0.01)
        #expect(scored.tone.netTone < 0)
        #expect(scored.entities.first { $0.name == "Jean Martin" }?.label == .positive)
        // Encodes with scalar offsets like every result.
        let json = try? JSONEncoder().encode(scored)
        #expect(json != nil)
    }
}

@Suite("Sentiment: lexicon files")
struct SentimentLexiconFileTests {
    static func write(_ text: String, _ name: String) throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("ck-lex-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        let url = directory.appendingPathComponent(name)
        try text.write(to: url, atomically: true, encoding: .utf8)
        return url.path
    }

    @Test func nativeTSVReportsEverything() throws {
        let path = try Self.write("#! language: fr\n#! scale: -2 2\n# a comment\nbon\t1\nbon\t1.5\nBon Sens\t1\nbon sens\t2\nnul\t-3\nter*\t-1\n", "lex.tsv")
        var lexicon = SentimentLexicon()
        let report = try lexicon.load(tsv: path)
        #expect(report.entries == 5)
        #expect(report.duplicates.count == 1)
        #expect(report.collisions.count == 1)
        #expect(report.outOfScale.count == 1)
        #expect(report.greedyGlobs.count == 1)
        #expect(lexicon.entries["bon"] == 0.75)
        #expect(lexicon.entries["nul"] == -1)
        var base = SentimentLexicon()
        base.set("bon", valence: 0.1)
        let again = try base.load(tsv: path)
        #expect(again.overridden == ["bon"])
        let bad = try Self.write("bon\tx\n", "bad.tsv")
        #expect { try lexicon.load(tsv: bad) } throws: { ($0 as? CorpusKitError)?.location?.line == 1 }
    }

    @Test func vaderAndTables() throws {
        let vader = try Self.write("good\t1.9\t0.9\t[2, 2, 1]\nbad\t-2.5\t0.5\t[-3, -2]\n", "vader.txt")
        var lexicon = SentimentLexicon()
        try lexicon.load(vader: vader)
        #expect(lexicon.entries["good"] == 1.9 / 4)
        let csv = try Self.write("mot;polarite\nbonheur;positive\nmalheur;negative\n", "labels.csv")
        try lexicon.load(table: csv, separator: ";", term: 0, label: 1)
        #expect(lexicon.entries["bonheur"] == 0.5)
        #expect(lexicon.entries["malheur"] == -0.5)
        let values = try Self.write("term,score\nsplendide,0.9\n", "values.csv")
        try lexicon.load(table: values, separator: ",", term: 0, valence: 1)
        #expect(lexicon.entries["splendide"] == 0.9)
    }

    @Test func liwcDictionariesMapCategoriesToValences() throws {
        let dic = """
            %
            1\tposemo
            2\tnegemo
            3\tsocial
            %
            merveille*\t1
            hurt*\t2
            ami\t1\t3
            voisin\t3
            doux-amer\t1\t2
            comme\t(02 134)125/464\t1
            kind of\t2
            """
        let path = try Self.write(dic, "words.dic")
        var lexicon = SentimentLexicon()
        let report = try lexicon.load(liwc: path, categories: ["posemo": 0.5, "2": -0.5, "affect": 0.1])
        #expect(lexicon.entries["merveille*"] == 0.5)
        #expect(lexicon.entries["hurt"] == -0.5)  // a short glob is kept as the plain word
        #expect(lexicon.entries["ami"] == 0.5)
        #expect(lexicon.entries["voisin"] == nil)  // in no mapped category
        #expect(lexicon.entries["doux amer"] == 0)  // opposite categories sum to 0, and are reported
        #expect(lexicon.entries["kind of"] == -0.5)
        #expect(report.unknownCategories == ["affect"])
        #expect(report.collisions.count == 1)
        #expect(report.greedyGlobs.count == 1)
        #expect(report.skipped.count == 1)
        let bad = try Self.write("%\n1\tposemo\n%\nbon\tx\n", "bad.dic")
        #expect { try lexicon.load(liwc: bad, categories: ["posemo": 1]) } throws: { ($0 as? CorpusKitError)?.location?.line == 4 }
        let headless = try Self.write("bon\t1\n", "headless.dic")
        #expect { try lexicon.load(liwc: headless, categories: ["posemo": 1]) } throws: { ($0 as? CorpusKitError)?.location?.line == 1 }
    }

    @Test func mergeAndOverride() {
        var a = SentimentLexicon()
        a.set("bon", valence: 0.5)
        var b = SentimentLexicon()
        b.set("bon", valence: 0.2)
        b.set("nul", valence: -0.6)
        var kept = a
        #expect(kept.merge(b, overriding: false) == ["bon"])
        #expect(kept.entries["bon"] == 0.5)
        var replaced = a
        replaced.merge(b, overriding: true)
        #expect(replaced.entries["bon"] == 0.2)
        #expect(replaced.entries["nul"] == -0.6)
    }
}
