/// A JSON value as ``CompactJSONEncoder`` collects it: an `Encodable` hands its keys over in whatever order its
/// `encode(to:)` runs, while the output must have them sorted, so values are collected first and written once
/// the whole value is encoded. Scalars stay unformatted until then (formatting is the writer's work).
enum CompactJSONNode {
    case null
    case bool(Bool)
    case int(Int64)
    case uint(UInt64)
    case double(Double)
    case float(Float)
    case string(String)
    /// The bytes `JSONEncoder` wrote for a value whose encoding it special-cases (`Data`, `URL`, `Decimal`…).
    case raw([UInt8])
    case object(CompactJSONObject)
    case array(CompactJSONArray)
    /// A `superEncoder()`, which may be written to after its container moved on: read when written.
    case encoder(CompactJSONValueEncoder)
}

/// The members of an object, in encoding order (references, so that nested containers fill them later).
final class CompactJSONObject {
    var entries: [(key: String, value: CompactJSONNode)] = []

    /// The index of the last entry under `key` (the one `JSONEncoder` keeps), if any.
    /// - Complexity: O(n); only nested containers and super encoders look keys up.
    func lastIndex(of key: String) -> Int? { entries.lastIndex { $0.key == key } }
}

/// The elements of an array, in order.
final class CompactJSONArray {
    var elements: [CompactJSONNode] = []
}

/// Thrown by the writer when a value needs `JSONEncoder` itself: the object keys it sorts are not all ASCII.
/// `JSONEncoder` merges canonically equivalent keys (`"é"` and `"e\u{301}"`) like a `Dictionary`, yet orders
/// them by their unnormalized scalars; only for ASCII keys are both the plain byte order, so rather than
/// imitate that, such values are handed to `JSONEncoder`.
struct CompactJSONNeedsReferenceEncoder: Error {}

/// Writes collected values as the compact JSON of `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]`
/// and the `"inf"`/`"-inf"`/`"nan"` strings for non-finite numbers.
enum CompactJSONWriter {
    /// Appends `node` to `out`.
    /// - Throws: ``CompactJSONNeedsReferenceEncoder`` when an object has a non-ASCII key.
    static func write(_ node: CompactJSONNode, into out: inout [UInt8]) throws {
        switch node {
        case .null: appendLiteral("null", to: &out)
        case .bool(let value): appendLiteral(value ? "true" : "false", to: &out)
        case .int(let value):
            if value < 0 { out.append(UInt8(ascii: "-")) }
            writeDecimal(value.magnitude, into: &out)
        case .uint(let value): writeDecimal(value, into: &out)
        case .double(let value):
            if value.isFinite { writeNumber(value.description, into: &out) } else { writeNonFinite(value, into: &out) }
        case .float(let value):
            if value.isFinite { writeNumber(value.description, into: &out) } else { writeNonFinite(value, into: &out) }
        case .string(let value): _ = writeString(value, into: &out)
        case .raw(let bytes): out.append(contentsOf: bytes)
        case .object(let object): try writeObject(object, into: &out)
        case .array(let array):
            out.append(UInt8(ascii: "["))
            for (index, element) in array.elements.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                try write(element, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .encoder(let encoder): try write(encoder.takeNode(), into: &out)
        }
    }

    private static func writeObject(_ object: CompactJSONObject, into out: inout [UInt8]) throws {
        var entries = object.entries
        // `String`'s `<` is the byte order for ASCII keys (any other key makes the writer give up below).
        entries.sort { $0.key < $1.key }
        var hasDuplicates = false
        for index in entries.indices.dropFirst() where entries[index - 1].key == entries[index].key {
            hasDuplicates = true
            break
        }
        if hasDuplicates {
            // A key encoded twice keeps its last value, as in JSONEncoder's dictionary; rare, so done apart.
            let order = object.entries.indices.sorted { a, b in
                let keyA = object.entries[a].key, keyB = object.entries[b].key
                return keyA == keyB ? a < b : keyA < keyB
            }
            entries = []
            for index in order {
                let entry = object.entries[index]
                if let last = entries.last, last.key == entry.key { entries[entries.count - 1] = entry }
                else { entries.append(entry) }
            }
        }
        out.append(UInt8(ascii: "{"))
        for (index, entry) in entries.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            guard writeString(entry.key, into: &out) else { throw CompactJSONNeedsReferenceEncoder() }
            out.append(UInt8(ascii: ":"))
            try write(entry.value, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    /// Appends `string` quoted and escaped as JSONEncoder does: `"` and `\` escaped, `\b \t \n \f \r` short,
    /// other controls as `\u00xx` (lowercase hex), everything else (`/`, DEL, non-ASCII, U+2028) raw.
    /// - Returns: Whether `string` is all ASCII.
    @discardableResult
    static func writeString(_ string: String, into out: inout [UInt8]) -> Bool {
        var string = string
        out.append(UInt8(ascii: "\""))
        let ascii = string.withUTF8 { bytes -> Bool in
            var union: UInt8 = 0
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                union |= byte
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                // Clean bytes are copied in runs: most strings have no escape at all.
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x09: out.append(UInt8(ascii: "t"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                default:
                    let hex: StaticString = "0123456789abcdef"
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    out.append(hex.utf8Start[Int(byte >> 4)])
                    out.append(hex.utf8Start[Int(byte & 0xF)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            return union < 0x80
        }
        out.append(UInt8(ascii: "\""))
        return ascii
    }

    /// Appends the digits of `value`.
    static func writeDecimal(_ value: UInt64, into out: inout [UInt8]) {
        guard value >= 10 else {
            out.append(UInt8(truncatingIfNeeded: value) + UInt8(ascii: "0"))
            return
        }
        // 20 digits hold UInt64.max; filled from the end.
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { digits in
            var rest = value
            var start = 20
            while rest > 0 {
                start -= 1
                digits[start] = UInt8(truncatingIfNeeded: rest % 10) + UInt8(ascii: "0")
                rest /= 10
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: digits[start..<20]))
        }
    }

    /// Appends a finite floating-point number as JSONEncoder does: Swift's shortest round-trip `description`
    /// (`1e-07`, `1e+21`), without the `.0` of integral values.
    private static func writeNumber(_ description: String, into out: inout [UInt8]) {
        var text = description.utf8[...]
        if text.count >= 2, text.last == UInt8(ascii: "0"), text.dropLast().last == UInt8(ascii: ".") {
            text = text.dropLast(2)
        }
        out.append(contentsOf: text)
    }

    /// The `.convertToString` strategy of ``CompactJSONEncoder/referenceEncoder(userInfo:)``.
    private static func writeNonFinite<Value: FloatingPoint>(_ value: Value, into out: inout [UInt8]) {
        if value.isNaN { appendLiteral("\"nan\"", to: &out)
        } else if value < 0 { appendLiteral("\"-inf\"", to: &out)
        } else { appendLiteral("\"inf\"", to: &out) }
    }

    private static func appendLiteral(_ text: StaticString, to out: inout [UInt8]) {
        text.withUTF8Buffer { out.append(contentsOf: $0) }
    }
}
