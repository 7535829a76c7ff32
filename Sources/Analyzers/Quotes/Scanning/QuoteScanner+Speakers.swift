import CorpusKit

/// Resolving speaker phrases to the article's entities: a name inside the phrase, a pronoun (`il`, `elle`,
/// `-t-il`) to the previous speaker or the last person named, `ce dernier` to the last person named, a role
/// (`le ministre`) to the person named earlier with that title; organisations and places speaking (`l'Élysée`,
/// `Washington`) are organisation speakers.
extension QuoteScanner {
    /// The entity the speaker phrase `range` (before token `limit` of the quotation) names, and remembers it
    /// as the last speaker.
    mutating func resolve(_ range: Range<Int>, before limit: Int) -> Quote.SpeakerEntity? {
        let phrase = span(range)
        // 1. A name inside the phrase: a person first, then an organisation or a place.
        var best: (entity: Int, rank: Int)?
        var people: [Int] = []
        var m = firstMention(atOrAfter: phrase.start)
        while m < mentions.count, mentions[m].span.start < phrase.end {
            let mention = mentions[m]
            m += 1
            guard mention.span.end <= phrase.end else { continue }
            if entities[mention.entity].kind == .person, !people.contains(mention.entity) { people.append(mention.entity) }
            let kind = entities[mention.entity].kind
            let rank = kind == .person ? 0 : kind == .organization ? 1 : 2
            if best == nil || rank < best!.rank { best = (mention.entity, rank) }
        }
        if let best {
            lastSpeaker = best.entity
            // `MM. Jean Martin et Paul Girard`: the other people named are co-speakers.
            if best.rank == 0, people.count > 1 {
                lastCoSpeakers = people.dropFirst().map { entity($0, method: "name") }
            }
            return entity(best.entity, method: "name")
        }
        let words = range.filter { isWord($0) }
        // 2. `ce dernier`, `cette dernière`: the last person named before the phrase.
        if words.contains(where: { isOne($0, of: QuoteWords.lastMentioned) }) {
            if let person = lastPerson(before: phrase.start) {
                lastSpeaker = person
                return entity(person, method: "ce-dernier")
            }
            return nil
        }
        // 3. A pronoun, alone or in an inverted form (`il`, `elle`, `ajoute-t-elle`).
        if words.count <= 2, words.contains(where: { isPronoun($0) }) {
            if let previous = lastSpeaker, previous < entities.count, entities[previous].kind == .person {
                return entity(previous, method: "pronoun")
            }
            if let person = lastPerson(before: phrase.start) {
                lastSpeaker = person
                return entity(person, method: "pronoun")
            }
            return nil
        }
        // 4. A role: the person named earlier with that title (`le ministre` → the one introduced as
        // `le ministre de la Justice, Jean Martin`); the 200 mentions before the phrase at most.
        for t in words where EntityGazetteer.standard.flags(key(t)).contains(.role) {
            let role = folded(t)
            let before = firstMention(atOrAfter: phrase.start)
            for mention in mentions[max(0, before - 200)..<before].reversed() where mention.span.end <= phrase.start {
                let entity = entities[mention.entity]
                guard entity.kind == .person else { continue }
                let titled = entity.mentions.contains { candidate in
                    guard let title = candidate.title else { return false }
                    return NameFolding.folded(title).split(separator: " ").contains { Array($0.utf8) == role }
                }
                if titled {
                    lastSpeaker = mention.entity
                    return self.entity(mention.entity, method: "role")
                }
            }
        }
        return nil
    }

    /// Whether token `t` is a subject pronoun, alone or at the end of an inverted verb (`dit-il`).
    func isPronoun(_ t: Int) -> Bool {
        let word = folded(t)
        if QuoteWords.pronouns.contains(word) { return true }
        for suffix in ["-il", "-elle", "-ils", "-elles", " il", " elle", " ils", " elles"] {
            let bytes = Array(suffix.utf8)
            if word.count > bytes.count, word.suffix(bytes.count).elementsEqual(bytes) { return true }
        }
        return false
    }

    /// The last person mentioned before byte `offset` (looking back over at most 200 mentions).
    func lastPerson(before offset: Int) -> Int? {
        var m = firstMention(atOrAfter: offset) - 1
        let stop = max(-1, m - 200)
        while m > stop {
            let mention = mentions[m]
            if mention.span.end <= offset, entities[mention.entity].kind == .person { return mention.entity }
            m -= 1
        }
        return nil
    }

    /// The index of the first mention starting at or after byte `offset` (binary search).
    func firstMention(atOrAfter offset: Int) -> Int {
        var low = 0, high = mentions.count
        while low < high {
            let mid = (low + high) / 2
            if mentions[mid].span.start < offset { low = mid + 1 } else { high = mid }
        }
        return low
    }

    func entity(_ index: Int, method: String) -> Quote.SpeakerEntity {
        .init(name: entities[index].canonicalName, kind: speakerKind(entities[index].kind), method: method)
    }

    /// Places speak for their governments (`Washington a répondu`): an organisation speaker.
    func speakerKind(_ kind: EntityKind) -> EntityKind { kind == .location ? .organization : kind }
}
