import CorpusKit
import Foundation

/// One gold file for the sentiment evaluation: texts with their polarity, some of them towards a target.
///
/// The file is UTF-8 JSONL, one item per line:
///
/// ```
/// {"id": "a1", "text": "…", "label": "negative"}
/// {"id": "n1", "text": "…", "label": "neutral", "target": "Mr. Sessions", "target_from": 27, "target_to": 39}
/// ```
///
/// `label` is `positive`, `negative` or `neutral`: the polarity of the whole text, or, when the line names a
/// target, of the text towards that target. `target_from` and `target_to` are Unicode code-point offsets into
/// `text` (Python string indices, end exclusive); they are converted to a UTF-8 ``CorpusKit/TextSpan`` when the
/// file is read. `target`, the target as written, is optional; when given it must be the text the offsets
/// cover, which catches offsets counted in another unit (UTF-16, bytes) after an emoji. `id` is optional; other
/// fields (`n_targets`, `source_split`…) are ignored. Blank lines are skipped.
public struct SentimentEvaluationData: Sendable, Hashable {
    /// What an item's label refers to: a mention inside its text.
    public struct Target: Sendable, Hashable {
        /// Where the target is in its item's text, in UTF-8 offsets.
        public var span: TextSpan
        /// The target as written: the text its span covers.
        public var text: String

        /// Creates a target.
        public init(span: TextSpan, text: String) {
            self.span = span
            self.text = text
        }
    }

    /// One gold item.
    public struct Item: Sendable, Hashable {
        /// The item id (`id`; `<dataset>-<line>` when the line has none).
        public var id: String
        /// The text to classify.
        public var text: String
        /// The gold polarity, of the whole text or towards ``target``.
        public var label: SentimentEvaluator.Label
        /// The mention the label refers to, when the line names one.
        public var target: Target?
        /// The 1-based line of the file the item was read from.
        public var line: Int

        /// Creates an item.
        public init(id: String, text: String, label: SentimentEvaluator.Label, target: Target? = nil, line: Int) {
            self.id = id
            self.text = text
            self.label = label
            self.target = target
            self.line = line
        }
    }

    /// The file the items come from, as given.
    public var path: String
    /// The dataset's name: the file name without its extension (`newsmtsc_en_balanced`), used to name report
    /// lines.
    public var name: String
    /// The items, in file order.
    public var items: [Item]

    /// Creates data from items.
    public init(path: String, name: String, items: [Item]) {
        self.path = path
        self.name = name
        self.items = items
    }

    /// Reads a gold file.
    /// - Parameter path: The JSONL file.
    /// - Throws: ``CorpusKit/CorpusKitError`` naming the file (unreadable or empty) or the file and line of the
    ///   first bad item (`malformed-json`, `missing-text`, `invalid-field`).
    /// - Complexity: O(n) in the size of the file.
    public static func load(path: String) throws -> SentimentEvaluationData {
        try parse(GoldJSONL.contents(of: path), path: path)
    }

    /// Parses the bytes of a gold file.
    /// - Parameters:
    ///   - data: The whole file.
    ///   - path: Its name, for errors and for the dataset name.
    /// - Throws: ``CorpusKit/CorpusKitError``: `empty-input` when the file holds no item; otherwise the error of
    ///   the first bad line, naming the file and the line.
    /// - Complexity: O(n) in the size of the file.
    public static func parse(_ data: Data, path: String) throws -> SentimentEvaluationData {
        let (name, items) = try GoldJSONL.records(in: data, path: path, noun: "item") { line, number, decoder, name in
            try item(line, decoder: decoder, path: path, dataset: name, line: number)
        }
        return SentimentEvaluationData(path: path, name: name, items: items)
    }

    // MARK: - One line

    /// A line as written; every field optional so that what is missing is reported in our own words.
    private struct RawItem: Decodable {
        var id: GoldJSONL.ID?
        var text: String?
        var label: String?
        var target: String?
        var targetFrom: Int?
        var targetTo: Int?

        enum CodingKeys: String, CodingKey {
            case id, text, label, target
            case targetFrom = "target_from"
            case targetTo = "target_to"
        }
    }

    private static func item(
        _ line: ArraySlice<UInt8>, decoder: JSONDecoder, path: String, dataset: String, line lineNumber: Int
    ) throws -> Item {
        func failure(_ code: CorpusKitError.Code, _ message: String) -> CorpusKitError {
            CorpusKitError(code, message, location: .init(path: path, line: lineNumber))
        }
        let raw: RawItem
        do {
            raw = try decoder.decode(RawItem.self, from: Data(line))
        } catch let error as DecodingError {
            throw describe(error, failure: failure)
        } catch {
            throw failure(.malformedJSON, "not valid JSON")
        }
        guard let text = raw.text else { throw failure(.missingText, "the object has no 'text' string") }
        guard let labelName = raw.label else {
            throw failure(.invalidField, "the object has no 'label' (positive, negative or neutral)")
        }
        guard let label = SentimentEvaluator.Label(rawValue: labelName) else {
            throw failure(.invalidField, "unknown label '\(labelName)' (expected positive, negative or neutral)")
        }

        var target: Target?
        switch (raw.targetFrom, raw.targetTo) {
        case (nil, nil):
            if raw.target != nil {
                throw failure(.invalidField, "'target' needs 'target_from' and 'target_to' (code-point offsets)")
            }
        case (let start?, let end?):
            target = try span(from: start, to: end, in: text, written: raw.target, failure: failure)
        default:
            throw failure(.invalidField, "'target_from' and 'target_to' go together: give both or neither")
        }
        return Item(id: raw.id?.value ?? "\(dataset)-\(lineNumber)", text: text, label: label, target: target,
            line: lineNumber)
    }

    /// The target at code-point offsets `start..<end` of `text`, checked against the target as written.
    /// - Complexity: O(n) in the length of the text.
    private static func span(
        from start: Int, to end: Int, in text: String, written: String?,
        failure: (CorpusKitError.Code, String) -> CorpusKitError
    ) throws -> Target {
        guard start >= 0 else { throw failure(.invalidField, "target_from \(start) is negative") }
        guard end > start else {
            throw failure(.invalidField, "target_to \(end) must be after target_from \(start) (the target is empty)")
        }
        // One pass over the scalars, stopping at the end of the target.
        var scalarIndex = 0
        var offset = 0
        var utf8Start: Int?
        var utf8End: Int?
        for scalar in text.unicodeScalars {
            if scalarIndex == start { utf8Start = offset }
            scalarIndex += 1
            offset += UTF8.width(scalar)
            if scalarIndex == end {
                utf8End = offset
                break
            }
        }
        guard let utf8Start, let utf8End else {
            throw failure(
                .invalidField, "target_to \(end) is past the end of the text (\(scalarIndex) code points)")
        }
        let span = TextSpan(start: utf8Start, end: utf8End)
        let covered = String(span.substring(of: text))
        if let written, written != covered {
            throw failure(
                .invalidField,
                "'target' is «\(written)» but target_from..target_to (code points \(start)..<\(end)) cover "
                    + "«\(covered)»")
        }
        return Target(span: span, text: covered)
    }

    /// A decoding error in the words of the other input errors: invalid JSON, not an object, or a field of the
    /// wrong type.
    private static func describe(
        _ error: DecodingError, failure: (CorpusKitError.Code, String) -> CorpusKitError
    ) -> CorpusKitError {
        switch error {
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            guard let key = context.codingPath.first?.stringValue else {
                return failure(.malformedJSON, "a line must hold a JSON object")
            }
            switch key {
            case "text": return failure(.missingText, "'text' must be a string")
            case "target_from", "target_to": return failure(.invalidField, "field '\(key)' must be an integer")
            case "id": return failure(.invalidField, "field 'id' must be a string or an integer")
            default: return failure(.invalidField, "field '\(key)' must be a string")
            }
        case .dataCorrupted(let context):
            guard let key = context.codingPath.first?.stringValue else {
                return failure(.malformedJSON, "not valid JSON")
            }
            return failure(.invalidField, "field '\(key)' is invalid")
        case .keyNotFound(let key, _):
            return failure(.invalidField, "missing field '\(key.stringValue)'")
        @unknown default:
            return failure(.malformedJSON, "not valid JSON")
        }
    }
}
