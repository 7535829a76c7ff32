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
            if isLower(i), let (candidate, next) = triggered(at: i) {
                candidates.append(candidate)
                i = next
                continue
            }
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
        var end = capitalRun(from: start, personLike: startFlags.contains(.givenName) || title != nil,
                             organisationHead: startFlags.contains(.organisationHead))
        // A known place or organisation that a plain run would cut or overrun: `Côte d'Ivoire`, `République
        // démocratique du Congo`.
        if let match = gazetteerMatch(at: start), match.end != end, match.end > start + 1 || match.end >= end {
            if match.kind == .organization {
                return organisation(start, match.end, title: title, evidence: "gazetteer")
            }
            return (candidate(start, match.end, kind: match.kind, title: title, evidence: "gazetteer"), match.end)
        }
        // A given name inside the run starts a person there: `Budget Michel Charasse`, `Serbie Milan
        // Milutinovic` are a word then a person.
        if !startFlags.contains(.givenName), !isGivenNameCompound(start) {
            var t = start + 1
            while t < end - 1 {
                if isCapitalised(t), flags(t).contains(.givenName) || isGivenNameCompound(t) { end = t; break }
                t += 1
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
            let associative = foldedWord(start).map { Self.associativeHeads.contains($0) } ?? false
            return organisation(start, extendOrganisation(from: end, associative: associative), title: nil,
                                evidence: "head")
        }
        let words = end - start
        if words >= 2, isOneOf(end - 1, .companySuffix) {
            return organisation(start, end, title: nil, evidence: "head")
        }
        if words == 1, tokens[start].has(.allCaps), title == nil {
            return acronym(start)
        }
        if words == 1, !wholeFlags.isDisjoint(with: .never) || flags(start).contains(.role)
            || flags(start).contains(.honorific) || isDateWord(start)
        {
            return nil
        }
        if title == nil { title = titleBefore(start) }
        if title != nil {
            return (candidate(start, end, kind: .person, title: title, evidence: "title"), end)
        }
        if words >= 2 {
            if startFlags.contains(.givenName) || isGivenNameCompound(start) {
                return (candidate(start, end, kind: .person, title: nil, evidence: "given-name"), end)
            }
            // Several capitalised words that no list knows.
            if isSentenceInitial(start), !capitalisedInside.contains(key(start)) {
                // `Seul Syveton`: a capitalised first word of the sentence, then the name.
                return nil
            }
            // A person when it looks like one; otherwise an unknown kind of name (`Petit Prince`, `Jeune Homme`,
            // `Seconde Guerre`), too often a capitalised phrase to count as an entity.
            guard looksPersonal(start, end) else { return nil }
            return (candidate(start, end, kind: .person, title: nil, evidence: "multi-word"), end)
        }
        // One capitalised word.
        if isSentenceInitial(start), !capitalisedInside.contains(whole), !wholeFlags.contains(.givenName) { return nil }
        if isCommuneName(start) {
            return (candidate(start, end, kind: .location, title: nil, evidence: "commune"), end)
        }
        if isOneOf(start - 1, .placePreposition), isLower(start - 1) || start - 1 == 0 {
            return (candidate(start, end, kind: .location, title: nil, evidence: "context"), end)
        }
        if wholeFlags.contains(.givenName), !isSentenceInitial(start) {
            return (candidate(start, end, kind: .person, title: nil, evidence: "given-name"), end)
        }
        // Unknown: kept only if the merge finds it is the surname of a person named in full (`Martin`).
        return (candidate(start, end, kind: .misc, title: nil, evidence: "unresolved"), end)
    }

    /// A lower-case particle that can start a name after a title (`M. de Villepin`).
    mutating func isLowerParticleBeforeName(_ i: Int) -> Bool {
        isLower(i) && isOneOf(i, .particle) && isCapitalised(i + 1)
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
        var sawContent = false
        while end < limit {
            if end > start, !joined(end) { break }
            let token = tokens[end]
            guard token.kind == .word || token.kind == .number else { break }
            // The first word that is not an article must be capitalised (`Le Caire`, not `Le temps`).
            if !sawContent, token.kind == .word, !flags(end).contains(.functionWord) {
                guard isCapitalised(end) else { break }
                sawContent = true
            }
            key.append(bytes, token.span.start, token.span.end)
            end += 1
            guard sawContent else { continue }
            if let info = gazetteer.info(key) {
                if info.flags.contains(.forced), let kind = info.kind { best = (end, kind) }
                else if info.flags.contains(.organisation) { best = (end, .organization) }
                else if info.flags.contains(.place) { best = (end, .location) }
            }
        }
        return best.map { (end: $0.0, kind: $0.1) }
    }

    /// The end of the run of capitalised words from `start`: capitalised words on the same line, one space
    /// apart, and particles between two of them (`de`, `du`, `d'` only in a person's or a head word's name, so
    /// that `Maroc de Mohammed VI` stays two names).
    mutating func capitalRun(from start: Int, personLike: Bool, organisationHead: Bool) -> Int {
        var end = start + 1
        while end < count, end - start < Self.maxNameWords {
            if isCapitalised(end), joined(end), !flags(end).contains(.functionWord), !isPossessive(end) {
                end += 1
            } else if joined(end), isLower(end), isCapitalised(end + 1), joined(end + 1),
                      isOneOf(end, .particle),
                      personLike || organisationHead || !isOneOf(end, .link)
            {
                end += 2
            } else {
                break
            }
        }
        return end
    }

    /// Whether an unknown run of capitalised words looks like a person's name: two or three title-case words
    /// (no capitals throughout, no digits), none known as a place, head word or never-a-name word, the last not
    /// an adjective (`Saline Royale`, `Est Républicain`), and not a plural noun phrase (`Petits Tigres`).
    mutating func looksPersonal(_ start: Int, _ end: Int) -> Bool {
        guard (2...3).contains(end - start) else { return false }
        // `le Petit Prince`, `la Seconde Guerre`: an article does not come before a person's name.
        if isLower(start - 1), isOneOf(start - 1, .article) { return false }
        // `J.-P. Bruneau`, `J. Martin`: initials then a name of three letters or more, in lower case after its
        // capital (`S. V. P.`, `D. T.` are not names).
        if tokens[start].has(.abbreviation) {
            guard tokens[start].span.end - tokens[start].span.start <= 6, end - start == 2,
                  !tokens[start + 1].has(.abbreviation), !tokens[start + 1].has(.allCaps),
                  tokens[start + 1].span.end - tokens[start + 1].span.start >= 3
            else { return false }
            return true
        }
        // `Petit Breton`, `Jeune Homme`, `Bonne Maison`: a common adjective first.
        if isOneOf(start, .leadingAdjective) { return false }
        var plurals = 0
        for t in start..<end {
            guard isCapitalised(t), !tokens[t].has(.allCaps), !tokens[t].has(.hasDigit) else { return false }
            let f = flags(t)
            if f.contains(.place) || f.contains(.organisationHead) || !f.isDisjoint(with: .never) { return false }
            if let word = foldedWord(t), let last = word.last, last == 0x73 || last == 0x78 { plurals += 1 }
        }
        if plurals == end - start { return false }
        if let last = foldedWord(end - 1), NameWords.looksAdjectival(last), !tokens[end - 1].has(.hyphenated) {
            return false
        }
        return true
    }

    /// English `'s` split off a name (`Northern Crescent's`).
    func isPossessive(_ i: Int) -> Bool {
        guard isWord(i) else { return false }
        let span = tokens[i].span
        return span.end - span.start == 2 && (bytes[span.start] == 0x27) && (bytes[span.start + 1] | 0x20) == 0x73
    }

    /// A hyphenated given name whose first part is a known given name (`Jean-Luc`, `Marie-Claire`).
    mutating func isGivenNameCompound(_ i: Int) -> Bool {
        guard isCapitalised(i), tokens[i].has(.hyphenated) else { return false }
        let span = tokens[i].span
        var k = span.start
        while k < span.end, bytes[k] != 0x2D { k += 1 }
        guard k < span.end else { return false }
        var key = NameKey()
        key.append(bytes, span.start, k)
        return gazetteer.flags(key).contains(.givenName)
    }

    /// A French commune's name by its shape: one hyphenated word with a lower-case linking part (`Isle-sur-le-Doubs`,
    /// `Chavannes-sur-l'Etang`, `Courcelles-lès-Montbéliard`, `Arc-et-Senans`), or `Saint-`/`Sainte-` + a name.
    func isCommuneName(_ i: Int) -> Bool {
        guard isCapitalised(i), tokens[i].has(.hyphenated) else { return false }
        guard let word = foldedWord(i) else { return false }
        let parts = word.split(separator: 0x20)
        guard parts.count >= 2 else { return false }
        let links = NameWords.set(["sur", "sous", "les", "en", "de", "la", "le", "et", "aux", "du", "des", "d'", "l'"])
        for part in parts.dropFirst().dropLast() where links.contains(Array(part)) { return true }
        if parts.count >= 2, let last = parts.last, links.contains(Array(last)) == false,
           parts.dropFirst().contains(where: { $0.first == 0x6C && $0.count == 2 && $0.last == 0x27 })
        {
            return true
        }
        let first = Array(parts[0])
        return first == Array("saint".utf8) || first == Array("sainte".utf8)
    }

    /// A lower-case trigger noun and the name after it: `rue du Château`, `place Cuvier`, `église Notre-Dame`
    /// (places), `école Notre-Dame`, `boulangerie Leroy` (organisations). Streets, squares and halls take `de`,
    /// `du`, `des` before the name (`rue de la République`, `salle du Parc`); other triggers need the name right
    /// after them.
    mutating func triggered(at i: Int) -> (NameCandidate, Int)? {
        let place = isOneOf(i, .placeTrigger)
        guard place || isOneOf(i, .organisationTrigger) else { return nil }
        var j = i + 1
        guard joined(j) else { return nil }
        if isOneOf(i, .streetTrigger), isOneOf(j, .link),
           !isOneOf(j, .purposeLink)
        {
            j += 1
            if isOneOf(j, .linkArticle), joined(j) { j += 1 }
            guard joined(j) else { return nil }
        }
        // `groupe RPR`, `salle du COSEC`: an acronym is its own name.
        guard isCapitalised(j), !tokens[j].has(.allCaps) else { return nil }
        let f = flags(j)
        // `le jardin de J.-P. Bruneau`, `la maison de Jean Martin`: a person's, not a named place.
        if j > i + 1, f.contains(.givenName) || tokens[j].has(.abbreviation) || isGivenNameCompound(j) { return nil }
        // `le centre de Paris` is Paris; `la maison Belot` is the house.
        if f.contains(.place) || f.contains(.organisation) || !f.isDisjoint(with: .never) { return nil }
        let end = capitalRun(from: j, personLike: false, organisationHead: false)
        let kind: EntityKind = place ? .location : .organization
        return (candidate(i, end, kind: kind, title: nil, evidence: "trigger"), end)
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
