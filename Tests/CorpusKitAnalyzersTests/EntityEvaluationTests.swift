import CorpusKit
import CorpusKitAnalyzers
import Foundation
import Testing

// MARK: - Helpers

/// A fresh directory for the gold files of one test.
private func temporaryDirectory() throws -> URL {
    let url = FileManager.default.temporaryDirectory.appendingPathComponent("entity-eval-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    return url
}

/// Writes `lines` as a file of `directory` and returns its path.
private func write(_ lines: [String], named name: String, in directory: URL) throws -> String {
    let url = directory.appendingPathComponent(name)
    try Data(lines.joined(separator: "\n").utf8).write(to: url)
    return url.path
}

/// The code-point offsets of `phrase` in `text`, counted on the unicode-scalar view (what Python indexes), so
/// that the gold files say what a converter from Python would write.
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

/// A gold entity as JSON, offsets computed from `phrase`; `extra` is appended inside the object.
private func gold(_ phrase: String, in text: String, _ type: String, _ extra: String = "") -> String {
    let (start, end) = codePoints(of: phrase, in: text)
    return #"{"start": \#(start), "end": \#(end), "type": "\#(type)"\#(extra)}"#
}

/// A gold sentence as one JSONL line (the test texts hold no quote or backslash).
private func sentence(_ id: String, genre: String? = nil, _ text: String, _ entities: [String]) -> String {
    let genreField = genre.map { #""genre": "\#($0)", "split": "train", "# } ?? ""
    return #"{"id": "\#(id)", \#(genreField)"text": "\#(text)", "entities": [\#(entities.joined(separator: ", "))]}"#
}

/// A recogniser that returns, for each known text, the first occurrence of each listed phrase.
private func stub(_ table: [String: [(String, EntityKind)]]) -> EntityEvaluator.Extract {
    { text in
        (table[text] ?? []).compactMap { phrase, kind in
            text.range(of: phrase).map { (span: TextSpan($0, in: text), kind: kind) }
        }
    }
}

private func matches(_ report: EvaluationReport, _ name: String) -> MatchCounts? {
    if case .matches(let counts)? = report.score(name) { return counts }
    Issue.record("no line '\(name)'")
    return nil
}

private func counts(_ tp: Int, _ fp: Int, _ fn: Int) -> MatchCounts {
    MatchCounts(truePositives: tp, falsePositives: fp, falseNegatives: fn)
}

private func loadError(_ path: String) -> CorpusKitError? {
    do {
        _ = try EntityEvaluationData.load(path: path)
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

/// Four invented sentences in two genres, with every kind of error once or twice.
private enum Press {
    // The emoji (one code point, four UTF-8 bytes, two UTF-16 units) and the accents shift every later offset.
    static let a = "🎉 Émilie Durand a visité Nancy avec l'Unesco."
    static let b = "La France a signé le traité de Lisbonne à Bruxelles."
    static let c = "Le Tour de France passe par Épinal et Metz."
    static let d = "Jean et Marie Curie ont travaillé à Paris."

    static let lines = [
        sentence("a", genre: "annodis.er", a, [
            gold("Émilie Durand", in: a, "PER", #", "orig": "PERS", "surface": "Émilie Durand""#),
            gold("Nancy", in: a, "LOC"), gold("Unesco", in: a, "ORG"),
        ]),
        sentence("b", genre: "annodis.er", b, [
            gold("France", in: b, "ORG", #", "alt": "LOC""#), gold("traité de Lisbonne", in: b, "MISC"),
            gold("Lisbonne", in: b, "LOC", #", "nested": true"#), gold("Bruxelles", in: b, "LOC"),
        ]),
        "",  // a blank line is skipped, and still counted for line numbers
        sentence("c", genre: "frwiki", c, [
            gold("Tour de France", in: c, "MISC"), gold("Épinal", in: c, "LOC"), gold("Metz", in: c, "LOC"),
        ]),
        sentence("d", genre: "frwiki", d, [
            gold("Jean et Marie Curie", in: d, "PER", #", "discontinuous": true"#),
            gold("Marie Curie", in: d, "PER", #", "nested": true"#), gold("Paris", in: d, "LOC"),
        ]),
    ]

    static let predictions: [String: [(String, EntityKind)]] = [
        a: [("Émilie Durand", .person), ("Nancy", .location), ("l'Unesco", .organization)],
        b: [("France", .location), ("Lisbonne", .location), ("Bruxelles", .person)],
        c: [("Tour de France", .misc), ("Épinal", .location), ("Metz", .location), ("passe", .person)],
        d: [("Jean", .person), ("Marie Curie", .person), ("Paris", .location)],
    ]

    static let e = "Victor Hugo est né à Besançon."
    static let historyLines = [
        sentence("e", e, [gold("Victor Hugo", in: e, "PER"), gold("Besançon", in: e, "LOC")])
    ]
    static let historyPredictions: [String: [(String, EntityKind)]] = [
        e: [("Victor Hugo", .person), ("Besançon", .location), ("né", .misc)]
    ]

    /// Loads both files and scores the stub on them.
    static func report(mismatchesPerCategory: Int = 10) throws -> EvaluationReport {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let press = try EntityEvaluationData.load(path: try write(lines, named: "presse.jsonl", in: directory))
        let history = try EntityEvaluationData.load(path: try write(historyLines, named: "histoire.jsonl", in: directory))
        let table = predictions.merging(historyPredictions) { first, _ in first }
        return EntityEvaluator(mismatchesPerCategory: mismatchesPerCategory, extract: stub(table))
            .evaluate([press, history])
    }
}

// MARK: - Loading

@Suite("Entity evaluation data")
struct EntityEvaluationDataTests {
    @Test func codePointOffsetsBecomeUTF8Spans() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // "🎉 Fête à Nancy": Nancy is code points 9..<14, UTF-16 units 10..<15, UTF-8 bytes 14..<19.
        let path = try write(
            [#"{"id": 7, "text": "🎉 Fête à Nancy", "entities": [{"start": 9, "end": 14, "type": "LOC"}]}"#],
            named: "fete.jsonl", in: directory)
        let data = try EntityEvaluationData.load(path: path)
        #expect(data.name == "fete")
        #expect(data.path == path)
        let sentence = try #require(data.sentences.first)
        #expect(sentence.id == "7")
        #expect(sentence.genre == nil)
        #expect(sentence.line == 1)
        let entity = try #require(sentence.entities.first)
        #expect(entity.span == TextSpan(start: 14, end: 19))
        #expect(entity.kind == .location)
        #expect(entity.surface == "Nancy")  // taken from the text when the line has no surface
        #expect(entity.isScored)
    }

    @Test func fieldsAndFlagsAreRead() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = try EntityEvaluationData.load(path: try write(Press.lines, named: "presse.jsonl", in: directory))
        #expect(data.name == "presse")
        #expect(data.sentences.map(\.id) == ["a", "b", "c", "d"])
        #expect(data.sentences.map(\.line) == [1, 2, 4, 5])
        #expect(data.sentences.map(\.genre) == ["annodis.er", "annodis.er", "frwiki", "frwiki"])
        #expect(data.sentences[0].split == "train")
        for sentence in data.sentences {
            for entity in sentence.entities {
                // Every span, converted from code points, covers the phrase it was computed from.
                #expect(String(entity.span.substring(of: sentence.text)) == entity.surface)
            }
        }
        let a = data.sentences[0]
        #expect(a.entities[0].originalLabel == "PERS")
        #expect(a.entities[1].span == TextSpan(try #require(Press.a.range(of: "Nancy")), in: Press.a))
        let b = data.sentences[1].entities
        #expect(b[0].kind == .organization && b[0].alternativeKind == .location)
        #expect(b.map(\.isNested) == [false, false, true, false])
        #expect(data.sentences[3].entities.map(\.isDiscontinuous) == [true, false, false])
        #expect(data.sentences[3].entities.map(\.isScored) == [false, false, true])
    }

    @Test func badJSONNamesFileAndLine() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write(
            [#"{"id": "ok", "text": "Bonjour Lyon.", "entities": []}"#, #"{"id": "x", "text": "Salut", "entities": ["#],
            named: "cassé.jsonl", in: directory)
        let error = try #require(loadError(path))
        #expect(error.code == .malformedJSON)
        #expect(error.location == CorpusKitError.Location(path: path, line: 2))
        #expect(error.description.hasPrefix("\(path):2: "))
    }

    @Test func offsetPastTheEndNamesFileAndLine() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // "Été à Lyon" has 10 code points but 13 UTF-8 bytes: an end of 11 is out of range.
        let path = try write(
            [
                #"{"id": "ok", "text": "Été à Lyon", "entities": [{"start": 6, "end": 10, "type": "LOC"}]}"#, "",
                #"{"id": "trop", "text": "Été à Lyon", "entities": [{"start": 6, "end": 11, "type": "LOC"}]}"#,
            ], named: "bornes.jsonl", in: directory)
        let error = try #require(loadError(path))
        #expect(error.code == .invalidField)
        #expect(error.location == CorpusKitError.Location(path: path, line: 3))
        #expect(error.message.contains("10 code points"))
    }

    @Test func endBeforeStartNamesFileAndLine() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = try write(
            [#"{"id": "envers", "text": "Été à Lyon", "entities": [{"start": 9, "end": 6, "type": "LOC"}]}"#],
            named: "envers.jsonl", in: directory)
        let error = try #require(loadError(path))
        #expect(error.code == .invalidField)
        #expect(error.location == CorpusKitError.Location(path: path, line: 1))
        #expect(error.message.contains("before start"))
    }

    @Test func otherBadLinesAreReportedNotTrapped() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let cases: [(String, CorpusKitError.Code)] = [
            (#"{"id": "z", "entities": []}"#, .missingText),
            (#"["pas", "un", "objet"]"#, .malformedJSON),
            (#"{"text": "Lyon", "entities": [{"start": -1, "end": 2, "type": "LOC"}]}"#, .invalidField),
            (#"{"text": "Lyon", "entities": [{"start": 0, "end": 4, "type": "PERSON"}]}"#, .invalidField),
            (#"{"text": "Lyon", "entities": [{"start": "0", "end": 4, "type": "LOC"}]}"#, .invalidField),
            (#"{"text": "Lyon"}"#, .invalidField),
        ]
        for (index, (line, code)) in cases.enumerated() {
            let path = try write([line], named: "mauvais\(index).jsonl", in: directory)
            let error = loadError(path)
            #expect(error?.code == code, "\(line)")
            #expect(error?.location == CorpusKitError.Location(path: path, line: 1), "\(line)")
        }
    }

    @Test func emptyFileIsAnError() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        for (name, lines) in [("vide.jsonl", [String]()), ("blanc.jsonl", ["", "  ", ""])] {
            let path = try write(lines, named: name, in: directory)
            let error = loadError(path)
            #expect(error?.code == .emptyInput)
            #expect(error?.location == CorpusKitError.Location(path: path))
        }
        let missing = directory.appendingPathComponent("absent.jsonl").path
        #expect(loadError(missing)?.code == .unreadableInput)
    }
}

// MARK: - Scoring

@Suite("Entity evaluation")
struct EntityEvaluationTests {
    @Test func reportLinesAreNamedPerDatasetAndGenre() throws {
        let report = try Press.report()
        #expect(report.task == "entities")
        #expect(report.items == 5)
        let measures = [
            "strict", "strict without MISC", "lenient type (type or alt)", "overlap", "untyped", "strict PER",
            "strict LOC", "strict ORG", "strict MISC",
        ]
        let scopes = ["presse", "presse annodis.er (L'Est Républicain)", "presse frwiki (French Wikipedia)", "histoire"]
        #expect(report.entries.map(\.name) == scopes.flatMap { scope in measures.map { "\(scope) \($0)" } })
    }

    @Test func strictAndItsVariants() throws {
        let report = try Press.report()
        // Matched: Émilie Durand, Nancy, Tour de France, Épinal, Metz, Paris. False positives: l'Unesco,
        // France LOC, Bruxelles PER, passe; Lisbonne, Jean and Marie Curie touch ignored entities.
        #expect(matches(report, "presse strict") == counts(6, 4, 4))
        // Tour de France and traité de Lisbonne leave the gold.
        #expect(matches(report, "presse strict without MISC") == counts(5, 4, 3))
        // France LOC is the alt of France ORG.
        #expect(matches(report, "presse lenient type (type or alt)") == counts(7, 3, 3))
        // l'Unesco overlaps Unesco, same type.
        #expect(matches(report, "presse overlap") == counts(7, 3, 3))
        // France and Bruxelles have the right spans.
        #expect(matches(report, "presse untyped") == counts(8, 2, 2))
        #expect(matches(report, "presse strict PER") == counts(1, 2, 0))
        #expect(matches(report, "presse strict LOC") == counts(4, 1, 1))
        #expect(matches(report, "presse strict ORG") == counts(0, 1, 2))
        #expect(matches(report, "presse strict MISC") == counts(1, 0, 1))
        #expect(matches(report, "presse annodis.er (L'Est Républicain) strict") == counts(2, 3, 4))
        #expect(matches(report, "presse frwiki (French Wikipedia) strict") == counts(4, 1, 0))
        #expect(matches(report, "presse frwiki (French Wikipedia) untyped") == counts(4, 1, 0))
    }

    @Test func withoutMiscDropsPredictedMisc() throws {
        let report = try Press.report()
        #expect(matches(report, "histoire strict") == counts(2, 1, 0))
        #expect(matches(report, "histoire strict without MISC") == counts(2, 0, 0))
        #expect(matches(report, "histoire strict MISC") == counts(0, 1, 0))
    }

    @Test func nestedAndDiscontinuousAreIgnored() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = try EntityEvaluationData.load(path: try write([Press.lines[4]], named: "curie.jsonl", in: directory))
        func strict(_ found: [(String, EntityKind)]) -> MatchCounts? {
            let report = EntityEvaluator(extract: stub([Press.d: found])).evaluate([data])
            return matches(report, "curie strict")
        }
        // Finding only the scored entity is perfect: the nested and discontinuous ones are not missed.
        #expect(strict([("Paris", .location)]) == counts(1, 0, 0))
        // Finding the ignored ones, or part of them, is not a false positive.
        #expect(strict([("Jean", .person), ("Marie Curie", .person), ("Paris", .location)]) == counts(1, 0, 0))
        #expect(strict([("Jean et Marie", .organization), ("Paris", .location)]) == counts(1, 0, 0))
        // Elsewhere it is.
        #expect(strict([("travaillé", .person), ("Paris", .location)]) == counts(1, 1, 0))
        #expect(strict([]) == counts(0, 0, 1))
    }

    @Test func lenientMatchesEachGoldEntityOnce() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        // One span annotated twice, ORG (alt LOC) and ORG: predictions ORG and LOC both match (the ORG first taken
        // by the entity with an alt must move to the other); a third does not.
        let text = "Le Japon proteste."
        let line = sentence(
            "j", text, [gold("Japon", in: text, "ORG", #", "alt": "LOC""#), gold("Japon", in: text, "ORG")])
        let data = try EntityEvaluationData.load(path: try write([line], named: "japon.jsonl", in: directory))
        let found: [(span: TextSpan, kind: EntityKind)] = [
            (TextSpan(start: 3, end: 8), .organization), (TextSpan(start: 3, end: 8), .location),
            (TextSpan(start: 3, end: 8), .person),
        ]
        let report = EntityEvaluator { _ in found }.evaluate([data])
        #expect(matches(report, "japon lenient type (type or alt)") == counts(2, 1, 0))
        #expect(matches(report, "japon strict") == counts(1, 2, 1))
        #expect(matches(report, "japon untyped") == counts(2, 1, 0))
    }

    @Test func mismatchesAreClassifiedAndLimited() throws {
        let report = try Press.report()
        let expected: [EvaluationReport.Mismatch] = [
            .init(id: "presse wrong type: b", expected: "«France» ORG (or LOC)", found: "«France» LOC"),
            .init(id: "presse wrong type: b", expected: "«Bruxelles» LOC", found: "«Bruxelles» PER"),
            .init(id: "presse wrong boundary: a", expected: "«Unesco» ORG", found: "«l'Unesco» ORG"),
            .init(id: "presse missed MISC: b", expected: "«traité de Lisbonne» MISC", found: ""),
            .init(id: "presse spurious PER: c", expected: "", found: "«passe» PER"),
            .init(id: "histoire spurious MISC: e", expected: "", found: "«né» MISC"),
        ]
        #expect(report.mismatches == expected)
        let limited = try Press.report(mismatchesPerCategory: 1)
        #expect(limited.mismatches.map(\.id) == expected.map(\.id).enumerated().filter { $0.offset != 1 }.map(\.element))
        #expect(try Press.report(mismatchesPerCategory: 0).mismatches.isEmpty)
    }

    @Test func nothingToScore() {
        let empty = EntityEvaluationData(path: "vide.jsonl", name: "vide", sentences: [])
        let report = EntityEvaluator { _ in [] }.evaluate([empty])
        #expect(report.items == 0)
        #expect(report.entries.count == 9)
        #expect(matches(report, "vide strict") == counts(0, 0, 0))
        #expect(report.mismatches.isEmpty)
        #expect(EntityEvaluator { _ in [] }.evaluate([]).entries.isEmpty)
    }

    @Test func spansOutsideTheTextDoNotTrap() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let data = try EntityEvaluationData.load(path: try write([Press.lines[4]], named: "curie.jsonl", in: directory))
        let found: [(span: TextSpan, kind: EntityKind)] = [
            (TextSpan(start: 500, end: 900), .person), (TextSpan(start: -3, end: 2), .person),
        ]
        let report = EntityEvaluator { _ in found }.evaluate([data])
        // The second touches the ignored "Jean et Marie Curie"; the first is spurious.
        #expect(matches(report, "curie strict") == counts(0, 1, 1))
        #expect(report.mismatches.map(\.id) == ["curie missed LOC: d", "curie spurious PER: d"])
    }
}
