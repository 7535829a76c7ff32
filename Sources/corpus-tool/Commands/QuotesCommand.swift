import CorpusKit
import CorpusKitAnalyzers
import Foundation

/// `corpus-tool quotes`: who said what in a corpus.
struct QuotesCommand: ToolCommand {
    static let name = "quotes"
    static let abstract = "List who said what: direct, partial and indirect quotations with their speakers."
    static let usage = "corpus-tool quotes <path> ... [--speaker <name>] [--format table|json|csv] [--no-clean]"
    static let options: [ArgumentScanner.Option] = [
        .init(name: "--speaker", takesValue: true), .init(name: "--format", takesValue: true),
        .init(name: "--no-clean", takesValue: false), .init(name: "--quiet", takesValue: false),
    ]
    static let help = """
        OVERVIEW: \(abstract)

        Finds the quotations of every article (in « », “ ”, „ “, ‹ › or " marks, after a dialogue dash, partial
        quotations inside reported speech, and indirect speech such as `X a affirmé que …` or `selon X, …`), with
        the cue that reports each (`a déclaré`, `ajoute-t-elle`, `said`), the speaker phrase, and the entity the
        speaker is (a name in the phrase, a pronoun, `ce dernier`, a role, or the previous speaker). Then lists
        the speakers with the most quotations and the quotations printed by several articles.

        USAGE: \(usage)

        OPTIONS:
          --speaker <name>        Only the quotations of this speaker entity (its name, case and accents ignored).
          --format <format>       table (default), json (one object per quotation, with its article id) or csv
                                  (article,kind,speaker,method,cue,confidence,text).
          --no-clean              Read the pages as they are, without the page-cleaning stage.
          --quiet                 No progress line on standard error.
          -h, --help              Show help information.

        EXAMPLES:
          corpus-tool quotes Examples/corpus
          corpus-tool quotes articles.jsonl --speaker "Jean Martin" --format csv > martin.csv
        """

    enum Format: String { case table, json, csv }

    let paths: [String]
    let speaker: String?
    let format: Format
    let clean: Bool
    let quiet: Bool

    init(_ arguments: ArgumentScanner) throws {
        guard !arguments.positionals.isEmpty else { throw UsageError("missing <path>: give files, directories or -") }
        paths = arguments.positionals
        speaker = arguments.value("--speaker").map(Self.folded)
        let formatName = arguments.value("--format") ?? "table"
        guard let format = Format(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)' (expected table, json or csv)")
        }
        self.format = format
        clean = !arguments.flag("--no-clean")
        quiet = arguments.flag("--quiet")
    }

    /// A name compared without case and accents.
    static func folded(_ name: String) -> String {
        name.folding(options: [.caseInsensitive, .diacriticInsensitive], locale: nil)
            .trimmingCharacters(in: .whitespaces)
    }

    /// One quotation with its article, for the output.
    private struct Row: Encodable {
        let article: String
        let quote: Quote
    }

    func run() throws -> ExitCode {
        let pipeline = try CorpusInput.pipeline(selecting: [.quotes], preprocessing: clean)
        var rows: [Row] = []
        let (summary, analyzerFailures) = CorpusInput.run(pipeline, paths: paths, quiet: quiet, verb: "read") { analysis in
            for quote in analysis[.quotes] ?? [] {
                if let speaker, Self.folded(quote.speakerEntity?.name ?? "") != speaker { continue }
                rows.append(Row(article: analysis.article.id, quote: quote))
            }
        }
        Terminal.clearProgress()
        var encodingFailures = 0
        switch format {
        case .table:
            var table = TableRenderer(headers: ["ARTICLE", "KIND", "SPEAKER", "METHOD", "CUE", "QUOTE"])
            table.maxCellWidth = 70
            for row in rows {
                table.add([row.article, row.quote.kind.rawValue, row.quote.speakerEntity?.name ?? row.quote.speaker?.text ?? "-",
                           row.quote.speakerEntity?.method ?? "-", row.quote.cue?.text ?? "-", row.quote.text])
            }
            Terminal.writeLine(rows.isEmpty ? "No quotations found." : table.render())
            let index = summary.summary(of: .quotes, as: QuoteIndex.self) ?? QuoteIndex()
            let reprinted = index.reprinted
            if speaker == nil, !reprinted.isEmpty {
                var shared = TableRenderer(headers: ["ARTICLES", "SPEAKER", "QUOTE"])
                shared.maxCellWidth = 80
                for quote in reprinted {
                    let more = quote.articleCount > quote.articles.count ? " … (\(quote.articleCount))" : ""
                    shared.add([quote.articles.joined(separator: ", ") + more, quote.speaker ?? "-", quote.text])
                }
                Terminal.writeLine("\nQuoted by several articles:\n" + shared.render())
            }
        case .json:
            do {
                Terminal.write(try AnalysisJSONEncoder(prettyPrinted: true).encode(rows, body: ""))
                Terminal.writeLine("")
            } catch {
                encodingFailures += 1
                Terminal.diagnose("error: cannot encode the quotations: \(error)")
            }
        case .csv:
            Terminal.write("article,kind,speaker,method,cue,confidence,text\r\n")
            for row in rows {
                let quote = row.quote
                let fields = [row.article, quote.kind.rawValue, quote.speakerEntity?.name ?? quote.speaker?.text ?? "",
                              quote.speakerEntity?.method ?? "", quote.cue?.text ?? "",
                              String(format: "%.2f", quote.confidence), quote.text]
                Terminal.write(fields.map(CSVField.quoted).joined(separator: ",") + "\r\n")
            }
        }
        Terminal.flush()
        return RunOutcome.finish("read", summary: summary, analyzerFailures: analyzerFailures,
                                 encodingFailures: encodingFailures)
    }
}
