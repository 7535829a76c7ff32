import CorpusKit
import CorpusKitAnalyzers
import Foundation
import Testing

// MARK: - Helpers

/// A fresh directory for the gold files of one test.
private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("quote-eval-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `lines` as a file of `directory` and returns its path.
private func write(_ lines: [String], named name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(lines.joined(separator: "\n").utf8).write(to: url)
    return url.path
}

/// Where `phrase` is in `text`, searched inside the first occurrence of `context` when given (so that a short
/// phrase such as `il` is found in `a-t-il`).
private func range(of phrase: String, in text: String, within context: String? = nil) -> Range<String.Index>? {
    var searched = text.startIndex..<text.endIndex
    if let context {
        guard let found = text.range(of: context) else {
            Issue.record("'\(context)' is not in '\(text)'")
            return nil
        }
        searched = found
    }
    guard let found = text.range(of: phrase, range: searched) else {
        Issue.record("'\(phrase)' is not in '\(text)'")
        return nil
    }
    return found
}

/// The code-point offsets `[start, end]` of `phrase`, counted on the unicode-scalar view (what Python indexes), so
/// that the gold files say what a converter from Python would write.
private func codePoints(of phrase: String, in text: String, within context: String? = nil) -> [Int] {
    guard let found = range(of: phrase, in: text, within: context) else { return [0, 0] }
    let scalars = text.unicodeScalars
    return [
        scalars.distance(from: scalars.startIndex, to: found.lowerBound),
        scalars.distance(from: scalars.startIndex, to: found.upperBound),
    ]
}

/// The UTF-8 span of `phrase`, as an extractor would return it.
private func span(of phrase: String, in text: String, within context: String? = nil) -> TextSpan {
    guard let found = range(of: phrase, in: text, within: context) else { return TextSpan(start: 0, end: 0) }
    return TextSpan(found, in: text)
}

/// A gold quote as a JSON object. One fragment leaves `spans` out (the loader's default); more write it.
/// `speakerAt` false writes the speaker as text only, with null offsets.
private func goldQuote(
    _ fragments: [String], in text: String, speaker: String? = nil, speakerWithin: String? = nil,
    speakerAt: Bool = true, cue: String? = nil, cueWithin: String? = nil
) -> [String: Any] {
    let offsets = fragments.map { codePoints(of: $0, in: text) }
    var object: [String: Any] = [
        "quote": fragments.joined(separator: " "), "start": offsets.first?[0] ?? 0, "end": offsets.last?[1] ?? 0,
        "kind": "direct",
    ]
    if fragments.count > 1 { object["spans"] = offsets }
    if let speaker {
        object["speaker"] = speaker
        let at = speakerAt ? codePoints(of: speaker, in: text, within: speakerWithin) : nil
        object["speaker_start"] = at.map { $0[0] as Any } ?? NSNull()
        object["speaker_end"] = at.map { $0[1] as Any } ?? NSNull()
    }
    if let cue {
        let at = codePoints(of: cue, in: text, within: cueWithin)
        object["cue"] = cue
        object["cue_start"] = at[0]
        object["cue_end"] = at[1]
    }
    return object
}

/// A gold document as one JSONL line; no `id` when `id` is nil.
private func document(_ id: String?, _ text: String, _ quotes: [[String: Any]]) throws -> String {
    var object: [String: Any] = ["text": text, "quotes": quotes, "lang": "fr"]
    if let id { object["id"] = id }
    let data = try JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])
    return String(decoding: data, as: UTF8.self)
}

/// A predicted quote whose fragments are the first occurrences of the given phrases.
private func predicted(
    _ fragments: [String], in text: String, speaker: String? = nil, speakerWithin: String? = nil,
    speakerText: String? = nil
) -> QuoteEvaluator.Predicted {
    QuoteEvaluator.Predicted(
        fragments: fragments.map { span(of: $0, in: text) },
        speaker: speaker.map { span(of: $0, in: text, within: speakerWithin) }, speakerText: speakerText)
}

/// An extractor that returns fixed quotes for each known text.
private func stub(_ table: [String: [QuoteEvaluator.Predicted]]) -> QuoteEvaluator.Extract {
    { text in table[text] ?? [] }
}

private func matches(_ report: EvaluationReport, _ name: String) -> MatchCounts? {
    if case .matches(let counts)? = report.score(name) { return counts }
    Issue.record("no match line '\(name)'")
    return nil
}

private func accuracy(_ report: EvaluationReport, _ name: String) -> AccuracyCounts? {
    if case .accuracy(let counts)? = report.score(name) { return counts }
    Issue.record("no accuracy line '\(name)'")
    return nil
}

private func counts(_ tp: Int, _ fp: Int, _ fn: Int) -> MatchCounts {
    MatchCounts(truePositives: tp, falsePositives: fp, falseNegatives: fn)
}

private func loadError(_ path: String) -> CorpusKitError? {
    do {
        _ = try QuoteEvaluationData.load(path: path)
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

/// Four short news-like documents written for these tests.
private enum Fixture {
    /// A quote in guillemets with a named speaker after it.
    static let mayor =
        "Le maire a voulu rassurer les familles. « Nous rouvrirons l’école dès lundi », "
        + "a déclaré Paul Martin devant la presse."
    /// An emoji (one code point, four UTF-8 bytes) first; a dialogue-dash quote interrupted by `, a-t-il dit,`;
    /// then a quote in guillemets with no-break spaces.
    static let budget =
        "🎤 Sur le plateau, le sénateur a été clair.\n"
        + "— Le budget sera voté en mars, a-t-il dit, et personne ne sera oublié.\n"
        + "La ministre Claire Dubois a répondu : «\u{00A0}Nous verrons bien.\u{00A0}»"
    /// A quote whose speaker is named only as text (the mention is outside the window).
    static let minister =
        "« Les chiffres du chômage sont encourageants », se félicite-t-on dans l’entourage du ministre."
    /// No quote.
    static let session = "La séance a été levée à midi."

    static let budgetFragments = ["— Le budget sera voté en mars,", "et personne ne sera oublié."]
    static let mayorQuote = "« Nous rouvrirons l’école dès lundi »"
    static let budgetReply = "«\u{00A0}Nous verrons bien.\u{00A0}»"
    static let ministerQuote = "« Les chiffres du chômage sont encourageants »"

    static func lines() throws -> [String] {
        [
            try document("d1", mayor, [
                goldQuote([mayorQuote], in: mayor, speaker: "Paul Martin", cue: "a déclaré"),
            ]),
            try document("d2", budget, [
                goldQuote(budgetFragments, in: budget, speaker: "il", speakerWithin: "a-t-il", cue: "dit",
                    cueWithin: "il dit"),
                goldQuote([budgetReply], in: budget, speaker: "Claire Dubois", cue: "a répondu"),
            ]),
            // No id: the loader names the document after the dataset and the line.
            try document(nil, minister, [
                goldQuote([ministerQuote], in: minister, speaker: "le ministre de l’Économie", speakerAt: false),
            ]),
            try document("d4", session, []),
        ]
    }

    static func data() throws -> QuoteEvaluationData {
        let directory = try temporaryDirectory()
        return try QuoteEvaluationData.load(path: try write(try lines(), named: "news-quotes.jsonl", in: directory))
    }

    /// The gold quotes exactly as an extractor would return them, speakers placed.
    static let perfect: [String: [QuoteEvaluator.Predicted]] = [
        mayor: [predicted([mayorQuote], in: mayor, speaker: "Paul Martin")],
        budget: [
            predicted(budgetFragments, in: budget, speaker: "il", speakerWithin: "a-t-il"),
            predicted([budgetReply], in: budget, speaker: "Claire Dubois"),
        ],
        minister: [predicted([ministerQuote], in: minister, speakerText: "le ministre de l’Économie")],
    ]

    /// Some right, some partly right, some wrong (see `countsAtBothThresholdsAndExact`).
    static let mixed: [String: [QuoteEvaluator.Predicted]] = [
        // Without the guillemets: still exact. The speaker span covers only the surname: it overlaps.
        mayor: [predicted(["Nous rouvrirons l’école dès lundi"], in: mayor, speaker: "Martin")],
        budget: [
            // The first fragment only (27 of 55 characters): ≥30% but not ≥80%; speaker by text only.
            predicted(["Le budget sera voté en mars"], in: budget, speakerText: "Il"),
            // Two lines at once: too long for the reply it contains (18 of 86 characters).
            predicted(
                ["et personne ne sera oublié.\nLa ministre Claire Dubois a répondu : «\u{00A0}Nous verrons bien."],
                in: budget),
        ],
        // Right quote, no speaker.
        minister: [predicted(["Les chiffres du chômage sont encourageants"], in: minister)],
        session: [predicted(["La séance a été levée à midi"], in: session)],
    ]
}

// MARK: - Loading

@Suite struct QuoteEvaluationDataTests {
    @Test func codePointOffsetsBecomeUTF8Spans() throws {
        let data = try Fixture.data()
        #expect(data.name == "news-quotes")
        #expect(data.documents.count == 4)
        let budget = try #require(data.documents.first { $0.id == "d2" })
        #expect(budget.line == 2)
        let interrupted = try #require(budget.quotes.first)
        let fragments = interrupted.fragments.map { String($0.substring(of: budget.text)) }
        #expect(fragments == Fixture.budgetFragments)
        // The emoji is one code point but four bytes: the byte offset runs ahead of the code-point offset.
        #expect(interrupted.fragments.first?.start == span(of: Fixture.budgetFragments[0], in: budget.text).start)
        #expect(codePoints(of: Fixture.budgetFragments[0], in: budget.text)[0]
            < (interrupted.fragments.first?.start ?? 0))
        #expect(interrupted.speaker.map { String($0.substring(of: budget.text)) } == "il")
        #expect(interrupted.speaker == span(of: "il", in: budget.text, within: "a-t-il"))
        #expect(interrupted.speakerText == "il")
        #expect(interrupted.cue.map { String($0.substring(of: budget.text)) } == "dit")
        #expect(interrupted.kind == "direct")
        #expect(interrupted.text == Fixture.budgetFragments.joined(separator: " "))
        // Without `spans`, the quote is the one fragment [start, end].
        let reply = try #require(budget.quotes.last)
        #expect(reply.fragments == [span(of: Fixture.budgetReply, in: budget.text)])
        #expect(reply.speaker.map { String($0.substring(of: budget.text)) } == "Claire Dubois")
    }

    @Test func speakerAsTextOnlyAndDefaultID() throws {
        let data = try Fixture.data()
        let minister = data.documents[2]
        #expect(minister.id == "news-quotes-3")
        let quote = try #require(minister.quotes.first)
        #expect(quote.speaker == nil)
        #expect(quote.speakerText == "le ministre de l’Économie")
        #expect(quote.hasSpeaker)
        #expect(quote.cue == nil && quote.cueText == nil)
        #expect(data.documents[3].quotes.isEmpty)
    }

    @Test func badJSONNamesFileAndLine() throws {
        let directory = try temporaryDirectory()
        let path = try write([try document("a", "Bonjour.", []), "", "{\"id\": \"b\", \"text\": "], named: "bad.jsonl",
            in: directory)
        let error = try #require(loadError(path))
        #expect(error.code == .malformedJSON)
        #expect(error.location == .init(path: path, line: 3))
    }

    @Test func offsetPastTheEndNamesFileAndLine() throws {
        let directory = try temporaryDirectory()
        // « Oui » is 7 code points (but 9 bytes): 8 is past the end even though a byte count would allow it.
        let text = "« Oui »"
        let path = try write([
            try document("a", text, [["quote": text, "start": 0, "end": 8]]),
        ], named: "past.jsonl", in: directory)
        let error = try #require(loadError(path))
        #expect(error.code == .invalidField)
        #expect(error.location == .init(path: path, line: 1))
        #expect(error.message.contains("past the end"))
        #expect(error.description.hasPrefix("\(path):1: "))
    }

    @Test func endBeforeStartNamesFileAndLine() throws {
        let directory = try temporaryDirectory()
        let text = "— Non, a-t-elle dit, jamais."
        let path = try write([
            try document("a", text, []),
            try document("b", text, [["quote": "x", "start": 0, "end": 27, "spans": [[0, 6], [21, 15]]]]),
        ], named: "reversed.jsonl", in: directory)
        let error = try #require(loadError(path))
        #expect(error.code == .invalidField)
        #expect(error.location == .init(path: path, line: 2))
        #expect(error.message.contains("fragment 2"))
        #expect(error.message.contains("before start"))
    }

    @Test func otherBadLinesAreReportedNotTrapped() throws {
        let directory = try temporaryDirectory()
        let cases: [(line: String, code: CorpusKitError.Code, mentions: String)] = [
            (#"{"id": "x", "quotes": []}"#, .missingText, "text"),
            (#"{"id": "x", "text": 3, "quotes": []}"#, .missingText, "text"),
            (#"{"id": "x", "text": "Oui."}"#, .invalidField, "quotes"),
            (#"[1, 2]"#, .malformedJSON, "object"),
            (#"{"text": "Oui.", "quotes": [{"end": 3}]}"#, .invalidField, "start"),
            (#"{"text": "Oui.", "quotes": [{"start": "0", "end": 3}]}"#, .invalidField, "quotes[0].start"),
            (#"{"text": "Oui.", "quotes": [{"start": -1, "end": 3}]}"#, .invalidField, "negative"),
            (#"{"text": "Oui.", "quotes": [{"start": 1, "end": 1}]}"#, .invalidField, "empty"),
            (#"{"text": "Oui.", "quotes": [{"start": 0, "end": 3, "spans": [[0, 1, 2]]}]}"#, .invalidField, "pair"),
            (#"{"text": "Oui.", "quotes": [{"start": 0, "end": 3, "spans": []}]}"#, .invalidField, "spans"),
            (#"{"text": "Oui.", "quotes": [{"start": 0, "end": 3, "speaker_start": 0}]}"#, .invalidField,
             "speaker"),
            (#"{"text": "Oui.", "quotes": [{"start": 0, "end": 3, "cue_start": 0, "cue_end": 9}]}"#, .invalidField,
             "cue"),
        ]
        for (index, item) in cases.enumerated() {
            let path = try write(["", item.line], named: "case\(index).jsonl", in: directory)
            let error = try #require(loadError(path))
            #expect(error.code == item.code, "\(item.line)")
            #expect(error.location == .init(path: path, line: 2), "\(item.line)")
            #expect(error.message.contains(item.mentions), "\(item.line): \(error.message)")
        }
    }

    @Test func emptyFileIsAnError() throws {
        let directory = try temporaryDirectory()
        for (name, content) in [("empty.jsonl", ""), ("blank.jsonl", "\n  \n\t\n")] {
            let path = try write([content], named: name, in: directory)
            let error = try #require(loadError(path))
            #expect(error.code == .emptyInput)
            #expect(error.location == .init(path: path))
        }
        let missing = try #require(loadError(directory.appendingPathComponent("none.jsonl").path))
        #expect(missing.code == .unreadableInput)
    }
}

// MARK: - Scoring

@Suite struct QuoteEvaluatorTests {
    @Test func reportLinesAreNamedPerDataset() throws {
        let report = QuoteEvaluator(extract: stub([:])).evaluate([try Fixture.data()])
        #expect(report.task == "quotes")
        #expect(report.items == 4)
        #expect(report.entries.map(\.name) == [
            "news-quotes quotes ≥30% overlap", "news-quotes quotes ≥80% overlap", "news-quotes quotes exact",
            "news-quotes quotes fragments", "news-quotes speaker accuracy", "news-quotes speaker given",
        ])
        // Nothing found: every gold quote is missed, nothing is matched.
        #expect(matches(report, "news-quotes quotes ≥30% overlap") == counts(0, 0, 4))
        #expect(accuracy(report, "news-quotes speaker accuracy") == AccuracyCounts(correct: 0, total: 0))
    }

    @Test func perfectExtractorScoresFull() throws {
        let report = QuoteEvaluator(extract: stub(Fixture.perfect)).evaluate([try Fixture.data()])
        for line in ["≥30% overlap", "≥80% overlap", "exact"] {
            #expect(matches(report, "news-quotes quotes \(line)") == counts(4, 0, 0))
        }
        #expect(accuracy(report, "news-quotes quotes fragments") == AccuracyCounts(correct: 1, total: 1))
        #expect(accuracy(report, "news-quotes speaker accuracy") == AccuracyCounts(correct: 4, total: 4))
        #expect(accuracy(report, "news-quotes speaker given") == AccuracyCounts(correct: 4, total: 4))
        #expect(report.mismatches.isEmpty)
    }

    @Test func countsAtBothThresholdsAndExact() throws {
        let report = QuoteEvaluator(extract: stub(Fixture.mixed)).evaluate([try Fixture.data()])
        // Matched at 30%: mayor, first fragment of the budget quote, minister. Spurious: the two-line prediction
        // and the session sentence. Missed: the reply.
        #expect(matches(report, "news-quotes quotes ≥30% overlap") == counts(3, 2, 1))
        // The first fragment alone is half of its quote.
        #expect(matches(report, "news-quotes quotes ≥80% overlap") == counts(2, 3, 2))
        #expect(matches(report, "news-quotes quotes exact") == counts(2, 3, 2))
        // The interrupted quote was matched with one fragment, not two.
        #expect(accuracy(report, "news-quotes quotes fragments") == AccuracyCounts(correct: 0, total: 1))
        // Mayor (span overlap) and budget (text `Il` = `il`) right; minister has no speaker.
        #expect(accuracy(report, "news-quotes speaker accuracy") == AccuracyCounts(correct: 2, total: 3))
        #expect(accuracy(report, "news-quotes speaker given") == AccuracyCounts(correct: 2, total: 3))
    }

    @Test func thresholdsApplyToBothLengths() throws {
        let directory = try temporaryDirectory()
        let text = #""Oui, merci." Ensuite il repartait vers la gare du Nord."#
        let path = try write([try document("t", text, [goldQuote([#""Oui, merci.""#], in: text)])],
            named: "thresholds.jsonl", in: directory)
        let data = try QuoteEvaluationData.load(path: path)
        /// The counts at 30% and 80% for a prediction of the `length` characters from `Oui` on.
        func score(from start: String, length: Int) -> (MatchCounts?, MatchCounts?) {
            let begin = span(of: start, in: text).start
            let found = QuoteEvaluator.Predicted(fragments: [TextSpan(start: begin, end: begin + length)])
            let report = QuoteEvaluator(extract: { _ in [found] }).evaluate([data])
            return (
                matches(report, "thresholds quotes ≥30% overlap"), matches(report, "thresholds quotes ≥80% overlap")
            )
        }
        // The gold quote is `Oui, merci.` (11 characters once its quote marks are trimmed).
        // Predictions too long: 11 of 36 is 30.6%, 11 of 37 is 29.7%.
        #expect(score(from: "Oui", length: 36) == (counts(1, 0, 0), counts(0, 1, 1)))
        #expect(score(from: "Oui", length: 37) == (counts(0, 1, 1), counts(0, 1, 1)))
        // Predictions too short: 4 of 11 is 36%, 3 of 11 is 27%; 9 of 11 is 82%, 8 of 11 is 73%.
        #expect(score(from: "Oui", length: 4) == (counts(1, 0, 0), counts(0, 1, 1)))
        #expect(score(from: "Oui", length: 3) == (counts(0, 1, 1), counts(0, 1, 1)))
        #expect(score(from: "Oui", length: 9) == (counts(1, 0, 0), counts(1, 0, 0)))
        #expect(score(from: "Oui", length: 8) == (counts(1, 0, 0), counts(0, 1, 1)))
    }

    @Test func lengthsCountScalarsNotBytes() throws {
        let directory = try temporaryDirectory()
        let text = "Le directeur a soupiré : « Ça a été très éprouvant, hélas »."
        let gold = goldQuote(["« Ça a été très éprouvant, hélas »"], in: text)
        let path = try write([try document("t", text, [gold])], named: "scalars.jsonl", in: directory)
        // 24 of the 30 characters (80%), but only 28 of the 36 bytes (78%).
        let found = predicted(["té très éprouvant, hélas"], in: text)
        let report = QuoteEvaluator(extract: { _ in [found] }).evaluate([try QuoteEvaluationData.load(path: path)])
        #expect(matches(report, "scalars quotes ≥80% overlap") == counts(1, 0, 0))
    }

    @Test func dashesQuoteMarksAndSpacesAreIgnored() throws {
        let data = try Fixture.data()
        let budget = Fixture.budget
        // Without the dash, with the spaces and the guillemets swapped: still exact, and two fragments.
        let found: [QuoteEvaluator.Predicted] = [
            predicted(["Le budget sera voté en mars,", " et personne ne sera oublié."], in: budget),
            predicted(["Nous verrons bien.\u{00A0}»"], in: budget),
        ]
        let report = QuoteEvaluator(extract: { $0 == budget ? found : [] }).evaluate([data])
        #expect(matches(report, "news-quotes quotes exact") == counts(2, 0, 2))
        #expect(matches(report, "news-quotes quotes ≥80% overlap") == counts(2, 0, 2))
        #expect(accuracy(report, "news-quotes quotes fragments") == AccuracyCounts(correct: 1, total: 1))
        // The fragments as one span with the incise inside: matched, but neither exact nor split.
        let joined = [QuoteEvaluator.Predicted(fragments: [
            span(of: "Le budget sera voté en mars, a-t-il dit, et personne ne sera oublié.", in: budget),
        ])]
        let merged = QuoteEvaluator(extract: { $0 == budget ? joined : [] }).evaluate([data])
        #expect(matches(merged, "news-quotes quotes ≥80% overlap") == counts(1, 0, 3))
        #expect(matches(merged, "news-quotes quotes exact") == counts(0, 1, 4))
        #expect(accuracy(merged, "news-quotes quotes fragments") == AccuracyCounts(correct: 0, total: 1))
    }

    @Test func matchingIsOneToOne() throws {
        let data = try Fixture.data()
        let mayor = Fixture.mayor
        let twice = [
            predicted([Fixture.mayorQuote], in: mayor), predicted(["Nous rouvrirons l’école dès lundi"], in: mayor),
        ]
        let report = QuoteEvaluator(extract: { $0 == mayor ? twice : [] }).evaluate([data])
        #expect(matches(report, "news-quotes quotes ≥30% overlap") == counts(1, 1, 3))
        #expect(matches(report, "news-quotes quotes exact") == counts(1, 1, 3))
    }

    @Test func speakerBySpanAndByText() throws {
        let data = try Fixture.data()
        let mayor = Fixture.mayor, minister = Fixture.minister
        /// Speaker accuracy when the mayor's and the minister's quotes are found with the given speakers.
        func speaker(
            mayor mayorSpeaker: (span: String?, text: String?), minister ministerSpeaker: (span: String?, text: String?)
        ) -> AccuracyCounts? {
            let table: [String: [QuoteEvaluator.Predicted]] = [
                mayor: [predicted([Fixture.mayorQuote], in: mayor, speaker: mayorSpeaker.span,
                    speakerText: mayorSpeaker.text)],
                minister: [predicted([Fixture.ministerQuote], in: minister, speaker: ministerSpeaker.span,
                    speakerText: ministerSpeaker.text)],
            ]
            return accuracy(QuoteEvaluator(extract: stub(table)).evaluate([data]), "news-quotes speaker accuracy")
        }
        func right(_ correct: Int) -> AccuracyCounts { AccuracyCounts(correct: correct, total: 2) }
        // Spans: any overlap is right; a span elsewhere is wrong even when the text given is the gold's.
        #expect(speaker(mayor: ("Paul", nil), minister: (nil, nil)) == right(1))
        #expect(speaker(mayor: ("Le maire", "Paul Martin"), minister: (nil, nil)) == right(0))
        // Text only: folded case, spacing, apostrophes and accents.
        #expect(speaker(mayor: (nil, "  PAUL   martin "), minister: (nil, "Le Ministre de l'economie")) == right(2))
        #expect(speaker(mayor: (nil, "Pierre Martin"), minister: (nil, "le ministre")) == right(0))
        // The gold has no span: the text of the predicted span is compared.
        #expect(speaker(mayor: (nil, nil), minister: ("l’entourage du ministre", nil)) == right(0))
    }

    @Test func mismatchesAreClassifiedAndLimited() throws {
        let data = try Fixture.data()
        let report = QuoteEvaluator(extract: stub(Fixture.mixed)).evaluate([data])
        #expect(report.mismatches.map(\.id) == [
            "news-quotes missed quote: d2", "news-quotes spurious quote: d2", "news-quotes spurious quote: d4",
            "news-quotes wrong speaker: news-quotes-3",
        ])
        let missed = report.mismatches[0]
        #expect(missed.expected == "«\(Fixture.budgetReply)»")
        #expect(missed.found.hasPrefix("partly «et personne ne sera oublié. La ministre"))
        let spurious = report.mismatches[2]
        #expect(spurious.expected == "")
        #expect(spurious.found == "«La séance a été levée à midi»")
        let wrong = report.mismatches[3]
        #expect(wrong.expected == "«\(Fixture.ministerQuote)» — speaker «le ministre de l’Économie»")
        #expect(wrong.found == "no speaker")

        let limited = QuoteEvaluator(mismatchesPerCategory: 1, extract: stub(Fixture.mixed)).evaluate([data])
        #expect(limited.mismatches.map(\.id) == [
            "news-quotes missed quote: d2", "news-quotes spurious quote: d2",
            "news-quotes wrong speaker: news-quotes-3",
        ])
    }

    @Test func longQuotesAreShortenedInMismatches() throws {
        let directory = try temporaryDirectory()
        let quote =
            "« Nous avons investi dans les transports, les écoles et les hôpitaux depuis le début du mandat »"
        let text = "Le président a défendu son bilan. \(quote), a-t-il assuré."
        let path = try write([try document("long", text, [goldQuote([quote], in: text)])], named: "long.jsonl",
            in: directory)
        let report = QuoteEvaluator(extract: { _ in [] }).evaluate([try QuoteEvaluationData.load(path: path)])
        let missed = try #require(report.mismatches.first)
        #expect(missed.expected.hasPrefix("«« Nous avons investi"))
        #expect(missed.expected.hasSuffix("…»"))
        #expect(missed.expected.count <= 75)
    }

    @Test func spansOutsideTheTextDoNotTrap() throws {
        let data = try Fixture.data()
        var reversed = TextSpan(start: 3, end: 9)
        reversed.end = -4
        // Past the end, reversed, negative, inside the emoji's bytes: scored as spurious, never trapping.
        let odd: [QuoteEvaluator.Predicted] = [
            .init(fragments: [TextSpan(start: 5_000, end: 6_000)], speaker: TextSpan(start: 7_000, end: 8_000)),
            .init(fragments: [reversed, TextSpan(start: -10, end: -2)]),
            .init(fragments: [TextSpan(start: 1, end: 3)]),
            .init(fragments: []),
        ]
        let report = QuoteEvaluator(extract: { _ in odd }).evaluate([data])
        #expect(matches(report, "news-quotes quotes ≥30% overlap") == counts(0, 16, 4))
        #expect(matches(report, "news-quotes quotes exact") == counts(0, 16, 4))
    }
}
