import Foundation
import Testing

@testable import CorpusKit

/// CompactJSONEncoder must write JSONEncoder's bytes exactly: `corpus-tool analyze` output must not change.
@Suite("Compact JSON encoder")
struct CompactJSONEncoderTests {
    /// Encodes `value` with both encoders and compares the bytes.
    private func expectSameBytes<Value: Encodable>(
        _ value: Value, userInfo: [CodingUserInfoKey: any Sendable] = [:],
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let reference = try CompactJSONEncoder.referenceEncoder(userInfo: userInfo).encode(value)
        let fast = try CompactJSONEncoder(userInfo: userInfo).encode(value)
        #expect(
            String(decoding: fast, as: UTF8.self) == String(decoding: reference, as: UTF8.self),
            sourceLocation: sourceLocation)
        #expect(fast == Array(reference), sourceLocation: sourceLocation)
    }

    struct Inner: Codable, Equatable {
        var name: String
        var score: Double?
        var tags: [String]
    }

    struct Outer: Codable {
        var id: Int
        var title: String?
        var inner: Inner?
        var inners: [Inner]
        var counts: [String: Int]
        var nested: [[Int?]]
        var flag: Bool
        var small: Int8
        var unsigned: UInt64
    }

    /// Writes an absent optional through `encode`, which is `null` (synthesized code uses `encodeIfPresent`).
    struct ExplicitNull: Encodable {
        enum CodingKeys: String, CodingKey { case a, b, c, d }
        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(nil as String?, forKey: .a)
            try container.encodeIfPresent(nil as Int?, forKey: .b)
            try container.encodeNil(forKey: .c)
        }
    }

    @Test func nestedStructsOptionalsArraysAndDictionaries() throws {
        let inner = Inner(name: "x", score: nil, tags: [])
        let value = Outer(
            id: -42, title: nil, inner: Inner(name: "In", score: 0.5, tags: ["a", "b/c"]),
            inners: [inner, Inner(name: "", score: -0.0, tags: ["\u{0}"])],
            counts: ["b": 1, "B": 2, "a": 3, "A": 4, "_": 5, "a1": 6, "a10": 7, "a2": 8, "": 9, "~": 10, "Zz": 11],
            nested: [[1, nil], [], [nil]], flag: true, small: Int8.min, unsigned: UInt64.max)
        try expectSameBytes(value)
        try expectSameBytes(ExplicitNull())
        try expectSameBytes([inner])
        try expectSameBytes(["k": [inner]])
        try expectSameBytes([3: "three", -1: "minus one", 10: "ten"])
        try expectSameBytes([[String: [Double]]]([[:], ["z": [], "y": [1, 2.5]]]))
        try expectSameBytes(nil as Int?)
        try expectSameBytes([true, false])
        try expectSameBytes("top-level string")
        try expectSameBytes(12)
    }

    @Test func emptyContainers() throws {
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
        struct EmptyKeyed: Encodable {
            func encode(to encoder: any Encoder) throws { _ = encoder.container(keyedBy: ExplicitNull.CodingKeys.self) }
        }
        struct EmptyUnkeyed: Encodable {
            func encode(to encoder: any Encoder) throws { _ = encoder.unkeyedContainer() }
        }
        try expectSameBytes([Int]())
        try expectSameBytes([String: Int]())
        try expectSameBytes(EmptyKeyed())
        try expectSameBytes(EmptyUnkeyed())
        try expectSameBytes([Nothing()])  // nested, a value that encodes nothing is `{}`
        try expectSameBytes(["a": [[Int]]()])
    }

    @Test func numbers() throws {
        let doubles: [Double] = [
            0, -0.0, 0.1, 1.0, -0.625, 1e-7, 1e21, 1e20, 123456789.123, .greatestFiniteMagnitude,
            -.greatestFiniteMagnitude, .leastNonzeroMagnitude, .leastNormalMagnitude, 1e16, 1e15, 12345678901234568,
            1e-5, 0.0001, 1.5e300, -1e-10, 100, 2.5, 1.0 / 3, 9007199254740992, 4.35, 0.3, -7,
        ]
        try expectSameBytes(doubles)
        for double in doubles { try expectSameBytes(double) }
        try expectSameBytes(doubles.map(Float.init))
        try expectSameBytes([Float.greatestFiniteMagnitude, .leastNonzeroMagnitude, 16777216, 1e-7, 1e21])
        try expectSameBytes([Int.min, Int.max, 0, -1, 9])
        try expectSameBytes([Int8.min, Int8.max])
        try expectSameBytes([Int16.min, Int16.max])
        try expectSameBytes([Int32.min, Int32.max])
        try expectSameBytes([Int64.min, Int64.max])
        try expectSameBytes([UInt.max, 0])
        try expectSameBytes([UInt8.max])
        try expectSameBytes([UInt16.max])
        try expectSameBytes([UInt32.max])
        try expectSameBytes([UInt64.max])
        try expectSameBytes([Float16(0.1), Float16(-2)])
        try expectSameBytes([Int128.min, Int128.max])
        try expectSameBytes([UInt128.max])
    }

    /// With the `.convertToString` strategy non-finite numbers are strings, not errors.
    @Test func nonFiniteNumbersAreTheStrategysStrings() throws {
        try expectSameBytes([Double.infinity, -.infinity, .nan, .signalingNaN])
        try expectSameBytes([Float.infinity, -.infinity, .nan])
        try expectSameBytes(["x": Double.infinity])
        try expectSameBytes(Double.nan)
        #expect(try CompactJSONEncoder().encode([Double.infinity, -.infinity, .nan])
            == Array(#"["inf","-inf","nan"]"#.utf8))
    }

    @Test func strings() throws {
        var everyASCII = ""
        for byte in 0..<0x80 { everyASCII.unicodeScalars.append(Unicode.Scalar(UInt8(byte))) }
        let strings = [
            everyASCII, "", "\"", "\\", "/", "a/b\\c\"d", "\u{0}", "\u{7F}", "\u{2028}\u{2029}", "👩‍👩‍👧 😀",
            "café cafe\u{301}", "\u{FEFF}\u{85}\u{A0}", "\r\n\t\u{8}\u{C}\u{1B}\u{1F}", "日本語", "tail\\",
        ]
        try expectSameBytes(strings)
        for string in strings { try expectSameBytes(string) }
        try expectSameBytes(Dictionary(uniqueKeysWithValues: strings.dropFirst().enumerated()
            .filter { $0.element.utf8.allSatisfy { $0 < 0x80 } }.map { ($0.element, $0.offset) }))
        try expectSameBytes(["\u{0}key\"\\": everyASCII])
    }

    /// Non-ASCII keys are handed to JSONEncoder (it merges canonically equivalent keys yet orders by scalars).
    @Test func nonASCIIKeys() throws {
        struct Keys: Encodable {
            struct Key: CodingKey {
                let stringValue: String
                init(stringValue: String) { self.stringValue = stringValue }
                var intValue: Int? { nil }
                init?(intValue: Int) { nil }
            }
            let keys: [String]
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Key.self)
                for (index, key) in keys.enumerated() { try container.encode(index, forKey: Key(stringValue: key)) }
            }
        }
        try expectSameBytes(["é": 1, "e": 2, "z": 3, "日本": 4, "😀": 5, "Ā": 6])
        try expectSameBytes(Keys(keys: ["e\u{301}b", "éa", "a"]))
        try expectSameBytes(Keys(keys: ["e\u{301}", "é", "b"]))
        try expectSameBytes([["a": 1], ["é": 2]])
        #expect(try CompactJSONEncoder().encode([["a": "é"]]) == Array(#"[{"a":"é"}]"#.utf8))
    }

    @Test func typesJSONEncoderEncodesItsOwnWay() throws {
        struct Record: Encodable {
            var date = Date(timeIntervalSinceReferenceDate: 12.5)
            var data = Data([1, 2, 3, 250, 255])
            var url = URL(string: "https://example.com/a/b?c=d")!
            var relative = URL(string: "c/d", relativeTo: URL(string: "https://example.com/a/"))!
            var decimal = Decimal(string: "123.4500")!
            var decimals = [Decimal(string: "-0.001")!, Decimal.nan]
        }
        try expectSameBytes(Record())
        try expectSameBytes(Data())
        try expectSameBytes(Date(timeIntervalSince1970: 0))
    }

    /// Nested containers, super encoders and keys encoded twice, as JSONEncoder handles them.
    @Test func containersInEveryShape() throws {
        typealias Keys = ExplicitNull.CodingKeys
        struct Shapes: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(1, forKey: .a)
                try container.encode("again", forKey: .a)  // the last value wins
                var nested = container.nestedContainer(keyedBy: Keys.self, forKey: .b)
                try container.encode(true, forKey: .c)
                try nested.encode(2, forKey: .b)  // after the parent moved on
                var sameNested = container.nestedContainer(keyedBy: Keys.self, forKey: .b)
                try sameNested.encode(3, forKey: .a)  // merged into the first
                let superEncoder = container.superEncoder()
                var single = superEncoder.singleValueContainer()
                try single.encode("super")
                _ = container.superEncoder(forKey: .c)  // unused: `{}`, and replaces `c`
                var second = encoder.container(keyedBy: ExplicitNull.CodingKeys.self)  // adds to the first
                var list = second.nestedUnkeyedContainer(forKey: .d)
                try list.encode(9)
            }
        }
        struct UnkeyedShapes: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.unkeyedContainer()
                try container.encode(1)
                let superEncoder = container.superEncoder()
                try container.encode(3)
                var keyed = superEncoder.container(keyedBy: Keys.self)  // fills slot 1 after slot 2
                try keyed.encode(2, forKey: .a)
                var nested = container.nestedUnkeyedContainer()
                try nested.encodeNil()
                var nestedKeyed = container.nestedContainer(keyedBy: Keys.self)
                try nestedKeyed.encode(5, forKey: .c)
                _ = container.superEncoder()
                try container.encode(Int8(-1))
                try container.encode(UInt16(7))
                try container.encode(Float(0.1))
            }
        }
        try expectSameBytes(Shapes())
        try expectSameBytes(UnkeyedShapes())
        try expectSameBytes([Shapes()])
        try expectSameBytes(["x": UnkeyedShapes()])
    }

    /// Spans read the scalar offset index from `userInfo`.
    @Test func spansAndTokensUseTheScalarOffsets() throws {
        let body = "Café 👩‍👩‍👧 cafe\u{301} « ok »"
        let index = ScalarOffsetIndex(body)
        var spans: [TextSpan] = []
        var offset = 0
        for scalar in body.unicodeScalars {
            let end = offset + String(scalar).utf8.count
            spans.append(TextSpan(start: offset, end: end))
            offset = end
        }
        spans.append(TextSpan(start: 0, end: body.utf8.count))
        let tokens = spans.map { Token(span: $0, kind: .word, features: [.capitalized]) }
        let mentions = [EntityMention(span: spans[3], text: "é", title: "M.", sentence: 0, paragraph: nil)]
        try expectSameBytes(spans, userInfo: [.scalarOffsets: index])
        try expectSameBytes(tokens, userInfo: [.scalarOffsets: index])
        try expectSameBytes(mentions, userInfo: [.scalarOffsets: index])
        try expectSameBytes(spans)  // without an index: UTF-8 offsets
        let fast = String(decoding: try CompactJSONEncoder(userInfo: [.scalarOffsets: index]).encode(spans.last!),
                          as: UTF8.self)
        #expect(fast == "{\"end\":\(body.unicodeScalars.count),\"start\":0}")
    }

    struct Failing: Encodable {
        struct Failure: Error {}
        func encode(to encoder: any Encoder) throws { throw Failure() }
    }

    @Test func failuresThrowInsteadOfCrashing() throws {
        #expect(throws: Failing.Failure.self) { try CompactJSONEncoder().encode(Failing()) }
        #expect(throws: Failing.Failure.self) { try CompactJSONEncoder().encode(["a": [Failing()]]) }
        // What JSONEncoder rejects, this rejects too.
        struct Nothing: Encodable { func encode(to encoder: any Encoder) throws {} }
        #expect(throws: EncodingError.self) { try CompactJSONEncoder.referenceEncoder(userInfo: [:]).encode(Nothing()) }
        #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode(Nothing()) }
        // Misuses JSONEncoder traps on throw here.
        struct TwiceSingle: Encodable {
            func encode(to encoder: any Encoder) throws {
                var container = encoder.singleValueContainer()
                try container.encode(1)
                try container.encode(2)
            }
        }
        struct KeyedAfterSingle: Encodable {
            func encode(to encoder: any Encoder) throws {
                var single = encoder.singleValueContainer()
                try single.encode(1)
                var keyed = encoder.container(keyedBy: ExplicitNull.CodingKeys.self)
                try keyed.encode(2, forKey: .a)
            }
        }
        struct NestedOverValue: Encodable {
            func encode(to encoder: any Encoder) throws {
                var keyed = encoder.container(keyedBy: ExplicitNull.CodingKeys.self)
                try keyed.encode(5, forKey: .a)
                var nested = keyed.nestedContainer(keyedBy: ExplicitNull.CodingKeys.self, forKey: .a)
                try nested.encode(2, forKey: .b)
            }
        }
        #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode(TwiceSingle()) }
        #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode([KeyedAfterSingle()]) }
        #expect(throws: EncodingError.self) { try CompactJSONEncoder().encode(NestedOverValue()) }
        // A failure leaves what was written before untouched.
        var out = Array("[1,".utf8)
        #expect(throws: Failing.Failure.self) { try CompactJSONEncoder().write([Failing()], into: &out) }
        #expect(out == Array("[1,".utf8))
    }

    @Test func errorsCarryTheCodingPath() throws {
        struct Deep: Encodable {
            func encode(to encoder: any Encoder) throws {
                throw EncodingError.invalidValue(
                    0, .init(codingPath: encoder.codingPath, debugDescription: "deep"))
            }
        }
        do {
            _ = try CompactJSONEncoder().encode(["a": [Deep()]])
            Issue.record("no error")
        } catch let EncodingError.invalidValue(_, context) {
            #expect(context.codingPath.map(\.stringValue) == ["a", "Index 0"])
            #expect(context.codingPath.last?.intValue == 0)
        }
    }
}
