import CorpusKit

/// Quotation marks: pairing them into quotations, and dialogue dashes.
///
/// Marks pair within a paragraph: `«` with `»`, `“` and `„` with `”`, `‹` with `›`, straight `"` by alternation,
/// single quotes only inside another quotation. A French quotation may go on over several paragraphs, each
/// opening with `«`; a quotation still open at the end of its paragraph (and not continued) closes there with
/// low confidence. Closing marks with nothing open are ignored. Each mark is looked at once.
extension QuoteScanner {
    enum Mark: Equatable {
        case open(UInt8), close(UInt8), straight, single
    }

    /// The mark at token `i`: `open(family)` / `close(family)` with family 1 for `« »`, 2 for `“ ” „`, 3 for
    /// `‹ ›`; `straight` for `"`; `single` for `'`, `‘`, `’` used as quote marks.
    func mark(_ i: Int) -> Mark? {
        guard i >= 0, i < count, tokens[i].has(.quoteMark) else { return nil }
        let s = tokens[i].span.start
        let b = bytes[s]
        if b == 0x22 { return .straight }
        if b == 0x27 { return .single }
        if b == 0xC2, s + 1 < bytes.count {
            if bytes[s + 1] == 0xAB { return .open(1) }
            if bytes[s + 1] == 0xBB { return .close(1) }
        }
        if b == 0xE2, s + 2 < bytes.count, bytes[s + 1] == 0x80 {
            switch bytes[s + 2] {
            case 0x9C, 0x9E: return .open(2)
            case 0x9D: return .close(2)
            case 0xB9: return .open(3)
            case 0xBA: return .close(3)
            case 0x98, 0x99: return .single
            default: return nil
            }
        }
        return nil
    }

    /// A pair of marks (or a dialogue dash) and the words between them.
    struct Quoted {
        /// Token of the opening mark (or dash).
        var open: Int
        /// Token of the closing mark, or the paragraph's end when unclosed or a dash paragraph.
        var close: Int
        var marks: String
        var closed: Bool
        /// The quotation goes on in the next part (a French quotation over several paragraphs).
        var continued = false
        /// The word tokens inside, as fragments (an incise splits them).
        var inside: Range<Int> { (open + 1)..<close }
    }

    /// Every outermost quotation of the text, in order.
    func pairedQuotations() -> [Quoted] {
        var found: [Quoted] = []
        var carried: Quoted?  // a `«` quotation going on into the next paragraph
        for paragraph in structure.paragraphs {
            let range = paragraph.tokens
            guard !range.isEmpty else { continue }
            var stack: [(mark: Mark, token: Int)] = []
            var start = range.lowerBound
            if var open = carried {
                carried = nil
                if mark(start) == .open(1) {
                    // The quotation goes on: the first paragraph's part ends there, and this paragraph's `«` opens
                    // the next part.
                    open.close = start
                    open.continued = true
                    found.append(open)
                    stack.append((.open(1), start))
                    start += 1
                } else {
                    found.append(open)
                }
            }
            var t = start
            while t < range.upperBound {
                defer { t += 1 }
                if stack.isEmpty, punctuation(t) == 0x2D, t == range.lowerBound || tokens[t].has(.lineStart) {
                    // A dialogue dash opening a line: the line is the quotation (its narration is cut off when
                    // the words are attributed: `— Q ? demanda X`).
                    var end = t + 1
                    while end < range.upperBound, !tokens[end].has(.lineStart) { end += 1 }
                    if end > t + 1 { found.append(Quoted(open: t, close: end, marks: "—", closed: true)) }
                    t = end - 1
                    continue
                }
                guard let m = mark(t) else { continue }
                if let top = stack.last {
                    switch (top.mark, m) {
                    case (.open(let a), .close(let b)) where a == b:
                        stack.removeLast()
                        if stack.isEmpty {
                            found.append(Quoted(open: top.token, close: t, marks: Self.marks(top.mark), closed: true))
                        }
                    case (.straight, .straight):
                        stack.removeLast()
                        if stack.isEmpty {
                            found.append(Quoted(open: top.token, close: t, marks: Self.marks(top.mark), closed: true))
                        }
                    case (_, .open), (.open, .straight):
                        if stack.count < 3 { stack.append((m, t)) }  // a nested quotation
                    case (_, .single):
                        // Single quotes only nest inside another quotation; an unmatched one is left alone.
                        if stack.count >= 1, stack.count < 3, stack.last?.mark != .single { stack.append((m, t)) }
                        else if stack.last?.mark == .single { stack.removeLast() }
                    default:
                        break  // a closing mark of another family: ignored
                    }
                } else {
                    switch m {
                    case .open, .straight: stack.append((m, t))
                    default: break  // a closing mark with nothing open, or an apostrophe-like single quote
                    }
                }
            }
            // Still open at the end of the paragraph.
            if let outer = stack.first {
                var open = Quoted(open: outer.token, close: range.upperBound, marks: Self.marks(outer.mark), closed: false)
                // `«` left open may continue in the next paragraph (French typography); otherwise it closes here.
                if outer.mark == .open(1), stack.count == 1 {
                    open.closed = true
                    carried = open
                } else {
                    found.append(open)
                }
            }
        }
        if var open = carried {
            open.closed = false
            found.append(open)
        }
        return found
    }

    static func marks(_ mark: Mark) -> String {
        switch mark {
        case .open(1), .close(1): "«»"
        case .open(2), .close(2): "“”"
        case .open(3), .close(3): "‹›"
        case .straight: "\"\""
        default: "''"
        }
    }
}
