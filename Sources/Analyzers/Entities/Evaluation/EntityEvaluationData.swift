import CorpusKit
import Foundation

/// One gold file for the named-entity evaluation: sentences with their annotated entities.
///
/// The file is UTF-8 JSONL, one sentence per line:
///
/// ```
/// {"id": "s1", "genre": "annodis.er", "split": "train", "text": "…",
///  "entities": [{"start": 76, "end": 90, "type": "PER", "orig": "PERS", "surface": "Jean Baudesson"}]}
/// ```
///
/// `start` and `end` are Unicode code-point offsets into `text` (Python string indices, end exclusive); they are
/// converted to UTF-8 ``CorpusKit/TextSpan``s when the file is read. `type` is `PER`, `LOC`, `ORG` or `MISC`;
/// `alt` is an optional second acceptable type (the literal type of a metonymic use); `nested: true` and
/// `discontinuous: true` mark entities that flat scoring ignores. `genre`, `split`, `orig`, `surface` are
/// optional. Blank lines are skipped.
public struct EntityEvaluationData: Sendable, Hashable {
    /// One annotated entity of a gold sentence.
    public struct GoldEntity: Sendable, Hashable {
        /// Where the entity is in its sentence's text, in UTF-8 offsets.
        public var span: TextSpan
        /// The type (from `type`).
        public var kind: EntityKind
        /// Another type the entity may be given (from `alt`): the literal type of a metonymic use.
        public var alternativeKind: EntityKind?
        /// The label of the source annotation (`orig`), when given.
        public var originalLabel: String?
        /// The entity as written: `surface` when given, otherwise the text its span covers.
        public var surface: String
        /// Whether the entity lies inside a longer one (ignored by flat scoring).
        public var isNested: Bool
        /// Whether the entity has a gap (ignored by flat scoring).
        public var isDiscontinuous: Bool

        /// Whether flat scoring counts the entity: it is neither nested nor discontinuous.
        public var isScored: Bool { !isNested && !isDiscontinuous }

        /// Creates a gold entity.
        public init(
            span: TextSpan, kind: EntityKind, alternativeKind: EntityKind? = nil, originalLabel: String? = nil,
            surface: String, isNested: Bool = false, isDiscontinuous: Bool = false
        ) {
            self.span = span
            self.kind = kind
            self.alternativeKind = alternativeKind
            self.originalLabel = originalLabel
            self.surface = surface
            self.isNested = isNested
            self.isDiscontinuous = isDiscontinuous
        }
    }

    /// One gold sentence.
    public struct Sentence: Sendable, Hashable {
        /// The sentence id (`id`; `<dataset>-<line>` when the line has none).
        public var id: String
        /// The sub-corpus the sentence belongs to (`annodis.er`, `frwiki`…), when given.
        public var genre: String?
        /// The split the sentence belongs to (`train`, `dev`, `test`), when given.
        public var split: String?
        /// The sentence.
        public var text: String
        /// Its entities, in file order, spans in UTF-8 offsets of ``text``.
        public var entities: [GoldEntity]
        /// The 1-based line of the file the sentence was read from.
        public var line: Int

        /// Creates a sentence.
        public init(
            id: String, genre: String? = nil, split: String? = nil, text: String, entities: [GoldEntity], line: Int
        ) {
            self.id = id
            self.genre = genre
            self.split = split
            self.text = text
            self.entities = entities
            self.line = line
        }
    }

    /// The file the sentences come from, as given.
    public var path: String
    /// The dataset's name: the file name without its extension (`sequoia-ner`), used to name report lines.
    public var name: String
    /// The sentences, in file order.
    public var sentences: [Sentence]

    /// Creates data from sentences.
    public init(path: String, name: String, sentences: [Sentence]) {
        self.path = path
        self.name = name
        self.sentences = sentences
    }

    /// Reads a gold file.
    /// - Parameter path: The JSONL file.
    /// - Throws: ``CorpusKit/CorpusKitError`` naming the file (unreadable or empty) or the file and line of the
    ///   first bad sentence (`malformed-json`, `missing-text`, `invalid-field`).
    /// - Complexity: O(n) in the size of the file.
    public static func load(path: String) throws -> EntityEvaluationData {
        try parse(GoldJSONL.contents(of: path), path: path)
    }

    /// Parses the bytes of a gold file.
    /// - Parameters:
    ///   - data: The whole file.
    ///   - path: Its name, for errors and for the dataset name.
    /// - Throws: ``CorpusKit/CorpusKitError``: `empty-input` when the file holds no sentence; otherwise the error
    ///   of the first bad line, naming the file and the line.
    /// - Complexity: O(n) in the size of the file.
    public static func parse(_ data: Data, path: String) throws -> EntityEvaluationData {
        let (name, sentences) = try GoldJSONL.records(in: data, path: path, noun: "sentence") { line, number, decoder, name in
            try sentence(line, decoder: decoder, path: path, dataset: name, line: number)
        }
        return EntityEvaluationData(path: path, name: name, sentences: sentences)
    }

    // MARK: - One line

    /// A line as written; every field optional so that what is missing is reported in our own words.
    private struct RawSentence: Decodable {
        var id: GoldJSONL.ID?
        var genre: String?
        var split: String?
        var text: String?
        var entities: [RawEntity]?
    }

    private struct RawEntity: Decodable {
        var start: Int?
        var end: Int?
        var type: String?
        var orig: String?
        var alt: String?
        var surface: String?
        var nested: Bool?
        var discontinuous: Bool?
    }

    /// The types of the gold files and the kinds they stand for.
    static let kinds: [String: EntityKind] = ["PER": .person, "LOC": .location, "ORG": .organization, "MISC": .misc]

    private static func sentence(
        _ line: ArraySlice<UInt8>, decoder: JSONDecoder, path: String, dataset: String, line lineNumber: Int
    ) throws -> Sentence {
        func failure(_ code: CorpusKitError.Code, _ message: String) -> CorpusKitError {
            CorpusKitError(code, message, location: .init(path: path, line: lineNumber))
        }
        let raw: RawSentence
        do {
            raw = try decoder.decode(RawSentence.self, from: Data(line))
        } catch let error as DecodingError {
            throw describe(error, failure: failure)
        } catch {
            throw failure(.malformedJSON, "not valid JSON")
        }
        guard let text = raw.text else { throw failure(.missingText, "the object has no 'text' string") }
        guard let rawEntities = raw.entities else {
            throw failure(.invalidField, "the object has no 'entities' array (write [] for a sentence without any)")
        }

        // UTF-8 offset of every code point (and of the end), built in one pass so that each conversion is O(1).
        var utf8Offsets: [Int] = []
        if !rawEntities.isEmpty {
            utf8Offsets.reserveCapacity(text.utf8.count + 1)
            var offset = 0
            for scalar in text.unicodeScalars {
                utf8Offsets.append(offset)
                offset += UTF8.width(scalar)
            }
            utf8Offsets.append(offset)
        }
        let scalarCount = utf8Offsets.count - 1

        var entities: [GoldEntity] = []
        entities.reserveCapacity(rawEntities.count)
        for (index, entity) in rawEntities.enumerated() {
            let which = "entity \(index + 1)"
            guard let start = entity.start, let end = entity.end else {
                throw failure(.invalidField, "\(which) needs integer 'start' and 'end' (code-point offsets)")
            }
            guard start >= 0 else { throw failure(.invalidField, "\(which): start \(start) is negative") }
            guard end >= start else { throw failure(.invalidField, "\(which): end \(end) is before start \(start)") }
            guard end > start else { throw failure(.invalidField, "\(which) is empty (start = end = \(start))") }
            guard end <= scalarCount else {
                throw failure(
                    .invalidField,
                    "\(which): end \(end) is past the end of the text (\(scalarCount) code points)")
            }
            guard let typeName = entity.type else { throw failure(.invalidField, "\(which) has no 'type'") }
            guard let kind = kinds[typeName] else {
                throw failure(.invalidField, "\(which): unknown type '\(typeName)' (expected PER, LOC, ORG or MISC)")
            }
            var alternative: EntityKind?
            if let altName = entity.alt {
                guard let altKind = kinds[altName] else {
                    throw failure(.invalidField, "\(which): unknown alt '\(altName)' (expected PER, LOC, ORG or MISC)")
                }
                alternative = altKind
            }
            let span = TextSpan(start: utf8Offsets[start], end: utf8Offsets[end])
            entities.append(GoldEntity(
                span: span, kind: kind, alternativeKind: alternative, originalLabel: entity.orig,
                surface: entity.surface ?? String(span.substring(of: text)), isNested: entity.nested ?? false,
                isDiscontinuous: entity.discontinuous ?? false))
        }
        return Sentence(
            id: raw.id?.value ?? "\(dataset)-\(lineNumber)", genre: raw.genre, split: raw.split, text: text,
            entities: entities, line: lineNumber)
    }

    /// A decoding error in the words of the other input errors: invalid JSON, not an object, or a field of the
    /// wrong type (named by its path, `entities[2].start`).
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
        if last.intValue != nil { return "an object" }  // an element of `entities`
        switch last.stringValue {
        case "entities": return "an array of objects"
        case "start", "end": return "an integer"
        case "nested", "discontinuous": return "true or false"
        case "id": return "a string or an integer"
        default: return "a string"
        }
    }
}
