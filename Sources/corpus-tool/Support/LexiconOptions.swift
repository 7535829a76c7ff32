import CorpusKit
import CorpusKitAnalyzers
import Foundation

/// The lexicon options shared by `sentiment` and `evaluate sentiment`: files in every reader's format, per-run
/// overrides, and whether our default lexicons stay underneath.
enum LexiconOptions {
    static let options: [ArgumentScanner.Option] = [
        .init(name: "--lexicon", takesValue: true, repeatable: true), .init(name: "--vader", takesValue: true, repeatable: true),
        .init(name: "--liwc", takesValue: true, repeatable: true), .init(name: "--categories", takesValue: true),
        .init(name: "--table", takesValue: true, repeatable: true), .init(name: "--columns", takesValue: true),
        .init(name: "--set", takesValue: true, repeatable: true), .init(name: "--only-given", takesValue: false),
    ]

    static let help = """
          --lexicon <file>        A lexicon in our TSV format (`term<TAB>valence`, `#! scale: -4 4`); repeatable.
          --vader <file>          VADER's lexicon file as it is; repeatable.
          --liwc <file>           A LIWC-style .dic dictionary, its categories turned into valences by
                                  --categories (default `posemo=0.5,negemo=-0.5`); repeatable.
          --categories <map>      Category → valence (−1…1) for --liwc, by name or number: `posemo=0.5,negemo=-0.5`.
          --table <file>          A CSV, TSV or `;` table (separator from the first line); repeatable.
          --columns <map>         The columns of --table, 0-based: `term=0,valence=1[,scale=-5:5]` or
                                  `term=0,label=2` (labels positive/negative/neutral, pos/neg/neu, +/-/0).
          --set <term=value>      Override one term on a −1…1 scale (`--set sécurité=0` neutralises it); repeatable.
          --only-given            Use only the lexicons given, not ours underneath.
                                  Files load over our lexicons in this order: --lexicon, --vader, --liwc, --table,
                                  then --set. What each load found (duplicates, collisions, out-of-scale values,
                                  greedy globs, overridden terms) is printed on standard error.
        """

    /// The lexicon the options describe, or nil when they give none (ours, chosen by article language, apply).
    static func lexicon(from arguments: ArgumentScanner) throws -> SentimentLexicon? {
        let files = ["--lexicon", "--vader", "--liwc", "--table"].flatMap { arguments.values($0) }
        let sets = arguments.values("--set")
        let onlyGiven = arguments.flag("--only-given")
        if files.isEmpty && sets.isEmpty {
            if onlyGiven { throw UsageError("--only-given needs a lexicon (--lexicon, --vader, --liwc or --table)") }
            return nil
        }
        var lexicon = onlyGiven ? SentimentLexicon() : SentimentLexicon.standard
        let categories = try categoryMap(arguments.value("--categories") ?? "posemo=0.5,negemo=-0.5")
        do {
            for path in arguments.values("--lexicon") { note(try lexicon.load(tsv: path), path) }
            for path in arguments.values("--vader") { note(try lexicon.load(vader: path), path) }
            for path in arguments.values("--liwc") { note(try lexicon.load(liwc: path, categories: categories), path) }
            let tables = arguments.values("--table")
            if !tables.isEmpty {
                guard let columns = arguments.value("--columns") else {
                    throw UsageError("--table needs --columns (for example term=0,valence=1)")
                }
                let mapping = try ColumnMapping(columns)
                for path in tables {
                    note(try lexicon.load(table: path, separator: try separator(of: path), term: mapping.term,
                                          valence: mapping.valence, label: mapping.label, scale: mapping.scale), path)
                }
            }
        } catch let error as CorpusKitError {
            throw UsageError("\(error)")
        }
        for assignment in sets {
            let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
            guard parts.count == 2, let value = Double(parts[1]), (-1...1).contains(value), !parts[0].isEmpty else {
                throw UsageError("--set expects term=value with a value in -1…1, got '\(assignment)'")
            }
            lexicon.set(parts[0], valence: value)
        }
        return lexicon
    }

    /// `posemo=0.5,negemo=-0.5` as a dictionary.
    static func categoryMap(_ text: String) throws -> [String: Double] {
        var map: [String: Double] = [:]
        for pair in text.split(separator: ",") {
            let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, let value = Double(parts[1]), (-1...1).contains(value) else {
                throw UsageError("--categories expects name=value pairs with values in -1…1, got '\(pair)'")
            }
            map[parts[0]] = value
        }
        return map
    }

    /// The columns of a `--table` file.
    struct ColumnMapping {
        var term = 0
        var valence: Int?
        var label: Int?
        var scale: (Double, Double) = (-1, 1)

        init(_ text: String) throws {
            var sawTerm = false
            for pair in text.split(separator: ",") {
                let parts = pair.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                guard parts.count == 2 else { throw UsageError("--columns expects key=value pairs, got '\(pair)'") }
                switch parts[0] {
                case "term", "valence", "label":
                    guard let column = Int(parts[1]), column >= 0 else {
                        throw UsageError("--columns: '\(parts[0])' needs a column number (0-based), got '\(parts[1])'")
                    }
                    if parts[0] == "term" { term = column; sawTerm = true }
                    else if parts[0] == "valence" { valence = column }
                    else { label = column }
                case "scale":
                    let bounds = parts[1].split(separator: ":").compactMap { Double($0) }
                    guard bounds.count == 2, bounds[0] < bounds[1] else {
                        throw UsageError("--columns: scale expects MIN:MAX, got '\(parts[1])'")
                    }
                    scale = (bounds[0], bounds[1])
                default:
                    throw UsageError("--columns: unknown key '\(parts[0])' (expected term, valence, label, scale)")
                }
            }
            guard sawTerm, (valence == nil) != (label == nil) else {
                throw UsageError("--columns needs term= and one of valence= or label=")
            }
        }
    }

    /// The separator of a table: the one of tab, `;` and `,` most present on its first line.
    static func separator(of path: String) throws -> Character {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw UsageError("\(path): cannot read the table")
        }
        defer { try? handle.close() }
        let head = (try? handle.read(upToCount: 4096)) ?? Data()
        let firstLine = String(decoding: head, as: UTF8.self).prefix { $0 != "\n" }
        let counts = ["\t", ";", ","].map { separator in (separator, firstLine.filter { $0 == separator }.count) }
        let best = counts.max { $0.1 < $1.1 }!
        return best.1 > 0 ? best.0 : ","
    }

    /// Prints what loading a lexicon found, on standard error.
    static func note(_ report: SentimentLexicon.LoadReport, _ path: String) {
        Terminal.diagnose("note: \(path): \(report.entries) entries")
        let parts: [(String, [String])] = [
            ("duplicate", report.duplicates), ("collision", report.collisions), ("out of scale", report.outOfScale),
            ("greedy glob", report.greedyGlobs), ("overridden", report.overridden),
            ("unknown category", report.unknownCategories), ("skipped", report.skipped),
        ]
        for (what, items) in parts where !items.isEmpty {
            Terminal.diagnose("note: \(path): \(items.count) \(what): " + items.prefix(5).joined(separator: "; ")
                + (items.count > 5 ? "; …" : ""))
        }
    }
}
