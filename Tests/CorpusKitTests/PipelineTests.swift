import CorpusKit
import Foundation
import Testing

@Suite("Pipeline runs")
struct PipelineTests {
    private func registry() throws -> AnalyzerRegistry {
        var registry = AnalyzerRegistry.core
        try registry.register(WordCounter())
        try registry.register(Fragile())
        try registry.register(UnevenWork())
        return registry
    }

    private func manyArticles(_ count: Int) -> [Article] {
        (0..<count).map { index in
            article("article-\(index)", "Dépêche numéro \(index). " + String(repeating: "Le conseil a voté. ", count: index % 17))
        }
    }

    @Test func inputOrderIsKeptUnderConcurrency() throws {
        let pipeline = try Pipeline(registry: registry(), selecting: ["test.uneven", "test.words"])
        let articles = manyArticles(500)
        let results = pipeline.analyze(articles)
        #expect(results.map(\.article.id) == articles.map(\.id))
        #expect(results.map { $0[ResultKey<String>("test.uneven")] } == articles.map(\.id))
    }

    @Test func streamingRunKeepsOrderAcrossBatchesAndPlacesLoadFailures() throws {
        let pipeline = try Pipeline(registry: registry(), selecting: ["test.uneven"])
        var entries: [CorpusEntry] = manyArticles(300).map { .success($0) }
        entries.insert(.failure(CorpusKitError(.emptyInput, "vide", location: .init(path: "x.txt"))), at: 123)
        var seen: [String] = []
        let summary = pipeline.run(entries, batchSize: 7) { result in
            switch result {
            case .success(let analysis): seen.append(analysis.article.id)
            case .failure(let error): seen.append("failure:\(error.location!.path)")
            }
        }
        var expected = manyArticles(300).map(\.id)
        expected.insert("failure:x.txt", at: 123)
        #expect(seen == expected)
        #expect(summary.articles == 300)
        #expect(summary.failedInputs == 1)
    }

    @Test func asyncRunKeepsOrder() async throws {
        let pipeline = try Pipeline(registry: registry(), selecting: ["test.uneven"])
        let articles = manyArticles(120)
        let stream = AsyncStream<CorpusEntry> { continuation in
            for article in articles { continuation.yield(.success(article)) }
            continuation.finish()
        }
        var seen: [String] = []
        let summary = try await pipeline.run(stream) { result in
            if case .success(let analysis) = result { seen.append(analysis.article.id) }
        }
        #expect(seen == articles.map(\.id))
        #expect(summary.articles == 120)
    }

    @Test func aFailingAnalyzerIsRecordedAndTheRunGoesOn() throws {
        let pipeline = try Pipeline(registry: registry(), selecting: ["test.fragile", "test.words"])
        let articles = [
            article("ok-1", "Tout va bien."), article("broken", "Le système est en PANNE."),
            article("ok-2", "Tout va encore bien."),
        ]
        var results: [ArticleAnalysis] = []
        let summary = pipeline.run(Corpus(articles).entries) { results.append(try! $0.get()) }
        #expect(results.map(\.article.id) == ["ok-1", "broken", "ok-2"])
        #expect(results[0].errors.isEmpty)
        #expect(results[1].errors.map(\.code) == [.analyzerFailed])
        #expect(results[1].errors.first?.analyzerID == "test.fragile")
        #expect(results[1].errors.first?.articleID == "broken")
        #expect(results[1].errors.first?.message == "the text says PANNE")
        // The other analyzer still ran on the broken article.
        #expect(results[1][ResultKey<Int>("test.words")] == 5)
        #expect(results[2][ResultKey<String>("test.fragile")] == "ok-2")
        #expect(summary.articlesWithErrors == 1)
        #expect(summary.failuresByAnalyzer == ["test.fragile": 1])
    }

    @Test func dependentsOfAFailedAnalyzerAreSkippedWithAReason() throws {
        var registry = AnalyzerRegistry.core
        try registry.register(Fragile())
        try registry.register(Dependent(id: "test.after", dependencies: ["test.fragile"]))
        let analysis = try Pipeline(registry: registry, selecting: ["test.after"]).analyze(article("b", "PANNE"))
        #expect(analysis.errors.map(\.code) == [.analyzerFailed, .dependencyFailed])
        #expect(analysis.errors[1].message == "not run because 'test.fragile' failed")
    }

    @Test func summariesOfShardsMergeToTheWholeRun() throws {
        let pipeline = try Pipeline(registry: registry(), selecting: [.text, "test.words"])
        let articles = manyArticles(90)
        let whole = pipeline.run(Corpus(articles).entries) { _ in }
        var merged = pipeline.emptySummary()
        for shard in stride(from: 0, to: 90, by: 25) {
            let part = pipeline.run(Corpus(Array(articles[shard..<min(shard + 25, 90)])).entries) { _ in }
            // Through JSON, as shards analysed on other machines would arrive.
            let data = try AnalysisJSONEncoder().encode(part, body: "")
            try merged.merge(pipeline.decodeSummary(from: data))
        }
        #expect(merged.articles == 90)
        #expect(merged.summary(of: "test.words", as: WordCounter.Total.self)
            == whole.summary(of: "test.words", as: WordCounter.Total.self))
        #expect(merged.summary(of: .text, as: TextStatistics.self) == whole.summary(of: .text, as: TextStatistics.self))
        #expect(whole.summary(of: .text, as: TextStatistics.self)?.articles == 90)
        #expect((whole.summary(of: "test.words", as: WordCounter.Total.self)?.words ?? 0) > 90 * 3)
    }

    @Test func summaryOfAnotherPipelineIsRejected() throws {
        let mine = try Pipeline(registry: .core)
        var registry = AnalyzerRegistry.core
        try registry.register(WordCounter())
        let other = try Pipeline(registry: registry, selecting: ["test.words"])
        let data = try AnalysisJSONEncoder().encode(other.run(Corpus([article("a", "Un mot.")]).entries) { _ in }, body: "")
        let error = #expect(throws: CorpusKitError.self) { try mine.decodeSummary(from: data) }
        #expect(error?.code == .incompatibleSummary)
    }
}
