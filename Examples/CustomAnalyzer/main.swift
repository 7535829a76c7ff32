// Extending CorpusKit: define an analyzer, register it next to the standard ones, run the pipeline.
//
//   swift run CustomAnalyzer [path ...]        (default: Examples/corpus)
import CorpusKit
import CorpusKitAnalyzers
import Foundation

let paths = CommandLine.arguments.count > 1 ? Array(CommandLine.arguments.dropFirst()) : ["Examples/corpus"]

// 1. Registration happens once, at startup: the standard analyzers plus ours.
var registry = AnalyzerRegistry.standard
let kwic = KeywordInContext(keywords: ["eau", "sécheresse", "drought", "water"])
do {
    try registry.register(kwic)
} catch {
    FileHandle.standardError.write(Data("cannot register: \(error)\n".utf8))
    exit(64)
}

// 2. Pick what to report; dependencies (`text`) run automatically, once per article.
let pipeline = try Pipeline(registry: registry, selecting: [kwic.id])

// 3. Stream the corpus; results come back in input order, failures in place.
var failed = 0
let summary = pipeline.run(CorpusReader(paths: paths)) { result in
    switch result {
    case .failure(let error):
        failed += 1
        FileHandle.standardError.write(Data("skipped: \(error)\n".utf8))
    case .success(let analysis):
        // Typed access with the analyzer's own key: no casts.
        for hit in analysis[kwic.key] ?? [] {
            print("\(analysis.article.id.padding(toLength: 40, withPad: " ", startingAt: 0))  \(hit.left) [\(hit.keyword)] \(hit.right)")
        }
    }
}

// 4. The corpus summary merged from every article.
if let counts = summary.summary(of: kwic.id, as: KeywordInContext.Counts.self) {
    print("\nKeyword           occurrences  articles")
    for keyword in counts.occurrences.keys.sorted() {
        print("\(keyword.padding(toLength: 18, withPad: " ", startingAt: 0))\(String(counts.occurrences[keyword]!).padding(toLength: 13, withPad: " ", startingAt: 0))\(counts.articles[keyword] ?? 0)")
    }
}
exit(failed == 0 ? 0 : 1)
