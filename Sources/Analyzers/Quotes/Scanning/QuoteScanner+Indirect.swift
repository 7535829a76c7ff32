import CorpusKit

/// Reported speech without quotation marks: `X a affirmé que …`, `X said that …`, `Selon X, …`, `…, selon X.`,
/// `D'après X, …`, `According to X, …`. Kept only when the speaker is a named entity, a pronoun or a role that
/// resolves (so that `Il faut dire que …` is not a quotation).
extension QuoteScanner {
    mutating func indirectQuotes() {
        // Direct quotations, in order; a pointer walks them with the sentences (both in text order).
        let covered = quotes.map(\.span).sorted { $0.start < $1.start }
        var next = 0
        for sentence in structure.sentences {
            let range = sentence.tokens
            guard !range.isEmpty, range.upperBound <= count else { continue }
            let sentenceSpan = sentence.span
            while next < covered.count, covered[next].end <= sentenceSpan.start { next += 1 }
            var overlaps = false
            var k = next
            while k < covered.count, covered[k].start < sentenceSpan.end {
                if covered[k].end > sentenceSpan.start { overlaps = true; break }
                k += 1
            }
            if overlaps { continue }
            if let quote = reportedThat(range) ?? accordingTo(range) { quotes.append(quote) }
        }
    }

    /// `X a affirmé que …`: a cue verb, then `que`/`qu'`/`that` within two words.
    private mutating func reportedThat(_ range: Range<Int>) -> Quote? {
        for t in range {
            guard let entry = cue(t), entry.type == .verb else { continue }
            var k = t + 1
            while k < min(range.upperBound, t + 3), !isOne(k, of: QuoteWords.that) { k += 1 }
            guard k < range.upperBound, isOne(k, of: QuoteWords.that) else { continue }
            var cueStart = t
            if isOne(t - 1, of: QuoteWords.auxiliaries) { cueStart = t - 1 }
            guard let subject = subjectBefore(cueStart), subject.lowerBound >= range.lowerBound else { return nil }
            var end = range.upperBound
            while end > k + 1, tokens[end - 1].kind == .punctuation { end -= 1 }
            guard end > k + 1 else { return nil }
            guard let speaker = resolve(subject, before: k) else { return nil }
            let words = (k + 1)..<end
            return Quote(text: text(words), span: span(words), fragments: [span(words)], kind: .indirect, quoteMarks: "",
                         cue: .init(text: text(cueStart..<(t + 1)), span: span(cueStart..<(t + 1)), lemma: cues.lemma(entry)),
                         speaker: .init(text: text(subject), span: span(subject)), speakerEntity: speaker,
                         confidence: 0.7, paragraph: Int(max(paragraphOf[t], 0)))
        }
        return nil
    }

    /// Whether `range` holds at least `n` words (stops counting there).
    private func hasWords(_ range: Range<Int>, atLeast n: Int) -> Bool {
        var found = 0
        for t in range where isWord(t) {
            found += 1
            if found >= n { return true }
        }
        return false
    }

    /// `Selon X, …` at the start of the sentence, or `…, selon X.` at its end; `d'après`, `according to`.
    private mutating func accordingTo(_ range: Range<Int>) -> Quote? {
        for t in range {
            guard let entry = cue(t), entry.type == .source else { continue }
            let lemma = cues.lemma(entry)
            // `pour` attributes only at the start of the sentence and before a name: `Pour Jean Martin, …`.
            if lemma == "pour", t != range.lowerBound { continue }
            if lemma == "d'après", !(t > range.lowerBound && folded(t - 1) == Array("d'".utf8)) { continue }
            let cueStart = lemma == "d'après" ? t - 1 : t
            var nameStart = t + 1
            if lemma == "according to", isOne(nameStart, of: NameWords.set(["to"])) { nameStart += 1 }
            // The source: up to a comma or the end of the sentence.
            var nameEnd = nameStart
            while nameEnd < range.upperBound, punctuation(nameEnd) == 0, nameEnd - nameStart < 12 { nameEnd += 1 }
            guard nameEnd > nameStart else { continue }
            let sourceRange = nameStart..<nameEnd
            var words: Range<Int>
            if cueStart == range.lowerBound {
                // `Selon X, Y.`
                guard punctuation(nameEnd) == 0x2C else { continue }
                var end = range.upperBound
                while end > nameEnd + 1, tokens[end - 1].kind == .punctuation { end -= 1 }
                words = (nameEnd + 1)..<end
            } else {
                // `Y, selon X.`
                guard punctuation(cueStart - 1) == 0x2C, cueStart - 1 > range.lowerBound else { continue }
                words = range.lowerBound..<(cueStart - 1)
            }
            guard hasWords(words, atLeast: 3) else { continue }
            if lemma == "pour", !mentions.contains(where: { $0.span.start == tokens[nameStart].span.start
                && entities[$0.entity].kind == .person }) { continue }
            guard let speaker = resolve(sourceRange, before: words.lowerBound) else { continue }
            return Quote(text: text(words), span: span(words), fragments: [span(words)], kind: .indirect, quoteMarks: "",
                         cue: .init(text: text(cueStart..<(t + 1)), span: span(cueStart..<(t + 1)), lemma: lemma),
                         speaker: .init(text: text(sourceRange), span: span(sourceRange)), speakerEntity: speaker,
                         confidence: 0.7, paragraph: Int(max(paragraphOf[t], 0)))
        }
        return nil
    }
}
