/// A hand-written JSON writer for ``TextStructure``: every token is an object, so through `JSONEncoder` the
/// `text` output cost about 10 bytes of JSON per byte of text at ~2.6 MB/s. This writes the very same bytes
/// `JSONEncoder` writes with `[.sortedKeys, .withoutEscapingSlashes]` (the golden test compares them), directly.
extension TextStructure {
    /// Appends the compact JSON of the structure, offsets as Unicode scalar offsets through `offsets`.
    /// - Complexity: O(t log n) for t tokens (n non-ASCII scalars), O(t) for ASCII text.
    func writeCompactJSON(into out: inout [UInt8], offsets: ScalarOffsetIndex) {
        @inline(__always) func literal(_ text: StaticString) {
            text.withUTF8Buffer { out.append(contentsOf: $0) }
        }
        @inline(__always) func number(_ value: Int) {
            if value == 0 {
                out.append(0x30)
                return
            }
            var digits: (UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
            var count = 0
            var rest = value.magnitude
            withUnsafeMutableBytes(of: &digits) { buffer in
                while rest > 0 {
                    buffer[count] = UInt8(rest % 10) + 0x30
                    rest /= 10
                    count += 1
                }
                if value < 0 { out.append(0x2D) }
                for k in stride(from: count - 1, through: 0, by: -1) { out.append(buffer[k]) }
            }
        }
        func range(_ range: Range<Int>) {
            out.append(0x5B)
            number(range.lowerBound)
            out.append(0x2C)
            number(range.upperBound)
            out.append(0x5D)
        }
        func span(_ span: TextSpan) {
            literal("{\"end\":")
            number(offsets.scalarOffset(ofUTF8Offset: span.end))
            literal(",\"start\":")
            number(offsets.scalarOffset(ofUTF8Offset: span.start))
            out.append(0x7D)
        }

        literal("{\"paragraphs\":[")
        for (index, paragraph) in paragraphs.enumerated() {
            if index > 0 { out.append(0x2C) }
            literal("{\"sentences\":")
            range(paragraph.sentences)
            literal(",\"span\":")
            span(paragraph.span)
            literal(",\"tokens\":")
            range(paragraph.tokens)
            out.append(0x7D)
        }
        literal("],\"sentences\":[")
        for (index, sentence) in sentences.enumerated() {
            if index > 0 { out.append(0x2C) }
            literal("{\"span\":")
            span(sentence.span)
            literal(",\"tokens\":")
            range(sentence.tokens)
            out.append(0x7D)
        }
        literal("],\"tokens\":[")
        let featureNames = Token.Features.named.map { (feature: $0.feature, json: Array("\"\($0.name)\"".utf8)) }
        for (index, token) in tokens.enumerated() {
            if index > 0 { out.append(0x2C) }
            literal("{\"end\":")
            number(offsets.scalarOffset(ofUTF8Offset: token.span.end))
            literal(",\"features\":[")
            var first = true
            for entry in featureNames where token.features.contains(entry.feature) {
                if !first { out.append(0x2C) }
                first = false
                out.append(contentsOf: entry.json)
            }
            literal("],\"kind\":\"")
            switch token.kind {
            case .word: literal("word")
            case .number: literal("number")
            case .punctuation: literal("punctuation")
            case .symbol: literal("symbol")
            }
            literal("\",\"start\":")
            number(offsets.scalarOffset(ofUTF8Offset: token.span.start))
            out.append(0x7D)
        }
        literal("]}")
    }
}
