import CorpusKit
import Foundation

/// Reading lexicon files: our TSV, VADER's lexicon as it is distributed, and generic CSV/TSV with a column
/// mapping. Each reader reports duplicates, collisions after normalisation, out-of-scale values and greedy
/// globs, and throws with the file and line of a line it cannot read (nothing is loaded then).
extension SentimentLexicon {
    /// Loads a lexicon in our TSV format: `term<TAB>valence[<TAB>tags]`, `#` comments, directives
    /// `#! language: fr` and `#! scale: -4 4` (default −4…4). Entries replace ours (reported as `overridden`).
    @discardableResult
    public mutating func load(tsv path: String) throws -> LoadReport {
        try read(tsv: Self.contents(path), path: path)
    }

    /// Loads VADER's lexicon file as it is (`token<TAB>mean<TAB>sd<TAB>ratings`), on its −4…4 scale.
    @discardableResult
    public mutating func load(vader path: String) throws -> LoadReport {
        let text = try Self.contents(path)
        var rows: [(String, Double, Int)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            if line.trimmingCharacters(in: .whitespaces).isEmpty { continue }
            guard fields.count >= 2, let value = Double(fields[1].trimmingCharacters(in: .whitespaces)) else {
                throw CorpusKitError(.invalidField, "expected 'token<TAB>mean<TAB>…' (VADER lexicon)",
                                     location: .init(path: path, line: number + 1))
            }
            rows.append((String(fields[0]), value, number + 1))
        }
        return apply(rows, scale: (-4, 4))
    }

    /// Loads a CSV, TSV or `;`-separated table: the term in column `term` (0-based), and either a numeric
    /// valence in column `valence` on `scale`, or a label in column `label` (`positive`/`negative`/`neutral`,
    /// or `pos`/`neg`/`neu`, `+`/`-`/`0`) mapped to ±`labelStrength`.
    @discardableResult
    public mutating func load(table path: String, separator: Character, term: Int, valence: Int? = nil,
                              label: Int? = nil, scale: (Double, Double) = (-1, 1), labelStrength: Double = 0.5,
                              header: Bool = true) throws -> LoadReport
    {
        let text = try Self.contents(path)
        var rows: [(String, Double, Int)] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if number == 0, header { continue }
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = trimmed.split(separator: separator, omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: " \"")) }
            guard term < fields.count, !fields[term].isEmpty else {
                throw CorpusKitError(.invalidField, "no term in column \(term)", location: .init(path: path, line: number + 1))
            }
            if let valence {
                guard valence < fields.count, let value = Double(fields[valence].replacingOccurrences(of: ",", with: ".")) else {
                    throw CorpusKitError(.invalidField, "no number in column \(valence)", location: .init(path: path, line: number + 1))
                }
                rows.append((fields[term], value, number + 1))
            } else if let label {
                guard label < fields.count else {
                    throw CorpusKitError(.invalidField, "no label in column \(label)", location: .init(path: path, line: number + 1))
                }
                let sign: Double
                switch fields[label].lowercased() {
                case "positive", "pos", "+", "positif", "1": sign = 1
                case "negative", "neg", "-", "négatif", "negatif", "-1": sign = -1
                case "neutral", "neu", "0", "neutre": sign = 0
                default:
                    throw CorpusKitError(.invalidField, "unknown label '\(fields[label])'", location: .init(path: path, line: number + 1))
                }
                rows.append((fields[term], sign * labelStrength * max(abs(scale.0), abs(scale.1)), number + 1))
            } else {
                throw CorpusKitError(.invalidField, "give a valence or a label column", location: .init(path: path, line: 1))
            }
        }
        return apply(rows, scale: scale)
    }

    static func contents(_ path: String) throws -> String {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusKitError(.unreadableInput, "cannot read the lexicon", location: .init(path: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CorpusKitError(.invalidUTF8, "the lexicon is not UTF-8", location: .init(path: path))
        }
        return text
    }

    /// Our TSV, from its text.
    mutating func read(tsv text: String, path: String) throws -> LoadReport {
        var scale = (-4.0, 4.0)
        var rows: [(String, Double, Int)] = []
        var language: String?
        for (number, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if line.hasPrefix("#!") {
                let directive = line.dropFirst(2).split(separator: ":", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
                if directive.count == 2, directive[0] == "language" { language = directive[1] }
                if directive.count == 2, directive[0] == "scale" {
                    let bounds = directive[1].split(separator: " ").compactMap { Double($0) }
                    guard bounds.count == 2, bounds[0] < bounds[1] else {
                        throw CorpusKitError(.invalidField, "expected '#! scale: MIN MAX'", location: .init(path: path, line: number + 1))
                    }
                    scale = (bounds[0], bounds[1])
                }
                continue
            }
            if line.hasPrefix("#") { continue }
            let fields = raw.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 2, let value = Double(fields[1].trimmingCharacters(in: .whitespaces)) else {
                throw CorpusKitError(.invalidField, "expected 'term<TAB>valence[<TAB>tags]'", location: .init(path: path, line: number + 1))
            }
            rows.append((fields[0].trimmingCharacters(in: .whitespaces), value, number + 1))
        }
        if let language { languages.insert(language) }
        return apply(rows, scale: scale)
    }

    /// Adds rows (term, value on `scale`, line) with the load report.
    mutating func apply(_ rows: [(String, Double, Int)], scale: (Double, Double)) -> LoadReport {
        var report = LoadReport()
        var seen: [String: (String, Int)] = [:]
        let existing = Set(entries.keys)
        let bound = max(abs(scale.0), abs(scale.1), 1e-9)
        for (term, value, line) in rows {
            let key = Self.normalised(term)
            guard !key.isEmpty else { continue }
            if key.hasSuffix("*"), key.dropLast().count < 5 {
                report.greedyGlobs.append("\(term) (line \(line))")
                continue
            }
            if let (first, firstLine) = seen[key] {
                if first == term { report.duplicates.append("\(term) (lines \(firstLine) and \(line))") }
                else { report.collisions.append("\(first) (line \(firstLine)) = \(term) (line \(line))") }
            }
            seen[key] = (term, line)
            var valence = value
            if value < scale.0 || value > scale.1 {
                report.outOfScale.append("\(term) = \(value) (line \(line))")
                valence = min(max(value, scale.0), scale.1)
            }
            if existing.contains(key) { report.overridden.append(key) }
            entries[key] = valence / bound
            report.entries += 1
        }
        report.overridden = Array(Set(report.overridden)).sorted()
        rebuild()
        return report
    }
}
