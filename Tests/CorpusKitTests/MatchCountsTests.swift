import CorpusKit
import Testing

@Suite("Evaluation scores")
struct MatchCountsTests {
    @Test func multisetsMatchItemByItem() {
        let counts = MatchCounts(predicted: ["a", "b", "b", "x"], gold: ["a", "b", "c"])
        #expect(counts == MatchCounts(truePositives: 2, falsePositives: 2, falseNegatives: 1))
        #expect(counts.precision == 0.5)
        #expect(abs(counts.recall - 2.0 / 3.0) < 1e-12)
        #expect(abs(counts.f1 - 4.0 / 7.0) < 1e-12)
        #expect(counts.description == "P 0.500 R 0.667 F1 0.571 (tp 2, fp 2, fn 1)")
    }

    @Test func emptyCasesAreDefined() {
        #expect(MatchCounts(predicted: [String](), gold: []).f1 == 1)
        #expect(MatchCounts(predicted: [String](), gold: ["a"]).f1 == 0)
        #expect(MatchCounts(predicted: ["a"], gold: [String]()).precision == 0)
    }

    @Test func countsAddUp() {
        var total = MatchCounts(truePositives: 1, falsePositives: 0, falseNegatives: 2)
        total += MatchCounts(truePositives: 3, falsePositives: 1, falseNegatives: 0)
        #expect(total == MatchCounts(truePositives: 4, falsePositives: 1, falseNegatives: 2))
        var accuracy = AccuracyCounts()
        accuracy.record(true)
        accuracy.record(false)
        accuracy.record(true)
        #expect(accuracy.description == "2/3 (66.7%)")
    }
}
