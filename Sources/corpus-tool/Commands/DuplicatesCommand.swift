import CorpusKit
import CorpusKitAnalyzers
import Foundation

/// `corpus-tool duplicates`: near-duplicate articles and passages shared across a corpus.
struct DuplicatesCommand: ToolCommand {
    static let name = "duplicates"
    static let abstract = "Find near-duplicate articles and sentences shared across articles."
    static let usage = "corpus-tool duplicates <path> ... [--threshold <t>] [--format table|jsonl] [--no-clean]"
    static let options: [ArgumentScanner.Option] = [
        .init(name: "--threshold", takesValue: true), .init(name: "--format", takesValue: true),
        .init(name: "--no-clean", takesValue: false), .init(name: "--quiet", takesValue: false),
    ]
    static let help = """
        OVERVIEW: \(abstract)

        Fingerprints every article (a MinHash signature of its 5-word shingles, compared case- and accent-folded)
        and reports, once the whole corpus is read:
          - near-duplicate clusters: articles whose estimated word-sequence similarity (Jaccard of 5-word
            shingles) reaches the threshold, such as one wire story in several outlets or a page saved twice;
          - shared passages: sentences of 8 words or more found in articles of different clusters, such as a
            paragraph or a quotation reused by another story.
        Inputs that cannot be read are reported on standard error; every other article is still compared.

        USAGE: \(usage)

        ARGUMENTS:
          <path>                  A .txt file (one article, id = file name), a .jsonl file (one article per
                                  line), a directory (read recursively, sorted), or - for JSONL on stdin.

        OPTIONS:
          --threshold <t>         Least similarity for two articles to be near-duplicates, above 0 and at most 1
                                  (default: 0.8). Lower finds looser rewrites, and more false matches.
          --format <format>       table (default: aligned columns, for people) or jsonl (one JSON object per
                                  cluster, then one per shared passage).
          --no-clean              Compare the pages as read, without the page-cleaning stage (menus, share
                                  buttons and footers then count as text).
          --quiet                 No progress line on standard error.
          -h, --help              Show help information.

        OUTPUT (jsonl):
          {"articles":["a","b"],"kind":"near-duplicate","minSimilarity":0.91,"similarity":0.93}
          {"articles":["a","c"],"hash":"0f3a…","kind":"shared-passage","text":"…"}
          Clusters come largest first, then passages shared by the most articles; ids are sorted.

        EXAMPLES:
          corpus-tool duplicates Examples/corpus
          corpus-tool duplicates depeches/ --threshold 0.6
          corpus-tool duplicates articles.jsonl --format jsonl > duplicates.jsonl
        """

    enum Format: String { case table, jsonl }

    let paths: [String]
    let threshold: Double
    let format: Format
    let clean: Bool
    let quiet: Bool

    init(_ arguments: ArgumentScanner) throws {
        guard !arguments.positionals.isEmpty else { throw UsageError("missing <path>: give files, directories or -") }
        paths = arguments.positionals
        if let text = arguments.value("--threshold") {
            guard let value = Double(text), value > 0, value <= 1 else {
                throw UsageError("--threshold must be a number above 0 and at most 1, not '\(text)'")
            }
            threshold = value
        } else {
            threshold = DuplicateReport.defaultThreshold
        }
        let formatName = arguments.value("--format") ?? "table"
        guard let format = Format(rawValue: formatName) else {
            throw UsageError("unknown format '\(formatName)' (expected table or jsonl)")
        }
        self.format = format
        clean = !arguments.flag("--no-clean")
        quiet = arguments.flag("--quiet")
    }

    func run() throws -> ExitCode {
        let pipeline = try CorpusInput.pipeline(selecting: [.duplicates], preprocessing: clean)
        var articles = 0
        let (summary, analyzerFailures) = CorpusInput.run(pipeline, paths: paths, quiet: quiet, verb: "fingerprinted") { _ in
            articles += 1
        }
        if !quiet && Terminal.stderrIsTerminal { Terminal.progress("comparing \(articles) articles…") }
        let fingerprints = summary.summary(of: .duplicates, as: DuplicateSummary.self) ?? DuplicateSummary()
        let report = fingerprints.report(threshold: threshold)
        Terminal.clearProgress()

        var encodingFailures = 0
        switch format {
        case .table:
            Terminal.writeLine(Self.table(report))
        case .jsonl:
            let encoder = AnalysisJSONEncoder()
            let records = report.clusters.map(Record.init(cluster:)) + report.sharedPassages.map(Record.init(passage:))
            for record in records {
                do {
                    Terminal.write(try encoder.encode(record, body: ""))
                    Terminal.writeLine("")
                } catch {
                    encodingFailures += 1
                    Terminal.diagnose("error: cannot encode a result: \(error)")
                }
            }
        }
        Terminal.flush()

        return RunOutcome.finish(
            "compared", summary: summary, analyzerFailures: analyzerFailures, encodingFailures: encodingFailures)
    }

    /// One line of `--format jsonl`. Similarities are rounded to 3 decimals: the estimate is only good to about
    /// ±0.035, and short numbers keep the output readable and stable.
    private struct Record: Encodable {
        let kind: String
        let articles: [String]
        let similarity: Double?
        let minSimilarity: Double?
        let text: String?
        let hash: String?

        init(cluster: DuplicateReport.Cluster) {
            kind = "near-duplicate"
            articles = cluster.articles
            similarity = DuplicatesCommand.rounded(cluster.meanSimilarity)
            minSimilarity = DuplicatesCommand.rounded(cluster.minimumSimilarity)
            text = nil
            hash = nil
        }

        init(passage: DuplicateReport.SharedPassage) {
            kind = "shared-passage"
            articles = passage.articles
            similarity = nil
            minSimilarity = nil
            text = passage.text
            hash = passage.hash.description
        }
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }

    /// Two aligned tables, clusters then passages, each under a heading line.
    private static func table(_ report: DuplicateReport) -> String {
        var sections: [String] = []
        let threshold = String(format: "%.2f", report.threshold)
        if report.clusters.isEmpty {
            sections.append("No near-duplicates among \(report.articleCount) article(s) at threshold \(threshold).")
        } else {
            var table = TableRenderer(headers: ["SIZE", "SIMILARITY", "MIN", "ARTICLES"])
            table.maxCellWidth = 100
            for cluster in report.clusters {
                table.add([
                    String(cluster.articles.count), String(format: "%.2f", cluster.meanSimilarity),
                    String(format: "%.2f", cluster.minimumSimilarity), cluster.articles.joined(separator: ", "),
                ])
            }
            sections.append(
                "Near-duplicates: \(report.clusters.count) cluster(s) among \(report.articleCount) article(s), "
                    + "threshold \(threshold)\n" + table.render())
        }
        if report.sharedPassages.isEmpty {
            sections.append("No sentence shared across clusters.")
        } else {
            var table = TableRenderer(headers: ["SIZE", "PASSAGE", "ARTICLES"])
            table.maxCellWidth = 80
            for passage in report.sharedPassages {
                table.add([
                    String(passage.articles.count), passage.text, passage.articles.joined(separator: ", "),
                ])
            }
            sections.append("Shared passages: \(report.sharedPassages.count)\n" + table.render())
        }
        return sections.joined(separator: "\n\n")
    }
}
