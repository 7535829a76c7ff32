import CorpusKit

/// Finding names: runs of capitalised words (with the particles of personal names and the titles kept apart),
/// typed by the gazetteers, head words, acronyms, titles, given names and context.
extension EntityScanner {
    /// Scans every token once; a name consumes its tokens.
    mutating func run() {
        for i in 0..<count where isCapitalised(i) && !isSentenceInitial(i) {
            capitalisedInside.insert(key(i))
        }
        var i = 0
        while i < count {
            guard isCapitalised(i) else { i += 1; continue }
            if let (candidate, next) = name(at: i) {
                candidates.append(candidate)
                i = max(next, i + 1)
            } else {
                i += 1
            }
        }
    }

    /// Whether token `i` starts a sentence, a line, or a quotation (`« Nous`, `: Le`), where any word is capitalised.
    func isSentenceInitial(_ i: Int) -> Bool {
        guard i > 0, i < count else { return true }
        let token = tokens[i]
        if token.has(.sentenceStart) || token.has(.lineStart) || token.has(.paragraphStart) { return true }
        let previous = tokens[i - 1]
        if previous.has(.quoteMark) { return true }
        if previous.kind == .punctuation, previous.span.end - previous.span.start == 1 {
            let b = bytes[previous.span.start]
            return b == 0x3A || b == 0x2D || b == 0x28  // `:`, a dash, `(`
        }
        return false
    }

    /// The name starting at token `i`, and the token after it.
    mutating func name(at i: Int) -> (NameCandidate, Int)? {
        var start = i
        var title: Range<Int>?
        // A capitalised title or role first: `M. Martin`, `Président Tebboune`, `Prime Minister Rishi Sunak`.
        if let length = titleLength(at: i), isCapitalised(i + length) || isLowerParticleBeforeName(i + length),
           joined(i + length)
        {
            title = i..<(i + length)
            start = i + length
            guard isCapitalised(start) else { return nil }
        }
        let startFlags = flags(start)
        if startFlags.contains(.functionWord) || startFlags.contains(.pageLabel) {
            // `Le`, `Dans`, `Accueil`: never a name on their own, but `Le Caire`, `La Haye` are places.
            guard let match = gazetteerMatch(at: start), match.end > start + 1 else { return nil }
            return (candidate(start, match.end, kind: match.kind, title: title, evidence: "gazetteer"), match.end)
        }
        // The run of capitalised words, with particles between them (`Charles de Gaulle`, `Ben Ali`).
        var end = start + 1
        let personLike = startFlags.contains(.givenName) || title != nil
        while end < count, end - start < Self.maxNameWords {
            if isCapitalised(end), joined(end), !flags(end).contains(.functionWord) {
                end += 1
            } else if joined(end), isLower(end), isCapitalised(end + 1), joined(end + 1),
                      isOneOf(end, NameWords.particles),
                      personLike || !isOneOf(end, NameWords.organisationLinks) || flags(start).contains(.organisationHead)
            {
                end += 2
            } else {
                break
            }
        }
        // A known name at the start of a longer run followed by a person's given name: `Alger Abdelmadjid
        // Tebboune` is a place then a person.
        if end - start >= 2, gazetteer.info(key(start..<end)) == nil {
            var cut = end - 1
            while cut > start {
                if gazetteerMatch(at: start, upTo: cut) != nil, flags(cut).contains(.givenName) { end = cut; break }
                cut -= 1
            }
        }
        let whole = key(start..<end)
        let info = gazetteer.info(whole)
        let wholeFlags = info?.flags ?? []
        if wholeFlags.contains(.forbidden) { return nil }
        if wholeFlags.contains(.forced), let kind = info?.kind {
            return (candidate(start, end, kind: kind, title: title, evidence: "gazetteer"), end)
        }
        if wholeFlags.contains(.organisation) || (wholeFlags.contains(.acronym)) {
            return organisation(start, end, title: title, evidence: "gazetteer")
        }
        if wholeFlags.contains(.place) {
            return (candidate(start, end, kind: .location, title: title, evidence: "gazetteer"), end)
        }
        if startFlags.contains(.organisationHead), title == nil {
            return organisation(start, extendOrganisation(from: end), title: nil, evidence: "head")
        }
        let words = end - start
        if words == 1, tokens[start].has(.allCaps), title == nil {
            return acronym(start)
        }
        if words == 1, !wholeFlags.isDisjoint(with: .never) || flags(start).contains(.role) { return nil }
        if title == nil { title = titleBefore(start) }
        if title != nil {
            return (candidate(start, end, kind: .person, title: title, evidence: "title"), end)
        }
        if words >= 2 {
            if startFlags.contains(.givenName) {
                return (candidate(start, end, kind: .person, title: nil, evidence: "given-name"), end)
            }
            // Several capitalised words that no list knows: a person when they look like one (two to four words,
            // none of them a place, a head word or a word that is never a name), else a miscellaneous name.
            var looksPersonal = words <= 4
            for t in start..<end where isCapitalised(t) {
                let f = flags(t)
                if f.contains(.place) || f.contains(.organisationHead) || !f.isDisjoint(with: .never)
                    || tokens[t].has(.allCaps) || tokens[t].has(.hasDigit)
                {
                    looksPersonal = false
                }
            }
            if isSentenceInitial(start), !capitalisedInside.contains(key(start)), !looksPersonal { return nil }
            return (candidate(start, end, kind: looksPersonal ? .person : .misc, title: nil, evidence: "multi-word"), end)
        }
        // One capitalised word.
        if isSentenceInitial(start), !capitalisedInside.contains(whole), !wholeFlags.contains(.givenName) { return nil }
        if isOneOf(start - 1, NameWords.placePrepositions), isLower(start - 1) || start - 1 == 0 {
            return (candidate(start, end, kind: .location, title: nil, evidence: "context"), end)
        }
        if wholeFlags.contains(.givenName), !isSentenceInitial(start) {
            return (candidate(start, end, kind: .person, title: nil, evidence: "given-name"), end)
        }
        // Unknown: kept only if the merge finds it is the surname of a person named in full (`Martin`).
        return (candidate(start, end, kind: .misc, title: nil, evidence: "unresolved"), end)
    }

    /// A lower-case particle that can start a name after a title (`M. de Villepin`).
    func isLowerParticleBeforeName(_ i: Int) -> Bool {
        isLower(i) && isOneOf(i, NameWords.particles) && isCapitalised(i + 1)
    }

    /// The number of tokens of a capitalised title or role at `i` (`M.`, `Mme`, `Président`, `Prime Minister`).
    mutating func titleLength(at i: Int) -> Int? {
        guard isCapitalised(i) else { return nil }
        for length in stride(from: 3, through: 1, by: -1) where i + length < count {
            let f = gazetteer.flags(key(i..<(i + length)))
            if f.contains(.honorific) || (f.contains(.role) && isCapitalised(i + length)) { return length }
        }
        return nil
    }

    /// The longest gazetteer place or organisation at `start`, ending at or before `limit`.
    mutating func gazetteerMatch(at start: Int, upTo limit: Int? = nil) -> (end: Int, kind: EntityKind)? {
        let limit = min(limit ?? count, start + gazetteer.maxWords + 2, count)
        var key = NameKey()
        var best: (Int, EntityKind)?
        var end = start
        while end < limit {
            if end > start, !joined(end) { break }
            let token = tokens[end]
            if token.kind == .word || token.kind == .number { key.append(bytes, token.span.start, token.span.end) }
            end += 1
            if let info = gazetteer.info(key) {
                if info.flags.contains(.forced), let kind = info.kind { best = (end, kind) }
                else if info.flags.contains(.organisation) { best = (end, .organization) }
                else if info.flags.contains(.place) { best = (end, .location) }
            }
        }
        return best.map { (end: $0.0, kind: $0.1) }
    }

    mutating func candidate(_ start: Int, _ end: Int, kind: EntityKind, title: Range<Int>?, evidence: String)
        -> NameCandidate
    {
        var last = end - 1
        while last > start, !isCapitalised(last) { last -= 1 }
        return NameCandidate(start: start, end: end, kind: kind, key: key(start..<end), lastWord: key(last),
                             title: title, expansion: nil, words: end - start, evidence: evidence)
    }
}
