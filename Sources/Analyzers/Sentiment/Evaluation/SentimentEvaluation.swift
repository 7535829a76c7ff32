import CorpusKit

/// Scores a sentiment classifier against the gold files read by ``SentimentEvaluationData``.
///
/// Each item's text is given to the classifier, with the item's target when it has one, and the label returned
/// is compared with the gold label. The report (task `sentiment`) has, for each dataset `D` (the file name
/// without extension), these lines:
///
/// - `D accuracy` (``CorpusKit/AccuracyCounts``): items whose label is right;
/// - `D positive`, `D negative`, `D neutral` (``CorpusKit/MatchCounts``), for the classes found in the gold
///   only: for class `c`, a true positive is an item of gold `c` labelled `c`, a false positive an item labelled
///   `c` whose gold is another class, a false negative an item of gold `c` labelled otherwise. A binary file
///   (no neutral item) thus has no `neutral` line, and an item of it labelled neutral is a false negative of its
///   class;
/// - `D predicted neutral` (``CorpusKit/AccuracyCounts``): the share of items the classifier labelled neutral,
///   whatever their gold — not a correctness score. On a binary file it shows how often a three-class
///   classifier abstains.
///
/// - `D macro-F1` (a ``CorpusKit/EvaluationReport/Score/value(_:)``): the mean of the F1 of the class lines of
///   `D` (the classes found in the gold), placed after the accuracy line.
///
/// The mismatches (the first ``mismatchesPerCategory`` of each dataset, in file order) are items given
/// the wrong label, with id `D wrong label: <item id> «text»` (the text on one line, shortened to about 70
/// characters), `expected` the gold label (`negative`, or `negative towards «target»` for a targeted item) and
/// `found` the label given.
///
/// - Complexity: O(n) in the number of items, plus the classifier's own work.
public struct SentimentEvaluator: Sendable {
    /// A polarity: the label of a gold item and the answer of the classifier.
    public enum Label: String, Sendable, CaseIterable {
        /// Favourable.
        case positive
        /// Unfavourable.
        case negative
        /// Neither, or balanced.
        case neutral
    }

    /// Decides the polarity of a text, or, when `target` is given, of the text towards the mention at `target`
    /// (UTF-8 offsets into `text`).
    public typealias Extract = @Sendable (_ text: String, _ target: TextSpan?) -> Label

    /// The classifier under test.
    public var extract: Extract
    /// How many wrong labels to keep per dataset, for `--explain`.
    public var mismatchesPerCategory: Int

    /// Creates an evaluator of the given classifier.
    /// - Parameters:
    ///   - mismatchesPerCategory: How many wrong labels to keep per dataset.
    ///   - extract: The classifier: given a text and maybe a target in it, a label.
    public init(mismatchesPerCategory: Int = 10, extract: @escaping Extract) {
        self.mismatchesPerCategory = mismatchesPerCategory
        self.extract = extract
    }

    /// How long a text may be in a mismatch before it is shortened.
    static let shownLength = 70

    /// The suffix of the mismatch id that carries a dataset's macro-F1.
    static let macroF1Suffix = " macro-F1"

    /// Scores the classifier on every file.
    /// - Parameter files: Gold files, in the order their scores should be shown.
    /// - Returns: The report: task `sentiment`, dataset the file paths, items the number of items, the lines
    ///   and mismatches described in ``SentimentEvaluator``.
    /// - Complexity: O(n) in the number of items.
    public func evaluate(_ files: [SentimentEvaluationData]) -> EvaluationReport {
        var report = EvaluationReport(task: "sentiment", dataset: files.map(\.path).joined(separator: ", "))
        for file in files {
            var accuracy = AccuracyCounts()
            var predictedNeutral = AccuracyCounts()
            var byClass: [Label: MatchCounts] = [:]
            var goldClasses = Set<Label>()
            var wrong: [EvaluationReport.Mismatch] = []
            for item in file.items {
                let found = extract(item.text, item.target?.span)
                goldClasses.insert(item.label)
                accuracy.record(found == item.label)
                predictedNeutral.record(found == .neutral)
                if found == item.label {
                    byClass[found, default: MatchCounts()].truePositives += 1
                    continue
                }
                byClass[item.label, default: MatchCounts()].falseNegatives += 1
                byClass[found, default: MatchCounts()].falsePositives += 1
                if wrong.count < mismatchesPerCategory {
                    var expected = item.label.rawValue
                    if let target = item.target { expected += " towards «\(Self.shortened(target.text))»" }
                    wrong.append(.init(
                        id: "\(file.name) wrong label: \(item.id) «\(Self.shortened(item.text))»",
                        expected: expected, found: found.rawValue))
                }
            }
            let classes = Label.allCases.filter(goldClasses.contains)
            report.items += file.items.count
            report.entries.append(.init(name: "\(file.name) accuracy", score: .accuracy(accuracy)))
            for label in classes {
                report.entries.append(
                    .init(name: "\(file.name) \(label.rawValue)", score: .matches(byClass[label] ?? MatchCounts())))
            }
            report.entries.append(.init(name: "\(file.name) predicted neutral", score: .accuracy(predictedNeutral)))

            let macro = Self.mean(classes.map { (byClass[$0] ?? MatchCounts()).f1 })
            report.entries.insert(.init(name: file.name + Self.macroF1Suffix, score: .value(macro)),
                                  at: report.entries.count - classes.count - 1)
            report.mismatches += wrong
        }
        return report
    }

    /// The macro-F1 of a dataset of a report (its `D macro-F1` line).
    public static func macroF1(in report: EvaluationReport, dataset: String) -> Double? {
        if case .value(let value)? = report.score(dataset + macroF1Suffix) { return value }
        return nil
    }

    /// The mean of some scores; 0 when there is none.
    static func mean(_ values: [Double]) -> Double {
        values.isEmpty ? 0 : values.reduce(0, +) / Double(values.count)
    }

    /// A score with three decimals (`0.733`).
    static func three(_ value: Double) -> String {
        let scaled = Int((value * 1000).rounded())
        let decimals = String(scaled % 1000)
        return "\(scaled / 1000)." + String(repeating: "0", count: 3 - decimals.count) + decimals
    }

    /// `text` on one line (line breaks and tabs as spaces), cut to about ``shownLength`` characters with an
    /// ellipsis.
    static func shortened(_ text: String) -> String {
        var out = ""
        var count = 0
        for character in text {
            guard count < shownLength else { return out + "…" }
            out.append(character.isNewline || character == "\t" ? " " : character)
            count += 1
        }
        return out
    }
}
