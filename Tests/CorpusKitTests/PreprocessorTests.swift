import CorpusKit
import Testing

/// Drops menu lines (`Accueil …`) and takes the first remaining line as the title.
struct MenuStripper: ArticlePreprocessor {
    var id: AnalyzerID = "test.strip"
    struct Report: Codable, Sendable, Equatable { var removedLines: Int }
    func process(_ article: inout Article) throws -> Report {
        let lines = article.body.split(separator: "\n", omittingEmptySubsequences: false)
        let kept = lines.filter { !$0.hasPrefix("Accueil") }
        if article.title == nil { article.title = kept.first.map(String.init) }
        article.setBody(kept.joined(separator: "\n"))
        return Report(removedLines: lines.count - kept.count)
    }
}

/// Always fails.
struct BrokenStage: ArticlePreprocessor {
    var id: AnalyzerID = "test.broken"
    struct Failure: Error {}
    func process(_ article: inout Article) throws -> Bool {
        article.setBody("half-done")
        throw Failure()
    }
}

@Suite("Preprocessing stages")
struct PreprocessorTests {
    private let page = "Accueil | Monde | Sport\nLe sommet s’ouvre à Rabat\nLes délégués sont arrivés."

    private func registry() throws -> AnalyzerRegistry {
        var registry = AnalyzerRegistry.core
        try registry.register(preprocessor: MenuStripper())
        try registry.register(WordCounter())
        return registry
    }

    @Test func analyzersReadTheRewrittenBodyAndRawTextIsKept() throws {
        let analysis = try Pipeline(registry: registry()).analyze(Article(id: "a", text: page))
        #expect(analysis.article.body == "Le sommet s’ouvre à Rabat\nLes délégués sont arrivés.")
        #expect(analysis.article.rawText == page)
        #expect(analysis.article.title == "Le sommet s’ouvre à Rabat")
        #expect(analysis[.text]?.paragraphs.count == 2)
        // The report is in the results, and reported by default.
        #expect(analysis[MenuStripper().key] == MenuStripper.Report(removedLines: 1))
        #expect(analysis.reportedIDs == ["test.strip", "test.words"])
        let selected = try Pipeline(registry: registry(), selecting: ["test.strip", .text])
        #expect(selected.selectedIDs == ["test.strip", .text])
        #expect(selected.preprocessorIDs == ["test.strip"])
    }

    @Test func preprocessingCanBeTurnedOff() throws {
        let pipeline = try Pipeline(registry: registry(), preprocessing: false)
        #expect(pipeline.preprocessorIDs.isEmpty)
        #expect(pipeline.selectedIDs == ["test.words"])
        let analysis = pipeline.analyze(Article(id: "a", text: page))
        #expect(analysis.article.body == page)
        #expect(analysis[.text]?.paragraphs.count == 3)
        let error = #expect(throws: CorpusKitError.self) {
            try Pipeline(registry: registry(), selecting: ["test.strip"], preprocessing: false)
        }
        #expect(error?.message == "'test.strip' is a preprocessing stage, and preprocessing is turned off")
    }

    @Test func aFailingStageLeavesTheArticleAsItWas() throws {
        var registry = try registry()
        try registry.register(preprocessor: BrokenStage())
        let analysis = try Pipeline(registry: registry).analyze(Article(id: "a", text: page))
        #expect(analysis.errors.map(\.analyzerID) == ["test.broken"])
        // The first stage's work is kept, the broken stage's half-done change is not.
        #expect(analysis.article.body == "Le sommet s’ouvre à Rabat\nLes délégués sont arrivés.")
        #expect(analysis[ResultKey<Int>("test.words")] != nil)
    }

    @Test func stagesCanBeReplacedOrRemoved() throws {
        var registry = try registry()
        #expect(throws: CorpusKitError.self) { try registry.register(preprocessor: MenuStripper()) }
        #expect(throws: CorpusKitError.self) { try registry.register(Dependent(id: "test.strip", dependencies: [])) }
        registry.replace(withPreprocessor: BrokenStage(id: "test.strip"))
        #expect(registry.preprocessorIDs == ["test.strip"])
        let analysis = try Pipeline(registry: registry).analyze(Article(id: "a", text: page))
        #expect(analysis.article.body == page)
        registry.remove("test.strip")
        #expect(registry.preprocessorIDs.isEmpty)
        #expect(registry.descriptions.allSatisfy { !$0.isPreprocessor })
    }
}
