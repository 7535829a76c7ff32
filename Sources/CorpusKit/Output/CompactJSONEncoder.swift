import Foundation

/// Encodes values as the very bytes of ``referenceEncoder(userInfo:)`` (`JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]`, non-finite numbers as `"inf"`, `"-inf"` and `"nan"`), several times
/// faster: on Linux `JSONEncoder` took half the time of `corpus-tool analyze`.
///
/// The value is collected as a tree of ``CompactJSONNode`` (keys must be sorted, and an `Encodable` gives them
/// in its own order), then written in one pass. What this encoder does not imitate it leaves to `JSONEncoder`:
/// values with a non-ASCII object key (re-encoded whole), and `Data`, `URL`, `Decimal`, `Date` and the 128-bit
/// integers (encoded alone, their bytes spliced in). The golden tests compare both encoders' bytes.
struct CompactJSONEncoder {
    /// Given to every `encode(to:)`: ``TextSpan`` reads its ``ScalarOffsetIndex`` there.
    let userInfo: [CodingUserInfoKey: any Sendable]
    /// `userInfo` as `Encoder` hands it out, converted once rather than at each span's reading.
    private let encoderUserInfo: [CodingUserInfoKey: Any]

    init(userInfo: [CodingUserInfoKey: any Sendable] = [:]) {
        self.userInfo = userInfo
        encoderUserInfo = userInfo.mapValues { $0 as Any }
    }

    /// The `JSONEncoder` whose output this encoder reproduces.
    static func referenceEncoder(userInfo: [CodingUserInfoKey: any Sendable]) -> JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(
            positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        encoder.userInfo = userInfo
        return encoder
    }

    /// The JSON of `value`.
    /// - Throws: The `EncodingError` JSONEncoder throws for it, or what the value's `encode(to:)` throws.
    func encode<Value: Encodable>(_ value: Value) throws -> [UInt8] {
        var out: [UInt8] = []
        try write(value, into: &out)
        return out
    }

    /// Appends the JSON of `value` to `out` (unchanged when this throws).
    /// - Throws: The `EncodingError` JSONEncoder throws for it, or what the value's `encode(to:)` throws.
    func write<Value: Encodable>(_ value: Value, into out: inout [UInt8]) throws {
        let context = CompactJSONContext(userInfo: encoderUserInfo, referenceUserInfo: userInfo)
        let root = CompactJSONValueEncoder(context: context, parent: nil, key: nil)
        let node: CompactJSONNode
        if let scalar = try root.scalarNode(for: value) {
            node = scalar
        } else {
            try value.encode(to: root)
            if case .empty = root.storage {
                // JSONEncoder's error: nested, a value that encodes nothing is `{}`, but there is no top-level `{}`.
                throw EncodingError.invalidValue(
                    value,
                    .init(codingPath: [], debugDescription: "Top-level \(Value.self) did not encode any values."))
            }
            node = root.takeNode()
        }
        if let error = context.deferredError { throw error }
        let start = out.count
        do {
            try CompactJSONWriter.write(node, into: &out)
        } catch is CompactJSONNeedsReferenceEncoder {
            out.removeSubrange(start...)
            out.append(contentsOf: try Self.referenceEncoder(userInfo: userInfo).encode(value))
        }
    }
}
