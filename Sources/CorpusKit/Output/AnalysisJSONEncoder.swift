import Foundation

/// Writes an ``ArticleAnalysis`` as the JSON object of CorpusKit's JSONL contract:
///
/// ```json
/// {"id": "…", "title": "…", "publishedAt": "2024-03-14T18:32", "source": "…", "author": "…", "url": "…",
///  "language": "fr", "metadata": {…}, "analyses": {"<analyzer id>": <its output>}, "errors": [{…}]}
/// ```
///
/// Every ``TextSpan`` in an analyzer's output is written as Unicode scalar offsets into the article's body
/// (what Python's `str` indexes). Keys are sorted so that the output is byte-for-byte reproducible.
public struct AnalysisJSONEncoder: Sendable {
    /// Whether to indent the JSON (for `--format json`); JSONL output is one line per article.
    public var prettyPrinted: Bool

    /// Whether the compact form goes through `JSONEncoder` alone, as before ``CompactJSONEncoder``: the tests
    /// compare both paths' bytes.
    var usesJSONEncoderOnly = false

    /// Creates an encoder.
    public init(prettyPrinted: Bool = false) { self.prettyPrinted = prettyPrinted }

    /// Encodes one article's results.
    /// - Throws: An `EncodingError` when an analyzer's output cannot be encoded (for example one that encodes
    ///   nothing), or what its `encode(to:)` throws. Non-finite numbers are written as `"inf"`, `"-inf"` and
    ///   `"nan"`.
    public func encode(_ analysis: ArticleAnalysis) throws -> Data {
        let article = analysis.article
        let offsets = ScalarOffsetIndex(article.body)
        let encoder = makeEncoder(offsets: offsets)
        if prettyPrinted {
            var analyses: [String: AnyEncodable] = [:]
            for id in analysis.reportedIDs {
                if let output = analysis.output(of: id) { analyses[id.rawValue] = AnyEncodable(value: output) }
            }
            return try encoder.encode(Record(article: article, analyses: analyses, errors: analysis.errors))
        }
        // Compact form: `analyses` is written first (keys are sorted, and it sorts first), each output through
        // its fast writer (the tokens of `text`) or CompactJSONEncoder, then the other keys.
        let compact = CompactJSONEncoder(userInfo: encoder.userInfo)
        var out: [UInt8] = []
        out.reserveCapacity(4096)
        out.append(contentsOf: Array("{\"analyses\":{".utf8))
        var first = true
        for id in analysis.reportedIDs.sorted(by: { $0.rawValue < $1.rawValue }) {
            guard let output = analysis.output(of: id) else { continue }
            if !first { out.append(0x2C) }
            first = false
            if usesJSONEncoderOnly {
                out.append(contentsOf: try encoder.encode(id.rawValue))
            } else {
                CompactJSONWriter.writeString(id.rawValue, into: &out)
            }
            out.append(0x3A)
            if let structure = output as? TextStructure {
                structure.writeCompactJSON(into: &out, offsets: offsets)
            } else if usesJSONEncoderOnly {
                out.append(contentsOf: try encoder.encode(AnyEncodable(value: output)))
            } else {
                try compact.write(AnyEncodable(value: output), into: &out)
            }
        }
        out.append(contentsOf: Array("},".utf8))
        let record = Record(article: article, analyses: nil, errors: analysis.errors)
        let rest = usesJSONEncoderOnly ? Array(try encoder.encode(record)) : try compact.encode(record)
        out.append(contentsOf: rest.dropFirst())  // drops its `{`
        return Data(out)
    }

    /// Encodes any value with this encoder's settings, spans as scalar offsets of `body`.
    public func encode<Value: Encodable>(_ value: Value, body: String) throws -> Data {
        try makeEncoder(offsets: ScalarOffsetIndex(body)).encode(value)
    }

    private func makeEncoder(offsets: ScalarOffsetIndex) -> JSONEncoder {
        // The compact form's settings are CompactJSONEncoder's, which must write the same bytes.
        let encoder = CompactJSONEncoder.referenceEncoder(userInfo: [.scalarOffsets: offsets])
        if prettyPrinted { encoder.outputFormatting.insert(.prettyPrinted) }
        return encoder
    }

    private struct Record: Encodable {
        let article: Article
        /// `nil` when the analyses are written apart (the compact form).
        let analyses: [String: AnyEncodable]?
        let errors: [CorpusKitError]

        enum CodingKeys: String, CodingKey {
            case id, title, publishedAt, source, author, url, language, metadata, analyses, errors
        }

        // Written by hand so that absent values are `null`, not missing keys: the contract has every key.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(article.id, forKey: .id)
            try container.encode(article.title, forKey: .title)
            try container.encode(article.publishedAt?.iso8601, forKey: .publishedAt)
            try container.encode(article.source, forKey: .source)
            try container.encode(article.author, forKey: .author)
            try container.encode(article.url, forKey: .url)
            try container.encode(article.language, forKey: .language)
            try container.encode(article.metadata, forKey: .metadata)
            if let analyses { try container.encode(analyses, forKey: .analyses) }
            try container.encode(errors.map(ErrorRecord.init), forKey: .errors)
        }
    }
}

/// An error as it appears in JSON output.
struct ErrorRecord: Encodable {
    let code: String
    let message: String
    let analyzer: String?
    let location: String?

    init(_ error: CorpusKitError) {
        code = error.code.rawValue
        message = error.message
        analyzer = error.analyzerID?.rawValue
        location = error.location?.description
    }
}
