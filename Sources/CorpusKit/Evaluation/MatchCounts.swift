/// True positives, false positives and false negatives of a matching task, with precision, recall and F1.
///
/// The shared scoring of every `corpus-tool evaluate` task: counts add up across items, categories and shards,
/// so micro-averaged scores come from the summed counts.
public struct MatchCounts: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Items found that are in the gold.
    public var truePositives: Int
    /// Items found that are not in the gold.
    public var falsePositives: Int
    /// Gold items not found.
    public var falseNegatives: Int

    /// Creates counts.
    public init(truePositives: Int = 0, falsePositives: Int = 0, falseNegatives: Int = 0) {
        self.truePositives = truePositives
        self.falsePositives = falsePositives
        self.falseNegatives = falseNegatives
    }

    /// Counts the matches between two multisets: each predicted item matches at most one equal gold item.
    /// - Complexity: O(n + m).
    public init<Item: Hashable>(predicted: some Sequence<Item>, gold: some Sequence<Item>) {
        var remaining: [Item: Int] = [:]
        var goldCount = 0
        for item in gold {
            remaining[item, default: 0] += 1
            goldCount += 1
        }
        var hits = 0, misses = 0
        for item in predicted {
            if let left = remaining[item], left > 0 {
                remaining[item] = left - 1
                hits += 1
            } else {
                misses += 1
            }
        }
        self.init(truePositives: hits, falsePositives: misses, falseNegatives: goldCount - hits)
    }

    /// TP / (TP + FP); 1 when nothing was predicted and nothing was expected, 0 when only the gold has items.
    public var precision: Double {
        let predicted = truePositives + falsePositives
        return predicted == 0 ? (falseNegatives == 0 ? 1 : 0) : Double(truePositives) / Double(predicted)
    }

    /// TP / (TP + FN); 1 when the gold is empty.
    public var recall: Double {
        let expected = truePositives + falseNegatives
        return expected == 0 ? 1 : Double(truePositives) / Double(expected)
    }

    /// Harmonic mean of precision and recall.
    public var f1: Double {
        let p = precision, r = recall
        return p + r == 0 ? 0 : 2 * p * r / (p + r)
    }

    /// Adds other counts.
    public static func += (lhs: inout MatchCounts, rhs: MatchCounts) {
        lhs.truePositives += rhs.truePositives
        lhs.falsePositives += rhs.falsePositives
        lhs.falseNegatives += rhs.falseNegatives
    }

    /// `P 0.972 R 0.981 F1 0.976 (tp 412, fp 12, fn 8)`.
    public var description: String {
        func three(_ value: Double) -> String {
            let scaled = Int((value * 1000).rounded())
            return "\(scaled / 1000).\(String(scaled % 1000).leftPadded(to: 3))"
        }
        return "P \(three(precision)) R \(three(recall)) F1 \(three(f1)) (tp \(truePositives), fp \(falsePositives), fn \(falseNegatives))"
    }
}

/// Correct answers out of a total.
public struct AccuracyCounts: Sendable, Hashable, Codable, CustomStringConvertible {
    /// Items answered correctly.
    public var correct: Int
    /// Items scored.
    public var total: Int

    /// Creates counts.
    public init(correct: Int = 0, total: Int = 0) {
        self.correct = correct
        self.total = total
    }

    /// Records one item.
    public mutating func record(_ isCorrect: Bool) {
        total += 1
        if isCorrect { correct += 1 }
    }

    /// correct / total; 0 when nothing was scored.
    public var accuracy: Double { total == 0 ? 0 : Double(correct) / Double(total) }

    /// Adds other counts.
    public static func += (lhs: inout AccuracyCounts, rhs: AccuracyCounts) {
        lhs.correct += rhs.correct
        lhs.total += rhs.total
    }

    /// `41/45 (91.1%)`.
    public var description: String {
        let tenths = total == 0 ? 0 : Int((Double(correct) * 1000 / Double(total)).rounded())
        return "\(correct)/\(total) (\(tenths / 10).\(tenths % 10)%)"
    }
}

extension String {
    fileprivate func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
