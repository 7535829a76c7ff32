import CorpusKit
import CorpusKitAnalyzers
import Foundation

/// `corpus-tool analyze`: runs analyzers over a corpus and prints one result per article.
struct AnalyzeCommand: ToolCommand {
    static let name = "analyze"
    static let abstract = "Run analyzers over articles and print one result per article."
    static let usage =
        "corpus-tool analyze <path> ... [--analyzers <ids>] [--format jsonl|json|table] [--summary <file>] [--no-clean]"
        + " [--date-register news|conversation]"
    static let options: [ArgumentScanner.Option] = [
        .init(name: "--analyzers", takesValue: true), .init(name: "--format", takesValue: true),
        .init(name: "--summary", takesValue: true), .init(name: "--quiet", takesValue: false),
        .init(name: "--no-clean", takesValue: false), .init(name: "--date-register", takesValue: true),
    ]
    static let help = """
        OVERVIEW: \(abstract)

        Reads every input, cleans each page (menus, links, share bars, comments, footers and repeats are removed;
        title, date, outlet, author and language are found in the page when the input does not give them), runs
        the selected analyzers (and what they depend on) on all cores, and prints the results in input order on
        standard output. Inputs that cannot be read are reported on standard error with their file and line;
        every other article is still analysed.

        USAGE: \(usage)

        ARGUMENTS:
          <path>                  A .txt file (one article, id = file name), a .jsonl file (one article per
                                  line), a directory (read recursively, sorted), or - for JSONL on stdin.

        OPTIONS:
          --analyzers <ids>       Comma-separated analyzer ids to report (default: all; see 'corpus-tool list').
          --format <format>       jsonl (default: one JSON object per article, the stable contract), json (one
                                  indented array) or table (one aligned line per article, for people).
          --summary <file>        Also write the corpus summary (totals per analyzer) as JSON to <file>.
          --no-clean              Analyse the text as read, without page cleaning.
          --date-register <r>     news (default) or conversation: comments, chat and messages, where `à 7`,
                                  `sept trente` and `17 à 18` are clock times.
          --quiet                 No progress line on standard error.
          -h, --help              Show help information.

        EXAMPLES:
          corpus-tool analyze Examples/corpus
          corpus-tool analyze Examples/corpus --format table
          corpus-tool analyze articles.jsonl --analyzers text --summary totals.json
          corpus-tool analyze Examples/corpus --analyzers cleaning,text --no-clean
          cat articles.jsonl | corpus-tool analyze - > results.jsonl
          corpus-tool analyze comments.jsonl --analyzers dates --date-register conversation
        """

    enum Format: String { case jsonl, json, table }

    /// One article's output, made on the worker that analysed it.
    enum Prepared: Sendable {
        case json(Data)
        case row([String])
        case unencodable(String)
    }

    let paths: [String]
    let analyzerIDs: [AnalyzerID]?
    let format: Format
    let summaryPath: String?
    let quiet: Bool
    let clean: Bool
    let dateRegister: DateExtractor.Register

    init(_ arguments: ArgumentScanner) throws {
        guard !arguments.positionals.isEmpty else { throw UsageError("missing <path>: give files, directories or -") }
        paths = arguments.positionals
        if let list = arguments.value("--analyzers") {
            let ids = list.split(separator: ",").map { AnalyzerID(String($0).trimmingCharacters(in: .whitespaces)) }
            guard !ids.isEmpty else { throw UsageError("--analyzers needs at least one id") }
            analyzerIDs = ids
        } else {
            analyzerIDs = nil
        }
        let formatName = arguments.value("--format") ?? "jsonl"
        guard let format = Format(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)' (expected jsonl, json or table)")
        }
        self.format = format
        summaryPath = arguments.value("--summary")
        quiet = arguments.flag("--quiet")
        clean = !arguments.flag("--no-clean")
        let registerName = arguments.value("--date-register") ?? "news"
        guard let register = DateExtractor.Register(rawValue: registerName) else {
            throw UsageError("unknown date register '\(registerName)' (expected news or conversation)")
        }
        dateRegister = register
    }

    func run() throws -> ExitCode {
        var registry = AnalyzerRegistry.standard
        if dateRegister != .news { registry.replace(with: DateAnalyzer(register: dateRegister)) }
        let pipeline = try CorpusInput.pipeline(selecting: analyzerIDs, preprocessing: clean, registry: registry)
        let reader = CorpusInput.reader(paths)

        let encoder = AnalysisJSONEncoder(prettyPrinted: format == .json)
        var table = TableRenderer(headers: ["ID", "LANG", "PUBLISHED", "SOURCE", "TITLE"] + pipeline.selectedIDs.map(\.rawValue))
        var written = 0
        var bytes = 0
        var analyzerFailures = 0
        var encodingFailures = 0
        let started = Date()
        var lastProgress = started
        if format == .json { Terminal.write(Data("[\n".utf8)) }

        // Encoding (or building the table row) happens on the worker that analysed the article: JSON encoding
        // costs more than most analyses, and the handler below runs on one thread.
        let format = self.format
        let summary = pipeline.run(reader, preparing: { analysis -> Prepared in
            switch format {
            case .jsonl, .json:
                do {
                    return .json(try encoder.encode(analysis))
                } catch {
                    return .unencodable("cannot encode the results: \(error)")
                }
            case .table:
                return .row(Self.tableRow(analysis))
            }
        }) { result in
            switch result {
            case .failure(let error):
                Terminal.diagnose("error: \(error)")
            case .success(let (analysis, prepared)):
                for error in analysis.errors {
                    analyzerFailures += 1
                    Terminal.diagnose("error: article '\(analysis.article.id)': \(error)")
                }
                bytes += analysis.article.body.utf8.count
                switch prepared {
                case .unencodable(let message):
                    encodingFailures += 1
                    Terminal.diagnose("error: article '\(analysis.article.id)': \(message)")
                case .row(let row):
                    table.add(row)
                    written += 1
                case .json(let data):
                    if format == .json && written > 0 { Terminal.write(Data(",\n".utf8)) }
                    Terminal.write(data)
                    if format == .jsonl { Terminal.write(Data("\n".utf8)) }
                    written += 1
                }
            }
            if !quiet && Terminal.stderrIsTerminal && Date().timeIntervalSince(lastProgress) > 0.25 {
                lastProgress = Date()
                Terminal.progress(String(
                    format: "analysed %d articles, %.1f MB, %.1f s", written, Double(bytes) / 1e6,
                    lastProgress.timeIntervalSince(started)))
            }
        }
        Terminal.clearProgress()
        switch format {
        case .json: Terminal.write(Data("\n]\n".utf8))
        case .table: Terminal.writeLine(table.render())
        case .jsonl: break
        }
        Terminal.flush()

        if let summaryPath {
            do {
                let data = try AnalysisJSONEncoder(prettyPrinted: true).encode(summary, body: "")
                try data.write(to: URL(fileURLWithPath: summaryPath))
            } catch {
                Terminal.diagnose("error: cannot write the summary to \(summaryPath): \(error.localizedDescription)")
                encodingFailures += 1
            }
        }

        return RunOutcome.finish(
            "analysed", summary: summary, analyzerFailures: analyzerFailures, encodingFailures: encodingFailures)
    }

    private static func tableRow(_ analysis: ArticleAnalysis) -> [String] {
        let article = analysis.article
        var row = [
            article.id, article.language ?? "-", article.publishedAt?.iso8601 ?? "-", article.source ?? "-",
            article.title ?? "-",
        ]
        for id in analysis.reportedIDs {
            if let output = analysis.output(of: id) {
                row.append((output as? CustomStringConvertible)?.description ?? "ok")
            } else {
                row.append("failed")
            }
        }
        return row
    }
}
