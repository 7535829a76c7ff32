import CorpusKit
import CorpusKitAnalyzers
import Foundation
import Testing

// MARK: - Helpers

/// A fresh directory for the gold files of one test.
private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("sentiment-eval-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `lines` as a file of `directory` and returns its path.
private func write(_ lines: [String], named name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(lines.joined(separator: "\n").utf8).write(to: url)
    return url.path
}

/// The code-point offsets of `phrase` in `text`, counted on the unicode-scalar view (what Python indexes).
private func codePoints(of phrase: String, in text: String) -> (start: Int, end: Int) {
    guard let range = text.range(of: phrase) else {
        Issue.record("'\(phrase)' is not in '\(text)'")
        return (0, 0)
    }
    let scalars = text.unicodeScalars
    return (
        scalars.distance(from: scalars.startIndex, to: range.lowerBound),
        scalars.distance(from: scalars.startIndex, to: range.upperBound)
    )
}

/// A gold item as one JSONL line (the test texts hold no double quote or backslash); the target's offsets are
/// computed from the phrase.
private func item(_ id: String, _ text: String, _ label: String, target: String? = nil) -> String {
    var fields = #""id": "\#(id)", "text": "\#(text)", "label": "\#(label)""#
    if let target {
        let (start, end) = codePoints(of: target, in: text)
        fields += #", "target": "\#(target)", "target_from": \#(start), "target_to": \#(end)"#
    }
    return "{\(fields)}"
}

/// A classifier that answers from a table: keyed by the text, or by `text|target` for a targeted call (the
/// target read through the span it was given). Anything else is labelled neutral.
private func stub(_ table: [String: SentimentEvaluator.Label]) -> SentimentEvaluator.Extract {
    { text, target in
        let key = target.map { "\(text)|\($0.substring(of: text))" } ?? text
        return table[key] ?? .neutral
    }
}

private func accuracy(_ report: EvaluationReport, _ name: String) -> AccuracyCounts? {
    if case .accuracy(let counts)? = report.score(name) { return counts }
    Issue.record("no accuracy line '\(name)'")
    return nil
}

private func matches(_ report: EvaluationReport, _ name: String) -> MatchCounts? {
    if case .matches(let counts)? = report.score(name) { return counts }
    Issue.record("no match line '\(name)'")
    return nil
}

private func counts(_ tp: Int, _ fp: Int, _ fn: Int) -> MatchCounts {
    MatchCounts(truePositives: tp, falsePositives: fp, falseNegatives: fn)
}

private func loadError(_ path: String) -> CorpusKitError? {
    do {
        _ = try SentimentEvaluationData.load(path: path)
        Issue.record("\(path) was read without error")
        return nil
    } catch let error as CorpusKitError {
        return error
    } catch {
        Issue.record("unexpected error \(error)")
        return nil
    }
}

// MARK: - Fixture

/// French reviews, binary.
private let frenchTexts = [
    "Un film lumineux, drôle et touchant du début à la fin.",
    "Quel ennui : deux heures de dialogues creux et une fin bâclée.",
    "Les acteurs sont excellents et la musique est superbe.",
    "Je me suis endormi avant la moitié, scénario sans intérêt.",
    "Une belle surprise, je le recommande à tous.",
]
private let frenchLines = [
    item("fr1", frenchTexts[0], "positive"),
    item("fr2", frenchTexts[1], "negative"),
    item("fr3", frenchTexts[2], "positive"),
    item("fr4", frenchTexts[3], "negative"),
    item("fr5", frenchTexts[4], "positive"),
]
/// Right, right, wrong (positive read as negative), wrong (negative read as neutral), right.
private let frenchAnswers: [String: SentimentEvaluator.Label] = [
    frenchTexts[0]: .positive, frenchTexts[1]: .negative, frenchTexts[2]: .negative, frenchTexts[4]: .positive,
]

/// English news, three classes, mostly towards a target; the third target follows an emoji (1 code point,
/// 2 UTF-16 units, 4 UTF-8 bytes).
private let englishTexts = [
    "Critics mocked Senator Hale after the failed vote, calling him out of touch.",
    "Mayor Ortiz opened the new library on Tuesday morning.",
    "🎉 Big night for Governor Price, whose plan finally passed!",
    "The quarterly report was released on Monday.",
]
private let englishLines = [
    item("en1", englishTexts[0], "negative", target: "Senator Hale"),
    item("en2", englishTexts[1], "neutral", target: "Mayor Ortiz"),
    item("en3", englishTexts[2], "positive", target: "Governor Price"),
    item("en4", englishTexts[3], "neutral"),
]
/// Right, wrong (neutral read as positive), right (only if the emoji-shifted target is passed right), right.
private let englishAnswers: [String: SentimentEvaluator.Label] = [
    "\(englishTexts[0])|Senator Hale": .negative,
    "\(englishTexts[1])|Mayor Ortiz": .positive,
    "\(englishTexts[2])|Governor Price": .positive,
    englishTexts[3]: .neutral,
]

private func fixture() throws -> (french: SentimentEvaluationData, english: SentimentEvaluationData) {
    let directory = try temporaryDirectory()
    return (
        try SentimentEvaluationData.load(path: try write(frenchLines, named: "avis-fr.jsonl", in: directory)),
        try SentimentEvaluationData.load(path: try write(englishLines, named: "news-en.jsonl", in: directory))
    )
}

private func evaluateFixture(mismatches: Int = 10) throws -> EvaluationReport {
    let (french, english) = try fixture()
    let answers = frenchAnswers.merging(englishAnswers) { first, _ in first }
    return SentimentEvaluator(mismatchesPerCategory: mismatches, extract: stub(answers)).evaluate([french, english])
}

// MARK: - Loading

@Suite("SentimentEvaluation")
struct SentimentEvaluationTests {
    @Test func loadsItemsLabelsAndDatasetName() throws {
        let (french, english) = try fixture()
        #expect(french.name == "avis-fr")
        #expect(english.name == "news-en")
        #expect(french.items.map(\.id) == ["fr1", "fr2", "fr3", "fr4", "fr5"])
        #expect(french.items.map(\.label) == [.positive, .negative, .positive, .negative, .positive])
        #expect(french.items.allSatisfy { $0.target == nil })
        #expect(french.items[1].text == frenchTexts[1])
        #expect(english.items.map(\.label) == [.negative, .neutral, .positive, .neutral])
        #expect(english.items.map(\.line) == [1, 2, 3, 4])
        #expect(english.items[3].target == nil)
    }

    @Test func targetAfterEmojiBecomesUTF8Span() throws {
        let english = try fixture().english
        let text = englishTexts[2]
        let target = try #require(english.items[2].target)
        // "🎉 Big night for " is 16 code points but 19 UTF-8 bytes.
        #expect(codePoints(of: "Governor Price", in: text) == (16, 30))
        #expect(target.span == TextSpan(start: 19, end: 33))
        #expect(target.text == "Governor Price")
        #expect(target.span.substring(of: text) == "Governor Price")
        #expect(english.items[0].target?.span.substring(of: englishTexts[0]) == "Senator Hale")
    }

    @Test func targetTextIsOptional() throws {
        let directory = try temporaryDirectory()
        let path = try write(
            [#"{"text": "Vive la ministre Dubois !", "label": "positive", "target_from": 17, "target_to": 23}"#],
            named: "sans-cible.jsonl", in: directory)
        let data = try SentimentEvaluationData.load(path: path)
        #expect(data.items[0].id == "sans-cible-1")
        #expect(data.items[0].target?.text == "Dubois")
    }

    // MARK: Errors

    @Test(arguments: [
        (#"{"id": "x", "text": "Pas fini"#, CorpusKitError.Code.malformedJSON),
        (#"["positive"]"#, .malformedJSON),
        (#"{"id": "x", "label": "positive"}"#, .missingText),
        (#"{"id": "x", "text": 12, "label": "positive"}"#, .missingText),
        (#"{"id": "x", "text": "Sans étiquette."}"#, .invalidField),
        (#"{"id": "x", "text": "Mitigé.", "label": "mixed"}"#, .invalidField),
        (#"{"id": "x", "text": "Bravo Lina.", "label": "positive", "target_from": 6, "target_to": 40}"#,
         .invalidField),
        (#"{"id": "x", "text": "Bravo Lina.", "label": "positive", "target_from": -1, "target_to": 4}"#,
         .invalidField),
        (#"{"id": "x", "text": "Bravo Lina.", "label": "positive", "target_from": 6, "target_to": 6}"#,
         .invalidField),
        (#"{"id": "x", "text": "Bravo Lina.", "label": "positive", "target_from": 6}"#, .invalidField),
        (#"{"id": "x", "text": "Bravo Lina.", "label": "positive", "target": "Lina"}"#, .invalidField),
        (#"{"id": "x", "text": "Bravo Lina.", "label": "positive", "target_from": "6", "target_to": 10}"#,
         .invalidField),
        // UTF-16 offsets after an emoji: they cover "ina " (shifted by one), not the target as written.
        (#"{"text": "👏 Bravo Lina !", "label": "positive", "target": "Lina", "target_from": 9, "target_to": 13}"#,
         .invalidField),
    ])
    func badLineNamesFileAndLine(line: String, code: CorpusKitError.Code) throws {
        let directory = try temporaryDirectory()
        let path = try write([frenchLines[0], "", line, frenchLines[1]], named: "bad.jsonl", in: directory)
        let error = try #require(loadError(path))
        #expect(error.code == code)
        #expect(error.location == CorpusKitError.Location(path: path, line: 3))
        #expect(error.description.hasPrefix("\(path):3: "))
    }

    @Test func unknownLabelIsNamed() throws {
        let directory = try temporaryDirectory()
        let path = try write([#"{"text": "Bof.", "label": "Positive"}"#], named: "casse.jsonl", in: directory)
        let error = try #require(loadError(path))
        #expect(error.message.contains("'Positive'"))
    }

    @Test(arguments: ["", "\n  \n\t\n"])
    func emptyFileIsEmptyInput(content: String) throws {
        let directory = try temporaryDirectory()
        let url = directory.appendingPathComponent("vide.jsonl")
        try Data(content.utf8).write(to: url)
        let error = try #require(loadError(url.path))
        #expect(error.code == .emptyInput)
        #expect(error.location == CorpusKitError.Location(path: url.path))
    }

    @Test func missingFileIsUnreadable() throws {
        let directory = try temporaryDirectory()
        let error = try #require(loadError(directory.appendingPathComponent("absent.jsonl").path))
        #expect(error.code == .unreadableInput)
    }

    // MARK: Scoring

    @Test func lineNamesFollowTheGoldClasses() throws {
        let report = try evaluateFixture()
        #expect(report.task == "sentiment")
        #expect(report.items == 9)
        #expect(report.entries.map(\.name) == [
            "avis-fr accuracy", "avis-fr macro-F1", "avis-fr positive", "avis-fr negative", "avis-fr predicted neutral",
            "news-en accuracy", "news-en macro-F1", "news-en positive", "news-en negative", "news-en neutral",
            "news-en predicted neutral",
        ])
    }

    @Test func accuracyAndPerClassCounts() throws {
        let report = try evaluateFixture()
        #expect(accuracy(report, "avis-fr accuracy") == AccuracyCounts(correct: 3, total: 5))
        #expect(matches(report, "avis-fr positive") == counts(2, 0, 1))
        #expect(matches(report, "avis-fr negative") == counts(1, 1, 1))
        #expect(accuracy(report, "avis-fr predicted neutral") == AccuracyCounts(correct: 1, total: 5))

        // The target after the emoji is passed right, so en3 is right.
        #expect(accuracy(report, "news-en accuracy") == AccuracyCounts(correct: 3, total: 4))
        #expect(matches(report, "news-en positive") == counts(1, 1, 0))
        #expect(matches(report, "news-en negative") == counts(1, 0, 0))
        #expect(matches(report, "news-en neutral") == counts(1, 0, 1))
        #expect(accuracy(report, "news-en predicted neutral") == AccuracyCounts(correct: 1, total: 4))
    }

    @Test func macroF1IsTheMeanOverGoldClasses() throws {
        let report = try evaluateFixture()
        // French: positive F1 0.8 (P 1, R 2/3), negative 0.5; the neutral answer is no class of its own.
        let french = try #require(SentimentEvaluator.macroF1(in: report, dataset: "avis-fr"))
        #expect(abs(french - 0.65) < 1e-9)
        // English: positive 2/3, negative 1, neutral 2/3.
        let english = try #require(SentimentEvaluator.macroF1(in: report, dataset: "news-en"))
        #expect(abs(english - 7.0 / 9.0) < 1e-9)
        #expect(SentimentEvaluator.macroF1(in: report, dataset: "absent") == nil)

        #expect(report.score("avis-fr macro-F1") == .value(french))
        #expect(report.mismatches.allSatisfy { !$0.id.hasSuffix(" macro-F1") })
    }

    @Test func targetIsPassedToTheClassifier() throws {
        let english = try fixture().english
        let calls = SentimentEvaluator { text, target in
            // Right only when called with exactly the target's UTF-8 span, or with none for untargeted items.
            let expected: [String: TextSpan?] = [
                englishTexts[0]: TextSpan(start: 15, end: 27), englishTexts[1]: TextSpan(start: 0, end: 11),
                englishTexts[2]: TextSpan(start: 19, end: 33), englishTexts[3]: nil,
            ]
            guard let wanted = expected[text], wanted == target else { return .positive }
            return text == englishTexts[2] ? .positive : text == englishTexts[0] ? .negative : .neutral
        }.evaluate([english])
        #expect(accuracy(calls, "news-en accuracy") == AccuracyCounts(correct: 4, total: 4))
    }

    @Test func wrongLabelsAreExplained() throws {
        let report = try evaluateFixture()
        let wrong = report.mismatches
        #expect(wrong == [
            .init(id: "avis-fr wrong label: fr3 «\(frenchTexts[2])»", expected: "positive", found: "negative"),
            .init(id: "avis-fr wrong label: fr4 «\(frenchTexts[3])»", expected: "negative", found: "neutral"),
            .init(id: "news-en wrong label: en2 «\(englishTexts[1])»", expected: "neutral towards «Mayor Ortiz»",
                  found: "positive"),
        ])
    }

    @Test func mismatchesAreLimitedAndTextsShortened() throws {
        let long = String(repeating: "Un navet interminable, ", count: 6) + "vraiment."
        let directory = try temporaryDirectory()
        let path = try write(
            [item("l1", long, "negative"), item("l2", long, "negative"), item("l3", long, "negative")],
            named: "longs.jsonl", in: directory)
        let data = try SentimentEvaluationData.load(path: path)
        let report = SentimentEvaluator(mismatchesPerCategory: 2) { _, _ in .positive }.evaluate([data])
        let wrong = report.mismatches.filter { $0.id.contains("wrong label") }
        #expect(wrong.count == 2)
        #expect(wrong[0].id == "longs wrong label: l1 «\(String(long.prefix(70)))…»")
        #expect(accuracy(report, "longs accuracy") == AccuracyCounts(correct: 0, total: 3))
        #expect(matches(report, "longs negative") == counts(0, 0, 3))
        #expect(report.score("longs positive") == nil)
        #expect(SentimentEvaluator.macroF1(in: report, dataset: "longs") == 0)

        let silent = SentimentEvaluator(mismatchesPerCategory: 0) { _, _ in .positive }.evaluate([data])
        #expect(silent.mismatches.isEmpty)
    }
}
