import Foundation
import Testing

@testable import CorpusKit
import CorpusKitAnalyzers

/// `corpus-tool analyze` output must not change with the compact encoder: every example article, through every
/// standard analyzer, is encoded by both paths of ``AnalysisJSONEncoder``.
@Suite("Analysis JSON over the example corpus")
struct AnalysisJSONCorpusTests {
    /// The package root, found from this file's path so that the test does not depend on the working directory.
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    static func exampleArticles() throws -> [Article] {
        let corpus = packageRoot.appendingPathComponent("Examples/corpus").path
        let articles = CorpusReader(paths: [corpus]).compactMap { try? $0.get() }
        try #require(articles.count >= 10)
        return articles
    }

    @Test(arguments: [false, true])
    func theCompactEncoderWritesJSONEncodersBytes(everyAnalyzer: Bool) throws {
        let registry = AnalyzerRegistry.standard
        let pipeline = try everyAnalyzer
            ? Pipeline(registry: registry, selecting: registry.ids) : Pipeline(registry: registry)
        var reference = AnalysisJSONEncoder()
        reference.usesJSONEncoderOnly = true
        var outputs = 0
        for analysis in pipeline.analyze(try Self.exampleArticles()) {
            let fast = try AnalysisJSONEncoder().encode(analysis)
            let slow = try reference.encode(analysis)
            #expect(
                String(decoding: fast, as: UTF8.self) == String(decoding: slow, as: UTF8.self),
                "article \(analysis.article.id)")
            #expect(fast == slow)
            outputs += analysis.reportedIDs.count { analysis.output(of: $0) != nil }
        }
        #expect(outputs > 50)
    }
}
