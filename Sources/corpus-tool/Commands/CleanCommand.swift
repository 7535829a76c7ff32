import CorpusKit
import CorpusKitAnalyzers
import Foundation

/// `corpus-tool clean`: the clean text and page metadata of each article, with `--explain` what was removed.
struct CleanCommand: ToolCommand {
    static let name = "clean"
    static let abstract = "Clean scraped pages: print each article's own text and the metadata found in the page."
    static let usage = "corpus-tool clean <path> ... [--format jsonl|text] [--explain]"
    static let options: [ArgumentScanner.Option] = [
        .init(name: "--format", takesValue: true), .init(name: "--explain", takesValue: false),
    ]
    static let help = """
        OVERVIEW: \(abstract)

        Removes site menus, "Lire aussi" links, share bars and counters, tags, comment forms, newsletter and cookie
        text, headline tickers, image widgets, footers, bylines and repeated paragraphs; re-joins paragraphs cut in
        two by an ad; finds the title, publication date, outlet, author and language. Metadata given in JSONL input
        always wins over what is found in the page. This is the stage 'analyze' runs first (unless --no-clean).

        USAGE: \(usage)

        ARGUMENTS:
          <path>                  A .txt file, a .jsonl file, a directory (read recursively), or - for JSONL on stdin.

        OPTIONS:
          --format <format>       jsonl (default: one object per article with id, title, publishedAt, source,
                                  author, language, body) or text (each article's clean text under a header line).
          --explain               Also give every removed line with its reason and line number, the re-joined
                                  lines, and where each metadata value was found (jsonl: "cleaning" field).
          -h, --help              Show help information.

        EXAMPLES:
          corpus-tool clean Examples/corpus/fr-rabat-sommet-eau.txt --format text
          corpus-tool clean Examples/corpus --explain > cleaned.jsonl
        """

    enum Format: String { case jsonl, text }

    let paths: [String]
    let format: Format
    let explain: Bool

    init(_ arguments: ArgumentScanner) throws {
        guard !arguments.positionals.isEmpty else { throw UsageError("missing <path>: give files, directories or -") }
        paths = arguments.positionals
        let name = arguments.value("--format") ?? "jsonl"
        guard let format = Format(rawValue: name) else {
            throw UsageError("unknown format '\(name)' (expected jsonl or text)")
        }
        self.format = format
        explain = arguments.flag("--explain")
    }

    /// One cleaned article, as printed.
    struct Record: Encodable {
        let id: String
        let title: String?
        let publishedAt: String?
        let source: String?
        let author: String?
        let language: String?
        let body: String
        let cleaning: CleaningReport?

        enum CodingKeys: String, CodingKey { case id, title, publishedAt, source, author, language, body, cleaning }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(publishedAt, forKey: .publishedAt)
            try container.encode(source, forKey: .source)
            try container.encode(author, forKey: .author)
            try container.encode(language, forKey: .language)
            try container.encode(body, forKey: .body)
            if let cleaning { try container.encode(cleaning, forKey: .cleaning) }
        }
    }

    func run() throws -> ExitCode {
        let pipeline = try CorpusInput.pipeline(selecting: [.cleaning], preprocessing: true)
        let explain = self.explain
        let format = self.format
        var failures = 0
        let summary = pipeline.run(CorpusInput.reader(paths), preparing: { analysis -> Data? in
            let article = analysis.article
            switch format {
            case .text:
                var text = "=== \(article.id)"
                if let title = article.title { text += " — \(title)" }
                text += "\n\(article.body)\n"
                if explain, let report = analysis[.cleaning] {
                    for block in report.removed {
                        text += "  - line \(block.location.line) [\(block.reason)] \(block.text.prefix(100))\n"
                    }
                }
                return Data((text + "\n").utf8)
            case .jsonl:
                let record = Record(
                    id: article.id, title: article.title, publishedAt: article.publishedAt?.iso8601,
                    source: article.source, author: article.author, language: article.language, body: article.body,
                    cleaning: explain ? analysis[.cleaning] : nil)
                guard var data = try? AnalysisJSONEncoder().encode(record, body: article.body) else { return nil }
                data.append(0x0A)
                return data
            }
        }) { result in
            switch result {
            case .failure(let error):
                Terminal.diagnose("error: \(error)")
            case .success(let (analysis, data)):
                for error in analysis.errors {
                    failures += 1
                    Terminal.diagnose("error: article '\(analysis.article.id)': \(error)")
                }
                if let data { Terminal.write(data) } else { failures += 1 }
            }
        }
        Terminal.flush()
        return RunOutcome.finish("cleaned", summary: summary, analyzerFailures: failures)
    }
}
