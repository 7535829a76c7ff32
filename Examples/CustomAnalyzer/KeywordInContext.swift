import CorpusKit

/// A keyword-in-context (KWIC) analyzer: every occurrence of the given keywords with a few words of context.
///
/// It shows the three things a custom analyzer usually needs: a dependency on a standard analyzer (`text`, for
/// the shared tokens — no second tokenization), a typed `Codable` output with spans, and a corpus summary that
/// merges across shards.
struct KeywordInContext: Analyzer {
    /// Third-party analyzers use reverse-DNS ids.
    let id: AnalyzerID
    let keywords: Set<String>
    let contextWords: Int

    var dependencies: [AnalyzerID] { [.text] }
    var abstract: String { "Occurrences of \(keywords.sorted().joined(separator: ", ")) with their context." }

    init(id: AnalyzerID = "org.example.kwic", keywords: [String], contextWords: Int = 5) {
        self.id = id
        self.keywords = Set(keywords.map { $0.lowercased() })
        self.contextWords = contextWords
    }

    /// One occurrence.
    struct Hit: Codable, Sendable {
        var keyword: String
        var span: TextSpan  // written as Unicode scalar offsets in JSON output
        var left: String
        var right: String
    }

    /// How often each keyword occurs in the corpus, and in how many articles.
    struct Counts: AnalyzerSummary {
        var occurrences: [String: Int] = [:]
        var articles: [String: Int] = [:]
        mutating func merge(_ other: Counts) {
            occurrences.merge(other.occurrences, uniquingKeysWith: +)
            articles.merge(other.articles, uniquingKeysWith: +)
        }
    }

    func analyze(_ article: Article, in context: AnalysisContext) throws -> [Hit] {
        let text = try context.require(.text)
        var hits: [Hit] = []
        for (index, token) in text.tokens.enumerated() where token.kind == .word {
            let word = text.text(of: token).lowercased()
            guard keywords.contains(word) else { continue }
            // Context stays inside the sentence's paragraph line: a KWIC line never runs into the site menu.
            let left = text.tokens[max(0, index - contextWords)..<index].drop { $0.span.start < lineStart(text, token) }
            let right = text.tokens[(index + 1)..<min(text.tokens.count, index + 1 + contextWords)]
                .prefix { !$0.has(.lineStart) }
            hits.append(Hit(
                keyword: word, span: token.span,
                left: left.map { String(text.text(of: $0)) }.joined(separator: " "),
                right: right.map { String(text.text(of: $0)) }.joined(separator: " ")))
        }
        return hits
    }

    func summarize(_ output: [Hit], of article: Article) -> Counts {
        var counts = Counts()
        for hit in output { counts.occurrences[hit.keyword, default: 0] += 1 }
        for keyword in Set(output.map(\.keyword)) { counts.articles[keyword] = 1 }
        return counts
    }

    /// Start of the paragraph (line) holding `token`.
    private func lineStart(_ text: TextStructure, _ token: Token) -> Int {
        text.paragraphs.last { $0.span.start <= token.span.start }?.span.start ?? 0
    }
}
