import CorpusKit
import Foundation

/// Counts words using the shared tokens: a custom analyzer that depends on a standard one.
struct WordCounter: Analyzer {
    var id: AnalyzerID = "test.words"
    var dependencies: [AnalyzerID] { [.text] }

    struct Total: AnalyzerSummary, Equatable {
        var words = 0
        mutating func merge(_ other: Total) { words += other.words }
    }

    func analyze(_ article: Article, in context: AnalysisContext) throws -> Int {
        try context.require(.text).tokens.filter { $0.kind == .word }.count
    }

    func summarize(_ output: Int, of article: Article) -> Total { Total(words: output) }
}

/// Reads `test.words` and doubles it: a dependency on a custom analyzer, read with a typed key.
struct Doubler: Analyzer {
    var id: AnalyzerID = "test.double"
    var dependencies: [AnalyzerID] { ["test.words"] }
    func analyze(_ article: Article, in context: AnalysisContext) throws -> Int {
        try context.require(ResultKey<Int>("test.words")) * 2
    }
}

/// Fails on articles whose body contains "PANNE".
struct Fragile: Analyzer {
    var id: AnalyzerID = "test.fragile"
    struct Broken: Error, CustomStringConvertible { var description: String { "the text says PANNE" } }
    func analyze(_ article: Article, in context: AnalysisContext) throws -> String {
        if article.body.contains("PANNE") { throw Broken() }
        return article.id
    }
}

/// Declares dependencies it is told to, for registry error tests.
struct Dependent: Analyzer {
    var id: AnalyzerID
    var dependencies: [AnalyzerID]
    func analyze(_ article: Article, in context: AnalysisContext) throws -> Bool { true }
}

/// Does an amount of work that depends on the article, so that parallel runs finish out of order.
struct UnevenWork: Analyzer {
    var id: AnalyzerID = "test.uneven"
    func analyze(_ article: Article, in context: AnalysisContext) throws -> String {
        let rounds = (article.id.hashValue & 0xFF) * 200
        var x: UInt64 = 1
        for i in 0..<rounds { x = x &* 6364136223846793005 &+ UInt64(i) }
        return x == 42 ? "" : article.id
    }
}

/// Reads `text` with the wrong type, to test the typed-context error.
struct WrongType: Analyzer {
    var id: AnalyzerID = "test.wrong"
    var dependencies: [AnalyzerID] { [.text] }
    func analyze(_ article: Article, in context: AnalysisContext) throws -> Int {
        try context.require(ResultKey<[String]>(.text)).count
    }
}

func article(_ id: String, _ text: String) -> Article { Article(id: id, text: text) }

/// A temporary directory removed when the value is dropped at the end of a test.
final class TemporaryDirectory {
    let url: URL
    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("corpuskit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }
    deinit { try? FileManager.default.removeItem(at: url) }
    var path: String { url.path }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Data(text.utf8)) }

    @discardableResult
    func write(_ name: String, _ data: Data) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(
            at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }
}
