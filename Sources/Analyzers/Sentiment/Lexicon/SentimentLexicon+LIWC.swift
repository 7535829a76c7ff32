import CorpusKit
import Foundation

/// Reading LIWC-style dictionaries (`.dic`): word categories rather than valences, turned into valences by a
/// category map the user gives (`posemo` → +0.5, `negemo` → −0.5).
extension SentimentLexicon {
    /// Loads a LIWC-style `.dic` file:
    ///
    /// ```text
    /// %
    /// 1	posemo
    /// 2	negemo
    /// %
    /// abandon*	2
    /// merveille*	1
    /// ```
    ///
    /// A word takes the sum of the valences of its mapped categories (−1…1, clamped); words in no mapped
    /// category are not loaded. Reported: mapped categories the file does not declare (a typo would otherwise
    /// load nothing), words in categories of opposite sign (`collisions`), globs shorter than five letters
    /// (kept as the plain word, so `hurt*` still matches `hurt`, `hurts`, `hurting`), conditional codes such as
    /// `(02 134)125/464` (skipped), and duplicates.
    /// - Parameters:
    ///   - categories: Valence per category, by name or by number (`["posemo": 0.5, "negemo": -0.5]`).
    @discardableResult
    public mutating func load(liwc path: String, categories: [String: Double]) throws -> LoadReport {
        let text = try Self.contents(path)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var names: [String: String] = [:]  // number → name
        var section = 0  // 0 before the first %, 1 in the category block, 2 in the words
        var rows: [(String, Double, Int)] = []
        var shortGlobs: [String] = []
        var conditional: [String] = []
        var opposite: [String] = []
        for (number, raw) in lines.enumerated() {
            let line = raw.trimmingCharacters(in: .whitespacesAndNewlines)
            if line.isEmpty { continue }
            if line == "%" {
                section += 1
                continue
            }
            let fields = line.split(whereSeparator: { $0 == "\t" || $0 == " " }).map(String.init)
            switch section {
            case 0:
                throw CorpusKitError(.invalidField, "a LIWC dictionary starts with a '%' line",
                                     location: .init(path: path, line: number + 1))
            case 1:
                guard fields.count == 2, Int(fields[0]) != nil else {
                    throw CorpusKitError(.invalidField, "expected 'NUMBER<TAB>category'",
                                         location: .init(path: path, line: number + 1))
                }
                names[fields[0]] = fields[1]
            default:
                // A word may be a phrase (`kind of`): the codes are the trailing numeric fields.
                var codes: [String] = []
                var words = fields[...]
                while let last = words.last, words.count > 1, Self.isCategoryCode(last) {
                    codes.insert(last, at: 0)
                    words.removeLast()
                }
                guard !codes.isEmpty else {
                    throw CorpusKitError(.invalidField, "expected 'word<TAB>category numbers'",
                                         location: .init(path: path, line: number + 1))
                }
                var valences: [Double] = []
                var conditionalCodes: [String] = []
                for code in codes {
                    if Int(code) == nil {
                        conditionalCodes.append(code)
                    } else if let value = categories[code] ?? names[code].flatMap({ categories[$0] }) {
                        valences.append(value)
                    }
                }
                if !conditionalCodes.isEmpty {
                    conditional.append("\(conditionalCodes.joined(separator: " ")) (line \(number + 1))")
                }
                guard !valences.isEmpty else { continue }
                var term = words.joined(separator: " ")
                if valences.contains(where: { $0 > 0 }), valences.contains(where: { $0 < 0 }) {
                    opposite.append("\(term) (line \(number + 1))")
                }
                if term.hasSuffix("*"), term.dropLast().count < 5 {
                    term.removeLast()
                    shortGlobs.append("\(term)* kept as '\(term)' (line \(number + 1))")
                }
                rows.append((term, max(-1, min(1, valences.reduce(0, +))), number + 1))
            }
        }
        guard section >= 2 else {
            throw CorpusKitError(.invalidField, "no word section: a LIWC dictionary has two '%' lines",
                                 location: .init(path: path, line: lines.count))
        }
        var report = apply(rows, scale: (-1, 1))
        let declared = Set(names.keys).union(names.values)
        report.unknownCategories = categories.keys.filter { !declared.contains($0) }.sorted()
        report.collisions += opposite
        report.greedyGlobs += shortGlobs
        report.skipped += conditional
        return report
    }

    /// A category code: a number, or a conditional code such as `(02 134)125/464` (its parts split on spaces
    /// arrive as `(02` and `134)125/464`).
    private static func isCategoryCode(_ field: String) -> Bool {
        if Int(field) != nil { return true }
        return field.hasPrefix("(") || (field.contains(")") && field.allSatisfy { $0.isNumber || "()/".contains($0) })
    }
}
