import CorpusKit

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns a news page saved as plain text into the article it holds: the standard preprocessing stage
/// (`cleaning`), run before every analyzer.
///
/// Each line of the page is judged on its own (``NoiseRules``: menus, "Lire aussi" links, share counters,
/// comment forms, newsletter and cookie text, tickers, image widgets, footers, bylines…) and then in context:
/// everything after a comments heading is comments; lines after a "Les plus lus" heading are a list; the
/// article's body runs from its first to its last paragraph of prose; the title is the headline right before
/// it, and short lines outside that region are page furniture. Repeated paragraphs are dropped (first one
/// kept) and a paragraph cut in two by an ad is re-joined. The metadata found on the page (title, date,
/// outlet, author, language) fills the article's fields the input left empty — input metadata always wins.
///
/// ```swift
/// let page = PageCleaner().clean("Accueil | Monde\nLe sommet s’ouvre à Rabat\nLes délégués …")
/// page.body            // the article's own text, one paragraph per line
/// page.report.removed  // every removed line with its reason
/// ```
///
/// Turn it off with `Pipeline(registry:selecting:preprocessing: false)` (`corpus-tool analyze --no-clean`), or
/// register your own stage under the id `cleaning` with ``CorpusKit/AnalyzerRegistry/replace(withPreprocessor:)``.
public struct PageCleaner: ArticlePreprocessor {
    /// What the cleaner may do.
    public struct Options: Sendable, Hashable {
        /// Drop paragraphs that repeat an earlier one of the same page.
        public var removeRepeats: Bool
        /// Word overlap (Jaccard, 0…1) at or above which two long paragraphs count as the same.
        public var nearRepeatThreshold: Double
        /// Join a paragraph cut in two (no final punctuation, continuation in lower case after the noise).
        public var rejoinSplitParagraphs: Bool
        /// Fill the article's empty title, date, outlet, author and language from the page.
        public var fillMetadata: Bool

        /// Creates options; the defaults are what `corpus-tool` uses.
        public init(
            removeRepeats: Bool = true, nearRepeatThreshold: Double = 0.9, rejoinSplitParagraphs: Bool = true,
            fillMetadata: Bool = true
        ) {
            self.removeRepeats = removeRepeats
            self.nearRepeatThreshold = nearRepeatThreshold
            self.rejoinSplitParagraphs = rejoinSplitParagraphs
            self.fillMetadata = fillMetadata
        }
    }

    public let id: AnalyzerID
    /// What the cleaner may do.
    public var options: Options
    public var abstract: String {
        "Page cleaning: removes menus, links, share bars, comments, footers and repeats; finds title, date, outlet, author, language."
    }

    private let rules = NoiseRules()
    private let extractor = PageMetadataExtractor()

    /// Creates a cleaner.
    /// - Parameters:
    ///   - id: The stage's id; the standard one is `cleaning`.
    ///   - options: What the cleaner may do.
    public init(id: AnalyzerID = .cleaning, options: Options = Options()) {
        self.id = id
        self.options = options
    }

    /// Cleans the article's body in place and fills its empty metadata fields from the page.
    public func process(_ article: inout Article) throws -> CleaningReport {
        let page = clean(article.body)
        var report = page.report
        article.setBody(page.body)
        guard options.fillMetadata else { return report }
        let found = report.metadata
        if article.title == nil, let title = found.title {
            article.title = title.value
            report.filledFields.append("title")
        }
        if article.publishedAt == nil, let date = found.publishedAt {
            article.publishedAt = date.value
            report.filledFields.append("publishedAt")
        }
        if article.source == nil, let source = found.source {
            article.source = source.value
            report.filledFields.append("source")
        }
        if article.author == nil, let author = found.author {
            article.author = author.value
            report.filledFields.append("author")
        }
        if article.language == nil, let language = found.language, language.code != "und", language.confidence >= 0.5 {
            article.language = language.code
            report.filledFields.append("language")
        }
        return report
    }

    /// Cleans a page's text.
    /// - Parameter text: The page as plain text (normalised: `\n` line breaks).
    /// - Returns: The article's body (one paragraph per line) and the report.
    /// - Complexity: O(n) in the length of the text.
    public func clean(_ text: String) -> CleanedPage {
        var lines = readLines(text)
        decide(&lines)
        var rejoinedInto: [Int: [Int]] = [:]  // kept line → continuation lines joined to it
        if options.removeRepeats { removeRepeats(&lines, in: text) }
        if options.rejoinSplitParagraphs { rejoinedInto = rejoin(&lines) }

        let joined = Set(rejoinedInto.values.joined())
        let keptCount = lines.lazy.filter { if case .keep = $0.decision { return true } else { return false } }.count
        func location(_ line: Line) -> PageLocation {
            PageLocation(line: line.number, start: line.scalarStart, end: line.scalarEnd)
        }

        var report = CleaningReport()
        var pageLines: [PageLine] = []
        pageLines.reserveCapacity(lines.count)
        var body: [UInt8] = []
        body.reserveCapacity(text.utf8.count)
        var copy = text
        copy.withUTF8 { bytes in
            for (index, line) in lines.enumerated() {
                switch line.decision {
                case .remove(let reason):
                    report.removed.append(.init(
                        location: location(line), text: String(decoding: UnsafeBufferPointer(rebasing: bytes[line.span.start..<line.span.end]), as: UTF8.self),
                        reason: reason))
                    pageLines.append(PageLine(
                        number: line.number, span: line.span, role: .removed(reason), scalarStart: line.scalarStart))
                case .keep, .undecided:
                    pageLines.append(PageLine(
                        number: line.number, span: line.span, role: .kept, scalarStart: line.scalarStart))
                    if joined.contains(index) { continue }  // written with the paragraph it continues
                    if !body.isEmpty { body.append(0x0A) }
                    body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[line.span.start..<line.span.end]))
                    for continuation in rejoinedInto[index] ?? [] {
                        let part = lines[continuation].span
                        body.append(0x20)
                        body.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[part.start..<part.end]))
                        report.rejoined.append(location(lines[continuation]))
                    }
                }
            }
        }
        report.keptLines = keptCount - joined.count
        report.metadata = extractor.extract(from: text, lines: pageLines)

        // Never empty an article: a page where every line looks like noise is kept whole, and says so.
        if keptCount == 0 && !lines.isEmpty {
            report.keptWholePage = true
            report.keptLines = lines.count
            report.removed = []
            report.rejoined = []
            return CleanedPage(body: text, report: report)
        }
        return CleanedPage(body: String(decoding: body, as: UTF8.self), report: report)
    }

    // MARK: Lines

    private enum Decision {
        case undecided, keep
        case remove(RemovalReason)
    }

    private struct Line {
        var number: Int
        var span: TextSpan
        /// Unicode scalar offsets of the span, for report locations.
        var scalarStart: Int
        var scalarEnd: Int
        var features: LineFeatures
        var blankBefore: Bool
        var verdict: NoiseRules.Verdict?
        var decision: Decision = .undecided

        var isUndecided: Bool { if case .undecided = decision { return true } else { return false } }
        var isKept: Bool { if case .keep = decision { return true } else { return false } }
    }

    /// Splits the page into trimmed, non-blank lines with their features and context-free verdicts.
    private func readLines(_ text: String) -> [Line] {
        var lines: [Line] = []
        var copy = text
        copy.withUTF8 { bytes in
            let n = bytes.count
            var lineStart = 0
            var number = 0
            var blankBefore = false
            var scalarPosition = 0  // scalar offset of `lineStart`
            @inline(__always) func scalars(_ from: Int, _ to: Int) -> Int {
                var count = 0
                for k in from..<to where bytes[k] & 0xC0 != 0x80 { count += 1 }
                return count
            }
            var i = 0
            while i <= n {
                // The next line break, found by memchr (vectorised) rather than byte by byte.
                if i < n, let base = bytes.baseAddress {
                    if let found = memchr(base + i, 0x0A, n - i) {
                        i = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
                    } else {
                        i = n
                    }
                }
                number += 1
                let (start, end) = Self.trim(bytes, lineStart, i)
                let lineEnd = i
                defer { lineStart = lineEnd + 1 }
                i &+= 1
                if start >= end {
                    blankBefore = true
                    scalarPosition += scalars(lineStart, lineEnd) + 1
                    continue
                }
                let slice = UnsafeBufferPointer(rebasing: bytes[start..<end])
                let features = LineFeatures(slice)
                let scalarStart = scalarPosition + scalars(lineStart, start)
                let scalarEnd = scalarStart + features.scalars
                scalarPosition = scalarEnd + scalars(end, lineEnd) + 1
                var verdict: NoiseRules.Verdict?
                if end - start <= 300, let kind = extractor.lineKind(Self.substring(text, start, end)) {
                    verdict = NoiseRules.Verdict(reason: kind == .siteHeader ? .siteHeader : .byline, heading: nil)
                } else if features.words <= NoiseRules.maxWords {
                    // Phrases anywhere in the line only matter for lines of 40 words or fewer; the start is enough
                    // for the rest.
                    let limit = features.words <= NoiseRules.maxWordsForPhrases ? 600 : 64
                    verdict = rules.classify(TextFolding.folded(slice, limit: limit), features)
                }
                lines.append(Line(
                    number: number, span: TextSpan(start: start, end: end), scalarStart: scalarStart,
                    scalarEnd: scalarEnd, features: features, blankBefore: blankBefore, verdict: verdict))
                blankBefore = false
            }
        }
        return lines
    }

    /// The line `[start, end)` without surrounding spaces (ASCII, no-break, narrow no-break, BOM, zero-width).
    private static func trim(_ bytes: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Int) {
        var start = start, end = end
        while start < end {
            let b = bytes[start]
            if b == 0x20 || b == 0x09 || b == 0x0D { start += 1; continue }
            if b == 0xC2 && start + 1 < end && bytes[start + 1] == 0xA0 { start += 2; continue }
            if b == 0xE2 && start + 2 < end && bytes[start + 1] == 0x80
                && (bytes[start + 2] <= 0x8B || bytes[start + 2] == 0xAF) { start += 3; continue }
            if b == 0xEF && start + 2 < end && bytes[start + 1] == 0xBB && bytes[start + 2] == 0xBF { start += 3; continue }
            break
        }
        while end > start {
            let b = bytes[end - 1]
            if b == 0x20 || b == 0x09 || b == 0x0D { end -= 1; continue }
            if end - 2 >= start && bytes[end - 2] == 0xC2 && b == 0xA0 { end -= 2; continue }
            if end - 3 >= start && bytes[end - 3] == 0xE2 && bytes[end - 2] == 0x80 && (b <= 0x8B || b == 0xAF) {
                end -= 3
                continue
            }
            if end - 3 >= start && bytes[end - 3] == 0xEF && bytes[end - 2] == 0xBB && b == 0xBF { end -= 3; continue }
            break
        }
        return (start, end)
    }

    private static func substring(_ text: String, _ start: Int, _ end: Int) -> Substring {
        let utf8 = text.utf8
        let lower = utf8.index(utf8.startIndex, offsetBy: start)
        return text[lower..<utf8.index(lower, offsetBy: end - start)]
    }

    // MARK: Decisions in context

    private func decide(_ lines: inout [Line]) {
        guard !lines.isEmpty else { return }
        let firstProse = lines.firstIndex { $0.verdict == nil && $0.features.isProse }

        // Zones opened by headings: comments run to the end of the page; lists run while lines are list-like.
        var inComments = false
        var listReason: RemovalReason?
        for index in lines.indices {
            let features = lines[index].features
            if let verdict = lines[index].verdict {
                switch verdict.heading {
                case .comments?:
                    if let firstProse, index > firstProse { inComments = true }
                case .list(let reason)?:
                    listReason = reason
                case nil:
                    if verdict.reason == .readAlso && features.endsWithColon { listReason = .readAlso }
                }
                lines[index].decision = .remove(verdict.reason)
                continue
            }
            if inComments {
                lines[index].decision = .remove(.comments)
                continue
            }
            if let reason = listReason {
                if !features.isProse && features.words <= 25 {
                    lines[index].decision = .remove(reason)
                    continue
                }
                listReason = nil
            }
        }

        guard let first = lines.firstIndex(where: { $0.isUndecided && $0.features.isProse }),
              let last = lines.lastIndex(where: { $0.isUndecided && $0.features.isProse })
        else {
            // No prose at all (a short brief, a list): keep whatever no rule removed.
            for index in lines.indices where lines[index].isUndecided { lines[index].decision = .keep }
            return
        }

        decideBeforeBody(&lines, bodyStart: first)
        for index in first...last where lines[index].isUndecided { lines[index].decision = .keep }

        // After the last paragraph: short final sentences that follow it directly stay; the rest is furniture.
        var contiguous = true
        for index in (last + 1)..<lines.count {
            guard lines[index].isUndecided else {
                contiguous = false
                continue
            }
            let features = lines[index].features
            if contiguous && features.endsWithTerminal && !features.endsWithColon && features.words >= 4 {
                lines[index].decision = .keep
            } else {
                lines[index].decision = .remove(.outsideArticle)
                contiguous = false
            }
        }
    }

    /// Before the first paragraph: the headline block closest to the body is kept (title, then standfirst);
    /// site names, section labels and slogans before it are removed. When bylines stand before the body, the
    /// headline block is the one before the last of them (a title comes before its byline), and lines of three
    /// words or more between that byline and the body (standfirst, photo caption) are kept.
    private func decideBeforeBody(_ lines: inout [Line], bodyStart: Int) {
        var lastByline = (0..<bodyStart).last { index in
            if case .remove(let reason) = lines[index].decision { return reason == .byline }
            return false
        }
        // A date line can also stand above the title: when a headline (five words or more, no sentence inside,
        // unlike a caption) lies between the last byline and the body, that is the title, found as usual.
        if let byline = lastByline,
           ((byline + 1)..<bodyStart).contains(where: {
               lines[$0].isUndecided && lines[$0].features.words >= 5 && lines[$0].features.isHeadlineLike
                   && !lines[$0].features.hasInnerSentenceEnd
           })
        {
            lastByline = nil
        }
        let headlineEnd = lastByline ?? bodyStart
        // Segments: runs of undecided lines with no removed line between them.
        var chosen: [Int] = []
        var current: [Int] = []
        func closeSegment() {
            if current.contains(where: { lines[$0].features.words >= 3 }) { chosen = current }
            current = []
        }
        for index in 0..<headlineEnd {
            if lines[index].isUndecided { current.append(index) } else { closeSegment() }
        }
        closeSegment()
        // Inside the segment, blank lines separate groups; the last group with a headline holds the title.
        var groups: [[Int]] = []
        for index in chosen {
            if groups.isEmpty || lines[index].blankBefore { groups.append([]) }
            groups[groups.count - 1].append(index)
        }
        var keep: Set<Int> = []
        if let group = groups.last(where: { $0.contains { lines[$0].features.words >= 3 } }),
           let title = group.firstIndex(where: { lines[$0].features.words >= 3 })
        {
            keep = Set(group[title...])
        }
        if let byline = lastByline {
            for index in (byline + 1)..<bodyStart where lines[index].features.words >= 3 { keep.insert(index) }
        }
        for index in 0..<bodyStart where lines[index].isUndecided {
            lines[index].decision = keep.contains(index) ? .keep : .remove(.outsideArticle)
        }
    }

    private func removeRepeats(_ lines: inout [Line], in text: String) {
        var seen = RepeatedParagraphs(nearThreshold: options.nearRepeatThreshold)
        var copy = text
        copy.withUTF8 { bytes in
            for index in lines.indices where lines[index].isKept {
                let span = lines[index].span
                if seen.isRepeat(UnsafeBufferPointer(rebasing: bytes[span.start..<span.end])) {
                    lines[index].decision = .remove(.duplicate)
                }
            }
        }
    }

    /// Finds paragraphs cut in two: a kept line of 8 words or more without final punctuation, followed (after any
    /// removed lines) by a kept line that starts in lower case.
    /// - Returns: For each kept line, the lines joined to it, in order.
    private func rejoin(_ lines: inout [Line]) -> [Int: [Int]] {
        var joins: [Int: [Int]] = [:]
        var head: Int?  // the paragraph being continued
        var tail: Int?  // its last part
        for index in lines.indices where lines[index].isKept {
            let features = lines[index].features
            if let h = head, let t = tail, features.startsLowercase, !lines[t].features.endsWithTerminal,
               lines[t].features.words >= 8 || t != h
            {
                joins[h, default: []].append(index)
                tail = index
                continue
            }
            head = index
            tail = index
        }
        return joins
    }
}

/// The result of cleaning one page.
public struct CleanedPage: Sendable, Hashable {
    /// The article's text: title, standfirst, body paragraphs and subheadings, one per line.
    public var body: String
    /// What was removed, re-joined and found.
    public var report: CleaningReport
}
