import CorpusKit

/// Scores a quotation extractor against the gold files read by ``QuoteEvaluationData``.
///
/// Each document's text is given to the extractor and the quotes it returns are compared with the gold quotes of
/// the document.
///
/// **Measuring a quote.** Every fragment, gold or predicted, is first trimmed at both ends of white space
/// (including the no-break spaces French puts inside guillemets), quote marks (`"` `'` `«` `»` `“` `”` `„` `‟`
/// `‘` `’` `‚` `‛` `‹` `›`) and dashes (`-` `‒` `–` `—` `―`): annotators and extractors disagree on whether the
/// dialogue dash and the guillemets belong to the quote, and that choice says nothing about finding the speech.
/// Only the ends are trimmed; marks inside a fragment count. Fragments that trim to nothing are dropped, and
/// overlapping fragments of one quote are merged so that no character counts twice. Lengths count Unicode scalars
/// (code points, the unit of the gold offsets), not UTF-8 bytes, so that an accented letter weighs as much as an
/// unaccented one; a span that cuts a scalar counts the scalars whose first byte it covers.
///
/// **Matching.** A prediction and a gold quote share the characters covered by a fragment of each (summed over
/// all pairs of fragments). They match at a threshold of *t*% when the shared characters are at least *t*% of
/// the gold quote's length **and** at least *t*% of the predicted quote's length, so that neither a prediction
/// swallowing a paragraph nor a scrap of a long quote matches. Matching is one to one and greedy in text order:
/// predictions are taken by where they start, and each takes the unmatched gold quote it shares the most
/// characters with among those meeting the threshold (the first in text order on a tie). A quote of length zero
/// after trimming matches nothing.
///
/// The report (task `quotes`) has, for each dataset `D` (the file name without extension), these lines:
///
/// - `D quotes ≥30% overlap`, `D quotes ≥80% overlap` (``CorpusKit/MatchCounts``): the matchings above, made
///   independently at each threshold;
/// - `D quotes exact` (``CorpusKit/MatchCounts``): the trimmed fragments of the prediction are exactly those of
///   the gold quote;
/// - `D quotes fragments` (``CorpusKit/AccuracyCounts``): over gold quotes of two fragments or more (a quote
///   interrupted by an incise such as `, a-t-il dit,`), those matched at 30% by a prediction with as many
///   fragments;
/// - `D speaker accuracy` (``CorpusKit/AccuracyCounts``): over gold quotes that have a speaker and are matched at
///   30%, those whose speaker is right. When both the gold and the prediction place the speaker in the text, the
///   spans must overlap (a pronoun or a repeated name elsewhere is another mention, so position decides);
///   otherwise the predicted speaker text (``Predicted/speakerText``, or the text of its span) must equal the gold
///   speaker text once case, accents, apostrophes, hyphens and spacing are folded;
/// - `D speaker given` (``CorpusKit/AccuracyCounts``): over all gold quotes matched at 30%, those whose
///   prediction names a speaker at all, to tell a wrong speaker from a missing one.
///
/// The mismatches (the first ``mismatchesPerCategory`` of each category and dataset, in file order, grouped by
/// category) are `missed quote` (a gold quote not matched at 30%, with the prediction overlapping it most, if
/// any), `spurious quote` (a prediction not matched at 30%, with the gold quote overlapping it most, if any) and
/// `wrong speaker`. Quotes are shown shortened to about 70 characters.
///
/// - Complexity: O(n) in the size of the texts, gold data and predictions, plus the pairs of gold and predicted
///   quotes whose extents overlap (a few per quote unless quotes nest deeply) and the sorting of the quotes of each
///   document.
public struct QuoteEvaluator: Sendable {
    /// One quote found by an extractor.
    public struct Predicted: Sendable, Hashable {
        /// The quote's fragments: UTF-8 spans into the text given to the extractor, one per piece of a quote
        /// interrupted by an incise.
        public var fragments: [TextSpan]
        /// Where the extractor found the speaker mentioned, when it places it in the text.
        public var speaker: TextSpan?
        /// The speaker's name as the extractor gives it, when it names one (used when a span cannot decide).
        public var speakerText: String?

        /// Creates a predicted quote.
        /// - Parameters:
        ///   - fragments: The quote's UTF-8 spans, in any order.
        ///   - speaker: The span of the speaker mention, if any.
        ///   - speakerText: The speaker's name, if any.
        public init(fragments: [TextSpan], speaker: TextSpan? = nil, speakerText: String? = nil) {
            self.fragments = fragments
            self.speaker = speaker
            self.speakerText = speakerText
        }
    }

    /// Finds the quotes of a text.
    public typealias Extract = @Sendable (String) -> [Predicted]

    /// The extractor under test.
    public var extract: Extract
    /// How many mismatches to keep per category and dataset, for `--explain`.
    public var mismatchesPerCategory: Int

    /// Creates an evaluator of the given extractor.
    /// - Parameters:
    ///   - mismatchesPerCategory: How many mismatches to keep per category and dataset.
    ///   - extract: The extractor: given a document's text, its quotes.
    public init(mismatchesPerCategory: Int = 10, extract: @escaping Extract) {
        self.mismatchesPerCategory = mismatchesPerCategory
        self.extract = extract
    }

    /// The two overlap thresholds, in percent.
    static let looseThreshold = 30
    static let strictThreshold = 80

    /// How long a quote may be in a mismatch before it is shortened.
    static let shownLength = 70

    /// Scores the extractor on every file.
    /// - Parameter files: Gold files, in the order their scores should be shown.
    /// - Returns: The report: task `quotes`, dataset the file paths, items the number of documents, the lines
    ///   described in ``QuoteEvaluator`` and the mismatches.
    public func evaluate(_ files: [QuoteEvaluationData]) -> EvaluationReport {
        var report = EvaluationReport(task: "quotes", dataset: files.map(\.path).joined(separator: ", "))
        for file in files {
            var total = Tally()
            var mismatches = MismatchCollector(limit: mismatchesPerCategory)
            for document in file.documents {
                let found = extract(document.text)
                total += Self.score(document, found: found) { category, expected, found in
                    mismatches.add(category, id: "\(file.name) \(category): \(document.id)", expected, found)
                }
            }
            report.items += file.documents.count
            report.entries += Self.entries(dataset: file.name, total)
            report.mismatches += mismatches.all
        }
        return report
    }

    // MARK: - Counting

    /// The counts of every line for some documents; they add up.
    struct Tally {
        var loose = MatchCounts()
        var strict = MatchCounts()
        var exact = MatchCounts()
        var fragments = AccuracyCounts()
        var speaker = AccuracyCounts()
        var speakerGiven = AccuracyCounts()

        static func += (lhs: inout Tally, rhs: Tally) {
            lhs.loose += rhs.loose
            lhs.strict += rhs.strict
            lhs.exact += rhs.exact
            lhs.fragments += rhs.fragments
            lhs.speaker += rhs.speaker
            lhs.speakerGiven += rhs.speakerGiven
        }
    }

    /// The report lines of one dataset, in the order documented on ``QuoteEvaluator``.
    static func entries(dataset: String, _ tally: Tally) -> [EvaluationReport.Entry] {
        [
            .init(name: "\(dataset) quotes ≥\(looseThreshold)% overlap", score: .matches(tally.loose)),
            .init(name: "\(dataset) quotes ≥\(strictThreshold)% overlap", score: .matches(tally.strict)),
            .init(name: "\(dataset) quotes exact", score: .matches(tally.exact)),
            .init(name: "\(dataset) quotes fragments", score: .accuracy(tally.fragments)),
            .init(name: "\(dataset) speaker accuracy", score: .accuracy(tally.speaker)),
            .init(name: "\(dataset) speaker given", score: .accuracy(tally.speakerGiven)),
        ]
    }

    /// Scores one document.
    /// - Parameters:
    ///   - document: The gold document.
    ///   - found: What the extractor returned for its text.
    ///   - mismatch: Receives each error: category, expected and found descriptions.
    /// - Returns: The counts of every line.
    static func score(
        _ document: QuoteEvaluationData.Document, found: [Predicted], mismatch: (String, String, String) -> Void
    ) -> Tally {
        var tally = Tally()
        guard !document.quotes.isEmpty || !found.isEmpty else { return tally }
        let measure = TextMeasure(document.text)
        let gold = document.quotes.map { measure.shape($0.fragments) }
        let predicted = found.map { measure.shape($0.fragments) }

        let loose = matching(gold: gold, predicted: predicted, percent: looseThreshold, measure: measure)
        let strict = matching(gold: gold, predicted: predicted, percent: strictThreshold, measure: measure)
        tally.loose = loose.counts
        tally.strict = strict.counts

        // Exact: the trimmed fragments as a multiset key; quotes that trim to nothing are unmatched on each side.
        let goldKeys = gold.filter { $0.length > 0 }.map(\.fragments)
        let predictedKeys = predicted.filter { $0.length > 0 }.map(\.fragments)
        tally.exact = MatchCounts(predicted: predictedKeys, gold: goldKeys)
        tally.exact.falseNegatives += gold.count - goldKeys.count
        tally.exact.falsePositives += predicted.count - predictedKeys.count

        for (index, quote) in document.quotes.enumerated() {
            let partner = loose.goldPartner[index]
            if gold[index].fragments.count >= 2 {
                let split = partner.map { predicted[$0].fragments.count == gold[index].fragments.count }
                tally.fragments.record(split ?? false)
            }
            guard let partner else { continue }
            let prediction = found[partner]
            let given = prediction.speaker != nil || prediction.speakerText != nil
            tally.speakerGiven.record(given)
            guard quote.hasSpeaker else { continue }
            let right = speakerIsRight(prediction, quote, measure: measure, text: document.text)
            tally.speaker.record(right)
            if !right {
                let expected = "«\(shortened(quote.text))» — speaker «\(shortened(quote.speakerText ?? ""))»"
                let said = prediction.speakerText
                    ?? prediction.speaker.map { String(measure.clamped($0).substring(of: document.text)) }
                mismatch("wrong speaker", expected, said.map { "speaker «\(shortened($0))»" } ?? "no speaker")
            }
        }

        func written(_ prediction: Predicted) -> String {
            shortened(text(of: prediction, in: document.text, measure: measure))
        }
        for (index, quote) in document.quotes.enumerated() where loose.goldPartner[index] == nil {
            let closest = loose.goldClosest[index].map { "partly «\(written(found[$0]))»" }
            mismatch("missed quote", "«\(shortened(quote.text))»", closest ?? "")
        }
        for (index, prediction) in found.enumerated() where loose.predictionPartner[index] == nil {
            let closest = loose.predictionClosest[index].map { "partly «\(shortened(document.quotes[$0].text))»" }
            mismatch("spurious quote", closest ?? "", "«\(written(prediction))»")
        }
        return tally
    }

    /// Whether a prediction names the gold speaker: by overlapping spans when both have one, otherwise by folded
    /// text.
    static func speakerIsRight(
        _ prediction: Predicted, _ quote: QuoteEvaluationData.GoldQuote, measure: TextMeasure, text: String
    ) -> Bool {
        let predictedSpan = prediction.speaker.map { measure.clamped($0) }
        if let goldSpan = quote.speaker, let predictedSpan {
            return goldSpan.overlaps(predictedSpan)
        }
        guard let goldText = quote.speakerText,
              let predictedText = prediction.speakerText ?? predictedSpan.map({ String($0.substring(of: text)) })
        else { return false }
        let folded = foldedName(goldText)
        return !folded.isEmpty && folded == foldedName(predictedText)
    }

    /// A speaker name folded for comparison: case, accents, apostrophes and hyphens as ``NameFolding`` folds them,
    /// runs of white space as one space, none at the ends.
    static func foldedName(_ name: String) -> String {
        NameFolding.folded(name).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// A predicted quote as written: its fragments joined by the elision mark. Spans are clamped first:
    /// ``CorpusKit/TextSpan/substring(of:)`` expects `start <= end`, which an extractor may not ensure.
    static func text(of prediction: Predicted, in text: String, measure: TextMeasure) -> String {
        prediction.fragments.map { String(measure.clamped($0).substring(of: text)) }.joined(separator: " […] ")
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

    // MARK: - Matching

    /// A quote as it is measured: trimmed, sorted, merged fragments and their length in scalars.
    struct Shape: Hashable {
        var fragments: [TextSpan]
        var length: Int
        /// From the start of the first fragment to the end of the last (empty when there is no fragment).
        var extent: TextSpan
    }

    /// The one-to-one matching of a document at one threshold, with the closest partner of every unmatched quote
    /// for the explanations.
    struct Matching {
        /// For each gold quote, the prediction it is matched with.
        var goldPartner: [Int?]
        /// For each prediction, the gold quote it is matched with.
        var predictionPartner: [Int?]
        /// For each gold quote, the prediction sharing the most characters with it, matched or not.
        var goldClosest: [Int?]
        /// For each prediction, the gold quote sharing the most characters with it, matched or not.
        var predictionClosest: [Int?]

        var counts: MatchCounts {
            let hits = goldPartner.lazy.filter { $0 != nil }.count
            return MatchCounts(
                truePositives: hits, falsePositives: predictionPartner.count - hits,
                falseNegatives: goldPartner.count - hits)
        }
    }

    /// Matches predictions to gold quotes greedily in text order (see ``QuoteEvaluator``).
    static func matching(gold: [Shape], predicted: [Shape], percent: Int, measure: TextMeasure) -> Matching {
        var result = Matching(
            goldPartner: Array(repeating: nil, count: gold.count),
            predictionPartner: Array(repeating: nil, count: predicted.count),
            goldClosest: Array(repeating: nil, count: gold.count),
            predictionClosest: Array(repeating: nil, count: predicted.count))
        var goldClosestShared = [Int](repeating: 0, count: gold.count)
        func byPosition(_ shapes: [Shape]) -> [Int] {
            shapes.indices.filter { shapes[$0].length > 0 }.sorted { a, b in
                (shapes[a].extent.start, shapes[a].extent.end, a) < (shapes[b].extent.start, shapes[b].extent.end, b)
            }
        }
        let goldOrder = byPosition(gold)
        var next = 0
        // Gold quotes that started before the current prediction ends and may still overlap it.
        var active: [Int] = []
        for p in byPosition(predicted) {
            let prediction = predicted[p]
            while next < goldOrder.count && gold[goldOrder[next]].extent.start < prediction.extent.end {
                active.append(goldOrder[next])
                next += 1
            }
            // Predictions come by start, so a gold quote ending before this one starts overlaps no later one.
            active.removeAll { gold[$0].extent.end <= prediction.extent.start }
            var best: Int?
            var bestShared = 0
            var closestShared = 0
            for g in active where gold[g].extent.start < prediction.extent.end {
                let shared = measure.shared(gold[g], prediction)
                guard shared > 0 else { continue }
                if shared > closestShared {
                    closestShared = shared
                    result.predictionClosest[p] = g
                }
                if shared > goldClosestShared[g] {
                    goldClosestShared[g] = shared
                    result.goldClosest[g] = p
                }
                let meets = shared * 100 >= percent * gold[g].length && shared * 100 >= percent * prediction.length
                if meets && result.goldPartner[g] == nil && shared > bestShared {
                    best = g
                    bestShared = shared
                }
            }
            if let best {
                result.goldPartner[best] = p
                result.predictionPartner[p] = best
            }
        }
        return result
    }

    // MARK: - Measuring

    /// The bytes of a document's text, with what is needed to trim fragments and count their scalars in O(1)
    /// per character trimmed.
    struct TextMeasure {
        let bytes: [UInt8]
        /// `scalarsBefore[i]`: how many scalars start in the first `i` bytes.
        let scalarsBefore: [Int]

        init(_ text: String) {
            bytes = Array(text.utf8)
            var counts = [Int](repeating: 0, count: bytes.count + 1)
            for (offset, byte) in bytes.enumerated() {
                // Continuation bytes (10xxxxxx) do not start a scalar.
                counts[offset + 1] = counts[offset] + (byte & 0xC0 == 0x80 ? 0 : 1)
            }
            scalarsBefore = counts
        }

        /// A span moved inside the text, whatever its offsets, so that no extractor output can trap.
        func clamped(_ span: TextSpan) -> TextSpan {
            let start = min(max(span.start, 0), bytes.count)
            return TextSpan(start: start, end: max(start, min(span.end, bytes.count)))
        }

        /// Scalars in `start..<end` (offsets inside the text).
        func length(_ start: Int, _ end: Int) -> Int { scalarsBefore[end] - scalarsBefore[start] }

        /// A quote's fragments, trimmed, sorted and merged, with their length.
        func shape(_ fragments: [TextSpan]) -> Shape {
            var trimmed = fragments.compactMap { trim(clamped($0)) }.sorted()
            var merged: [TextSpan] = []
            merged.reserveCapacity(trimmed.count)
            for fragment in trimmed {
                if let last = merged.last, fragment.start < last.end {
                    merged[merged.count - 1].end = max(last.end, fragment.end)
                } else {
                    merged.append(fragment)
                }
            }
            trimmed = merged
            let length = trimmed.reduce(0) { $0 + self.length($1.start, $1.end) }
            let extent = TextSpan(start: trimmed.first?.start ?? 0, end: trimmed.last?.end ?? 0)
            return Shape(fragments: trimmed, length: length, extent: extent)
        }

        /// Scalars covered by both quotes; their fragments are sorted and disjoint, so one merge walk suffices.
        func shared(_ a: Shape, _ b: Shape) -> Int {
            var i = 0, j = 0, total = 0
            while i < a.fragments.count && j < b.fragments.count {
                let x = a.fragments[i], y = b.fragments[j]
                let start = max(x.start, y.start), end = min(x.end, y.end)
                if start < end { total += length(start, end) }
                if x.end <= y.end { i += 1 } else { j += 1 }
            }
            return total
        }

        /// A span (inside the text) without the white space, quote marks and dashes at its ends; nil when nothing
        /// is left.
        func trim(_ span: TextSpan) -> TextSpan? {
            var start = span.start, end = span.end
            while start < end, case let (decoded, width)? = scalar(at: start, limit: end), Self.isTrimmed(decoded) {
                start += width
            }
            while start < end {
                // Back up over continuation bytes to the first byte of the last scalar.
                var first = end - 1
                while first > start && end - first < 4 && bytes[first] & 0xC0 == 0x80 { first -= 1 }
                guard case let (decoded, width)? = scalar(at: first, limit: end), first + width == end,
                      Self.isTrimmed(decoded)
                else { break }
                end = first
            }
            return start < end ? TextSpan(start: start, end: end) : nil
        }

        /// The scalar whose UTF-8 encoding starts at `offset` and ends by `limit`, with its width; nil when the
        /// bytes there do not start a whole scalar (a span cutting one).
        func scalar(at offset: Int, limit: Int) -> (Unicode.Scalar, Int)? {
            let lead = bytes[offset]
            if lead < 0x80 { return (Unicode.Scalar(lead), 1) }
            let width = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 0
            guard width > 0, offset + width <= limit else { return nil }
            var value = UInt32(lead) & (width == 2 ? 0x1F : width == 3 ? 0x0F : 0x07)
            for k in 1..<width {
                let byte = bytes[offset + k]
                guard byte & 0xC0 == 0x80 else { return nil }
                value = value << 6 | UInt32(byte & 0x3F)
            }
            return Unicode.Scalar(value).map { ($0, width) }
        }

        /// The quote marks and dashes trimmed from fragment ends, besides white space.
        static let trimmedMarks: Set<UInt32> = [
            0x22, 0x27, 0xAB, 0xBB, 0x2018, 0x2019, 0x201A, 0x201B, 0x201C, 0x201D, 0x201E, 0x201F, 0x2039, 0x203A,
            0x2D, 0x2012, 0x2013, 0x2014, 0x2015,
        ]

        static func isTrimmed(_ scalar: Unicode.Scalar) -> Bool {
            scalar.properties.isWhitespace || trimmedMarks.contains(scalar.value)
        }
    }

    // MARK: - Explaining

    /// Keeps the first mismatches of each category, then lists them category by category.
    private struct MismatchCollector {
        static let order = ["missed quote", "spurious quote", "wrong speaker"]
        let limit: Int
        var kept: [String: [EvaluationReport.Mismatch]] = [:]

        init(limit: Int) { self.limit = limit }

        mutating func add(_ category: String, id: String, _ expected: String, _ found: String) {
            guard kept[category, default: []].count < limit else { return }
            kept[category, default: []].append(.init(id: id, expected: expected, found: found))
        }

        /// Missed, then spurious quotes, then wrong speakers; within a category, in file order.
        var all: [EvaluationReport.Mismatch] { Self.order.flatMap { kept[$0] ?? [] } }
    }
}
