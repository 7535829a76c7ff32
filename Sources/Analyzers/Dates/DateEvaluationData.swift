import CorpusKit
import Foundation

extension CorpusKitError.Code {
    /// A gold TSV file is not in one of the formats ``DateEvaluationData`` reads.
    public static let malformedTSV = CorpusKitError.Code(rawValue: "malformed-tsv")
}

/// A duckling-style case: a whole expression and the instant or interval it denotes at a grain.
///
/// Columns `id, text, start, end, grain, kind, holiday, base_date, source`; `kind` is `instant` (start + grain),
/// `interval` (start, end exclusive), `open_interval_before` / `open_interval_after` (the bound is in `start`)
/// or `negative` (nothing must be found).
public struct DucklingDateCase: Sendable, Hashable {
    public var id: String
    public var text: String
    /// ISO 8601 local time (`2013-02-12T04:30:00`); `nil` for negative cases.
    public var start: String?
    /// Exclusive end of an interval.
    public var end: String?
    /// `second`, `minute`, `hour`, `day`, `week`, `month`, `quarter` or `year`.
    public var grain: String
    public var kind: String
    /// The reference time (`2013-02-12T04:30:00-02:00`).
    public var baseDate: String?
    /// 1-based line of the row in its file.
    public var line: Int

    public init(
        id: String, text: String, start: String?, end: String?, grain: String, kind: String, baseDate: String?,
        line: Int
    ) {
        self.id = id
        self.text = text
        self.start = start
        self.end = end
        self.grain = grain
        self.kind = kind
        self.baseDate = baseDate
        self.line = line
    }
}

/// A dateparser-style case.
///
/// Columns `id, text, expected_iso, expected_span, base_date, kind, period, expected_raw, settings, source`;
/// `kind` is `absolute`, `partial_or_relative`, `iso8601`, `relative_past`, `relative_future`, `search`,
/// `search_span`, `negative` or `translation`; `period` is the granularity the value is asserted at (`day`,
/// `week`, `month`, `year`, or empty).
public struct DateparserDateCase: Sendable, Hashable {
    public var id: String
    public var text: String
    /// The asserted datetime (`2014-05-11T00:00:00`), when the case asserts one.
    public var expectedISO: String?
    /// The text `search` and `search_span` cases must find.
    public var expectedSpan: String?
    /// `RELATIVE_BASE` or the mocked now; `(now)` when the test used the real clock.
    public var baseDate: String?
    public var kind: String
    public var period: String?
    /// What the test states, as written (`ago={'days': 1}`, `days_ago=2`…).
    public var expectedRaw: String
    public var line: Int

    public init(
        id: String, text: String, expectedISO: String?, expectedSpan: String?, baseDate: String?, kind: String,
        period: String?, expectedRaw: String, line: Int
    ) {
        self.id = id
        self.text = text
        self.expectedISO = expectedISO
        self.expectedSpan = expectedSpan
        self.baseDate = baseDate
        self.kind = kind
        self.period = period
        self.expectedRaw = expectedRaw
        self.line = line
    }
}

/// A Recognizers-Text-style case: a value row (Parser and Model specs) or a span row (Extractor specs).
///
/// Columns `id, text, expected_span, span_start, type, timex, resolution, base_date, dotnet_passes, kind, spec,
/// source`. Rows of one spec case share their `source`; `kind` is `negative` when nothing must be found.
public struct RecognizersDateCase: Sendable, Hashable {
    public var id: String
    public var text: String
    public var expectedSpan: String?
    /// UTF-16 offset of `expectedSpan` in `text` (what C# strings index).
    public var spanStart: Int?
    public var type: String?
    /// TIMEX3-like value; alternatives are separated by ` | `; ranges are `(start,end,duration)`.
    public var timex: String?
    /// `future={json} past={json}` (Parser specs) or `type:value | type:start..end` (Model specs).
    public var resolution: String?
    public var baseDate: String?
    /// Whether the reference C# implementation passes the case.
    public var dotnetPasses: Bool
    public var kind: String
    /// The spec file (`DateParser`, `DateTimeModel`, `DateExtractor`…).
    public var spec: String
    /// The spec case the row comes from (`Specs/DateTime/French/DateParser.json#0`).
    public var source: String
    public var line: Int

    /// Whether the row states a span only (an Extractor spec) rather than a value.
    public var isSpanCase: Bool { spec.hasSuffix("Extractor") || spec.hasSuffix("ExtractorSkipFromTo") }

    public init(
        id: String, text: String, expectedSpan: String?, spanStart: Int?, type: String?, timex: String?,
        resolution: String?, baseDate: String?, dotnetPasses: Bool, kind: String, spec: String, source: String,
        line: Int
    ) {
        self.id = id
        self.text = text
        self.expectedSpan = expectedSpan
        self.spanStart = spanStart
        self.type = type
        self.timex = timex
        self.resolution = resolution
        self.baseDate = baseDate
        self.dotnetPasses = dotnetPasses
        self.kind = kind
        self.spec = spec
        self.source = source
        self.line = line
    }
}

/// One gold file for the date evaluation: the rows of a `dateparser_fr.tsv`, `duckling_fr.tsv`,
/// `recognizers_fr.tsv` or `recognizers_fr_spans.tsv`, the format being recognised from the header line.
///
/// The files are UTF-8, tab-separated, with one header line; a field containing a double quote, a tab or a line
/// break is quoted as Python's `csv` module does (QUOTE_MINIMAL: `"…"`, with `""` for a quote inside).
public struct DateEvaluationData: Sendable, Hashable {
    /// The file formats.
    public enum Format: String, Sendable, Hashable, CaseIterable {
        case dateparser, duckling, recognizers
    }

    /// The rows, typed by format.
    public enum Cases: Sendable, Hashable {
        case dateparser([DateparserDateCase])
        case duckling([DucklingDateCase])
        case recognizers([RecognizersDateCase])
    }

    /// The file the rows come from, as given.
    public var path: String
    /// The rows.
    public var cases: Cases

    /// The format of the file.
    public var format: Format {
        switch cases {
        case .dateparser: .dateparser
        case .duckling: .duckling
        case .recognizers: .recognizers
        }
    }

    /// Number of rows.
    public var count: Int {
        switch cases {
        case .dateparser(let rows): rows.count
        case .duckling(let rows): rows.count
        case .recognizers(let rows): rows.count
        }
    }

    /// Creates data from typed rows.
    public init(path: String, cases: Cases) {
        self.path = path
        self.cases = cases
    }

    static let columns: [Format: [String]] = [
        .dateparser: ["id", "text", "expected_iso", "expected_span", "base_date", "kind", "period", "expected_raw"],
        .duckling: ["id", "text", "start", "end", "grain", "kind", "base_date"],
        .recognizers: [
            "id", "text", "expected_span", "span_start", "type", "timex", "resolution", "base_date", "dotnet_passes",
            "kind", "spec", "source",
        ],
    ]
    static let ducklingKinds: Set = ["instant", "interval", "open_interval_before", "open_interval_after", "negative"]
    static let ducklingGrains: Set = ["second", "minute", "hour", "day", "week", "month", "quarter", "year"]
    static let dateparserKinds: Set = [
        "absolute", "partial_or_relative", "iso8601", "relative_past", "relative_future", "search", "search_span",
        "negative", "translation",
    ]

    /// Reads a gold file.
    /// - Throws: ``CorpusKit/CorpusKitError`` naming the file (and the line, for a malformed row).
    public static func load(path: String) throws -> DateEvaluationData {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CorpusKitError(.unreadableInput, "cannot read the file", location: .init(path: path))
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw CorpusKitError(.invalidUTF8, "the file is not UTF-8", location: .init(path: path))
        }
        return try parse(text, path: path)
    }

    /// Parses the text of a gold file.
    /// - Parameters:
    ///   - text: The whole file.
    ///   - path: Its name, for errors and the report.
    /// - Throws: ``CorpusKit/CorpusKitError`` (`malformed-tsv`) naming the file and line of the first bad row.
    public static func parse(_ text: String, path: String) throws -> DateEvaluationData {
        let records = try DateTSVReader.records(text, path: path)
        guard let header = records.first else {
            throw CorpusKitError(.emptyInput, "the file is empty (expected a header line)", location: .init(path: path))
        }
        let names = header.fields.map { $0.trimmingCharacters(in: .whitespaces) }
        guard let format = Format.allCases.first(where: { Set(names).isSuperset(of: columns[$0]!) }) else {
            throw CorpusKitError(
                .malformedTSV,
                "unrecognised header (expected the columns of dateparser_fr.tsv, duckling_fr.tsv or recognizers_fr.tsv)",
                location: .init(path: path, line: header.line))
        }
        var index: [String: Int] = [:]
        for (position, name) in names.enumerated() where index[name] == nil { index[name] = position }
        var rows: [Row] = []
        for record in records.dropFirst() {
            if record.fields.count == 1 && record.fields[0].isEmpty { continue }  // blank line
            guard record.fields.count == names.count else {
                throw CorpusKitError(
                    .malformedTSV, "expected \(names.count) tab-separated fields, found \(record.fields.count)",
                    location: .init(path: path, line: record.line))
            }
            rows.append(Row(fields: record.fields, index: index, line: record.line, path: path))
        }
        switch format {
        case .duckling: return DateEvaluationData(path: path, cases: .duckling(try rows.map(duckling)))
        case .dateparser: return DateEvaluationData(path: path, cases: .dateparser(try rows.map(dateparser)))
        case .recognizers: return DateEvaluationData(path: path, cases: .recognizers(try rows.map(recognizers)))
        }
    }

    struct Row {
        let fields: [String]
        let index: [String: Int]
        let line: Int
        let path: String

        subscript(_ name: String) -> String { index[name].map { fields[$0] } ?? "" }
        /// The field, `nil` when empty.
        func optional(_ name: String) -> String? {
            let value = self[name]
            return value.isEmpty ? nil : value
        }
        func error(_ message: String) -> CorpusKitError {
            CorpusKitError(.malformedTSV, message, location: .init(path: path, line: line))
        }
    }

    private static func duckling(_ row: Row) throws -> DucklingDateCase {
        let kind = row["kind"]
        guard ducklingKinds.contains(kind) else { throw row.error("unknown duckling kind '\(kind)'") }
        let start = row.optional("start"), end = row.optional("end")
        if kind != "negative" {
            guard let start, EvaluationDateParts(start) != nil else { throw row.error("'start' is not an ISO 8601 date-time") }
            guard ducklingGrains.contains(row["grain"]) else { throw row.error("unknown grain '\(row["grain"])'") }
            if kind == "interval" {
                guard let end, EvaluationDateParts(end) != nil else { throw row.error("an interval needs an ISO 8601 'end'") }
            }
        }
        return DucklingDateCase(
            id: row["id"], text: row["text"], start: start, end: end, grain: row["grain"], kind: kind,
            baseDate: try anchorText(row), line: row.line)
    }

    private static func dateparser(_ row: Row) throws -> DateparserDateCase {
        let kind = row["kind"]
        guard dateparserKinds.contains(kind) else { throw row.error("unknown dateparser kind '\(kind)'") }
        let expected = row.optional("expected_iso")
        if let expected, EvaluationDateParts(expected) == nil { throw row.error("'expected_iso' is not an ISO 8601 date-time") }
        let needsValue: Set = ["absolute", "partial_or_relative", "iso8601", "relative_past", "relative_future", "search"]
        if needsValue.contains(kind) && expected == nil && DateEvaluator.daysAgo(row["expected_raw"]) == nil {
            throw row.error("a '\(kind)' row needs an 'expected_iso' (or 'days_ago=N' in 'expected_raw')")
        }
        if (kind == "search" || kind == "search_span") && row.optional("expected_span") == nil {
            throw row.error("a '\(kind)' row needs an 'expected_span'")
        }
        return DateparserDateCase(
            id: row["id"], text: row["text"], expectedISO: expected, expectedSpan: row.optional("expected_span"),
            baseDate: try anchorText(row), kind: kind, period: row.optional("period"),
            expectedRaw: row["expected_raw"], line: row.line)
    }

    private static func recognizers(_ row: Row) throws -> RecognizersDateCase {
        let passes: Bool
        switch row["dotnet_passes"] {
        case "yes": passes = true
        case "no": passes = false
        default: throw row.error("'dotnet_passes' must be yes or no, not '\(row["dotnet_passes"])'")
        }
        var start: Int?
        if let text = row.optional("span_start") {
            guard let value = Int(text), value >= 0 else { throw row.error("'span_start' is not an offset") }
            start = value
        }
        if row.optional("expected_span") != nil && start == nil { throw row.error("a span needs a 'span_start'") }
        return RecognizersDateCase(
            id: row["id"], text: row["text"], expectedSpan: row.optional("expected_span"), spanStart: start,
            type: row.optional("type"), timex: row.optional("timex"), resolution: row.optional("resolution"),
            baseDate: try anchorText(row), dotnetPasses: passes, kind: row["kind"], spec: row["spec"],
            source: row["source"], line: row.line)
    }

    /// The `base_date` field, checked: empty, `(now)`, or an ISO 8601 date-time.
    private static func anchorText(_ row: Row) throws -> String? {
        guard let text = row.optional("base_date") else { return nil }
        if text != "(now)" && PublicationDate(iso8601: text) == nil {
            throw row.error("'base_date' is not an ISO 8601 date-time: '\(text)'")
        }
        return text
    }
}

/// Reads tab-separated records quoted like Python's `csv` (QUOTE_MINIMAL, `""` for a quote inside quotes).
enum DateTSVReader {
    struct Record {
        /// 1-based line where the record starts.
        var line: Int
        var fields: [String]
    }

    static func records(_ text: String, path: String) throws -> [Record] {
        var records: [Record] = []
        var fields: [String] = []
        var field: [UInt8] = []
        var line = 1, recordLine = 1
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var i = 0
        func finishField() {
            fields.append(String(decoding: field, as: UTF8.self))
            field.removeAll(keepingCapacity: true)
        }
        func finishRecord() {
            finishField()
            records.append(Record(line: recordLine, fields: fields))
            fields = []
        }
        while i < bytes.count {
            let byte = bytes[i]
            if byte == 0x22 && field.isEmpty {  // a quoted field
                let quoteLine = line
                i += 1
                var closed = false
                while i < bytes.count {
                    if bytes[i] == 0x22 {
                        if i + 1 < bytes.count && bytes[i + 1] == 0x22 {
                            field.append(0x22)
                            i += 2
                            continue
                        }
                        i += 1
                        closed = true
                        break
                    }
                    if bytes[i] == 0x0A { line += 1 }
                    field.append(bytes[i])
                    i += 1
                }
                guard closed else {
                    throw CorpusKitError(
                        .malformedTSV, "a quoted field is not closed", location: .init(path: path, line: quoteLine))
                }
                if i < bytes.count && bytes[i] != 0x09 && bytes[i] != 0x0A && bytes[i] != 0x0D {
                    throw CorpusKitError(
                        .malformedTSV, "unexpected text after a closing quote (a quote inside a field is written \"\")",
                        location: .init(path: path, line: line))
                }
                continue
            }
            switch byte {
            case 0x09:
                finishField()
            case 0x0D where i + 1 < bytes.count && bytes[i + 1] == 0x0A:
                break  // the \n that follows ends the record
            case 0x0A:
                finishRecord()
                line += 1
                recordLine = line
            default:
                field.append(byte)
            }
            i += 1
        }
        if !field.isEmpty || !fields.isEmpty { finishRecord() }
        return records
    }
}
