import CorpusKit

/// Organisations: names led by a head word (`Union`, `Ministère`, `Banque`, `Council`) extended over adjectives
/// and `de`/`du`/`des` groups, all-caps acronyms, and acronyms linked to their expansion written next to them
/// (`Organisation mondiale de la santé (OMS)`, `OMS (Organisation mondiale de la santé)`), after Schwartz and
/// Hearst's rule: the acronym's letters appear in order in the expansion, the first one starting it.
extension EntityScanner {
    /// An organisation candidate, linked to an acronym in parentheses right after it.
    mutating func organisation(_ start: Int, _ end: Int, title: Range<Int>?, evidence: String) -> (NameCandidate, Int) {
        var organisation = candidate(start, end, kind: .organization, title: title, evidence: evidence)
        // `… (ONU)`: the acronym is a mention of the same organisation.
        if parenthesis(end, 0x28), tokens.indices.contains(end + 1), tokens[end + 1].has(.allCaps),
           parenthesis(end + 2, 0x29), Self.isAbbreviation(of: start..<end, acronym: end + 1, in: self)
        {
            candidates.append(organisation)
            let expansion = candidates.count - 1
            var acronym = candidate(end + 1, end + 2, kind: .organization, title: nil, evidence: "acronym")
            acronym.expansion = expansion
            organisation = acronym
            return (organisation, end + 3)
        }
        return (organisation, end)
    }

    /// Extends an organisation led by a head word: `Ministère des Affaires étrangères`, `Organisation mondiale
    /// de la santé`, `Union africaine`, `Conseil de sécurité`, `Department of State`. Adjectives (by their
    /// endings) and capitalised words continue it; `de`/`du`/`des`/`d'`/`of` continue it when a capitalised word
    /// or a lower-case noun follows (`de la santé`), at most twice.
    ///
    /// Associations, unions and federations (`associative`) name their members at length: `Association nationale
    /// des anciens combattants de la Résistance`, `Union nationale des déportés, internés et familles de
    /// disparus`. After their head word the name runs over up to four `de` groups, plural words after a group's
    /// noun (`anciens combattants`), and lists of plural words (`déportés, internés et familles`).
    mutating func extendOrganisation(from end: Int, associative: Bool = false) -> Int {
        var end = end
        var links = 0
        let maximumLinks = associative ? 4 : 2
        /// A lower-case plural word (`combattants`, `internés`, `familles`): a member noun or its adjective.
        func plural(_ i: Int) -> Bool {
            guard isLower(i), let word = foldedWord(i), word.count >= 5, let last = word.last,
                  last == 0x73 || last == 0x78, !flags(i).contains(.functionWord), !isDateWord(i)
            else { return false }
            return true
        }
        while end < count, end < tokens.count, joined(end) || (associative && links > 0 && isComma(end)) {
            if associative, links > 0, isComma(end) || foldedWord(end) == Array("et".utf8), joined(end + 1),
               plural(end + 1)
            {
                end += 2  // `déportés, internés et familles`
                continue
            }
            if associative, links > 0, plural(end) {
                end += 1  // `des anciens combattants`
                continue
            }
            if isCapitalised(end), !flags(end).contains(.functionWord) {
                end += 1
            } else if isLower(end), let word = foldedWord(end), NameWords.looksAdjectival(word),
                      flags(end).isDisjoint(with: [.functionWord]), !isOneOf(end, .link)
            {
                end += 1
            } else if links < maximumLinks, isOneOf(end, .link) {
                var k = end + 1
                if isOneOf(k, .linkArticle), joined(k) { k += 1 }
                guard joined(k), isWord(k), !flags(k).contains(.functionWord) else { break }
                let link = foldedWord(end) ?? []
                let lowerNoun = isLower(k) && (foldedWord(k)?.count ?? 0) >= 3 && !isDateWord(k) && !looksInfinitive(k)
                    && link != Array("pour".utf8) && link != Array("for".utf8) && link != Array("on".utf8)
                if isCapitalised(k) || lowerNoun {
                    end = k + 1
                    links += 1
                } else {
                    break
                }
            } else {
                break
            }
        }
        return end
    }

    /// Whether token `i` is a comma glued to the word before it.
    func isComma(_ i: Int) -> Bool {
        i > 0 && i < count && tokens[i].kind == .punctuation && bytes[tokens[i].span.start] == 0x2C
            && tokens[i].span.start == tokens[i - 1].span.end
    }

    /// Heads of organisations that name their members at length (see ``extendOrganisation(from:associative:)``).
    static let associativeHeads = NameWords.set(["association", "associations", "union", "federation", "fondation",
                                                 "confederation", "amicale", "comite", "ligue", "syndicat",
                                                 "collectif", "coordination"])

    /// A French infinitive (`revoir`, `préserver`): a verb after `de` ends an organisation's name.
    func looksInfinitive(_ i: Int) -> Bool {
        guard let word = foldedWord(i), word.count >= 4 else { return false }
        let end = word.suffix(2)
        return end.elementsEqual("er".utf8) || end.elementsEqual("ir".utf8)
    }

    /// Whether the word at `i` is a month, weekday or other date word (`du mois`, `des Affaires de mars`).
    func isDateWord(_ i: Int) -> Bool {
        guard isWord(i), let folded = FoldedWord.fold(bytes, tokens[i].span.start, tokens[i].span.end)?.word else {
            return false
        }
        let entry = DateLexicon.entry(folded, period: false)
        return entry.month != 0 || entry.weekday != 0 || entry.unit != nil || entry.roman != 0
    }

    /// A single all-caps word: an organisation's acronym (`FMI`, `ONU`, `NATO`), unless it is a roman numeral,
    /// a known place (`USA`), or a word that is never a name; linked to an expansion in parentheses after it.
    mutating func acronym(_ i: Int) -> (NameCandidate, Int)? {
        let f = flags(i)
        if f.contains(.place) { return (candidate(i, i + 1, kind: .location, title: nil, evidence: "gazetteer"), i + 1) }
        // Roman numerals (`XIV`), codes with digits (`CM2`, `RD192`), months and other date words are not
        // acronyms.
        if !f.isDisjoint(with: .never) || isRomanNumeral(i) || tokens[i].has(.hasDigit) || isDateWord(i) {
            return nil
        }
        // Words written in capitals are not acronyms either: acronyms carry no accents and no hyphens, and
        // unknown ones are short (`INCENDIE`, `ÉTAT-CIVIL`, `SPÉCIAUX` are shouted words).
        let span = tokens[i].span
        let letters = span.end - span.start
        guard letters >= 2, letters <= 5 || f.contains(.organisation), !tokens[i].has(.hyphenated) else { return nil }
        for k in span.start..<span.end where bytes[k] >= 0x80 { return nil }
        var acronym = candidate(i, i + 1, kind: .organization, title: nil, evidence: "acronym")
        // `ACR (Long Form)`.
        if parenthesis(i + 1, 0x28), isCapitalised(i + 2) {
            var close = i + 2
            while close < min(count, i + 2 + Self.maxNameWords + 4), !parenthesis(close, 0x29) { close += 1 }
            if parenthesis(close, 0x29), Self.isAbbreviation(of: (i + 2)..<close, acronym: i, in: self) {
                candidates.append(acronym)
                var expansion = candidate(i + 2, close, kind: .organization, title: nil, evidence: "acronym")
                expansion.expansion = candidates.count - 1
                acronym = expansion
                return (acronym, close + 1)
            }
        }
        return (acronym, i + 1)
    }

    /// Roman numerals (`XIV`, `II`) are regnal numbers, not acronyms.
    func isRomanNumeral(_ i: Int) -> Bool {
        let span = tokens[i].span
        for k in span.start..<span.end {
            switch bytes[k] {
            case 0x49, 0x56, 0x58, 0x4C, 0x43, 0x44, 0x4D: continue
            default: return false
            }
        }
        return true
    }

    /// Whether token `i` is the one-byte punctuation `byte`.
    func parenthesis(_ i: Int, _ byte: UInt8) -> Bool {
        guard i >= 0, i < count, tokens[i].kind == .punctuation else { return false }
        let span = tokens[i].span
        return span.end - span.start == 1 && bytes[span.start] == byte
    }

    /// Schwartz and Hearst's test: every letter of the acronym is found, in order and from the end, in the
    /// expansion, the first letter starting a word of it; and the expansion has at most `letters + 5` words
    /// and at least as many capitalised or long words as half the acronym's letters.
    static func isAbbreviation(of range: Range<Int>, acronym: Int, in scanner: EntityScanner) -> Bool {
        let tokens = scanner.tokens, bytes = scanner.bytes
        guard acronym < tokens.count, !range.isEmpty else { return false }
        var letters: [UInt8] = []
        NameFolding.fold(bytes, tokens[acronym].span.start, tokens[acronym].span.end) { b in
            if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) { letters.append(b) }
        }
        guard letters.count >= 2, range.count <= letters.count + 5 else { return false }
        var expansion: [UInt8] = []
        var wordStarts: Set<Int> = []
        for t in range where tokens[t].kind == .word {
            if !expansion.isEmpty { expansion.append(0x20) }
            wordStarts.insert(expansion.count)
            NameFolding.fold(bytes, tokens[t].span.start, tokens[t].span.end) { expansion.append($0) }
        }
        // From the end: each acronym letter matches the nearest earlier letter; the first must start a word.
        var k = expansion.count - 1
        for (index, letter) in letters.enumerated().reversed() {
            while k >= 0, expansion[k] != letter || (index == 0 && !wordStarts.contains(k)) { k -= 1 }
            if k < 0 { return false }
            k -= 1
        }
        return true
    }
}
