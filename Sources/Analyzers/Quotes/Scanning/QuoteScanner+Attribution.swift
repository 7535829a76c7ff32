import CorpusKit

/// Building quotations from paired marks and attributing them: incises inside the quotation (`« Q1, dit-il,
/// Q2 »`), cues after it (`», a déclaré X`, `», ajoute-t-elle`, `», X a ajouté`, `," X said`), cues before it
/// (`X a déclaré : « Q »`), partial quotes inside a reporting sentence (`X a réitéré son « Q »`), headlines
/// (`X : « Q »`) and floating quotes right after an attributed one.
extension QuoteScanner {
    /// A cue and the speaker phrase found for a quotation.
    struct Attribution {
        var cue: Range<Int>?
        var lemma: String
        var speaker: Range<Int>?
        var method: String? = nil
    }

    /// Finds every quotation of the text.
    mutating func run() {
        let quoted = pairedQuotations()
        var index = 0
        while index < quoted.count {
            var parts = [quoted[index]]
            while index + 1 < quoted.count, parts[parts.count - 1].continued {
                parts.append(quoted[index + 1])  // one quotation over several paragraphs
                index += 1
            }
            index += 1
            if let quote = build(parts) { quotes.append(quote) }
        }
        indirectQuotes()
        quotes.sort { $0.span.start < $1.span.start }
    }

    /// A quotation from its parts, or nil when it is a title, a name or scare quotes.
    private mutating func build(_ parts: [Quoted]) -> Quote? {
        guard let first = parts.first, let last = parts.last else { return nil }
        // Titles and names: `sur le thème « … »`, `baptisé « … »`, `l'opération « … »`; headline tickers.
        if first.marks != "—", isOne(first.open - 1, of: QuoteWords.titleTriggers) { return nil }
        if first.open < count, separatorsInLine[first.open] >= 2 { return nil }
        var fragments: [Range<Int>] = []
        var attribution: Attribution?
        for part in parts {
            var range = part.inside
            // Trim marks and dashes at the edges of the words.
            while !range.isEmpty, tokens[range.lowerBound].kind == .punctuation, punctuation(range.lowerBound) != 0x2E { range = (range.lowerBound + 1)..<range.upperBound }
            while !range.isEmpty, mark(range.upperBound - 1) != nil { range = range.lowerBound..<(range.upperBound - 1) }
            guard !range.isEmpty else { continue }
            let (pieces, incise) = part.marks == "—" ? splitNarration(range) : splitIncise(range)
            fragments += pieces
            if attribution == nil { attribution = incise }
        }
        guard !fragments.isEmpty else { return nil }
        let words = fragments.reduce(0) { total, range in total + range.filter { isWord($0) }.count }
        guard words > 0 else { return nil }
        var kind = Quote.Kind.direct
        if attribution == nil, last.closed, last.close < count, first.marks != "—" {
            attribution = attributionAfter(last.close + 1)
        }
        if attribution == nil { attribution = attributionBefore(first.open) }
        if attribution == nil, first.marks != "—", let partial = partialAttribution(first.open) {
            attribution = partial
            kind = .mixed
        }
        if attribution == nil, first.marks != "—", let headline = headlineSpeaker(first.open) {
            attribution = Attribution(cue: nil, lemma: "", speaker: headline)
        }
        var floating = false
        if attribution == nil, let previous = lastSpeaker, lastQuoteEnd >= 0,
           paragraphOf[min(first.open, count - 1)] - paragraphOf[min(lastQuoteEnd, count - 1)] <= 1
        {
            // A quotation right after an attributed one, with no cue of its own: the same speaker.
            attribution = Attribution(cue: nil, lemma: "", speaker: nil, method: "previous")
            floating = true
            _ = previous
        }
        // Scare quotes: a few words with no speech cue (a dialogue line is speech whatever its length).
        if first.marks != "—" {
            if attribution == nil, words <= 2 { return nil }
            if kind == .direct, words <= 3, attribution?.cue == nil, !floating { return nil }
            if words <= 4, kind == .direct, attribution?.cue == nil, attribution?.speaker == nil { return nil }
        }

        var speakerEntity: Quote.SpeakerEntity?
        lastCoSpeakers = []
        if let speaker = attribution?.speaker {
            speakerEntity = resolve(speaker, before: first.open)
        } else if floating, let previous = lastSpeaker, previous < entities.count {
            speakerEntity = .init(name: entities[previous].canonicalName, kind: speakerKind(entities[previous].kind),
                                  method: "previous")
        }
        let spans = fragments.map { span($0) }
        let text = fragments.map { self.text($0) }.joined(separator: " […] ")
        var confidence = attribution?.cue != nil ? 0.9 : attribution?.speaker != nil ? 0.7 : 0.5
        if floating { confidence = 0.5 }
        if !last.closed { confidence *= 0.6 }
        if kind == .mixed { confidence = min(confidence, 0.75) }
        let quote = Quote(
            text: text, span: TextSpan(start: spans[0].start, end: spans[spans.count - 1].end), fragments: spans,
            kind: kind, quoteMarks: first.marks,
            cue: attribution?.cue.map { .init(text: self.text($0), span: span($0), lemma: attribution?.lemma ?? "") },
            speaker: attribution?.speaker.map { .init(text: self.text($0), span: span($0)) },
            speakerEntity: speakerEntity, coSpeakers: lastCoSpeakers, confidence: confidence,
            paragraph: Int(max(paragraphOf[first.open], 0)))
        lastQuoteEnd = last.close - 1
        return quote
    }

    /// A quotation cut by an incise: `Q1, dit-il, Q2`, `Q1, a affirmé le ministre, Q2`, `Q1 — ajoute-t-elle —
    /// Q2`. The fragments and the incise's attribution.
    private mutating func splitIncise(_ range: Range<Int>) -> ([Range<Int>], Attribution?) {
        var t = range.lowerBound
        while t < range.upperBound {
            let p = punctuation(t)
            if p == 0x2C || p == 0x2D, t > range.lowerBound, t + 1 < range.upperBound {
                // The incise: a cue within the next few tokens, then a comma or a dash.
                var k = t + 1
                var cueAt: Int?
                while k < min(range.upperBound, t + 8) {
                    if punctuation(k) == 0x2C || punctuation(k) == 0x2D || punctuation(k) == 0x2E { break }
                    if cueAt == nil, let entry = cue(k), entry.type == .inverted || entry.type == .verb { cueAt = k }
                    k += 1
                }
                if let cueAt, k < range.upperBound, punctuation(k) == 0x2C || punctuation(k) == 0x2D,
                   let attribution = attributionAfter(t + 1, limit: k), attribution.cue?.lowerBound == cueAt
                    || attribution.cue != nil
                {
                    let before = range.lowerBound..<t
                    let after = (k + 1)..<range.upperBound
                    var pieces = [before]
                    if !after.isEmpty { pieces.append(after) }
                    return (pieces, attribution)
                }
            }
            t += 1
        }
        return ([range], nil)
    }

    /// A dialogue line: the words, then (after `,`, `?`, `!`, `.` or `;`) a reporting cue that starts the
    /// narration (`— Q ? demanda le laquais.`, `— Q1, répondit-il, Q2`). The words stop there; after the
    /// incise, a comma followed by more words starts the second fragment.
    private mutating func splitNarration(_ range: Range<Int>) -> ([Range<Int>], Attribution?) {
        var t = range.lowerBound + 1
        while t < range.upperBound {
            let p = punctuation(t)
            if p == 0x2C || p == 0x3F || p == 0x21 || p == 0x2E || p == 0x3B || (p == 0 && tokens[t].kind == .punctuation) {
                var k = t + 1
                // An elided reflexive pronoun before the verb: `s'écria`, `m'a dit`.
                if isWord(k), tokens[k].has(.elision) { k += 1 }
                if let entry = cue(k), entry.type == .inverted || entry.type == .verb,
                   let attribution = attributionAfter(k, limit: range.upperBound)
                {
                    let first = range.lowerBound..<(p == 0x2C ? t : t + 1)
                    // The end of the incise: the next comma (more words follow) or the line's end.
                    var end = (attribution.speaker?.upperBound ?? attribution.cue?.upperBound ?? k + 1)
                    while end < range.upperBound, punctuation(end) != 0x2C, punctuation(end) != 0x3B,
                          end - k < 16
                    {
                        end += 1
                    }
                    var pieces = [first]
                    if end + 1 < range.upperBound, punctuation(end) == 0x2C, isWord(end + 1) {
                        pieces.append((end + 1)..<range.upperBound)
                    }
                    var fixed = attribution
                    if let speaker = fixed.speaker, speaker.upperBound > end { fixed.speaker = speaker.lowerBound..<end }
                    return (pieces.filter { !$0.isEmpty }, fixed)
                }
            }
            t += 1
        }
        return ([range], nil)
    }

    /// The cue and speaker after a quotation, from token `t` (a comma may come first): `a déclaré le ministre`,
    /// `ajoute-t-elle`, `a-t-il affirmé`, `X a ajouté`, `said X`, `X said`.
    mutating func attributionAfter(_ t: Int, limit: Int? = nil) -> Attribution? {
        let limit = min(limit ?? count, count)
        var k = t
        if punctuation(k) == 0x2C || punctuation(k) == 0x2D { k += 1 }
        guard k < limit, isWord(k) else { return nil }
        if let entry = cue(k), entry.type == .inverted {
            // `ajoute-t-elle`, or `a-t-il` + participle.
            var cueEnd = k + 1
            var lemma = cues.lemma(entry)
            if let participle = cue(k + 1), participle.type == .verb, k + 1 < limit {
                cueEnd = k + 2
                lemma = cues.lemma(participle)
            }
            var speaker: Range<Int> = k..<(k + 1)
            // `ajoute-t-il, le ministre`: rare; the pronoun is the speaker.
            if cueEnd < limit, let phrase = speakerPhrase(after: cueEnd, limit: limit), !isOne(phrase.lowerBound, of: QuoteWords.pronouns) {
                speaker = phrase
            }
            return Attribution(cue: k..<cueEnd, lemma: lemma, speaker: speaker)
        }
        // `a déclaré le ministre`, `déclare le ministre`, `said X`.
        var verb = k
        if isOne(k, of: QuoteWords.auxiliaries), cue(k + 1)?.type == .verb { verb = k + 1 }
        if let entry = cue(verb), entry.type == .verb {
            guard let speaker = speakerPhrase(after: verb + 1, limit: limit) else { return nil }
            return Attribution(cue: k..<(verb + 1), lemma: cues.lemma(entry), speaker: speaker)
        }
        // `X a ajouté`, `le ministre a affirmé`, `X said`: a subject, then the cue within a few words (a
        // conjunction first is not the subject: `but noted`).
        if isOne(k, of: QuoteScanner.phraseStops) { return nil }
        var j = k
        while j < min(limit, k + 9), isWord(j), punctuation(j) == 0 {
            if let entry = cue(j), entry.type == .verb, j > k {
                var subjectEnd = j
                if isOne(j - 1, of: QuoteWords.auxiliaries) { subjectEnd = j - 1 }
                guard subjectEnd > k else { return nil }
                return Attribution(cue: subjectEnd..<(j + 1), lemma: cues.lemma(entry), speaker: k..<subjectEnd)
            }
            j += 1
        }
        return nil
    }

    /// The cue and speaker before a quotation opening at `open`: `X a déclaré : « Q »`, `X said: "Q"`,
    /// `X a expliqué « Q »`.
    mutating func attributionBefore(_ open: Int) -> Attribution? {
        var k = open - 1
        if punctuation(k) == 0x3A { k -= 1 }
        guard k >= 0, isWord(k), sameSentence(k, open) || punctuation(open - 1) == 0x3A else { return nil }
        // The cue is the last word (or the participle after an auxiliary).
        guard let entry = cue(k), entry.type == .verb || entry.type == .inverted else { return nil }
        var cueStart = k
        if isOne(k - 1, of: QuoteWords.auxiliaries) { cueStart = k - 1 }
        if entry.type == .inverted {
            return Attribution(cue: k..<(k + 1), lemma: cues.lemma(entry), speaker: k..<(k + 1))
        }
        guard let subject = subjectBefore(cueStart) else { return nil }
        return Attribution(cue: cueStart..<(k + 1), lemma: cues.lemma(entry), speaker: subject)
    }

    /// `X a réitéré son « engagement total »`, `X a dénoncé des « mensonges »`: a cue earlier in the sentence,
    /// its subject the speaker (a partial quotation, `mixed`).
    mutating func partialAttribution(_ open: Int) -> Attribution? {
        var k = open - 1
        var steps = 0
        while k >= 0, steps < 20, sameSentence(k, open) {
            if let entry = cue(k), entry.type == .verb {
                var cueStart = k
                if isOne(k - 1, of: QuoteWords.auxiliaries) { cueStart = k - 1 }
                guard let subject = subjectBefore(cueStart) else { return nil }
                return Attribution(cue: cueStart..<(k + 1), lemma: cues.lemma(entry), speaker: subject)
            }
            if mark(k) != nil { return nil }
            k -= 1
            steps += 1
        }
        return nil
    }

    /// A headline `Jean Martin : « Q »`: a short name at the start of the line, a colon, the quotation.
    mutating func headlineSpeaker(_ open: Int) -> Range<Int>? {
        guard punctuation(open - 1) == 0x3A else { return nil }
        var k = open - 2
        var start = k
        while k >= 0, open - 2 - k < 5, isWord(k), tokens[k].has(.capitalized) {
            start = k
            if tokens[k].has(.lineStart) || tokens[k].has(.sentenceStart) { return start..<(open - 1) }
            k -= 1
        }
        return nil
    }

    /// The speaker phrase after a cue verb: up to the end of the clause (`le ministre des Affaires étrangères,
    /// Jean Martin` — a comma is crossed only before a capitalised name), at most a dozen words.
    mutating func speakerPhrase(after start: Int, limit: Int) -> Range<Int>? {
        var k = start
        var end = start
        while k < min(limit, start + 14), k < count {
            let p = punctuation(k)
            if p == 0x2C {
                // Apposition: `le ministre, Jean Martin`.
                if k + 1 < limit, tokens.indices.contains(k + 1), tokens[k + 1].has(.capitalized), isWord(k + 1),
                   end > start
                {
                    k += 1
                    continue
                }
                break
            }
            if p != 0 || mark(k) != nil || !isWord(k) && tokens[k].kind != .number { break }
            if end > start, isOne(k, of: QuoteScanner.phraseStops) {
                // `MM. Jean Martin et Paul Girard`: two speakers.
                let joinsNames = isOne(k, of: NameWords.set(["et", "and"])) && tokens.indices.contains(k + 1)
                    && tokens[k + 1].has(.capitalized) && isWord(k + 1)
                if !joinsNames { break }
            }
            k += 1
            end = k
        }
        guard end > start else { return nil }
        return start..<end
    }

    /// Words after a speaker phrase that begin something else (`lors de`, `devant`, `mardi`).
    static let phraseStops = NameWords.set([
        "lors", "devant", "dans", "pendant", "apres", "avant", "depuis", "selon", "sur", "a", "au", "aux", "en",
        "par", "pour", "avec", "mardi", "lundi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche", "hier",
        "aujourd'hui", "ce", "cette", "qui", "que", "qu'", "et", "mais", "during", "at", "in", "on", "after",
        "before", "who", "and", "but", "yesterday", "today",
    ])

    /// The subject before a cue at `cueStart`: from the start of the sentence, or after its last comma, up to
    /// the cue; an adverb of time at the start (`Hier,`) is left out.
    mutating func subjectBefore(_ cueStart: Int) -> Range<Int>? {
        guard cueStart > 0 else { return nil }
        // A present participle (`…, ajoutant que`, `en appelant à`) continues the sentence's subject: the last
        // name before it in the sentence.
        let form = folded(cueStart)
        if form.count > 4, form.suffix(3).elementsEqual("ant".utf8) {
            let limit = tokens[cueStart].span.start
            let sentence = sentenceOf[cueStart]
            var found: Range<Int>?
            let sentenceStart = structure.sentences.indices.contains(Int(sentence))
                ? structure.sentences[Int(sentence)].span.start : 0
            for mention in mentions[firstMention(atOrAfter: sentenceStart)...] {
                if mention.span.end > limit { break }
                guard let first = tokenIndex(startingAt: mention.span.start), sentenceOf[first] == sentence else {
                    continue
                }
                var last = first
                while last + 1 < count, tokens[last + 1].span.end <= mention.span.end { last += 1 }
                found = first..<(last + 1)
            }
            return found
        }
        var k = cueStart - 1
        // Negations and adverbs between the subject and the verb: `n'a pas`, `a encore`.
        while k >= 0, isOne(k, of: QuoteWords.negations) || isOne(k, of: QuoteWords.auxiliaries) { k -= 1 }
        let end = k + 1
        var start = end
        while k >= 0, sameSentence(k, cueStart), end - k <= 14 {
            if punctuation(k) == 0x2C {
                // `Le ministre, Jean Martin, a déclaré`: an apposition before the verb stays in the subject.
                if end - start >= 1, tokens[start].has(.capitalized), k - 1 >= 0, isWord(k - 1) {
                    k -= 1
                    continue
                }
                break
            }
            if punctuation(k) != 0 || mark(k) != nil { break }
            start = k
            k -= 1
        }
        guard start < end else { return nil }
        return start..<end
    }
}
