import CorpusKit

/// What kind of metadata line a page line is, as told by ``PageMetadataExtractor/lineKind(_:)``.
///
/// A line has a kind only when the whole line is metadata: a body sentence that merely contains a date
/// (`Le 14 mars, le ministre a annoncé…`) has none.
public enum MetadataLineKind: Sendable, Hashable {
    /// A byline: an author, with or without a date. `Par Karim Alaoui — Le 14/03/2024 à 18h32`, `By Jane Doe`,
    /// `By Jane Doe, Staff Writer | March 14, 2024`, `Karim Alaoui | Le 14/03/2024`, `Auteur : Karim Alaoui`,
    /// `Posted by Jane Doe on March 14, 2024 in Local News`, `Posted on March 14, 2024 by Jane Doe`,
    /// `Publié le 14 mars 2024 à 9 h 02 par Karim Alaoui`, `Par Karim Alaoui, publié le 14 mars 2024`,
    /// a person's name with an outlet (`Karim Alaoui | Le Quotidien`, `Jane Doe — The Example Post`),
    /// and house bylines alone on their line (`La Rédaction`, `AFP`). Remove it with reason
    /// ``RemovalReason/byline``.
    ///
    /// A person's name alone on its line (`Karim Alaoui`) is not a byline by itself: ``PageMetadataExtractor``
    /// takes it as the author only next to a date line (see ``PageMetadataExtractor/extract(from:lines:)``).
    case byline
    /// A date alone, bare or introduced: `Le 14/03/2024 à 18h32`, `Publié le 14 mars 2024 à 18:32`,
    /// `Publication : 14 mars 2024, 9 h 02`, `Mercredi 3 Mars 2021`, `Mardi 9 Mars 2021 - 10:48`, `date 2024-03-14`,
    /// `Mis à jour le 15/03/2024 à 09h00`, `Updated March 15, 2024`,
    /// `First published Thu 14 Mar 2024 08.30 GMT · Last modified on Thu 14 Mar 2024 10.02 GMT`, and a place with
    /// its date (`Rabat, le 14 mars 2024`). Remove it with reason ``RemovalReason/byline``.
    case dateLine
    /// An aggregator's credit line naming the original outlet: `Publié dans L'Opinion le 12 - 02 - 2021`,
    /// `Published in The Example Post on March 14, 2024`. Remove it with reason ``RemovalReason/byline``.
    case publishedIn
    /// A site-header widget: login and subscription links, weather, and the site's own date of the day
    /// (`Samedi 15 juin 2024 | Rabat 27°C | Se connecter | S'abonner`, `Subscribe | Log in`). Remove it with
    /// reason ``RemovalReason/siteHeader``; its date is a ``PageMetadata/pageDate``, never the publication date.
    case siteHeader
}

/// Finds a page's title, publication date, outlet, author and language while the page is being cleaned.
///
/// The cleaner calls ``lineKind(_:)`` on every line to recognise bylines, date lines and header widgets, then
/// hands all lines with its decisions to ``extract(from:lines:)``:
///
/// ```swift
/// let extractor = PageMetadataExtractor()
/// extractor.lineKind("Par Karim Alaoui — Le 14/03/2024 à 18h32")   // .byline
/// extractor.lineKind("Le 14 mars, le ministre a annoncé un plan.") // nil
/// let metadata = extractor.extract(from: text, lines: pageLines)
/// metadata.publishedAt?.value.iso8601                               // "2024-03-14T18:32"
/// metadata.author?.value                                            // "Karim Alaoui"
/// ```
///
/// Every value comes with where it was found (line and Unicode scalar offsets into the text before cleaning),
/// the text it came from and the name of the rule that found it.
public struct PageMetadataExtractor: Sendable {
    /// The `foundBy` name of the dates this extractor produces (``PublicationDate/Origin/text(span:foundBy:)``).
    public static let dateFinder = "page-cleaning"

    /// Lines longer than this many UTF-8 bytes are never metadata lines.
    public static let maximumMetadataLineBytes = BylineParser.maximumLineBytes

    /// Creates an extractor. It has no configuration and no state; creating one is free.
    public init() {}

    // MARK: - Line kinds

    /// Tells whether the whole line is a byline, a date line, a `Publié dans` credit or a header widget.
    ///
    /// Built to be called on every line of every page: a line longer than ``maximumMetadataLineBytes`` is
    /// rejected in O(1), a line without digits is rejected after reading its first word unless that word is a
    /// byline or widget keyword (`Par`, `By`, `Auteur`, `La`, `Rédaction`, `Se`, `Subscribe`…) or the line starts
    /// with a capital and holds a bar or a dash (`Karim Alaoui | Le Quotidien`), and the rest is read once as
    /// tokens in a stack buffer, with no allocation and no regular expression.
    ///
    /// - Parameter line: One line of the page, without its line break.
    /// - Returns: The kind of metadata line, or `nil` when any part of the line is not metadata.
    /// - Complexity: O(1) for long lines; O(n) in the line's UTF-8 length otherwise (n ≤ 200).
    public func lineKind(_ line: Substring) -> MetadataLineKind? {
        let utf8 = line.utf8
        guard !utf8.isEmpty, utf8.count <= BylineParser.maximumLineBytes else { return nil }
        if let result = utf8.withContiguousStorageIfAvailable({ BylineParser.parse($0)?.kind }) { return result }
        return Array(utf8).withUnsafeBufferPointer { BylineParser.parse($0)?.kind }
    }

    // MARK: - Extraction

    /// Extracts the page's metadata from its lines and the cleaner's decisions.
    ///
    /// - **Title**: the first kept line that looks like a headline (3–30 words, no final period, not mostly
    ///   capitals, not a metadata line) before the first long body paragraph; rule `headline`.
    /// - **Publication date**: from byline, date and `Publié dans` lines (kept, or removed as
    ///   ``RemovalReason/byline`` or ``RemovalReason/outsideArticle``). `Publié`/`published`/`posted`/
    ///   `first published`/`publication`/`date` beats a byline date, which beats a bare date, which beats
    ///   `Mis à jour`/`updated`/`last modified`; lines near the title beat lines far from it. A time (`18h32`,
    ///   `9 h 02`, `18:32`, `08.30`, `6:32 pm`) gives minute precision, a zone (`GMT`, `BST`, `CET`, `+01:00`) its
    ///   UTC offset. Rules `published-date`, `byline-date`, `date-line`, `updated-date`, `published-in`.
    /// - **Page date**: the date of a header widget, or of any line the cleaner removed as
    ///   ``RemovalReason/siteHeader`` (rule `header-date`); failing that, a bare date line above the title that
    ///   lost to the publication date (rule `header-date-line`).
    /// - **Outlet**, first found of: `Publié dans X` (`published-in`), a slogan line `X — tagline` above the title
    ///   (`slogan`), the masthead (first lines above the title) when the copyright or domain confirms it
    ///   or a footer line repeats it (`masthead`), a copyright footer `© 2024 X` (`footer-copyright`), the
    ///   outlet of a `Name | Outlet` byline accepted as such (`byline-outlet`; never an agency or a role), a `www.`
    ///   domain outside the kept text (`domain`), the domain of an e-mail address outside the kept text
    ///   (`email-domain`).
    /// - **Author**: the byline nearest the title, without its date, role (`, Staff Writer`), outlet or trailing
    ///   `avec agences`; rules `byline`, `author-label`, `byline-name`, `house-byline`. Two shapes depend on where
    ///   the line is (rule `byline-name`): `Name | Outlet` / `Name — Outlet` counts only right after the title or
    ///   right before/after a date line, before the first body paragraph; a person's name alone on its line (2–4
    ///   capitalised words, particles such as `de`, `ben`, `van der` allowed) counts only when it is right before
    ///   or after a date line (or a house byline with a date), after the title and before the first body
    ///   paragraph, and that line names no person itself. ``PageMetadata/isHouseByline`` is true when the whole
    ///   author is a house name (`La Rédaction`, `Staff`, `AFP`, `avec agences`).
    /// - **Language**: ``LanguageIdentifier`` over the kept lines.
    ///
    /// - Parameters:
    ///   - text: The page before cleaning (the normalised raw text), which the lines' spans point into.
    ///   - lines: Every line of the page in order, with the cleaner's decision. Spans outside `text` are clamped.
    /// - Returns: The metadata found; fields stay `nil` when nothing reliable was found.
    /// - Complexity: O(n) in the UTF-8 length of `text`: one pass to index scalar offsets, one short parse per
    ///   candidate line, one pass over the kept lines for the language.
    public func extract(from text: String, lines: [PageLine]) -> PageMetadata {
        // Scalar offsets come from the lines when the cleaner gives them; an index of the whole text otherwise.
        let index = lines.allSatisfy { $0.scalarStart != nil } ? nil : ScalarOffsetIndex(text)
        var copy = text
        return copy.withUTF8 { bytes -> PageMetadata in
            var builder = MetadataBuilder(bytes: bytes, index: index, lines: lines)
            return builder.build()
        }
    }
}

// MARK: - Builder

/// One non-empty line, trimmed, with the cleaner's decision.
private struct LineRecord {
    var number: Int
    var start: Int
    var end: Int
    /// Unicode scalar offset of `start`, when known from the cleaner.
    var scalarStart: Int?
    var role: PageLine.Role

    var isKept: Bool {
        if case .kept = role { return true }
        return false
    }

    func isRemoved(_ reason: RemovalReason) -> Bool {
        if case .removed(let r) = role { return r == reason }
        return false
    }
}

/// A metadata line found among the candidate lines.
private struct FoundLine {
    var record: Int
    var facts: BylineLineFacts
    /// Widget lines and lines the cleaner removed as site header: their dates are page dates.
    var isHeader: Bool
}

private struct MetadataBuilder {
    let bytes: UnsafeBufferPointer<UInt8>
    let index: ScalarOffsetIndex?
    var records: [LineRecord] = []
    var metadata = PageMetadata()
    var title: Int?
    /// Record index of the first long body paragraph (records.count when there is none).
    var bodyStart = 0
    var found: [FoundLine] = []
    /// The outlet of the `Name | Outlet` byline nearest the title among those accepted as bylines (see
    /// ``findAuthor()``): record index and line-relative byte range.
    var bylineOutlet: (record: Int, start: Int, end: Int)?

    init(bytes: UnsafeBufferPointer<UInt8>, index: ScalarOffsetIndex?, lines: [PageLine]) {
        self.bytes = bytes
        self.index = index
        let n = bytes.count
        records.reserveCapacity(lines.count)
        for line in lines {
            var start = Swift.min(Swift.max(line.span.start, 0), n)
            var end = Swift.min(Swift.max(line.span.end, start), n)
            // Trim spaces, tabs, no-break spaces and a stray BOM on both sides.
            while start < end {
                if bytes[start] == 0x20 || bytes[start] == 0x09 || bytes[start] == 0x0A || bytes[start] == 0x0D {
                    start += 1
                } else if start + 1 < end, bytes[start] == 0xC2, bytes[start + 1] == 0xA0 {
                    start += 2
                } else if start + 2 < end, bytes[start] == 0xEF, bytes[start + 1] == 0xBB, bytes[start + 2] == 0xBF {
                    start += 3
                } else {
                    break
                }
            }
            while end > start {
                let b = bytes[end - 1]
                if b == 0x20 || b == 0x09 || b == 0x0A || b == 0x0D {
                    end -= 1
                } else if end - 2 >= start, b == 0xA0, bytes[end - 2] == 0xC2 {
                    end -= 2
                } else {
                    break
                }
            }
            guard start < end else { continue }
            // Never split a scalar: move off continuation bytes (only reachable with inconsistent spans).
            while start < end, bytes[start] & 0xC0 == 0x80 { start += 1 }
            while end < n, end > start, bytes[end] & 0xC0 == 0x80 { end += 1 }
            guard start < end else { continue }
            // The scalar offset of the trimmed start, from the line's own when the cleaner gave it.
            let scalarStart = line.scalarStart.map { given in
                var count = given
                var k = Swift.min(Swift.max(line.span.start, 0), n)
                while k < start {
                    if bytes[k] & 0xC0 != 0x80 { count += 1 }
                    k += 1
                }
                return count
            }
            records.append(LineRecord(
                number: line.number, start: start, end: end, scalarStart: scalarStart, role: line.role))
        }
        bodyStart = records.count
    }

    mutating func build() -> PageMetadata {
        findTitle()
        findMetadataLines()
        findDates()
        findAuthor()
        findSource()
        findLanguage()
        return metadata
    }

    // MARK: Helpers

    func slice(_ start: Int, _ end: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[start..<end])
    }

    func string(_ start: Int, _ end: Int) -> String {
        String(decoding: slice(start, end), as: UTF8.self)
    }

    func location(_ record: LineRecord, _ start: Int, _ end: Int) -> PageLocation {
        PageLocation(line: record.number, start: scalarOffset(record, start), end: scalarOffset(record, end))
    }

    /// The scalar offset of a UTF-8 offset inside `record`: counted from the record's start when its scalar
    /// offset is known (metadata lines are short), looked up in the index otherwise.
    private func scalarOffset(_ record: LineRecord, _ offset: Int) -> Int {
        guard let base = record.scalarStart else { return index?.scalarOffset(ofUTF8Offset: offset) ?? offset }
        var count = base
        var k = record.start
        while k < offset && k < bytes.count {
            if bytes[k] & 0xC0 != 0x80 { count += 1 }
            k += 1
        }
        return count
    }

    func found<Value>(_ value: Value, _ record: LineRecord, _ start: Int, _ end: Int, rule: String)
        -> FoundValue<Value>
    {
        FoundValue(value: value, location: location(record, start, end), evidence: string(start, end), rule: rule)
    }

    /// The index of the record the title is, or where the article starts when there is no title.
    var anchor: Int { title ?? bodyStart }

    // MARK: Title

    private struct LineShape {
        var words = 0
        var upper = 0
        var lower = 0
        var lastByte: UInt8 = 0
    }

    private func shape(_ record: LineRecord) -> LineShape {
        var shape = LineShape()
        var inWord = false
        var i = record.start
        while i < record.end {
            let b = bytes[i]
            if b == 0x20 || b == 0x09 {
                inWord = false
            } else {
                if !inWord { shape.words += 1 }
                inWord = true
                if b >= 0x41 && b <= 0x5A {
                    shape.upper += 1
                } else if b >= 0x61 && b <= 0x7A {
                    shape.lower += 1
                } else if b == 0xC3, i + 1 < record.end {
                    if bytes[i + 1] < 0x9F { shape.upper += 1 } else { shape.lower += 1 }
                }
            }
            i += 1
        }
        shape.lastByte = bytes[record.end - 1]
        return shape
    }

    private mutating func findTitle() {
        for (position, record) in records.enumerated() where record.isKept {
            let shape = shape(record)
            let last = shape.lastByte
            let endsSentence = last == 0x2E || last == 0x21 || last == 0x3F || last == 0xBB || last == 0x9D
                || last == 0x22
            if shape.words > 30 || (shape.words >= 20 && endsSentence) {
                bodyStart = position
                return
            }
            if title == nil, looksLikeHeadline(record, shape) {
                title = position
                metadata.title = found(string(record.start, record.end), record, record.start, record.end, rule: "headline")
            }
        }
    }

    private func looksLikeHeadline(_ record: LineRecord, _ shape: LineShape) -> Bool {
        guard record.end - record.start <= 400, (3...30).contains(shape.words) else { return false }
        // A headline has no final period, is not shouted, and is not a list item or a metadata line.
        guard shape.lastByte != 0x2E, shape.lastByte != 0x2C, shape.lastByte != 0x3B, shape.lastByte != 0x3A
        else { return false }
        guard shape.upper + shape.lower >= 3, shape.upper <= shape.lower else { return false }
        let first = bytes[record.start]
        if first == 0x2D || first == 0x2A || first == 0x3E || first == 0x23 { return false }  // - * > #
        if first == 0xE2, record.start + 2 < record.end, bytes[record.start + 1] == 0x80,
            bytes[record.start + 2] == 0xA2 || bytes[record.start + 2] == 0xBA
        {
            return false  // • ›
        }
        var i = record.start
        while i < record.end, BylineByteClass.isDigit(bytes[i]) { i += 1 }
        if i > record.start, i + 1 < record.end, bytes[i] == 0x2E || bytes[i] == 0x29, bytes[i + 1] == 0x20 {
            return false  // `1. …`, `2) …`
        }
        return BylineParser.parse(slice(record.start, record.end)) == nil
    }

    // MARK: Metadata lines

    private mutating func findMetadataLines() {
        for (position, record) in records.enumerated() {
            let candidate =
                record.isKept || record.isRemoved(.byline) || record.isRemoved(.siteHeader)
                || record.isRemoved(.outsideArticle)
            guard candidate, record.end - record.start <= BylineParser.maximumLineBytes,
                let facts = BylineParser.parse(slice(record.start, record.end))
            else { continue }
            let isHeader = facts.kind == .siteHeader || record.isRemoved(.siteHeader)
            found.append(FoundLine(record: position, facts: facts, isHeader: isHeader))
        }
    }

    // MARK: Dates

    private func publicationDate(_ hit: BylineDateHit, _ record: LineRecord) -> PublicationDate? {
        guard let year = hit.year else { return nil }
        let span = TextSpan(start: record.start + hit.start, end: record.start + hit.end)
        return PublicationDate(
            year: year, month: hit.month, day: hit.day, hour: hit.hour, minute: hit.minute,
            utcOffsetMinutes: hit.offsetMinutes,
            origin: .text(span: span, foundBy: PageMetadataExtractor.dateFinder))
    }

    private func rule(_ hit: BylineDateHit, _ facts: BylineLineFacts) -> String {
        if facts.kind == .publishedIn && hit.role == .published { return "published-in" }
        switch hit.role {
        case .published: return "published-date"
        case .updated: return "updated-date"
        case .plain: return facts.author != nil || hit.introducedByLe ? "byline-date" : "date-line"
        }
    }

    private func score(_ hit: BylineDateHit, _ facts: BylineLineFacts, at position: Int) -> Int {
        var score: Int
        switch hit.role {
        case .published: score = 40
        case .updated: score = 15
        case .plain: score = facts.author != nil || hit.introducedByLe ? 30 : 20
        }
        if let title {
            let distance = position - title
            if distance >= -3 && distance <= 4 {
                score += 15
            } else if position < bodyStart {
                score += 5
            } else {
                score -= 10
            }
        } else {
            score += position < bodyStart ? 5 : -10
        }
        return score
    }

    private mutating func findDates() {
        var best: (score: Int, found: Int, hit: Int)?
        for (f, line) in found.enumerated() {
            let record = records[line.record]
            for (h, hit) in line.facts.dates.enumerated() where hit.year != nil {
                if line.isHeader {
                    if metadata.pageDate == nil, let date = publicationDate(hit, record) {
                        metadata.pageDate = found(
                            date, record, record.start + hit.start, record.start + hit.end, rule: "header-date")
                    }
                    continue
                }
                let value = score(hit, line.facts, at: line.record)
                if best == nil || value > best!.score { best = (value, f, h) }
            }
        }
        guard let best else { return }
        let line = found[best.found]
        let record = records[line.record]
        let hit = line.facts.dates[best.hit]
        if let date = publicationDate(hit, record) {
            metadata.publishedAt = found(
                date, record, record.start + hit.start, record.start + hit.end, rule: rule(hit, line.facts))
        }
        // A bare date line above the title that lost is the site's date of the day.
        guard metadata.pageDate == nil else { return }
        for (f, line) in found.enumerated() where f != best.found && !line.isHeader && line.record < anchor {
            guard line.facts.kind == .dateLine, let hit = line.facts.dates.first, hit.role == .plain,
                !hit.introducedByLe, line.facts.dates.count == 1
            else { continue }
            let record = records[line.record]
            if let date = publicationDate(hit, record) {
                metadata.pageDate = found(
                    date, record, record.start + hit.start, record.start + hit.end, rule: "header-date-line")
                return
            }
        }
    }

    // MARK: Author

    /// Whether the `f`-th found line has a neighbour (the record right before or after it) that is a found,
    /// non-header line with a date.
    private func isNextToDateLine(_ f: Int) -> Bool {
        let position = found[f].record
        if f > 0, found[f - 1].record == position - 1, !found[f - 1].isHeader, !found[f - 1].facts.dates.isEmpty {
            return true
        }
        if f + 1 < found.count, found[f + 1].record == position + 1, !found[f + 1].isHeader,
            !found[f + 1].facts.dates.isEmpty
        {
            return true
        }
        return false
    }

    private mutating func findAuthor() {
        var best: (distance: Int, record: Int, name: BylineNameHit)?
        var outlet: (distance: Int, found: Int)?
        for (f, line) in found.enumerated() where !line.isHeader {
            guard let name = line.facts.author else { continue }
            let distance = abs(line.record - anchor)
            // A bare name with a date after the body is a comment signature (`Hatem - 3 mars 2021 à 14h12`);
            // only `Par`/`By`/`Auteur` bylines are trusted there.
            if name.marker == .bare && line.record >= bodyStart && distance > 2 { continue }
            if name.marker == .nameOutlet {
                // `Amélie Durand | Le Courrier Picard` is the byline only right after the title or next to a date
                // line, before the body; elsewhere it is a related-article card or a menu.
                let afterTitle = title.map { line.record == $0 + 1 } ?? false
                guard line.record < bodyStart, afterTitle || isNextToDateLine(f) else { continue }
                if outlet == nil || distance < outlet!.distance { outlet = (distance, f) }
            }
            if best == nil || distance < best!.distance { best = (distance, line.record, name) }
        }
        // A person's name alone on its line, right before or after a date line, between the title and the body.
        // A byline naming its own (non-house) author next to it wins; a house byline (`Staff Reporter • …`) loses.
        if let title {
            for (f, line) in found.enumerated() where !line.isHeader && !line.facts.dates.isEmpty {
                if let own = line.facts.author, !own.isHouse { continue }
                for position in stride(from: line.record - 1, through: line.record + 1, by: 2)
                where position > title && position < bodyStart {
                    let isFound =
                        (f > 0 && found[f - 1].record == position)
                        || (f + 1 < found.count && found[f + 1].record == position)
                    let record = records[position]
                    guard !isFound, record.isKept || record.isRemoved(.byline) || record.isRemoved(.outsideArticle),
                        let range = BylineParser.personName(slice(record.start, record.end))
                    else { continue }
                    let distance = abs(position - anchor)
                    if let current = best,
                        !(distance < current.distance || (current.name.isHouse && distance <= current.distance + 1))
                    {
                        continue
                    }
                    let name = BylineNameHit(
                        marker: .bare, start: range.start, end: range.end, segmentStart: range.start,
                        segmentEnd: range.end, isHouse: false, personEnd: range.end)
                    best = (distance, position, name)
                }
            }
        }
        if let outlet, let range = found[outlet.found].facts.bylineOutlet {
            bylineOutlet = (found[outlet.found].record, range.start, range.end)
        }
        guard let best else { return }
        let name = best.name
        let record = records[best.record]
        let rule: String
        switch name.marker {
        case .par: rule = "byline"
        case .label: rule = "author-label"
        case .bare, .nameOutlet: rule = "byline-name"
        case .house: rule = "house-byline"
        }
        let value = string(record.start + name.start, record.start + (name.isHouse ? name.end : name.personEnd))
        metadata.author = found(
            value, record, record.start + name.segmentStart, record.start + name.segmentEnd, rule: rule)
        metadata.isHouseByline = name.isHouse
    }

    // MARK: Outlet

    private mutating func findSource() {
        // 1. `Publié dans X`: the original outlet, even on an aggregator's page.
        for line in found {
            guard let outlet = line.facts.outlet, let segment = line.facts.outletSegment else { continue }
            let record = records[line.record]
            metadata.source = FoundValue(
                value: string(record.start + outlet.start, record.start + outlet.end),
                location: location(record, record.start + segment.start, record.start + segment.end),
                evidence: string(record.start + segment.start, record.start + segment.end), rule: "published-in")
            return
        }
        // Footer evidence, read from the bottom: copyright name and domain, outside the kept text.
        var copyright: (record: LineRecord, start: Int, end: Int)?
        var domain: (record: LineRecord, start: Int, end: Int, wwwStart: Int)?
        var email: (record: LineRecord, start: Int, end: Int, addressStart: Int)?
        for record in records.reversed() where !record.isKept {
            let line = slice(record.start, record.end)
            if copyright == nil, let name = PageOutletParser.copyrightName(line) {
                copyright = (record, record.start + name.start, record.start + name.end)
            }
            if domain == nil, let host = PageOutletParser.domain(in: line) {
                domain = (record, record.start + host.start, record.start + host.end, record.start + host.wwwStart)
            }
            if email == nil, let host = PageOutletParser.emailDomain(in: line) {
                email = (record, record.start + host.start, record.start + host.end, record.start + host.addressStart)
            }
            if copyright != nil && domain != nil && email != nil { break }
        }
        // 2. A slogan line above the title; 3. the masthead when the footer confirms it.
        let headEnd = Swift.min(anchor, 8, records.count)
        for position in 0..<headEnd where position != title {
            let record = records[position]
            guard let name = PageOutletParser.sloganName(slice(record.start, record.end)) else { continue }
            metadata.source = found(
                string(record.start + name.start, record.start + name.end), record, record.start, record.end,
                rule: "slogan")
            return
        }
        var confirmations: [[UInt8]] = []
        if let copyright { confirmations.append(foldedLetters(copyright.start, copyright.end)) }
        for host in [domain.map { ($0.start, $0.end) }, email.map { ($0.start, $0.end) }] {
            guard let (start, hostEnd) = host else { continue }
            // The host without its top-level label: `courrierdusahel-exemple.sn` → `courrierdusahelexemple`.
            var end = hostEnd
            while end > start, bytes[end - 1] != 0x2E { end -= 1 }
            confirmations.append(foldedLetters(start, Swift.max(start, end - 1)))
        }
        for position in 0..<Swift.min(headEnd, 3) where position != title && !records[position].isKept {
            let record = records[position]
            guard PageOutletParser.isMastheadShaped(slice(record.start, record.end)) else { continue }
            let masthead = foldedLetters(record.start, record.end, dropArticle: true)
            guard masthead.count >= 4 else { continue }
            // A footer line that starts with the masthead (`L’Écho de Carthage — 15, rue de Marseille…`) confirms it
            // as well as a copyright or a domain does.
            let repeatedInFooter = records[Swift.max(anchor, position + 1)...].contains { footer in
                !footer.isKept
                    && foldedLetters(footer.start, Swift.min(footer.end, footer.start + 160), dropArticle: true)
                        .starts(with: masthead)
            }
            if repeatedInFooter || confirmations.contains(where: { overlaps(masthead, $0) }) {
                metadata.source = found(string(record.start, record.end), record, record.start, record.end, rule: "masthead")
                return
            }
        }
        // 4. Copyright.
        if let copyright {
            let record = copyright.record
            metadata.source = FoundValue(
                value: string(copyright.start, copyright.end),
                location: location(record, record.start, record.end), evidence: string(record.start, record.end),
                rule: "footer-copyright")
            return
        }
        // 5. The outlet of a `Name | Outlet` byline; 6. domain; 7. e-mail domain.
        if let bylineOutlet {
            let record = records[bylineOutlet.record]
            metadata.source = found(
                string(record.start + bylineOutlet.start, record.start + bylineOutlet.end), record,
                record.start + bylineOutlet.start, record.start + bylineOutlet.end, rule: "byline-outlet")
            return
        }
        if let domain {
            metadata.source = FoundValue(
                value: string(domain.start, domain.end).lowercased(),
                location: location(domain.record, domain.wwwStart, domain.end),
                evidence: string(domain.wwwStart, domain.end), rule: "domain")
        } else if let email {
            metadata.source = FoundValue(
                value: string(email.start, email.end).lowercased(),
                location: location(email.record, email.addressStart, email.end),
                evidence: string(email.addressStart, email.end), rule: "email-domain")
        }
    }

    /// ASCII letters and digits of a range, lowercased, accents dropped; optionally without a leading article.
    private func foldedLetters(_ start: Int, _ end: Int, dropArticle: Bool = false) -> [UInt8] {
        var i = start
        if dropArticle {
            // `Le `, `La `, `Les `, `The `, `L'`, `L’`.
            let lowered = (0..<Swift.min(4, end - start)).map { bytes[start + $0] | 0x20 }
            if lowered.starts(with: Array("the ".utf8)) || lowered.starts(with: Array("les ".utf8)) {
                i += 4
            } else if lowered.starts(with: Array("le ".utf8)) || lowered.starts(with: Array("la ".utf8)) {
                i += 3
            } else if lowered.starts(with: [0x6C, 0x27]) {
                i += 2
            } else if end - start >= 4, bytes[start] | 0x20 == 0x6C, bytes[start + 1] == 0xE2,
                bytes[start + 2] == 0x80, bytes[start + 3] == 0x99
            {
                i += 4
            }
        }
        var letters: [UInt8] = []
        while i < end {
            let b = bytes[i]
            let length = Swift.min(BylineByteClass.scalarLength(b), end - i)
            if BylineByteClass.isASCIILetter(b) {
                letters.append(b | 0x20)
            } else if BylineByteClass.isDigit(b) {
                letters.append(b)
            } else if b >= 0x80, BylineByteClass.classify(slice(start, end), i - start).0 == .letter {
                var key = BylineWordKey()
                key.pushLetter(slice(start, end), i - start, length)
                let code = key.value
                if code >= 1 && code <= 26 { letters.append(UInt8(code) + 0x60) }
            }
            i += length
        }
        return letters
    }

    private func overlaps(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        guard a.count >= 4, b.count >= 4 else { return false }
        let (short, long) = a.count <= b.count ? (a, b) : (b, a)
        guard short.count <= long.count else { return false }
        for offset in 0...(long.count - short.count) where long[offset] == short[0] {
            var match = true
            for k in 1..<short.count where long[offset + k] != short[k] {
                match = false
                break
            }
            if match { return true }
        }
        return false
    }

    // MARK: Language

    /// Kept text beyond this many bytes (some 120 words, 40 of them function words) adds nothing to a French/English decision, only time.
    static let languageSampleBytes = 768

    private mutating func findLanguage() {
        let identifier = LanguageIdentifier()
        var counts = FunctionWordCounts()
        var sampled = 0
        for record in records where record.isKept {
            identifier.count(slice(record.start, record.end), into: &counts)
            sampled += record.end - record.start
            if sampled >= Self.languageSampleBytes { break }
        }
        metadata.language = counts.guess
    }
}
