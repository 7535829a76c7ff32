import CorpusKit
import CorpusKitAnalyzers
import Foundation

/// `corpus-tool sentiment`: the tone of a corpus by article, entity, speaker or month.
struct SentimentCommand: ToolCommand {
    static let name = "sentiment"
    static let abstract = "Measure tone by article, entity, speaker or month, with an explainable lexicon."
    static let usage = "corpus-tool sentiment <path> ... [--by article|entity|speaker|month] [--lexicon <file>]... [--set <term=value>]... [--format table|json|csv]"
    static let options: [ArgumentScanner.Option] = [
        .init(name: "--by", takesValue: true), .init(name: "--lexicon", takesValue: true, repeatable: true),
        .init(name: "--vader", takesValue: true, repeatable: true), .init(name: "--set", takesValue: true, repeatable: true),
        .init(name: "--format", takesValue: true), .init(name: "--no-clean", takesValue: false),
        .init(name: "--quiet", takesValue: false),
    ]
    static let help = """
        OVERVIEW: \(abstract)

        Scores every sentence with the lexicon (our French and English lists by default), French negation scoped
        to the clause (`ne … pas`, `jamais`, `sans`, `aucun`, `ni`; not `ne … que`, `sans doute`, `pas mal`),
        intensifiers, dampeners and contrast (`mais`), leaving out the words of entities; then reports the tone of
        each article (the mean sentence score, shares of positive and negative sentences, net tone, density), or
        by entity (the sentences naming it, its own quotations left out), by speaker (their quotations), or by
        publication month.

        USAGE: \(usage)

        OPTIONS:
          --by <unit>             article (default), entity, speaker or month.
          --lexicon <file>        A lexicon in our TSV format (`term<TAB>valence`, `#! scale: -4 4`), over the
                                  defaults; repeatable. Load reports (duplicates, collisions, out-of-scale values,
                                  greedy globs, overridden terms) are printed on standard error.
          --vader <file>          VADER's lexicon file as it is; repeatable.
          --set <term=value>      Override one term on a −1…1 scale (`--set sécurité=0` neutralises it); repeatable.
          --format <format>       table (default), json (with each article's sentences and their hits) or csv.
          --no-clean              Read the pages as they are, without the page-cleaning stage.
          --quiet                 No progress line on standard error.
          -h, --help              Show help information.

        EXAMPLES:
          corpus-tool sentiment Examples/corpus
          corpus-tool sentiment articles.jsonl --by entity --format csv > entities.csv
          corpus-tool sentiment pages/ --lexicon mine.tsv --set "sécurité=0" --by month
        """

    enum Format: String { case table, json, csv }
    enum Unit: String { case article, entity, speaker, month }

    let paths: [String]
    let unit: Unit
    let format: Format
    /// The user's lexicon, when they gave one (else ours, by article language).
    let lexicon: SentimentLexicon?
    let clean: Bool
    let quiet: Bool

    init(_ arguments: ArgumentScanner) throws {
        guard !arguments.positionals.isEmpty else { throw UsageError("missing <path>: give files, directories or -") }
        paths = arguments.positionals
        let unitName = arguments.value("--by") ?? "article"
        guard let unit = Unit(rawValue: unitName) else {
            throw UsageError("unknown unit '\(unitName)' (expected article, entity, speaker or month)")
        }
        self.unit = unit
        let formatName = arguments.value("--format") ?? "table"
        guard let format = Format(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)' (expected table, json or csv)")
        }
        self.format = format
        var lexicon = SentimentLexicon.standard
        let custom = !arguments.values("--lexicon").isEmpty || !arguments.values("--vader").isEmpty
            || !arguments.values("--set").isEmpty
        do {
            for path in arguments.values("--lexicon") {
                Self.note(try lexicon.load(tsv: path), path)
            }
            for path in arguments.values("--vader") {
                Self.note(try lexicon.load(vader: path), path)
            }
        } catch let error as CorpusKitError {
            throw UsageError("\(error)")
        }
        for assignment in arguments.values("--set") {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]), (-1...1).contains(value), !parts[0].isEmpty else {
                throw UsageError("--set expects term=value with a value in -1…1, got '\(assignment)'")
            }
            lexicon.set(parts[0], valence: value)
        }
        self.lexicon = custom ? lexicon : nil
        clean = !arguments.flag("--no-clean")
        quiet = arguments.flag("--quiet")
    }

    /// Prints what loading a lexicon found, on standard error.
    static func note(_ report: SentimentLexicon.LoadReport, _ path: String) {
        Terminal.diagnose("note: \(path): \(report.entries) entries")
        let parts: [(String, [String])] = [
            ("duplicate", report.duplicates), ("collision", report.collisions), ("out of scale", report.outOfScale),
            ("greedy glob", report.greedyGlobs), ("overridden", report.overridden),
        ]
        for (what, items) in parts where !items.isEmpty {
            Terminal.diagnose("note: \(path): \(items.count) \(what): " + items.prefix(5).joined(separator: "; ")
                + (items.count > 5 ? "; …" : ""))
        }
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
        case .entity, .speaker, .month:
            let means = unit == .entity ? index.byEntity : unit == .speaker ? index.bySpeaker : index.byMonth
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

    static func label(_ score: Double) -> String {
        score >= 0.05 ? "positive" : score <= -0.05 ? "negative" : "neutral"
    }
}
