import CorpusKit
import Foundation

/// One gold file for the quotation evaluation: documents with their annotated quotes, speakers and cues.
///
/// The file is UTF-8 JSONL, one document (or window of a document) per line:
///
/// ```
/// {"id": "d1", "text": "…",
///  "quotes": [{"quote": "…", "start": 12, "end": 80, "spans": [[12, 40], [55, 80]], "kind": "direct",
///              "speaker": "la ministre", "speaker_start": 41, "speaker_end": 52,
///              "cue": "a-t-elle dit", "cue_start": 43, "cue_end": 55}]}
/// ```
///
/// Offsets are Unicode code-point offsets into `text` (Python string indices, end exclusive); they are converted
/// to UTF-8 ``CorpusKit/TextSpan``s when the file is read. `spans` lists the fragments of a quote interrupted by
/// an incise (`, a-t-il dit,`); when it is missing the quote is the one fragment `[start, end]`. `kind`,
/// `speaker`, `cue` and their offsets are optional and may be `null`; a speaker or cue given only as text (its
/// mention lies outside the window) has no span. Other fields (`source`, `lang`, `brat_id`…) are ignored. Blank
/// lines are skipped.
public struct QuoteEvaluationData: Sendable, Hashable {
    /// One annotated quote of a gold document.
    public struct GoldQuote: Sendable, Hashable {
        /// The quote's fragments in UTF-8 offsets, in file order: one for a quote in one piece, more for a quote
        /// interrupted by an incise.
        public var fragments: [TextSpan]
        /// The quote as written (`quote`; when missing, the text of its fragments joined by spaces).
        public var text: String
        /// The kind of quote (`direct`, `indirect`…), when given.
        public var kind: String?
        /// Where the speaker is mentioned, in UTF-8 offsets, when the mention lies in the text.
        public var speaker: TextSpan?
        /// The speaker as written (`speaker`, or the text of its span), when the quote has one.
        public var speakerText: String?
        /// Where the speech verb or other cue (`a déclaré`, `selon`) is, in UTF-8 offsets, when given.
        public var cue: TextSpan?
        /// The cue as written (`cue`, or the text of its span), when given.
        public var cueText: String?

        /// Whether the gold names a speaker, by span or only by text.
        public var hasSpeaker: Bool { speaker != nil || speakerText != nil }

        /// Creates a gold quote.
        public init(
            fragments: [TextSpan], text: String, kind: String? = nil, speaker: TextSpan? = nil,
            speakerText: String? = nil, cue: TextSpan? = nil, cueText: String? = nil
        ) {
            self.fragments = fragments
            self.text = text
            self.kind = kind
            self.speaker = speaker
            self.speakerText = speakerText
            self.cue = cue
            self.cueText = cueText
        }
    }

    /// One gold document.
    public struct Document: Sendable, Hashable {
        /// The document id (`id`; `<dataset>-<line>` when the line has none).
        public var id: String
        /// The text.
        public var text: String
        /// Its quotes, in file order, spans in UTF-8 offsets of ``text``.
        public var quotes: [GoldQuote]
        /// The 1-based line of the file the document was read from.
        public var line: Int

        /// Creates a document.
        public init(id: String, text: String, quotes: [GoldQuote], line: Int) {
            self.id = id
            self.text = text
            self.quotes = quotes
            self.line = line
        }
    }

    /// The file the documents come from, as given.
    public var path: String
    /// The dataset's name: the file name without its extension (`fr-litbank-sample`), used to name report lines.
    public var name: String
    /// The documents, in file order.
    public var documents: [Document]

    /// Creates data from documents.
    public init(path: String, name: String, documents: [Document]) {
        self.path = path
        self.name = name
        self.documents = documents
    }

    /// Reads a gold file.
    /// - Parameter path: The JSONL file.
    /// - Throws: ``CorpusKit/CorpusKitError`` naming the file (unreadable or empty) or the file and line of the
    ///   first bad document (`malformed-json`, `missing-text`, `invalid-field`).
    /// - Complexity: O(n) in the size of the file.
    public static func load(path: String) throws -> QuoteEvaluationData {
        try parse(GoldJSONL.contents(of: path), path: path)
    }

    /// Parses the bytes of a gold file.
    /// - Parameters:
    ///   - data: The whole file.
    ///   - path: Its name, for errors and for the dataset name.
    /// - Throws: ``CorpusKit/CorpusKitError``: `empty-input` when the file holds no document; otherwise the error
    ///   of the first bad line, naming the file and the line.
    /// - Complexity: O(n) in the size of the file.
    public static func parse(_ data: Data, path: String) throws -> QuoteEvaluationData {
        let (name, documents) = try GoldJSONL.records(in: data, path: path, noun: "document") { line, number, decoder, name in
            try document(line, decoder: decoder, path: path, dataset: name, line: number)
        }
        return QuoteEvaluationData(path: path, name: name, documents: documents)
    }

    // MARK: - One line

    /// A line as written; every field optional so that what is missing is reported in our own words.
    private struct RawDocument: Decodable {
        var id: GoldJSONL.ID?
        var text: String?
        var quotes: [RawQuote]?
    }

    private struct RawQuote: Decodable {
        var quote: String?
        var start: Int?
        var end: Int?
        var spans: [[Int]]?
        var kind: String?
        var speaker: String?
        var speakerStart: Int?
        var speakerEnd: Int?
        var cue: String?
        var cueStart: Int?
        var cueEnd: Int?

        enum CodingKeys: String, CodingKey {
            case quote, start, end, spans, kind, speaker, cue
            case speakerStart = "speaker_start", speakerEnd = "speaker_end"
            case cueStart = "cue_start", cueEnd = "cue_end"
        }
    }

    private static func document(
        _ line: ArraySlice<UInt8>, decoder: JSONDecoder, path: String, dataset: String, line lineNumber: Int
    ) throws -> Document {
        func failure(_ code: CorpusKitError.Code, _ message: String) -> CorpusKitError {
            CorpusKitError(code, message, location: .init(path: path, line: lineNumber))
        }
        let raw: RawDocument
        do {
            raw = try decoder.decode(RawDocument.self, from: Data(line))
        } catch let error as DecodingError {
            throw describe(error, failure: failure)
        } catch {
            throw failure(.malformedJSON, "not valid JSON")
        }
        guard let text = raw.text else { throw failure(.missingText, "the object has no 'text' string") }
        guard let rawQuotes = raw.quotes else {
            throw failure(.invalidField, "the object has no 'quotes' array (write [] for a document without any)")
        }

        // UTF-8 offset of every code point (and of the end), built in one pass so that each conversion is O(1).
        var utf8Offsets: [Int] = []
        if !rawQuotes.isEmpty {
            utf8Offsets.reserveCapacity(text.utf8.count + 1)
            var offset = 0
            for scalar in text.unicodeScalars {
                utf8Offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            utf8Offsets.append(offset)
        }
        let scalarCount = utf8Offsets.count - 1

        /// The UTF-8 span of code-point offsets, checked: both given, in the text, not reversed, not empty.
        func span(_ start: Int?, _ end: Int?, _ what: String) throws -> TextSpan {
            guard let start, let end else {
                throw failure(.invalidField, "\(what) needs integer start and end (code-point offsets)")
            }
            guard start >= 0 else { throw failure(.invalidField, "\(what): start \(start) is negative") }
            guard end >= start else { throw failure(.invalidField, "\(what): end \(end) is before start \(start)") }
            guard end > start else { throw failure(.invalidField, "\(what) is empty (start = end = \(start))") }
            guard end <= scalarCount else {
                throw failure(
                    .invalidField, "\(what): end \(end) is past the end of the text (\(scalarCount) code points)")
            }
            return TextSpan(start: utf8Offsets[start], end: utf8Offsets[end])
        }

        /// An optional span: absent when both offsets are missing or null, an error when only one is given.
        func optionalSpan(_ start: Int?, _ end: Int?, _ what: String) throws -> TextSpan? {
            if start == nil && end == nil { return nil }
            return try span(start, end, what)
        }

        var quotes: [GoldQuote] = []
        quotes.reserveCapacity(rawQuotes.count)
        for (index, quote) in rawQuotes.enumerated() {
            let which = "quote \(index + 1)"
            let extent = try span(quote.start, quote.end, which)
            var fragments: [TextSpan] = []
            if let rawSpans = quote.spans {
                guard !rawSpans.isEmpty else {
                    throw failure(.invalidField, "\(which): 'spans' is empty (leave it out for a quote in one piece)")
                }
                fragments.reserveCapacity(rawSpans.count)
                for (position, pair) in rawSpans.enumerated() {
                    let fragment = "\(which) fragment \(position + 1)"
                    guard pair.count == 2 else {
                        throw failure(.invalidField, "\(fragment) must be a pair [start, end]")
                    }
                    fragments.append(try span(pair[0], pair[1], fragment))
                }
            } else {
                fragments = [extent]
            }
            let speaker = try optionalSpan(quote.speakerStart, quote.speakerEnd, "\(which) speaker")
            let cue = try optionalSpan(quote.cueStart, quote.cueEnd, "\(which) cue")
            let written = quote.quote ?? fragments.map { String($0.substring(of: text)) }.joined(separator: " ")
            quotes.append(GoldQuote(
                fragments: fragments, text: written, kind: quote.kind, speaker: speaker,
                speakerText: quote.speaker ?? speaker.map { String($0.substring(of: text)) }, cue: cue,
                cueText: quote.cue ?? cue.map { String($0.substring(of: text)) }))
        }
        return Document(id: raw.id?.value ?? "\(dataset)-\(lineNumber)", text: text, quotes: quotes, line: lineNumber)
    }

    /// A decoding error in the words of the other input errors: invalid JSON, not an object, or a field of the
    /// wrong type (named by its path, `quotes[2].start`).
    private static func describe(
        _ error: DecodingError, failure: (CorpusKitError.Code, String) -> CorpusKitError
    ) -> CorpusKitError {
        func field(_ path: [any CodingKey]) -> String {
            var text = ""
            for key in path {
                if let index = key.intValue {
                    text += "[\(index)]"
                } else {
                    text += text.isEmpty ? key.stringValue : ".\(key.stringValue)"
                }
            }
            return text
        }
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            if context.codingPath.isEmpty { return failure(.malformedJSON, "a line must hold a JSON object") }
            let path = field(context.codingPath)
            if path == "text" { return failure(.missingText, "'text' must be a string") }
            return failure(.invalidField, "field '\(path)' must be \(expectation(context.codingPath))")
        case .dataCorrupted(let context):
            if context.codingPath.isEmpty { return failure(.malformedJSON, "not valid JSON") }
            return failure(.invalidField, "field '\(field(context.codingPath))' is invalid")
        case .keyNotFound(let key, let context):
            return failure(.invalidField, "missing field '\(field(context.codingPath + [key]))'")
        @unknown default:
            return failure(.malformedJSON, "not valid JSON")
        }
    }

    /// What a field should hold, from its place in the line.
    private static func expectation(_ path: [any CodingKey]) -> String {
        guard let last = path.last else { return "a JSON object" }
        if last.intValue != nil {
            // An element of `quotes`, of `spans`, or an offset inside a pair of `spans`.
            let parent = path.dropLast().last
            if parent?.stringValue == "spans" { return "a pair [start, end]" }
            if parent?.intValue != nil { return "an integer" }
            return "an object"
        }
        switch last.stringValue {
        case "quotes": return "an array of objects"
        case "spans": return "an array of [start, end] pairs"
        case "start", "end": return "an integer"
        case "speaker_start", "speaker_end", "cue_start", "cue_end": return "an integer or null"
        case "id": return "a string or an integer"
        default: return "a string"
        }
    }
}
