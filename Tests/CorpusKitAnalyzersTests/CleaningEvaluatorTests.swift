import CorpusKit
import CorpusKitAnalyzers
import Foundation
import Testing

@Suite("Cleaning evaluation")
struct CleaningEvaluatorTests {
    let page = """
        Accueil | Région | Sport
        Le marché de Meknès rouvre après travaux
        Par Amine Chraibi — Le 02/05/2023 à 09h15
        Le marché couvert de la médina a rouvert ses portes lundi, après dix-huit mois de travaux de rénovation.
        Les commerçants saluent des allées plus larges, même si certains regrettent la hausse des loyers.
        Lire aussi : Fès : la place Boujloud réaménagée
        """

    @Test func perfectGoldScoresOne() throws {
        let gold = CleaningGold(
            body: """
                Le marché de Meknès rouvre après travaux
                Le marché couvert de la médina a rouvert ses portes lundi, après dix-huit mois de travaux de rénovation.
                Les commerçants saluent des allées plus larges,  même si certains regrettent la hausse des loyers.
                """,
            title: "Le marché de Meknès rouvre après travaux", publishedAt: "2023-05-02T09:15",
            author: "Amine Chraibi", source: .some(nil), language: "fr")
        let report = CleaningEvaluator().evaluate([(Article(id: "meknes", text: page), gold)], dataset: "test")
        #expect(report.score("paragraphs") == .matches(MatchCounts(truePositives: 3, falsePositives: 0, falseNegatives: 0)))
        #expect(report.score("exact bodies") == .accuracy(AccuracyCounts(correct: 1, total: 1)))
        #expect(report.score("title") == .accuracy(AccuracyCounts(correct: 1, total: 1)))
        #expect(report.score("publishedAt") == .accuracy(AccuracyCounts(correct: 1, total: 1)))
        #expect(report.score("author") == .accuracy(AccuracyCounts(correct: 1, total: 1)))
        #expect(report.score("source") == .accuracy(AccuracyCounts(correct: 1, total: 1)))
        #expect(report.mismatches.isEmpty)
    }

    @Test func missingAndExtraParagraphsAreCountedAndListed() throws {
        let gold = CleaningGold(body: """
            Le marché de Meknès rouvre après travaux
            Le marché couvert de la médina a rouvert ses portes lundi, après dix-huit mois de travaux de rénovation.
            Une phrase que le nettoyage ne peut pas produire.
            """)
        let report = CleaningEvaluator().evaluate([(Article(id: "meknes", text: page), gold)], dataset: "test")
        #expect(report.score("paragraphs") == .matches(MatchCounts(truePositives: 2, falsePositives: 1, falseNegatives: 1)))
        #expect(report.mismatches.map(\.found).contains { $0.hasPrefix("Les commerçants") })
        #expect(report.mismatches.map(\.expected).contains("Une phrase que le nettoyage ne peut pas produire."))
        // No metadata stated in the gold: no metadata scored.
        #expect(report.entries.map(\.name) == ["paragraphs", "exact bodies"])
    }

    @Test func goldDirectoriesAreRead() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gold-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Data("Titre\nCorps.".utf8).write(to: directory.appendingPathComponent("p1.txt"))
        try Data(#"{"title": "Titre", "author": null}"#.utf8).write(to: directory.appendingPathComponent("p1.json"))
        try Data("not json".utf8).write(to: directory.appendingPathComponent("p2.json"))
        try Data("Autre.".utf8).write(to: directory.appendingPathComponent("p2.txt"))
        let error = #expect(throws: CorpusKitError.self) { try CleaningGold.load(directory: directory.path) }
        #expect(error?.code == .malformedJSON)
        try FileManager.default.removeItem(at: directory.appendingPathComponent("p2.json"))
        let gold = try CleaningGold.load(directory: directory.path)
        #expect(gold["p1"]?.title == .some("Titre"))
        #expect(gold["p1"]?.author == .some(nil))
        #expect(gold["p1"]?.source == .none)
        #expect(gold["p2"]?.body == "Autre.")
    }
}
