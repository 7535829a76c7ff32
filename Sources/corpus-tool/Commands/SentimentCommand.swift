import CorpusKit
import CorpusKitAnalyzers
import Foundation

/// `corpus-tool sentiment`: the tone of a corpus by article, entity, speaker or month.
struct SentimentCommand: ToolCommand {
    static let name = "sentiment"
    static let abstract = "Measure tone by article, entity, speaker, month or outlet, with an explainable lexicon."
    static let usage = "corpus-tool sentiment <path> ... [--by article|entity|speaker|month|outlet] [--lexicon <file>]... [--set <term=value>]... [--format table|json|csv] [--explain]"
    static let options: [ArgumentScanner.Option] = LexiconOptions.options + [
        .init(name: "--by", takesValue: true), .init(name: "--format", takesValue: true),
        .init(name: "--explain", takesValue: false), .init(name: "--no-clean", takesValue: false),
        .init(name: "--quiet", takesValue: false),
    ]
    static let help = """
        OVERVIEW: \(abstract)

        Scores every sentence with the lexicon (our French and English lists by default), French negation scoped
        to the clause (`ne … pas`, `jamais`, `sans`, `aucun`, `ni`; not `ne … que`, `sans doute`, `pas mal`),
        intensifiers, dampeners and contrast (`mais`), leaving out the words of entities; then reports the tone of
        each article (the mean sentence score, shares of positive and negative sentences, net tone, density), or
        by entity (the sentences naming it, its own quotations left out), by speaker (their quotations), by
        publication month, or by outlet.

        USAGE: \(usage)

        OPTIONS:
          --by <unit>             article (default), entity, speaker, month or outlet (the source field).
        \(LexiconOptions.help)
          --format <format>       table (default), json (with each article's sentences and their hits) or csv.
          --explain               With --by article and the table format: under each article, its scored
                                  sentences with their terms, valences and modifiers.
          --no-clean              Read the pages as they are, without the page-cleaning stage.
          --quiet                 No progress line on standard error.
          -h, --help              Show help information.

        EXAMPLES:
          corpus-tool sentiment Examples/corpus
          corpus-tool sentiment articles.jsonl --by entity --format csv > entities.csv
          corpus-tool sentiment pages/ --lexicon mine.tsv --set "sécurité=0" --by month
          corpus-tool sentiment pages/ --liwc LIWC.dic --categories posemo=0.5,negemo=-0.5 --only-given
          corpus-tool sentiment Examples/corpus/en-ai-triage-study.txt --explain
        """

    enum Format: String { case table, json, csv }
    enum Unit: String { case article, entity, speaker, month, outlet }

    let paths: [String]
    let unit: Unit
    let format: Format
    /// The user's lexicon, when they gave one (else ours, by article language).
    let lexicon: SentimentLexicon?
    let clean: Bool
    let quiet: Bool
    /// Whether to list each article's scored sentences under the table.
    let explain: Bool

    init(_ arguments: ArgumentScanner) throws {
        guard !arguments.positionals.isEmpty else { throw UsageError("missing <path>: give files, directories or -") }
        paths = arguments.positionals
        let unitName = arguments.value("--by") ?? "article"
        guard let unit = Unit(rawValue: unitName) else {
            throw UsageError("unknown unit '\(unitName)' (expected article, entity, speaker, month or outlet)")
        }
        self.unit = unit
        let formatName = arguments.value("--format") ?? "table"
        guard let format = Format(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)' (expected table, json or csv)")
        }
        self.format = format
        lexicon = try LexiconOptions.lexicon(from: arguments)
        explain = arguments.flag("--explain")
        clean = !arguments.flag("--no-clean")
        quiet = arguments.flag("--quiet")
    }

    private struct Row: Encodable {
        let article: String
        let sentiment: ArticleSentiment
    }

    func run() throws -> ExitCode {
        var registry = AnalyzerRegistry.standard
        registry.replace(with: SentimentAnalyzer(lexicon: lexicon))
        let pipeline: Pipeline
        do {
            pipeline = try Pipeline(registry: registry, selecting: [.sentiment], preprocessing: clean)
        } catch let error as CorpusKitError {
            throw UsageError(error.message)
        }
        var rows: [Row] = []
        let (summary, analyzerFailures) = CorpusInput.run(pipeline, paths: paths, quiet: quiet, verb: "read") { analysis in
            if let sentiment = analysis[.sentiment] { rows.append(Row(article: analysis.article.id, sentiment: sentiment)) }
        }
        Terminal.clearProgress()
        let index = summary.summary(of: .sentiment, as: SentimentIndex.self) ?? SentimentIndex()
        var table: [(key: String, score: Double, label: String, count: Int)] = []
        switch unit {
        case .article:
            table = rows.map { ($0.article, $0.sentiment.tone.score, $0.sentiment.tone.label.rawValue, $0.sentiment.tone.sentences) }
        case .entity, .speaker, .month, .outlet:
            let means: [String: SentimentIndex.Mean]
            switch unit {
            case .entity: means = index.byEntity
            case .speaker: means = index.bySpeaker
            case .outlet: means = index.byOutlet
            default: means = index.byMonth
            }
            table = means.map { key, mean in
                (key.replacingOccurrences(of: "\u{1F}", with: ": "), mean.value, Self.label(mean.value), mean.count)
            }.sorted { unit == .month ? $0.key < $1.key : ($1.count, $0.key) < ($0.count, $1.key) }
        }
        var encodingFailures = 0
        switch format {
        case .table:
            var rendered = TableRenderer(headers: [unit.rawValue.uppercased(), "SCORE", "LABEL", unit == .article ? "SENTENCES" : "COUNT"])
            rendered.maxCellWidth = 60
            for row in table { rendered.add([row.key, String(format: "%+.3f", row.score), row.label, String(row.count)]) }
            Terminal.writeLine(table.isEmpty ? "Nothing to report." : rendered.render())
            if explain && unit == .article { Terminal.write(Self.explanation(of: rows)) }
        case .json:
            do {
                if unit == .article {
                    Terminal.write(try AnalysisJSONEncoder(prettyPrinted: true).encode(rows, body: ""))
                } else {
                    Terminal.write(try AnalysisJSONEncoder(prettyPrinted: true).encode(
                        table.map { ["name": $0.key, "label": $0.label, "score": String(format: "%.3f", $0.score),
                                     "count": String($0.count)] }, body: ""))
                }
                Terminal.writeLine("")
            } catch {
                encodingFailures += 1
                Terminal.diagnose("error: cannot encode the results: \(error)")
            }
        case .csv:
            Terminal.write("\(unit.rawValue),score,label,count\r\n")
            for row in table {
                Terminal.write([row.key, String(format: "%.3f", row.score), row.label, String(row.count)]
                    .map(CSVField.quoted).joined(separator: ",") + "\r\n")
            }
        }
        Terminal.flush()
        return RunOutcome.finish("read", summary: summary, analyzerFailures: analyzerFailures,
                                 encodingFailures: encodingFailures)
    }

    /// Each article's scored sentences: the sentence score, then every term with its valence, its final
    /// score and the modifiers that changed it.
    private static func explanation(of rows: [Row]) -> String {
        var text = ""
        for row in rows {
            text += "\n\(row.article)  \(String(format: "%+.3f", row.sentiment.tone.score)) \(row.sentiment.tone.label.rawValue)\n"
            for sentence in row.sentiment.sentences where !sentence.hits.isEmpty {
                let hits = sentence.hits.map { hit in
                    let modifiers = hit.modifiers.isEmpty ? "" : " [" + hit.modifiers.joined(separator: ", ") + "]"
                    return "\(hit.text) \(String(format: "%+.2f", hit.valence))→\(String(format: "%+.2f", hit.score))\(modifiers)"
                }
                text += "  sentence \(sentence.sentence + 1)  \(String(format: "%+.3f", sentence.score))  "
                    + hits.joined(separator: "; ") + "\n"
            }
        }
        return text
    }

    static func label(_ score: Double) -> String {
        score >= 0.05 ? "positive" : score <= -0.05 ? "negative" : "neutral"
    }
}
