import CorpusKit
import Testing

@Suite("Analyzer registry and pipeline construction")
struct RegistryTests {
    @Test func duplicateIDIsRejected() throws {
        var registry = AnalyzerRegistry.core
        try registry.register(WordCounter())
        let error = #expect(throws: CorpusKitError.self) { try registry.register(WordCounter()) }
        #expect(error?.code == .duplicateAnalyzer)
        #expect(error?.message.contains("test.words") == true)
        // A second, differently named instance of the same type is fine.
        try registry.register(WordCounter(id: "test.words-2"))
        #expect(registry.ids == [.text, "test.words", "test.words-2"])
    }

    @Test func unknownSelectedIDIsRejected() throws {
        let error = #expect(throws: CorpusKitError.self) {
            try Pipeline(registry: .core, selecting: ["sentiment"])
        }
        #expect(error?.code == .unknownAnalyzer)
        #expect(error?.message.contains("'sentiment'") == true)
        #expect(error?.message.contains("text") == true)  // lists what is registered
    }

    @Test func missingDependencyIsRejected() throws {
        var registry = AnalyzerRegistry()
        try registry.register(WordCounter())  // depends on `text`, not registered here
        let error = #expect(throws: CorpusKitError.self) { try Pipeline(registry: registry) }
        #expect(error?.code == .missingDependency)
        #expect(error?.message == "'test.words' depends on 'text', which is not registered")
    }

    @Test func cycleIsRejectedWithItsPath() throws {
        var registry = AnalyzerRegistry()
        try registry.register(Dependent(id: "a", dependencies: ["b"]))
        try registry.register(Dependent(id: "b", dependencies: ["c"]))
        try registry.register(Dependent(id: "c", dependencies: ["a"]))
        let error = #expect(throws: CorpusKitError.self) { try Pipeline(registry: registry, selecting: ["a"]) }
        #expect(error?.code == .dependencyCycle)
        #expect(error?.message.hasSuffix("a → b → c → a") == true)
    }

    @Test func selfDependencyIsACycle() throws {
        var registry = AnalyzerRegistry()
        try registry.register(Dependent(id: "self", dependencies: ["self"]))
        #expect(throws: CorpusKitError.self) { try Pipeline(registry: registry) }
    }

    @Test func dependenciesRunFirstAndAreNotReportedUnlessSelected() throws {
        var registry = AnalyzerRegistry.core
        try registry.register(Doubler())
        try registry.register(WordCounter())  // registered after the analyzer that needs it: order is free
        let pipeline = try Pipeline(registry: registry, selecting: ["test.double"])
        #expect(pipeline.executionOrder == [.text, "test.words", "test.double"])
        #expect(pipeline.selectedIDs == ["test.double"])
        let analysis = pipeline.analyze(article("a", "Le ministre a parlé hier."))
        #expect(analysis[ResultKey<Int>("test.double")] == 10)
        #expect(analysis.reportedIDs == ["test.double"])
    }

    @Test func customAnalyzerSeesItsDependencyOutput() throws {
        var registry = AnalyzerRegistry.core
        let counter = WordCounter()
        try registry.register(counter)
        let pipeline = try Pipeline(registry: registry)
        let analysis = pipeline.analyze(article("a", "L’Office national de l’eau a publié son rapport."))
        // l’ Office national de l’ eau a publié son rapport = 10 word tokens
        #expect(analysis[counter.key] == 10)
        #expect(analysis[.text]?.tokens.count == 11)  // plus the final period
    }

    @Test func readingADependencyWithTheWrongTypeIsAClearError() throws {
        var registry = AnalyzerRegistry.core
        try registry.register(WrongType())
        let analysis = try Pipeline(registry: registry).analyze(article("a", "Bonjour."))
        #expect(analysis.errors.count == 1)
        #expect(analysis.errors.first?.code == .missingResult)
        #expect(analysis.errors.first?.message == "'text' produces TextStructure, not Array<String>")
        #expect(analysis.errors.first?.analyzerID == "test.wrong")
        #expect(analysis[.text] != nil)
    }

    @Test func descriptionsListEveryAnalyzer() throws {
        var registry = AnalyzerRegistry.core
        try registry.register(WordCounter())
        let descriptions = registry.descriptions
        #expect(descriptions.map(\.id) == [.text, "test.words"])
        #expect(descriptions[1].dependencies == [.text])
        #expect(descriptions[1].summaryType == "Total")
        #expect(descriptions[0].abstract.isEmpty == false)
    }
}

/// Produces a fingerprint nobody wants to read per article.
struct QuietFingerprint: Analyzer {
    var id: AnalyzerID = "test.quiet"
    var isReportedByDefault: Bool { false }
    func analyze(_ article: Article, in context: AnalysisContext) throws -> Int { article.body.utf8.count }
}

@Suite("Default selection")
struct DefaultSelectionTests {
    @Test func analyzersNotReportedByDefaultRunOnlyWhenSelected() throws {
        var registry = AnalyzerRegistry.core
        try registry.register(QuietFingerprint())
        #expect(try Pipeline(registry: registry).selectedIDs == [])  // `text` is not reported by default either
        #expect(try Pipeline(registry: registry, selecting: ["test.quiet"]).selectedIDs == ["test.quiet"])
    }
}
