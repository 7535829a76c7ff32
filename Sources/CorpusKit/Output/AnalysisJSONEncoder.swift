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

    /// Creates an encoder.
    public init(prettyPrinted: Bool = false) { self.prettyPrinted = prettyPrinted }

    /// Encodes one article's results.
    /// - Throws: An `EncodingError` when an analyzer's output cannot be encoded (for example a non-finite
    ///   `Double`).
    public func encode(_ analysis: ArticleAnalysis) throws -> Data {
        let article = analysis.article
        var analyses: [String: AnyEncodable] = [:]
        for id in analysis.reportedIDs {
            if let output = analysis.output(of: id) { analyses[id.rawValue] = AnyEncodable(value: output) }
        }
        let record = Record(
            id: article.id, title: article.title, publishedAt: article.publishedAt?.iso8601, source: article.source,
            author: article.author, url: article.url, language: article.language, metadata: article.metadata,
            analyses: analyses, errors: analysis.errors.map(ErrorRecord.init))
        return try makeEncoder(body: article.body).encode(record)
    }

    /// Encodes any value with this encoder's settings, spans as scalar offsets of `body`.
    public func encode<Value: Encodable>(_ value: Value, body: String) throws -> Data {
        try makeEncoder(body: body).encode(value)
    }

    private func makeEncoder(body: String) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = prettyPrinted
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        encoder.userInfo[.scalarOffsets] = ScalarOffsetIndex(body)
        return encoder
    }

    private struct Record: Encodable {
        let id: String
        let title: String?
        let publishedAt: String?
        let source: String?
        let author: String?
        let url: String?
        let language: String?
        let metadata: [String: MetadataValue]
        let analyses: [String: AnyEncodable]
        let errors: [ErrorRecord]

        enum CodingKeys: String, CodingKey {
            case id, title, publishedAt, source, author, url, language, metadata, analyses, errors
        }

        // Written by hand so that absent values are `null`, not missing keys: the contract has every key.
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(id, forKey: .id)
            try container.encode(title, forKey: .title)
            try container.encode(publishedAt, forKey: .publishedAt)
            try container.encode(source, forKey: .source)
            try container.encode(author, forKey: .author)
            try container.encode(url, forKey: .url)
            try container.encode(language, forKey: .language)
            try container.encode(metadata, forKey: .metadata)
            try container.encode(analyses, forKey: .analyses)
            try container.encode(errors, forKey: .errors)
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
