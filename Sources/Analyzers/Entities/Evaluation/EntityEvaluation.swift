import CorpusKit

/// Scores a named-entity recogniser against the gold files read by ``EntityEvaluationData``.
///
/// Each sentence's text is given to the recogniser and the entities it returns are compared with the gold
/// entities of the sentence. Scoring is flat, CoNLL-style: gold entities marked `nested` or `discontinuous` are
/// ignored, and a prediction that overlaps one of them is not counted as a false positive (a flat recogniser
/// that finds the inner name of "le traité de Lisbonne" is not wrong, only not scored). Gold types map
/// `PER` → ``CorpusKit/EntityKind/person``, `LOC` → ``CorpusKit/EntityKind/location``,
/// `ORG` → ``CorpusKit/EntityKind/organization``, `MISC` → ``CorpusKit/EntityKind/misc``. Each prediction
/// matches at most one gold entity and each gold entity at most one prediction.
///
/// The report (task `entities`) has, for each dataset `D` (the file name without extension) and then for each
/// genre `G` of that dataset (when the sentences have more than one genre), these ``CorpusKit/MatchCounts``
/// lines, the scope being `D` or `D G` (`sequoia-ner annodis.er (L'Est Républicain)`):
///
/// - `<scope> strict`: same span and same type;
/// - `<scope> strict without MISC`: the same with gold `MISC` entities and predicted ``CorpusKit/EntityKind/misc``
///   removed, for recognisers that have no such class;
/// - `<scope> lenient type (type or alt)`: same span, and the type is the gold `type` or its `alt`;
/// - `<scope> overlap`: the spans share at least one byte and the types are the same;
/// - `<scope> untyped`: same span, whatever the types;
/// - `<scope> strict PER`, `strict LOC`, `strict ORG`, `strict MISC`: strict, for one type.
///
/// Predictions of other kinds than the four count as false positives of the `strict`, `without MISC`,
/// `lenient` and `overlap` lines and of no per-type line.
///
/// The mismatches (the first ``mismatchesPerCategory`` of each category and dataset, in file order, grouped by
/// category) explain the strict errors of each sentence: `wrong type` (same span), `wrong boundary` (overlapping
/// spans, same type), `wrong boundary and type`, `missed PER`… (a gold entity with nothing overlapping it) and
/// `spurious LOC`… (a prediction overlapping no gold entity).
///
/// - Complexity: O(n) in the size of the gold data and of the predictions, apart from sorting the unmatched
///   entities of each sentence for the overlap tests.
public struct EntityEvaluator: Sendable {
    /// Finds the entities of a text: UTF-8 spans into that text, with their kinds.
    public typealias Extract = @Sendable (String) -> [(span: TextSpan, kind: EntityKind)]

    /// The recogniser under test.
    public var extract: Extract
    /// How many mismatches to keep per category and dataset, for `--explain`.
    public var mismatchesPerCategory: Int

    /// Creates an evaluator of the given recogniser.
    /// - Parameters:
    ///   - mismatchesPerCategory: How many mismatches to keep per category and dataset.
    ///   - extract: The recogniser: given a sentence, its entities.
    public init(mismatchesPerCategory: Int = 10, extract: @escaping Extract) {
        self.mismatchesPerCategory = mismatchesPerCategory
        self.extract = extract
    }

    /// The kinds scored one by one, in report order, with the labels of the gold files.
    static let scoredKinds: [(kind: EntityKind, label: String)] = [
        (.person, "PER"), (.location, "LOC"), (.organization, "ORG"), (.misc, "MISC"),
    ]

    /// What the genres of the gold files are, so that the report says which line is news.
    static let genreDescriptions: [String: String] = [
        "annodis.er": "L'Est Républicain",
        "Europar.550": "European Parliament debates",
        "frwiki": "French Wikipedia",
        "emea-fr-dev": "EMEA medicine leaflets",
        "emea-fr-test": "EMEA medicine leaflets",
        "enp_FR.bnf": "BnF historical newspapers, OCR",
    ]

    /// Scores the recogniser on every file.
    /// - Parameter files: Gold files, in the order their scores should be shown.
    /// - Returns: The report: task `entities`, dataset the file paths, items the number of sentences, the lines
    ///   described in ``EntityEvaluator`` and the mismatches.
    public func evaluate(_ files: [EntityEvaluationData]) -> EvaluationReport {
        var report = EvaluationReport(task: "entities", dataset: files.map(\.path).joined(separator: ", "))
        for file in files {
            var total = Tally()
            var byGenre: [String: Tally] = [:]
            var genres: [String] = []
            var mismatches = MismatchCollector(limit: mismatchesPerCategory)
            for sentence in file.sentences {
                let found = extract(sentence.text)
                let tally = Self.score(sentence, found: found) { category, expected, found in
                    mismatches.add(category, id: "\(file.name) \(category): \(sentence.id)", expected, found)
                }
                total += tally
                if let genre = sentence.genre {
                    if byGenre[genre] == nil { genres.append(genre) }
                    byGenre[genre, default: Tally()] += tally
                }
            }
            report.items += file.sentences.count
            report.entries += Self.entries(scope: file.name, total)
            // One genre covering the whole file would only repeat the file's lines.
            let oneGenreForAll = genres.count == 1 && file.sentences.allSatisfy { $0.genre != nil }
            if !oneGenreForAll {
                for genre in genres {
                    let label = Self.genreDescriptions[genre].map { "\(genre) (\($0))" } ?? genre
                    report.entries += Self.entries(scope: "\(file.name) \(label)", byGenre[genre] ?? Tally())
                }
            }
            report.mismatches += mismatches.sorted()
        }
        return report
    }

    // MARK: - Counting

    /// The counts of every line for some sentences; they add up.
    struct Tally {
        var strict = MatchCounts()
        var withoutMisc = MatchCounts()
        var lenient = MatchCounts()
        var overlap = MatchCounts()
        var untyped = MatchCounts()
        var byKind: [EntityKind: MatchCounts] = [:]

        static func += (lhs: inout Tally, rhs: Tally) {
            lhs.strict += rhs.strict
            lhs.withoutMisc += rhs.withoutMisc
            lhs.lenient += rhs.lenient
            lhs.overlap += rhs.overlap
            lhs.untyped += rhs.untyped
            for (kind, counts) in rhs.byKind { lhs.byKind[kind, default: MatchCounts()] += counts }
        }
    }

    /// The report lines of one scope, in the order documented on ``EntityEvaluator``.
    static func entries(scope: String, _ tally: Tally) -> [EvaluationReport.Entry] {
        var lines: [(String, MatchCounts)] = [
            ("strict", tally.strict), ("strict without MISC", tally.withoutMisc),
            ("lenient type (type or alt)", tally.lenient), ("overlap", tally.overlap), ("untyped", tally.untyped),
        ]
        for (kind, name) in scoredKinds { lines.append(("strict \(name)", tally.byKind[kind] ?? MatchCounts())) }
        return lines.map { .init(name: "\(scope) \($0.0)", score: .matches($0.1)) }
    }

    /// The gold label of a kind (`PER`), or its name for kinds the gold files do not use.
    static func label(_ kind: EntityKind) -> String {
        scoredKinds.first { $0.kind == kind }?.label ?? kind.rawValue
    }

    private struct TypedSpan: Hashable {
        var span: TextSpan
        var kind: EntityKind
    }

    /// Scores one sentence.
    /// - Parameters:
    ///   - sentence: The gold sentence.
    ///   - found: What the recogniser returned for its text.
    ///   - mismatch: Receives each strict error: category, expected and found descriptions (one of them empty
    ///     for a missed or spurious entity).
    /// - Returns: The counts of every line.
    static func score(
        _ sentence: EntityEvaluationData.Sentence, found: [(span: TextSpan, kind: EntityKind)],
        mismatch: (String, String, String) -> Void
    ) -> Tally {
        let text = sentence.text
        let gold = sentence.entities.filter(\.isScored)
        let ignored = sentence.entities.filter { !$0.isScored }
        let predicted = found.map { TypedSpan(span: $0.span, kind: $0.kind) }

        // Predictions touching an ignored entity are excused from being false positives; those that are exactly
        // an ignored entity are right (a nested name), so they are not even offered as explanations of errors.
        var excused = [Bool](repeating: false, count: predicted.count)
        var isIgnoredEntity = [Bool](repeating: false, count: predicted.count)
        if !ignored.isEmpty {
            let length = text.utf8.count
            func clamp(_ offset: Int) -> Int { min(max(offset, 0), length) }
            // Bytes covered by an ignored entity, as a prefix count, so that each test is O(1).
            var delta = [Int](repeating: 0, count: length + 1)
            for entity in ignored {
                let start = clamp(entity.span.start), end = clamp(entity.span.end)
                guard start < end else { continue }
                delta[start] += 1
                delta[end] -= 1
            }
            var coveredBefore = [Int](repeating: 0, count: length + 1)
            var depth = 0
            for offset in 0..<length {
                depth += delta[offset]
                coveredBefore[offset + 1] = coveredBefore[offset] + (depth > 0 ? 1 : 0)
            }
            let ignoredSpans = Set(ignored.map(\.span))
            for (index, prediction) in predicted.enumerated() {
                let start = clamp(prediction.span.start), end = max(start, clamp(prediction.span.end))
                excused[index] = coveredBefore[end] > coveredBefore[start]
                isIgnoredEntity[index] = ignoredSpans.contains(prediction.span)
            }
        }

        var tally = Tally()

        // Strict, and from it the per-kind and without-MISC lines: a strict match never crosses kinds.
        var goldByKey: [TypedSpan: [Int]] = [:]
        for (index, entity) in gold.enumerated().reversed() {
            goldByKey[TypedSpan(span: entity.span, kind: entity.kind), default: []].append(index)
        }
        var goldMatched = [Bool](repeating: false, count: gold.count)
        var predictionMatched = [Bool](repeating: false, count: predicted.count)
        for (index, prediction) in predicted.enumerated() {
            // Lists are reversed, so popping takes the first gold entity of the key.
            if let match = goldByKey[prediction]?.popLast() {
                goldMatched[match] = true
                predictionMatched[index] = true
                tally.byKind[prediction.kind, default: MatchCounts()].truePositives += 1
            } else if !excused[index] {
                tally.byKind[prediction.kind, default: MatchCounts()].falsePositives += 1
            }
        }
        for (index, entity) in gold.enumerated() where !goldMatched[index] {
            tally.byKind[entity.kind, default: MatchCounts()].falseNegatives += 1
        }
        for (kind, counts) in tally.byKind {
            tally.strict += counts
            if kind != .misc { tally.withoutMisc += counts }
        }

        // Untyped: spans only.
        var goldSpans: [TextSpan: Int] = [:]
        for entity in gold { goldSpans[entity.span, default: 0] += 1 }
        for (index, prediction) in predicted.enumerated() {
            if let left = goldSpans[prediction.span], left > 0 {
                goldSpans[prediction.span] = left - 1
                tally.untyped.truePositives += 1
            } else if !excused[index] {
                tally.untyped.falsePositives += 1
            }
        }
        tally.untyped.falseNegatives = gold.count - tally.untyped.truePositives

        tally.lenient = lenientCounts(gold: gold, predicted: predicted, excused: excused)
        tally.overlap = overlapCounts(gold: gold, predicted: predicted, excused: excused)

        explain(
            text: text, gold: gold, predicted: predicted,
            unmatchedGold: gold.indices.filter { !goldMatched[$0] },
            unmatchedPredictions: predicted.indices.filter { !predictionMatched[$0] && !isIgnoredEntity[$0] },
            excused: excused, mismatch: mismatch)
        return tally
    }

    /// Same span, type equal to the gold `type` or `alt`. Entities of one span are matched as a bipartite graph
    /// (a span rarely holds more than two gold entities), so that `ORG (alt LOC)` and `ORG` at one span both
    /// match predictions `LOC` and `ORG`.
    private static func lenientCounts(
        gold: [EntityEvaluationData.GoldEntity], predicted: [TypedSpan], excused: [Bool]
    ) -> MatchCounts {
        var goldAtSpan: [TextSpan: [Int]] = [:]
        for (index, entity) in gold.enumerated() { goldAtSpan[entity.span, default: []].append(index) }
        var predictionsAtSpan: [TextSpan: [Int]] = [:]
        var spans: [TextSpan] = []
        for (index, prediction) in predicted.enumerated() where goldAtSpan[prediction.span] != nil {
            if predictionsAtSpan[prediction.span] == nil { spans.append(prediction.span) }
            predictionsAtSpan[prediction.span, default: []].append(index)
        }
        var matched = [Bool](repeating: false, count: predicted.count)
        var hits = 0
        for span in spans {
            let golds = goldAtSpan[span] ?? [], predictions = predictionsAtSpan[span] ?? []
            let pairs = maximumMatching(left: predictions.count, right: golds.count) { p, g in
                let entity = gold[golds[g]], kind = predicted[predictions[p]].kind
                return entity.kind == kind || entity.alternativeKind == kind
            }
            for p in pairs { matched[predictions[p]] = true }
            hits += pairs.count
        }
        let misses = predicted.indices.filter { !matched[$0] && !excused[$0] }.count
        return MatchCounts(truePositives: hits, falsePositives: misses, falseNegatives: gold.count - hits)
    }

    /// Maximum bipartite matching by augmenting paths (Kuhn).
    /// - Returns: The left vertices that are matched.
    private static func maximumMatching(left: Int, right: Int, accepts: (Int, Int) -> Bool) -> [Int] {
        var leftOfRight = [Int?](repeating: nil, count: right)
        var seen = [Bool](repeating: false, count: right)
        func augment(_ l: Int) -> Bool {
            for r in 0..<right where !seen[r] && accepts(l, r) {
                seen[r] = true
                if let other = leftOfRight[r] {
                    guard augment(other) else { continue }
                }
                leftOfRight[r] = l
                return true
            }
            return false
        }
        for l in 0..<left {
            for r in 0..<right { seen[r] = false }
            _ = augment(l)
        }
        return leftOfRight.compactMap { $0 }
    }

    /// Same type, spans sharing at least one byte; entities of each kind are matched in text order.
    private static func overlapCounts(
        gold: [EntityEvaluationData.GoldEntity], predicted: [TypedSpan], excused: [Bool]
    ) -> MatchCounts {
        var goldByKind: [EntityKind: [TextSpan]] = [:]
        for entity in gold { goldByKind[entity.kind, default: []].append(entity.span) }
        var predictionsByKind: [EntityKind: [Int]] = [:]
        for (index, prediction) in predicted.enumerated() {
            predictionsByKind[prediction.kind, default: []].append(index)
        }
        var hits = 0
        var matched = [Bool](repeating: false, count: predicted.count)
        for (kind, indices) in predictionsByKind {
            guard let spans = goldByKind[kind] else { continue }
            let pairs = overlappingPairs(spans, indices.map { predicted[$0].span })
            for (_, p) in pairs { matched[indices[p]] = true }
            hits += pairs.count
        }
        let misses = predicted.indices.filter { !matched[$0] && !excused[$0] }.count
        return MatchCounts(truePositives: hits, falsePositives: misses, falseNegatives: gold.count - hits)
    }

    /// Pairs of overlapping spans, each span in at most one pair, found by walking both lists in text order
    /// (optimal when the spans of each list do not overlap each other, as flat annotations do).
    /// - Returns: Index pairs (into `first`, into `second`).
    /// - Complexity: O(n log n) for sorting, then O(n).
    static func overlappingPairs(_ first: [TextSpan], _ second: [TextSpan]) -> [(Int, Int)] {
        let a = first.indices.sorted { first[$0] < first[$1] }
        let b = second.indices.sorted { second[$0] < second[$1] }
        var pairs: [(Int, Int)] = []
        var i = 0, j = 0
        while i < a.count && j < b.count {
            let x = first[a[i]], y = second[b[j]]
            if x.isEmpty || x.end <= y.start {
                i += 1
            } else if y.isEmpty || y.end <= x.start {
                j += 1
            } else {
                pairs.append((a[i], b[j]))
                i += 1
                j += 1
            }
        }
        return pairs
    }

    // MARK: - Explaining

    /// Classifies the strict errors of a sentence: same span first (wrong type), then overlaps (wrong boundary),
    /// then what is left (missed, spurious).
    private static func explain(
        text: String, gold: [EntityEvaluationData.GoldEntity], predicted: [TypedSpan], unmatchedGold: [Int],
        unmatchedPredictions: [Int], excused: [Bool], mismatch: (String, String, String) -> Void
    ) {
        guard !unmatchedGold.isEmpty || !unmatchedPredictions.isEmpty else { return }
        func expected(_ entity: EntityEvaluationData.GoldEntity) -> String {
            var description = "«\(entity.surface)» \(label(entity.kind))"
            if let alternative = entity.alternativeKind { description += " (or \(label(alternative)))" }
            return description
        }
        func found(_ prediction: TypedSpan) -> String {
            "«\(prediction.span.substring(of: text))» \(label(prediction.kind))"
        }
        var usedPrediction = [Bool](repeating: false, count: predicted.count)
        var explainedGold = [Bool](repeating: false, count: gold.count)

        var atSpan: [TextSpan: [Int]] = [:]
        for index in unmatchedPredictions.reversed() { atSpan[predicted[index].span, default: []].append(index) }
        for index in unmatchedGold {
            guard let prediction = atSpan[gold[index].span]?.popLast() else { continue }
            usedPrediction[prediction] = true
            explainedGold[index] = true
            mismatch("wrong type", expected(gold[index]), found(predicted[prediction]))
        }

        let goldLeft = unmatchedGold.filter { !explainedGold[$0] }
        let predictionsLeft = unmatchedPredictions.filter { !usedPrediction[$0] }
        for (g, p) in overlappingPairs(goldLeft.map { gold[$0].span }, predictionsLeft.map { predicted[$0].span }) {
            let entity = gold[goldLeft[g]], prediction = predicted[predictionsLeft[p]]
            explainedGold[goldLeft[g]] = true
            usedPrediction[predictionsLeft[p]] = true
            let category = entity.kind == prediction.kind ? "wrong boundary" : "wrong boundary and type"
            mismatch(category, expected(entity), found(prediction))
        }

        for index in unmatchedGold where !explainedGold[index] {
            mismatch("missed \(label(gold[index].kind))", expected(gold[index]), "")
        }
        for index in unmatchedPredictions where !usedPrediction[index] && !excused[index] {
            mismatch("spurious \(label(predicted[index].kind))", "", found(predicted[index]))
        }
    }

    /// Keeps the first mismatches of each category, then lists them category by category.
    private struct MismatchCollector {
        let limit: Int
        var kept: [(category: String, mismatch: EvaluationReport.Mismatch)] = []
        var counts: [String: Int] = [:]

        init(limit: Int) { self.limit = limit }

        mutating func add(_ category: String, id: String, _ expected: String, _ found: String) {
            let count = counts[category, default: 0]
            guard count < limit else { return }
            counts[category] = count + 1
            kept.append((category, .init(id: id, expected: expected, found: found)))
        }

        /// Errors of boundaries and types first, then missed, then spurious entities, each in the order of
        /// ``EntityEvaluator/scoredKinds``; within a category, in file order.
        func sorted() -> [EvaluationReport.Mismatch] {
            var rank: [String: Int] = ["wrong type": 0, "wrong boundary": 1, "wrong boundary and type": 2]
            for (position, scored) in EntityEvaluator.scoredKinds.enumerated() {
                rank["missed \(scored.label)"] = 10 + position
                rank["spurious \(scored.label)"] = 20 + position
            }
            // Categories of kinds the gold does not use come last, by name.
            func key(_ item: (offset: Int, element: (category: String, mismatch: EvaluationReport.Mismatch)))
                -> (Int, String, Int)
            {
                let position = rank[item.element.category]
                return (position ?? 30, position == nil ? item.element.category : "", item.offset)
            }
            return kept.enumerated().sorted { key($0) < key($1) }.map(\.element.mismatch)
        }
    }
}
