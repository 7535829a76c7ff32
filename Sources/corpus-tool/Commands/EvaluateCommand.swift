import CorpusKit
import CorpusKitAnalyzers
import Foundation

/// `corpus-tool evaluate <task>`: scores a CorpusKit component against gold data and prints the figures.
struct EvaluateCommand: ToolCommand {
    static let name = "evaluate"
    static let abstract = "Score a component against gold data (precision, recall, F1, accuracy)."
    static let usage = "corpus-tool evaluate <task> [--gold <dir>] <path> ... [--format table|json] [--explain [--max-mismatches <n>]]"
    /// Tasks whose inputs hold their own gold (no `--gold`).
    static let selfScoredTasks: Set = ["dates", "entities", "quotes", "sentiment"]
    static let options: [ArgumentScanner.Option] = LexiconOptions.options + [
        .init(name: "--gold", takesValue: true), .init(name: "--format", takesValue: true),
        .init(name: "--explain", takesValue: false), .init(name: "--max-mismatches", takesValue: true),
    ]
    /// The tasks that can be evaluated.
    static let tasks = ["cleaning", "dates", "entities", "quotes", "sentiment"]
    static let help = """
        OVERVIEW: \(abstract)

        Tasks:
          cleaning    Cleans each page and compares its body with the gold body, paragraph by paragraph
                      (precision, recall, F1 over lines, spaces normalised), counts exact bodies, and scores
                      the metadata found (title, publishedAt, author, source, language) when the gold states it.
                      Gold: a directory with ID.txt (expected body, one paragraph per line) and optionally
                      ID.json ({"title", "publishedAt", "author", "source", "language"}) for each page ID.
          dates       Runs the date extractor on the cases of gold TSV files (no --gold: each file holds its
                      gold; the format is recognised from the header: dateparser_fr.tsv, duckling_fr.tsv,
                      recognizers_fr.tsv, recognizers_fr_spans.tsv) and scores them per file and kind:
                      duckling: the start (and, for intervals, the end) compared down to the stated grain;
                      dateparser: the value at the row's period, search spans, negatives (translation rows
                      are skipped); recognizers: our value against the TIMEX (either reading of an
                      underspecified one), on the dotnet-passes subset and on all specs, and the spans of
                      the extractor specs (text and start) as precision, recall, F1. An expression's
                      alternative readings count; the "no alternatives" lines count only its chosen reading.
                      Rows that are a date alone (duckling, dateparser parse cases) are parsed as one date;
                      the "searched as running text" lines score them with the extractor instead.
          entities    Runs the entity recogniser on the sentences of gold JSONL files ({"id", "genre", "text",
                      "entities": [{"start", "end", "type", "alt"}]}, offsets in code points, types PER, LOC,
                      ORG, MISC) and scores every mention, per file and per genre: strict (span and type), strict
                      without MISC, lenient type (the type or its literal `alt`), overlap, untyped, and strict
                      per type, as precision, recall and F1. Nested and discontinuous gold entities are left out.
          quotes      Runs the quote extractor on the documents of gold JSONL files ({"id", "text", "quotes":
                      [{"start", "end", "spans", "speaker", "speaker_start", "speaker_end"}]}, offsets in code
                      points) and scores the quotations (a match shares at least 30%, or 80%, of both quotes'
                      characters; exact), their fragments, and the speaker of matched quotations.
          sentiment   Scores the sentiment engine on labelled JSONL ({"id", "text", "label", "target_from",
                      "target_to"}): the label of the text (of its target's sentences when a target is given,
                      the target's own words left out), as accuracy, per-class P/R/F1 and macro-F1.

        USAGE: \(usage)

        ARGUMENTS:
          <task>                  What to evaluate: \(tasks.joined(separator: ", ")).
          <path>                  The inputs to score (cleaning: files, directories, JSONL, or - for stdin;
                                  dates: gold TSV files; entities, quotes, sentiment: gold JSONL files).

        OPTIONS:
          --gold <dir>            The gold data (cleaning: a directory of ID.txt and ID.json files).
          --format <format>       table (default) or json (the whole report as one JSON object).
          --explain               Also list what did not match: missing and extra paragraphs, wrong fields;
                                  for dates, the first mismatches of each category (text, expected, found).
          --max-mismatches <n>    With --explain for dates and entities: how many mismatches to list per category
                                  (default 10).
          -h, --help              Show help information.

        SENTIMENT LEXICON OPTIONS (evaluate sentiment; without them, our lexicon of the text's language):
        \(LexiconOptions.help)

        EXAMPLES:
          corpus-tool evaluate cleaning --gold Examples/cleaning-eval/gold Examples/corpus/*.txt Examples/cleaning-eval/pages
          corpus-tool evaluate cleaning --gold my-gold pages/ --explain
          corpus-tool evaluate dates eval/dates/*.tsv --explain
          corpus-tool evaluate entities eval/ner/sequoia-ner.jsonl --explain
          corpus-tool evaluate sentiment eval/sentiment/*.jsonl
          corpus-tool evaluate sentiment eval/sentiment/newsmtsc_en_balanced.jsonl --vader vader_lexicon.txt --only-given
        """

    enum Format: String { case table, json }

    let task: String
    let paths: [String]
    let gold: String?
    let format: Format
    let explain: Bool
    let maxMismatches: Int
    /// The lexicon for `evaluate sentiment`, when the options give one.
    let lexicon: SentimentLexicon?

    init(_ arguments: ArgumentScanner) throws {
        guard let task = arguments.positionals.first else {
            throw UsageError("missing <task> (one of: \(Self.tasks.joined(separator: ", ")))")
        }
        guard Self.tasks.contains(task) else {
            throw UsageError("unknown task '\(task)' (one of: \(Self.tasks.joined(separator: ", ")))")
        }
        self.task = task
        paths = Array(arguments.positionals.dropFirst())
        guard !paths.isEmpty else { throw UsageError("missing <path>: give the inputs to score") }
        gold = arguments.value("--gold")
        if Self.selfScoredTasks.contains(task) {
            guard gold == nil else {
                throw UsageError("'\(task)' takes no --gold: its input files hold the gold")
            }
        } else {
            guard gold != nil else { throw UsageError("'\(task)' needs --gold <dir>") }
        }
        let name = arguments.value("--format") ?? "table"
        guard let format = Format(rawValue: name) else {
            throw UsageError("unknown format '\(name)' (expected table or json)")
        }
        self.format = format
        explain = arguments.flag("--explain")
        if let text = arguments.value("--max-mismatches") {
            guard let limit = Int(text), limit >= 0 else {
                throw UsageError("--max-mismatches expects a whole number >= 0, got '\(text)'")
            }
            maxMismatches = limit
        } else {
            maxMismatches = 10
        }
        let lexiconGiven = LexiconOptions.options.contains { option in
            option.takesValue ? !arguments.values(option.name).isEmpty || arguments.value(option.name) != nil
                : arguments.flag(option.name)
        }
        guard task == "sentiment" || !lexiconGiven else {
            throw UsageError("lexicon options apply to 'evaluate sentiment' only")
        }
        lexicon = try LexiconOptions.lexicon(from: arguments)
    }

    func run() throws -> ExitCode {
        if task == "dates" { return try runDates() }
        if task == "entities" { return try runEntities() }
        if task == "quotes" { return try runQuotes() }
        if task == "sentiment" { return try runSentiment() }
        let goldDirectory = gold ?? ""
        let goldByID: [String: CleaningGold]
        do {
            goldByID = try CleaningGold.load(directory: goldDirectory)
        } catch let error as CorpusKitError {
            Terminal.diagnose("error: \(error)")
            return .partialFailure
        }
        var pages: [(article: Article, gold: CleaningGold)] = []
        var problems = 0
        for entry in CorpusInput.reader(paths) {
            switch entry {
            case .failure(let error):
                problems += 1
                Terminal.diagnose("error: \(error)")
            case .success(let article):
                guard let gold = goldByID[article.id] else {
                    problems += 1
                    Terminal.diagnose("error: no gold for '\(article.id)' in \(goldDirectory) (expected \(article.id).txt)")
                    continue
                }
                pages.append((article, gold))
            }
        }
        let report = CleaningEvaluator().evaluate(pages, dataset: goldDirectory)
        switch format {
        case .json:
            Terminal.write(try AnalysisJSONEncoder(prettyPrinted: true).encode(report, body: ""))
            Terminal.writeLine("")
        case .table:
            Terminal.writeLine(Self.render(report, explain: explain))
        }
        Terminal.flush()
        return problems == 0 ? .success : .partialFailure
    }

    /// `evaluate dates`: reads the gold TSV files, scores the date extractor on them, prints the report.
    private func runDates() throws -> ExitCode {
        let (files, problems) = load(DateEvaluationData.load(path:))
        let result = DateEvaluator(mismatchesPerCategory: maxMismatches).evaluate(files)
        return try emit(result.report, notes: result.skipped.map { "skipped \($0.rows) row(s): \($0.reason)" },
                        problems: problems)
    }

    /// Loads every path with `load`, naming the files that fail on standard error.
    private func load<Data>(_ load: (String) throws -> Data) -> (files: [Data], problems: Int) {
        var files: [Data] = []
        var problems = 0
        for path in paths {
            do {
                files.append(try load(path))
            } catch {
                problems += 1
                Terminal.diagnose("error: \(error)")
            }
        }
        return (files, problems)
    }

    /// Prints a report in the chosen format (notes on standard error for JSON) and gives the exit code.
    private func emit(_ report: EvaluationReport, notes: [String] = [], problems: Int) throws -> ExitCode {
        switch format {
        case .json:
            Terminal.write(try AnalysisJSONEncoder(prettyPrinted: true).encode(report, body: ""))
            Terminal.writeLine("")
            for note in notes { Terminal.diagnose("note: \(note)") }
        case .table:
            Terminal.writeLine(Self.render(report, explain: explain, notes: notes))
        }
        Terminal.flush()
        return problems == 0 ? .success : .partialFailure
    }

    /// `evaluate entities`: reads the gold JSONL files, scores the entity recogniser on them, prints the report.
    private func runEntities() throws -> ExitCode {
        let (files, problems) = load(EntityEvaluationData.load(path:))
        let recognizer = EntityRecognizer()
        let evaluator = EntityEvaluator(mismatchesPerCategory: maxMismatches) { text in
            recognizer.entities(in: text).flatMap { entity in entity.mentions.map { (span: $0.span, kind: entity.kind) } }
        }
        return try emit(evaluator.evaluate(files), problems: problems)
    }

    /// `evaluate quotes`: reads the gold JSONL files, scores the quote extractor on them, prints the report.
    private func runQuotes() throws -> ExitCode {
        let (files, problems) = load(QuoteEvaluationData.load(path:))
        let extractor = QuoteExtractor()
        let evaluator = QuoteEvaluator(mismatchesPerCategory: maxMismatches) { text in
            extractor.quotes(in: text).map { quote in
                .init(fragments: quote.fragments, speaker: quote.speaker?.span, speakerText: quote.speaker?.text)
            }
        }
        return try emit(evaluator.evaluate(files), problems: problems)
    }

    /// `evaluate sentiment`: reads the labelled JSONL files, scores the engine with the standard lexicon.
    private func runSentiment() throws -> ExitCode {
        let (files, problems) = load(SentimentEvaluationData.load(path:))
        let evaluator = SentimentEvaluator(mismatchesPerCategory: maxMismatches) { text, target in
            SentimentAnalyzer.label(of: text, target: target, lexicon: lexicon)
        }
        return try emit(evaluator.evaluate(files), problems: problems)
    }

    /// The report as aligned text: overall scores, notes, then per item (when there are per-item scores), then
    /// (with --explain) the mismatches.
    static func render(_ report: EvaluationReport, explain: Bool, notes: [String] = []) -> String {
        func cell(_ score: EvaluationReport.Score) -> String {
            switch score {
            case .matches(let counts): return counts.description
            case .accuracy(let counts): return counts.description
            case .value(let value): return String(format: "%.3f", value)
            }
        }
        var lines = ["\(report.task) — \(report.items) item(s) from \(report.dataset)", ""]
        var overall = TableRenderer(headers: ["SCORE", "VALUE"])
        overall.maxCellWidth = 80
        for entry in report.entries { overall.add([entry.name, cell(entry.score)]) }
        lines.append(overall.render())
        if !notes.isEmpty {
            lines.append("")
            lines += notes.map { "note: \($0)" }
        }
        if !report.perItem.isEmpty || report.task == "cleaning" {
            lines.append("")
            var items = TableRenderer(headers: ["ITEM", "SCORE"])
            items.maxCellWidth = 80
            for (id, entries) in report.perItem.sorted(by: { $0.key < $1.key }) {
                items.add([id, entries.map { cell($0.score) }.joined(separator: "; ")])
            }
            lines.append(items.render())
        }
        if explain && !report.mismatches.isEmpty {
            lines.append("")
            lines.append("MISMATCHES (- expected but missing, + produced but not expected)")
            for mismatch in report.mismatches {
                if mismatch.found.isEmpty {
                    lines.append("  \(mismatch.id)  - \(mismatch.expected)")
                } else if mismatch.expected.isEmpty {
                    lines.append("  \(mismatch.id)  + \(mismatch.found)")
                } else {
                    lines.append("  \(mismatch.id)  expected \(mismatch.expected) | found \(mismatch.found)")
                }
            }
        }
        return lines.joined(separator: "\n")
    }
}
